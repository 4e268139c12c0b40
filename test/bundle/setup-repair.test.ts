// Running "Khởi tạo / cập nhật sổ" again on a workbook in use: it adds what is missing, writes
// formulas, validations and formats again, and never erases or moves anyone's data.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SHEET, UNIT_TEXT, legacyBlocks, unitLayout } from '../../src/sheets/layout';
import { newWorkbook, tabCells, type, valuesOf, type Workbook } from './setupFixture';

const GIA_LOC = 'Huyện Gia Lộc';
const HAI_DUONG = 'Thành phố Hải Dương';
const THANH_MIEN = 'Huyện Thanh Miện';
const TU_KY = 'Huyện Tứ Kỳ';
const STATUS = 'Báo cáo năm 2022: đã nộp lúc 10:00 15/11/2022 bởi staff@gialoc.gov.vn';
const NEW_COMMUNE = 'Xã Mới Thành Lập';
const OWN_COMMUNE = 'Xã Tự Thêm';
const YEARS = DEFAULT_CONFIG.years;
const TABS = [SHEET.guide, SHEET.config, ...DEFAULT_CONFIG.units.map((u) => u.tab)];
/** The consolidation's own tabs (prepareOutputTabs decides which), after the unit tabs. */
const OUTPUTS = [SHEET.summary, SHEET.shortlist, SHEET.log];
const tabNames = (w: Workbook) => w.peek(() => w.ss.getSheets().map((s) => s.getName()));
const expectTabs = (w: Workbook) => {
  const names = tabNames(w);
  expect(names.slice(0, TABS.length)).toEqual(TABS);
  expect(names.slice(TABS.length)).toEqual(expect.arrayContaining(OUTPUTS));
};

let wb: Workbook;
const communes = (unit: string) => DEFAULT_CONFIG.units.find((u) => u.name === unit)!.communes;
const layoutOf = (unit: string) => unitLayout(2021, YEARS, communes(unit).length);
/** Gia Lộc's tab (18 communes): the baseline is E..I, 2022 J..U, 2023 V..AG; BF the name check. */
const G = tabCells(18);
/** The first `rows` rows of a tab (fewer when setup made the tab shorter). */
const all = (unit: string, rows = 80, lastColumn = 'BF') => {
  const sheet = wb.sheet(unit);
  return valuesOf(
    wb,
    sheet,
    `A1:${lastColumn}${Math.min(
      rows,
      wb.peek(() => sheet.getMaxRows()),
    )}`,
  );
};

/** Figures, criteria, nominations, a merger and a status line, as district staff would type them. */
function fillUnit(unit: string): void {
  const s = wb.sheet(unit);
  const L = layoutOf(unit);
  const n = L.communeCount;
  const rows = (f: (i: number) => unknown[]) => Array.from({ length: n }, (_, i) => f(i));
  type(
    wb,
    s,
    `E${L.firstCommuneRow}:G${L.spacerRow - 1}`,
    rows((i) => [800 + i, 40 + i, 30]),
  );
  // 2022 with the movement (J..O: 40 + i − 12 + 1 + 1 = 30 + i), 2023 without (V..X)
  type(
    wb,
    s,
    G.span(2022, 'households', 'poorNew', L.firstCommuneRow, L.spacerRow - 1),
    rows((i) => [810 + i, 30 + i, 25, 12, 1, 1]),
  );
  type(
    wb,
    s,
    G.span(2023, 'households', 'nearPoor', L.firstCommuneRow, L.spacerRow - 1),
    rows((i) => [815 + i, 10 + (i % 5), 20]),
  );
  type(wb, s, `C${L.firstCommuneRow}:D${L.firstCommuneRow}`, [[communes(unit)[1], 2023]]);
  type(wb, s, `B${L.firstCriteriaRow}:E${L.firstCriteriaRow + 5}`, [
    ['Có', 'Có', '', ''],
    ['Có', 'Không', '', ''],
    ['Không', 'Có', '', ''],
    ['Có', 'Có', '', ''],
    [1500, 2300, '', ''],
    [3, 4, '', ''],
  ]);
  type(wb, s, `A${L.firstNominationRow}:G${L.firstNominationRow + 1}`, [
    [
      '',
      2022,
      'Tập thể',
      `UBND ${communes(unit)[2]}`,
      communes(unit)[2],
      'Giảm 85 % hộ nghèo',
      DEFAULT_CONFIG.awards[5].name,
    ],
    [
      'ĐV-01',
      2023,
      'Cá nhân',
      'Nguyễn Văn A',
      '',
      'Vận động 20 hộ thoát nghèo',
      DEFAULT_CONFIG.awards[4].name,
    ],
  ]);
  type(wb, s, 'A2', [[STATUS]]);
}

describe('setup again on a filled workbook', () => {
  let before: Record<string, unknown[][]>;
  let alert: { title: string; message: string };
  let ownRowBefore: unknown[];

  beforeAll(() => {
    wb = newWorkbook();
    wb.setup();
    fillUnit(GIA_LOC);
    fillUnit(HAI_DUONG);
    before = { [GIA_LOC]: all(GIA_LOC), [HAI_DUONG]: all(HAI_DUONG), [TU_KY]: all(TU_KY) };

    const gl = wb.sheet(GIA_LOC);
    const L = layoutOf(GIA_LOC); // rows 6..23, spacer 24, total 25
    // Damage: a formula deleted, a formula typed over, the total row's progress deleted.
    wb.peek(() => gl.getRange(G.at(2022, 'result', 7)).clearContent());
    type(wb, gl, G.at(2022, 'poorReduction', 8), [[0.99]]);
    wb.peek(() => gl.getRange(G.at(2022, 'progress', L.totalRow)).clearContent());
    // A commune added by hand above the spacer row, with its figures (not in Cấu hình).
    wb.peek(() => gl.insertRowsBefore(L.spacerRow, 1));
    type(wb, gl, `A${L.spacerRow}:L${L.spacerRow}`, [
      [19, OWN_COMMUNE, '', '', 300, 10, 5, '', '', 300, 2, 4],
    ]);
    ownRowBefore = valuesOf(wb, gl, `A${L.spacerRow}:O${L.spacerRow}`)[0];
    // The tab renamed by hand.
    wb.peek(() => gl.setName('Gia Lộc (cũ)'));
    // Cấu hình: a new commune for Gia Lộc typed at the end of DANH MỤC XÃ (the blank row before
    // the next table), and one of Gia Lộc's communes taken off the list.
    const cfg = wb.sheet(SHEET.config);
    const grid = valuesOf(wb, cfg, 'A1:B400');
    const nextTitle = grid.findIndex((r) => r[0] === 'CÁN BỘ TỔNG HỢP (E-MAIL)');
    type(wb, cfg, `A${nextTitle}:B${nextTitle}`, [[GIA_LOC, NEW_COMMUNE]]);
    const removed = grid.findIndex((r) => r[0] === GIA_LOC && r[1] === communes(GIA_LOC)[17]);
    type(wb, cfg, `A${removed + 1}:B${removed + 1}`, [['', '']]);
    // Two tabs deleted.
    wb.peek(() => wb.ss.deleteSheet(wb.sheet(THANH_MIEN)));
    wb.peek(() => wb.ss.deleteSheet(wb.sheet(SHEET.guide)));
    // A tab whose columns were changed by hand.
    wb.peek(() => wb.sheet(TU_KY).insertColumnsBefore(5, 1));
    before[TU_KY] = all(TU_KY, 80, 'BG');

    alert = wb.setup();
  });

  test('recreates the deleted tabs in their places and renames the renamed tab back', () => {
    expectTabs(wb);
    expect(alert.message).toContain(`Đã tạo 2 trang: ${SHEET.guide}, ${THANH_MIEN}.`);
    expect(alert.message).toContain(`Đã đổi tên trang "Gia Lộc (cũ)" thành "${GIA_LOC}"`);
    const tm = wb.sheet(THANH_MIEN);
    expect(valuesOf(wb, tm, 'B6:B6')[0][0]).toBe(communes(THANH_MIEN)[0]);
  });

  test('appends the new commune above the spacer row, with its formulas', () => {
    const v = all(GIA_LOC);
    // rows 6..23: the 18 communes; 24: the commune added by hand; 25: the new one; 26: spacer
    expect(v.slice(5, 23).map((r) => r[1])).toEqual(communes(GIA_LOC));
    expect(v[23][1]).toBe(OWN_COMMUNE);
    expect(v[24].slice(0, 2)).toEqual([20, NEW_COMMUNE]);
    expect(v[25][0]).toBe('↑ Chèn thêm xã phía trên dòng này');
    expect(v[26][0]).toBe(UNIT_TEXT.total);
    expect(alert.message).toContain(`Trang "${GIA_LOC}": đã thêm 1 xã: ${NEW_COMMUNE}.`);
    const f = wb.peek(() =>
      wb
        .sheet(GIA_LOC)
        .getRange(G.span(2022, 'poorRate', 'status', 25))
        .getFormulas(),
    )[0];
    expect(f.every((x) => x.startsWith('=IF('))).toBe(true);
    // in the spreadsheet's locale (vi_VN), over the commune rows down to the spacer (row 26)
    expect(
      wb.peek(() =>
        wb
          .sheet(GIA_LOC)
          .getRange(G.at(2022, 'households', 27))
          .getFormula(),
      ),
    ).toBe('=SUMIF($U$6:$U$26;1;$J$6:$J$26)');
  });

  test('keeps every value typed on the tabs (figures, merger, criteria, nominations, status)', () => {
    const after = all(GIA_LOC, 82);
    const old = before[GIA_LOC];
    // Rows above the commune taken off Cấu hình are unchanged, formulas included (repaired).
    expect(after.slice(0, 22)).toEqual(old.slice(0, 22));
    // The commune added by hand keeps its figures and now has its own formulas: it is not on
    // Cấu hình, so its rows are in error (as the consolidation says) and left out of the totals.
    expect(after[23].slice(0, 15)).toEqual([
      ...ownRowBefore.slice(0, 7),
      '', // H: no rate for a row in error
      0, // I: "Lỗi"
      ...ownRowBefore.slice(9, 15),
    ]);
    expect(after[23][57]).toBe(0); // BF: "Lỗi tên xã"
    expect(valuesOf(wb, wb.sheet(GIA_LOC), G.span(2022, 'result', 'status', 24))[0]).toEqual([
      'Lỗi',
      '',
      0,
    ]);
    // Everything from the spacer row down moved by the two inserted rows only, but the total.
    expect(after.slice(25, 80).map((r) => r.slice(0, 7))).toEqual(
      old.slice(23, 78).map((r, i) => (i === 1 ? after[26].slice(0, 7) : r.slice(0, 7))),
    );
    // The total row: the 18 communes of Cấu hình (17 of the tab and the new one); the commune
    // taken off Cấu hình (817, 57, 30) and the one added by hand are left out of the sums.
    expect([...old[24].slice(0, 7), old[24][57]]).toEqual([
      UNIT_TEXT.total,
      '',
      GIA_LOC,
      18,
      14553,
      873,
      540,
      1,
    ]);
    expect([...after[26].slice(0, 7), after[26][57]]).toEqual([
      UNIT_TEXT.total,
      '',
      GIA_LOC,
      18,
      14553 - 817,
      873 - 57,
      540 - 30,
      0,
    ]);
    expect(after[1][0]).toBe(STATUS);
    expect(all(HAI_DUONG)).toEqual(before[HAI_DUONG]);
  });

  test('repairs the deleted and overwritten formulas', () => {
    const s = wb.sheet(GIA_LOC);
    expect(wb.peek(() => s.getRange(G.at(2022, 'result', 7)).getFormula())).toMatch(/^=IF\(/);
    expect(wb.peek(() => s.getRange(G.at(2022, 'poorReduction', 8)).getFormula())).toMatch(
      /^=IF\(/,
    );
    expect(wb.peek(() => s.getRange(G.at(2022, 'progress', 27)).getFormula())).toMatch(/^=IF\(/);
    // 2022: the rows of the two communes not on Cấu hình are in error, the new one has no figures.
    expect(valuesOf(wb, s, G.at(2022, 'result', 27))[0][0]).toBe('Tạm tính');
  });

  test('a commune taken off Cấu hình stays on the tab with its figures, now in error', () => {
    const v = all(GIA_LOC);
    expect(v[22][1]).toBe(communes(GIA_LOC)[17]);
    expect([...v[22].slice(4, 7), v[22][57]]).toEqual([817, 57, 30, 0]);
    expect(valuesOf(wb, wb.sheet(GIA_LOC), G.at(2022, 'result', 23))[0][0]).toBe('Lỗi');
  });

  test('a tab whose columns were changed by hand is left alone, with a message', () => {
    expect(alert.message).toContain(`Trang "${TU_KY}" chưa được cập nhật`);
    expect(all(TU_KY, 80, 'BG')).toEqual(before[TU_KY]);
  });

  test('a third run changes nothing', () => {
    const snapshot = () =>
      wb.peek(() =>
        wb.ss
          .getSheets()
          .map((s) => [s.getName(), s.getDataRange().getValues(), s.getDataRange().getFormulas()]),
      );
    const first = snapshot();
    wb.emu.calls.reset();
    const again = wb.setup();
    expect(snapshot()).toEqual(first);
    expect(again.message).not.toContain('Đã tạo');
    expect(again.message).not.toContain('đã thêm');
    expect(wb.emu.calls.total()).toBeLessThan(1700);
    expect(wb.emu.calls.get('Range.setFormula')).toBe(0);
    // getFormulas() answers with `;` in vi_VN: compared in a neutral form, none is rewritten.
    expect(wb.emu.calls.get('Range.setFormulas')).toBe(0);
  });
});

test('a new unit tab is cut to its layout plus 10 rows, but not a cleared tab with a note far below', () => {
  const w = newWorkbook();
  w.setup();
  const layout = unitLayout(
    2021,
    YEARS,
    DEFAULT_CONFIG.units.find((u) => u.name === THANH_MIEN)!.communes.length,
  );
  expect(w.peek(() => w.sheet(THANH_MIEN).getMaxRows())).toBe(layout.lastRow + 10);
  // Gia Lộc's tab emptied by hand, but for a note typed far below and to the right of the table.
  const gl = w.sheet(GIA_LOC);
  w.peek(() => gl.getRange(1, 1, gl.getMaxRows(), gl.getMaxColumns()).clearContent());
  w.peek(() => gl.insertRowsAfter(gl.getMaxRows(), 200));
  const far = `BZ${w.peek(() => gl.getMaxRows()) - 5}`;
  type(w, gl, far, [['ghi chú của huyện']]);
  w.setup();
  expect(valuesOf(w, gl, far)).toEqual([['ghi chú của huyện']]);
  expect(valuesOf(w, gl, 'B6')).toEqual([[communes(GIA_LOC)[0]]]);
});

test('a tab of the previous release (no "Kiểm tra" columns) is upgraded in place, its figures kept', () => {
  const w = newWorkbook();
  w.setup();
  const gl = w.sheet(GIA_LOC);
  const L = G.L;
  // Figures for 2021 and 2025 (2025 on the last commune row only), and a note on the status line.
  type(
    w,
    gl,
    'E6:G23',
    Array.from({ length: 18 }, (_, i) => [500 + i, 20 + i, 10]),
  );
  type(w, gl, G.span(2025, 'households', 'poorNew', 23), [[600, 3, 4, 20, 0, 0]]);
  type(w, gl, 'C6:D6', [[communes(GIA_LOC)[1], 2024]]);
  const fresh = valuesOf(w, gl, 'A1:BF40');
  // The tab as the previous release had it: the same table without the "Kiểm tra" columns and
  // the name check column (typed values and computed values alike; setup writes the formulas).
  const dropped = new Set([L.nameCheckColumn, ...L.blocks.map((b) => b.column.status!)]);
  const legacyGrid = fresh.map((row, r) =>
    r + 1 >= L.headerRow && r + 1 <= L.totalRow
      ? [...row.filter((_, c) => !dropped.has(c + 1)), ...new Array<unknown>(dropped.size).fill('')]
      : row,
  );
  w.peek(() => gl.getRange('A1:BF40').clearContent());
  type(
    w,
    gl,
    'A1:BF40',
    legacyGrid.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))),
  );
  // What the previous release wrote: the last block (2025) is AP..AZ.
  const legacy = legacyBlocks(2021, YEARS);
  expect(legacy[4].firstColumn + legacy[4].fields.length - 1).toBe(52);
  expect(valuesOf(w, gl, 'AP4:AP5')).toEqual([['Năm 2025'], ['Tổng số hộ']]);
  expect(valuesOf(w, gl, 'AZ5:BA5')).toEqual([['Tiến độ', '']]);

  const alert = w.setup();
  expect(alert.message).toContain(
    `Đã thêm cột "Kiểm tra tên xã" và cột "Kiểm tra" của từng năm vào 1 trang: ${GIA_LOC}`,
  );
  const after = valuesOf(w, gl, 'A1:BF40');
  // Headers and typed figures are back where a fresh tab has them; the formulas compute again.
  expect(after.slice(3, 5)).toEqual(fresh.slice(3, 5));
  expect(after).toEqual(fresh);
  // A second run finds the new layout: nothing to upgrade, no formula rewritten.
  w.emu.calls.reset();
  const again = w.setup();
  expect(again.message).not.toContain('Đã thêm cột');
  expect(w.emu.calls.get('Range.setFormulas')).toBe(0);
});
