// Agency units (plan 2396 V.4): no area rows; counted in report timeliness and the shortlist,
// never in the poverty totals. Expected values worked out by hand below.
import { DEFAULT_CONFIG, parseConfig, type Config } from '../../src/core';
import { config as base, consolidate, criteria, GL, hpn, nomination, TM, unit } from './helpers';

const MTTQ = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương';
const config: Config = {
  ...base,
  units: [...base.units, { name: MTTQ, tab: 'MTTQ', editors: [], communes: [], kind: 'agency' }],
  inactiveUnits: [],
};
const YES = {
  planIssued: 'Có',
  budgetAllocated: 'Có',
  budgetSettled: 'Có',
  reportsOnTime: 'Có',
  resourcesMobilised: 500,
  initiatives: 3,
};
const onTime = (u: string) => ({
  unit: u,
  year: 2022,
  submittedAt: '2022-11-20T09:00:00+07:00',
  email: 'a@x.vn',
  status: 'submitted' as const,
});

// Gia Lộc: baseline poor 100+50+50 = 200, near-poor 60+70+70 = 200; 2022 poor 10+10+10 = 30
// (85 % fewer ≥ 80 %: attained). Thanh Miện: baseline poor 100, 2022 poor 90 (not attained).
const inputs = [
  unit(
    GL,
    [
      hpn(GL, 'Xã Gia Tân', 2021, 1000, 100, 60),
      hpn(GL, 'Xã Gia Xuyên', 2021, 1000, 50, 70),
      hpn(GL, 'Xã Thống Nhất', 2021, 1000, 50, 70),
      hpn(GL, 'Xã Gia Tân', 2022, 1000, 10, 60),
      hpn(GL, 'Xã Gia Xuyên', 2022, 1000, 10, 70),
      hpn(GL, 'Xã Thống Nhất', 2022, 1000, 10, 70),
    ],
    { criteria: [criteria(GL, 2022, YES)], submissions: [onTime(GL)] },
  ),
  unit(TM, [
    hpn(TM, 'Xã Đoàn Tùng', 2021, 500, 60, 10),
    hpn(TM, 'Xã Hồng Quang', 2021, 500, 40, 10),
    hpn(TM, 'Xã Đoàn Tùng', 2022, 500, 50, 10),
    hpn(TM, 'Xã Hồng Quang', 2022, 500, 40, 10),
  ]),
  unit(MTTQ, [], {
    criteria: [criteria(MTTQ, 2022, YES)],
    nominations: [
      nomination(MTTQ, {
        id: 'MT-1',
        type: 'Tập thể',
        name: MTTQ,
        achievement: 'Vận động Quỹ Vì người nghèo 5 tỷ đồng',
        award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        year: 2022,
      }),
    ],
    submissions: [onTime(MTTQ)],
  }),
];

describe('an agency unit', () => {
  const { summary, shortlist } = consolidate(config, inputs, 2022, '2022-12-01T00:00:00Z');
  const agency = summary.districts.find((d) => d.name === MTTQ)!;

  test('is in the summary with no figures, outside the totals and after the areas', () => {
    expect(agency.kind).toBe('agency');
    expect([agency.communes, agency.households, agency.poor, agency.poorBaseline]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(agency.attained).toBe(false);
    expect(agency.provisional).toBe(false);
    expect(agency.score).toBeNull();
    expect(agency.rank).toBe(3);
    // Totals: the two districts only (5 communes; poor 30 + 90 = 120 of baseline 200 + 100).
    expect(summary.total.communes).toBe(5);
    expect(summary.total.poor).toBe(120);
    expect(summary.total.poorBaseline).toBe(300);
    expect(summary.districts.filter((d) => d.kind === 'area').map((d) => d.rank)).toEqual([1, 2]);
  });

  test('counts in report timeliness', () => {
    expect(agency.reportStatus).toBe('on_time');
    expect(summary.districts.find((d) => d.name === TM)!.reportStatus).toBe('missing');
  });

  test('is eligible in the shortlist on its criteria and report, with no target', () => {
    const entry = shortlist.find((e) => e.id === 'MT-1')!;
    expect(entry.status).toBe('eligible');
    expect(entry.unmet).toEqual([]);
    expect(entry.reason).toContain('không xét chỉ tiêu giảm nghèo');
    // No rule proposal for an agency (it has no target to attain).
    expect(shortlist.some((e) => e.id.startsWith('DX-') && e.district === MTTQ)).toBe(false);
  });

  test('with a late report it is not eligible', () => {
    const late = inputs.map((u) =>
      u.unit === MTTQ
        ? { ...u, submissions: [{ ...onTime(MTTQ), submittedAt: '2022-11-30T08:00:00+07:00' }] }
        : u,
    );
    const r = consolidate(config, late, 2022, '2022-12-01T00:00:00Z');
    expect(r.summary.districts.find((d) => d.name === MTTQ)!.reportStatus).toBe('late');
    const entry = r.shortlist.find((e) => e.id === 'MT-1')!;
    expect(entry.status).toBe('not_eligible');
    expect(entry.unmet).toEqual(['report_late']);
  });
});

describe('configuration of agencies', () => {
  test('the default lists the plan’s agencies, not taking part', () => {
    const names = DEFAULT_CONFIG.inactiveUnits.map((u) => u.name);
    expect(names).toContain('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương');
    expect(names).toContain('Sở Lao động - Thương binh và Xã hội');
    expect(DEFAULT_CONFIG.inactiveUnits.every((u) => u.kind === 'agency')).toBe(true);
    expect(DEFAULT_CONFIG.units).toHaveLength(12);
    const r = parseConfig(DEFAULT_CONFIG);
    expect(r.ok && r.config.units.length).toBe(12);
    // Plan 2396's nine: the Fatherland Front, three departments (labour, finance, information),
    // the trade unions, the youth union and three associations (women, farmers, veterans).
    expect(r.ok && r.config.inactiveUnits.length).toBe(9);
  });

  test('setting active moves an agency into the units', () => {
    const input = {
      ...DEFAULT_CONFIG,
      units: DEFAULT_CONFIG.units,
      inactiveUnits: DEFAULT_CONFIG.inactiveUnits.map((u, i) =>
        i === 0 ? { ...u, active: true } : u,
      ),
    };
    const r = parseConfig(input);
    expect(r.ok && r.config.units.length).toBe(13);
    expect(r.ok && r.config.units[12].kind).toBe('agency');
  });

  test('a unit listed under inactiveUnits without active stays out; active decides otherwise', () => {
    // The default lists 12 districts taking part and the plan's agencies apart (none active).
    const bare = DEFAULT_CONFIG.inactiveUnits.map(({ active: _active, ...u }) => u);
    const r = parseConfig({ ...DEFAULT_CONFIG, inactiveUnits: bare });
    expect(r.ok && r.config.units.length).toBe(12);
    expect(r.ok && r.config.inactiveUnits.length).toBe(9);
    expect(r.ok && r.config.inactiveUnits.every((u) => u.active === false)).toBe(true);
    // A district listed under units with active false leaves them: 11 take part.
    const off = DEFAULT_CONFIG.units.map((u, i) => (i === 0 ? { ...u, active: false } : u));
    const r2 = parseConfig({ ...DEFAULT_CONFIG, units: off });
    expect(r2.ok && r2.config.units.length).toBe(11);
    expect(r2.ok && r2.config.inactiveUnits[0].name).toBe('Thành phố Hải Dương');
  });

  test('an agency with rows is refused in Vietnamese', () => {
    const input = {
      ...config,
      units: config.units.map((u) => (u.name === MTTQ ? { ...u, communes: ['Xã A'] } : u)),
    };
    const r = parseConfig(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0].message).toContain(
      'là cơ quan, tổ chức (không có địa bàn) nên không được có danh sách',
    );
  });

  test('no unit taking part is refused', () => {
    const r = parseConfig({
      ...DEFAULT_CONFIG,
      units: DEFAULT_CONFIG.units.map((u) => ({ ...u, active: false })),
    });
    expect(!r.ok && r.problems.map((p) => p.message).join(' ')).toContain(
      'phải có ít nhất một đơn vị tham gia',
    );
  });
});
