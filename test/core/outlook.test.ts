// The outlook to the final year (2025), worked out by hand from docs/DECISIONS.md (17):
// pace = (last / baseline)^(1 / years between), compounded to 2025 and rounded to whole
// households; needed = 1 − (target poor / last poor)^(1 / years left), target poor = 20 % of
// the baseline poor.
import {
  DEFAULT_CONFIG,
  outlookFor,
  outlookOf,
  reportedSpan,
  yearlyFactor,
  type OutlookPoint,
} from '../../src/core';
import { GL, TM, config, consolidate, hpn, unit } from './helpers';

const p = (year: number, poor: number, nearPoor: number, provisional = false): OutlookPoint => ({
  year,
  poor,
  nearPoor,
  provisional,
});

describe('outlookOf', () => {
  test('compounding: poor 1000 (2021) → 700 (2023), near-poor 500 → 500', () => {
    // factor = (700 / 1000)^(1/2) = √0.7 ≈ 0.83666 a year (−16,3 % a year);
    // 2025 = 700 × 0.83666² = 700 × 0.7 = 490 poor; near-poor factor 1 → 500.
    // Combined (1500 − 990) / 1500 = 34 %, poor (1000 − 490) / 1000 = 51 %: not attained.
    // Needed: target poor = 1000 × 0.2 = 200; 1 − (200 / 700)^(1/2) = 1 − 0.534522 = 0.465478.
    const o = outlookOf(config, [p(2021, 1000, 500), p(2022, 900, 500), p(2023, 700, 500)])!;
    expect(yearlyFactor(1000, 700, 2)).toBeCloseTo(0.83666, 6);
    expect(o).toMatchObject({ poor: 490, nearPoor: 500, attained: false });
    expect(o.neededYearlyReduction).toBeCloseTo(0.465478, 6);
  });

  test('one reported year (the baseline only, later years provisional): no outlook', () => {
    expect(outlookOf(config, [p(2021, 1000, 500)])).toBeNull();
    expect(
      outlookOf(config, [p(2021, 1000, 500), p(2022, 800, 400, true), p(2023, 600, 300, true)]),
    ).toBeNull();
    // A provisional baseline gives no pace either, whatever the later years say.
    expect(outlookOf(config, [p(2021, 1000, 500, true), p(2023, 600, 300)])).toBeNull();
  });

  test('a provisional latest year is skipped: the pace runs to the latest reported year', () => {
    // 2021 1000 → 2024 512 (2025 provisional): factor (0.512)^(1/3) = 0.8; 2025 = 512 × 0.8 = 409.6 → 410.
    // Near-poor 1000 → 343: factor 0.7; 2025 = 343 × 0.7 = 240.1 → 240.
    // Combined (2000 − 650) / 2000 = 67,5 % > 50 %: expected to attain.
    // Now (2024): combined (2000 − 855) / 2000 = 57,25 % > 50 %: already attained → needed 0.
    const points = [p(2021, 1000, 1000), p(2024, 512, 343), p(2025, 100, 100, true)];
    expect(reportedSpan(points, 2021)?.last.year).toBe(2024);
    expect(outlookOf(config, points)).toEqual({
      poor: 410,
      nearPoor: 240,
      attained: true,
      neededYearlyReduction: 0,
    });
  });

  test('a unit already attained: needed 0, and its pace keeps it attained', () => {
    // 1000 → 160 (2023): poor reduction 84 % ≥ 80 % → attained now, needed 0.
    // factor (0.16)^(1/2) = 0.4; 2025 = 160 × 0.16 = 25.6 → 26. Near-poor 400 → 400.
    expect(outlookOf(config, [p(2021, 1000, 400), p(2023, 160, 400)])).toEqual({
      poor: 26,
      nearPoor: 400,
      attained: true,
      neededYearlyReduction: 0,
    });
  });

  test('a pace that never reaches the target: poor households rising', () => {
    // 1000 → 1210 (2023): factor (1.21)^(1/2) = 1.1 a year; 2025 = 1210 × 1.21 = 1464.1 → 1464.
    // Near-poor 1000 → 1000. Not attained; needed 1 − (200 / 1210)^(1/2) = 1 − 0.406558 = 0.593442.
    const o = outlookOf(config, [p(2021, 1000, 1000), p(2023, 1210, 1000)])!;
    expect(o).toMatchObject({ poor: 1464, nearPoor: 1000, attained: false });
    expect(o.neededYearlyReduction).toBeCloseTo(0.593442, 6);
  });

  test('the final year reported: the outlook is the result; nothing left to gain', () => {
    // 2025 is the last year: factor^0 = 1. 1000 → 300: 70 %, combined (1500 − 700)/1500 = 53,3 % > 50 %: attained.
    expect(outlookOf(config, [p(2021, 1000, 500), p(2025, 300, 400)])).toEqual({
      poor: 300,
      nearPoor: 400,
      attained: true,
      neededYearlyReduction: 0,
    });
    // 1000 → 500, 500 → 500: 50 % and (1500 − 1000)/1500 = 33,3 %: not attained and no year left → null.
    expect(outlookOf(config, [p(2021, 1000, 500), p(2025, 500, 500)])).toEqual({
      poor: 500,
      nearPoor: 500,
      attained: false,
      neededYearlyReduction: null,
    });
  });

  test('a baseline of 0 poor households: kept as it is, no needed reduction', () => {
    // Poor 0 → 3: no relative pace (factor 1) → 3; near-poor 100 → 81 (2023): factor 0.9 → 81 × 0.81 = 65.61 → 66.
    // Combined (100 − 69) / 100 = 31 %: not attained; the poor branch cannot attain → needed null.
    expect(outlookOf(config, [p(2021, 0, 100), p(2023, 3, 81)])).toEqual({
      poor: 3,
      nearPoor: 66,
      attained: false,
      neededYearlyReduction: null,
    });
  });
});

describe('outlook in the summary', () => {
  // Gia Lộc, one commune shown per year (2 communes configured here):
  //   2021: 100 + 100 poor, 50 + 50 near-poor; 2023: 60 + 40 = 100 poor, 50 + 50 = 100 near-poor.
  //   Pace 200 → 100 in 2 years: factor √0.5; 2025 = 100 × 0.5 = 50 poor; near-poor 100 → 100.
  //   Poor (200 − 50)/200 = 75 % < 80 %; combined (300 − 150)/300 = 50 % exactly: not attained.
  //   Needed: target 40; 1 − (40/100)^(1/2) = 1 − 0.632456 = 0.367544.
  // Thanh Miện reports only its baseline: no outlook.
  const cfg = {
    ...config,
    units: [
      { name: GL, tab: GL, editors: [], communes: ['Xã Gia Tân', 'Xã Gia Xuyên'] },
      { name: TM, tab: TM, editors: [], communes: ['Xã Đoàn Tùng'] },
    ],
  };
  const rows = [
    hpn(GL, 'Xã Gia Tân', 2021, 1000, 100, 50),
    hpn(GL, 'Xã Gia Xuyên', 2021, 1000, 100, 50),
    hpn(GL, 'Xã Gia Tân', 2023, 1000, 60, 50),
    hpn(GL, 'Xã Gia Xuyên', 2023, 1000, 40, 50),
  ];
  const tm = [hpn(TM, 'Xã Đoàn Tùng', 2021, 500, 30, 20)];

  test('units and the province', () => {
    const { summary } = consolidate(cfg, [unit(GL, rows), unit(TM, tm)], 2023, 'x');
    const gl = summary.districts.find((d) => d.name === GL)!;
    expect(gl.outlook).toMatchObject({ poor: 50, nearPoor: 100, attained: false });
    expect(gl.outlook!.neededYearlyReduction).toBeCloseTo(0.367544, 6);
    expect(summary.districts.find((d) => d.name === TM)!.outlook).toBeNull();
    // The province is provisional in 2023 (Thanh Miện has not reported): no outlook.
    expect(summary.total.outlook).toBeNull();
  });

  test('the province once every unit has reported', () => {
    // Thanh Miện 2023: 30 → 10 poor, 20 → 20 near-poor. Province 2021: 230 poor, 120 near-poor;
    // 2023: 110 poor, 120 near-poor. Poor factor (110/230)^(1/2); 2025 = 110 × 110/230 = 52.6 → 53.
    // Combined (350 − 173)/350 = 50,6 % > 50 %: expected to attain. Now (2023): (350 − 230)/350 =
    // 34,3 %, poor 52,2 %: not attained; needed 1 − (46/110)^(1/2) = 1 − 0.646670 = 0.353330.
    const tm2 = [...tm, hpn(TM, 'Xã Đoàn Tùng', 2023, 500, 10, 20)];
    const { summary } = consolidate(cfg, [unit(GL, rows), unit(TM, tm2)], 2023, 'x');
    expect(summary.total.outlook).toMatchObject({ poor: 53, nearPoor: 120, attained: true });
    expect(summary.total.outlook!.neededYearlyReduction).toBeCloseTo(0.35333, 5);
    // Thanh Miện: 30 → 10 poor: factor (1/3)^(1/2); 2025 = 10 / 3 = 3.3 → 3 poor, (30 − 3)/30 = 90 %:
    // expected to attain. Now 66,7 % and combined (50 − 30)/50 = 40 %: not yet, so it still needs
    // 1 − (6/10)^(1/2) = 1 − 0.774597 = 0.225403 a year.
    const t = summary.districts.find((d) => d.name === TM)!.outlook!;
    expect(t).toMatchObject({ poor: 3, nearPoor: 20, attained: true });
    expect(t.neededYearlyReduction).toBeCloseTo(0.225403, 6);
  });
});

test('outlookFor: no projection in the final year or after it (its figures are the result)', () => {
  const points = [
    { year: 2021, poor: 1000, nearPoor: 1000, provisional: false },
    { year: 2023, poor: 700, nearPoor: 900, provisional: false },
  ];
  // Before the final year, the projection of decision 17: 700 × (700/1000) = 490 poor in 2025.
  expect(outlookFor(DEFAULT_CONFIG, points, 2023)?.poor).toBe(490);
  expect(outlookFor(DEFAULT_CONFIG, points, 2025)).toBeNull();
});
