// Figures of one unit for one year: expected and reported communes, sums, commune-level
// attainment (successors include their predecessors' baselines), completeness.
import { ABSENT, tableFromRecords, type CommuneTable } from './communeTable';
import { allYears, findUnit, type Config } from './config';
import { normalizeName } from './names';
import { evaluateCounts, type TargetResult } from './target';
import type { CommuneYear, Merger, Problem, Row } from './types';

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

/** The unit's table: the one validation made, unless the records changed since (or none). */
const rebuilt = new WeakMap<readonly CommuneYear[], CommuneTable>();

function tableOf(config: Config, v: ValidatedUnit): CommuneTable {
  const t = v.table;
  if (t && t.source === v.records && t.sourceLength === v.records.length) return t;
  const cached = rebuilt.get(v.records);
  if (cached && cached.sourceLength === v.records.length) return cached;
  const configured = (findUnit(config, v.unit)?.communes ?? []).map(normalizeName);
  const fresh = tableFromRecords(configured, allYears(config), v.records);
  rebuilt.set(v.records, fresh);
  return fresh;
}

/** True when the unit has at least one valid row in `year`. */
export function hasRowsIn(config: Config, v: ValidatedUnit, year: number): boolean {
  const t = tableOf(config, v);
  const y = t.years.indexOf(year);
  if (y < 0) return false;
  const n = t.communes.length;
  for (let at = y * n; at < (y + 1) * n; at++) if (t.households[at] !== ABSENT) return true;
  return false;
}

/** The first merger of each commune, as `mergers.find((m) => m.commune === c)` finds it. */
const firstMergerIndexes = new WeakMap<
  readonly Merger[],
  { length: number; byCommune: Map<string, Merger> }
>();

function firstMergers(mergers: readonly Merger[]): Map<string, Merger> | null {
  if (mergers.length === 0) return null;
  let index = firstMergerIndexes.get(mergers);
  if (!index || index.length !== mergers.length) {
    const byCommune = new Map<string, Merger>();
    for (const m of mergers) if (!byCommune.has(m.commune)) byCommune.set(m.commune, m);
    index = { length: mergers.length, byCommune };
    firstMergerIndexes.set(mergers, index);
  }
  return index.byCommune;
}

/** True when configured commune c is still expected in `year` (not merged away before it). */
function isExpected(
  t: CommuneTable,
  first: Map<string, Merger> | null,
  c: number,
  year: number,
): boolean {
  if (first === null) return true;
  const m = first.get(t.communes[c]);
  return !m || !(m.year < year);
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

/** A unit's figures for a year without the commune-level detail. */
export type UnitYearTotals = Omit<UnitYearFigures, 'communes'>;

/** What a summary row needs of a unit's year: the totals, with counts of communes, not names. */
export type UnitYearCounts = Pick<
  Row,
  | 'communes'
  | 'communesReported'
  | 'households'
  | 'poorBaseline'
  | 'nearPoorBaseline'
  | 'poor'
  | 'nearPoor'
  | 'provisional'
  | 'attained'
> & { result: TargetResult };

/** The totals of one pass over a unit's table; the names of the communes only when asked for. */
interface Sums extends Omit<
  UnitYearTotals,
  'unit' | 'year' | 'expected' | 'reported' | 'attained'
> {
  expectedCount: number;
  reportedCount: number;
  expected: string[] | null;
  reported: string[] | null;
  /** Table positions of the reported communes. */
  reportedAt: number[] | null;
}

/** One pass over the unit's table for `year`; the names of the communes only if `names`. */
function sumsOf(config: Config, v: ValidatedUnit, year: number, names: boolean): Sums {
  const t = tableOf(config, v);
  const n = t.communes.length;
  const base = config.baselineYear;
  const y = t.years.indexOf(year);
  const b = t.years.indexOf(base);
  const first = firstMergers(v.mergers);
  const expected: string[] | null = names ? [] : null;
  const reported: string[] | null = names ? [] : null;
  const reportedAt: number[] | null = names ? [] : null;
  let expectedCount = 0;
  let reportedCount = 0;
  let households = 0;
  let poor = 0;
  let nearPoor = 0;
  let baselineComplete = true;
  for (let c = 0; c < t.configured; c++) {
    if (isExpected(t, first, c, base) && (b < 0 || t.households[b * n + c] === ABSENT))
      baselineComplete = false;
    if (!isExpected(t, first, c, year)) continue;
    expectedCount++;
    if (expected) expected.push(t.communes[c]);
    const at = y * n + c;
    if (y < 0 || t.households[at] === ABSENT) continue;
    reportedCount++;
    if (reported && reportedAt) {
      reported.push(t.communes[c]);
      reportedAt.push(c);
    }
    households += t.households[at];
    poor += t.poor[at];
    nearPoor += t.nearPoor[at];
  }
  // The baseline counts every valid baseline row, merged-away communes included.
  let poorBaseline = 0;
  let nearPoorBaseline = 0;
  for (let at = b * n; b >= 0 && at < (b + 1) * n; at++) {
    if (t.households[at] === ABSENT) continue;
    poorBaseline += t.poor[at];
    nearPoorBaseline += t.nearPoor[at];
  }
  const complete = reportedCount === expectedCount;
  const problems = v.figureProblems.length
    ? v.figureProblems.filter((p) => affects(p, year, base))
    : [];
  const provisional = !v.known || !complete || !baselineComplete || problems.length > 0;
  // With no commune reported, the sums are 0 and the rule would read "100 % fewer poor
  // households": there is nothing to measure yet (docs/DECISIONS.md 19).
  const result =
    reportedCount === 0
      ? NOTHING_REPORTED
      : evaluateCounts(config.targets, poorBaseline, poor, nearPoorBaseline, nearPoor);
  return {
    expectedCount,
    reportedCount,
    expected,
    reported,
    reportedAt,
    households,
    poor,
    nearPoor,
    poorBaseline,
    nearPoorBaseline,
    complete,
    baselineComplete,
    problems,
    provisional,
    result,
  };
}

function totalsFrom(v: ValidatedUnit, year: number, s: Sums): UnitYearTotals {
  return {
    unit: v.unit,
    year,
    expected: s.expected ?? [],
    reported: s.reported ?? [],
    households: s.households,
    poorBaseline: s.poorBaseline,
    nearPoorBaseline: s.nearPoorBaseline,
    poor: s.poor,
    nearPoor: s.nearPoor,
    complete: s.complete,
    baselineComplete: s.baselineComplete,
    problems: s.problems,
    provisional: s.provisional,
    result: s.result,
    attained: s.result.attained && !s.provisional,
  };
}

/** The totals of a unit's year as a summary row counts them (the trend's years). */
export function unitYearCounts(config: Config, v: ValidatedUnit, year: number): UnitYearCounts {
  const s = sumsOf(config, v, year, false);
  return countsFrom(s.expectedCount, s.reportedCount, s);
}

/** The counts of totals already computed. */
export function countsOf(f: UnitYearTotals): UnitYearCounts {
  return countsFrom(f.expected.length, f.reported.length, f);
}

function countsFrom(
  expected: number,
  reported: number,
  f: Omit<UnitYearCounts, 'communes' | 'communesReported' | 'attained'>,
): UnitYearCounts {
  return {
    communes: expected,
    communesReported: reported,
    households: f.households,
    poorBaseline: f.poorBaseline,
    nearPoorBaseline: f.nearPoorBaseline,
    poor: f.poor,
    nearPoor: f.nearPoor,
    provisional: f.provisional,
    result: f.result,
    attained: f.result.attained && !f.provisional,
  };
}

/** No predecessors: shared, frozen (most communes were never merged). */
const NO_PREDECESSORS = Object.freeze([]) as unknown as string[];

export function unitYearFigures(config: Config, v: ValidatedUnit, year: number): UnitYearFigures {
  const s = sumsOf(config, v, year, true);
  const t = tableOf(config, v);
  const n = t.communes.length;
  const y = t.years.indexOf(year);
  const b = t.years.indexOf(config.baselineYear);
  const targets = config.targets;
  const reportedAt = s.reportedAt ?? [];
  const communes: CommuneFigures[] = new Array(reportedAt.length);
  for (let k = 0; k < reportedAt.length; k++) {
    const c = reportedAt[k];
    const commune = t.communes[c];
    const predecessors = v.mergers.length
      ? predecessorsOf(v.mergers, commune, year)
      : NO_PREDECESSORS;
    // Own baseline row plus those of the predecessors, summed in that order.
    let baselineOk = b >= 0;
    let poorBaseline = 0;
    let nearPoorBaseline = 0;
    for (let j = -1; j < predecessors.length && b >= 0; j++) {
      const p = j < 0 ? c : t.index.get(predecessors[j]);
      const at = p === undefined ? -1 : b * n + p;
      if (at < 0 || t.households[at] === ABSENT) baselineOk = false;
      else {
        poorBaseline += t.poor[at];
        nearPoorBaseline += t.nearPoor[at];
      }
    }
    const at = y * n + c;
    const poor = t.poor[at];
    const nearPoor = t.nearPoor[at];
    const result = evaluateCounts(targets, poorBaseline, poor, nearPoorBaseline, nearPoor);
    communes[k] = {
      unit: v.unit,
      commune,
      year,
      households: t.households[at],
      poorBaseline,
      nearPoorBaseline,
      poor,
      nearPoor,
      predecessors,
      baselineComplete: baselineOk,
      result,
      attained: baselineOk && result.attained,
    };
  }
  return { ...totalsFrom(v, year, s), communes };
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
    const s = sumsOf(config, v, year, false);
    return {
      year,
      expected: s.expectedCount,
      reported: s.reportedCount,
      complete: s.complete,
      problems: v.figureProblems.filter((p) => p.year === undefined || p.year === year).length,
    };
  });
}
