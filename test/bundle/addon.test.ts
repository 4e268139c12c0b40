// Issue 13.6: the same bundle ships as an Editor add-on (dist/addon/), whose code and document
// properties editors of the spreadsheet cannot change; onOpen(e) builds the menu in every
// e.authMode; and, for the bound script, the approvals ledger is a tripwire: an approval forged
// in the document properties (what an editor can do from the script editor) is listed by the
// consolidation as `approvalMismatches`.
import { readFileSync } from 'node:fs';
import { MENU_ITEMS } from '../../src/server/menu';
import { SHEET } from '../../src/sheets/layout';
import { Emulator, loadBundle } from '../../tools/emulator';
import type { Result } from '../../src/shared/sidebarContract';
import {
  exportResults,
  quietly,
  runConsolidateMenu,
  setAnalysts,
  typeAs,
  type Workbook,
} from '../../tools/workbookDriver';
import {
  ANALYST,
  ANALYST2,
  GIA_LOC,
  GL,
  NAM_SACH,
  NS,
  PROTECTED,
  YEAR,
  communeRows,
  fill,
  fromClient,
  fullSnapshot,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';
import { ensureBuilt } from './setupFixture';

const FILES = ['Code.js', 'Sidebar.html', 'SetupData.html', 'appsscript.json'];
const read = (path: string) => readFileSync(path, 'utf8');

beforeAll(() => ensureBuilt());

describe('the Editor add-on build', () => {
  test('dist/addon holds the same code and pages as dist/, with the manifest less the reminder scopes the bound script declares', () => {
    for (const f of FILES.slice(0, 3)) expect(read(`dist/addon/${f}`)).toBe(read(`dist/${f}`));
    const bound = JSON.parse(read('dist/appsscript.json')) as Record<string, unknown>;
    const addon = JSON.parse(read('dist/addon/appsscript.json')) as Record<string, unknown>;
    expect(bound.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
      ]),
    );
    // Reminders run in the bound script only (README "Nhắc hạn / Reminders").
    expect(addon).toEqual({
      ...bound,
      oauthScopes: (bound.oauthScopes as string[]).filter(
        (s) => !/script\.(scriptapp|send_mail)$/.test(s),
      ),
    });
    expect(addon.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(addon.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  const items = MENU_ITEMS.map((i) => [i.caption, i.functionName]);
  const menuOf = (emu: Emulator) =>
    emu.ui.menus[emu.ui.menus.length - 1].items.flatMap((i) =>
      'caption' in i ? [[i.caption, i.functionName]] : [],
    );

  test.each([
    ['addon', 'NONE'],
    ['addon', 'LIMITED'],
    ['bound', 'LIMITED'],
    ['bound', 'NONE'],
  ] as const)(
    '%s: onOpen(e) in AuthMode.%s builds the whole menu and touches nothing else',
    (deployment, authMode) => {
      const emu = new Emulator({ deployment, language: 'vi' });
      loadBundle(emu, deployment === 'addon' ? 'dist/addon/Code.js' : 'dist/Code.js');
      emu.calls.reset();
      const [run] = emu.openSpreadsheet({ authMode });
      expect(run.error).toBeNull();
      expect(run.event.authMode).toBe(authMode);
      expect(menuOf(emu)).toEqual(items);
      const touched = Object.keys(emu.calls.snapshot());
      expect(touched.every((n) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(n))).toBe(true);
    },
  );

  test('onInstall(e) in AuthMode.FULL shows the menu at once; the add-on then sets the workbook up', () => {
    const emu = new Emulator({
      deployment: 'addon',
      language: 'vi',
      owner: ANALYST,
      user: ANALYST,
    });
    const bundle = loadBundle(emu, 'dist/addon/Code.js');
    const [run] = emu.installAddon();
    expect([run.error, run.authMode, run.event.authMode]).toEqual([null, 'FULL', 'FULL']);
    expect(menuOf(emu)).toEqual(items);
    bundle.call('menuSetup');
    expect(emu.ui.alerts[emu.ui.alerts.length - 1].message).toContain('Đã tạo');
    expect(
      quietly({ emu, bundle }, () => emu.spreadsheet.getSheetByName(SHEET.approvals)),
    ).not.toBeNull();
  });
});

describe('the approvals ledger (tripwire of the bound script)', () => {
  let wb: Workbook;
  beforeAll(() => {
    wb = sidebarWorkbook({ protect: true });
    fill(wb, [
      ...communeRows(NAM_SACH, 2021, 400, 8, 8),
      ...communeRows(NAM_SACH, YEAR, 400, 1, 4),
    ]);
  });

  const exported = () => exportResults(wb, YEAR).summary.approvalMismatches;
  const ledger = () =>
    quietly(wb, () =>
      wb.emu.asOwner(() =>
        wb.emu.spreadsheet.getSheetByName(SHEET.approvals)!.getDataRange().getValues(),
      ),
    );

  test('an approval through the sidebar is written to the ledger, and nothing is in doubt', () => {
    expect((wb.bundle.callAs(GL, 'sidebarSubmitReport', GIA_LOC, YEAR) as { ok: boolean }).ok).toBe(
      true,
    );
    wb.emu.advance(3_600_000);
    const approved = wb.bundle.callAs(ANALYST, 'sidebarApproveReport', GIA_LOC, YEAR) as {
      ok: boolean;
    };
    expect(approved.ok).toBe(true);
    // 2025-11-20T03:00Z is 10:00 in Vietnam (sidebarApi.fixture's clock, one hour later).
    expect(ledger()).toEqual([
      ['Đơn vị', 'Năm', 'Thao tác', 'Thời điểm', 'Người thực hiện'],
      [GIA_LOC, YEAR, 'Duyệt', '20/11/2025 10:00', ANALYST],
    ]);
    expect(exported()).toEqual([]);
    // District users cannot write the ledger (analysts only, hidden).
    expect(() => typeAs(wb, GL, SHEET.approvals, 'A3:C3', [[NAM_SACH, YEAR, 'Duyệt']])).toThrow(
      PROTECTED,
    );
  });

  test('an approval forged in the document properties is listed by the consolidation and in summary.json', () => {
    expect(
      (wb.bundle.callAs(NS, 'sidebarSubmitReport', NAM_SACH, YEAR) as { ok: boolean }).ok,
    ).toBe(true);
    // What an editor of a bound script can do from the script editor: rewrite the record.
    const store = wb.emu.properties.document;
    const key = [...store.keys()].find((k) => k.includes(NAM_SACH) && k.includes(String(YEAR)));
    if (!key) throw new Error('no submission record for Nam Sách');
    const record = JSON.parse(store.get(key)!) as { events: object[] };
    const forged = {
      ...record,
      status: 'approved',
      events: [...record.events, { type: 'approved', at: '2025-11-25T03:00:00.000Z', by: ANALYST }],
    };
    store.set(key, JSON.stringify(forged));
    const expected = `Báo cáo năm ${YEAR} của ${NAM_SACH} được ghi là đã duyệt, nhưng "${SHEET.approvals}" (chỉ cán bộ tổng hợp sửa được) không ghi lần duyệt nào còn hiệu lực`;
    expect(runConsolidateMenu(wb, YEAR)).toContain(expected);
    const mismatches = exported();
    expect(mismatches.map((m) => [m.district, m.year])).toEqual([[NAM_SACH, YEAR]]);
    expect(mismatches[0].message).toContain(expected);
  });

  test('an analyst added since the last "Phân quyền" cannot touch an approval yet: told so, nothing changed', () => {
    const newcomer = 'tonghop3@haiduong.gov.vn';
    wb.emu.shareWith(newcomer);
    setAnalysts(wb, [ANALYST, newcomer]);
    const before = fullSnapshot(wb);
    const text = refusal(
      fromClient(
        wb,
        newcomer,
        'sidebarReturnReport',
        GIA_LOC,
        YEAR,
        'Sai số liệu',
      ) as Result<unknown>,
    );
    expect(text).toBe(
      `Bạn chưa có quyền ghi trang "${SHEET.approvals}" (trang được bảo vệ); chưa có gì bị thay đổi. Hãy nhờ cán bộ tổng hợp đã phân quyền lần trước chạy lại "Phân quyền các trang tính".`,
    );
    expect(fullSnapshot(wb)).toEqual(before);
    setAnalysts(wb, [ANALYST, ANALYST2]);
  });

  test('returning an approved report is written to the ledger too, so the two still agree', () => {
    const returned = wb.bundle.callAs(
      ANALYST,
      'sidebarReturnReport',
      GIA_LOC,
      YEAR,
      'Thiếu số liệu xã Yết Kiêu',
    ) as { ok: boolean };
    expect(returned.ok).toBe(true);
    expect(ledger()[2].slice(0, 3)).toEqual([GIA_LOC, YEAR, 'Trả lại sau khi đã duyệt']);
    expect(exported().map((m) => m.district)).toEqual([NAM_SACH]);
  });
});
