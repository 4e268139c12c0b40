// Bad values typed into the figures of a unit tab (see corpus.ts for the four checks per case).
import { message } from '../../../tools/emulator';
import { type Case } from '../corpus';
import { cellOf, layoutOf } from '../harness';

export const VALUE_CASES: Case[] = [
  {
    name: 'a count written in words ("mười")',
    input: 'gõ "mười" vào ô tổng số hộ năm 2025',
    unit: 0,
    apply: (x) => x.type(cellOf(0, 0, 'households'), 'mười'),
    expect: {
      kind: 'error',
      fragment: 'tổng số hộ ("mười") không phải là số',
      cell: cellOf(0, 0, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a count with a unit ("12 hộ")',
    input: 'gõ "12 hộ" vào ô hộ nghèo năm 2025',
    unit: 1,
    apply: (x) => x.type(cellOf(1, 1, 'poor'), '12 hộ'),
    expect: {
      kind: 'error',
      fragment: 'số hộ nghèo ("12 hộ") không phải là số',
      cell: cellOf(1, 1, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a decimal count with a comma ("12,5")',
    input: 'gõ "12,5" (số thập phân) vào ô hộ cận nghèo năm 2025',
    unit: 2,
    apply: (x) => x.type(cellOf(2, 2, 'nearPoor'), '12,5'),
    expect: {
      kind: 'error',
      fragment: 'số hộ cận nghèo (12,5) không phải là số nguyên',
      cell: cellOf(2, 2, 'nearPoor'),
      provisional: true,
    },
  },
  {
    name: 'a decimal with a dot ("12.5"), stored as text by a Vietnamese sheet',
    input: 'gõ "12.5" vào ô tổng số hộ đầu kỳ 2021',
    unit: 3,
    apply: (x) => x.type(cellOf(3, 0, 'households', 2021), '12.5'),
    expect: {
      kind: 'error',
      fragment: 'là chữ, không phải số và phải là số nguyên',
      cell: cellOf(3, 0, 'households', 2021),
      provisional: true,
    },
  },
  {
    name: 'a negative count',
    input: 'gõ "-3" vào ô hộ nghèo năm 2025',
    unit: 4,
    apply: (x) => x.type(cellOf(4, 3, 'poor'), '-3'),
    expect: {
      kind: 'error',
      fragment: 'số hộ nghèo (-3) là số âm',
      cell: cellOf(4, 3, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a blank in the middle of a filled row',
    input: 'xóa ô hộ nghèo năm 2025 của một xã (các ô khác vẫn có số)',
    unit: 5,
    apply: (x) => x.type(cellOf(5, 4, 'poor'), ''),
    expect: {
      kind: 'error',
      fragment: 'số hộ nghèo còn trống',
      cell: cellOf(5, 4, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a date where a count belongs',
    input: 'gõ "15/11/2025" vào ô tổng số hộ năm 2025',
    unit: 6,
    apply: (x) => x.type(cellOf(6, 1, 'households'), '15/11/2025'),
    // The input cells are formatted as numbers, so Sheets stores the date's serial (45.976).
    expect: {
      kind: 'error',
      fragment: 'là ngày 15/11/2025: có thể đã gõ một ngày vào ô số',
      cell: cellOf(6, 1, 'households'),
      provisional: true,
    },
  },
  {
    name: '1e308',
    input: 'gõ "1e308" vào ô hộ cận nghèo năm 2025',
    unit: 7,
    apply: (x) => x.type(cellOf(7, 0, 'nearPoor'), '1e308'),
    expect: {
      kind: 'error',
      fragment: 'quá lớn',
      cell: cellOf(7, 0, 'nearPoor'),
      provisional: true,
    },
  },
  {
    name: '1e309 (beyond a double)',
    input: 'gõ "1e309" vào ô tổng số hộ năm 2025',
    unit: 8,
    apply: (x) => x.type(cellOf(8, 2, 'households'), '1e309'),
    // Sheets cannot hold it: the cell shows #NUM!.
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#NUM!) — số quá lớn hoặc phép tính không hợp lệ',
      cell: cellOf(8, 2, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a formula that divides by zero (#DIV/0!)',
    input: 'gõ công thức "=1/0" vào ô tổng số hộ năm 2025',
    unit: 9,
    apply: (x) => x.type(cellOf(9, 5, 'households'), '=1/0'),
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#DIV/0!)',
      cell: cellOf(9, 5, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a formula with a broken reference (#REF!)',
    input: 'gõ công thức "=#REF!+1" vào ô hộ nghèo năm 2025',
    unit: 10,
    apply: (x) => x.type(cellOf(10, 1, 'poor'), '=#REF!+1'),
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#REF!)',
      cell: cellOf(10, 1, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a formula with an unknown function (#NAME?)',
    input: 'gõ công thức "=TONGCONG(1,2)" vào ô hộ cận nghèo năm 2025',
    unit: 11,
    apply: (x) => x.type(cellOf(11, 0, 'nearPoor'), '=TONGCONG(1,2)'),
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#NAME?)',
      cell: cellOf(11, 0, 'nearPoor'),
      provisional: true,
    },
  },
  {
    name: 'a formula returning #N/A',
    input: 'gõ công thức "=NA()" vào ô hộ nghèo năm 2025',
    unit: 0,
    apply: (x) => x.type(cellOf(0, 3, 'poor'), '=NA()'),
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#N/A)',
      cell: cellOf(0, 3, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a formula returning #NUM!',
    input: 'gõ công thức "=SQRT(-1)" vào ô tổng số hộ năm 2025',
    unit: 1,
    apply: (x) => x.type(cellOf(1, 2, 'households'), '=SQRT(-1)'),
    expect: {
      kind: 'error',
      fragment: 'là lỗi công thức (#NUM!)',
      cell: cellOf(1, 2, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a formula returning text',
    input: 'gõ công thức \'="mười hai"\' vào ô hộ nghèo năm 2025',
    unit: 2,
    apply: (x) => x.type(cellOf(2, 1, 'poor'), '="mười hai"'),
    expect: {
      kind: 'error',
      fragment: 'số hộ nghèo ("mười hai") không phải là số',
      cell: cellOf(2, 1, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a formula typed by the user that gives the right number',
    input: 'gõ công thức "=<số cũ − 64>+64" vào ô tổng số hộ năm 2025 (kết quả bằng số cũ)',
    unit: 3,
    apply: (x) => {
      const a = cellOf(3, 2, 'households');
      x.type(a, `=${Number(x.value(a)) - 64}+64`);
    },
    expect: { kind: 'accepted' },
  },
  {
    name: 'a pasted number with an English thousands separator ("1,234")',
    input: 'dán "1,234" (dấu phẩy phân cách hàng nghìn kiểu tiếng Anh) vào ô tổng số hộ năm 2025',
    unit: 4,
    apply: (x) => x.type(cellOf(4, 0, 'households'), '1,234'),
    expect: {
      kind: 'error',
      fragment: /tổng số hộ \(1,234\) không phải là số nguyên.*hàng nghìn/,
      cell: cellOf(4, 0, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a pasted number with spaces between thousands ("3 064")',
    input: 'dán "3 064" (khoảng trắng phân cách hàng nghìn) vào ô tổng số hộ năm 2025',
    unit: 5,
    apply: (x) => x.type(cellOf(5, 0, 'households'), '3 064'),
    expect: {
      kind: 'error',
      fragment: 'có dấu phân cách hàng nghìn; hãy gõ 3064',
      cell: cellOf(5, 0, 'households'),
      provisional: true,
    },
  },
  {
    name: 'a number typed as text with a leading apostrophe',
    input: 'gõ "\'45" (có dấu nháy) vào ô hộ nghèo năm 2025',
    unit: 6,
    apply: (x) => x.type(cellOf(6, 0, 'poor'), "'45"),
    expect: {
      kind: 'error',
      fragment: 'là chữ, không phải số; hãy gõ lại 45 dưới dạng số',
      cell: cellOf(6, 0, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'TRUE in a count',
    input: 'gõ "TRUE" vào ô hộ cận nghèo năm 2025',
    unit: 7,
    apply: (x) => x.type(cellOf(7, 2, 'nearPoor'), 'TRUE'),
    expect: {
      kind: 'error',
      fragment: 'là giá trị đúng/sai (TRUE/FALSE), không phải số',
      cell: cellOf(7, 2, 'nearPoor'),
      provisional: true,
    },
  },
  {
    name: 'a percentage in a count ("5%")',
    input: 'gõ "5%" vào ô hộ nghèo năm 2025',
    unit: 8,
    apply: (x) => x.type(cellOf(8, 1, 'poor'), '5%'),
    expect: {
      kind: 'error',
      fragment: /số hộ nghèo \(0,05\) không phải là số nguyên/,
      cell: cellOf(8, 1, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'more poor households than households',
    input: 'gõ số hộ nghèo lớn hơn tổng số hộ (năm 2025)',
    unit: 9,
    apply: (x) =>
      x.type(cellOf(9, 2, 'poor'), String(Number(x.value(cellOf(9, 2, 'households'))) + 10)),
    expect: {
      kind: 'error',
      fragment: /số hộ nghèo \(\d+\) lớn hơn tổng số hộ/,
      cell: cellOf(9, 2, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'poor plus near-poor more than households',
    input: 'số hộ nghèo + cận nghèo vượt tổng số hộ (năm 2025)',
    unit: 10,
    apply: (x) => {
      const h = Number(x.value(cellOf(10, 3, 'households')));
      x.type(cellOf(10, 3, 'poor'), String(Math.ceil(h / 2) + 5), String(Math.ceil(h / 2)));
    },
    expect: {
      kind: 'error',
      fragment: /cộng số hộ cận nghèo \(\d+\) bằng \d+, lớn hơn tổng số hộ/,
      cell: cellOf(10, 3, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a broken movement identity (2022 row)',
    input: 'nhập năm 2022 với thoát nghèo/tái nghèo/phát sinh không khớp số hộ nghèo',
    unit: 11,
    apply: (x) => {
      const poor2021 = Number(x.value(cellOf(11, 1, 'poor', 2021)));
      const h = Number(x.value(cellOf(11, 1, 'households', 2021)));
      x.type(
        cellOf(11, 1, 'households', 2022),
        String(h),
        String(poor2021 - 5),
        '40',
        '10',
        '0',
        '0',
      );
    },
    // An error of another year is listed but does not make 2025 provisional.
    expect: {
      kind: 'error',
      fragment: /số hộ nghèo cuối năm 2022 \(\d+\) không khớp với biến động hộ nghèo/,
      cell: cellOf(11, 1, 'poor', 2022),
      provisional: false,
    },
  },
  {
    name: 'a broken movement identity (2025 row, after a 2024 row)',
    input: 'nhập năm 2024 làm cho biến động năm 2025 không khớp',
    unit: 0,
    apply: (x) => {
      // a commune whose 2025 row has its movement filled
      const n = layoutOf(0).communeCount;
      let c = 0;
      while (c < n && x.value(cellOf(0, c, 'poorExited')) === '') c++;
      const poor = Number(x.value(cellOf(0, c, 'poor', 2021)));
      const h = Number(x.value(cellOf(0, c, 'households', 2021)));
      x.type(cellOf(0, c, 'households', 2024), String(h), String(poor + 7), '30');
    },
    expect: {
      kind: 'error',
      fragment:
        /số hộ nghèo cuối năm 2025 \(\d+\) không khớp với biến động hộ nghèo: \d+ \(cuối năm 2024/,
      provisional: true,
    },
  },
  {
    name: 'the movement filled in part (1 of 3)',
    input: 'chỉ điền ô thoát nghèo năm 2025, để trống tái nghèo và phát sinh',
    unit: 1,
    apply: (x) => {
      const n = layoutOf(1).communeCount;
      let c = 0;
      while (c < n && x.value(cellOf(1, c, 'poorExited')) !== '') c++;
      x.type(cellOf(1, c, 'poorExited'), '3');
    },
    expect: { kind: 'error', fragment: 'biến động hộ nghèo mới điền 1/3 số', provisional: true },
  },
  {
    name: 'a 50,000-character string in a count',
    input: 'dán một chuỗi 50.000 ký tự vào ô hộ nghèo năm 2025',
    unit: 2,
    apply: (x) => x.type(cellOf(2, 3, 'poor'), 'x'.repeat(50_000)),
    expect: {
      kind: 'error',
      fragment: /số hộ nghèo \("x{40}…"\) không phải là số/,
      cell: cellOf(2, 3, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a 50,001-character string: Sheets refuses it',
    input: 'dán một chuỗi 50.001 ký tự vào một ô',
    unit: 3,
    apply: (x) => x.type(cellOf(3, 3, 'poor'), 'x'.repeat(50_001)),
    expect: {
      kind: 'refused',
      // What Sheets says to the province's staff, whose Google accounts are in Vietnamese.
      error: message('tooManyChars', 'vi'),
    },
  },
  {
    name: 'criteria: a yes/no answer that is neither',
    input: 'gõ "Có lẽ" vào tiêu chí "Ban hành kế hoạch" năm 2025',
    unit: 4,
    apply: (x) => x.type(`E${layoutOf(4).firstCriteriaRow}`, 'Có lẽ'),
    expect: {
      kind: 'error',
      fragment: 'phải là "Có" hoặc "Không"',
      cell: `E${layoutOf(4).firstCriteriaRow}`,
      provisional: false,
    },
  },
  {
    name: 'criteria: a decimal number of initiatives',
    input: 'gõ "2,5" vào "Số sáng kiến, mô hình" năm 2025',
    unit: 5,
    apply: (x) => x.type(`E${layoutOf(5).firstCriteriaRow + 5}`, '2,5'),
    expect: {
      kind: 'error',
      fragment: 'số sáng kiến, mô hình năm 2025 (2,5) không phải là số nguyên',
      cell: `E${layoutOf(5).firstCriteriaRow + 5}`,
      provisional: false,
    },
  },
];
