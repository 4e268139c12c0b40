// Figures of one unit for one year: expected and reported communes, sums, commune-level
// attainment (successors include their predecessors' baselines), completeness.
import { allYears, findUnit, type Config } from './config';
import { normalizeName } from './names';
import { evaluateTarget, type TargetResult } from './target';
import type { CommuneYear, Merger, Problem } from './types';

import type { ValidatedUnit } from './validate';

const NOTHING_REPORTED: TargetResult = {
  poorReduction: null,
  combinedReduction: null,
  attained: false,
  progress: 0,
};

export interface CommuneFigures {
  unit: string;
  commune: string;
  year: number;
  households: number;
  poor: number;
  nearPoor: number;
  /** Own baseline plus the baselines of communes merged into it before the year. */
  poorBaseline: number;
  nearPoorBaseline: number;
  /** Communes merged into this one before the year (their baselines are included). */
  predecessors: string[];
  /** False when its own or a predecessor's baseline row is missing or invalid. */
  baselineComplete: boolean;
  result: TargetResult;
  /** baselineComplete and the rule attains. */
  attained: boolean;
}

export interface UnitYearFigures {
  unit: string;
  year: number;
  expected: string[];
  reported: string[];
  households: number;
  poor: number;
  nearPoor: number;
  poorBaseline: number;
  nearPoorBaseline: number;
  /** Every expected commune has a valid row in the year. */
  complete: boolean;
  /** Every commune expected in the baseline year has a valid baseline row. */
  baselineComplete: boolean;
  /** Figure problems of the baseline year, of this year, or of no particular year. */
  problems: Problem[];
  provisional: boolean;
  result: TargetResult;
  attained: boolean;
  /** Reported communes, in the configured order. */
  communes: CommuneFigures[];
}

/** The unit's valid row of each commune in `year`. */
function rowsIn(v: ValidatedUnit, year: number): Map<string, CommuneYear> {
  return new Map(v.records.filter((r) => r.year === year).map((r) => [r.commune, r]));
}

/** True when the unit has at least one valid row in `year`. */
export function hasRowsIn(v: ValidatedUnit, year: number): boolean {
  return v.records.some((r) => r.year === year);
}

/** The configured communes still expected in `year`: those not merged away before it. */
function expectedIn(communes: string[], v: ValidatedUnit, year: number): string[] {
  return communes.filter((c) => {
    const m = v.mergers.find((x) => x.commune === c);
    return !m || m.year >= year;
  });
}

/** Communes merged into `commune` before `year`, transitively. */
export function predecessorsOf(mergers: Merger[], commune: string, year: number): string[] {
  const out: string[] = [];
  const queue = [commune];
  const seen = new Set<string>([commune]);
  while (queue.length) {
    const c = queue.shift() as string;
    for (const m of mergers) {
      if (m.into === c && m.year < year && !seen.has(m.commune)) {
        seen.add(m.commune);
        out.push(m.commune);
        queue.push(m.commune);
      }
    }
  }
  return out;
}

function affects(p: Problem, year: number, baselineYear: number): boolean {
  return p.year === undefined || p.year === year || p.year === baselineYear;
}

/** A reported commune's figures, compared with its own baseline plus its predecessors'. */
function communeFigures(
  config: Config,
  v: ValidatedUnit,
  row: CommuneYear,
  baselineRows: Map<string, CommuneYear>,
): CommuneFigures {
  const predecessors = predecessorsOf(v.mergers, row.commune, row.year);
  const baselines = [row.commune, ...predecessors].map((c) => baselineRows.get(c));
  const poorBaseline = baselines.reduce((s, b) => s + (b?.poor ?? 0), 0);
  const nearPoorBaseline = baselines.reduce((s, b) => s + (b?.nearPoor ?? 0), 0);
  const baselineComplete = baselines.every((b) => b !== undefined);
  const { poor, nearPoor } = row;
  const result = evaluateTarget(config.targets, { poorBaseline, poor, nearPoorBaseline, nearPoor });
  return {
    unit: v.unit,
    commune: row.commune,
    year: row.year,
    households: row.households,
    poorBaseline,
    nearPoorBaseline,
    poor,
    nearPoor,
    predecessors,
    baselineComplete,
    result,
    attained: baselineComplete && result.attained,
  };
}

/**
 * A unit's figures for a year: the sums over the communes that reported it, the baselines over
 * every valid baseline row (merged-away communes included), and each reported commune's own.
 */
export function unitYearFigures(config: Config, v: ValidatedUnit, year: number): UnitYearFigures {
  const base = config.baselineYear;
  const rows = rowsIn(v, year);
  const baselineRows = rowsIn(v, base);
  const communes = (findUnit(config, v.unit)?.communes ?? []).map(normalizeName);
  const expected = expectedIn(communes, v, year);
  const reportedRows = expected.flatMap((c) => rows.get(c) ?? []);
  const sum = (list: CommuneYear[], f: 'households' | 'poor' | 'nearPoor') =>
    list.reduce((s, r) => s + r[f], 0);
  const baselineList = [...baselineRows.values()];
  const totals = {
    households: sum(reportedRows, 'households'),
    poorBaseline: sum(baselineList, 'poor'),
    nearPoorBaseline: sum(baselineList, 'nearPoor'),
    poor: sum(reportedRows, 'poor'),
    nearPoor: sum(reportedRows, 'nearPoor'),
  };
  const complete = reportedRows.length === expected.length;
  const baselineComplete = expectedIn(communes, v, base).every((c) => baselineRows.has(c));
  const problems = v.figureProblems.filter((p) => affects(p, year, base));
  const provisional = !v.known || !complete || !baselineComplete || problems.length > 0;
  // With no commune reported, the sums are 0 and the rule would read "100 % fewer poor
  // households": there is nothing to measure yet (docs/DECISIONS.md 19).
  const result =
    reportedRows.length === 0 ? NOTHING_REPORTED : evaluateTarget(config.targets, totals);
  return {
    unit: v.unit,
    year,
    expected,
    reported: reportedRows.map((r) => r.commune),
    ...totals,
    complete,
    baselineComplete,
    problems,
    provisional,
    result,
    attained: result.attained && !provisional,
    communes: reportedRows.map((r) => communeFigures(config, v, r, baselineRows)),
  };
}

export interface CompletenessEntry {
  year: number;
  expected: number;
  reported: number;
  complete: boolean;
  /** Figure problems of that year (problems of no particular year are counted in every year). */
  problems: number;
}

/** Expected and reported communes per year (baseline and period), for the sidebar. */
export function unitCompleteness(config: Config, v: ValidatedUnit): CompletenessEntry[] {
  return allYears(config).map((year) => {
    const f = unitYearFigures(config, v, year);
    return {
      year,
      expected: f.expected.length,
      reported: f.reported.length,
      complete: f.complete,
      problems: v.figureProblems.filter((p) => p.year === undefined || p.year === year).length,
    };
  });
}
