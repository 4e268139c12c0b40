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
import { newWorkbook, type, valuesOf, type Workbook } from './setupFixture';

const GIA_LOC = 'Huyện Gia Lộc';
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
    const rows = valuesOf(wb, cfg, 'A6:B18');
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
    ]);
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
    const v = valuesOf(wb, s, 'A1:AZ57');
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
    expect(v[3][8]).toBe('Năm 2022'); // I4
    expect(v[3][41]).toBe('Năm 2025'); // AP4
    expect(v[4].slice(4, 19)).toEqual([
      'Tổng số hộ',
      'Hộ nghèo',
      'Hộ cận nghèo',
      'Tỷ lệ hộ nghèo',
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
    ]);
    const communes = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!.communes;
    expect(communes).toHaveLength(18);
    expect(v.slice(5, 23).map((r) => [r[0], r[1]])).toEqual(communes.map((c, i) => [i + 1, c]));
    expect(v[23][0]).toBe(UNIT_TEXT.spacer); // row 24
    expect(v[24][0]).toBe(UNIT_TEXT.total); // row 25
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
    const L = unitLayout(2021, [2022, 2023, 2024, 2025], 18);
    expect([L.spacerRow, L.totalRow, L.criteriaTitleRow, L.nominationsTitleRow]).toEqual([
      24, 25, 27, 36,
    ]);
  });

  test('every unit tab has its communes (235 in all) and its named range', () => {
    let total = 0;
    DEFAULT_CONFIG.units.forEach((u, i) => {
      const s = wb.sheet(u.tab);
      const L = unitLayout(2021, DEFAULT_CONFIG.years, u.communes.length);
      const names = valuesOf(wb, s, `B${L.firstCommuneRow}:B${L.spacerRow - 1}`).map((r) => r[0]);
      expect(names).toEqual(u.communes);
      total += names.length;
      expect(wholeColumns(unitRangeName(i))).toEqual({ sheet: u.tab, first: 1, columns: 78 }); // A:BZ
    });
    expect(total).toBe(235);
  });

  test('formulas are native (no custom function) and use the named targets', () => {
    const s = wb.sheet(GIA_LOC);
    const f = wb.peek(() => s.getRange('H6:S6').getFormulas())[0];
    expect(f[0]).toMatch(/^=IF\(/); // H6 baseline rate
    expect(f.slice(1, 7)).toEqual(['', '', '', '', '', '']); // inputs I..N
    expect(f[11]).toContain(NAMED.poorTarget); // R6
    expect(f[11]).toContain(NAMED.combinedTarget);
    const all = wb
      .peek(() => s.getRange('A1:AZ57').getFormulas())
      .flat()
      .filter((x) => x !== '');
    // per commune row: 1 baseline + 4 × 5 year formulas; total row: 4 + 4 × 11
    expect(all).toHaveLength(18 * 21 + 48);
    for (const formula of all) {
      expect(formula).not.toMatch(/GN_|IFS\(|LET\(|IFERROR\(|ARRAYFORMULA|\{/);
      const fns = [...formula.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]);
      for (const fn of fns)
        expect([
          'IF',
          'AND',
          'OR',
          'NOT',
          'ISNUMBER',
          'SUM',
          'SUMIF',
          'COUNT',
          'COUNTA',
          'COUNTIF',
          'MIN',
          'MAX',
        ]).toContain(fn);
    }
  });

  test('input cells carry validation; frozen panes; conditional colours on the results', () => {
    const s = wb.sheet(GIA_LOC);
    const rule = wb.peek(() => s.getRange('J6').getDataValidation());
    expect(rule).not.toBeNull();
    expect(wb.peek(() => rule!.getCriteriaType().toString())).toBe(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    );
    expect(wb.peek(() => rule!.getAllowInvalid())).toBe(false);
    expect(wb.peek(() => rule!.getHelpText())).toBe('Nhập số nguyên không âm (số hộ).');
    expect(wb.peek(() => s.getRange('O6').getDataValidation())).toBeNull();
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
    expect(wb.peek(() => s.getRange('O6').getBackground())).toBe('#efefef');
    expect(wb.peek(() => s.getRange('J6').getBackground())).toBe('#ffffff');
    expect(wb.peek(() => s.getRange('P6').getNumberFormat())).toBe('0.0%');
    expect(wb.peek(() => s.getRange('J6').getNumberFormat())).toBe('#,##0');
    const rules = wb.peek(() => s.getConditionalFormatRules());
    expect(rules).toHaveLength(3);
    const texts = wb.peek(() => rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(texts).toEqual(['Đạt', 'Chưa đạt', 'Tạm tính']);
  });

  test('a reasonable number of service calls, formulas written by block', () => {
    const total = Object.values(firstCalls).reduce((a, b) => a + b, 0);
    expect(firstCalls['Range.setFormula'] ?? 0).toBe(0);
    expect(firstCalls['Range.setValue'] ?? 0).toBe(0);
    // 5 commune blocks + the total row per unit tab
    expect(firstCalls['Range.setFormulas']).toBe(12 * 6);
    // one setValues per unit tab, one for Cấu hình, one for Hướng dẫn (+ the output tabs')
    expect(firstCalls['Range.setValues']).toBeLessThanOrEqual(12 + 2 + 10);
    expect(firstCalls['Range.setDataValidations']).toBeLessThanOrEqual(12 * 3 + 1);
    // + about 50 for the annex tab "Danh sách đề nghị khen thưởng" and the shortlist's dropdowns,
    // + about 25 for the review report's tab (values, merges, fonts).
    expect(total).toBeLessThan(2050);
  });
});

describe('the formulas, by hand (Huyện Gia Lộc, first commune on row 6)', () => {
  // Baseline E:G = households, poor, near-poor; 2022: I:K inputs, O rate, P poor reduction,
  // Q combined reduction, R result, S progress.
  const s = () => wb.sheet(GIA_LOC);
  const row6 = () => valuesOf(wb, s(), 'O6:S6')[0];

  beforeAll(() => type(wb, s(), 'E6:G6', [[1000, 100, 60]]));

  test('poor falls by exactly 80 %: attained, progress 1', () => {
    type(wb, s(), 'I6:K6', [[1000, 20, 50]]);
    expect(row6()).toEqual([0.02, 0.8, (160 - 70) / 160, 'Đạt', 1]);
  });

  test('poor falls by 79 % but poor + near-poor by 55.625 %: attained by the second branch', () => {
    type(wb, s(), 'I6:K6', [[1000, 21, 50]]);
    const [rate, pr, cr, result, progress] = row6();
    expect(rate).toBeCloseTo(0.021, 12);
    expect(pr).toBeCloseTo(0.79, 12);
    expect(cr).toBeCloseTo(0.55625, 12);
    expect(result).toBe('Đạt');
    expect(progress).toBe(1);
  });

  test('poor + near-poor falls by exactly 50 %: not attained, yet progress 1', () => {
    type(wb, s(), 'I6:K6', [[1000, 60, 20]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(0.4, 12);
    expect(cr).toBe(0.5);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBe(1);
  });

  test('partial progress: max(0.3/0.8, 0.25/0.5) = 0.5', () => {
    type(wb, s(), 'I6:K6', [[1000, 70, 50]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(0.3, 12);
    expect(cr).toBeCloseTo(0.25, 12);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBeCloseTo(0.5, 12);
  });

  test('more poor than at the start: negative reduction, progress 0', () => {
    type(wb, s(), 'I6:K6', [[1000, 120, 70]]);
    const [, pr, cr, result, progress] = row6();
    expect(pr).toBeCloseTo(-0.2, 12);
    expect(cr).toBeCloseTo(-0.1875, 12);
    expect(result).toBe('Chưa đạt');
    expect(progress).toBe(0);
  });

  test('blank year: every computed cell is blank', () => {
    type(wb, s(), 'I6:K6', [['', '', '']]);
    expect(row6()).toEqual(['', '', '', '', '']);
  });

  test('zero households: no rate; zero baselines and zero now: attained', () => {
    type(wb, s(), 'E7:G7', [[0, 0, 0]]);
    type(wb, s(), 'I7:K7', [[0, 0, 0]]);
    expect(valuesOf(wb, s(), 'H7:H7')[0][0]).toBe('');
    expect(valuesOf(wb, s(), 'O7:S7')[0]).toEqual(['', '', '', 'Đạt', 1]);
    type(wb, s(), 'I7:K7', [[10, 1, 0]]);
    expect(valuesOf(wb, s(), 'O7:S7')[0]).toEqual([0.1, '', '', 'Chưa đạt', 0]);
    type(wb, s(), 'E7:G7', [[0, 0, 4]]);
    type(wb, s(), 'I7:K7', [[10, 0, 1]]);
    // poor baseline 0: no poor reduction; combined (4 − 1)/4 = 75 % > 50 %
    expect(valuesOf(wb, s(), 'O7:S7')[0]).toEqual([0, '', 0.75, 'Đạt', 1]);
  });

  test('the total row sums the communes and stays provisional until every commune reported', () => {
    // Reset the two rows used above and fill every commune of Gia Lộc.
    type(
      wb,
      s(),
      'I6:K23',
      Array.from({ length: 18 }, () => ['', '', '']),
    );
    const baseline = Array.from({ length: 18 }, (_, i) => [500 + i, 20 + i, 10]);
    type(wb, s(), 'E6:G23', baseline);
    type(wb, s(), 'I6:K6', [[500, 4, 5]]);
    const total = () => valuesOf(wb, s(), 'E25:S25')[0];
    const pb = baseline.reduce((a, r) => a + r[1], 0); // 20·18 + 153 = 513
    const nb = 180;
    let t = total();
    expect(t.slice(0, 3)).toEqual([baseline.reduce((a, r) => a + r[0], 0), pb, nb]);
    expect(t.slice(4, 7)).toEqual([500, 4, 5]); // only one commune reported
    expect(t[13]).toBe('Tạm tính'); // R25
    const year = Array.from({ length: 18 }, (_, i) => [500, i < 9 ? 4 : 5, 5]); // poor 81, near-poor 90
    type(wb, s(), 'I6:K23', year);
    t = total();
    expect(t.slice(4, 7)).toEqual([9000, 81, 90]);
    expect(t[10]).toBeCloseTo(81 / 9000, 12); // O25
    expect(t[11]).toBeCloseTo((pb - 81) / pb, 12); // 0.842…
    expect(t[12]).toBeCloseTo((pb + nb - 171) / (pb + nb), 12);
    expect(t[13]).toBe('Đạt');
    expect(t[14]).toBe(1);
    // One commune leaves a blank: provisional again, whatever the sums say.
    type(wb, s(), 'J23:K23', [['', '']]);
    expect(total()[13]).toBe('Tạm tính');
  });
});

describe('a merger: two communes into one', () => {
  // Thành phố Chí Linh: rows 6 (A) and 7 (B) merge into row 8 (C) after 2023.
  const s = () => wb.sheet('Thành phố Chí Linh');
  const names = () => valuesOf(wb, s(), 'B6:B8').map((r) => String(r[0]));

  test("the successor's comparison uses its baseline plus its predecessors'", () => {
    const [a, b, c] = names();
    type(wb, s(), 'C6:G8', [
      [c, 2023, 1000, 50, 30],
      [c, 2023, 800, 40, 20],
      ['', '', 2000, 110, 70],
    ]);
    expect(a).not.toBe(b);
    // 2024 (AE hh, AF poor, AG near-poor; AK rate, AL pr, AM cr, AN result, AO progress)
    type(wb, s(), 'AE8:AG8', [[3900, 40, 80]]);
    const [rate, pr, cr, result, progress] = valuesOf(wb, s(), 'AK8:AO8')[0];
    expect(rate).toBeCloseTo(40 / 3900, 12);
    expect(pr).toBeCloseTo((200 - 40) / 200, 12); // 0.8 exactly attains
    expect(cr).toBeCloseTo((320 - 120) / 320, 12);
    expect(result).toBe('Đạt');
    expect(progress).toBe(1);
    // Without the merger the successor alone would have fallen by (110 − 40)/110.
    type(wb, s(), 'C6:C7', [[''], ['']]);
    expect(valuesOf(wb, s(), 'AL8:AL8')[0][0]).toBeCloseTo(70 / 110, 12);
    type(wb, s(), 'C6:C7', [[c], [c]]);
  });

  test('merged-away communes are no longer expected after their last year', () => {
    const L = unitLayout(2021, DEFAULT_CONFIG.years, DEFAULT_CONFIG.units[1].communes.length);
    expect(DEFAULT_CONFIG.units[1].name).toBe('Thành phố Chí Linh');
    const n = L.communeCount;
    // 2024: every commune but the two merged ones reports
    const rows = Array.from({ length: n }, (_, i) => (i < 2 ? ['', '', ''] : [1000, 1, 1]));
    type(wb, s(), `AE${L.firstCommuneRow}:AG${L.spacerRow - 1}`, rows);
    const result = `AN${L.totalRow}`;
    expect(valuesOf(wb, s(), `${result}:${result}`)[0][0]).not.toBe('Tạm tính');
    // in 2023 they were still expected
    const rows2023 = Array.from({ length: n }, (_, i) => (i < 2 ? ['', '', ''] : [1000, 1, 1]));
    type(wb, s(), `T${L.firstCommuneRow}:V${L.spacerRow - 1}`, rows2023);
    expect(valuesOf(wb, s(), `AC${L.totalRow}:AC${L.totalRow}`)[0][0]).toBe('Tạm tính');
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
    w.peek(() => unit.getRange('R6').setFormula(''));
    w.peek(() => w.ss.deleteSheet(w.sheet(SHEET.log)));
    const before = w.peek(() => w.ss.getSheets().map((x) => x.getName()));
    const alert = w.setup();
    expect(alert.message).toContain('Trang "Cấu hình" có lỗi');
    expect(alert.message).toContain('Trang "Cấu hình", ô B14');
    expect(alert.message).toContain('Trang "Cấu hình", ô B8');
    expect(alert.message).toContain('Mục tiêu giảm hộ nghèo');
    expect(w.peek(() => w.ss.getSheets().map((x) => x.getName()))).toEqual(before);
    expect(w.peek(() => unit.getRange('R6').getFormula())).toBe('');
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
