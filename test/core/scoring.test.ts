import { scoreUnits } from '../../src/core';
import { GL, TM, config, consolidate, criteria, hpn, unit } from './helpers';

const gl = () => [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
  hpn(GL, 'Xã Gia Xuyên', 2025, 810, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];
const tm = () => [
  hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
  hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 5, 10),
];

test('scores from criteria and progress, relative amounts, ranking', () => {
  // Gia Lộc: Có, Có, Không, Có → 10 + 10 + 0 + 10; resources 200 of best 400 → 10 × 0.5 = 5;
  //   initiatives 2 of best 2 → 10; progress 1 → 40. Total 85.
  // Thanh Miện: Có → 10; resources 400 of 400 → 10; initiatives 0 → 0; progress 1 (0.9/0.8
  //   capped) → 40. Total 60.
  const { summary } = consolidate(
    config,
    [
      unit(GL, gl(), {
        criteria: [
          criteria(GL, 2025, {
            planIssued: 'Có',
            budgetAllocated: 'Có',
            budgetSettled: 'Không',
            reportsOnTime: 'Có',
            resourcesMobilised: 200,
            initiatives: 2,
          }),
        ],
      }),
      unit(TM, tm(), {
        criteria: [
          criteria(TM, 2025, { planIssued: 'Có', resourcesMobilised: 400, initiatives: 0 }),
        ],
      }),
    ],
    2025,
    'x',
  );
  expect(summary.districts.map((d) => [d.name, d.score, d.rank])).toEqual([
    [GL, 85, 1],
    [TM, 60, 2],
  ]);
});

test('no criteria filled → score null; all amounts 0 → those parts are 0', () => {
  const crit = {
    unit: GL,
    year: 2025,
    planIssued: true,
    budgetAllocated: null,
    budgetSettled: null,
    reportsOnTime: null,
    resourcesMobilised: 0,
    initiatives: 0,
  };
  const s = scoreUnits(config, [
    { unit: GL, criteria: crit, progress: 0.5 }, // 10 + 40 × 0.5 = 30
    { unit: TM, criteria: undefined, progress: 1 },
    {
      unit: 'Huyện X',
      criteria: {
        ...crit,
        unit: 'Huyện X',
        planIssued: null,
        resourcesMobilised: null,
        initiatives: null,
      },
      progress: 1,
    },
  ]);
  expect(s.get(GL)).toBe(30);
  expect(s.get(TM)).toBeNull();
  expect(s.get('Huyện X')).toBeNull();
});

test('reportsOnTime uses the typed value, not the submissions', () => {
  const { summary } = consolidate(
    config,
    [unit(GL, gl(), { criteria: [criteria(GL, 2025, { reportsOnTime: 'Có' })] })],
    2025,
    'x',
  );
  // 10 (reportsOnTime) + 40 × 1 = 50, though no report was submitted
  expect(summary.districts.find((d) => d.name === GL)).toMatchObject({
    score: 50,
    reportStatus: 'missing',
  });
});
