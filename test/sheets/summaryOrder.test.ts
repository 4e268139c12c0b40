// The order of the unit rows on "Tổng hợp toàn tỉnh": the ranking up to 20 units; above that,
// worst first (not attained, then provisional, then attained; lower progress first; then the
// lower place in the ranking first), so the first screen shows who needs attention.
import { summaryLayout, summaryValues } from '../../src/sheets/summaryTab';
import { DEFAULT_CONFIG, type Config, type DistrictRow, type Row } from '../../src/core';

const name = (rank: number) => `Đơn vị ${String(rank).padStart(2, '0')}`;

/** A unit's row with only what the order reads set apart: its place, result and progress. */
function district(
  rank: number,
  result: 'attained' | 'provisional' | 'notAttained',
  progress: number,
): DistrictRow {
  const row: Row = {
    name: name(rank),
    communes: 1,
    communesReported: 1,
    households: 100,
    poorBaseline: 10,
    nearPoorBaseline: 10,
    poor: 8,
    nearPoor: 8,
    poorReduction: 0.2,
    combinedReduction: 0.2,
    // A provisional unit is never judged attained on the tab; the flag is kept on to show it
    // does not move the unit into the attained group.
    attained: result !== 'notAttained',
    provisional: result === 'provisional',
    progress,
    communesAttained: 1,
    score: null,
    outlook: null,
  };
  return {
    ...row,
    rank,
    reportStatus: 'on_time',
    figuresStatus: null,
    narrativeReport: null,
    errors: [],
  };
}

/**
 * 21 units in ranking order: places 1-15 attained (places 1 and 2 both at 250 %, then 220 % at
 * place 3 down by 10 points to 100 % at place 15), 16-18 provisional (90 %, 40 %, 10 %), 19-21
 * not attained (50 %, 30 %, 50 %).
 */
function ranking(): DistrictRow[] {
  const out: DistrictRow[] = [];
  for (let rank = 1; rank <= 15; rank++)
    out.push(district(rank, 'attained', rank <= 2 ? 2.5 : 1 + (15 - rank) / 10));
  out.push(district(16, 'provisional', 0.9));
  out.push(district(17, 'provisional', 0.4));
  out.push(district(18, 'provisional', 0.1));
  out.push(district(19, 'notAttained', 0.5));
  out.push(district(20, 'notAttained', 0.3));
  out.push(district(21, 'notAttained', 0.5));
  return out;
}

/** The unit names in the order the tab lists them (written as text: a leading apostrophe). */
function listedNames(districts: DistrictRow[]): string[] {
  const config: Config = {
    ...DEFAULT_CONFIG,
    units: districts.map((d) => ({ name: d.name, tab: d.name, editors: [], communes: ['Xã A'] })),
  };
  const total = { ...districts[0], name: 'Toàn tỉnh' };
  const summary = {
    province: config.province,
    year: 2025,
    baselineYear: 2024,
    generatedAt: '2025-12-01T00:00:00Z',
    districts,
    total,
    trend: [],
  };
  const activity = {
    year: 2025,
    exited: 0,
    returned: 0,
    newPoor: 0,
    communesWithMovement: 0,
    communesReported: districts.length,
    unitsWithCriteria: 0,
    plansIssued: 0,
    initiatives: 0,
    resources: 0,
    units: districts.length,
  };
  const values = summaryValues(
    config,
    { summary, shortlist: [], activity, notes: [], review: null },
    { ranBy: 'a@x.vn', utcOffsetMinutes: 420 },
  );
  const layout = summaryLayout(config);
  const nameColumn = values[layout.headerRow - 1].indexOf('Đơn vị');
  return districts.map((_, i) =>
    String(values[layout.firstUnitRow - 1 + i][nameColumn]).replace(/^'/, ''),
  );
}

test('21 units: worst first, by result group, then progress, then the lower place', () => {
  expect(listedNames(ranking())).toEqual([
    // Not attained: 30 %, then the two at 50 %, place 21 before place 19.
    name(20),
    name(21),
    name(19),
    // Provisional: 10 %, 40 %, 90 %.
    name(18),
    name(17),
    name(16),
    // Attained: 100 % (place 15) up to 220 % (place 3), then the two at 250 %, place 2 first.
    ...[15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(name),
    name(2),
    name(1),
  ]);
});

test('20 units: the ranking as it is', () => {
  const twenty = ranking().slice(0, 20);
  expect(listedNames(twenty)).toEqual(twenty.map((d) => d.name));
});
