// Cấu hình's label / value tables as the bundle reads them: TRỌNG SỐ CHẤM ĐIỂM must have every
// row (a missing one is named with its table), a bad value is named by its cell, and the optional
// TỪ NGỮ HÀNH CHÍNH may lose a row (its default applies, nothing is reported).
import { CONFIG_SECTION } from '../../src/sheets/configLabels';
import { alertTextDuring } from '../../tools/workbookDriver';
import { newWorkbook, type Workbook } from './setupFixture';

const PROGRESS = 'Tiến độ đạt mục tiêu giảm nghèo';

let wb: Workbook;
beforeEach(() => {
  wb = newWorkbook();
  wb.setup();
});

/** The 1-based row of Cấu hình whose column A reads `label`. */
function rowOf(label: string): number {
  const values = wb.peek(() => wb.sheet('Cấu hình').getDataRange().getValues());
  const i = values.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row "${label}" on Cấu hình`);
  return i + 1;
}

/** The alert "Kiểm tra dữ liệu tất cả đơn vị" shows. */
function checkAll(): string {
  return alertTextDuring(wb, () => wb.bundle.call('menuCheckAll'));
}

test('a weight row taken out is named with its table', () => {
  const row = rowOf(PROGRESS);
  wb.peek(() =>
    wb
      .sheet('Cấu hình')
      .getRange(`A${row}:B${row}`)
      .setValues([['', '']]),
  );
  const message = checkAll();
  expect(message).toContain('Trang "Cấu hình" có lỗi');
  expect(message).toContain(`thiếu dòng "${PROGRESS}" trong bảng ${CONFIG_SECTION.weights}`);
});

test('a weight that is not a number is named by its cell', () => {
  const row = rowOf(PROGRESS);
  wb.peek(() => wb.sheet('Cấu hình').getRange(`B${row}`).setValue('hai mươi'));
  const message = checkAll();
  expect(message).toContain('Trang "Cấu hình" có lỗi');
  expect(message).toContain(`B${row}`);
});

test('an administrative word row taken out takes its default and reports nothing', () => {
  const row = rowOf('Tên dòng tổng');
  wb.peek(() =>
    wb
      .sheet('Cấu hình')
      .getRange(`A${row}:B${row}`)
      .setValues([['', '']]),
  );
  expect(checkAll()).not.toContain('Trang "Cấu hình" có lỗi');
});
