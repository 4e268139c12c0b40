// An agency unit in the workbook (plan V.4): its tab has the criteria and nominations blocks but
// no commune table; it counts in report timeliness and the shortlist, never in the totals.
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import { UNIT_TEXT } from '../../src/sheets/layout';
import {
  ANALYST,
  exportResults,
  protectWorkbook,
  newWorkbook,
  recordReportRows,
  runConsolidateMenu,
  typeCommuneRows,
  typeCriteriaRows,
  typeNominations,
  type CommuneYearRow,
} from '../../tools/workbookDriver';

const AGENCY = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương';
const BG = 'Huyện Bình Giang';
const [agency, ...others] = DEFAULT_CONFIG.inactiveUnits;
const config: Config = {
  ...DEFAULT_CONFIG,
  units: [DEFAULT_CONFIG.units.find((u) => u.name === BG)!, { ...agency, active: true }],
  inactiveUnits: others,
};

const row = (commune: string, year: number, poor: number): CommuneYearRow => ({
  district: BG,
  commune,
  year: String(year),
  households: '1000',
  poor: String(poor),
  near_poor: '20',
  poor_exited: '',
  poor_returned: '',
  poor_new: '',
  merged_into: '',
});
const YES = {
  plan_issued: 'Có',
  budget_allocated: 'Có',
  budget_settled_on_time: 'Có',
  other_reports_on_time: 'Có',
  resources_million_vnd: '300',
  initiatives: '2',
};

beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
});

test('the agency tab, its criteria and nominations, the summary and the shortlist', () => {
  expect(agency.name).toBe(AGENCY);
  const wb = newWorkbook({ config });
  const sheet = wb.emu.spreadsheet.getSheetByName(AGENCY)!;
  const grid = sheet.getRange(1, 1, sheet.getLastRow(), 8).getValues();
  const columnA = grid.map((r) => String(r[0]));
  // No commune table: no header "STT", no spacer, no total row.
  expect(columnA).not.toContain(UNIT_TEXT.numberHeader);
  expect(columnA).not.toContain('↑ Chèn thêm xã phía trên dòng này');
  expect(columnA).not.toContain(UNIT_TEXT.total);
  expect(columnA.indexOf(UNIT_TEXT.criteriaTitle)).toBe(4);
  expect(columnA).toContain(UNIT_TEXT.nominationsTitle);
  expect(columnA[0]).toContain(AGENCY);

  // Bình Giang: every commune reports 2021 (10 poor each) and 2025 (2 poor each): −80 %.
  const communes = config.units[0].communes;
  typeCommuneRows(
    wb,
    communes.flatMap((c) => [row(c, 2021, 10), row(c, 2025, 2)]),
    2021,
    config.years,
  );
  typeCriteriaRows(wb, config, [
    { district: BG, year: '2025', ...YES },
    { district: AGENCY, year: '2025', ...YES },
  ]);
  typeNominations(wb, [
    {
      id: 'MT-1',
      district: AGENCY,
      type: 'Tập thể',
      name: AGENCY,
      commune: '',
      achievement: 'Vận động Quỹ Vì người nghèo',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      year: '2025',
    },
  ]);
  const report = (district: string, at: string) => ({
    district,
    year: '2025',
    submitted_at: at,
    figures: '',
    document_number: '',
    document_date: '',
    document_link: '',
  });
  recordReportRows(
    wb,
    config,
    [report(AGENCY, '2025-11-20T09:00:00+07:00'), report(BG, '2025-11-30T09:00:00+07:00')],
    'test',
  );
  runConsolidateMenu(wb, 2025);
  const { summary, shortlist } = exportResults(wb, 2025);
  const a = summary.districts.find((d) => d.name === AGENCY)!;
  expect(a.errors).toEqual([]);
  expect(a.kind).toBe('agency');
  expect([a.communes, a.poor, a.attained, a.reportStatus]).toEqual([0, 0, false, 'on_time']);
  const bg = summary.districts.find((d) => d.name === BG)!;
  expect(bg.reportStatus).toBe('late');
  expect([bg.communes, bg.poor, bg.poorBaseline]).toEqual([
    communes.length,
    2 * communes.length,
    10 * communes.length,
  ]);
  // Totals: Bình Giang alone.
  expect([summary.total.communes, summary.total.poor]).toEqual([
    communes.length,
    2 * communes.length,
  ]);
  const entry = shortlist.find((e) => e.id === 'MT-1')!;
  expect(entry.status).toBe('eligible');

  // "Phân quyền các trang tính" protects the agency's tab like a unit's; the self-check finds
  // nothing wrong with its shape.
  const protectedText = protectWorkbook(wb);
  // 2 unit tabs (Bình Giang and the agency) + the 9 analysts' tabs: none skipped.
  expect(protectedText).toContain('Đã phân quyền 11 trang');
  const own = wb.emu.asOwner(() =>
    [...sheet.getProtections('SHEET'), ...sheet.getProtections('RANGE')].map((p) =>
      p.getDescription(),
    ),
  );
  // The sheet for analysts with its input cells open, the whole tab for its editors and the
  // status line (no spacer or total rows on an agency's tab; docs/DECISIONS.md 56).
  expect(own.map((d) => d.split(':')[1])).toEqual(['locked', 'unit', 'status']);
  const before = wb.emu.ui.alerts.length;
  wb.bundle.callAs(ANALYST, 'menuSelfCheck');
  const check = wb.emu.ui.alerts
    .slice(before)
    .map((a) => a.message)
    .join('\n');
  expect(check).not.toContain('Không đọc được bố cục');
}, 120_000);
