// Figures of one unit for one year: expected and reported communes, sums, commune-level
// attainment (successors include their predecessors' baselines), completeness.
import { allYears, findUnit, type Config } from './config';
import { normalizeName } from './names';
import { evaluateTarget, type TargetResult } from './target';
import type { CommuneYear, Merger, Problem } from './types';

const NOTHING_REPORTED: TargetResult = { poorReduction: null, combinedReduction: null, attained: false, progress: 0 };
import type { ValidatedUnit } from './validate';

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

/**
 * A unit's valid rows by year and commune, built once per records array (a consolidation asks
 * for the same unit's figures for the year and for every year of the trend). For a commune
 * with several rows in a year the last one wins, as a Map filled in record order would have it.
 */
interface RecordIndex {
  length: number;
  byYear: Map<number, { rows: CommuneYear[]; byCommune: Map<string, CommuneYear> }>;
}

const recordIndexes = new WeakMap<readonly CommuneYear[], RecordIndex>();

function recordIndex(records: readonly CommuneYear[]): RecordIndex {
  let index = recordIndexes.get(records);
  if (!index || index.length !== records.length) {
    const byYear: RecordIndex['byYear'] = new Map();
    for (const r of records) {
      let y = byYear.get(r.year);
      if (!y) {
        y = { rows: [], byCommune: new Map() };
        byYear.set(r.year, y);
      }
      y.rows.push(r);
      y.byCommune.set(r.commune, r);
    }
    index = { length: records.length, byYear };
    recordIndexes.set(records, index);
  }
  return index;
}

const NO_ROWS: { rows: CommuneYear[]; byCommune: Map<string, CommuneYear> } = {
  rows: [],
  byCommune: new Map(),
};

function rowsOfYear(v: ValidatedUnit, year: number) {
  return recordIndex(v.records).byYear.get(year) ?? NO_ROWS;
}

/** True when the unit has at least one valid row in `year`. */
export function hasRowsIn(v: ValidatedUnit, year: number): boolean {
  return rowsOfYear(v, year).rows.length > 0;
}

/** The first merger of each commune, as `mergers.find((m) => m.commune === c)` finds it. */
const mergerIndexes = new WeakMap<
  readonly Merger[],
  { length: number; byCommune: Map<string, Merger> }
>();

function mergerOf(mergers: readonly Merger[], commune: string): Merger | undefined {
  if (mergers.length === 0) return undefined;
  let index = mergerIndexes.get(mergers);
  if (!index || index.length !== mergers.length) {
    const byCommune = new Map<string, Merger>();
    for (const m of mergers) if (!byCommune.has(m.commune)) byCommune.set(m.commune, m);
    index = { length: mergers.length, byCommune };
    mergerIndexes.set(mergers, index);
  }
  return index.byCommune.get(commune);
}

/** Configured communes of the unit not merged away before the year. */
export function expectedCommunes(config: Config, v: ValidatedUnit, year: number): string[] {
  const unit = findUnit(config, v.unit);
  const configured = (unit?.communes ?? []).map(normalizeName);
  return configured.filter((c) => {
    const m = mergerOf(v.mergers, c);
    return !m || !(m.year < year);
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

/** A unit's figures for a year without the commune-level detail (what the trend needs). */
export type UnitYearTotals = Omit<UnitYearFigures, 'communes'>;

function sum(rows: readonly CommuneYear[], f: 'households' | 'poor' | 'nearPoor'): number {
  let s = 0;
  for (const r of rows) s += r[f];
  return s;
}

/** The totals, and the year's rows of the reported communes (in the configured order). */
function totalsOf(
  config: Config,
  v: ValidatedUnit,
  year: number,
): { totals: UnitYearTotals; yearRows: CommuneYear[] } {
  const base = config.baselineYear;
  const inYear = rowsOfYear(v, year).byCommune;
  const inBase = rowsOfYear(v, base);
  const expected = expectedCommunes(config, v, year);
  const yearRows: CommuneYear[] = [];
  const reported: string[] = [];
  for (const c of expected) {
    const r = inYear.get(c);
    if (r !== undefined) {
      reported.push(c);
      yearRows.push(r);
    }
  }
  const baselineExpected = expectedCommunes(config, v, base);
  const baselineRows = inBase.rows;
  const figures = {
    poorBaseline: sum(baselineRows, 'poor'),
    nearPoorBaseline: sum(baselineRows, 'nearPoor'),
    poor: sum(yearRows, 'poor'),
    nearPoor: sum(yearRows, 'nearPoor'),
  };
  const complete = reported.length === expected.length;
  const baselineComplete = baselineExpected.every((c) => inBase.byCommune.get(c) !== undefined);
  const problems = v.figureProblems.filter((p) => affects(p, year, base));
  const provisional = !v.known || !complete || !baselineComplete || problems.length > 0;
  // With no commune reported, the sums are 0 and the rule would read "100 % fewer poor
  // households": there is nothing to measure yet (docs/DECISIONS.md 18).
  const result = reported.length === 0 ? NOTHING_REPORTED : evaluateTarget(config.targets, figures);
  const totals: UnitYearTotals = {
    unit: v.unit,
    year,
    expected,
    reported,
    households: sum(yearRows, 'households'),
    ...figures,
    complete,
    baselineComplete,
    problems,
    provisional,
    result,
    attained: result.attained && !provisional,
  };
  return { totals, yearRows };
}

/** unitYearFigures without the communes: the same totals, for the trend's years. */
export function unitYearTotals(config: Config, v: ValidatedUnit, year: number): UnitYearTotals {
  return totalsOf(config, v, year).totals;
}

export function unitYearFigures(config: Config, v: ValidatedUnit, year: number): UnitYearFigures {
  const { totals, yearRows } = totalsOf(config, v, year);
  const inBase = rowsOfYear(v, config.baselineYear).byCommune;
  const communes = yearRows.map((r): CommuneFigures => {
    const predecessors = v.mergers.length ? predecessorsOf(v.mergers, r.commune, year) : [];
    // Own baseline row plus those of the predecessors, summed in that order.
    let baselineOk = true;
    let poorBaseline = 0;
    let nearPoorBaseline = 0;
    for (let k = -1; k < predecessors.length; k++) {
      const x = inBase.get(k < 0 ? r.commune : predecessors[k]);
      if (x === undefined) baselineOk = false;
      else {
        poorBaseline += x.poor;
        nearPoorBaseline += x.nearPoor;
      }
    }
    const f = { poorBaseline, nearPoorBaseline, poor: r.poor, nearPoor: r.nearPoor };
    const res = evaluateTarget(config.targets, f);
    return {
      unit: v.unit,
      commune: r.commune,
      year,
      households: r.households,
      ...f,
      predecessors,
      baselineComplete: baselineOk,
      result: res,
      attained: baselineOk && res.attained,
    };
  });
  return { ...totals, communes };
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
    const expected = expectedCommunes(config, v, year);
    const have = rowsOfYear(v, year).byCommune;
    const reported = expected.filter((c) => have.has(c)).length;
    return {
      year,
      expected: expected.length,
      reported,
      complete: reported === expected.length,
      problems: v.figureProblems.filter((p) => p.year === undefined || p.year === year).length,
    };
  });
}
