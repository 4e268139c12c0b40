// The consolidate menu through the compiled bundle in the emulator, with figures worked out by
// hand. Huyện Gia Lộc (18 communes) is filled; the other 11 units are empty.
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { NAMED, SHEET } from '../../src/sheets/layout';
import {
  exportResults,
  newWorkbook,
  runConsolidateMenu,
  typeCommuneRows,
  type CommuneYearRow,
  type Workbook,
} from '../../tools/workbookDriver';

const GIA_LOC = 'Huyện Gia Lộc';
const YEAR = 2025;

interface Api {
  getRangeByName(n: string): { getValues(): unknown[][]; getSheet(): { getName(): string } } | null;
  getSheetByName(n: string): {
    getDataRange(): { getValues(): unknown[][]; getFormulas(): string[][] };
    getRange(
      r: number,
      c: number,
      nr?: number,
      nc?: number,
    ): { setValues(v: unknown[][]): unknown; getValues(): unknown[][] };
    getLastRow(): number;
  } | null;
}
const api = (wb: Workbook) => wb.emu.spreadsheet as unknown as Api;
const peek = <T>(wb: Workbook, fn: () => T): T =>
  (
    wb.emu.spreadsheet as unknown as { internal: { withoutCounting<R>(f: () => R): R } }
  ).internal.withoutCounting(() => wb.emu.asOwner(fn));

function fillGiaLoc(wb: Workbook): void {
  const communes = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!.communes;
  const row = (commune: string, year: number, h: number, p: number, n: number): CommuneYearRow => ({
    district: GIA_LOC,
    commune,
    year: String(year),
    households: String(h),
    poor: String(p),
    near_poor: String(n),
    poor_exited: '',
    poor_returned: '',
    poor_new: '',
    merged_into: '',
  });
  const rows = communes.flatMap((c) => [row(c, 2021, 500, 10, 10), row(c, YEAR, 510, 2, 8)]);
  typeCommuneRows(wb, rows, DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years);
}

const unitSnapshot = (wb: Workbook) =>
  DEFAULT_CONFIG.units.map((u) =>
    peek(wb, () => {
      const range = api(wb).getSheetByName(u.tab)!.getDataRange();
      return { values: range.getValues(), formulas: range.getFormulas() };
    }),
  );

// Spreadsheet.getOwner/User.getEmail: the access check made only while Cấu hình lists no analyst.
const SERVICES_OUTSIDE_SPREADSHEET =
  /^(Spreadsheet\.getOwner|Ui|Menu|PromptResponse|LockService|Lock|PropertiesService|Properties|Session|User|Utilities|HtmlService|Html|Logger|ScriptApp|SpreadsheetApp\.getUi)/;

let wb: Workbook;
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  wb = newWorkbook();
  fillGiaLoc(wb);
});

test('figures of a filled unit, by hand', () => {
  runConsolidateMenu(wb, YEAR);
  const { summary } = exportResults(wb, YEAR);
  const d = summary.districts.find((x) => x.name === GIA_LOC)!;
  // 18 communes: baseline poor 18×10 = 180, near-poor 180; 2025 poor 18×2 = 36, near-poor 144.
  expect([
    d.communes,
    d.communesReported,
    d.households,
    d.poorBaseline,
    d.nearPoorBaseline,
    d.poor,
    d.nearPoor,
  ]).toEqual([18, 18, 9180, 180, 180, 36, 144]);
  expect(d.poorReduction).toBe(0.8); // (180 − 36) / 180: exactly 80 % attains
  expect(d.combinedReduction).toBe(0.5); // (360 − 180) / 360
  expect(d.attained).toBe(true);
  expect(d.provisional).toBe(false);
  expect(d.communesAttained).toBe(18); // each commune 10 → 2
  const empty = summary.districts.find((x) => x.name === 'Huyện Thanh Miện')!;
  expect([empty.communesReported, empty.provisional, empty.attained, empty.reportStatus]).toEqual([
    0,
    true,
    false,
    'missing',
  ]);
  expect(summary.total.poor).toBe(36);
  expect(summary.total.provisional).toBe(true);
  expect(summary.total.attained).toBe(false);
  // The summary tab shows the same, as values.
  const tab = peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues());
  const giaLocRow = tab.find((r) => r[1] === GIA_LOC)!;
  // Leaders' columns first: result, both reductions, progress, report status, poor households.
  expect(giaLocRow.slice(2, 9)).toEqual(['Đạt', 0.8, 0.5, 1, 'Chưa nộp', 36, 144]);
});

// 2 per unit tab; 15 for Cấu hình, the outputs and the lock's flush; 2 for the approvals ledger
// (the tripwire, 2 calls) and the check that each unit's named range lies on its own tab (0 calls:
// the title read with the tab names its unit, readUnits.ts).
test('consolidation makes at most 2·N + 17 spreadsheet calls and never writes a unit tab', () => {
  const before = unitSnapshot(wb);
  wb.emu.calls.reset();
  runConsolidateMenu(wb, YEAR);
  const calls = wb.emu.calls.snapshot();
  const spreadsheetCalls = Object.entries(calls)
    .filter(([name]) => !SERVICES_OUTSIDE_SPREADSHEET.test(name))
    .reduce((n, [, c]) => n + c, 0);
  expect(spreadsheetCalls).toBeLessThanOrEqual(2 * DEFAULT_CONFIG.units.length + 17);
  expect(calls['Range.getValue'] ?? 0).toBe(0);
  expect(calls['Range.setValue'] ?? 0).toBe(0);
  expect(unitSnapshot(wb)).toEqual(before);
});

test('twice in a row gives the same tabs apart from the time, and the log grows by one row each run', () => {
  const read = () =>
    peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues()).filter((_, i) => i !== 2);
  const logRows = () => peek(wb, () => api(wb).getSheetByName(SHEET.log)!.getLastRow());
  runConsolidateMenu(wb, YEAR);
  const first = read();
  const rows = logRows();
  wb.emu.advance(60_000);
  runConsolidateMenu(wb, YEAR);
  expect(read()).toEqual(first);
  expect(logRows()).toBe(rows + 1);
});

test("analysts' decisions and notes survive a re-run", () => {
  const values = peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
  const r = values.findIndex((row) => String(row[0]).startsWith('DX-'));
  expect(r).toBeGreaterThan(0);
  const id = values[r][0];
  peek(wb, () =>
    api(wb)
      .getSheetByName(SHEET.shortlist)!
      .getRange(r + 1, 10, 1, 2)
      .setValues([['Đồng ý', "'=1+1 ghi chú"]]),
  );
  runConsolidateMenu(wb, YEAR);
  const after = peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
  const row = after.find((x) => x[0] === id)!;
  expect(row.slice(9, 11)).toEqual(['Đồng ý', '=1+1 ghi chú']);
});

test('a second consolidation while the lock is held says so and changes nothing', () => {
  const before = peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues());
  const release = wb.emu.locks.holdDocumentLock();
  try {
    const message = runConsolidateMenu(wb, YEAR);
    expect(message).toContain('Một lượt tổng hợp khác đang chạy');
  } finally {
    release();
  }
  expect(peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues())).toEqual(before);
});
