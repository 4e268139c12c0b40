// Consolidation of every unit for one year: the summary, the ranking, the trend and the
// award shortlist. Pure and total: it never throws, whatever the tabs hold.
import { allYears, type Config } from './config';
import { reportStatus } from './deadline';
import { hasRowsIn, unitYearFigures, type UnitYearFigures } from './figures';
import { compareVi, normalizeName } from './names';
import { outlookOf } from './outlook';
import { scoreUnits } from './scoring';
import { buildShortlist } from './shortlist';
import { evaluateTarget } from './target';
import type {
  DistrictRow,
  Row,
  ShortlistEntry,
  Submission,
  Summary,
  TrendPoint,
  UnitInput,
} from './types';
import { validateUnit, type ValidatedUnit } from './validate';

/** Name of the province total row. */
export const TOTAL_ROW_NAME = 'Toàn tỉnh';

export interface ConsolidateResult {
  summary: Summary;
  shortlist: ShortlistEntry[];
  /** One per configured unit (in Cấu hình order), then one per tab of an unknown unit. */
  validated: ValidatedUnit[];
  /** Figures of each configured unit for the year, in Cấu hình order. */
  figures: UnitYearFigures[];
}

function arr<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

/** Groups the inputs by unit (normalised name) and merges several tabs of the same unit. */
function groupInputs(
  config: Config,
  inputs: UnitInput[],
): { known: UnitInput[]; unknown: UnitInput[] } {
  const byName = new Map<string, UnitInput[]>();
  for (const i of arr(inputs)) {
    if (!i || typeof i !== 'object') continue;
    const key = typeof i.unit === 'string' ? normalizeName(i.unit) : String(i.unit);
    const g = byName.get(key);
    if (g) g.push(i);
    else byName.set(key, [i]);
  }
  // One tab per unit is the rule: its lists are taken as they are, not copied.
  const all = <T>(list: UnitInput[], pick: (i: UnitInput) => T[] | undefined | null): T[] =>
    list.length === 1 ? arr(pick(list[0])) : list.flatMap((i) => arr(pick(i)));
  const merge = (name: string, sheet: string, list: UnitInput[]): UnitInput => ({
    unit: name,
    sheet: list.find((i) => typeof i.sheet === 'string' && i.sheet)?.sheet ?? sheet,
    rows: all(list, (i) => i.rows),
    criteria: all(list, (i) => i.criteria),
    nominations: all(list, (i) => i.nominations),
    submissions: all(list, (i) => i.submissions),
    layoutProblems: all(list, (i) => i.layoutProblems),
  });
  const known = config.units.map((u) => {
    const key = normalizeName(u.name);
    const list = byName.get(key) ?? [];
    byName.delete(key);
    return merge(u.name, u.tab, list);
  });
  const unknown = [...byName.entries()].map(([name, list]) => merge(name, name, list));
  return { known, unknown };
}

/** The summary row of a unit's figures for the year. */
function rowOf(name: string, f: UnitYearFigures, score: number | null): Row {
  return {
    name,
    communes: f.expected.length,
    communesReported: f.reported.length,
    households: f.households,
    poorBaseline: f.poorBaseline,
    nearPoorBaseline: f.nearPoorBaseline,
    poor: f.poor,
    nearPoor: f.nearPoor,
    poorReduction: f.result.poorReduction,
    combinedReduction: f.result.combinedReduction,
    attained: f.attained,
    provisional: f.provisional,
    progress: f.result.progress,
    communesAttained: f.communes.filter((c) => c.attained).length,
    score,
    outlook: null,
  };
}

/**
 * Province totals: sums of the unit rows. Provisional when any unit is provisional or any tab
 * of an unknown unit holds commune rows; attained only if the totals attain and not provisional.
 * The total row has no score (null): the province is not ranked against anything.
 */
function totalRow(config: Config, rows: Row[], extraProvisional: boolean): Row {
  const sum = (f: keyof Row) => rows.reduce((s, r) => s + (r[f] as number), 0);
  const figures = {
    poorBaseline: sum('poorBaseline'),
    nearPoorBaseline: sum('nearPoorBaseline'),
    poor: sum('poor'),
    nearPoor: sum('nearPoor'),
  };
  const result = evaluateTarget(config.targets, figures);
  const provisional = extraProvisional || rows.some((r) => r.provisional);
  return {
    name: TOTAL_ROW_NAME,
    communes: sum('communes'),
    communesReported: sum('communesReported'),
    households: sum('households'),
    ...figures,
    poorReduction: result.poorReduction,
    combinedReduction: result.combinedReduction,
    attained: result.attained && !provisional,
    provisional,
    progress: result.progress,
    communesAttained: sum('communesAttained'),
    score: null,
    outlook: null,
  };
}

/**
 * Ranks by score (highest first; no score last), then progress. Units equal on both share a
 * rank ("1, 2, 2, 4"); the name (Vietnamese collation) only orders the display.
 */
export function rankRows<T extends Row>(rows: T[]): (T & { rank: number })[] {
  // Score, then progress, then the two reductions (docs/DECISIONS.md 20); more is better.
  const keys = rows.map((r) => [
    r.score ?? -Infinity,
    r.progress,
    r.poorReduction ?? -Infinity,
    r.combinedReduction ?? -Infinity,
  ]);
  const better = (ka: number[], kb: number[]) => {
    for (let i = 0; i < ka.length; i++) {
      if (Math.abs(ka[i] - kb[i]) > 1e-12 || (ka[i] !== kb[i] && !Number.isFinite(ka[i] - kb[i])))
        return ka[i] > kb[i];
    }
    return false;
  };
  const ranked = rows.map((r, i) => {
    let rank = 1;
    for (let o = 0; o < rows.length; o++) if (better(keys[o], keys[i])) rank++;
    return { ...r, rank };
  });
  return ranked.sort((a, b) => a.rank - b.rank || compareVi(a.name, b.name));
}

function unknownHasFigures(unknown: ValidatedUnit[]): boolean {
  return unknown.some((v) => v.figureProblems.length > 0 || v.records.length > 0);
}

/**
 * Rows of every known unit and the province total for the baseline and each year up to `year`
 * with data (the trend and the outlooks read them).
 */
function yearRows(
  config: Config,
  known: ValidatedUnit[],
  unknown: ValidatedUnit[],
  year: number,
): { year: number; units: Row[]; total: Row }[] {
  const hasData = (y: number) => known.some((v) => hasRowsIn(v, y));
  return allYears(config)
    .filter((y) => y === config.baselineYear || (y <= year && hasData(y)))
    .map((y) => {
      const units = known.map((v) => rowOf(v.unit, unitYearFigures(config, v, y), null));
      return { year: y, units, total: totalRow(config, units, unknownHasFigures(unknown)) };
    });
}

function trendOf(byYear: { year: number; total: Row }[]): TrendPoint[] {
  return byYear.map(({ year, total: t }) => ({
    year,
    poor: t.poor,
    nearPoor: t.nearPoor,
    households: t.households,
    poorReduction: t.poorReduction,
    combinedReduction: t.combinedReduction,
    progress: t.progress,
    provisional: t.provisional,
  }));
}

/** The units of a consolidation, validated: what `consolidateValidated` reads. */
export interface ValidatedInputs {
  /** One per configured unit, in Cấu hình order (several tabs of a unit are merged first). */
  known: ValidatedUnit[];
  /** The reports submitted by each known unit, in the same order. */
  submissions: Submission[][];
  /** One per unit name that is not in Cấu hình. */
  unknown: ValidatedUnit[];
}

/** Groups the tabs by unit and validates each unit once. Never throws. */
export function validateInputs(config: Config, inputs: UnitInput[]): ValidatedInputs {
  const groups = groupInputs(config, inputs);
  return {
    known: groups.known.map((i) => validateUnit(config, i)),
    submissions: groups.known.map((i) => i.submissions),
    unknown: groups.unknown.map((i) => validateUnit(config, i)),
  };
}

/** Consolidates every unit for `year`. Never throws. */
export function consolidate(
  config: Config,
  inputs: UnitInput[],
  year: number,
  generatedAt: string,
): ConsolidateResult {
  return consolidateValidated(config, validateInputs(config, inputs), year, generatedAt);
}

/** Consolidates validated units for `year`: figures, ranking, trend, outlooks, shortlist. */
export function consolidateValidated(
  config: Config,
  { known, submissions, unknown }: ValidatedInputs,
  year: number,
  generatedAt: string,
): ConsolidateResult {
  const figures = known.map((v) => unitYearFigures(config, v, year));
  const scores = scoreUnits(
    config,
    known.map((v, i) => ({
      unit: v.unit,
      criteria: v.criteria.find((c) => c.year === year),
      progress: figures[i].result.progress,
    })),
  );
  const byYear = yearRows(config, known, unknown, year);
  const trend = trendOf(byYear);
  const rows: DistrictRow[] = known.map((v, i) => ({
    ...rowOf(v.unit, figures[i], scores.get(v.unit) ?? null),
    outlook: outlookOf(
      config,
      byYear.map((y) => ({ ...y.units[i], year: y.year })),
    ),
    rank: 0,
    reportStatus: reportStatus(config, submissions[i] ?? [], v.unit, year),
    errors: v.problems.map((p) => ({ cell: p.cell, message: p.message })),
  }));
  const districts = rankRows(rows);
  const total = {
    ...totalRow(config, rows, unknownHasFigures(unknown)),
    outlook: outlookOf(config, trend),
  };
  const byName = new Map(districts.map((d) => [d.name, d]));
  const shortlist = buildShortlist(config, year, [
    ...known.map((v, i) => ({
      row: byName.get(v.unit) ?? districts[i],
      figures: figures[i],
      nominations: v.nominations,
      known: true,
    })),
    ...unknown.map((v) => {
      const f = unitYearFigures(config, v, year);
      return {
        row: {
          ...rowOf(v.unit, f, null),
          rank: 0,
          reportStatus: 'missing' as const,
          errors: [],
        },
        figures: f,
        nominations: v.nominations,
        known: false,
      };
    }),
  ]);
  return {
    summary: {
      province: config.province,
      year,
      baselineYear: config.baselineYear,
      generatedAt,
      districts,
      total,
      trend,
    },
    shortlist,
    validated: [...known, ...unknown],
    figures,
  };
}

/** The latest period year with at least one valid commune row; the first period year if none. */
export function latestYearWithData(config: Config, validated: ValidatedInputs): number {
  const withData = config.years.filter((y) => validated.known.some((v) => hasRowsIn(v, y)));
  return withData.length ? Math.max(...withData) : Math.min(...config.years);
}
