// The setup's help texts on a unit tab and its closing summary name the rows with the words of
// Cấu hình, as the tab's headers and note do: "thôn" where the rows are villages, "xã" by default.
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import { setupSummary, type SetupReport } from '../../src/sheets/setup';
import { SETUP_TEXT } from '../../src/sheets/setupText';
import { unitHelp } from '../../src/sheets/unitTab';

const village: Config = {
  ...DEFAULT_CONFIG,
  words: { ...DEFAULT_CONFIG.words, rowLevel: 'thôn, tổ dân phố' },
};

const report: SetupReport = {
  created: [],
  repaired: [],
  renamed: [],
  upgraded: ['Gia Lộc'],
  addedCommunes: [{ tab: 'Gia Lộc', communes: ['Thôn Mới'] }],
  skipped: [],
  configWritten: false,
};

test('rows of villages: the merger help texts say "thôn"', () => {
  const help = unitHelp(village, SETUP_TEXT.unit.help);
  expect(help.successor).toBe('Chỉ điền khi thôn đã sáp nhập: chọn thôn nhận sáp nhập.');
  expect(help.lastYear).toBe(
    'Chỉ điền khi thôn đã sáp nhập: năm cuối cùng thôn này còn báo cáo số liệu.',
  );
  expect(help.count).toBe('Nhập số nguyên không âm (số hộ).');
});

test('the default rows: the merger help texts say "xã", as before', () => {
  const help = unitHelp(DEFAULT_CONFIG, SETUP_TEXT.unit.help);
  expect(help.successor).toBe('Chỉ điền khi xã đã sáp nhập: chọn xã nhận sáp nhập.');
});

test('rows of villages: the summary names the rows added and the new column with "thôn"', () => {
  expect(setupSummary(report, SETUP_TEXT.summary, village.words).split('\n')).toEqual([
    'Đã thêm cột "Kiểm tra tên thôn" và cột "Kiểm tra" của từng năm vào 1 trang: Gia Lộc; số liệu đã nhập vẫn giữ nguyên. Hãy chạy lại "Phân quyền các trang tính" để khoá các cột mới.',
    'Trang "Gia Lộc": đã thêm 1 thôn: Thôn Mới.',
    'Số liệu đã nhập được giữ nguyên.',
  ]);
});

test('the default rows: the summary says "xã", as before', () => {
  const lines = setupSummary(report, SETUP_TEXT.summary, DEFAULT_CONFIG.words).split('\n');
  expect(lines[0]).toContain('Đã thêm cột "Kiểm tra tên xã" và cột "Kiểm tra"');
  expect(lines[1]).toBe('Trang "Gia Lộc": đã thêm 1 xã: Thôn Mới.');
});
