// The guide ("Hướng dẫn") names the rows of a unit tab with the words of Cấu hình, as the unit
// tab does: where the rows are villages ("thôn, tổ dân phố"), no line of it says "xã".
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { guideLines } from '../../src/sheets/guideTab';
import { guideRows } from '../../tools/build';

const village = {
  ...DEFAULT_CONFIG,
  words: { ...DEFAULT_CONFIG.words, rowLevel: 'thôn, tổ dân phố' },
};
const lines = guideLines(village, guideRows(readFileSync('src/sheets/guide.txt', 'utf8')));

test('the merger heading and the zero-baseline rule name the rows "thôn"', () => {
  expect(lines).toContainEqual({ text: '4. THÔN SÁP NHẬP', heading: true });
  expect(lines).toContainEqual({
    text: '• Thôn không có hộ nghèo và hộ cận nghèo ở đầu kỳ được tính là đạt nếu năm nay vẫn không có hộ nghèo, hộ cận nghèo.',
  });
});

test('no line says "xã" when the rows are villages ("Xã hội" in a department\'s name aside)', () => {
  const commune = /(^|[^\p{L}])xã(?! hội)($|[^\p{L}])/iu;
  const withCommune = lines.filter((l) => commune.test(l.text));
  expect(withCommune).toEqual([]);
});
