// "Khởi tạo / cập nhật sổ" through the compiled bundle in the emulator: the tabs, Cấu hình and
// its round trip, the unit tab's layout and native formulas (values worked out by hand from
// PRODUCT.md), mergers, an invalid Cấu hình, and the number of service calls.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { readConfigValues } from '../../src/sheets/configTab';
import {
  NAMED,
  SHEET,
  SHEET_KEY,
  UNIT_TEXT,
  unitLayout,
  unitRangeName,
  unitSheetTag,
} from '../../src/sheets/layout';
import { newWorkbook, tabCells, type, valuesOf, type Workbook } from './setupFixture';

const GIA_LOC = 'Huyện Gia Lộc';
/** Gia Lộc's tab: 18 communes on rows 6..23, spacer 24, total 25. */
const G = tabCells(18);
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

/** Where a named range points, for a range over whole columns. */
function wholeColumns(name: string): { sheet: string; first: number; columns: number } | null {
  return wb.peek(() => {
    const r = wb.ss.getRangeByName(name);
    if (!r) return null;
    const sheet = r.getSheet();
    expect([r.getRow(), r.getNumRows()]).toEqual([1, sheet.getMaxRows()]);
    return { sheet: sheet.getName(), first: r.getColumn(), columns: r.getNumColumns() };
  });
}
let firstAlert: { title: string; message: string };
let firstCalls: Record<string, number>;

beforeAll(() => {
  wb = newWorkbook();
  wb.emu.calls.reset();
  firstAlert = wb.setup();
  firstCalls = wb.emu.calls.snapshot();
});

describe('setup on an empty spreadsheet', () => {
  test('creates every tab in order, drops the empty default sheet, and says so', () => {
    expectTabs(wb);
    expect(tabNames(wb)).not.toContainEqual(expect.stringMatching(/^(Sheet|Trang tính)\s?1$/));
    expect(firstAlert.title).toBe('Khởi tạo / cập nhật sổ');
    expect(firstAlert.message).toContain(
      `Đã tạo ${tabNames(wb).length} trang: ${tabNames(wb).join(', ')}.`,
    );
    expect(firstAlert.message).toContain('Số liệu đã nhập được giữ nguyên.');
    const toasts = (wb.ss as unknown as { toasts: { message: string }[] }).toasts;
    expect(toasts.map((t) => t.message)).toContain('Đã khởi tạo / cập nhật sổ.');
  });

  test('tags every tab with developer metadata', () => {
    const tags = wb.peek(() =>
      wb.ss.getSheets().map((s) =>
        s
          .getDeveloperMetadata()
          .filter((m) => m.getKey() === SHEET_KEY)
          .map((m) => m.getValue()),
      ),
    );
    expect(tags.slice(0, TABS.length)).toEqual([
      ['guide'],
      ['config'],
      ...DEFAULT_CONFIG.units.map((u) => [unitSheetTag(u.name)]),
    ]);
    for (const t of ['summary', 'shortlist', 'log'])
      expect(tags.slice(TABS.length)).toContainEqual([t]);
  });

  test('Cấu hình holds the defaults, with the named ranges the formulas read', () => {
    const cfg = wb.sheet(SHEET.config);
    expect(valuesOf(wb, cfg, 'A4:A4')[0][0]).toBe('THÔNG TIN CHUNG');
    const rows = valuesOf(wb, cfg, 'A6:B19');
    expect(rows.map((r) => r[0])).toEqual([
      'Tỉnh',
      'Số kế hoạch',
      'Ngày ban hành (dd/MM/yyyy)',
      'Tên phong trào',
      'Năm đầu kỳ',
      'Các năm của giai đoạn',
      'Năm sơ kết',
      'Năm tổng kết',
      'Mục tiêu giảm hộ nghèo (≥)',
      'Mục tiêu giảm hộ nghèo và cận nghèo (>)',
      'Hạn nộp báo cáo hằng năm (trước ngày)',
      'Múi giờ',
      'Chênh lệch so với giờ UTC (phút)',
      'Định dạng vùng (locale)',
    ]);
    expect(rows[13][1]).toBe('vi_VN');
    expect(rows[1][1]).toBe('2396/KH-UBND');
    expect(rows[5][1]).toBe('2022, 2023, 2024, 2025');
    expect(rows[10][1]).toBe('30/11');
    const display = wb.peek(() => cfg.getRange('B7:B16').getDisplayValues()).map((r) => r[0]);
    expect(display[1]).toBe('12/08/2022');
    expect(display[7]).toBe('80%');
    expect(display[8]).toBe('50%');
    const named = (name: string) =>
      wb.peek(() => {
        const r = wb.ss.getRangeByName(name);
        return r ? `${r.getSheet().getName()}!${r.getA1Notation()}` : null;
      });
    expect(named(NAMED.poorTarget)).toBe(`${SHEET.config}!B14`);
    expect(named(NAMED.combinedTarget)).toBe(`${SHEET.config}!B15`);
    expect(named(NAMED.deadline)).toBe(`${SHEET.config}!B16`);
    // DANH MỤC XÃ: the unit and commune columns, down to the blank row before the next title.
    const grid = valuesOf(wb, cfg, 'A1:B400');
    const title = grid.findIndex((r) => r[0] === 'DANH MỤC XÃ') + 1;
    const next = grid.findIndex((r) => r[0] === 'CÁN BỘ TỔNG HỢP (E-MAIL)') + 1;
    expect(named(NAMED.communeUnits)).toBe(`${SHEET.config}!A${title + 2}:A${next - 1}`);
    expect(named(NAMED.communeNames)).toBe(`${SHEET.config}!B${title + 2}:B${next - 1}`);
    expect(next - 1 - (title + 2)).toBe(235);
    // GN_CAU_HINH covers whole columns A:I, so rows added by the analysts stay inside.
    expect(wholeColumns(NAMED.config)).toEqual({ sheet: SHEET.config, first: 1, columns: 9 });
    expect(wb.peek(() => wb.ss.getRangeByName(NAMED.poorTarget)!.getValue())).toBe(0.8);
    expect(wb.peek(() => wb.ss.getRangeByName(NAMED.combinedTarget)!.getValue())).toBe(0.5);
  });

  test('Cấu hình reads back exactly as the defaults (round trip)', () => {
    const values = wb.peek(() => wb.ss.getRangeByName(NAMED.config)!.getValues());
    const read = readConfigValues(values);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.config).toEqual(DEFAULT_CONFIG);
    expect(read.cells).toMatchObject({ poorTarget: 'B14', combinedTarget: 'B15', deadline: 'B16' });
  });

  test('Cấu hình lists the 12 units and their 235 communes', () => {
    const values = valuesOf(wb, wb.sheet(SHEET.config), 'A1:B400');
    const titleRow = values.findIndex((r) => r[0] === 'DANH MỤC XÃ');
    expect(values[titleRow + 1]).toEqual(['Đơn vị', 'Xã, phường, thị trấn']);
    const nextTitle = values.findIndex((r) => r[0] === 'CÁN BỘ TỔNG HỢP (E-MAIL)');
    const untilNext = values.slice(titleRow + 2, nextTitle).filter((r) => r[1] !== '');
    expect(untilNext).toHaveLength(235);
    expect(untilNext.filter((r) => r[0] === GIA_LOC)).toHaveLength(18);
  });

  test("a unit's tab: title, status, header, communes, spacer, total, criteria, nominations", () => {
    const s = wb.sheet(GIA_LOC);
    const v = valuesOf(wb, s, 'A1:BF57');
    expect(v[0][0]).toBe('Huyện Gia Lộc — số liệu hộ nghèo, hộ cận nghèo giai đoạn 2021 - 2025');
    expect(v[1][0]).toBe('Báo cáo năm: chưa nộp');
    expect(String(v[2][0])).toContain('ô nền xám tự tính');
    expect(v[3].slice(0, 5)).toEqual([
      'STT',
      'Xã, phường, thị trấn',
      'Sáp nhập vào xã',
      'Năm báo cáo cuối',
      'Đầu kỳ (rà soát cuối năm 2021)',
    ]);
    expect(v[3][9]).toBe('Năm 2022'); // J4
    expect(v[3][45]).toBe('Năm 2025'); // AT4
    expect(v[3][57]).toBe('Kiểm tra tên xã'); // BF4, after the last block
    expect(v[4].slice(4, 21)).toEqual([
      'Tổng số hộ',
      'Hộ nghèo',
      'Hộ cận nghèo',
      'Tỷ lệ hộ nghèo',
      'Kiểm tra',
      'Tổng số hộ',
      'Hộ nghèo',
      'Hộ cận nghèo',
      'Thoát nghèo',
      'Tái nghèo',
      'Phát sinh mới',
      'Tỷ lệ hộ nghèo',
      'Giảm hộ nghèo so với đầu kỳ',
      'Giảm hộ nghèo và cận nghèo',
      'Kết quả',
      'Tiến độ',
      'Kiểm tra',
    ]);
    expect(v[4][56]).toBe('Kiểm tra'); // BE5, the last block's
    const communes = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!.communes;
    expect(communes).toHaveLength(18);
    expect(v.slice(5, 23).map((r) => [r[0], r[1]])).toEqual(communes.map((c, i) => [i + 1, c]));
    // Every commune is on Cấu hình: the name check reads 1 on each row.
    expect(v.slice(5, 23).map((r) => r[57])).toEqual(communes.map(() => 1));
    expect(v[23][0]).toBe('↑ Chèn thêm xã phía trên dòng này'); // row 24
    // row 25: the label, the unit's name the formulas look up, its 18 communes on Cấu hình
    expect([...v[24].slice(0, 4), v[24][57]]).toEqual([UNIT_TEXT.total, '', GIA_LOC, 18, 1]);
    expect(v[26][0]).toBe(UNIT_TEXT.criteriaTitle); // row 27
    expect(v[27].slice(0, 5)).toEqual(['Tiêu chí', 2022, 2023, 2024, 2025]);
    expect(v[28][0]).toBe('Ban hành kế hoạch thực hiện phong trào (Có/Không)');
    expect(v[35][0]).toBe(UNIT_TEXT.nominationsTitle); // row 36
    expect(v[36].slice(0, 7)).toEqual([
      'Mã đề cử',
      'Năm',
      'Loại',
      'Tên tập thể, cá nhân',
      'Xã / đơn vị',
      'Tóm tắt thành tích',
      'Hình thức đề nghị',
    ]);
    // The layout the reader uses agrees.
    const L = G.L;
    expect([L.spacerRow, L.totalRow, L.criteriaTitleRow, L.nominationsTitleRow]).toEqual([
      24, 25, 27, 36,
    ]);
    expect(L.lastColumn).toBe(58);
  });

  test('every unit tab has its communes (235 in all) and its named range', () => {
    let total = 0;
    DEFAULT_CONFIG.units.forEach((u, i) => {
      const s = wb.sheet(u.tab);
      const L = unitLayout(2021, DEFAULT_CONFIG.years, u.communes.length);
      const names = valuesOf(wb, s, `B${L.firstCommuneRow}:B${L.spacerRow - 1}`).map((r) => r[0]);
      expect(names).toEqual(u.communes);
      total += names.length;
      expect(wholeColumns(unitRangeName(i))).toEqual({ sheet: u.tab, first: 1, columns: 84 }); // A:CF
    });
    expect(total).toBe(235);
  });

  test('formulas are native (no custom function), use the named ranges and parse in vi_VN', () => {
    const s = wb.sheet(GIA_LOC);
    const f = wb.peek(() => s.getRange(G.span(2022, 'households', 'status', 6)).getFormulas())[0];
    expect(f.slice(0, 6)).toEqual(['', '', '', '', '', '']); // inputs J..O
    expect(f[9]).toContain(NAMED.poorTarget); // S6, the result
    expect(f[9]).toContain(NAMED.combinedTarget);
    expect(wb.peek(() => s.getRange('BF6').getFormula())).toContain(NAMED.communeNames);
    const all = wb
      .peek(() => s.getRange('A1:BF57').getFormulas())
      .flat()
      .filter((x) => x !== '');
    // per commune row: the name check, 2 baseline + 4 × 6 year formulas; total row: D, E, 5 + 4 × 12
    expect(all).toHaveLength(18 * 27 + 55);
    const allowed = [
      'IF',
      'AND',
      'OR',
      'NOT',
      'IFERROR',
      'ISNUMBER',
      'ISLOGICAL',
      'TRIM',
      'LEFT',
      'SUM',
      'SUMIF',
      'SUMIFS',
      'COUNT',
      'COUNTA',
      'COUNTIF',
      'COUNTIFS',
      'MOD',
      'MIN',
      'MAX',
    ];
    for (const formula of all) {
      expect(formula).not.toMatch(/GN_(DAT|GIAM|TIENDO|PHANLOAI)|\bIFS\(|LET\(|ARRAYFORMULA|\{/);
      // vi_VN: `;` between arguments, no decimal literal
      expect(formula.replace(/"[^"]*"/g, '')).not.toMatch(/,|\d\.\d/);
      const fns = [...formula.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]);
      for (const fn of fns) expect(allowed).toContain(fn);
    }
  });

  test('input cells carry validation; frozen panes; conditional colours on the results', () => {
    const s = wb.sheet(GIA_LOC);
    const rule = wb.peek(() => s.getRange(G.at(2021, 'poor', 6)).getDataValidation());
    expect(rule).not.toBeNull();
    expect(wb.peek(() => rule!.getCriteriaType().toString())).toBe('CUSTOM_FORMULA');
    // Whole numbers from 0 to 10^9, relative to the first input cell of the block, in vi_VN syntax.
    expect(wb.peek(() => rule!.getCriteriaValues())).toEqual([
      '=AND(ISNUMBER(E6);E6>=0;E6<=10^9;MOD(E6;1)=0)',
    ]);
    expect(wb.peek(() => rule!.getAllowInvalid())).toBe(false);
    expect(wb.peek(() => rule!.getHelpText())).toBe('Nhập số nguyên không âm (số hộ).');
    const rule2025 = wb.peek(() => s.getRange(G.at(2025, 'poorNew', 23)).getDataValidation());
    expect(wb.peek(() => rule2025!.getCriteriaValues())).toEqual([
      '=AND(ISNUMBER(AT6);AT6>=0;AT6<=10^9;MOD(AT6;1)=0)',
    ]);
    for (const cell of ['BF6', G.at(2022, 'poorRate', 6), G.at(2022, 'status', 6)])
      expect(wb.peek(() => s.getRange(cell).getDataValidation())).toBeNull();
    const years = wb.peek(() => s.getRange('D6').getDataValidation());
    expect(wb.peek(() => years!.getCriteriaValues()[0])).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    const successor = wb.peek(() => s.getRange('C6').getDataValidation());
    expect(wb.peek(() => successor!.getCriteriaType().toString())).toBe('VALUE_IN_RANGE');
    const yesNo = wb.peek(() => s.getRange('B29').getDataValidation());
    expect(wb.peek(() => yesNo!.getCriteriaValues()[0])).toEqual(['Có', 'Không']);
    const award = wb.peek(() => s.getRange('G38').getDataValidation());
    expect(wb.peek(() => award!.getCriteriaValues()[0])).toEqual(
      DEFAULT_CONFIG.awards.map((a) => a.name),
    );
    const kind = wb.peek(() => s.getRange('C38').getDataValidation());
    expect(wb.peek(() => kind!.getCriteriaValues()[0])).toEqual([
      'Tập thể',
      'Cá nhân',
      'Hộ gia đình',
      'Doanh nghiệp, hợp tác xã',
    ]);
    expect(wb.peek(() => [s.getFrozenRows(), s.getFrozenColumns()])).toEqual([5, 2]);
    const rate = G.at(2022, 'poorRate', 6);
    const poor = G.at(2022, 'poor', 6);
    expect(wb.peek(() => s.getRange(rate).getBackground())).toBe('#efefef');
    expect(wb.peek(() => s.getRange('BF6').getBackground())).toBe('#efefef');
    expect(wb.peek(() => s.getRange(poor).getBackground())).toBe('#ffffff');
    expect(wb.peek(() => s.getRange(G.at(2022, 'poorReduction', 6)).getNumberFormat())).toBe(
      '0.0%',
    );
    expect(wb.peek(() => s.getRange(poor).getNumberFormat())).toBe('#,##0');
    expect(wb.peek(() => s.getRange(G.at(2022, 'status', 6)).getNumberFormat())).toBe(
      '"✓";"";"Lỗi"',
    );
    expect(wb.peek(() => s.getRange('D25').getNumberFormat())).toBe('0" xã"');
    const rules = wb.peek(() => s.getConditionalFormatRules());
    expect(rules).toHaveLength(4);
    const texts = wb.peek(() => rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(texts).toEqual(['Đạt', 'Chưa đạt', 'Tạm tính', 'Lỗi']);
  });

  test('a reasonable number of service calls: one unit tab built, twelve copies of it', () => {
    const total = Object.values(firstCalls).reduce((a, b) => a + b, 0);
    expect(firstCalls['Range.setFormula'] ?? 0).toBe(0);
    expect(firstCalls['Range.setValue'] ?? 0).toBe(0);
    // The template tab (docs/DECISIONS.md 57): the name check, 5 commune blocks and the total
    // row, once; the 12 unit tabs are its copies (Spreadsheet.insertSheet with a template).
    expect(firstCalls['Range.setFormulas']).toBe(7);
    // one per block's inputs on the template (a custom formula is relative to its range), two
    // on Cấu hình (award level, rule rows) and two on the shortlist (decision, prior award)
    expect(firstCalls['Range.setDataValidation']).toBe(5 + 2 + 2);
    // one setValues for the template and one per copy (its own cells), one for Cấu hình, one
    // for Hướng dẫn (+ the output tabs')
    expect(firstCalls['Range.setValues']).toBeLessThanOrEqual(1 + 12 + 2 + 10);
    // the template's three; each copy's successor list (its range is the copy's own rows)
    expect(firstCalls['Range.setDataValidations']).toBeLessThanOrEqual(3 + 12 + 1);
    // 12 copies, the template, Hướng dẫn, Cấu hình and the output tabs; the template deleted
    expect(firstCalls['Spreadsheet.deleteSheet']).toBe(2); // the template, "Trang tính1"
    // the locale and time zone of a new spreadsheet already are Cấu hình's
    expect(firstCalls['Spreadsheet.setSpreadsheetLocale'] ?? 0).toBe(0);
    // (2,258 when every unit tab was built on its own: about 70 read/write calls each)
    expect(total).toBeLessThan(1400);
  });
});

describe('the formulas, by hand (Huyện Gia Lộc, first commune on row 6)', () => {
  // Baseline E:G = households, poor, near-poor, H rate, I "Kiểm tra"; 2022: J:O inputs, P rate,
  // Q poor reduction, R combined reduction, S result, T progress, U "Kiểm tra"; BF name check.
  const s = () => wb.sheet(GIA_LOC);
  const row6 = () => valuesOf(wb, s(), G.span(2022, 'poorRate', 'progress', 6))[0];
  const year2022 = (row: number) => G.span(2022, 'households', 'nearPoor', row);

  beforeAll(() => type(wb, s(), 'E6:G6', [[1000, 100, 60]]));

  test('poor falls by exactly 80 %: attained, progress 1', () => {
    type(wb, s(), year2022(6), [[1000, 20, 50]]);
    expect(row6()).toEqual([0.02, 0.8, (160 - 70) / 160, 'Đạt', 1]);
    expect(valuesOf(wb, s(), G.at(2022, 'status', 6))[0][0]).toBe(1);
  });

  test('poor falls by 79 % but poor + near-poor by 55.625 %: attained by the second branch', () => {
    type(wb, s(), year2022(6), [[1000, 21, 50]]);
    const [rate, pr, cr, result, progress] = row6();
    expect(rate).toBeCloseTo(0.021, 12);
    expect(pr).toBeCloseTo(0.79, 12);
    expect(cr).toBeCloseTo(0.55625, 12);
    expect(result).toBe('Đạt');
    expect(progress).toBe(1);
  });

  test('poor + near-poor falls by exactly 50 %: not attained, yet progress 1', () => {
    type(wb, s(), year2022(6), [[1000, 60, 20]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(0.4, 12);
    expect(cr).toBe(0.5);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBe(1);
  });

  test('partial progress: max(0.3/0.8, 0.25/0.5) = 0.5', () => {
    type(wb, s(), year2022(6), [[1000, 70, 50]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(0.3, 12);
    expect(cr).toBeCloseTo(0.25, 12);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBeCloseTo(0.5, 12);
  });

  test('more poor than at the start: negative reduction, progress 0', () => {
    type(wb, s(), year2022(6), [[1000, 120, 70]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(-0.2, 12);
    expect(cr).toBeCloseTo(-0.1875, 12);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBe(0);
  });

  test('blank year: every computed cell is blank, "Kiểm tra" shows nothing (-1)', () => {
    type(wb, s(), year2022(6), [['', '', '']]);
    expect(row6()).toEqual(['', '', '', '', '']);
    expect(valuesOf(wb, s(), G.at(2022, 'status', 6))[0][0]).toBe(-1);
  });

  test('zero households: no rate; zero baselines and zero now: attained', () => {
    const row7 = () => valuesOf(wb, s(), G.span(2022, 'poorRate', 'progress', 7))[0];
    type(wb, s(), 'E7:G7', [[0, 0, 0]]);
    type(wb, s(), year2022(7), [[0, 0, 0]]);
    expect(valuesOf(wb, s(), 'H7')[0][0]).toBe('');
    expect(row7()).toEqual(['', '', '', 'Đạt', 1]);
    type(wb, s(), year2022(7), [[10, 1, 0]]);
    expect(row7()).toEqual([0.1, '', '', 'Chưa đạt', 0]);
    // (a baseline of 0 households with 4 near-poor would be an error: more than the households)
    type(wb, s(), 'E7:G7', [[10, 0, 4]]);
    type(wb, s(), year2022(7), [[10, 0, 1]]);
    // poor baseline 0: no poor reduction; combined (4 − 1)/4 = 75 % > 50 %
    expect(row7()).toEqual([0, '', 0.75, 'Đạt', 1]);
  });

  test('the total row sums the communes and stays provisional until every commune reported', () => {
    // Reset the two rows used above and fill every commune of Gia Lộc.
    type(
      wb,
      s(),
      G.span(2022, 'households', 'nearPoor', 6, 23),
      Array.from({ length: 18 }, () => ['', '', '']),
    );
    const baseline = Array.from({ length: 18 }, (_, i) => [500 + i, 20 + i, 10]);
    type(wb, s(), 'E6:G23', baseline);
    type(wb, s(), year2022(6), [[500, 4, 5]]);
    const total = () => valuesOf(wb, s(), G.span(2022, 'households', 'status', 25))[0];
    const pb = baseline.reduce((a, r) => a + r[1], 0); // 20·18 + 153 = 513
    const nb = 180;
    expect(valuesOf(wb, s(), 'E25:G25')[0]).toEqual([
      baseline.reduce((a, r) => a + r[0], 0),
      pb,
      nb,
    ]);
    let t = total();
    expect(t.slice(0, 3)).toEqual([500, 4, 5]); // only one commune reported
    expect(t[9]).toBe('Tạm tính'); // S25
    const year = Array.from({ length: 18 }, (_, i) => [500, i < 9 ? 4 : 5, 5]); // poor 81, near-poor 90
    type(wb, s(), G.span(2022, 'households', 'nearPoor', 6, 23), year);
    t = total();
    expect(t.slice(0, 3)).toEqual([9000, 81, 90]);
    expect(t[6]).toBeCloseTo(81 / 9000, 12); // P25
    expect(t[7]).toBeCloseTo((pb - 81) / pb, 12); // 0.842…
    expect(t[8]).toBeCloseTo((pb + nb - 171) / (pb + nb), 12);
    expect(t[9]).toBe('Đạt');
    expect(t[10]).toBe(1);
    expect(t[11]).toBe(1); // U25: the block's headers are as setup wrote them
    // One commune leaves a blank: its row is in error and left out; provisional again.
    type(wb, s(), G.span(2022, 'poor', 'nearPoor', 23), [['', '']]);
    t = total();
    expect(t.slice(0, 3)).toEqual([8500, 76, 85]);
    expect(t[9]).toBe('Tạm tính');
    expect(valuesOf(wb, s(), G.at(2022, 'result', 23))[0][0]).toBe('Lỗi');
    type(wb, s(), G.span(2022, 'poor', 'nearPoor', 23), [[5, 5]]);
    expect(total()[9]).toBe('Đạt');
  });
});

describe('a row in error is left out of the total and never reads "Đạt" (issue 14)', () => {
  // Gia Lộc as the previous block left it: every baseline row valid (poor 513, near-poor 180 in
  // all), 2022 all 18 rows valid: 9,000 households, 81 poor, 90 near-poor, "Đạt".
  const s = () => wb.sheet(GIA_LOC);
  const total = (row = 25) => {
    const t = valuesOf(wb, s(), G.span(2022, 'households', 'status', row))[0];
    return [t[0], t[1], t[2], t[9]];
  };
  const row = (r: number) => {
    const v = valuesOf(wb, s(), G.span(2022, 'households', 'status', r))[0];
    return { result: v[9], status: v[11] };
  };
  const inputs = (r: number) => G.span(2022, 'households', 'poorNew', r);
  /** Types `values` on row `r` of 2022, checks the row and the total, then types the row back. */
  function expectError(r: number, values: unknown[], left: [number, number, number]) {
    const before = valuesOf(wb, s(), inputs(r));
    type(wb, s(), inputs(r), [values]);
    expect(row(r)).toEqual({ result: 'Lỗi', status: 0 });
    expect(total()).toEqual([...left, 'Tạm tính']);
    type(wb, s(), inputs(r), before);
    expect(total()).toEqual([9000, 81, 90, 'Đạt']);
  }

  test('before: every row valid', () => {
    expect(total()).toEqual([9000, 81, 90, 'Đạt']);
    expect(row(6)).toEqual({ result: 'Đạt', status: 1 }); // poor 20 → 4: 80 %
  });

  test('"2 hộ" in households, as in the report about Huyện Tứ Kỳ', () => {
    expectError(6, ['2 hộ', 4, 5, '', '', ''], [8500, 77, 85]);
  });

  test('a decimal, a negative, a count above 10^9, TRUE', () => {
    expectError(7, [500, 4, 12.5, '', '', ''], [8500, 77, 85]);
    expectError(7, [500, -4, 5, '', '', ''], [8500, 77, 85]);
    expectError(7, [1000000001, 4, 5, '', '', ''], [8500, 77, 85]);
    expectError(7, [500, true, 5, '', '', ''], [8500, 77, 85]);
  });

  test('poor + near-poor above the households; a required count blank', () => {
    expectError(8, [8, 4, 5, '', '', ''], [8500, 77, 85]);
    expectError(8, [500, 4, '', '', '', ''], [8500, 77, 85]);
  });

  test('the movement: filled in part, or not matching the baseline (20 − 16 + 0 + 0 = 4)', () => {
    // row 6: poor 20 at the baseline, 4 in 2022
    expectError(6, [500, 4, 5, 16, '', ''], [8500, 77, 85]);
    expectError(6, [500, 4, 5, 15, 0, 0], [8500, 77, 85]);
    type(wb, s(), inputs(6), [[500, 4, 5, 16, 0, 0]]);
    expect(row(6).status).toBe(1);
    type(wb, s(), inputs(6), [[500, 4, 5, '', '', '']]);
  });

  test('a commune twice: every copy is in error, in every year both have figures', () => {
    const names = valuesOf(wb, s(), 'B6:B7');
    type(wb, s(), 'B7', [[names[0][0]]]);
    expect([row(6), row(7)]).toEqual([
      { result: 'Lỗi', status: 0 },
      { result: 'Lỗi', status: 0 },
    ]);
    expect(valuesOf(wb, s(), 'I6:I7')).toEqual([[0], [0]]); // their baseline rows too
    expect(total()).toEqual([8000, 73, 80, 'Tạm tính']);
    type(wb, s(), 'B7', names.slice(1));
    expect(total()).toEqual([9000, 81, 90, 'Đạt']);
  });

  test('a commune that is not on Cấu hình', () => {
    const name = valuesOf(wb, s(), 'B9');
    type(wb, s(), 'B9', [['Xã Không Có Thật']]);
    expect(valuesOf(wb, s(), 'BF9')[0][0]).toBe(0);
    expect(row(9)).toEqual({ result: 'Lỗi', status: 0 });
    expect(total()).toEqual([8500, 77, 85, 'Tạm tính']);
    type(wb, s(), 'B9', name);
    expect(total()).toEqual([9000, 81, 90, 'Đạt']);
  });

  test('a commune with nothing for the year: not counted, the unit is incomplete', () => {
    const before = valuesOf(wb, s(), inputs(10));
    type(wb, s(), inputs(10), [['', '', '', '', '', '']]);
    expect(row(10)).toEqual({ result: '', status: -1 });
    expect(total()).toEqual([8500, 77, 85, 'Tạm tính']);
    type(wb, s(), inputs(10), before);
  });

  test('figures typed on a row inserted by hand (no formulas) make the year provisional', () => {
    wb.peek(() => s().insertRowsBefore(24, 1)); // above the spacer: the total row is now 26
    type(wb, s(), inputs(24), [[500, 4, 5, '', '', '']]);
    expect(total(26)).toEqual([9000, 81, 90, 'Tạm tính']);
    wb.peek(() => s().deleteRows(24, 1));
    expect(total()).toEqual([9000, 81, 90, 'Đạt']);
  });
});

describe('a merger: two communes into one', () => {
  // Thành phố Chí Linh (19 communes): rows 6 (A) and 7 (B) merge into row 8 (C) after 2023.
  const C = tabCells(19);
  const s = () => wb.sheet('Thành phố Chí Linh');
  const names = () => valuesOf(wb, s(), 'B6:B8').map((r) => String(r[0]));

  test("the successor's comparison uses its baseline plus its predecessors'", () => {
    const [a, b, c] = names();
    type(wb, s(), 'C6:D8', [
      [c, 2023],
      [c, 2023],
      ['', ''],
    ]);
    type(wb, s(), 'E6:G8', [
      [1000, 50, 30],
      [800, 40, 20],
      [2000, 110, 70],
    ]);
    expect(a).not.toBe(b);
    expect(valuesOf(wb, s(), 'BF6:BF8')).toEqual([[1], [1], [1]]);
    type(wb, s(), C.span(2024, 'households', 'nearPoor', 8), [[3900, 40, 80]]);
    const [rate, pr, cr, result, progress] = valuesOf(
      wb,
      s(),
      C.span(2024, 'poorRate', 'progress', 8),
    )[0];
    expect(rate).toBeCloseTo(40 / 3900, 12);
    expect(pr).toBeCloseTo((200 - 40) / 200, 12); // 0.8 exactly attains
    expect(cr).toBeCloseTo((320 - 120) / 320, 12);
    expect(result).toBe('Đạt');
    expect(progress).toBe(1);
    // Without the merger the successor alone would have fallen by (110 − 40)/110.
    type(wb, s(), 'C6:C7', [[''], ['']]);
    expect(valuesOf(wb, s(), C.at(2024, 'poorReduction', 8))[0][0]).toBeCloseTo(70 / 110, 12);
    type(wb, s(), 'C6:C7', [[c], [c]]);
    // A predecessor without a valid baseline row: the successor cannot attain.
    type(wb, s(), 'F6', [['năm mươi']]);
    expect(valuesOf(wb, s(), C.at(2024, 'result', 8))[0][0]).toBe('Chưa đạt');
    type(wb, s(), 'F6', [[50]]);
    expect(valuesOf(wb, s(), C.at(2024, 'result', 8))[0][0]).toBe('Đạt');
  });

  test('merged-away communes are no longer expected after their last year', () => {
    const L = C.L;
    expect(DEFAULT_CONFIG.units[1].name).toBe('Thành phố Chí Linh');
    const n = L.communeCount;
    const first = L.firstCommuneRow;
    const last = L.spacerRow - 1;
    // every commune's baseline (rows 6..8 as typed above)
    type(
      wb,
      s(),
      `E9:G${last}`,
      Array.from({ length: n - 3 }, () => [900, 30, 40]),
    );
    // 2024: every commune but the two merged ones reports
    const rows = Array.from({ length: n }, (_, i) => (i < 2 ? ['', '', ''] : [1000, 1, 1]));
    type(wb, s(), C.span(2024, 'households', 'nearPoor', first, last), rows);
    const result = (year: number) => valuesOf(wb, s(), C.at(year, 'result', L.totalRow))[0][0];
    expect(result(2024)).toBe('Đạt');
    // after their last year a merged-away commune's figures are an error
    type(wb, s(), C.span(2024, 'households', 'nearPoor', 6), [[1000, 1, 1]]);
    expect(valuesOf(wb, s(), C.at(2024, 'result', 6))[0][0]).toBe('Lỗi');
    expect(result(2024)).toBe('Tạm tính');
    type(wb, s(), C.span(2024, 'households', 'nearPoor', 6), [['', '', '']]);
    // in 2023 they were still expected (and their last year's rows are empty: an error)
    type(wb, s(), C.span(2023, 'households', 'nearPoor', first, last), rows);
    expect(result(2023)).toBe('Tạm tính');
    // a last year without the successor makes every year provisional
    type(wb, s(), 'C6', [['']]);
    expect(result(2024)).toBe('Tạm tính');
    type(wb, s(), 'C6', [[names()[2]]]);
    expect(result(2024)).toBe('Đạt');
  });
});

describe('an invalid Cấu hình', () => {
  test('stops with the problems listed and changes nothing', () => {
    const w = newWorkbook();
    w.setup();
    const cfg = w.sheet(SHEET.config);
    type(w, cfg, 'B14:B14', [['tám mươi']]);
    type(w, cfg, 'B8:B8', [['32/13/2022']]);
    const unit = w.sheet(GIA_LOC);
    w.peek(() => unit.getRange(G.at(2022, 'result', 6)).setFormula(''));
    w.peek(() => w.ss.deleteSheet(w.sheet(SHEET.log)));
    const before = w.peek(() => w.ss.getSheets().map((x) => x.getName()));
    const alert = w.setup();
    expect(alert.message).toContain('Trang "Cấu hình" có lỗi');
    expect(alert.message).toContain('Trang "Cấu hình", ô B14');
    expect(alert.message).toContain('Trang "Cấu hình", ô B8');
    expect(alert.message).toContain('Mục tiêu giảm hộ nghèo');
    expect(w.peek(() => w.ss.getSheets().map((x) => x.getName()))).toEqual(before);
    expect(w.peek(() => unit.getRange(G.at(2022, 'result', 6)).getFormula())).toBe('');
  });

  test('the pure parser names the tab and the cell', () => {
    const w = newWorkbook();
    w.setup();
    const values = w.peek(() => w.ss.getRangeByName(NAMED.config)!.getValues());
    const broken = values.map((r) => r.slice());
    broken[12][1] = 2030; // B13, Năm tổng kết not in the period
    const unitsTitle = broken.findIndex((r) => r[0] === 'DANH MỤC XÃ');
    broken[unitsTitle + 2][0] = 'Huyện Không Có';
    const read = readConfigValues(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.problems.map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^Trang "Cấu hình", ô B13, mục "Năm tổng kết"/),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        `ô A${unitsTitle + 3}, mục "Danh mục xã": đơn vị "Huyện Không Có" không có trong bảng ĐƠN VỊ`,
      ),
    );
    for (const p of read.problems) expect(p.sheet).toBe('Cấu hình');
  });
});

describe('who may run it', () => {
  test('an editor who is not an analyst is refused, and nothing is created', () => {
    const w = newWorkbook();
    w.emu.shareWith('staff@gialoc.gov.vn');
    w.emu.setUser('staff@gialoc.gov.vn');
    const alert = w.setup();
    expect(alert.message).toContain('chưa có quyền');
    expect(w.peek(() => w.ss.getSheets().length)).toBe(1);
  });
});
