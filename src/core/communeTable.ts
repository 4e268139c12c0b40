// A unit's valid commune-year figures laid out by year and commune: what the figures, the trend
// and the shortlist read, by position instead of a Map lookup per row. Validation fills it as
// it accepts rows (src/core/records.ts); figures.ts rebuilds it from the records when the
// records were changed or made by hand.
import type { CommuneYear } from './types';

/** Households of a commune-year without a valid row. Valid counts are ≥ 0. */
export const ABSENT = -1;

export interface CommuneTable {
  /** The configured communes (normalised, Cấu hình order), then any other commune of a record. */
  communes: string[];
  /** How many of `communes` are configured. */
  configured: number;
  /** Position of each commune in `communes` (the first, should a name repeat). */
  index: Map<string, number>;
  /** The baseline year and the years of the period, ascending. */
  years: readonly number[];
  /**
   * Figures of the valid row of commune c in years[y], at [y * communes.length + c];
   * households is ABSENT when there is none.
   */
  households: Float64Array;
  poor: Float64Array;
  nearPoor: Float64Array;
  /** The records array the table was made from and its length then (to notice a change). */
  source: readonly CommuneYear[] | null;
  sourceLength: number;
}

export function newTable(configured: readonly string[], years: readonly number[]): CommuneTable {
  const index = new Map<string, number>();
  for (let i = 0; i < configured.length; i++)
    if (!index.has(configured[i])) index.set(configured[i], i);
  const size = configured.length * years.length;
  return {
    communes: configured.slice(),
    configured: configured.length,
    index,
    years,
    households: new Float64Array(size).fill(ABSENT),
    poor: new Float64Array(size),
    nearPoor: new Float64Array(size),
    source: null,
    sourceLength: 0,
  };
}

/** Records one valid row (the last one wins, as in a Map filled in row order). */
export function putRow(t: CommuneTable, y: number, c: number, r: CommuneYear): void {
  const at = y * t.communes.length + c;
  t.households[at] = r.households;
  t.poor[at] = r.poor;
  t.nearPoor[at] = r.nearPoor;
}

/** The table of `records` for a unit whose configured communes are `configured`. */
export function tableFromRecords(
  configured: readonly string[],
  years: readonly number[],
  records: readonly CommuneYear[],
): CommuneTable {
  const extra: string[] = [];
  const known = new Set(configured);
  for (const r of records) {
    if (!known.has(r.commune)) {
      known.add(r.commune);
      extra.push(r.commune);
    }
  }
  const t = newTable(extra.length ? [...configured, ...extra] : configured, years);
  t.configured = configured.length;
  for (const r of records) {
    const y = years.indexOf(r.year);
    if (y >= 0) putRow(t, y, t.index.get(r.commune) as number, r);
  }
  t.source = records;
  t.sourceLength = records.length;
  return t;
}
