// The mid-term and final reviews of the movement (plan 2396 IV.3-4: sơ kết 2023, tổng kết 2025):
// over the period so far, each unit's result and trend, the years in which it attained, the
// period's totals and the proposals for the review's awards. Pure; `review` of summary.json.
import { allYears, isAgency, type Config } from './config';
import { unitYearFigures } from './figures';
import { yearActivity } from './reportFacts';
import { evaluateTarget } from './target';
import { countsForProvince, type Row, type ShortlistEntry, type Summary } from './types';
import type { ValidatedUnit } from './validate';

export type ReviewKind = 'midterm' | 'final';

/** A unit's (or the province's) figures in one year of the period. */
export type ReviewYear = { year: number } & Pick<
  Row,
  'poor' | 'nearPoor' | 'poorReduction' | 'combinedReduction' | 'attained' | 'provisional'
>;

export interface ReviewUnit {
  name: string;
  poorBaseline: number;
  nearPoorBaseline: number;
  /** The years of the period up to the review's, in order (the baseline year left out). */
  years: ReviewYear[];
  /** Years in which the unit attained the target with complete figures. */
  attainedYears: number[];
  /**
   * Poor households between the first and the last non-provisional years of the period:
   * "down", "up" or "flat"; null with fewer than two such years.
   */
  trend: 'down' | 'up' | 'flat' | null;
  /** The review year's result. */
  attained: boolean;
  provisional: boolean;
}

export interface Review {
  kind: ReviewKind;
  /** The baseline year and the review's year. */
  fromYear: number;
  toYear: number;
  units: ReviewUnit[];
  total: ReviewUnit;
  /** Sums over the years of the period up to the review's (movement, initiatives, resources). */
  totals: {
    exited: number;
    returned: number;
    newPoor: number;
    initiatives: number;
    resources: number;
  };
  /**
   * The review's award proposals: units that attained in the review year with complete figures,
   * most attained years first; and the year's shortlist entries that count for the province
   * (`eligible`, `to_higher_level`) by form.
   */
  proposals: { units: string[]; byAward: { award: string; count: number }[] };
}

/** 'midterm' in the configured mid-term year, 'final' in the final year, else null. */
export function reviewKind(config: Config, year: number): ReviewKind | null {
  if (year === config.finalYear) return 'final';
  if (year === config.midTermYear) return 'midterm';
  return null;
}

const yearOf = (year: number, r: Row): ReviewYear => ({
  year,
  poor: r.poor,
  nearPoor: r.nearPoor,
  poorReduction: r.poorReduction,
  combinedReduction: r.combinedReduction,
  attained: r.attained,
  provisional: r.provisional,
});

function reviewUnit(name: string, baseline: Row, years: ReviewYear[]): ReviewUnit {
  const complete = years.filter((y) => !y.provisional);
  const first = complete[0];
  const last = complete[complete.length - 1];
  const trend =
    complete.length < 2
      ? null
      : last.poor < first.poor
        ? 'down'
        : last.poor > first.poor
          ? 'up'
          : 'flat';
  const now = years[years.length - 1];
  return {
    name,
    poorBaseline: baseline.poorBaseline,
    nearPoorBaseline: baseline.nearPoorBaseline,
    years,
    attainedYears: complete.filter((y) => y.attained).map((y) => y.year),
    trend,
    attained: now?.attained ?? false,
    provisional: now?.provisional ?? true,
  };
}

/** The review of `summary.year`, or null when it is neither the mid-term nor the final year. */
export function reviewOf(
  config: Config,
  units: readonly ValidatedUnit[],
  summary: Summary,
  shortlist: readonly ShortlistEntry[],
): Review | null {
  const kind = reviewKind(config, summary.year);
  if (!kind) return null;
  const years = allYears(config).filter((y) => y > config.baselineYear && y <= summary.year);
  // Agencies have no figures: like the yearly report, the review's units are those with areas.
  const areas = units.filter((v) => !isAgency(config, v.unit));
  const rows = areas.map((v) => years.map((y) => unitYearFigures(config, v, y).row));
  const reviewUnits = areas.map((v, i) =>
    reviewUnit(
      v.unit,
      rows[i][rows[i].length - 1] ?? summary.total,
      rows[i].map((r, k) => yearOf(years[k], r)),
    ),
  );
  const t = summary.total;
  const total = reviewUnit(
    t.name,
    t,
    summary.trend
      .filter((p) => p.year > config.baselineYear)
      .map((p) => ({
        year: p.year,
        poor: p.poor,
        nearPoor: p.nearPoor,
        poorReduction: p.poorReduction,
        combinedReduction: p.combinedReduction,
        provisional: p.provisional,
        attained: !p.provisional && evaluateTarget(config.targets, { ...t, ...p }).attained,
      })),
  );
  const activity = years.map((y) => yearActivity(units, y));
  const add = (k: 'exited' | 'returned' | 'newPoor' | 'initiatives' | 'resources') =>
    activity.reduce((s, a) => s + a[k], 0);
  const counted = shortlist.filter(countsForProvince);
  return {
    kind,
    fromYear: config.baselineYear,
    toYear: summary.year,
    units: reviewUnits,
    total,
    totals: {
      exited: add('exited'),
      returned: add('returned'),
      newPoor: add('newPoor'),
      initiatives: add('initiatives'),
      resources: add('resources'),
    },
    proposals: {
      units: reviewUnits
        .filter((u) => u.attained && !u.provisional)
        .sort((a, b) => b.attainedYears.length - a.attainedYears.length)
        .map((u) => u.name),
      byAward: [...config.awards]
        .sort((a, b) => a.rank - b.rank)
        .map((a) => ({ award: a.name, count: counted.filter((e) => e.award === a.name).length }))
        .filter((a) => a.count > 0),
    },
  };
}
