// Messages of the core name the rows by Cấu hình's words (words.rowLevel): villages after 2025.
import type { Config } from '../../src/core';
import { config as base, consolidate, hpn, nomination, row, unit } from './helpers';

const XA = 'Xã Gia Lộc';
const config: Config = {
  ...base,
  units: [
    { name: XA, tab: XA, editors: [], communes: ['Thôn An (minh họa)', 'Thôn Bình (minh họa)'] },
  ],
  inactiveUnits: [],
  words: {
    ...base.words,
    provinceNoun: 'thành phố',
    unitLevel: 'xã',
    rowLevel: 'thôn, tổ dân phố',
    provinceRow: 'Toàn thành phố',
  },
};

test('row problems say "thôn", the shortlist says "thành phố"', () => {
  const r = consolidate(
    config,
    [
      unit(
        XA,
        [
          hpn(XA, 'Thôn An (minh họa)', 2021, 100, 10, 10),
          hpn(XA, 'Thôn Bình (minh họa)', 2021, 100, 10, 10),
          hpn(XA, 'Thôn An (minh họa)', 2025, 100, 1, 10),
          hpn(XA, 'Thôn Bình (minh họa)', 2025, 100, 1, 10),
          hpn(XA, 'Thôn Cũ', 2025, 100, 1, 1),
          row(XA, 'Thôn Bình (minh họa)', 2024, {
            households: 100,
            poor: 5,
            nearPoor: 5,
            mergedInto: 'Thôn Bình (minh họa)',
          }),
        ],
        {
          nominations: [
            nomination(XA, {
              id: 'N1',
              type: 'Tập thể',
              name: 'Thôn Xa',
              commune: 'Thôn Xa',
              achievement: 'Giảm nghèo',
              award: 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội',
              year: 2025,
            }),
          ],
        },
      ),
    ],
    2025,
    '2025-12-01T00:00:00Z',
  );
  const messages = r.summary.districts[0].errors.map((e) => e.message).join('\n');
  expect(messages).toContain('thôn "Thôn Cũ" không có trong danh sách thôn của Xã Gia Lộc');
  expect(messages).toContain('một thôn không thể sáp nhập vào chính nó');
  expect(messages).toContain('thôn "Thôn Xa" không có trong danh sách thôn của Xã Gia Lộc');
  expect(messages).not.toMatch(/(^|[^\p{L}])xã(?=[^\p{L}])/u);
  // Both villages: poor 10 → 1 (−90 %): the rule proposes each, "at village level".
  const rule = r.shortlist.find((e) => e.id.startsWith('DX-') && e.name === 'Thôn An (minh họa)');
  expect(rule?.reason).toContain('thôn đạt mục tiêu');
  expect(rule?.reason).toContain('ở cấp thôn');
  expect(rule?.reason).toContain('không phải của thành phố');
  expect(r.summary.total.name).toBe('Toàn thành phố');
});
