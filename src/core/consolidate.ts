// Consolidation of every unit for one year: the summary, the ranking, the trend and the award
// shortlist, from the units as validation left them (one per configured unit, in Cấu hình
// order). Pure and total: it never throws, whatever the tabs hold.
import { allYears, isAgency, type Config } from './config';
import { reportStatus } from './deadline';
import { submissionDetails } from './submissionDetails';
import { unitYearFigures, type UnitYearFigures } from './figures';
import { compareVi } from './names';
import { outlookFor } from './outlook';
import { scoreUnits } from './scoring';
import { buildProposals, type AnnexItem } from './shortlist';
import { evaluateTarget } from './target';
import type { DistrictRow, Row, ShortlistEntry, Summary, TrendPoint } from './types';
import type { ValidatedUnit } from './validate';

export interface ConsolidateResult {
  summary: Summary;
  shortlist: ShortlistEntry[];
  /** The shortlist's entries the province proposes or forwards, for the annex. */
  annex: AnnexItem[];
}

/**
 * Province totals: sums of the unit rows. Provisional when any unit is provisional; attained
 * only if the totals attain and not provisional. The total row has no score (null): the
 * province is not ranked against anything.
 */
function totalRow(config: Config, rows: Row[]): Row {
  const sum = (f: keyof Row) => rows.reduce((s, r) => s + (r[f] as number), 0);
  const figures = {
    poorBaseline: sum('poorBaseline'),
    nearPoorBaseline: sum('nearPoorBaseline'),
    poor: sum('poor'),
    nearPoor: sum('nearPoor'),
  };
  const result = evaluateTarget(config.targets, figures);
  const provisional = rows.some((r) => r.provisional);
  return {
    name: config.words.provinceRow,
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

function hasData(units: ValidatedUnit[], year: number): boolean {
  return units.some((v) => v.records.some((r) => r.year === year));
}

/**
 * The trend's years: the baseline and each year up to `year` with data. For each, the unit rows
 * (the outlooks read them) and the province total. `figures` are the units' figures for `year`;
 * `agency[i]`: units[i] is an agency, left out of the total.
 */
function yearRows(
  config: Config,
  units: ValidatedUnit[],
  year: number,
  figures: UnitYearFigures[],
  agency: boolean[],
): { year: number; units: Row[]; total: Row }[] {
  return allYears(config)
    .filter((y) => y === config.baselineYear || (y <= year && hasData(units, y)))
    .map((y) => {
      const rows = units.map((v, i) =>
        y === year ? figures[i].row : unitYearFigures(config, v, y).row,
      );
      const areas = rows.filter((_, i) => !agency[i]);
      return { year: y, units: rows, total: totalRow(config, areas) };
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

/**
 * Consolidates the units for `year`: figures, score, ranking, report status, trend, outlooks
 * and the shortlist. `units` are the validated units, one per configured unit. Never throws.
 */
export function consolidateValidated(
  config: Config,
  units: ValidatedUnit[],
  year: number,
  generatedAt: string,
): ConsolidateResult {
  const figures = units.map((v) => unitYearFigures(config, v, year));
  const agency = units.map((v) => isAgency(config, v.unit));
  // Agencies have no progress and are scored apart from nothing: no score (docs/DECISIONS.md).
  const scores = scoreUnits(
    config,
    units
      .map((v, i) => ({
        unit: v.unit,
        criteria: v.criteria.find((c) => c.year === year),
        progress: figures[i].row.progress,
      }))
      .filter((_, i) => !agency[i]),
  );
  const byYear = yearRows(config, units, year, figures, agency);
  const trend = trendOf(byYear);
  const rows: DistrictRow[] = units.map((v, i) => ({
    ...figures[i].row,
    kind: agency[i] ? 'agency' : 'area',
    score: scores.get(v.unit) ?? null,
    outlook: agency[i]
      ? null
      : outlookFor(
          config,
          byYear.map((y) => ({ ...y.units[i], year: y.year })),
          year,
        ),
    rank: 0,
    reportStatus: reportStatus(config, v.submissions, v.unit, year),
    ...submissionDetails(v.submissions, v.unit, year),
    errors: v.problems.map((p) => ({ cell: p.cell, message: p.message })),
  }));
  // Agencies have no figures: ranked after the areas, among themselves (docs/DECISIONS.md).
  const areaRows = rows.filter((r) => r.kind === 'area');
  const agencyRows = rankRows(rows.filter((r) => r.kind === 'agency'));
  const districts = [
    ...rankRows(areaRows),
    ...agencyRows.map((r) => ({ ...r, rank: areaRows.length + r.rank })),
  ];
  const total = { ...totalRow(config, areaRows), outlook: outlookFor(config, trend, year) };
  const { shortlist, annex } = buildProposals(
    config,
    year,
    units.map((v, i) => ({
      row: districts.find((d) => d.name === v.unit) ?? districts[i],
      communes: figures[i].communes,
      allCommunes: v.communes,
      nominations: v.nominations,
      criteria: v.criteria.find((c) => c.year === year),
      submissions: v.submissions,
    })),
  );
  const summary = {
    province: config.province,
    year,
    baselineYear: config.baselineYear,
    generatedAt,
    districts,
    total,
    trend,
  };
  return { summary, shortlist, annex };
}

/** The latest period year with at least one valid commune row; the first period year if none. */
export function latestYearWithData(config: Config, units: ValidatedUnit[]): number {
  const withData = config.years.filter((y) => hasData(units, y));
  return withData.length ? Math.max(...withData) : Math.min(...config.years);
}
