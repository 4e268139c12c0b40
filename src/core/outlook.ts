// The outlook to the final year of the period: where a unit (or the province) is heading at
// its current pace. Pure; the method is written out in docs/DECISIONS.md (17).
import type { Config } from './config';
import { evaluateTarget } from './target';
import type { Outlook } from './types';

/** A unit's (or the province's) totals for one year, as the summary computes them. */
export interface OutlookPoint {
  year: number;
  poor: number;
  nearPoor: number;
  /** Incomplete or with errors: such a year does not count as reported. */
  provisional: boolean;
}

/**
 * The two reported years the pace is measured between: the baseline year and the latest year
 * after it, both non-provisional. null when the baseline is provisional or no later year is.
 */
export function reportedSpan(
  points: readonly OutlookPoint[],
  baselineYear: number,
): { first: OutlookPoint; last: OutlookPoint } | null {
  const first = points.find((p) => p.year === baselineYear && !p.provisional);
  let last: OutlookPoint | undefined;
  for (const p of points)
    if (p.year > baselineYear && !p.provisional && (!last || p.year > last.year)) last = p;
  return first && last ? { first, last } : null;
}

/**
 * Average yearly factor between two counts `span` years apart: (to / from)^(1 / span), the
 * geometric mean of the year-on-year changes. A count that starts at 0 has no relative pace and
 * is kept as it is (factor 1).
 */
export function yearlyFactor(from: number, to: number, span: number): number {
  return from === 0 ? 1 : Math.pow(to / from, 1 / span);
}

/**
 * The outlook from a unit's yearly totals (the baseline year first; any order is accepted).
 * Example: poor 1000 (2021) → 700 (2023): factor (700/1000)^(1/2) ≈ 0.8367 a year;
 * 2025: 700 × 0.8367² = 700 × 0.7 = 490 poor households.
 */
export function outlookOf(config: Config, points: readonly OutlookPoint[]): Outlook | null {
  const span = reportedSpan(points, config.baselineYear);
  if (!span) return null;
  const { first, last } = span;
  const years = last.year - first.year;
  const left = Math.max(0, config.finalYear - last.year);
  const project = (from: number, to: number) =>
    Math.round(to * Math.pow(yearlyFactor(from, to, years), left));
  const poor = project(first.poor, last.poor);
  const nearPoor = project(first.nearPoor, last.nearPoor);
  const base = { poorBaseline: first.poor, nearPoorBaseline: first.nearPoor };
  const now = evaluateTarget(config.targets, { ...base, poor: last.poor, nearPoor: last.nearPoor });
  // The poor households that attain the first branch: (1 − 80 %) of the baseline.
  const targetPoor = first.poor * (1 - config.targets.poorReduction);
  let neededYearlyReduction: number | null = null;
  if (now.attained) neededYearlyReduction = 0;
  else if (left > 0 && first.poor > 0 && last.poor > 0)
    neededYearlyReduction = Math.max(0, 1 - Math.pow(targetPoor / last.poor, 1 / left));
  return {
    poor,
    nearPoor,
    attained: evaluateTarget(config.targets, { ...base, poor, nearPoor }).attained,
    neededYearlyReduction,
  };
}

/**
 * The outlook of a consolidation of `year`: none in the final year of the period or after it,
 * where the year's own figures are the result and a projection would contradict them.
 */
export function outlookFor(
  config: Config,
  points: readonly OutlookPoint[],
  year: number,
): Outlook | null {
  return year >= config.finalYear ? null : outlookOf(config, points);
}
