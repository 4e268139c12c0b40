// Figures of one unit for one year: expected and reported communes, sums, commune-level
// attainment (successors include their predecessors' baselines), completeness.
import { allYears, findUnit, type Config } from './config';
import { normalizeName } from './names';
import { evaluateTarget, type TargetResult } from './target';
import type { CommuneYear, Merger, Problem } from './types';
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

/** Configured communes of the unit not merged away before the year. */
export function expectedCommunes(config: Config, v: ValidatedUnit, year: number): string[] {
  const unit = findUnit(config, v.unit);
  const configured = (unit?.communes ?? []).map(normalizeName);
  return configured.filter((c) => {
    const m = v.mergers.find((x) => x.commune === c);
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

export function unitYearFigures(config: Config, v: ValidatedUnit, year: number): UnitYearFigures {
  const byKey = new Map<string, CommuneYear>();
  for (const r of v.records) byKey.set(`${r.year}\u0000${r.commune}`, r);
  const rowOf = (commune: string, y: number) => byKey.get(`${y}\u0000${commune}`);
  const base = config.baselineYear;
  const expected = expectedCommunes(config, v, year);
  const reported = expected.filter((c) => rowOf(c, year) !== undefined);
  const baselineExpected = expectedCommunes(config, v, base);
  const baselineRows = v.records.filter((r) => r.year === base);
  const yearRows = reported.map((c) => rowOf(c, year) as CommuneYear);
  const sum = (rows: CommuneYear[], f: 'households' | 'poor' | 'nearPoor') =>
    rows.reduce((s, r) => s + r[f], 0);
  const figures = {
    poorBaseline: sum(baselineRows, 'poor'),
    nearPoorBaseline: sum(baselineRows, 'nearPoor'),
    poor: sum(yearRows, 'poor'),
    nearPoor: sum(yearRows, 'nearPoor'),
  };
  const complete = reported.length === expected.length;
  const baselineComplete = baselineExpected.every((c) => rowOf(c, base) !== undefined);
  const problems = v.figureProblems.filter((p) => affects(p, year, base));
  const provisional = !v.known || !complete || !baselineComplete || problems.length > 0;
  const result = evaluateTarget(config.targets, figures);

  const communes = yearRows.map((r): CommuneFigures => {
    const predecessors = predecessorsOf(v.mergers, r.commune, year);
    const own = [r.commune, ...predecessors].map((c) => rowOf(c, base));
    const baselineOk = own.every((x) => x !== undefined);
    const b = own.filter((x): x is CommuneYear => x !== undefined);
    const f = {
      poorBaseline: sum(b, 'poor'),
      nearPoorBaseline: sum(b, 'nearPoor'),
      poor: r.poor,
      nearPoor: r.nearPoor,
    };
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

  return {
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
    communes,
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
    const expected = expectedCommunes(config, v, year);
    const have = new Set(v.records.filter((r) => r.year === year).map((r) => r.commune));
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
