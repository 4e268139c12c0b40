// Time of the pure core on a scenario's records: validation of every unit (validateUnit, what
// the sheets reader does once per tab) and the consolidation of all units
// (consolidateValidated), each timed on its own in the same process, warm-up first, medians of
// `runs`. tools/bench.ts reports their sum as a share of the consolidation's estimated service
// time in real Google Sheets (docs/BENCH.md).
import { performance } from 'node:perf_hooks';
import type { Config } from '../../src/core/config';
import type { UnitInput } from '../../src/core/types';
import type { CoreApi } from './coreBuild';
import { profile, topFunctions, type CpuProfile } from './profile';

export interface CoreResult {
  units: number;
  communeYears: number;
  runs: number;
  /** validateUnit() of every unit: raw rows → validated units (median ms). */
  validationMs: number;
  validationRunsMs: number[];
  /** consolidateValidated() of all units for the year (median ms). */
  consolidationMs: number;
  consolidationRunsMs: number[];
  /** validationMs + consolidationMs: the core's share of one consolidation. */
  coreMs: number;
  /** Parts of the consolidation timed on their own (median ms). */
  stagesMs: Record<string, number>;
  /** Entries of the shortlist (one per attained commune, plus units and nominations). */
  shortlistEntries: number;
  /** Where the consolidation spends its time (self time, ms per run, from a CPU profile). */
  hotSpots: { name: string; ms: number }[];
  /** Where validation spends its time. */
  validationHotSpots: { name: string; ms: number }[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Milliseconds of each of `runs` calls of `fn`, after two warm-up calls. */
function timeRuns(fn: () => unknown, runs: number): number[] {
  for (let i = 0; i < 2; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

function hotSpotsOf(p: CpuProfile, runs: number): { name: string; ms: number }[] {
  return topFunctions(
    p,
    15,
    (f) => !f.url.includes('/tools/bench/') || f.url.includes('/out/bench/'),
  ).map((h) => ({ name: h.name, ms: round(h.ms / runs) }));
}

export async function benchCore(
  core: CoreApi,
  config: Config,
  inputs: UnitInput[],
  year: number,
  runs = 7,
): Promise<CoreResult> {
  const { validateUnit, consolidateValidated, unitYearFigures, buildShortlist } = core;
  const generatedAt = '2025-12-01T01:00:00.000Z';
  const validate = () => inputs.map((input) => validateUnit(config, input));
  const units = validate();
  const consolidate = () => consolidateValidated(config, units, year, generatedAt);
  const validation = timeRuns(validate, runs);
  const consolidation = timeRuns(consolidate, runs);

  const result = consolidate();
  const figures = units.map((v) => unitYearFigures(config, v, year));
  const shortlistUnits = units.map((v, i) => ({
    row: result.summary.districts.find((d) => d.name === v.unit) ?? result.summary.districts[i],
    communes: figures[i].communes,
    allCommunes: v.communes,
    nominations: v.nominations,
    criteria: v.criteria.find((c) => c.year === year),
    submissions: v.submissions,
  }));
  const stagesMs = {
    'unitYearFigures (the year, every unit)': round(
      median(timeRuns(() => units.map((v) => unitYearFigures(config, v, year)), runs)),
      3,
    ),
    'buildShortlist (every proposal and nomination, with its texts)': round(
      median(timeRuns(() => buildShortlist(config, year, shortlistUnits), runs)),
      3,
    ),
  };

  const profiled = 10;
  const p = await profile(() => {
    for (let i = 0; i < profiled; i++) consolidate();
  }, 100);
  const pv = await profile(() => {
    for (let i = 0; i < 2; i++) validate();
  }, 100);

  const validationMs = round(median(validation), 3);
  const consolidationMs = round(median(consolidation), 3);
  return {
    units: inputs.length,
    communeYears: inputs.reduce((n, u) => n + u.rows.length, 0),
    runs,
    validationMs,
    validationRunsMs: validation.map((x) => round(x, 3)),
    consolidationMs,
    consolidationRunsMs: consolidation.map((x) => round(x, 3)),
    coreMs: round(validationMs + consolidationMs, 3),
    stagesMs,
    shortlistEntries: result.shortlist.length,
    hotSpots: hotSpotsOf(p, profiled),
    validationHotSpots: hotSpotsOf(pv, 2),
  };
}
