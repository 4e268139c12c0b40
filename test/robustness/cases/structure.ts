// Bad names, nominations and changes to the structure of a unit tab (see corpus.ts for the four
// checks per case). The deleted tab comes last.
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { sampleNominations } from '../../../tools/demo/sampleData';
import { type Case, type Ctx } from '../corpus';
import {
  ANALYST,
  api,
  BASELINE_YEAR,
  cellOf,
  layoutOf,
  sampleRows,
  typeCommuneRows,
  typeNominations,
  UNITS,
} from '../harness';

const communeCell = (unit: number, c: number) => `B${layoutOf(unit).firstCommuneRow + c}`;
const mergedIntoCell = (unit: number, c: number) => `C${layoutOf(unit).firstCommuneRow + c}`;
const name = (unit: number, c: number) => UNITS[unit].communes[c];

/** A nomination typed on the first free row: id, year, type, name, commune, achievement, award. */
function nominate(x: Ctx, values: string[]): void {
  x.type(`A${x.nominationRow()}`, ...values);
}
const AWARD = 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố';

export const STRUCTURE_CASES: Case[] = [
  {
    name: 'a commune name in NFD (decomposed) form',
    input: 'tên xã gõ bằng bộ gõ tạo chữ tổ hợp (NFD)',
    unit: 0,
    apply: (x) => x.type(communeCell(0, 1), name(0, 1).normalize('NFD')),
    expect: { kind: 'accepted' },
  },
  {
    name: 'a commune name with trailing spaces',
    input: 'tên xã có dấu cách ở cuối',
    unit: 1,
    apply: (x) => x.type(communeCell(1, 2), `${name(1, 2)}   `),
    expect: { kind: 'accepted' },
  },
  {
    name: 'a commune name with double spaces and a no-break space',
    input: 'tên xã có hai dấu cách liền nhau và dấu cách không ngắt',
    unit: 2,
    apply: (x) =>
      x.type(
        communeCell(2, 0),
        name(2, 0)
          .replace(' ', '  ')
          .replace(/ (?=[^ ]*$)/, '\u00a0'),
      ),
    expect: { kind: 'accepted' },
  },
  {
    name: 'a commune name with a zero-width space pasted in',
    input: 'tên xã dán từ web có ký tự ẩn (zero-width space)',
    unit: 3,
    apply: (x) => x.type(communeCell(3, 1), name(3, 1).replace(' ', ' \u200b')),
    expect: { kind: 'error', fragment: /ký tự ẩn/, cell: communeCell(3, 1), provisional: true },
  },
  {
    name: 'a commune name in lower case',
    input: 'tên xã gõ toàn chữ thường',
    unit: 4,
    apply: (x) => x.type(communeCell(4, 2), name(4, 2).toLowerCase()),
    expect: { kind: 'error', fragment: /chữ hoa/, cell: communeCell(4, 2), provisional: true },
  },
  {
    name: 'the same commune twice',
    input: 'gõ tên một xã vào dòng của xã khác (một xã xuất hiện hai lần)',
    unit: 5,
    apply: (x) => x.type(communeCell(5, 3), name(5, 2)),
    expect: {
      kind: 'error',
      fragment: `${name(5, 2)} có 2 dòng số liệu cho năm 2025`,
      provisional: true,
    },
  },
  {
    name: 'a commune not in the list',
    input: 'sửa tên xã thành một xã không có trong Cấu hình',
    unit: 6,
    apply: (x) => x.type(communeCell(6, 1), 'Xã Không Có Thật'),
    expect: {
      kind: 'error',
      fragment: 'xã "Xã Không Có Thật" không có trong danh sách xã',
      cell: communeCell(6, 1),
      provisional: true,
    },
  },
  {
    name: 'a 50,000-character commune name',
    input: 'dán chuỗi 50.000 ký tự vào ô tên xã',
    unit: 7,
    apply: (x) => x.type(communeCell(7, 0), 'Xã '.padEnd(50_000, 'a')),
    expect: {
      kind: 'error',
      fragment: /không có trong danh sách xã/,
      cell: communeCell(7, 0),
      provisional: true,
    },
  },
  {
    name: 'a commune name that is a number',
    input: 'gõ số 123 vào ô tên xã',
    unit: 8,
    apply: (x) => x.type(communeCell(8, 2), '123'),
    expect: {
      kind: 'error',
      fragment: 'xã "123" không có trong danh sách xã',
      cell: communeCell(8, 2),
      provisional: true,
    },
  },
  {
    name: 'a row inserted in the middle of the table',
    input: 'chèn hai dòng trống giữa các xã',
    unit: 9,
    apply: (x) => {
      const at = layoutOf(9).firstCommuneRow + 3;
      x.sheet().insertRowsBefore(at, 2);
      x.onUndo(() => x.sheet().deleteRows(at, 2));
    },
    expect: { kind: 'accepted' },
  },
  {
    name: 'a row inserted in the middle with figures for an unknown commune',
    input: 'chèn một dòng giữa bảng và nhập số liệu cho một xã không có trong Cấu hình',
    unit: 10,
    apply: (x) => {
      const at = layoutOf(10).firstCommuneRow + 2;
      x.sheet().insertRowsBefore(at, 1);
      x.onUndo(() => x.sheet().deleteRows(at, 1));
      x.type(`B${at}`, 'Xã Mới Lập');
      x.type(cellOf(10, 2, 'households', 2021), '1000', '20', '30');
    },
    expect: {
      kind: 'error',
      fragment: 'xã "Xã Mới Lập" không có trong danh sách xã',
      cell: `B${layoutOf(10).firstCommuneRow + 2}`,
      provisional: true,
    },
  },
  {
    name: "a commune's row deleted",
    input: 'xóa hẳn dòng của một xã trong bảng',
    unit: 9,
    apply: (x) => deleteRowWithUndo(x, layoutOf(9).firstCommuneRow + 4),
    expect: {
      kind: 'error',
      fragment: /không có dòng của Xã .* trong bảng số liệu/,
      provisional: true,
    },
  },
  {
    name: 'columns inserted inside the table, with notes typed in them',
    input: 'chèn hai cột giữa khối đầu kỳ và gõ ghi chú vào đó',
    unit: 11,
    apply: (x) => {
      x.sheet().insertColumnsBefore(6, 2);
      x.onUndo(() => x.sheet().deleteColumns(6, 2));
      x.type(`F${layoutOf(11).firstCommuneRow}`, 'ghi chú', '12');
    },
    expect: { kind: 'accepted' },
  },
  {
    name: 'the field header row deleted',
    input: 'xóa dòng tiêu đề cột (Tổng số hộ, Hộ nghèo, …)',
    unit: 0,
    apply: (x) => deleteRowWithUndo(x, layoutOf(0).headerRow + 1, true),
    expect: {
      kind: 'error',
      fragment: /khối "Năm 2025" thiếu cột "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo"/,
      provisional: true,
    },
  },
  {
    name: 'the title header row deleted (no "STT")',
    input: 'xóa dòng tiêu đề có ô "STT"',
    unit: 1,
    apply: (x) => deleteRowWithUndo(x, layoutOf(1).headerRow, true),
    expect: {
      kind: 'error',
      fragment: 'không tìm thấy dòng tiêu đề bảng số liệu',
      provisional: true,
    },
  },
  {
    name: 'a field header renamed',
    input: 'sửa tiêu đề cột "Hộ nghèo" năm 2025 thành "Số hộ nghèo"',
    unit: 2,
    apply: (x) =>
      x.type(
        `${cellOf(2, 0, 'poor').replace(/\d+$/, '')}${layoutOf(2).headerRow + 1}`,
        'Số hộ nghèo',
      ),
    expect: { kind: 'error', fragment: 'khối "Năm 2025" thiếu cột "Hộ nghèo"', provisional: true },
  },
  {
    name: 'a year title changed',
    input: 'sửa tiêu đề khối "Năm 2025" thành "Năm 2026"',
    unit: 3,
    apply: (x) =>
      x.type(
        `${cellOf(3, 0, 'households').replace(/\d+$/, '')}${layoutOf(3).headerRow}`,
        'Năm 2026',
      ),
    expect: { kind: 'error', fragment: 'không tìm thấy khối cột "Năm 2025"', provisional: true },
  },
  {
    name: 'the total row label cleared',
    input: 'xóa chữ "Tổng cộng" ở dòng tổng',
    unit: 4,
    apply: (x) => x.type(`A${layoutOf(4).totalRow}`, ''),
    expect: { kind: 'accepted' },
  },
  {
    name: 'merged cells over figures',
    input: 'gộp ô (merge) ba ô số liệu năm 2025 của một xã',
    unit: 5,
    apply: (x) => {
      const first = cellOf(5, 5, 'households');
      const last = cellOf(5, 5, 'nearPoor');
      x.type(first, x.value(first), x.value(cellOf(5, 5, 'poor')), x.value(last)); // so undo restores them
      const range = x.sheet().getRange(`${first}:${last}`);
      range.merge();
      x.onUndo(() => x.sheet().getRange(`${first}:${last}`).breakApart());
    },
    expect: {
      kind: 'error',
      fragment: 'số hộ nghèo còn trống',
      cell: cellOf(5, 5, 'poor'),
      provisional: true,
    },
  },
  {
    name: 'a merger year without the successor commune',
    input: 'ghi "Năm báo cáo cuối" mà không ghi "Sáp nhập vào xã"',
    unit: 6,
    apply: (x) => x.type(`D${layoutOf(6).firstCommuneRow + 3}`, '2024'),
    expect: {
      kind: 'error',
      fragment: 'có năm báo cáo cuối 2024 nhưng chưa ghi sáp nhập vào xã nào',
      cell: mergedIntoCell(6, 3),
      provisional: true,
    },
  },
  {
    name: 'a merger into a commune that does not exist',
    input: 'ghi "Sáp nhập vào xã" một xã không có trong danh sách',
    unit: 7,
    apply: (x) => x.type(mergedIntoCell(7, 2), 'Xã Ma', '2025'),
    expect: {
      kind: 'error',
      fragment: 'xã được sáp nhập vào "Xã Ma" không có trong danh sách xã của đơn vị',
      cell: mergedIntoCell(7, 2),
      provisional: true,
    },
  },
  {
    name: 'a commune merged into itself',
    input: 'ghi một xã sáp nhập vào chính nó',
    unit: 8,
    apply: (x) => x.type(mergedIntoCell(8, 1), name(8, 1), '2025'),
    expect: {
      kind: 'error',
      fragment: 'một xã không thể sáp nhập vào chính nó',
      cell: mergedIntoCell(8, 1),
      provisional: true,
    },
  },
  {
    name: 'a nomination with an award not in the list',
    input: 'đề cử với hình thức "Bằng khen của Bộ Quốc phòng"',
    unit: 9,
    apply: (x) =>
      nominate(x, [
        '',
        '2025',
        'Cá nhân',
        'Lê Thị C',
        '',
        'Vận động 30 hộ thoát nghèo.',
        'Bằng khen của Bộ Quốc phòng',
      ]),
    expect: {
      kind: 'error',
      fragment: 'hình thức khen thưởng "Bằng khen của Bộ Quốc phòng" không có trong danh mục',
      provisional: false,
    },
  },
  {
    name: 'a nomination with an unknown type',
    input: 'đề cử có loại "Tập thể lớn"',
    unit: 10,
    apply: (x) =>
      nominate(x, [
        '',
        '2025',
        'Tập thể lớn',
        'Hội Phụ nữ huyện',
        '',
        'Giúp 50 hộ vay vốn.',
        AWARD,
      ]),
    expect: {
      kind: 'error',
      fragment: 'loại đối tượng "Tập thể lớn" không hợp lệ',
      provisional: false,
    },
  },
  {
    name: 'a nomination for a year outside the period',
    input: 'đề cử cho năm 2030',
    unit: 11,
    apply: (x) =>
      nominate(x, ['', '2030', 'Cá nhân', 'Phạm Văn D', '', 'Giúp 10 hộ thoát nghèo.', AWARD]),
    expect: {
      kind: 'error',
      fragment: 'năm 2030 không thuộc các năm 2022, 2023, 2024, 2025',
      provisional: false,
    },
  },
  {
    name: 'a nomination without a name',
    input: 'đề cử không ghi tên',
    unit: 0,
    apply: (x) => nominate(x, ['', '2025', 'Cá nhân', '', '', 'Giúp 10 hộ thoát nghèo.', AWARD]),
    expect: {
      kind: 'error',
      fragment: 'thiếu tên tập thể, cá nhân hoặc tổ chức được đề nghị',
      provisional: false,
    },
  },
  {
    name: "a nomination naming another unit's commune",
    input: 'đề cử tập thể của một xã thuộc huyện khác',
    unit: 1,
    apply: (x) =>
      nominate(x, [
        '',
        '2025',
        'Tập thể',
        `Ủy ban nhân dân ${name(2, 0)}`,
        name(2, 0),
        'Giảm nghèo nhanh.',
        AWARD,
      ]),
    expect: {
      kind: 'error',
      fragment: `xã "${name(2, 0)}" không có trong danh sách xã của ${UNITS[1].name}`,
      provisional: false,
    },
  },
  {
    name: 'a nomination with a 50,000-character achievement',
    input: 'dán 50.000 ký tự vào "Tóm tắt thành tích" của một đề cử',
    unit: 2,
    apply: (x) =>
      nominate(x, [
        '',
        '2025',
        'Cá nhân',
        'Đỗ Văn E',
        '',
        'Thành tích '.padEnd(50_000, '.'),
        AWARD,
      ]),
    expect: { kind: 'error', fragment: /tóm tắt thành tích quá dài/, provisional: false },
  },
  {
    name: 'a nomination with a 50,000-character name',
    input: 'dán 50.000 ký tự vào tên người được đề cử',
    unit: 3,
    apply: (x) =>
      nominate(x, ['', '2025', 'Cá nhân', 'Ông '.padEnd(50_000, 'A'), '', 'Giúp 10 hộ.', AWARD]),
    expect: { kind: 'error', fragment: /tên .*quá dài/, provisional: false },
  },
  {
    name: 'two nominations with the same id',
    input: 'hai đề cử cùng mã',
    unit: 4,
    apply: (x) => {
      nominate(x, ['ĐC-TRÙNG', '2025', 'Cá nhân', 'Vũ Văn G', '', 'Giúp 5 hộ.', AWARD]);
      nominate(x, ['ĐC-TRÙNG', '2025', 'Cá nhân', 'Vũ Văn H', '', 'Giúp 6 hộ.', AWARD]);
    },
    expect: { kind: 'error', fragment: 'trùng mã "ĐC-TRÙNG"', provisional: false },
  },
  {
    name: 'the status line overwritten by hand',
    input: 'gõ đè lên dòng trạng thái nộp báo cáo',
    unit: 5,
    apply: (x) => x.type('A2', 'Đã nộp rồi nhé'),
    expect: { kind: 'accepted' },
  },
  {
    name: 'the tab renamed',
    input: 'đổi tên trang của đơn vị',
    unit: 6,
    apply: (x) => renameWithUndo(x, `${UNITS[6].tab} (cũ)`),
    expect: { kind: 'accepted' },
  },
  {
    name: 'the tab renamed, with a bad figure',
    input: 'đổi tên trang rồi gõ "mười" vào một ô số liệu',
    unit: 7,
    apply: (x) => {
      renameWithUndo(x, 'Số liệu BG');
      x.type(cellOf(7, 1, 'households'), 'mười');
    },
    expect: {
      kind: 'error',
      fragment: 'tổng số hộ ("mười") không phải là số',
      cell: cellOf(7, 1, 'households'),
      provisional: true,
    },
  },
  {
    name: 'an extra tab nobody knows, full of numbers',
    input: 'thêm một trang "Nháp" có số liệu và tên xã',
    unit: 8,
    apply: (x) => {
      const extra = api(x.wb).insertSheet('Nháp');
      x.onUndo(() => api(x.wb).deleteSheet(api(x.wb).getSheetByName('Nháp')!));
      extra.getRange(1, 1, 3, 4).setValues([
        ['STT', 'Xã, phường, thị trấn', 'Tổng số hộ', 'Hộ nghèo'],
        [1, name(8, 0), 999, 99],
        [2, 'Xã Lạ', 'mười', -1],
      ]);
    },
    expect: { kind: 'accepted' },
  },
  {
    name: 'a copy of a unit tab',
    input: 'nhân bản trang của một đơn vị rồi sửa bản sao',
    unit: 9,
    apply: (x) => {
      const source = x.sheet().getDataRange();
      const copy = api(x.wb).insertSheet(`Bản sao của ${UNITS[9].tab}`);
      x.onUndo(() =>
        api(x.wb).deleteSheet(api(x.wb).getSheetByName(`Bản sao của ${UNITS[9].tab}`)!),
      );
      copy.insertColumnsAfter(26, source.getNumColumns() - 26);
      const formulas = source.getFormulas();
      copy
        .getRange(1, 1, source.getNumRows(), source.getNumColumns())
        .setValues(
          source
            .getValues()
            .map((row, r) =>
              row.map(
                (v, c) => formulas[r][c] || (typeof v === 'string' && v !== '' ? `'${v}` : v),
              ),
            ),
        );
      copy.getRange(cellOf(9, 0, 'households')).setValue('mười');
    },
    expect: { kind: 'accepted' },
  },
  {
    name: 'the unit tab deleted',
    input: 'xóa hẳn trang của một đơn vị',
    unit: 10,
    apply: (x) => {
      const s = x.sheet();
      api(x.wb).deleteSheet(s);
      x.onUndo(() => {
        // Setup recreates the tab; the district retypes its figures and nominations.
        x.wb.bundle.callAs(ANALYST, 'menuSetup');
        const unit = UNITS[10].name;
        typeCommuneRows(
          x.wb,
          sampleRows().filter((r) => r.district === unit),
          BASELINE_YEAR,
          DEFAULT_CONFIG.years,
        );
        typeNominations(
          x.wb,
          sampleNominations().filter((n) => n.district === unit),
        );
      });
    },
    expect: {
      kind: 'error',
      fragment: `Không tìm thấy trang "${UNITS[10].tab}"`,
      noCell: true,
      provisional: true,
    },
  },
];

/**
 * Deletes a row; the undo inserts it back with its values. Formulas that referred to a header
 * row stay #REF! once it is deleted (as in Sheets, unless undone there with Ctrl+Z): for those,
 * `repair` has the analyst run "Khởi tạo / cập nhật sổ" after the row is back, as the reader's
 * message tells them to.
 */
function deleteRowWithUndo(x: Ctx, row: number, repair = false): void {
  const s = x.sheet();
  const width = s.getLastColumn();
  const range = s.getRange(row, 1, 1, width);
  const values = range.getValues()[0];
  const formulas = range.getFormulas()[0];
  s.deleteRow(row);
  x.onUndo(() => {
    const again = x.sheet();
    again.insertRowsBefore(row, 1);
    again
      .getRange(row, 1, 1, width)
      .setValues([
        values.map((v, c) => formulas[c] || (typeof v === 'string' && v !== '' ? `'${v}` : v)),
      ]);
    if (repair) x.wb.bundle.callAs(ANALYST, 'menuSetup');
  });
}

function renameWithUndo(x: Ctx, to: string): void {
  const s = x.sheet();
  const from = s.getName();
  s.setName(to);
  x.tab = to;
  x.onUndo(() => {
    api(x.wb).getSheetByName(to)!.setName(from);
    x.tab = from;
  });
}
