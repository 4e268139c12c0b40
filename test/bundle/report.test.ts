// "Báo cáo năm" through the compiled bundle: laid out once by setup, its text cells are native
// references to the summary block, so every consolidation updates it with no call of its own.
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { NAMED, SHEET } from '../../src/sheets/layout';
import { reportLayout, yearlyReport } from '../../src/sheets/reportTab';
import { summaryLayout } from '../../src/sheets/summaryTab';
import {
  exportResults,
  newWorkbook,
  runConsolidateMenu,
  typeCommuneRows,
  typeNominations,
  type CommuneYearRow,
  type Workbook,
} from '../../tools/workbookDriver';

const GIA_LOC = 'Huyện Gia Lộc';
const YEAR = 2025;

type Range = {
  getValues(): unknown[][];
  getFormulas(): string[][];
  getFontFamily(): string;
  getFontSize(): number;
  getFontWeight(): string;
  getMergedRanges(): { getA1Notation(): string }[];
  getA1Notation(): string;
};
type Sheet = {
  getRange(r: number, c: number, nr?: number, nc?: number): Range;
  getDataRange(): Range;
  getColumnWidth(c: number): number;
  hasHiddenGridlines(): boolean;
  getName(): string;
};
type Api = {
  getSheetByName(n: string): Sheet | null;
  getRangeByName(n: string): (Range & { getSheet(): Sheet }) | null;
  getSheets(): Sheet[];
};
const api = (wb: Workbook) => wb.emu.spreadsheet as unknown as Api;
const peek = <T>(wb: Workbook, fn: () => T): T =>
  (
    wb.emu.spreadsheet as unknown as { internal: { withoutCounting<R>(f: () => R): R } }
  ).internal.withoutCounting(() => wb.emu.asOwner(fn));
const reportTab = (wb: Workbook) => api(wb).getSheetByName(SHEET.report)!;
const layout = reportLayout(yearlyReport(DEFAULT_CONFIG));

function fill(wb: Workbook, poor2025: number): void {
  const communes = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!.communes;
  const row = (commune: string, year: number, p: number): CommuneYearRow => ({
    district: GIA_LOC,
    commune,
    year: String(year),
    households: '500',
    poor: String(p),
    near_poor: '10',
    poor_exited: '',
    poor_returned: '',
    poor_new: '',
    merged_into: '',
  });
  typeCommuneRows(
    wb,
    communes.flatMap((c) => [row(c, 2021, 10), row(c, YEAR, poor2025)]),
    DEFAULT_CONFIG.baselineYear,
    DEFAULT_CONFIG.years,
  );
}

/** The text of every slot as the report tab shows it. */
const shown = (wb: Workbook) =>
  peek(wb, () => {
    const values = reportTab(wb).getRange(1, 1, layout.lastRow, 2).getValues();
    return layout.slots.map((s) => values[s.row - 1][s.column - 1]);
  });

let wb: Workbook;
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  wb = newWorkbook();
  fill(wb, 2);
  // A nomination whose texts look like formulas: they must never reach a formula.
  typeNominations(wb, [
    {
      id: 'N1',
      district: GIA_LOC,
      type: 'Cá nhân',
      name: '=HYPERLINK("http://x";"y")',
      commune: '',
      achievement: '=1+1',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      year: String(YEAR),
    },
  ]);
});

test('setup lays the tab out after the summary: an A4 page of a Vietnamese administrative report', () => {
  const names = peek(wb, () =>
    api(wb)
      .getSheets()
      .map((s) => s.getName()),
  );
  expect(names.indexOf(SHEET.report)).toBe(names.indexOf(SHEET.summary) + 1);
  const tab = reportTab(wb);
  const values = peek(wb, () => tab.getRange(1, 1, layout.lastRow, 2).getValues());
  // Before any consolidation the slots are blank; the fixed texts are there.
  expect(values[0]).toEqual(['', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  expect(values[1][1]).toBe('Độc lập - Tự do - Hạnh phúc');
  expect(values[3][0]).toMatch(/^Số:\s+\/BC-UBND$/);
  expect(values[5][0]).toBe('BÁO CÁO');
  expect(layout.lastRow).toBe(layout.footerRow);
  // A4 text width (30/15 mm margins ≈ 165 mm ≈ 620 px), no gridlines, Times New Roman.
  peek(wb, () => {
    expect(tab.getColumnWidth(1) + tab.getColumnWidth(2)).toBe(620);
    expect(tab.hasHiddenGridlines()).toBe(true);
    expect(tab.getRange(layout.firstBodyRow, 1).getFontFamily()).toBe('Times New Roman');
    expect(tab.getRange(layout.firstBodyRow, 1).getFontSize()).toBe(13);
    expect(tab.getRange(layout.firstBodyRow + 1, 1).getFontWeight()).toBe('bold'); // "I. KẾT QUẢ…"
    // Every paragraph is one cell merged across the page.
    const merged = tab
      .getRange(layout.firstBodyRow, 1, layout.lastBodyRow - layout.firstBodyRow + 1, 2)
      .getMergedRanges()
      .map((m) => m.getA1Notation());
    expect(merged).toHaveLength(layout.lastBodyRow - layout.firstBodyRow + 1);
    expect(merged[0]).toBe(`A${layout.firstBodyRow}:B${layout.firstBodyRow}`);
    expect(api(wb).getRangeByName(NAMED.report)!.getSheet().getName()).toBe(SHEET.report);
  });
});

test('after a consolidation the report shows the paragraphs, as values coming through references', () => {
  runConsolidateMenu(wb, YEAR);
  const text = shown(wb).map((t) => String(t).replace(/\u00a0/g, ''));
  expect(text.slice(0, 4)).toEqual([
    'ỦY BAN NHÂN DÂN',
    'TỈNH HẢI DƯƠNG',
    'Hải Dương, ngày … tháng … năm …',
    'Kết quả thực hiện Phong trào thi đua\n“Vì người nghèo - Không để ai bị bỏ lại phía sau” năm 2025',
  ]);
  // Gia Lộc: 18 communes, poor 180 → 36 (80,0%): the only unit attained.
  expect(text[9]).toBe(
    '2. Các đơn vị cấp huyện: 1/12 đơn vị đạt mục tiêu, gồm huyện Gia Lộc (giảm 80,0% hộ nghèo).',
  );
  expect(text[text.length - 2]).toMatch(
    /^Nơi nhận:\n- Bộ Nội vụ \(Ban Thi đua - Khen thưởng Trung ương\);/,
  );
  expect(text[text.length - 1]).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\n\n');
  // The summary tab: the province first, then the units; in the final year no outlook at all.
  const { summary } = exportResults(wb, YEAR);
  const block = peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues());
  const sl = summaryLayout(DEFAULT_CONFIG);
  const header = block[sl.headerRow - 1];
  expect(header.slice(0, 8)).toEqual([
    'Hạng',
    'Đơn vị',
    'Kết quả',
    'Giảm hộ nghèo so với đầu kỳ',
    'Giảm hộ nghèo và cận nghèo',
    'Tiến độ',
    'Báo cáo',
    'Hộ nghèo',
  ]);
  expect(block[sl.totalRow - 1].slice(1, 3)).toEqual(['Toàn tỉnh', 'Tạm tính']);
  const outlook = header.indexOf('Dự kiến hộ nghèo năm 2025');
  expect(block.find((r) => r[1] === GIA_LOC)!.slice(outlook, outlook + 4)).toEqual([
    '',
    '',
    '',
    '',
  ]);
  expect(summary.districts.find((d) => d.name === GIA_LOC)!.outlook).toBeNull();
  expect(summary.total.outlook).toBeNull();
});

test('no formula holds user text: the report refers to cells, the summary block holds values', () => {
  const first = summaryLayout(DEFAULT_CONFIG).firstReportRow;
  peek(wb, () => {
    const formulas = reportTab(wb)
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((x) => x !== '');
    expect(formulas).toHaveLength(layout.slots.length);
    // The review report's tab refers to the cells after the yearly report's.
    for (const [i, formula] of formulas.entries())
      expect(formula).toBe(`=T('${SHEET.summary}'!A${first + i})`);
    const block = api(wb).getRangeByName(NAMED.summary)!.getFormulas();
    expect(block.flat().every((x) => x === '')).toBe(true);
  });
});

test('a consolidation on changed data changes the report, within the call budget', () => {
  const before = shown(wb);
  fill(wb, 5); // 180 → 90 poor: 50 %, not attained
  wb.emu.calls.reset();
  runConsolidateMenu(wb, YEAR);
  const calls = wb.emu.calls.snapshot();
  const outside =
    /^(Spreadsheet\.getOwner|Ui|Menu|PromptResponse|LockService|Lock|PropertiesService|Properties|Session|User|Utilities|HtmlService|Html|Logger|ScriptApp|SpreadsheetApp\.getUi)/;
  const spreadsheetCalls = Object.entries(calls)
    .filter(([n]) => !outside.test(n))
    .reduce((n, [, c]) => n + c, 0);
  expect(spreadsheetCalls).toBeLessThanOrEqual(2 * DEFAULT_CONFIG.units.length + 17);
  const after = shown(wb);
  expect(String(after[9]).replace(/\u00a0/g, '')).toBe(
    '2. Các đơn vị cấp huyện: 0/12 đơn vị đạt mục tiêu.',
  );
  expect(after[9]).not.toBe(before[9]);
  expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
});

test('running setup again keeps the report tab as it was', () => {
  const snapshot = () =>
    peek(wb, () => ({
      values: reportTab(wb).getDataRange().getValues(),
      formulas: reportTab(wb).getDataRange().getFormulas(),
    }));
  const before = snapshot();
  wb.bundle.call('menuSetup');
  expect(snapshot()).toEqual(before);
});
