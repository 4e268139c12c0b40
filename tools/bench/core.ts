// Core time against a bare loop: consolidate() of the national records in the pure core versus a
// plain loop that only sums households, poor and near-poor per unit per year over the same raw
// objects. Same process, warm-up first, median of several runs.
import { performance } from 'node:perf_hooks';
import type { Config } from '../../src/core/config';
import type { UnitInput } from '../../src/core/types';
import type { CoreApi } from './coreBuild';
import { area, callersOf, profile, selfTime, topFunctions } from './profile';

export interface CoreResult {
  units: number;
  communeYears: number;
  runs: number;
  consolidateMs: number;
  consolidateRunsMs: number[];
  bareLoopMs: number;
  bareLoopRunsMs: number[];
  /** Median of the per-run ratios (each core run paired with the bare-loop sample taken right after it). */
  ratioToBareLoop: number;
  /** Median core time ÷ median bare-loop time. */
  ratioOfMedians: number;
  /** Stage timings (median ms) of the main parts of consolidate(). */
  stagesMs: Record<string, number>;
  /** Where consolidate() spends its time (self time, ms, from the CPU profile of a few runs). */
  hotSpots: { name: string; ms: number }[];
  /** Who calls the three hottest functions (ms of their self time, per run). */
  hotCallers: { chain: string; ms: number }[];
  profileByArea: Record<string, number>;
  checksum: { bare: number; core: number };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds per call of `fn`, repeating it until at least `minMs` have passed. */
function timeOnce(fn: () => unknown, minMs = 0): number {
  let n = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    fn();
    n++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / n;
}

/** The bare loop: households, poor and near-poor summed per unit per year. */
export function bareLoop(inputs: UnitInput[]): Map<string, Map<number, [number, number, number]>> {
  const out = new Map<string, Map<number, [number, number, number]>>();
  for (const input of inputs) {
    const byYear = new Map<number, [number, number, number]>();
    for (const r of input.rows) {
      const year = r.year as number;
      let s = byYear.get(year);
      if (!s) {
        s = [0, 0, 0];
        byYear.set(year, s);
      }
      s[0] += r.households as number;
      s[1] += r.poor as number;
      s[2] += r.nearPoor as number;
    }
    out.set(input.unit, byYear);
  }
  return out;
}

export async function benchCore(
  core: CoreApi,
  config: Config,
  inputs: UnitInput[],
  year: number,
  runs = 7,
): Promise<CoreResult> {
  const { consolidate, validateUnit, unitYearFigures } = core;
  const generatedAt = '2025-12-01T01:00:00.000Z';
  let sink = 0;
  const runCore = () => {
    const r = consolidate(config, inputs, year, generatedAt);
    sink += r.summary.total.poor;
    return r;
  };
  const runBare = () => {
    const m = bareLoop(inputs);
    for (const byYear of m.values()) sink += byYear.get(year)?.[1] ?? 0;
    return m;
  };
  // Warm-up: both paths, a few times, so that both are optimised before timing.
  for (let i = 0; i < 2; i++) {
    runCore();
    for (let k = 0; k < 20; k++) runBare();
  }
  const coreRuns: number[] = [];
  const bareRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that both see the same machine load; the bare loop is repeated for
    // at least 50 ms per sample (it is too short to time once).
    coreRuns.push(timeOnce(runCore));
    bareRuns.push(timeOnce(runBare, 50));
  }
  const coreResult = runCore();
  const bare = bareLoop(inputs);
  const bareTotal = [...bare.values()].reduce((s, m) => s + (m.get(year)?.[1] ?? 0), 0);

  // Stages, timed separately (the same calls consolidate() makes, in the same order).
  const stageRuns: Record<string, number[]> = {
    validateUnit: [],
    'unitYearFigures (year)': [],
    'unitYearFigures (trend: every year)': [],
  };
  for (let i = 0; i < 3; i++) {
    let validated = inputs.map((u) => validateUnit(config, u));
    stageRuns.validateUnit.push(
      timeOnce(() => (validated = inputs.map((u) => validateUnit(config, u)))),
    );
    stageRuns['unitYearFigures (year)'].push(
      timeOnce(() => validated.map((v) => unitYearFigures(config, v, year))),
    );
    const years = [config.baselineYear, ...config.years].filter((y) => y <= year);
    stageRuns['unitYearFigures (trend: every year)'].push(
      timeOnce(() => years.map((y) => validated.map((v) => unitYearFigures(config, v, y)))),
    );
  }
  const stagesMs = Object.fromEntries(
    Object.entries(stageRuns).map(([k, v]) => [k, round(median(v))]),
  );

  const profiled = 2;
  const p = await profile(() => {
    for (let i = 0; i < profiled; i++) runCore();
  }, 100);
  const scale = 1 / profiled;
  const hotSpots = topFunctions(
    p,
    15,
    (f) => !f.url.includes('/tools/bench/') || f.url.includes('/out/bench/'),
  ).map((h) => ({ name: h.name, ms: round(h.ms * scale) }));
  const hotCallers = hotSpots
    .map((h) => h.name.replace(/ \(.*$/, ''))
    .filter((name) => !name.startsWith('('))
    .slice(0, 3)
    .flatMap((name) => callersOf(p, name, 3, 2))
    .map((c) => ({ chain: c.chain, ms: round(c.ms * scale) }));
  const profileByArea = Object.fromEntries(
    [...selfTime(p, area)].map(([k, v]) => [k, round(v * scale)]),
  );
  if (sink === -1) console.log(sink);

  const consolidateMs = median(coreRuns);
  const bareLoopMs = median(bareRuns);
  return {
    units: inputs.length,
    communeYears: inputs.reduce((n, u) => n + u.rows.length, 0),
    runs,
    consolidateMs: round(consolidateMs),
    consolidateRunsMs: coreRuns.map(round),
    bareLoopMs: round(bareLoopMs, 4),
    bareLoopRunsMs: bareRuns.map((x) => round(x, 4)),
    ratioToBareLoop: round(median(coreRuns.map((c, i) => c / bareRuns[i])), 1),
    ratioOfMedians: round(consolidateMs / bareLoopMs, 1),
    stagesMs,
    hotSpots,
    hotCallers,
    profileByArea,
    checksum: { bare: bareTotal, core: coreResult.summary.total.poor },
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
