// A unit's figures year by year, worked out by hand from the rules (PRODUCT.md, "Completeness"
// and "Mergers"): expected communes (2023: three; 2024 on: two), reported communes, sums and
// baselines.
import { allYears, unitYearFigures, validateUnit } from '../../src/core';
import { GL, config, hpn, row, unit } from './helpers';

// Gia Xuyên merged into Gia Tân in 2023 (its last row): from 2024 it is no longer expected, and
// Gia Tân's commune-level baseline includes Gia Xuyên's.
const rows = () => [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2023, 1000, 30, 40),
  row(GL, 'Xã Gia Xuyên', 2023, {
    households: 800,
    poor: 20,
    nearPoor: 20,
    mergedInto: 'Xã Gia Tân',
  }),
  hpn(GL, 'Xã Gia Tân', 2025, 1800, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];

// Every valid baseline row counts in the unit's baseline: poor 50 + 40 + 10 = 100, near-poor
// 60 + 30 + 10 = 100. Gia Xuyên is expected up to its merger year.
const ALL = ['Xã Gia Tân', 'Xã Gia Xuyên', 'Xã Thống Nhất'];
const AFTER = ['Xã Gia Tân', 'Xã Thống Nhất'];
const BY_HAND: Record<
  number,
  { expected: string[]; reported: string[]; households: number; poor: number; nearPoor: number }
> = {
  2021: { expected: ALL, reported: ALL, households: 2300, poor: 100, nearPoor: 100 },
  2022: { expected: ALL, reported: [], households: 0, poor: 0, nearPoor: 0 },
  2023: {
    expected: ALL,
    reported: ['Xã Gia Tân', 'Xã Gia Xuyên'],
    households: 1800,
    poor: 50,
    nearPoor: 60,
  },
  2024: { expected: AFTER, reported: [], households: 0, poor: 0, nearPoor: 0 },
  2025: { expected: AFTER, reported: AFTER, households: 2305, poor: 12, nearPoor: 25 },
};

test('expected and reported communes, sums and baselines, year by year', () => {
  const v = validateUnit(config, unit(GL, rows()));
  expect(v.problems).toEqual([]);
  expect(v.mergers).toEqual([{ commune: 'Xã Gia Xuyên', into: 'Xã Gia Tân', year: 2023 }]);
  for (const year of allYears(config)) {
    const { row, communes } = unitYearFigures(config, v, year);
    const { expected, reported, ...sums } = BY_HAND[year];
    expect({ year, ...row }).toMatchObject({
      year,
      communes: expected.length,
      communesReported: reported.length,
      ...sums,
      poorBaseline: 100,
      nearPoorBaseline: 100,
    });
    expect(communes.map((c) => c.commune)).toEqual(reported);
  }
});

test("2025: Gia Tân's commune baseline includes Gia Xuyên's; the unit attains", () => {
  const f = unitYearFigures(config, validateUnit(config, unit(GL, rows())), 2025);
  // Gia Tân: (90 − 10) / 90 = 0.889 ≥ 0.8. Thống Nhất: (10 − 2) / 10 = 0.8 exactly.
  expect(f.communes.map((c) => [c.commune, c.poorBaseline, c.nearPoorBaseline])).toEqual([
    ['Xã Gia Tân', 90, 90],
    ['Xã Thống Nhất', 10, 10],
  ]);
  expect(f.communes[0].predecessors).toEqual(['Xã Gia Xuyên']);
  expect(f.communes.every((c) => c.attained)).toBe(true);
  // Unit: poor 100 → 12 = 88 %; complete, baseline complete, no problem; both communes attain.
  expect(f.row.poorReduction).toBeCloseTo(0.88, 12);
  expect([f.row.provisional, f.row.attained, f.row.communesAttained]).toEqual([false, true, 2]);
});

test('the baseline year and the period years, ascending, whatever order Cấu hình gives', () => {
  expect(allYears({ ...config, years: [2024, 2022, 2025, 2023] })).toEqual([
    2021, 2022, 2023, 2024, 2025,
  ]);
});
