// Who may call what, through the compiled bundle: a district user (editor of Huyện Gia Lộc on
// Cấu hình) is refused for every other unit and for the analysts' actions; an unknown user ('')
// and a user not on Cấu hình get a read-only state and are refused for every action. Each
// refusal is a Vietnamese message and changes nothing: every tab's values and formulas, the
// document properties, the protections and the active cell are compared before and after.
import type { SidebarState } from '../../src/shared/sidebarContract';
import { setAnalysts, type Workbook } from '../../tools/workbookDriver';
import {
  ACCESS_DENIED,
  ANALYST,
  ANALYST2,
  GIA_LOC,
  GL,
  NAM_SACH,
  OUTSIDER,
  UNKNOWN_USER,
  VIETNAMESE,
  YEAR,
  callAs,
  fromClient,
  fullSnapshot,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
  // Something to approve or return: Gia Lộc's clean 2025 report.
  expect(callAs(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR).ok).toBe(true);
});

const nomination = (unit: string) => ({
  unit,
  year: YEAR,
  type: 'Cá nhân',
  name: 'Nguyễn Văn A',
  commune: '',
  achievement: 'Giúp 5 hộ thoát nghèo',
  award: 'Huân chương Lao động',
});

/** Every call a sidebar can make, aimed at `unit`. */
const everyCall = (unit: string): [string, ...unknown[]][] => [
  ['sidebarGetState', unit, YEAR],
  ['sidebarCheckData', unit, YEAR],
  ['sidebarSelectCell', unit, 'E6'],
  ['sidebarAddNomination', nomination(unit)],
  ['sidebarSubmitReport', unit, YEAR],
  ['sidebarApproveReport', unit, YEAR],
  ['sidebarReturnReport', unit, YEAR, 'Số liệu chưa khớp'],
  ['sidebarConsolidate', YEAR],
  ['sidebarRequestOfficial', unit, YEAR],
  ['sidebarSetReminders', true],
];

/** Calls as `email` through google.script.run; each must be refused and change nothing. */
function expectRefusedUnchanged(email: string, calls: [string, ...unknown[]][]): string[] {
  const before = fullSnapshot(wb);
  return calls.map(([name, ...args]) => {
    const message = refusal(fromClient(wb, email, name, ...args));
    expect(message).toMatch(VIETNAMESE);
    expect(fullSnapshot(wb)).toEqual(before);
    return message;
  });
}

test('a district user calling any function for another unit is refused, and nothing changes', () => {
  const messages = expectRefusedUnchanged(GL, everyCall(NAM_SACH));
  const notYours = `Bạn chỉ được thao tác trên trang của đơn vị mình; "${NAM_SACH}" không thuộc quyền của bạn.`;
  // get state, check, select, nominate, submit: "not your unit"; approve, return: "not yours" too
  // (the unit is checked first); consolidate: analysts only.
  expect(messages.slice(0, 7)).toEqual(new Array(7).fill(notYours));
  expect(messages[7]).toBe('Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.');
  // asking for official figures: not their unit; reminders: analysts only.
  expect(messages.slice(8)).toEqual([
    notYours,
    'Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.',
  ]);
});

test('the unit is matched after normalising (NFD, spaces) and still refused when it is not theirs', () => {
  const forged = `  ${NAM_SACH.normalize('NFD')}  `;
  expectRefusedUnchanged(GL, [
    ['sidebarSubmitReport', forged, YEAR],
    ['sidebarCheckData', forged, YEAR],
  ]);
});

test('approve, return and consolidate are refused for a district user, even for their own unit', () => {
  const messages = expectRefusedUnchanged(GL, [
    ['sidebarApproveReport', GIA_LOC, YEAR],
    ['sidebarReturnReport', GIA_LOC, YEAR, 'Tự trả lại'],
    ['sidebarConsolidate', YEAR],
  ]);
  expect(new Set(messages)).toEqual(
    new Set(['Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.']),
  );
});

test('a district user may not select a cell on Cấu hình or the summary', () => {
  const messages = expectRefusedUnchanged(GL, [
    ['sidebarSelectCell', 'Cấu hình', 'A1'],
    ['sidebarSelectCell', 'Tổng hợp toàn tỉnh', 'B5'],
  ]);
  expect(messages[0]).toBe(
    'Bạn chỉ được chọn ô trên trang của đơn vị mình; trang "Cấu hình" không thuộc quyền của bạn.',
  );
});

test.each([
  ['an unknown user (e-mail withheld)', '', UNKNOWN_USER],
  ['a user not on Cấu hình', OUTSIDER, ACCESS_DENIED],
])('%s gets a read-only state and is refused for every action', (_label, email, expected) => {
  const state = fromClient<SidebarState>(wb, email, 'sidebarGetState', null, null);
  if (!state.ok) throw new Error(state.message);
  expect(state.value).toMatchObject({
    role: 'unknown',
    email,
    accessMessage: expected,
    units: [],
    unit: null,
    progress: null,
    communes: [],
  });
  expect(state.value.submission).toEqual({ status: 'not_submitted' });
  expect(state.value.completeness).toBeUndefined();
  // Asking for a unit does not show it either.
  const asked = fromClient<SidebarState>(wb, email, 'sidebarGetState', GIA_LOC, YEAR);
  expect(asked.ok && [asked.value.unit, asked.value.progress]).toEqual([null, null]);
  for (const unit of [GIA_LOC, NAM_SACH]) {
    const actions = everyCall(unit).filter(([name]) => name !== 'sidebarGetState');
    expect(new Set(expectRefusedUnchanged(email, actions))).toEqual(new Set([expected]));
  }
});

test("an analyst removed from Cấu hình loses the analysts' actions at once", () => {
  expect(callAs(wb, ANALYST2, 'sidebarGetState', null, null)).toMatchObject({
    ok: true,
    value: { role: 'analyst' },
  });
  setAnalysts(wb, [ANALYST]);
  const messages = expectRefusedUnchanged(ANALYST2, [
    ['sidebarApproveReport', GIA_LOC, YEAR],
    ['sidebarReturnReport', GIA_LOC, YEAR, 'Sai số liệu'],
    ['sidebarConsolidate', YEAR],
    ['sidebarCheckData', GIA_LOC, YEAR],
  ]);
  expect(new Set(messages)).toEqual(new Set([ACCESS_DENIED]));
});
