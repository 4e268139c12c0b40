// "Phân quyền các trang tính" through the compiled bundle: who may write where afterwards, as the
// emulator enforces it (a protected range refuses an edit from a user who is not its editor).
// Cell positions of Huyện Gia Lộc (18 communes), worked out by hand from the layout: header rows
// 4-5, communes on rows 6-23, spacer 24, total 25, criteria title 27 (years on row 28, six
// criteria on rows 29-34), nominations title 36, header 37, first nomination 38. Columns: A STT,
// B commune, C-D merger, baseline E-I (H = rate, I = check), 2022 J-U, 2023 V-AG, 2024 AH-AS,
// 2025 AT-BE (six inputs AT-AY, formulas AZ-BE), BF the name check.
import { message } from '../../tools/emulator';
import { SHEET } from '../../src/sheets/layout';
import { ensureBuilt } from './setupFixture';
import {
  ANALYST,
  newWorkbook,
  protectWorkbook,
  quietly,
  setAnalysts,
  setEditors,
  typeAs,
  workbookSnapshot,
  type Workbook,
} from '../../tools/workbookDriver';

const GIA_LOC = 'Huyện Gia Lộc';
const NAM_SACH = 'Huyện Nam Sách';
const GL = 'canbo.gialoc@haiduong.gov.vn';
const NS = 'canbo.namsach@haiduong.gov.vn';
const ANALYST2 = 'tonghop2@haiduong.gov.vn';
const OUTSIDER = 'nguoingoai@gmail.com';
const PROTECTED = message('protectedCell', 'vi'); // the workbook's users read Vietnamese
// The add-on's own tabs besides the unit tabs (Hướng dẫn, Cấu hình, Tổng hợp toàn tỉnh, Đề xuất
// khen thưởng, Nhật ký, and any output tab layout.ts adds): analysts only.
const ANALYST_TABS: string[] = Object.values(SHEET);

let wb: Workbook;
let firstMessage: string;

const refused = (email: string, tab: string, a1: string, values: unknown[][] = [[1]]) =>
  expect(() => typeAs(wb, email, tab, a1, values)).toThrow(PROTECTED);
const accepted = (email: string, tab: string, a1: string, values: unknown[][]) => {
  typeAs(wb, email, tab, a1, values);
  const read = quietly(wb, () =>
    wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(tab)!.getRange(a1).getValues()),
  );
  expect(read).toEqual(values);
};
const ownProtections = () =>
  workbookSnapshot(wb).protections.filter((p) => p.description.startsWith('gn:'));
/** What a protection is for: its description without the fingerprint ("#" and base-36 digits). */
const tagOf = (p: { description: string }) => p.description.replace(/#[0-9a-z]{1,7}$/, '');

beforeAll(() => {
  ensureBuilt();
  wb = newWorkbook();
  wb.emu.shareWith(GL, NS, ANALYST2, OUTSIDER);
  setAnalysts(wb, [ANALYST, ANALYST2]);
  setEditors(wb, GIA_LOC, [GL]);
  setEditors(wb, NAM_SACH, [NS]);
  // Run by an analyst who is not the owner: the owner can always edit, so this is the real test.
  firstMessage = protectWorkbook(wb, ANALYST2);
});

test("the menu says what it protected: 12 unit tabs and the province's tabs", () => {
  expect(ANALYST_TABS).toEqual(
    expect.arrayContaining([
      'Hướng dẫn',
      'Cấu hình',
      'Tổng hợp toàn tỉnh',
      'Đề xuất khen thưởng',
      'Nhật ký',
    ]),
  );
  expect(firstMessage).toContain(
    `Đã phân quyền ${12 + ANALYST_TABS.length} trang theo trang "Cấu hình"`,
  );
  const sheets = new Set(ownProtections().map((p) => p.sheet));
  expect(sheets.size).toBe(12 + ANALYST_TABS.length);
  for (const tab of ANALYST_TABS) expect(sheets.has(tab)).toBe(true);
});

test("a district user cannot write another unit's tab", () => {
  refused(GL, NAM_SACH, 'E6');
  refused(GL, NAM_SACH, 'AT6:AV6', [[510, 2, 8]]);
  refused(NS, GIA_LOC, 'E6');
});

test("a district user cannot write the analysts' tabs (not even to list themselves as analyst)", () => {
  for (const tab of ANALYST_TABS) refused(GL, tab, 'A1', [['x']]);
  refused(GL, 'Cấu hình', 'Z200', [['x']]);
  refused(GL, 'Nhật ký', 'A500', [['giả mạo']]);
});

test('a district user writes the input cells of their own tab: figures, mergers, criteria, nominations', () => {
  accepted(GL, GIA_LOC, 'E6:G6', [[500, 10, 10]]); // baseline
  accepted(GL, GIA_LOC, 'J6:O6', [[505, 8, 9, 3, 1, 0]]); // 2022 with movement
  accepted(GL, GIA_LOC, 'AT23:AY23', [[510, 2, 8, '', '', '']]); // 2025, last commune
  accepted(GL, GIA_LOC, 'C7:D7', [['Xã Yết Kiêu', 2023]]);
  accepted(GL, GIA_LOC, 'B29:E29', [['Có', 'Có', 'Không', 'Có']]);
  accepted(GL, GIA_LOC, 'A38:G38', [
    ['ĐC-X', 2025, 'Cá nhân', 'Nguyễn Văn A', '', 'Giúp 5 hộ thoát nghèo', 'Huân chương Lao động'],
  ]);
});

test('a district user cannot write the formula cells, the total row, the headers or the commune names', () => {
  for (const a1 of [
    'H6',
    'I6',
    'P6',
    'T6',
    'U6',
    'AB10',
    'AG23',
    'AZ6',
    'BE23',
    'BF6',
    'AT25',
    'E25',
    'A24',
    'A1',
    'A3',
    'A4',
    'E5',
    'AT5',
    'A6',
    'B6',
    'A27',
    'C28',
    'A29',
    'A36',
    'F37',
  ]) {
    refused(GL, GIA_LOC, a1);
  }
  // A rectangle that only touches a formula column is refused as a whole.
  refused(GL, GIA_LOC, 'AT6:AZ6', [[1, 1, 1, 1, 1, 1, 1]]);
});

test('the status line is "warning only": the sidebar can write it as the district user', () => {
  const status = ownProtections().find(
    (p) => p.sheet === GIA_LOC && tagOf(p) === `gn:status:${GIA_LOC}`,
  )!;
  expect([status.range, status.warningOnly]).toEqual(['A2:BF2', true]);
  accepted(GL, GIA_LOC, 'A2', [['Báo cáo năm: chưa nộp']]);
});

test("an analyst who is not the owner writes the analysts' tabs and the formula cells", () => {
  for (const tab of ANALYST_TABS) accepted(ANALYST2, tab, 'Z300', [['thử']]);
  for (const tab of ANALYST_TABS) accepted(ANALYST2, tab, 'Z300', [['']]);
  accepted(ANALYST2, NAM_SACH, 'E6', [[7]]);
  accepted(ANALYST2, NAM_SACH, 'E6', [['']]);
});

test('an unknown user (e-mail withheld) and a file editor not on Cấu hình write nothing protected', () => {
  for (const who of ['', OUTSIDER]) {
    refused(who, GIA_LOC, 'E6');
    refused(who, NAM_SACH, 'AT6');
    refused(who, 'Cấu hình', 'A1', [['x']]);
    refused(who, 'Tổng hợp toàn tỉnh', 'A1', [['x']]);
  }
});

test('the protections of a unit tab, by hand, each following the reference pattern', () => {
  // The tab's grid: 67 rows (the nominations' 20 blank rows end on row 57, and setup leaves 10
  // more) and columns A-CF (the layout to BF, then the 26 columns the readers read past it).
  const mine = ownProtections().filter((p) => p.sheet === GIA_LOC);
  const sheet = mine.find((p) => p.type === 'SHEET')!;
  expect(tagOf(sheet)).toBe(`gn:locked:${GIA_LOC}`);
  // The owner is never listed (getEditors excludes it); the running analyst was added first.
  expect(sheet.editors).toEqual([ANALYST2]);
  // Open: every cell but the title (A1:BF1), the note and header rows (A3:BF5), the commune
  // names (A6:B25), the formula columns (H-I, P-U, AB-AG, AN-AS, AZ-BF, rows 6-25), the criteria
  // block's title and years (A27:G28) and labels (A29:A34), the nominations' title and header
  // (A36:G37). The input columns run down to the total row, so a row inserted above the spacer
  // is open too; the spacer and total rows are locked by a range of their own.
  expect(sheet.open).toEqual([
    'BG1:CF1',
    'A2:CF2',
    'BG3:CF25',
    'C6:G25',
    'J6:O25',
    'V6:AA25',
    'AH6:AM25',
    'AT6:AY25',
    'A26:CF26',
    'H27:CF28',
    'B29:CF34',
    'A35:CF35',
    'H36:CF37',
    'A38:CF67',
  ]);
  const ranges = mine
    .filter((p) => p.type === 'RANGE')
    .map((p) => [tagOf(p), p.range, p.editors, p.warningOnly]);
  expect(ranges).toEqual([
    [`gn:unit:${GIA_LOC}`, 'A1:CF67', [GL, ANALYST2].sort(), false],
    [`gn:locked:${GIA_LOC}`, 'A24:CF25', [ANALYST2], false],
    [`gn:status:${GIA_LOC}`, 'A2:BF2', expect.any(Array), true],
  ]);
  for (const tab of ANALYST_TABS) {
    const p = ownProtections().find((x) => x.sheet === tab)!;
    expect([p.type, p.editors]).toEqual(['SHEET', [ANALYST2]]);
  }
  const domainEdit = quietly(wb, () =>
    wb.emu.asOwner(() =>
      ['SHEET', 'RANGE'].flatMap((t) =>
        wb.emu.spreadsheet.getProtections(t).map((p) => p.canDomainEdit()),
      ),
    ),
  );
  expect(domainEdit.every((d) => d === false)).toBe(true);
});

/** The protection calls `fn` makes, in order, and every call counted by method. */
function protectionCalls(fn: () => void): { seen: string[]; counts: Map<string, number> } {
  const counter = wb.emu.calls;
  const original = counter.hit;
  const seen: string[] = [];
  const counts = new Map<string, number>();
  counter.hit = function hit(method: string): void {
    original.call(counter, method);
    counts.set(method, (counts.get(method) ?? 0) + 1);
    if (/^(Range\.protect|Sheet\.protect|Protection\.)/.test(method)) seen.push(method);
  };
  try {
    fn();
  } finally {
    counter.hit = original;
  }
  return { seen, counts };
}

test('the reference pattern, call by call: the running user is added before the editors are removed', () => {
  // Every protection of the add-on removed by hand: the next run makes them all, as a first run.
  quietly(wb, () =>
    wb.emu.asOwner(() => {
      for (const t of ['SHEET', 'RANGE'])
        for (const p of wb.emu.spreadsheet.getProtections(t))
          if (p.getDescription().startsWith('gn:')) p.remove();
    }),
  );
  const { seen, counts } = protectionCalls(() => protectWorkbook(wb, ANALYST2));
  // Split into one list of calls per protection made.
  const runs: string[][] = [];
  for (const m of seen) {
    if (m === 'Range.protect' || m === 'Sheet.protect') runs.push([m]);
    else runs[runs.length - 1]?.push(m);
  }
  expect(runs.length).toBe(12 * 4 + ANALYST_TABS.length);
  // A new range protection mirrors the file: the file's editors and its domain editing are read
  // once per run. Every analyst here already edits the file, so nobody needs adding: the file's
  // other editors (district staff, the outsider) are removed in one call.
  const rangeRuns = runs.filter(
    (r) => r[0] === 'Range.protect' && !r.includes('Protection.setWarningOnly'),
  );
  expect(rangeRuns.length).toBe(12 * 2);
  for (const r of rangeRuns)
    expect(r.filter((m) => m !== 'Protection.canDomainEdit')).toEqual([
      'Range.protect',
      'Protection.setDescription',
      'Protection.removeEditors',
    ]);
  expect(counts.get('Spreadsheet.getEditors')).toBe(1);
  // A sheet protection (Sheet.protect() may return an existing one) follows the reference pattern
  // in full: the running user and the editors added before the others are removed.
  const sheetRuns = runs.filter((r) => r[0] === 'Sheet.protect');
  expect(sheetRuns.length).toBe(12 + ANALYST_TABS.length);
  // A unit tab's sheet protection leaves its input cells open, in one call.
  expect(sheetRuns.filter((r) => r[2] === 'Protection.setUnprotectedRanges')).toHaveLength(12);
  for (const r of sheetRuns) {
    expect(r[1]).toBe('Protection.setDescription');
    expect(r.indexOf('Protection.addEditors')).toBeGreaterThan(0);
    expect(r.indexOf('Protection.addEditors')).toBeLessThan(r.indexOf('Protection.removeEditors'));
    expect(r).toContain('Protection.getEditors');
    expect(r).not.toContain('Protection.setDomainEdit'); // domain editing was never on
  }
  expect(counts.get('Protection.canDomainEdit')).toBe(sheetRuns.length + 1);
  // The status lines: made, described, warning only; nobody's editors touched.
  for (const r of runs.filter((x) => x.includes('Protection.setWarningOnly')))
    expect(r).toEqual(['Range.protect', 'Protection.setDescription', 'Protection.setWarningOnly']);
});

test('an analyst listed on Cấu hình who does not edit the file yet is listed on new protections', () => {
  // The file is not shared with ANALYST4: a new protection would not list them by itself.
  const ANALYST4 = 'tonghop4@haiduong.gov.vn';
  setAnalysts(wb, [ANALYST, ANALYST2, ANALYST4]);
  expect(protectWorkbook(wb, ANALYST2)).toContain('Đã phân quyền');
  const locked = ownProtections().filter((p) => tagOf(p) === `gn:locked:${GIA_LOC}`);
  for (const p of locked) expect(p.editors).toEqual([ANALYST2, ANALYST4].sort());
  // Once given the file, they write the locked spacer row (an empty cell, left empty).
  wb.emu.shareWith(ANALYST4);
  accepted(ANALYST4, GIA_LOC, 'Z24', [['']]);
  setAnalysts(wb, [ANALYST, ANALYST2]);
  protectWorkbook(wb, ANALYST2);
  refused(ANALYST4, GIA_LOC, 'Z24');
});

test('an unchanged re-run reads the protections once and writes nothing', () => {
  const before = workbookSnapshot(wb);
  let message = '';
  const { seen, counts } = protectionCalls(() => {
    message = protectWorkbook(wb, ANALYST2);
  });
  expect(message).toContain('không có gì phải thay đổi');
  expect(workbookSnapshot(wb)).toEqual(before);
  // Two searches (sheet and range protections), then one description read per protection.
  expect(counts.get('Spreadsheet.getProtections')).toBe(2);
  expect(new Set(seen)).toEqual(new Set(['Protection.getDescription']));
  expect(counts.get('Protection.getDescription')).toBe(before.protections.length);
  const writes = [...counts.keys()].filter((m) =>
    /^(Range|Sheet|Spreadsheet)\.(set|clear|insert|delete|protect|merge|add)/.test(m),
  );
  expect(writes).toEqual([]);
});

test('a district user cannot run the menu, and nothing changes', () => {
  const before = workbookSnapshot(wb);
  expect(protectWorkbook(wb, GL)).toContain('Bạn chưa có quyền thực hiện thao tác này');
  expect(protectWorkbook(wb, '')).toContain('Google chưa cho biết e-mail của bạn');
  expect(workbookSnapshot(wb)).toEqual(before);
});

test('an analyst newly listed on Cấu hình cannot re-run it before being given the protections; nothing changes', () => {
  const ANALYST3 = 'tonghop3@haiduong.gov.vn';
  wb.emu.shareWith(ANALYST3);
  setAnalysts(wb, [ANALYST, ANALYST2, ANALYST3]);
  const before = workbookSnapshot(wb);
  expect(protectWorkbook(wb, ANALYST3)).toBe(
    'Chưa phân quyền được: tài khoản của bạn chưa có quyền sửa các vùng đã được bảo vệ lần trước (khi đó bạn chưa là cán bộ tổng hợp). ' +
      'Chưa có gì bị thay đổi. Hãy nhờ chủ sở hữu bảng tính hoặc cán bộ tổng hợp đã phân quyền lần trước chạy lại lệnh này.',
  );
  expect(workbookSnapshot(wb)).toEqual(before);
  protectWorkbook(wb, ANALYST2);
  accepted(ANALYST3, 'Cấu hình', 'Z300', [['']]);
  expect(protectWorkbook(wb, ANALYST3)).toContain('Đã phân quyền');
  setAnalysts(wb, [ANALYST, ANALYST2]);
  protectWorkbook(wb, ANALYST2);
  refused(ANALYST3, 'Cấu hình', 'Z300', [['x']]);
});

test('setup run again by the analyst who is not the owner still writes the locked cells', () => {
  const before = workbookSnapshot(wb).tabs.find((t) => t.name === GIA_LOC)!;
  const shown = wb.emu.ui.alerts.length;
  wb.bundle.callAs(ANALYST2, 'menuSetup');
  const alert = wb.emu.ui.alerts.slice(shown).pop()!;
  expect(alert.message).toContain('Số liệu đã nhập được giữ nguyên.');
  expect(workbookSnapshot(wb).tabs.find((t) => t.name === GIA_LOC)!.formulas).toEqual(
    before.formulas,
  );
});

test('re-running the menu rebuilds the same protections, never duplicates, and follows Cấu hình', () => {
  const first = ownProtections();
  protectWorkbook(wb, ANALYST);
  expect(ownProtections()).toEqual(first);
  protectWorkbook(wb, ANALYST);
  expect(ownProtections()).toHaveLength(first.length);
  // 12 unit tabs × (sheet, unit's range, spacer and total rows, status line) + one per tab of
  // the province.
  expect(first).toHaveLength(12 * 4 + ANALYST_TABS.length);

  // Gia Lộc's editor changes on Cấu hình: the old one loses the tab at the next run.
  const NEW_GL = 'canbo.moi.gialoc@haiduong.gov.vn';
  wb.emu.shareWith(NEW_GL);
  setEditors(wb, GIA_LOC, [NEW_GL]);
  protectWorkbook(wb, ANALYST2);
  refused(GL, GIA_LOC, 'E8');
  accepted(NEW_GL, GIA_LOC, 'E8:G8', [[400, 12, 20]]);
  refused(NEW_GL, GIA_LOC, 'H8');
  expect(ownProtections()).toHaveLength(first.length);
});

test('a protection removed by hand comes back; a protection the add-on did not make is left alone', () => {
  quietly(wb, () =>
    wb.emu.asOwner(() => {
      const sheet = wb.emu.spreadsheet.getSheetByName(NAM_SACH)!;
      sheet.getProtections('SHEET')[0].remove();
      sheet.getRange('BZ30').protect().setDescription('bảo vệ riêng của tỉnh');
    }),
  );
  // Without its sheet protection the tab's formula cells are open to the unit's staff, still
  // not to another unit's (the range over the whole tab).
  expect(() => typeAs(wb, NS, NAM_SACH, 'H6', [[1]])).not.toThrow();
  refused(GL, NAM_SACH, 'H6');
  protectWorkbook(wb, ANALYST);
  refused(NS, NAM_SACH, 'H6');
  expect(
    workbookSnapshot(wb).protections.filter((p) => p.description === 'bảo vệ riêng của tỉnh'),
  ).toHaveLength(1);
  wb.bundle.callAs(ANALYST, 'menuSetup'); // the formula typed over is written again
});

test('a commune row inserted above the spacer is open in its input columns only, and a re-run reads the moved rows', () => {
  const NEW_GL = 'canbo.moi.gialoc@haiduong.gov.vn';
  quietly(wb, () =>
    wb.emu.asOwner(() => {
      const sheet = wb.emu.spreadsheet.getSheetByName(GIA_LOC)!;
      sheet.insertRowsBefore(24, 1);
      sheet.getRange('A24:B24').setValues([[19, 'Xã Mới']]);
    }),
  );
  refused(NEW_GL, GIA_LOC, 'AZ24'); // a formula column: outside the open cells
  refused(NEW_GL, GIA_LOC, 'B24'); // the commune's name
  accepted(NEW_GL, GIA_LOC, 'AT24:AV24', [[300, 3, 4]]); // the open input columns grew
  refused(NEW_GL, GIA_LOC, 'AT25'); // the spacer, moved down, still locked
  protectWorkbook(wb, ANALYST);
  const mine = ownProtections().filter((p) => p.sheet === GIA_LOC);
  expect(mine.find((p) => p.type === 'SHEET')!.open).toEqual([
    'BG1:CF1',
    'A2:CF2',
    'BG3:CF26',
    'C6:G26',
    'J6:O26',
    'V6:AA26',
    'AH6:AM26',
    'AT6:AY26',
    'A27:CF27',
    'H28:CF29',
    'B30:CF35',
    'A36:CF36',
    'H37:CF38',
    'A39:CF68',
  ]);
  expect(
    mine
      .filter((p) => p.type === 'RANGE')
      .map((p) => p.range)
      .sort(),
  ).toEqual(['A1:CF68', 'A25:CF26', 'A2:BF2']);
  refused(NEW_GL, GIA_LOC, 'A25'); // the spacer, moved down
  accepted(NEW_GL, GIA_LOC, 'B30', [['Có']]); // a criterion, moved down
});

test('an entry on Cấu hình that is not an e-mail address is named in the message and given no rights', () => {
  // An address in angle brackets (pasted from a mail client) is refused by addEditor and by the
  // reminders alike: one rule (core/email.ts).
  setEditors(wb, 'Huyện Tứ Kỳ', [
    'canbo tu ky',
    '<thuky@haiduong.gov.vn>',
    'canbo.tuky@haiduong.gov.vn',
  ]);
  const message = protectWorkbook(wb, ANALYST);
  expect(message).toContain(
    'Các mục sau trên trang "Cấu hình" không phải địa chỉ e-mail nên chưa được cấp quyền: canbo tu ky, <thuky@haiduong.gov.vn>.',
  );
  const unit = ownProtections().find((p) => tagOf(p) === 'gn:unit:Huyện Tứ Kỳ')!;
  expect(unit.editors).toEqual(['canbo.tuky@haiduong.gov.vn', ANALYST2].sort());
});
