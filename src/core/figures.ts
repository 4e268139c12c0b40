// Figures of one unit for one year (PRODUCT.md, "The target"): sums over the communes that
// reported the year, completeness, and each reported commune's own result (a successor's
// baseline includes its predecessors').
import { allYears, type Config } from './config';
import { evaluateTarget, type TargetFigures, type TargetResult } from './target';
import type { CommuneYear, Merger, Row } from './types';
import type { ValidatedUnit } from './validate';

export interface CommuneFigures extends TargetFigures, TargetResult {
  commune: string;
  /** Communes merged into this one before the year (their baselines are included). */
  predecessors: string[];
  /** False when its own or a predecessor's baseline row is missing or invalid. */
  baselineComplete: boolean;
}

export interface UnitYearFigures {
  /** The unit's summary row for the year; the consolidation adds its score and outlook. */
  row: Row;
  /** The communes that reported the year, in Cấu hình order. */
  communes: CommuneFigures[];
}

/** The unit's valid row of each commune in `year`. */
function rowsIn(v: ValidatedUnit, year: number): Map<string, CommuneYear> {
  const rows = new Map<string, CommuneYear>();
  for (const r of v.records) if (r.year === year) rows.set(r.commune, r);
  return rows;
}

/** The unit's communes still expected in `year`: those not merged away before it. */
function expectedIn(v: ValidatedUnit, year: number): string[] {
  return v.communes.filter((c) => !v.mergers.some((m) => m.commune === c && m.year < year));
}

/** Communes merged into `commune` before `year`, transitively. */
export function predecessorsOf(mergers: Merger[], commune: string, year: number): string[] {
  const out: string[] = [];
  const queue = [commune];
  while (queue.length) {
    const into = queue.shift() as string;
    for (const m of mergers) {
      if (m.into === into && m.year < year && m.commune !== commune && !out.includes(m.commune)) {
        out.push(m.commune);
        queue.push(m.commune);
      }
    }
  }
  return out;
}

/** A reported commune's figures: its own baseline plus its predecessors'. */
function communeFigures(
  config: Config,
  v: ValidatedUnit,
  row: CommuneYear,
  baselineRows: Map<string, CommuneYear>,
): CommuneFigures {
  const predecessors = predecessorsOf(v.mergers, row.commune, row.year);
  let poorBaseline = 0;
  let nearPoorBaseline = 0;
  let baselineComplete = true;
  for (const commune of [row.commune, ...predecessors]) {
    const baseline = baselineRows.get(commune);
    if (!baseline) baselineComplete = false;
    else {
      poorBaseline += baseline.poor;
      nearPoorBaseline += baseline.nearPoor;
    }
  }
  const { poor, nearPoor } = row;
  const result = evaluateTarget(config.targets, { poorBaseline, nearPoorBaseline, poor, nearPoor });
  return {
    commune: row.commune,
    poorBaseline,
    nearPoorBaseline,
    poor,
    nearPoor,
    poorReduction: result.poorReduction,
    combinedReduction: result.combinedReduction,
    progress: result.progress,
    predecessors,
    baselineComplete,
    attained: baselineComplete && result.attained,
  };
}

const NOTHING_REPORTED: TargetResult = {
  poorReduction: null,
  combinedReduction: null,
  attained: false,
  progress: 0,
};

function sum(rows: CommuneYear[], field: 'households' | 'poor' | 'nearPoor'): number {
  return rows.reduce((s, r) => s + r[field], 0);
}

/**
 * A unit's figures for a year. Households, poor and near-poor sum the communes that reported;
 * the baselines sum every valid baseline row (merged-away communes included). The figures are
 * provisional while an expected commune has not reported, a commune expected in the baseline
 * year has no valid baseline row, or a figure problem concerns the baseline year, this year or
 * no particular year; provisional figures never attain.
 */
export function unitYearFigures(config: Config, v: ValidatedUnit, year: number): UnitYearFigures {
  const base = config.baselineYear;
  const rows = rowsIn(v, year);
  const baselineRows = rowsIn(v, base);
  const expected = expectedIn(v, year);
  const reported = expected.map((c) => rows.get(c)).filter((r) => r !== undefined);
  const baselineList = [...baselineRows.values()];
  const totals: TargetFigures = {
    poorBaseline: sum(baselineList, 'poor'),
    nearPoorBaseline: sum(baselineList, 'nearPoor'),
    poor: sum(reported, 'poor'),
    nearPoor: sum(reported, 'nearPoor'),
  };
  const provisional =
    reported.length < expected.length ||
    expectedIn(v, base).some((c) => !baselineRows.has(c)) ||
    v.figureProblems.some((p) => p.year === undefined || p.year === year || p.year === base);
  // With no commune reported, the sums are 0 and the rule would read "100 % fewer poor
  // households": there is nothing to measure yet (docs/DECISIONS.md 19).
  const result = reported.length === 0 ? NOTHING_REPORTED : evaluateTarget(config.targets, totals);
  const communes = reported.map((r) => communeFigures(config, v, r, baselineRows));
  const row: Row = {
    name: v.unit,
    communes: expected.length,
    communesReported: reported.length,
    households: sum(reported, 'households'),
    poorBaseline: totals.poorBaseline,
    nearPoorBaseline: totals.nearPoorBaseline,
    poor: totals.poor,
    nearPoor: totals.nearPoor,
    poorReduction: result.poorReduction,
    combinedReduction: result.combinedReduction,
    attained: result.attained && !provisional,
    provisional,
    progress: result.progress,
    communesAttained: communes.filter((c) => c.attained).length,
    score: null,
    outlook: null,
  };
  return { row, communes };
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
    const { row } = unitYearFigures(config, v, year);
    return {
      year,
      expected: row.communes,
      reported: row.communesReported,
      complete: row.communesReported === row.communes,
      problems: v.figureProblems.filter((p) => p.year === undefined || p.year === year).length,
    };
  });
}
