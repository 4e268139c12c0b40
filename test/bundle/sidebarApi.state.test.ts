// sidebarGetState and sidebarSelectCell through the compiled bundle, on 20/11/2025 09:00 local
// time (2025-11-20T02:00:00Z). Gia Lộc's figures by hand (see sidebarApi.fixture.ts): 18 of 18
// communes in 2025, poor 180 → 36, near-poor 180 → 144, poor reduction 0.8, combined 0.5,
// progress 1, attained (80 % exactly attains). The deadline of 2025 is 30/11/2025 00:00 local =
// 2025-11-29T17:00:00Z, 10 days after 20/11.
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { SidebarState } from '../../src/shared/sidebarContract';
import { quietly, type Workbook } from '../../tools/workbookDriver';
import {
  ANALYST2,
  GIA_LOC,
  GL,
  NAM_SACH,
  NS,
  OUTSIDER,
  UNKNOWN_USER,
  YEAR,
  fromClient,
  fullSnapshot,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;
const stateOf = (email: string, unit: string | null, year: number | null): SidebarState => {
  const r = fromClient<SidebarState>(wb, email, 'sidebarGetState', unit, year);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const active = () =>
  quietly(wb, () => {
    const r = wb.emu.spreadsheet.getActiveRange();
    return `${r.getSheet().getName()}!${r.getA1Notation()}`;
  });

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
  expect(fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR).ok).toBe(true);
});

test('a district user sees their own unit, the current year, the deadline and the progress', () => {
  const s = stateOf(GL, null, null);
  const giaLoc = DEFAULT_CONFIG.units.find((u) => u.name === GIA_LOC)!;
  expect(s).toEqual({
    role: 'district',
    email: GL,
    units: [GIA_LOC],
    unit: GIA_LOC,
    years: [2022, 2023, 2024, 2025],
    year: 2025,
    deadline: '2025-11-29T17:00:00.000Z',
    daysLeft: 10,
    progress: {
      poorBaseline: 180,
      nearPoorBaseline: 180,
      poor: 36,
      nearPoor: 144,
      poorReduction: 0.8,
      combinedReduction: 0.5,
      progress: 1,
      attained: true,
      provisional: false,
      communes: 18,
      communesReported: 18,
    },
    targets: { poorReduction: 0.8, combinedReduction: 0.5 },
    submission: {
      status: 'submitted',
      submittedAt: '2025-11-20T02:00:00.000Z',
      email: GL,
      onTime: true,
    },
    awards: DEFAULT_CONFIG.awards.map((a) => ({ name: a.name, authority: a.authority })),
    nominationTypes: ['Tập thể', 'Cá nhân', 'Hộ gia đình', 'Doanh nghiệp, hợp tác xã'],
    communes: giaLoc.communes,
    // Cấu hình's default words (TỪ NGỮ HÀNH CHÍNH), which the sidebar's labels take.
    words: { provinceRow: 'Toàn tỉnh', rowLevel: 'xã, phường, thị trấn', row: 'xã' },
  });
  expect(s.awards).toHaveLength(6);
});

test('another year of their unit: nothing reported yet, provisional, not attained, deadline of that year', () => {
  const s = stateOf(GL, GIA_LOC, 2024);
  expect([s.unit, s.year, s.deadline, s.daysLeft]).toEqual([
    GIA_LOC,
    2024,
    '2024-11-29T17:00:00.000Z',
    -355,
  ]);
  expect(s.progress).toEqual({
    poorBaseline: 180,
    nearPoorBaseline: 180,
    poor: 0,
    nearPoor: 0,
    poorReduction: null,
    combinedReduction: null,
    progress: 0,
    attained: false,
    provisional: true,
    communes: 18,
    communesReported: 0,
  });
  expect(s.submission).toEqual({ status: 'not_submitted' });
});

test("an analyst sees every unit, the active tab's unit, and the completeness of all 12 units", () => {
  const s = stateOf(ANALYST2, null, YEAR);
  expect(s.role).toBe('analyst');
  expect(s.units).toEqual(DEFAULT_CONFIG.units.map((u) => u.name));
  expect(s.accessMessage).toBeUndefined();
  expect(s.completeness).toHaveLength(12);
  const rows = Object.fromEntries(
    s.completeness!.map((c) => [c.unit, [c.expected, c.reported, c.status, c.submission.status]]),
  );
  expect(rows[GIA_LOC]).toEqual([18, 18, 'on_time', 'submitted']);
  expect(rows[NAM_SACH]).toEqual([19, 0, 'missing', 'not_submitted']);
  expect(rows['Thành phố Hải Dương']).toEqual([25, 0, 'missing', 'not_submitted']);
  expect(rows['Thị xã Kinh Môn']).toEqual([23, 0, 'missing', 'not_submitted']);
  expect(s.completeness!.reduce((n, c) => n + c.expected, 0)).toBe(235); // Hải Dương's 235 communes
  // The active tab after setup is not a unit tab: the first unit is shown.
  expect(s.unit).toBe('Thành phố Hải Dương');
  expect(stateOf(ANALYST2, GIA_LOC, YEAR).progress?.progress).toBe(1);
  expect(fromClient(wb, ANALYST2, 'sidebarSelectCell', NAM_SACH, 'E6').ok).toBe(true);
  expect(stateOf(ANALYST2, null, YEAR).unit).toBe(NAM_SACH);
});

test('a refresh reads the document properties once (submissions, requests, the reminder switch)', () => {
  const propertyCalls = (email: string, unit: string | null) => {
    wb.emu.calls.reset();
    stateOf(email, unit, YEAR);
    return Object.entries(wb.emu.calls.snapshot()).filter(([k]) => k.startsWith('Properties'));
  };
  const once = [
    ['Properties.getProperties', 1],
    ['PropertiesService.getDocumentProperties', 1],
  ];
  expect(propertyCalls(ANALYST2, null)).toEqual(once);
  expect(propertyCalls(GL, GIA_LOC)).toEqual(once);
});

test('an analyst asking for a unit that is not on Cấu hình is told so', () => {
  expect(refusal(fromClient(wb, ANALYST2, 'sidebarGetState', 'Huyện Không Có', YEAR))).toBe(
    'Không có đơn vị "Huyện Không Có" trong trang "Cấu hình".',
  );
});

test('an unknown user gets a read-only state with the reason', () => {
  const s = stateOf('', null, null);
  expect(s).toMatchObject({
    role: 'unknown',
    email: '',
    accessMessage: UNKNOWN_USER,
    units: [],
    unit: null,
    progress: null,
    year: 2025,
  });
  expect(s.completeness).toBeUndefined();
  expect(stateOf(OUTSIDER, null, 2023)).toMatchObject({
    role: 'unknown',
    email: OUTSIDER,
    unit: null,
    year: 2023,
  });
});

test("sidebarSelectCell activates the cell on the caller's own tab", () => {
  expect(fromClient(wb, GL, 'sidebarSelectCell', GIA_LOC, 'AQ6')).toEqual({
    ok: true,
    value: true,
  });
  expect(active()).toBe(`${GIA_LOC}!AQ6`);
  expect(fromClient(wb, GL, 'sidebarSelectCell', GIA_LOC, 'E6:G6')).toEqual({
    ok: true,
    value: true,
  });
  expect(active()).toBe(`${GIA_LOC}!E6:G6`);
  // The sheet name as a problem gives it (the tab's name on Cấu hình), compared after normalising.
  expect(fromClient(wb, NS, 'sidebarSelectCell', ` ${NAM_SACH.normalize('NFD')}`, 'F7').ok).toBe(
    true,
  );
  expect(active()).toBe(`${NAM_SACH}!F7`);
});

test("sidebarSelectCell refuses another unit's tab, a cell off the sheet, and an unknown user", () => {
  const before = fullSnapshot(wb);
  expect(refusal(fromClient(wb, GL, 'sidebarSelectCell', NAM_SACH, 'E6'))).toContain(
    'không thuộc quyền của bạn',
  );
  expect(refusal(fromClient(wb, GL, 'sidebarSelectCell', GIA_LOC, 'ZZ99999'))).toBe(
    'Ô ZZ99999 nằm ngoài trang "Huyện Gia Lộc".',
  );
  expect(refusal(fromClient(wb, '', 'sidebarSelectCell', GIA_LOC, 'E6'))).toBe(UNKNOWN_USER);
  expect(refusal(fromClient(wb, GL, 'sidebarSelectCell', 'Trang lạ', 'E6'))).toContain(
    'không thuộc quyền của bạn',
  );
  expect(fullSnapshot(wb)).toEqual(before);
});

test("sidebarCheckData lists the problems of the caller's tab with their cells", () => {
  expect(fromClient(wb, GL, 'sidebarCheckData', GIA_LOC, YEAR)).toEqual({ ok: true, value: [] });
});

test('a consolidation reads the document properties twice: with the unit tabs, then once under the lock', () => {
  wb.emu.calls.reset();
  expect(fromClient(wb, ANALYST2, 'sidebarConsolidate', YEAR).ok).toBe(true);
  const reads = Object.entries(wb.emu.calls.snapshot()).filter(
    ([k]) => k === 'Properties.getProperties' || k === 'Properties.getProperty',
  );
  // The units' submissions (readWorkbook); under the lock the setup's progress, the submissions
  // the approvals ledger is checked against and the Nhật ký rows still to write: one read.
  expect(reads).toEqual([['Properties.getProperties', 2]]);
});
