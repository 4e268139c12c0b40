// One emulator scenario of the bench, run in its own process (so its heap and GC settings do not
// disturb the other measurements):  node --import tsx tools/bench/emulatorRun.ts <province|units120> <out.json>
// With BENCH_WAIT=1 it prints "ready" once the workbook is built and waits for a line on stdin
// before the timed consolidation, so that no two timed sections of the bench overlap.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SHEET } from '../../src/sheets/layout';
import { asCsvRows, sampleRecords } from '../demo/sampleData';
import {
  exportResults,
  newWorkbook,
  runConsolidateMenu,
  typeCommuneRows,
  type Workbook,
} from '../workbookDriver';
import { countCells, summarize, type CallSummary, type CellCount } from './calls';
import { round } from './core';
import { UNITS120_COMMUNES, UNITS120, units120Config, syntheticRecords } from './units120';
import { area, profile, selfTime, topFunctions } from './profile';
import { checkTypingEquivalence, typeCommuneRowsBatched } from './typing';
import { PROTECTION_UNFINISHED, runUntilDone, workbookWithConfig, type MenuRun } from './workbooks';

export interface ConsolidationRun {
  ok: boolean;
  message: string;
  wallMs: number;
  cpuMs: number;
  calls: CallSummary;
  cells: CellCount;
}

/** One click of a menu (setup or protection): its calls, cells and message. */
export interface RunSummary {
  message: string;
  calls: CallSummary;
  cells: CellCount;
}

export interface ScenarioResult {
  scenario: 'province' | 'units120';
  /**
   * The clicks of the setup menu that built the workbook (more than one when a run stopped at its
   * time budget), and of the protection menu on the fresh workbook, then again with nothing
   * changed; the virtual clock moved by the high end of the call model (callClock.ts).
   */
  setupRuns: RunSummary[];
  protectFirst: RunSummary[];
  protectRerun: RunSummary[];
  units: number;
  communes: number;
  communeYears: number;
  year: number;
  phasesMs: Record<string, number>;
  /** Service calls of onOpen + the setup menu that built the workbook (spreadsheet calls, others). */
  setupCalls: CallSummary;
  setupCells: CellCount;
  /** How the workbook was built and typed (and the check that the fast path is faithful). */
  method: string[];
  typingEquivalence?: {
    identical: boolean;
    difference?: string;
    units: number;
    communes: number;
    ms: number;
  };
  /** The first attempt, when it failed (then `consolidation` is the run after the workaround). */
  failedAttempt?: ConsolidationRun & { workaround: string };
  /** The first consolidation in this process (the emulator's and HyperFormula's code still cold). */
  consolidation: ConsolidationRun;
  /** Self time of one more consolidation under the profiler, by where the code lives (ms). */
  profileByArea: Record<string, number>;
  profileTop: { name: string; ms: number }[];
  shortlistEntries: number;
  summaryUnits: number;
  heapUsedMb: number;
}

const YEAR = DEFAULT_CONFIG.finalYear;
/** Size of the workbooks on which the fast typing path is compared with typeCommuneRows. */
const EQUIVALENCE_UNITS = 2;
const EQUIVALENCE_COMMUNES = 80;
const CONSOLIDATE_AT = new Date('2025-12-01T01:00:00Z');

function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function consolidateOnce(wb: Workbook): ConsolidationRun {
  wb.emu.calls.reset();
  const t = performance.now();
  const c = process.cpuUsage();
  let ok = true;
  let message = '';
  const { cells } = countCells(() => {
    try {
      message = runConsolidateMenu(wb, YEAR);
    } catch (error) {
      ok = false;
      message = `${(error as Error).name}: ${(error as Error).message}`;
    }
  });
  const wallMs = performance.now() - t;
  const cpu = cpuMs(c);
  if (ok && !message.startsWith('Đã tổng hợp')) ok = false;
  return {
    ok,
    message: message.slice(0, 400),
    wallMs: round(wallMs),
    cpuMs: round(cpu),
    calls: summarize(wb.emu.calls.snapshot()),
    cells,
  };
}

const runSummary = (r: MenuRun): RunSummary => ({
  message: r.message.slice(0, 400),
  calls: summarize(r.calls),
  cells: r.cells,
});

/** The protection menu clicked until it finishes (by the owner, an analyst). */
function protectUntilDone(wb: Workbook): RunSummary[] {
  return runUntilDone(wb.emu, wb.bundle, 'menuProtect', PROTECTION_UNFINISHED).map(runSummary);
}

/** The calls of several clicks together. */
function sumCalls(runs: MenuRun[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.calls)) out[k] = (out[k] ?? 0) + n;
  return out;
}

interface SheetLike {
  getMaxRows(): number;
  insertRowsAfter(after: number, count: number): unknown;
}

/** The analyst adds rows at the bottom of "Đề xuất khen thưởng" (not counted). */
function growShortlistTab(wb: Workbook, rows: number): string {
  return wb.emu.spreadsheet.internal.withoutCounting(() =>
    wb.emu.asOwner(() => {
      const sheet = (
        wb.emu.spreadsheet as unknown as { getSheetByName(n: string): SheetLike | null }
      ).getSheetByName(SHEET.shortlist);
      if (!sheet) return `no tab "${SHEET.shortlist}"`;
      const before = sheet.getMaxRows();
      sheet.insertRowsAfter(before, rows);
      return `the tab "${SHEET.shortlist}" was grown by hand from ${before} to ${before + rows} rows (not counted), then the consolidation was run again`;
    }),
  );
}

async function waitForGo(): Promise<void> {
  if (process.env.BENCH_WAIT !== '1') return;
  process.stdout.write('ready\n');
  const rl = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => rl.once('line', () => resolve()));
  rl.close();
}

async function province(): Promise<ScenarioResult> {
  const phasesMs: Record<string, number> = {};
  let t = performance.now();
  const { result: wb, cells: setupCells } = countCells(() => newWorkbook());
  phasesMs.setup = round(performance.now() - t);
  const setupCalls = summarize(wb.emu.calls.snapshot());
  // newWorkbook() runs the setup with the clock frozen: one run (the bench checks its estimate
  // against the budget).
  const setupRuns = [{ message: '', calls: setupCalls, cells: setupCells }];
  const protectFirst = protectUntilDone(wb);
  const protectRerun = protectUntilDone(wb);
  const records = sampleRecords();
  const rows = asCsvRows(records);
  t = performance.now();
  typeCommuneRows(wb, rows, DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years);
  phasesMs.typing = round(performance.now() - t);
  wb.emu.setNow(CONSOLIDATE_AT);
  await waitForGo();
  return finish(
    wb,
    'province',
    phasesMs,
    setupCalls,
    setupCells,
    { setupRuns, protectFirst, protectRerun },
    DEFAULT_CONFIG.units.length,
    DEFAULT_CONFIG.units.reduce((n, u) => n + u.communes.length, 0),
    records.length,
    [
      'newWorkbook() (menu "Khởi tạo / cập nhật sổ" through the bundle), sampleRecords() typed with typeCommuneRows (one write per unit and year block)',
    ],
  );
}

async function units120(): Promise<ScenarioResult> {
  const phasesMs: Record<string, number> = {};
  const config = units120Config(UNITS120, UNITS120_COMMUNES);
  const records = syntheticRecords(config);
  const rows = asCsvRows(records);

  // The fast typing path is checked against typeCommuneRows on two full-size tabs first.
  let t = performance.now();
  const small = units120Config(EQUIVALENCE_UNITS, EQUIVALENCE_COMMUNES);
  const eq = checkTypingEquivalence(
    () => workbookWithConfig(small),
    asCsvRows(syntheticRecords(small)),
    small.baselineYear,
    small.years,
  );
  const typingEquivalence = {
    ...eq,
    units: EQUIVALENCE_UNITS,
    communes: EQUIVALENCE_COMMUNES,
    ms: round(performance.now() - t),
  };

  t = performance.now();
  const { result: wb, cells: setupCells } = countCells(() => workbookWithConfig(config));
  phasesMs.setup = round(performance.now() - t);
  const setupCalls = summarize(sumCalls(wb.setupRuns));
  const setupRuns = wb.setupRuns.map(runSummary);
  const protectFirst = protectUntilDone(wb);
  const protectRerun = protectUntilDone(wb);
  t = performance.now();
  typeCommuneRowsBatched(wb, rows, config.baselineYear, config.years);
  phasesMs.typing = round(performance.now() - t);
  wb.emu.setNow(CONSOLIDATE_AT);
  await waitForGo();
  const result = await finish(
    wb,
    'units120',
    phasesMs,
    setupCalls,
    setupCells,
    { setupRuns, protectFirst, protectRerun },
    config.units.length,
    UNITS120 * UNITS120_COMMUNES,
    records.length,
    [
      `Cấu hình written with src/sheets/configTab.ts writeConfigSheet (as the owner) for ${UNITS120} units × ${UNITS120_COMMUNES} communes, then menuSetup through the bundle`,
      'figures typed with tools/bench/typing.ts typeCommuneRowsBatched: the same cells and text as typeCommuneRows, one write per unit and year block, HyperFormula recalculated once per tab (lazyRecalc); restored before the timed consolidation',
    ],
  );
  return { ...result, typingEquivalence };
}

async function finish(
  wb: Workbook,
  scenario: 'province' | 'units120',
  phasesMs: Record<string, number>,
  setupCalls: CallSummary,
  setupCells: CellCount,
  protection: { setupRuns: RunSummary[]; protectFirst: RunSummary[]; protectRerun: RunSummary[] },
  units: number,
  communes: number,
  communeYears: number,
  method: string[],
): Promise<ScenarioResult> {
  let consolidation = consolidateOnce(wb);
  let failedAttempt: ScenarioResult['failedAttempt'];
  if (!consolidation.ok && /outside the dimensions of the sheet/.test(consolidation.message)) {
    const workaround = growShortlistTab(wb, 20_000);
    failedAttempt = { ...consolidation, workaround };
    consolidation = consolidateOnce(wb);
  }
  phasesMs.consolidate = consolidation.wallMs;
  if (scenario === 'province') {
    // Again, with the emulator's own code warm (the bundle is evaluated afresh on every call anyway).
    phasesMs.consolidateWarm = consolidateOnce(wb).wallMs;
  }
  const p = await profile(() => {
    runConsolidateMenu(wb, YEAR);
  }, 250);
  const profileByArea = Object.fromEntries([...selfTime(p, area)].map(([k, v]) => [k, round(v)]));
  const profileTop = topFunctions(p, 12);
  let shortlistEntries = -1;
  let summaryUnits = -1;
  try {
    const { summary, shortlist } = exportResults(wb, YEAR);
    shortlistEntries = shortlist.length;
    summaryUnits = summary.districts.length;
  } catch {
    // reported through consolidation.ok
  }
  return {
    scenario,
    units,
    communes,
    communeYears,
    year: YEAR,
    phasesMs,
    setupCalls,
    setupCells,
    ...protection,
    method,
    failedAttempt,
    consolidation,
    profileByArea,
    profileTop,
    shortlistEntries,
    summaryUnits,
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

async function main(): Promise<void> {
  const [scenario, out] = process.argv.slice(2);
  if ((scenario !== 'province' && scenario !== 'units120') || !out) {
    process.stderr.write('usage: emulatorRun.ts <province|units120> <out.json>\n');
    process.exit(2);
  }
  const result = scenario === 'province' ? await province() : await units120();
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write('done\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
