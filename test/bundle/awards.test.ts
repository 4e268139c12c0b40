// The award shortlist through the compiled bundle: criteria typed on the tab, the report
// submitted, returned and submitted again from the sidebar (the record keeps the history), the
// shortlist's status column, and the annex tab, which follows the analysts' rejections.
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { NAMED, SHEET } from '../../src/sheets/layout';
import {
  ANALYST,
  exportResults,
  newWorkbook,
  quietly,
  runConsolidateMenu,
  setAnalysts,
  setEditors,
  typeCommuneRows,
  typeCriteriaRows,
  type CommuneYearRow,
  type Workbook,
} from '../../tools/workbookDriver';

const GIA_LOC = 'Huyện Gia Lộc';
const STAFF = 'canbo.gialoc@haiduong.gov.vn';
const YEAR = 2025;
const RULE = 'DX-2025-DV-HUYEN-GIA-LOC';

interface Grid {
  getValues(): unknown[][];
  getFormulas(): string[][];
}
interface Api {
  getRangeByName(n: string): Grid | null;
  getSheetByName(n: string): {
    getDataRange(): Grid;
    getRange(
      r: number,
      c: number,
      nr?: number,
      nc?: number,
    ): Grid & { setValues(v: unknown[][]): unknown };
  } | null;
}
const api = (wb: Workbook) => wb.emu.spreadsheet as unknown as Api;
const peek = <T>(wb: Workbook, fn: () => T): T => quietly(wb, () => wb.emu.asOwner(fn));

let wb: Workbook;
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  wb = newWorkbook({ now: new Date('2025-11-15T02:00:00Z') });
  // Every commune of Gia Lộc: 2021 poor 10, near-poor 10; 2025 poor 2, near-poor 8 (−80 %: attained).
  const communes = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!.communes;
  const row = (c: string, year: number, p: number, n: number): CommuneYearRow => ({
    district: GIA_LOC,
    commune: c,
    year: String(year),
    households: '500',
    poor: String(p),
    near_poor: String(n),
    poor_exited: '',
    poor_returned: '',
    poor_new: '',
    merged_into: '',
  });
  typeCommuneRows(
    wb,
    communes.flatMap((c) => [row(c, 2021, 10, 10), row(c, YEAR, 2, 8)]),
    2021,
    DEFAULT_CONFIG.years,
  );
  typeCriteriaRows(wb, DEFAULT_CONFIG, [
    {
      district: GIA_LOC,
      year: '2025',
      plan_issued: 'Có',
      budget_allocated: 'Có',
      budget_settled_on_time: 'Có',
      other_reports_on_time: 'Có',
      resources_million_vnd: '150',
      initiatives: '2',
    },
  ]);
  setAnalysts(wb, [ANALYST]);
  setEditors(wb, GIA_LOC, [STAFF]);
  wb.emu.shareWith(STAFF);
});

const submit = (iso: string) => {
  wb.emu.setNow(new Date(iso));
  return wb.bundle.callAs(STAFF, 'sidebarSubmitReport', GIA_LOC, YEAR) as { ok: boolean };
};
const entry = (id: string) => exportResults(wb, YEAR).shortlist.find((e) => e.id === id)!;
const annexNames = () =>
  peek(wb, () => api(wb).getSheetByName(SHEET.annex)!.getDataRange().getValues()).map((r) => r[1]);

test('submitted on time, returned, submitted again after the deadline: the record keeps it all, late', () => {
  expect(submit('2025-11-20T02:00:00Z').ok).toBe(true);
  wb.emu.setNow(new Date('2025-11-22T02:00:00Z'));
  wb.bundle.callAs(ANALYST, 'sidebarReturnReport', GIA_LOC, YEAR, 'Thiếu biên bản rà soát.');
  runConsolidateMenu(wb, YEAR);
  expect(entry(RULE)).toMatchObject({ status: 'not_eligible', unmet: ['report_missing'] });
  expect(submit('2025-12-01T02:00:00Z').ok).toBe(true);
  const stored = JSON.parse(wb.emu.properties.document.get(`gn.submission|${GIA_LOC}|2025`)!) as {
    events: { type: string }[];
  };
  expect(stored.events.map((e) => e.type)).toEqual(['submitted', 'returned', 'submitted']);
  runConsolidateMenu(wb, YEAR);
  const { summary } = exportResults(wb, YEAR);
  expect(summary.districts.find((d) => d.name === GIA_LOC)!.reportStatus).toBe('late');
  expect(entry(RULE)).toMatchObject({ status: 'not_eligible', unmet: ['report_late'] });
});

test('on time: the unit is eligible, the tab says so, and the annex lists it', () => {
  // A fresh record (the previous one removed): submitted on 28/11, on time.
  wb.emu.properties.document.delete(`gn.submission|${GIA_LOC}|2025`);
  expect(submit('2025-11-28T02:00:00Z').ok).toBe(true);
  runConsolidateMenu(wb, YEAR);
  expect(entry(RULE)).toMatchObject({ status: 'eligible', eligible: true, unmet: [] });
  const list = peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
  const row = list.find((r) => r[0] === RULE)!;
  expect(row[6]).toBe('Đủ điều kiện');
  expect(annexNames()).toContain(GIA_LOC);
  const formulas = peek(wb, () =>
    api(wb).getSheetByName(SHEET.annex)!.getDataRange().getFormulas(),
  );
  expect(formulas[5][1]).toMatch(/^=T\('Đề xuất khen thưởng'!O\d+\)$/);
});

test('rejected by the analysts ("Không đồng ý"): out of the annex at the next consolidation, kept on the list', () => {
  const values = peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
  const r = values.findIndex((x) => x[0] === RULE);
  peek(wb, () =>
    api(wb)
      .getSheetByName(SHEET.shortlist)!
      .getRange(r + 1, 10, 1, 1)
      .setValues([['Không đồng ý']]),
  );
  runConsolidateMenu(wb, YEAR);
  expect(annexNames()).not.toContain(GIA_LOC);
  const after = peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
  expect(after.find((x) => x[0] === RULE)![9]).toBe('Không đồng ý');
});
