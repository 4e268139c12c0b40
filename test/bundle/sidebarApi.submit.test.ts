// Submitting a year's report through the compiled bundle, with the protections on (the sidebar
// writes the status line as the district user): refused while errors remain, on time strictly
// before 30/11 00:00 in Asia/Ho_Chi_Minh (2025-11-29T17:00:00Z), late from then on, shown on the
// status line (row 2), counted by the consolidation, and never lost while a consolidation holds
// the document lock.
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { SidebarState, SubmissionView } from '../../src/shared/sidebarContract';
import {
  exportResults,
  newWorkbook,
  quietly,
  runConsolidateMenu,
  typeAs,
  type Workbook,
} from '../../tools/workbookDriver';
import {
  GIA_LOC,
  GL,
  NAM_SACH,
  NS,
  YEAR,
  communeRows,
  fill,
  fromClient,
  fullSnapshot,
  logRows,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;

const cells = (tab: string, a1: string) =>
  quietly(wb, () =>
    wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(tab)!.getRange(a1).getValues()),
  );
const statusLine = (tab: string) => cells(tab, 'A2')[0][0];
// Nhật ký lists the newest row first: read it back in chronological order.
const logInOrder = () => logRows(wb).reverse();
const pendingKeys = () =>
  [...wb.emu.properties.document.keys()].filter((k) => k.startsWith('gn.pendingLog|'));
const submitAs = (email: string, unit: string, year: number) =>
  fromClient<SubmissionView>(wb, email, 'sidebarSubmitReport', unit, year);

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
  // Nam Sách, 19 communes: 2021 400 / 20 / 30 each, 2025 390 / 4 / 20 each.
  fill(wb, [
    ...communeRows(NAM_SACH, 2021, 400, 20, 30),
    ...communeRows(NAM_SACH, YEAR, 390, 4, 20),
  ]);
});

test('refused while errors remain: the answer lists each problem with its cell, and nothing is recorded', () => {
  typeAs(wb, GL, GIA_LOC, 'AT6:AV6', [[5, 10, 0]]); // 10 poor among 5 households
  typeAs(wb, GL, GIA_LOC, 'AT7', [['12a']]);
  const before = fullSnapshot(wb);
  const r = submitAs(GL, GIA_LOC, YEAR);
  expect(refusal(r)).toBe(
    'Chưa thể nộp báo cáo năm 2025: còn 2 lỗi số liệu. Hãy sửa các ô được liệt kê rồi nộp lại.',
  );
  const problems = r.ok ? [] : (r.problems ?? []);
  expect(problems.map((p) => [p.sheet, p.cell, p.year])).toEqual([
    [GIA_LOC, 'AU6', 2025],
    [GIA_LOC, 'AT7', 2025],
  ]);
  expect(problems[0].message).toContain('số hộ nghèo (10) lớn hơn tổng số hộ (5)');
  expect(problems[1].message).toContain('"12a"');
  expect(fullSnapshot(wb)).toEqual(before);
});

test('an error in the baseline blocks the report too; an error in another year does not', () => {
  typeAs(wb, GL, GIA_LOC, 'AT6:AV6', [[510, 2, 8]]);
  typeAs(wb, GL, GIA_LOC, 'AT7', [[510]]);
  typeAs(wb, GL, GIA_LOC, 'F6', [[-1]]);
  const r = submitAs(GL, GIA_LOC, YEAR);
  expect(refusal(r)).toContain('còn 1 lỗi số liệu');
  expect(r.ok ? [] : r.problems?.map((p) => [p.cell, p.year])).toEqual([['F6', 2021]]);
  typeAs(wb, GL, GIA_LOC, 'F6', [[10]]);
  typeAs(wb, GL, GIA_LOC, 'V6', [['abc']]); // 2023, a year that is not being reported
});

test('a year without figures, or outside the period, cannot be submitted', () => {
  const before = fullSnapshot(wb);
  expect(refusal(submitAs(GL, GIA_LOC, 2024))).toBe(
    'Chưa thể nộp báo cáo năm 2024: trang "Huyện Gia Lộc" chưa có số liệu năm 2024 của xã nào.',
  );
  expect(refusal(submitAs(GL, GIA_LOC, 2030))).toBe(
    'Năm 2030 không thuộc giai đoạn 2022, 2023, 2024, 2025.',
  );
  expect(fullSnapshot(wb)).toEqual(before);
});

test('a clean report on 29/11 at 23:59 local time is on time, and the status line says so', () => {
  // T6 (2023) still holds "abc": an error in a year not being reported does not block.
  expect(cells(GIA_LOC, 'V6')).toEqual([['abc']]);
  wb.emu.setNow(new Date('2025-11-29T16:59:00Z'));
  const r = submitAs(GL, GIA_LOC, YEAR);
  expect(r).toEqual({
    ok: true,
    value: {
      status: 'submitted',
      submittedAt: '2025-11-29T16:59:00.000Z',
      email: GL,
      onTime: true,
    },
  });
  expect(statusLine(GIA_LOC)).toBe(
    `Báo cáo năm 2025: đã nộp lúc 29/11/2025 23:59 bởi ${GL} (đúng hạn).`,
  );
  const state = fromClient<SidebarState>(wb, GL, 'sidebarGetState', null, YEAR);
  expect(state.ok && state.value.submission).toEqual({
    status: 'submitted',
    submittedAt: '2025-11-29T16:59:00.000Z',
    email: GL,
    onTime: true,
  });
  expect(state.ok && state.value.daysLeft).toBe(1); // 29/11 → 30/11
});

test('a clean report on 30/11 at 00:00 local time is late', () => {
  wb.emu.setNow(new Date('2025-11-29T17:00:00Z'));
  const r = submitAs(NS, NAM_SACH, YEAR);
  expect(r).toEqual({
    ok: true,
    value: {
      status: 'submitted',
      submittedAt: '2025-11-29T17:00:00.000Z',
      email: NS,
      onTime: false,
    },
  });
  expect(statusLine(NAM_SACH)).toBe(
    `Báo cáo năm 2025: đã nộp lúc 30/11/2025 00:00 bởi ${NS} (nộp muộn).`,
  );
});

test('the consolidation counts them on time and late, and logs both submissions', () => {
  wb.emu.setNow(new Date('2025-11-30T02:00:00Z'));
  const logBefore = logInOrder().length;
  runConsolidateMenu(wb, YEAR);
  const { summary } = exportResults(wb, YEAR);
  const status = (unit: string) => summary.districts.find((d) => d.name === unit)!.reportStatus;
  expect([status(GIA_LOC), status(NAM_SACH), status('Huyện Thanh Miện')]).toEqual([
    'on_time',
    'late',
    'missing',
  ]);
  const added = logInOrder().slice(logBefore);
  expect(added.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
    [GL, 'Nộp báo cáo', 2025, GIA_LOC],
    [NS, 'Nộp báo cáo', 2025, NAM_SACH],
    ['bantdkt@haiduong.gov.vn', 'Tổng hợp toàn tỉnh', 2025, 'Toàn tỉnh'],
  ]);
  expect(String(added[0][5])).toContain('29/11/2025 23:59');
  expect(pendingKeys()).toEqual([]);
});

test('a submission made while a consolidation holds the lock is kept and reaches Nhật ký next time', () => {
  // 01/12 08:00 local: a re-submission after the deadline; the first submission (on time, not
  // returned) still counts (docs/DECISIONS.md 11).
  wb.emu.setNow(new Date('2025-12-01T01:00:00Z'));
  const logBefore = logInOrder().length;
  const release = wb.emu.locks.holdDocumentLock();
  try {
    const r = submitAs(GL, GIA_LOC, YEAR);
    expect(r.ok && r.value.onTime).toBe(true);
    const stored = JSON.parse(wb.emu.properties.document.get(`gn.submission|${GIA_LOC}|2025`)!) as {
      submittedAt: string;
    };
    expect(stored.submittedAt).toBe('2025-12-01T01:00:00.000Z');
    expect(pendingKeys()).toEqual([`gn.pendingLog|2025-12-01T01:00:00.000Z|1|${GIA_LOC}|2025`]);
    expect(runConsolidateMenu(wb, YEAR)).toContain('Một lượt tổng hợp khác đang chạy');
    expect(logInOrder().length).toBe(logBefore);
  } finally {
    release();
  }
  expect(pendingKeys()).toHaveLength(1);
  runConsolidateMenu(wb, YEAR);
  const added = logInOrder().slice(logBefore);
  expect(added.map((r) => [r[1], r[2], r[4]])).toEqual([
    [GL, 'Nộp báo cáo', GIA_LOC],
    ['bantdkt@haiduong.gov.vn', 'Tổng hợp toàn tỉnh', 'Toàn tỉnh'],
  ]);
  expect(String(added[0][5])).toContain('01/12/2025 08:00');
  expect(String(added[0][5])).toContain('tính hạn theo lần nộp lúc 29/11/2025 23:59, đúng hạn');
  expect(pendingKeys()).toEqual([]);
  // The first submission not returned counts: Gia Lộc stays on time; the record keeps both.
  const { summary } = exportResults(wb, YEAR);
  expect(summary.districts.find((d) => d.name === GIA_LOC)!.reportStatus).toBe('on_time');
  const stored = JSON.parse(wb.emu.properties.document.get(`gn.submission|${GIA_LOC}|2025`)!) as {
    events: { type: string; at: string }[];
  };
  expect(stored.events.map((e) => [e.type, e.at])).toEqual([
    ['submitted', '2025-11-29T16:59:00.000Z'],
    ['submitted', '2025-12-01T01:00:00.000Z'],
  ]);
});

test('an agency (no area rows, plan V.4) submits its yearly report: no figures are asked of it', () => {
  const [front, ...others] = DEFAULT_CONFIG.inactiveUnits;
  expect(front.name).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương');
  const MT = 'mttq@haiduong.gov.vn';
  const withAgency = newWorkbook({
    config: {
      ...DEFAULT_CONFIG,
      units: [...DEFAULT_CONFIG.units, { ...front, active: true, editors: [MT] }],
      inactiveUnits: others,
    },
  });
  withAgency.emu.shareWith(MT);
  // 20/11/2025 09:00 local, before 30/11: on time.
  const r = fromClient<SubmissionView>(withAgency, MT, 'sidebarSubmitReport', front.name, YEAR);
  expect(r).toMatchObject({ ok: true, value: { status: 'submitted', email: MT, onTime: true } });
  // Its sidebar shows no poverty progress ("Chưa đạt", "0/0 xã"): it has none to show.
  const state = fromClient<SidebarState>(withAgency, MT, 'sidebarGetState', null, YEAR);
  expect(state).toMatchObject({ ok: true, value: { unit: front.name, progress: null } });
});
