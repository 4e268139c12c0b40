// Access: every function a sidebar (or anyone with the file open) can reach through
// google.script.run, called with forged arguments — another unit's name in its many spellings,
// wrong types, a huge payload, a Date, an object where a string belongs — is refused with a
// Vietnamese message (or by the wire itself) and changes nothing: no tab, no document property,
// no named range, no protection.
import {
  ANALYST,
  api,
  changedTabs,
  peek,
  snapshotTabs,
  UNITS,
  VIETNAMESE,
  YEAR,
  type Baseline,
  type Workbook,
} from '../harness';

const DISTRICT_A = 'canbo.tphd@haiduong.gov.vn';
const DISTRICT_B = 'canbo.chilinh@haiduong.gov.vn';
const OUTSIDER = 'nguoi.la@gmail.com';
const A = UNITS[0];
const B = UNITS[1];

const validNomination = (unit: string) => ({
  unit,
  year: YEAR,
  type: 'Cá nhân',
  name: 'Nguyễn Thị Hoa',
  commune: '',
  achievement: 'Vận động 20 hộ thoát nghèo.',
  award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
});

type Call = [string, ...unknown[]];

/** Calls with another unit's name, wrong types, huge or hostile payloads: refused for everyone. */
function forged(own: string): Call[] {
  const other = B.name;
  return [
    ['sidebarSubmitReport', other, YEAR],
    ['sidebarSubmitReport', other.normalize('NFD'), YEAR],
    ['sidebarSubmitReport', `  ${other.replace(' ', '\u00a0')} `, YEAR],
    ['sidebarSubmitReport', other.toUpperCase(), YEAR],
    ['sidebarSubmitReport', own, String(YEAR)],
    ['sidebarSubmitReport', own, 2030],
    ['sidebarSubmitReport', own, 2025.5],
    ['sidebarSubmitReport', [own], YEAR],
    ['sidebarSubmitReport', { unit: own }, YEAR],
    ['sidebarSubmitReport', null, null],
    ['sidebarSubmitReport'],
    ['sidebarSubmitReport', own.repeat(50_000), YEAR],
    ['sidebarAddNomination', validNomination(other)],
    ['sidebarAddNomination', { ...validNomination(own), achievement: 'x'.repeat(1_000_000) }],
    ['sidebarAddNomination', { ...validNomination(own), name: 'Tên '.repeat(10_000) }],
    ['sidebarAddNomination', { ...validNomination(own), year: String(YEAR) }],
    ['sidebarAddNomination', { ...validNomination(own), name: 123 }],
    ['sidebarAddNomination', { ...validNomination(own), unit: [own] }],
    ['sidebarAddNomination', [validNomination(own)]],
    ['sidebarAddNomination', `unit=${own}&year=${YEAR}`],
    ['sidebarAddNomination', { ...validNomination(own), commune: B.communes[0] }],
    ['sidebarAddNomination', { ...validNomination(own), award: 'Huân chương Sao Vàng' }],
    ['sidebarAddNomination', { ...validNomination(own), type: 'Quản trị viên' }],
    ['sidebarAddNomination', { ...validNomination(own), year: 2030 }],
    [
      'sidebarAddNomination',
      JSON.parse(`{"__proto__": {"polluted": true}, "unit": ${JSON.stringify(own)}}`),
    ],
    ['sidebarAddNomination', null],
    ['sidebarCheckData', other, YEAR],
    ['sidebarCheckData', own, '2025'],
    ['sidebarSelectCell', B.tab, 'A1'],
    ['sidebarSelectCell', 'Cấu hình', 'B14'],
    ['sidebarSelectCell', A.tab, 'A1:ZZ1000'],
    ['sidebarSelectCell', A.tab, '=HYPERLINK("http://x")'],
    ['sidebarSelectCell', { toString: 'A1' }, 'A1'],
    ['sidebarConsolidate', YEAR],
    ['sidebarConsolidate', '2025'],
    ['sidebarApproveReport', own, YEAR],
    ['sidebarApproveReport', other, YEAR],
    ['sidebarReturnReport', other, YEAR, 'Số liệu sai'],
    ['sidebarReturnReport', own, YEAR, 'x'.repeat(100_000)],
    ['exportResults', YEAR],
    ['exportResults', '2025'],
  ];
}

/** The menu actions, reachable through google.script.run too. */
const MENUS: Call[] = [['menuSetup'], ['menuConsolidate'], ['menuProtect'], ['menuCheckAll']];

interface State {
  tabs: ReturnType<typeof snapshotTabs>;
  properties: [string, string][];
  names: string[];
  sheets: string[];
  protections: number;
}

function state(wb: Workbook): State {
  return {
    tabs: snapshotTabs(wb, 'all'),
    properties: [...wb.emu.properties.document].sort(),
    names: peek(wb, () =>
      api(wb)
        .getNamedRanges()
        .map((n) => `${n.getName()} ${n.getRange().getA1Notation()}`),
    ).sort(),
    sheets: peek(wb, () =>
      api(wb)
        .getSheets()
        .map((s) => s.getName()),
    ),
    protections: (wb.emu.spreadsheet as unknown as { internal: { protections: unknown[] } })
      .internal.protections.length,
  };
}

/** Service calls that change the file or its properties. */
const WRITES =
  /^(Range\.(set|clear|merge|insert|delete|breakApart|sort|copyTo|move|protect|add)|Sheet\.(insert|delete|append|clear|setName|set|protect|hide|show)|Spreadsheet\.(insert|delete|set|rename|removeNamedRange|addDeveloperMetadata|duplicate)|Properties\.(set|delete)|Protection\.(set|add|remove)|DeveloperMetadata\.(set|remove|move))/;

/** Runs fn and returns the writing service calls it made. */
function writesDuring(wb: Workbook, fn: () => void): string[] {
  const counter = wb.emu.calls;
  const original = counter.hit;
  const writes: string[] = [];
  counter.hit = function hit(method: string): void {
    original.call(counter, method);
    if (WRITES.test(method)) writes.push(method);
  };
  try {
    fn();
  } finally {
    counter.hit = original;
  }
  return writes;
}

function expectUnchanged(wb: Workbook, before: State, what: string): void {
  const after = state(wb);
  expect({ what, tabs: changedTabs(before.tabs, after.tabs) }).toEqual({ what, tabs: [] });
  expect({ what, properties: after.properties }).toEqual({ what, properties: before.properties });
  expect({
    what,
    names: after.names,
    sheets: after.sheets,
    protections: after.protections,
  }).toEqual({
    what,
    names: before.names,
    sheets: before.sheets,
    protections: before.protections,
  });
}

const describeCall = (call: Call) =>
  `${call[0]}(${call
    .slice(1)
    .map((a) =>
      typeof a === 'string' && a.length > 40
        ? `<${a.length} ký tự>`
        : JSON.stringify(a)?.slice(0, 60),
    )
    .join(', ')})`;

/**
 * Calls through google.script.run as `email`; returns the refusal message. Arguments that cannot
 * cross the wire (a Date, a function) are refused by google.script.run itself.
 */
function callRefused(wb: Workbook, email: string, call: Call): string {
  const [name, ...args] = call;
  const properties = [...wb.emu.properties.document].sort();
  const alerts = wb.emu.ui.alerts.length;
  let result: unknown;
  let thrown: Error | null = null;
  wb.emu.setUser(email);
  const writes = writesDuring(wb, () => {
    try {
      result = wb.bundle.callFromClient(name, ...args);
    } catch (error) {
      thrown = error as Error;
    } finally {
      wb.emu.setUser(ANALYST);
    }
  });
  // Nothing written, no property changed (the whole file is compared after each batch).
  expect({ call: describeCall(call), writes }).toEqual({ call: describeCall(call), writes: [] });
  expect({ call: describeCall(call), properties: [...wb.emu.properties.document].sort() }).toEqual({
    call: describeCall(call),
    properties,
  });
  if (thrown) return `(google.script.run) ${(thrown as Error).message}`;
  if (name.startsWith('menu')) {
    const shown = wb.emu.ui.alerts
      .slice(alerts)
      .map((a) => a.message)
      .join('\n');
    expect({ call: describeCall(call), shown }).toEqual({
      call: describeCall(call),
      shown: expect.stringMatching(VIETNAMESE),
    });
    return shown;
  }
  const r = result as { ok?: boolean; message?: string };
  expect({ call: describeCall(call), ok: r?.ok }).toEqual({ call: describeCall(call), ok: false });
  expect({ call: describeCall(call), message: r.message }).toEqual({
    call: describeCall(call),
    message: expect.stringMatching(VIETNAMESE),
  });
  return r.message ?? '';
}

/** The tests of this section, on the shared baseline workbook (see ../safety.test.ts). */
export function accessTests(shared: () => Baseline): void {
  let base: Baseline;
  let tried = 0;

  beforeAll(() => {
    base = shared();
    const wb = base.wb;
    // The analyst lists the editors of two units on Cấu hình and shares the file with them.
    peek(wb, () => {
      const config = api(wb).getSheetByName('Cấu hình')!;
      const grid = config.getDataRange().getValues();
      for (const [unit, email] of [
        [A.name, DISTRICT_A],
        [B.name, DISTRICT_B],
      ]) {
        const r = grid.findIndex((row) => row[0] === unit && row[1] === unit);
        config.getRange(r + 1, 3).setValue(email);
      }
    });
    wb.emu.shareWith(DISTRICT_A, DISTRICT_B, OUTSIDER);
  }, 180_000);

  test('the district user is who the configuration says (a legitimate call works)', () => {
    base.wb.emu.setUser(DISTRICT_A);
    try {
      const state = base.wb.bundle.callFromClient('sidebarGetState', A.name, YEAR) as {
        ok: boolean;
        value: { role: string; unit: string };
      };
      expect(state.ok).toBe(true);
      expect(state.value.role).toBe('district');
      expect(state.value.unit).toBe(A.name);
    } finally {
      base.wb.emu.setUser(ANALYST);
    }
  });

  test("a district user's forged calls are all refused without side effects", () => {
    const before = state(base.wb);
    for (const call of [...forged(A.name), ...MENUS]) {
      callRefused(base.wb, DISTRICT_A, call);
      tried++;
    }
    expectUnchanged(base.wb, before, 'district user');
  });

  test('a Date or a function in the arguments is refused by google.script.run, nothing changes', () => {
    const before = state(base.wb);
    const calls: Call[] = [
      ['sidebarSubmitReport', A.name, new Date('2025-11-20T00:00:00Z')],
      [
        'sidebarAddNomination',
        { ...validNomination(A.name), year: new Date('2025-01-01T00:00:00Z') },
      ],
      ['sidebarAddNomination', { ...validNomination(A.name), name: () => 'x' }],
      ['sidebarReturnReport', A.name, YEAR, new Date()],
    ];
    for (const call of calls) {
      expect(callRefused(base.wb, DISTRICT_A, call)).toMatch(
        /^\(google\.script\.run\) google\.script\.run cannot carry/,
      );
      tried++;
    }
    expectUnchanged(base.wb, before, 'wire');
  });

  test('someone not on Cấu hình, or whose e-mail Google withholds, can do nothing at all', () => {
    const before = state(base.wb);
    for (const email of [OUTSIDER, '']) {
      const own: Call[] = [
        ['sidebarSubmitReport', A.name, YEAR],
        ['sidebarAddNomination', validNomination(A.name)],
        ['sidebarCheckData', A.name, YEAR],
        ['sidebarSelectCell', A.tab, 'A1'],
      ];
      for (const call of [...own, ...forged(A.name), ...MENUS]) {
        callRefused(base.wb, email, call);
        tried++;
      }
    }
    expectUnchanged(base.wb, before, 'outsiders');
  });

  test("asking for another unit's state is refused, or answered with one's own unit only", () => {
    base.wb.emu.setUser(DISTRICT_A);
    try {
      const s = base.wb.bundle.callFromClient('sidebarGetState', B.name, YEAR) as {
        ok: boolean;
        message?: string;
        value: Record<string, unknown>;
      };
      if (!s.ok) {
        expect(s.message).toMatch(VIETNAMESE);
        expect(s.message).toContain(B.name);
        return;
      }
      expect(s.value.unit).toBe(A.name);
      expect(s.value.units).toEqual([A.name]);
      expect(s.value.completeness).toBeUndefined();
      expect(JSON.stringify(s.value)).not.toContain(B.communes[1]);
    } finally {
      base.wb.emu.setUser(ANALYST);
    }
  });

  test('the analyst too is refused a unit that is not configured or malformed arguments', () => {
    const calls: Call[] = [
      ['sidebarSubmitReport', 'Huyện Không Có', YEAR],
      ['sidebarAddNomination', validNomination('Huyện Không Có')],
      ['sidebarApproveReport', 'Huyện Không Có', YEAR],
      ['sidebarReturnReport', A.name, YEAR, ''],
      ['sidebarConsolidate', 1999],
      ['exportResults', null],
    ];
    const before = state(base.wb);
    for (const call of calls) {
      callRefused(base.wb, ANALYST, call);
      tried++;
    }
    expectUnchanged(base.wb, before, 'analyst');
  });

  test("control: the same detector sees the writes of a legitimate submission of one's own unit", () => {
    base.wb.emu.setUser(DISTRICT_A);
    let result: { ok: boolean } | null = null;
    try {
      const writes = writesDuring(base.wb, () => {
        result = base.wb.bundle.callFromClient('sidebarSubmitReport', A.name, YEAR) as {
          ok: boolean;
        };
      });
      expect(writes.length).toBeGreaterThan(0);
    } finally {
      base.wb.emu.setUser(ANALYST);
    }
    expect(result).toMatchObject({ ok: true });
  });

  test('no forged call polluted Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(tried).toBe(153); // as docs/RELIABILITY.md says
  });
}
