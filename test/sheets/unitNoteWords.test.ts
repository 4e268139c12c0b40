// The note of a unit tab (row 3) names the rows with the words of Cấu hình, as the tab's headers
// and its spacer row do: "thôn" where the rows are villages, "xã" by default.
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import { SETUP_TEXT } from '../../src/sheets/setupText';
import { unitGrid } from '../../src/sheets/unitTab';

const note = (config: Config): string => {
  const { layout, values } = unitGrid(config, config.units[0], SETUP_TEXT.unit);
  return String(values[layout.noteRow - 1][0]);
};

test('rows of villages ("thôn, tổ dân phố"): the note says "thôn"', () => {
  const village = {
    ...DEFAULT_CONFIG,
    words: { ...DEFAULT_CONFIG.words, rowLevel: 'thôn, tổ dân phố' },
  };
  expect(note(village)).toBe(
    'Nhập số hộ vào ô nền trắng; ô nền xám tự tính, không sửa. Thôn sáp nhập: chọn thôn nhận sáp nhập và năm báo cáo cuối. ' +
      'Thêm thôn: cán bộ tổng hợp ghi vào trang "Cấu hình". Hạn nộp báo cáo: trước ngày 30/11 hằng năm. Xem trang "Hướng dẫn".',
  );
});

test('the default rows ("xã, phường, thị trấn"): the note says "xã", as before', () => {
  expect(note(DEFAULT_CONFIG)).toBe(
    'Nhập số hộ vào ô nền trắng; ô nền xám tự tính, không sửa. Xã sáp nhập: chọn xã nhận sáp nhập và năm báo cáo cuối. ' +
      'Thêm xã: cán bộ tổng hợp ghi vào trang "Cấu hình". Hạn nộp báo cáo: trước ngày 30/11 hằng năm. Xem trang "Hướng dẫn".',
  );
});
