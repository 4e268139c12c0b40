// Issue 13.4: a spreadsheet in a shared drive has no owner (getOwner() is null), so "the owner
// acts as analyst while Cấu hình lists none" names nobody. Its first setup, with no Cấu hình yet,
// accepts the caller as the first analyst and writes that e-mail on Cấu hình; then the workbook
// is set up end to end: editors, protections (nobody bypasses them: there is no owner), a
// district's submission, an analyst's approval and the consolidation.
import { CONFIG_SECTION } from '../../src/sheets/configLabels';
import { SHEET } from '../../src/sheets/layout';
import { Emulator, loadBundle } from '../../tools/emulator';
import {
  alertTextDuring,
  exportResults,
  protectWorkbook,
  quietly,
  setEditors,
  typeAs,
  type Workbook,
} from '../../tools/workbookDriver';
import {
  ACCESS_DENIED,
  GIA_LOC,
  GL,
  NAM_SACH,
  PROTECTED,
  communeRows,
  fill,
  refusal,
} from './sidebarApi.fixture';
import { ensureBuilt } from './setupFixture';

const CREATOR = 'tonghop@haiduong.gov.vn'; // made the file in the shared drive
const OTHER = 'thanhvien@haiduong.gov.vn'; // another member of the shared drive

function sharedWorkbook(): Workbook {
  ensureBuilt();
  const emu = new Emulator({
    owner: CREATOR,
    user: CREATOR,
    sharedDrive: true,
    language: 'vi',
    now: new Date('2025-11-20T02:00:00Z'),
  });
  emu.shareWith(OTHER, GL);
  return { emu, bundle: loadBundle(emu, 'dist/Code.js') };
}

const setup = (wb: Workbook, by: string): string =>
  alertTextDuring(wb, () => wb.bundle.callAs(by, 'menuSetup'));

/** The e-mails in the analysts' table of Cấu hình, as typed there. */
const analystsOnConfig = (wb: Workbook): string[] =>
  quietly(wb, () =>
    wb.emu.as(CREATOR, () => {
      const grid = wb.emu.spreadsheet.getSheetByName(SHEET.config)!.getDataRange().getValues();
      const title = grid.findIndex((r) => r[0] === CONFIG_SECTION.analysts);
      const out: string[] = [];
      for (let r = title + 2; r < grid.length && String(grid[r][0]).includes('@'); r++)
        out.push(String(grid[r][0]));
      return out;
    }),
  );

test('the first setup accepts its caller as the first analyst and writes the e-mail on Cấu hình', () => {
  const wb = sharedWorkbook();
  expect(quietly(wb, () => wb.emu.spreadsheet.getOwner())).toBeNull();
  const shown = setup(wb, CREATOR);
  expect(shown).toContain(`e-mail của bạn (${CREATOR}) đã được ghi là cán bộ tổng hợp đầu tiên`);
  expect(analystsOnConfig(wb)).toEqual([CREATOR]);
  // From now on Cấu hình decides: another member of the drive is not an analyst.
  expect(setup(wb, OTHER)).toBe(ACCESS_DENIED);
  expect(setup(wb, CREATOR)).not.toContain('cán bộ tổng hợp đầu tiên');
  expect(analystsOnConfig(wb)).toEqual([CREATOR]);
});

test('a shared-drive workbook whose Cấu hình lists no analyst has no analyst: nobody may set it up', () => {
  const wb = sharedWorkbook();
  setup(wb, CREATOR);
  // Someone empties the analysts' table by hand (before any protection).
  quietly(wb, () =>
    wb.emu.as(CREATOR, () => {
      const sheet = wb.emu.spreadsheet.getSheetByName(SHEET.config)!;
      const grid = sheet.getDataRange().getValues();
      const title = grid.findIndex((r) => r[0] === CONFIG_SECTION.analysts);
      sheet.getRange(title + 3, 1).setValue('');
    }),
  );
  expect(setup(wb, CREATOR)).toBe(ACCESS_DENIED);
  expect(refusal(wb.bundle.callAs(CREATOR, 'sidebarConsolidate', 2025) as never)).toBe(
    ACCESS_DENIED,
  );
});

test('end to end in a shared drive: protections hold for everyone, the creator included', () => {
  const wb = sharedWorkbook();
  setup(wb, CREATOR);
  setEditors(wb, GIA_LOC, [GL], CREATOR);
  fill(wb, [...communeRows(GIA_LOC, 2021, 500, 10, 10), ...communeRows(GIA_LOC, 2025, 510, 2, 8)]);
  expect(protectWorkbook(wb, CREATOR)).toContain('Đã phân quyền');
  // The district writes its own tab only.
  typeAs(wb, GL, GIA_LOC, 'E6', [[500]]);
  expect(() => typeAs(wb, GL, NAM_SACH, 'E6', [[1]])).toThrow(PROTECTED);
  expect(() => typeAs(wb, GL, SHEET.config, 'A1', [['x']])).toThrow(PROTECTED);
  expect(() => typeAs(wb, OTHER, SHEET.approvals, 'A5', [['x']])).toThrow(PROTECTED);
  // The creator is an analyst because Cấu hình says so, not as an owner: formula cells are theirs.
  typeAs(wb, CREATOR, SHEET.config, 'Z300', [['ghi chú']]);
  // Submission, approval (written to the ledger), consolidation.
  const submitted = wb.bundle.callAs(GL, 'sidebarSubmitReport', GIA_LOC, 2025) as { ok: boolean };
  expect(submitted.ok).toBe(true);
  const approved = wb.bundle.callAs(CREATOR, 'sidebarApproveReport', GIA_LOC, 2025) as {
    ok: boolean;
  };
  expect(approved.ok).toBe(true);
  expect(() => typeAs(wb, GL, GIA_LOC, 'AP6', [[1]])).toThrow(PROTECTED); // the approved year
  const { summary } = exportResults(wb, 2025, CREATOR);
  const row = summary.districts.find((d) => d.name === GIA_LOC)!;
  // 18 communes: poor 180 → 36, 80 % exactly attains (sidebarApi.fixture.ts).
  expect([row.poor, row.poorReduction, row.attained, row.reportStatus]).toEqual([
    36,
    0.8,
    true,
    'on_time',
  ]);
  expect(summary.approvalMismatches).toEqual([]);
});
