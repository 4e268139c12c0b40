import {
  deadlineInstant,
  latestYearWithData,
  rankRows,
  reportStatus,
  unitCompleteness,
  unitYearFigures,
  validateUnit,
  type Row,
  type Submission,
} from '../../src/core';
import { GL, TM, config, consolidate, hpn, row, unit, validatedUnits } from './helpers';

// Gia Lộc: baseline poor 50 + 40 + 10 = 100, near-poor 60 + 30 + 10 = 100.
// 2025: poor 8 + 10 + 2 = 20, near-poor 20 + 20 + 5 = 45, households 1010 + 810 + 505 = 2325.
// poorReduction = (100 − 20)/100 = 0.8 exactly → attained; combined = (200 − 65)/200 = 0.675.
// Communes: Gia Tân (50 − 8)/50 = 0.84 ✓; Gia Xuyên (40 − 10)/40 = 0.75 ✗ but combined
// (70 − 30)/70 = 0.571 ✓; Thống Nhất (10 − 2)/10 = 0.8 ✓ → 3 communes attained.
const glRows = () => [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
  hpn(GL, 'Xã Gia Xuyên', 2025, 810, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];
// Thanh Miện: baseline poor 30 + 20 = 50, near-poor 40 + 20 = 60; 2025 only Đoàn Tùng
// (600 households, 5 poor, 10 near-poor): (50 − 5)/50 = 0.9 but incomplete → provisional.
const tmRows = () => [
  hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
  hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 5, 10),
];
const AT = '2025-12-01T00:00:00.000Z';

describe('consolidate', () => {
  test('unit sums, attainment at exactly 80 %, commune attainment', () => {
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tmRows())], 2025, AT);
    const gl = summary.districts.find((d) => d.name === GL)!;
    expect(gl).toMatchObject({
      communes: 3,
      communesReported: 3,
      households: 2325,
      poorBaseline: 100,
      nearPoorBaseline: 100,
      poor: 20,
      nearPoor: 45,
      poorReduction: 0.8,
      combinedReduction: 0.675,
      attained: true,
      provisional: false,
      progress: 1,
      communesAttained: 3,
      score: null,
      errors: [],
    });
  });

  test('incomplete unit is provisional and not attained however good its figures', () => {
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tmRows())], 2025, AT);
    const tm = summary.districts.find((d) => d.name === TM)!;
    expect(tm).toMatchObject({
      communes: 2,
      communesReported: 1,
      poor: 5,
      nearPoor: 10,
      poorBaseline: 50,
      provisional: true,
      attained: false,
      progress: 1,
    });
    expect(tm.poorReduction).toBeCloseTo(0.9, 12);
  });

  test('province totals are sums; not attained while a unit is provisional', () => {
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tmRows())], 2025, AT);
    // 2325 + 600 = 2925 households; poor 25 of 150 → (150 − 25)/150 = 0.8333
    expect(summary.total).toMatchObject({
      name: 'Toàn tỉnh',
      communes: 5,
      communesReported: 4,
      households: 2925,
      poorBaseline: 150,
      nearPoorBaseline: 160,
      poor: 25,
      nearPoor: 55,
      provisional: true,
      attained: false,
      communesAttained: 4, // 3 in Gia Lộc + Đoàn Tùng (30 → 5)
      score: null,
    });
    expect(summary.total.poorReduction).toBeCloseTo(125 / 150, 12);
    expect(summary.province).toBe('Hải Dương');
    expect(summary.baselineYear).toBe(2021);
    expect(summary.generatedAt).toBe(AT);
  });

  test('province attains when every unit is complete and error-free', () => {
    const tm = [...tmRows(), hpn(TM, 'Xã Hồng Quang', 2025, 400, 3, 4)];
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tm)], 2025, AT);
    // poor 20 + 5 + 3 = 28 of 150: 122/150 = 0.813 ≥ 0.8
    expect(summary.total.provisional).toBe(false);
    expect(summary.total.attained).toBe(true);
    expect(summary.districts.every((d) => d.attained)).toBe(true);
  });

  test('rows with errors are left out of sums, listed, and make the year provisional', () => {
    const tm = [
      ...tmRows(),
      row(TM, 'Xã Hồng Quang', 2025, { households: 400, poor: 500, nearPoor: 4 }, 40),
    ];
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tm)], 2025, AT);
    const t = summary.districts.find((d) => d.name === TM)!;
    expect(t.poor).toBe(5);
    expect(t.households).toBe(600);
    expect(t.communesReported).toBe(1);
    expect(t.provisional).toBe(true);
    expect(t.errors).toEqual([
      {
        cell: 'D40',
        message: expect.stringContaining('số hộ nghèo (500) lớn hơn tổng số hộ (400)'),
      },
    ]);
  });

  test('errors in another year are listed but do not change this year', () => {
    const gl = [
      ...glRows(),
      row(GL, 'Xã Gia Tân', 2023, { households: 'nhiều', poor: 1, nearPoor: 1 }, 33),
    ];
    const { summary } = consolidate(config, [unit(GL, gl), unit(TM, tmRows())], 2025, AT);
    const g = summary.districts.find((d) => d.name === GL)!;
    expect(g.attained).toBe(true);
    expect(g.provisional).toBe(false);
    expect(g.errors.map((e) => e.cell)).toEqual(['C33']);
  });

  test('an error in a baseline row makes the unit provisional', () => {
    const gl = glRows();
    gl[2] = row(GL, 'Xã Thống Nhất', 2021, { households: 500, poor: 10.5, nearPoor: 10 }, 3);
    const { summary } = consolidate(config, [unit(GL, gl)], 2025, AT);
    const g = summary.districts.find((d) => d.name === GL)!;
    expect(g.provisional).toBe(true);
    expect(g.attained).toBe(false);
    expect(g.poorBaseline).toBe(90); // 50 + 40, the broken row is left out
  });

  test('errors are sorted by year then cell', () => {
    const gl = [
      row(GL, 'Xã Gia Tân', 2025, { households: 'a', poor: 1, nearPoor: 1 }, 20),
      row(GL, 'Xã Gia Tân', 2023, { households: 'b', poor: 1, nearPoor: 1 }, 12),
      row(GL, 'Xã Gia Xuyên', 2023, { households: 'c', poor: 1, nearPoor: 1 }, 11),
    ];
    const { summary } = consolidate(config, [unit(GL, gl)], 2025, AT);
    expect(summary.districts.find((d) => d.name === GL)!.errors.map((e) => e.cell)).toEqual([
      'C11',
      'C12',
      'C20',
    ]);
  });

  test('merger of two communes: unit totals kept, successor gets the summed baseline', () => {
    // Gia Tân merges into Gia Xuyên (last row 2024). 2025: Gia Xuyên 1800 households, 15 poor,
    // 40 near-poor. Commune baseline of Gia Xuyên = 50 + 40 = 90 poor, 60 + 30 = 90 near-poor:
    // (90 − 15)/90 = 0.833 → attained; on its own baseline (40 − 15)/40 = 0.625 would not.
    const gl = [
      hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
      hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
      hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
      row(GL, 'Xã Gia Tân', 2024, {
        households: 1000,
        poor: 20,
        nearPoor: 30,
        mergedInto: 'Xã Gia Xuyên',
      }),
      hpn(GL, 'Xã Gia Xuyên', 2024, 800, 20, 20),
      hpn(GL, 'Xã Thống Nhất', 2024, 500, 5, 5),
      hpn(GL, 'Xã Gia Xuyên', 2025, 1800, 15, 40),
      hpn(GL, 'Xã Thống Nhất', 2025, 505, 5, 5),
    ];
    const r2025 = consolidate(config, [unit(GL, gl)], 2025, AT);
    const g = r2025.summary.districts.find((d) => d.name === GL)!;
    // unit: baseline 100 poor (incl. Gia Tân); 2025 poor 15 + 5 = 20 → 0.8 exactly
    expect(g).toMatchObject({
      communes: 2,
      communesReported: 2,
      poorBaseline: 100,
      nearPoorBaseline: 100,
      poor: 20,
      nearPoor: 45,
      households: 2305,
      attained: true,
      provisional: false,
    });
    const figures = unitYearFigures(config, validateUnit(config, unit(GL, gl)), 2025);
    const gx = figures.communes.find((c) => c.commune === 'Xã Gia Xuyên')!;
    expect(gx).toMatchObject({
      poorBaseline: 90,
      nearPoorBaseline: 90,
      predecessors: ['Xã Gia Tân'],
      attained: true,
    });
    // Thống Nhất (10 − 5)/10 = 0.5 poor; combined (20 − 10)/20 = 0.5 → not attained
    expect(g.communesAttained).toBe(1);
    // 2024: all three expected and reported; Gia Tân still counted on its own
    const g24 = consolidate(config, [unit(GL, gl)], 2024, AT).summary.districts.find(
      (d) => d.name === GL,
    )!;
    expect(g24).toMatchObject({ communes: 3, communesReported: 3, poor: 45 });
  });

  test('a unit with no tab is incomplete', () => {
    const { summary } = consolidate(config, [unit(GL, glRows())], 2025, AT);
    expect(summary.districts.find((d) => d.name === TM)).toMatchObject({
      communes: 2,
      communesReported: 0,
      provisional: true,
      attained: false,
      reportStatus: 'missing',
    });
  });

  test('trend: baseline and each year with data up to the chosen year', () => {
    const { summary } = consolidate(config, [unit(GL, glRows()), unit(TM, tmRows())], 2025, AT);
    expect(summary.trend.map((t) => t.year)).toEqual([2021, 2025]);
    expect(summary.trend[0]).toMatchObject({
      year: 2021,
      poor: 150,
      nearPoor: 160,
      households: 3300,
      poorReduction: 0,
      progress: 0,
      provisional: false,
    });
    expect(summary.trend[1]).toMatchObject({ year: 2025, poor: 25, provisional: true });
  });

  test('running twice gives the same result', () => {
    const inputs = [unit(GL, glRows()), unit(TM, tmRows())];
    expect(consolidate(config, inputs, 2025, AT)).toEqual(consolidate(config, inputs, 2025, AT));
  });

  test('latestYearWithData and unitCompleteness', () => {
    expect(latestYearWithData(config, validatedUnits(config, [unit(GL, glRows())]))).toBe(2025);
    expect(
      latestYearWithData(config, validatedUnits(config, [unit(GL, glRows().slice(0, 3))])),
    ).toBe(2022);
    const c = unitCompleteness(config, validateUnit(config, unit(TM, tmRows())));
    expect(c).toEqual([
      { year: 2021, expected: 2, reported: 2, complete: true, problems: 0 },
      { year: 2022, expected: 2, reported: 0, complete: false, problems: 0 },
      { year: 2023, expected: 2, reported: 0, complete: false, problems: 0 },
      { year: 2024, expected: 2, reported: 0, complete: false, problems: 0 },
      { year: 2025, expected: 2, reported: 1, complete: false, problems: 0 },
    ]);
  });
});

describe('deadline and report status', () => {
  const sub = (submittedAt: string, status: Submission['status'] = 'submitted'): Submission => ({
    unit: GL,
    year: 2025,
    submittedAt,
    email: 'a@x.vn',
    status,
  });
  test('deadline instant is 30/11 00:00 +07:00', () => {
    expect(deadlineInstant(config, 2025).toISOString()).toBe('2025-11-29T17:00:00.000Z');
  });
  test('29/11 23:59 on time, 30/11 00:00 late', () => {
    expect(reportStatus(config, [sub('2025-11-29T16:59:00Z')], GL, 2025)).toBe('on_time');
    expect(reportStatus(config, [sub('2025-11-29T16:59:59.999Z')], GL, 2025)).toBe('on_time');
    expect(reportStatus(config, [sub('2025-11-29T17:00:00Z')], GL, 2025)).toBe('late');
    expect(reportStatus(config, [sub('2025-11-30T00:00:00+07:00')], GL, 2025)).toBe('late');
  });
  test('missing, returned, resubmitted, other year or unit', () => {
    expect(reportStatus(config, [], GL, 2025)).toBe('missing');
    expect(reportStatus(config, [sub('2025-11-01T00:00:00Z', 'returned')], GL, 2025)).toBe(
      'missing',
    );
    // One record (one per unit and year): returned on 05/11, submitted again on 20/11, on time.
    const resubmitted: Submission = {
      ...sub('2025-11-20T00:00:00Z'),
      events: [
        { type: 'submitted', at: '2025-11-01T00:00:00Z', by: 'a@x.vn' },
        { type: 'returned', at: '2025-11-05T00:00:00Z', by: 'b@x.vn', reason: 'Thiếu số liệu' },
        { type: 'submitted', at: '2025-11-20T00:00:00Z', by: 'a@x.vn' },
      ],
    };
    expect(reportStatus(config, [resubmitted], GL, 2025)).toBe('on_time');
    expect(reportStatus(config, [sub('2025-11-01T00:00:00Z', 'approved')], GL, 2025)).toBe(
      'on_time',
    );
    expect(reportStatus(config, [sub('2025-11-01T00:00:00Z')], TM, 2025)).toBe('missing');
    expect(reportStatus(config, [sub('2025-11-01T00:00:00Z')], GL, 2024)).toBe('missing');
    expect(
      reportStatus(
        config,
        [{ ...sub('2025-11-01T00:00:00Z'), unit: ' Huyện  Gia Lộc'.normalize('NFD') }],
        GL,
        2025,
      ),
    ).toBe('on_time');
  });
  test('report status in the summary comes from the unit submissions', () => {
    const { summary } = consolidate(
      config,
      [unit(GL, glRows(), { submissions: [sub('2025-11-29T17:00:00Z')] })],
      2025,
      AT,
    );
    expect(summary.districts.find((d) => d.name === GL)!.reportStatus).toBe('late');
  });
});

describe('rankRows', () => {
  const r = (name: string, score: number | null, progress: number): Row => ({
    name,
    score,
    progress,
    communes: 0,
    communesReported: 0,
    households: 0,
    poorBaseline: 0,
    nearPoorBaseline: 0,
    poor: 0,
    nearPoor: 0,
    poorReduction: null,
    combinedReduction: null,
    attained: false,
    provisional: false,
    communesAttained: 0,
    outlook: null,
  });
  test('score desc, null last, then progress; ties share a rank; name orders display', () => {
    const ranked = rankRows([
      r('Huyện C', 80, 0.5),
      r('Huyện B', null, 1),
      r('Huyện A', 80, 0.5),
      r('Huyện D', 90, 0.1),
      r('Huyện E', 80, 0.9),
    ]);
    expect(ranked.map((x) => [x.name, x.rank])).toEqual([
      ['Huyện D', 1],
      ['Huyện E', 2],
      ['Huyện A', 3],
      ['Huyện C', 3],
      ['Huyện B', 5],
    ]);
  });
});
