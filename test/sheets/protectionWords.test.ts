// "Kiểm tra cài đặt" describes the analysts-only area of a unit tab with the rows' noun of Cấu
// hình: "tên thôn" where the rows are villages, "tên xã" by default.
import { PROTECTION_TAG } from '../../src/sheets/protection';
import { protectionWhat } from '../../src/sheets/protectionCheck';

const locked = PROTECTION_TAG.locked('Huyện Gia Lộc');

test('rows of villages: the locked area names "tên thôn"', () => {
  expect(protectionWhat(locked, 'thôn')).toBe(
    'vùng chỉ cán bộ tổng hợp sửa (công thức, tiêu đề, tên thôn, dòng tổng)',
  );
});

test('the default rows: "tên xã", as before; other kinds have no noun', () => {
  expect(protectionWhat(locked, 'xã')).toBe(
    'vùng chỉ cán bộ tổng hợp sửa (công thức, tiêu đề, tên xã, dòng tổng)',
  );
  expect(protectionWhat(PROTECTION_TAG.status('Huyện Gia Lộc'), 'thôn')).toBe(
    'dòng trạng thái nộp báo cáo (chỉ cảnh báo)',
  );
});
