// Approving and returning a report through the compiled bundle, with the protections on:
// approve locks the year's input cells for the district (other years stay writable), return
// unlocks them and shows the reason on the status line and in the sidebar's state. Columns of
// Huyện Gia Lộc by hand: 2024 inputs AH-AM, 2025 inputs AT-AY; criteria years on row 28
// (B 2022, C 2023, D 2024, E 2025), criteria on rows 29-34.
import type { SidebarState, SubmissionView } from '../../src/shared/sidebarContract';
import {
  protectWorkbook,
  quietly,
  runConsolidateMenu,
  typeAs,
  workbookSnapshot,
  type Workbook,
} from '../../tools/workbookDriver';
import {
  ANALYST,
  ANALYST2,
  GIA_LOC,
  GL,
  PROTECTED,
  YEAR,
  fromClient,
  fullSnapshot,
  logRows,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;
const statusLine = () =>
  quietly(wb, () =>
    wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(GIA_LOC)!.getRange('A2').getValue()),
  );
const approvedLocks = () =>
  workbookSnapshot(wb).protections.filter((p) => p.description.startsWith('gn:approved:'));
// Nhật ký lists the newest row first: read it back in chronological order.
const logInOrder = () => logRows(wb).reverse();

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true, now: new Date('2025-11-25T03:00:00Z') });
  expect(fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR).ok).toBe(true);
});

test('an analyst approves: the 2025 inputs are locked for the district, 2024 stays writable', () => {
  wb.emu.setNow(new Date('2025-11-26T04:30:00Z')); // 26/11 11:30 local
  const r = fromClient<SubmissionView>(wb, ANALYST2, 'sidebarApproveReport', GIA_LOC, YEAR);
  expect(r).toEqual({
    ok: true,
    value: {
      status: 'approved',
      submittedAt: '2025-11-25T03:00:00.000Z',
      email: GL,
      onTime: true,
      reviewedAt: '2025-11-26T04:30:00.000Z',
      reviewedBy: ANALYST2,
    },
  });
  expect(statusLine()).toBe(
    `Báo cáo năm 2025: đã nộp lúc 25/11/2025 10:00 bởi ${GL} (đúng hạn); đã được duyệt lúc 26/11/2025 11:30, số liệu năm 2025 đã khóa.`,
  );
  expect(approvedLocks().map((p) => [p.range, p.editors])).toEqual([
    ['AT6:AY24', [ANALYST2]],
    ['E29:E34', [ANALYST2]],
  ]);
  expect(() => typeAs(wb, GL, GIA_LOC, 'AT6', [[600]])).toThrow(PROTECTED);
  expect(() => typeAs(wb, GL, GIA_LOC, 'AY23', [[1]])).toThrow(PROTECTED);
  expect(() => typeAs(wb, GL, GIA_LOC, 'E29', [['Có']])).toThrow(PROTECTED);
  typeAs(wb, GL, GIA_LOC, 'AH6:AJ6', [[505, 5, 9]]); // 2024
  typeAs(wb, GL, GIA_LOC, 'D29', [['Có']]); // 2024 criterion
  typeAs(wb, GL, GIA_LOC, 'AH6:AJ6', [['', '', '']]);
  typeAs(wb, ANALYST2, GIA_LOC, 'AT6', [[510]]); // analysts still may
});

test('an approved report cannot be submitted again nor approved twice; nothing changes', () => {
  const before = fullSnapshot(wb);
  expect(refusal(fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR))).toContain(
    'đã được duyệt; không thể nộp lại',
  );
  expect(refusal(fromClient(wb, ANALYST2, 'sidebarApproveReport', GIA_LOC, YEAR))).toBe(
    'Báo cáo năm 2025 của Huyện Gia Lộc đã được duyệt.',
  );
  expect(refusal(fromClient(wb, ANALYST2, 'sidebarApproveReport', GIA_LOC, 2024))).toBe(
    'Huyện Gia Lộc chưa nộp báo cáo năm 2024.',
  );
  expect(fullSnapshot(wb)).toEqual(before);
});

test('"Phân quyền các trang tính" run again keeps the approved year locked, without duplicates', () => {
  const before = approvedLocks();
  protectWorkbook(wb, ANALYST);
  expect(approvedLocks()).toEqual(before);
  expect(() => typeAs(wb, GL, GIA_LOC, 'AT6', [[600]])).toThrow(PROTECTED);
});

test('a return needs a reason of at most 2.000 characters', () => {
  const before = fullSnapshot(wb);
  for (const reason of ['', '   ', 'x'.repeat(2001), null, 42, { text: 'lý do' }]) {
    expect(refusal(fromClient(wb, ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, reason))).toBe(
      'Hãy ghi lý do trả lại báo cáo (tối đa 2.000 ký tự).',
    );
  }
  expect(fullSnapshot(wb)).toEqual(before);
});

test('an analyst returns it: the year is unlocked, the reason is on the status line and in the state', () => {
  wb.emu.setNow(new Date('2025-11-27T01:15:00Z')); // 27/11 08:15 local
  const reason = 'Xã Thống Nhất: số hộ cận nghèo chưa khớp biên bản rà soát.';
  const r = fromClient<SubmissionView>(wb, ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, reason);
  expect(r).toEqual({
    ok: true,
    value: {
      status: 'returned',
      submittedAt: '2025-11-25T03:00:00.000Z',
      email: GL,
      onTime: true,
      reviewedAt: '2025-11-27T01:15:00.000Z',
      reviewedBy: ANALYST2,
      returnReason: reason,
    },
  });
  expect(statusLine()).toBe(
    'Báo cáo năm 2025: bị trả lại lúc 27/11/2025 08:15. Lý do: Xã Thống Nhất: số hộ cận nghèo chưa khớp biên bản rà soát. Hãy sửa và nộp lại.',
  );
  expect(approvedLocks()).toEqual([]);
  typeAs(wb, GL, GIA_LOC, 'AT7:AV7', [[510, 2, 8]]);
  typeAs(wb, GL, GIA_LOC, 'E29', [['Có']]);
  const state = fromClient<SidebarState>(wb, GL, 'sidebarGetState', null, YEAR);
  expect(state.ok && state.value.submission).toMatchObject({
    status: 'returned',
    returnReason: reason,
    reviewedBy: ANALYST2,
  });
  // For the analysts, a returned report counts as missing until it is submitted again.
  const analyst = fromClient<SidebarState>(wb, ANALYST2, 'sidebarGetState', GIA_LOC, YEAR);
  const row = analyst.ok ? analyst.value.completeness?.find((c) => c.unit === GIA_LOC) : undefined;
  expect([row?.status, row?.submission.status, row?.submission.returnReason]).toEqual([
    'missing',
    'returned',
    reason,
  ]);
  expect(refusal(fromClient(wb, ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, 'lần nữa'))).toBe(
    'Báo cáo năm 2025 của Huyện Gia Lộc đã bị trả lại và chưa được nộp lại.',
  );
});

test('submitted again, the reason is gone; the log records submission, approval and return in order', () => {
  wb.emu.setNow(new Date('2025-11-28T02:00:00Z'));
  const r = fromClient<SubmissionView>(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR);
  expect(r).toEqual({
    ok: true,
    value: {
      status: 'submitted',
      submittedAt: '2025-11-28T02:00:00.000Z',
      email: GL,
      onTime: true,
    },
  });
  expect(statusLine()).toBe(`Báo cáo năm 2025: đã nộp lúc 28/11/2025 09:00 bởi ${GL} (đúng hạn).`);
  const before = logInOrder().length;
  runConsolidateMenu(wb, YEAR);
  expect(
    logInOrder()
      .slice(before)
      .map((row) => [row[1], row[2]]),
  ).toEqual([
    [GL, 'Nộp báo cáo'],
    [ANALYST2, 'Duyệt báo cáo'],
    [ANALYST2, 'Trả lại báo cáo'],
    [GL, 'Nộp báo cáo'],
    [ANALYST, 'Tổng hợp toàn tỉnh'],
  ]);
});
