// google.script.run's wire rules through the compiled bundle (`bundle.callFromClient`): anything
// can be forged in the browser, so every API function gets another unit's name, a 100.000-
// character string, wrong types, an object where a string belongs, a negative year... and each
// is refused with a Vietnamese message and no side effect. Results must cross the wire (no Date).
import { message } from '../../tools/emulator';
import type { Workbook } from '../../tools/workbookDriver';
import {
  ANALYST2,
  GIA_LOC,
  GL,
  NAM_SACH,
  VIETNAMESE,
  YEAR,
  callAs,
  fromClient,
  fullSnapshot,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;
/** The workbook before any forged call: every refusal must leave it exactly so. */
let baseline: unknown;
const HUGE = 'x'.repeat(100_000);
const HUGE_UNIT = `${GIA_LOC}${' '.repeat(100_000)}`;

const nomination = (over: Record<string, unknown> = {}) => ({
  unit: GIA_LOC,
  year: YEAR,
  type: 'Cá nhân',
  name: 'Nguyễn Văn A',
  commune: '',
  achievement: 'Giúp 5 hộ thoát nghèo',
  award: 'Huân chương Lao động',
  ...over,
});

/** Forged arguments for every function; the caller would succeed with well-formed ones. */
const FORGED: [string, string, ...unknown[]][] = [
  // [who, function, ...args]
  ...[NAM_SACH, HUGE, HUGE_UNIT, 42, { unit: GIA_LOC }, [GIA_LOC], true, ''].map(
    (u): [string, string, ...unknown[]] => [GL, 'sidebarGetState', u, YEAR],
  ),
  ...[-2025, 2025.5, '2025', { year: 2025 }, 1e9, 2030, [2025]].map(
    (y): [string, string, ...unknown[]] => [GL, 'sidebarGetState', GIA_LOC, y],
  ),
  ...[NAM_SACH, HUGE, 42, { toString: GIA_LOC }, null, ''].map(
    (u): [string, string, ...unknown[]] => [GL, 'sidebarCheckData', u, YEAR],
  ),
  ...[-1, '2025', null, { y: 1 }, 2025.25].map((y): [string, string, ...unknown[]] => [
    GL,
    'sidebarCheckData',
    GIA_LOC,
    y,
  ]),
  ...[NAM_SACH, HUGE, 42, { sheet: GIA_LOC }, null].map((s): [string, string, ...unknown[]] => [
    GL,
    'sidebarSelectCell',
    s,
    'E6',
  ]),
  ...[HUGE, 'E6;A1', 'ZZZZ1', '=A1', 6, { a1: 'E6' }, 'A0', 'XFD99999999'].map(
    (c): [string, string, ...unknown[]] => [GL, 'sidebarSelectCell', GIA_LOC, c],
  ),
  [GL, 'sidebarAddNomination', 'Nguyễn Văn A'],
  [GL, 'sidebarAddNomination', [nomination()]],
  [GL, 'sidebarAddNomination', null],
  [GL, 'sidebarAddNomination', nomination({ unit: NAM_SACH })],
  [GL, 'sidebarAddNomination', nomination({ unit: HUGE })],
  [GL, 'sidebarAddNomination', nomination({ unit: { name: GIA_LOC } })],
  [GL, 'sidebarAddNomination', nomination({ achievement: HUGE })],
  [GL, 'sidebarAddNomination', nomination({ name: { first: 'A' } })],
  [GL, 'sidebarAddNomination', nomination({ year: -2025 })],
  [GL, 'sidebarAddNomination', nomination({ year: '2025' })],
  [GL, 'sidebarAddNomination', nomination({ type: ['Cá nhân'] })],
  [GL, 'sidebarAddNomination', nomination({ award: 'Huân chương Sao Vàng' })],
  [GL, 'sidebarAddNomination', nomination({ type: 'Người nổi tiếng' })],
  [GL, 'sidebarAddNomination', { unit: GIA_LOC, year: YEAR }],
  ...[NAM_SACH, HUGE, 42, { unit: GIA_LOC }].map((u): [string, string, ...unknown[]] => [
    GL,
    'sidebarSubmitReport',
    u,
    YEAR,
  ]),
  ...[-2025, '2025', { y: 2025 }, 0, 2030].map((y): [string, string, ...unknown[]] => [
    GL,
    'sidebarSubmitReport',
    GIA_LOC,
    y,
  ]),
  ...[HUGE, 42, { unit: GIA_LOC }, 'Huyện Không Có'].map((u): [string, string, ...unknown[]] => [
    ANALYST2,
    'sidebarApproveReport',
    u,
    YEAR,
  ]),
  ...[-2025, '2025', { y: 2025 }].map((y): [string, string, ...unknown[]] => [
    ANALYST2,
    'sidebarApproveReport',
    GIA_LOC,
    y,
  ]),
  [ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, HUGE],
  [ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, { reason: 'x' }],
  [ANALYST2, 'sidebarReturnReport', { unit: GIA_LOC }, YEAR, 'Sai số liệu'],
  [ANALYST2, 'sidebarReturnReport', GIA_LOC, -1, 'Sai số liệu'],
  ...[-2025, '2025', { y: 2025 }, 2030, null, HUGE].map((y): [string, string, ...unknown[]] => [
    ANALYST2,
    'sidebarConsolidate',
    y,
  ]),
];

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
  // A report to approve or return, so those refusals are about the arguments only.
  expect(fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR).ok).toBe(true);
  baseline = fullSnapshot(wb);
});

/** A short, readable picture of an argument for the test's name. */
function show(v: unknown): string {
  if (typeof v === 'string')
    return v.length > 40 ? `"${v.slice(0, 12)}…" (${v.length} ký tự)` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

const CASES = FORGED.map(([who, name, ...args]) => ({
  label: `${who === GL ? 'district' : 'analyst'}: ${name}(${args.map(show).join(', ')})`,
  who,
  name,
  args,
}));

test.each(CASES)('$label is refused in Vietnamese with no side effect', ({ who, name, args }) => {
  const message = refusal(fromClient(wb, who, name, ...args));
  expect(message).toMatch(VIETNAMESE);
  expect(message.length).toBeLessThan(1000); // a forged 100.000-character name is never echoed back
  expect(fullSnapshot(wb)).toEqual(baseline);
});

test('NaN and Infinity cannot cross the wire; received anyway, they are refused like any bad year', () => {
  expect(() => fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, NaN)).toThrow(/cannot carry NaN/);
  const before = fullSnapshot(wb);
  for (const year of [NaN, Infinity, -Infinity]) {
    for (const [name, ...args] of [
      ['sidebarGetState', GIA_LOC, year],
      ['sidebarCheckData', GIA_LOC, year],
      ['sidebarSubmitReport', GIA_LOC, year],
      ['sidebarAddNomination', nomination({ year })],
      ['sidebarApproveReport', GIA_LOC, year],
      ['sidebarReturnReport', GIA_LOC, year, 'Sai'],
      ['sidebarConsolidate', year],
    ] as [string, ...unknown[]][]) {
      const who =
        name.includes('Approve') || name.includes('Return') || name.includes('Consolidate')
          ? ANALYST2
          : GL;
      expect(refusal(callAs(wb, who, name, ...args))).toMatch(VIETNAMESE);
    }
  }
  expect(fullSnapshot(wb)).toEqual(before);
});

test('a function ending "_" or not exported cannot be called from the sidebar', () => {
  // Apps Script's own refusal, in the user's language (Vietnamese here).
  expect(() => fromClient(wb, GL, 'open_')).toThrow(
    message('scriptFunctionNotFound', 'vi', 'open_'),
  );
  expect(() => fromClient(wb, GL, 'guarded')).toThrow(
    message('scriptFunctionNotFound', 'vi', 'guarded'),
  );
});

test('every answer crosses the wire: plain JSON, no Date, for the district, the analyst and an unknown user', () => {
  const calls: [string, string, ...unknown[]][] = [
    [GL, 'sidebarGetState', null, null],
    [GL, 'sidebarGetState', GIA_LOC, 2024],
    [GL, 'sidebarCheckData', GIA_LOC, YEAR],
    [GL, 'sidebarSelectCell', GIA_LOC, 'AQ6'],
    [GL, 'sidebarAddNomination', nomination()],
    [GL, 'sidebarSubmitReport', GIA_LOC, YEAR],
    [ANALYST2, 'sidebarGetState', null, null],
    [ANALYST2, 'sidebarApproveReport', GIA_LOC, YEAR],
    [ANALYST2, 'sidebarReturnReport', GIA_LOC, YEAR, 'Sai số liệu'],
    [ANALYST2, 'sidebarConsolidate', YEAR],
    ['', 'sidebarGetState', null, null],
  ];
  for (const [who, name, ...args] of calls) {
    // callFromClient throws if a Date, a function, NaN or a class instance is in the result.
    expect([name, fromClient(wb, who, name, ...args).ok]).toEqual([name, true]);
  }
  // The same answers, taken directly, are already plain JSON (nothing is lost on the wire).
  for (const who of [GL, ANALYST2, '']) {
    const direct = callAs(wb, who, 'sidebarGetState', null, YEAR);
    expect(JSON.parse(JSON.stringify(direct))).toEqual(direct);
  }
});
