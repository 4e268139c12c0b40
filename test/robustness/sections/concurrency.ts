// Concurrency: two consolidations never interleave their writes, the one that finds the lock
// taken says so in Vietnamese and changes nothing, and a report submitted while a consolidation
// runs is never lost. "While" is made exact by starting the second execution from inside the
// first one's k-th service call (the emulator runs nested executions with their own locks).
import { SHEET } from '../../../src/sheets/layout';
import {
  ANALYST,
  api,
  districtRow,
  exportResults,
  logValues,
  peek,
  runConsolidateMenu,
  snapshotTabs,
  changedTabs,
  UNITS,
  VIETNAMESE,
  YEAR,
  type Baseline,
  type Workbook,
} from '../harness';

const BUSY = /Một lượt tổng hợp khác đang chạy/;
const WRITES =
  /^(Range\.(set|clear|merge|insert|delete|breakApart|sort|copyTo|move)|Sheet\.(insert|delete|append|clear|setName|set)|Spreadsheet\.(insert|delete|set|rename|removeNamedRange)|Properties\.(set|delete)|Protection\.)/;

interface Call {
  method: string;
  execution: number;
}

/** Records every counted service call with the execution making it; `hook` may start another. */
function instrument(
  wb: Workbook,
  hook: (call: Call, index: number) => void,
): { calls: Call[]; stop(): void } {
  const counter = wb.emu.calls;
  const original = counter.hit;
  const calls: Call[] = [];
  counter.hit = function hit(method: string): void {
    original.call(counter, method);
    const call = { method, execution: wb.emu.locks.currentExecution };
    calls.push(call);
    hook(call, calls.length - 1);
  };
  return {
    calls,
    stop() {
      counter.hit = original;
    },
  };
}

/** The writes, as runs of one execution each: [exec, count][]. Interleaving shows as a repeat. */
function writeRuns(calls: Call[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of calls) {
    if (!WRITES.test(c.method)) continue;
    const last = runs.at(-1);
    if (last && last[0] === c.execution) last[1]++;
    else runs.push([c.execution, 1]);
  }
  return runs;
}

const documentProperties = (wb: Workbook) => new Map(wb.emu.properties.document);
const sidebarConsolidate = (wb: Workbook) =>
  wb.bundle.callAs(ANALYST, 'sidebarConsolidate', YEAR) as {
    ok: boolean;
    message?: string;
    value?: { message: string };
  };

/** The tests of this section, on the shared baseline workbook (see ../safety.test.ts). */
export function concurrencyTests(shared: () => Baseline): void {
  let base: Baseline;
  /** Where a second execution starts: the `occurrence`-th call of `method` in the first one. */
  const points: { method: string; occurrence: number }[] = [];
  const occurrence = (calls: Call[], index: number) =>
    calls.slice(0, index + 1).filter((c) => c.method === calls[index].method).length;
  /** Runs `start` once, at the point's call of the first execution. */
  function at(
    point: { method: string; occurrence: number },
    start: () => void,
  ): (call: Call) => void {
    let seen = 0;
    let done = false;
    return (call) => {
      if (done || call.method !== point.method || ++seen !== point.occurrence) return;
      done = true;
      start();
    };
  }
  /** A submission waiting to be logged, so every run has the same calls as the probe. */
  const pendingSubmission = (wb: Workbook) =>
    wb.bundle.callAs(ANALYST, 'sidebarSubmitReport', UNITS[3].name, YEAR);

  beforeAll(() => {
    base = shared();
    // The service calls of one ordinary consolidation (with a submission waiting to be logged):
    // where a second execution can start.
    runConsolidateMenu(base.wb, YEAR); // log what earlier sections left waiting
    pendingSubmission(base.wb);
    const probe = instrument(base.wb, () => undefined);
    runConsolidateMenu(base.wb, YEAR);
    probe.stop();
    // While it reads (the first read, the progress toast, the year prompt), then every call from
    // the lock on: the writes, the properties, the flush, the release.
    const locked = probe.calls.findIndex((c) => c.method === 'Lock.tryLock');
    const reading = new Set(['Range.getValues', 'Spreadsheet.toast', 'Ui.prompt']);
    probe.calls.forEach((c, index) => {
      const first = occurrence(probe.calls, index) === 1;
      if (index >= locked || (first && reading.has(c.method)))
        points.push({ method: c.method, occurrence: occurrence(probe.calls, index) });
    });
  }, 180_000);

  test('a consolidation while another execution holds the document lock: a clear message, nothing changed', () => {
    const wb = base.wb;
    const tabs = snapshotTabs(wb, 'all');
    const properties = documentProperties(wb);
    const release = wb.emu.locks.holdDocumentLock();
    try {
      const message = runConsolidateMenu(wb, YEAR);
      expect(message).toMatch(BUSY);
      expect(message).toMatch(VIETNAMESE);
      const fromSidebar = sidebarConsolidate(wb);
      expect(fromSidebar.ok).toBe(false);
      expect(fromSidebar.message).toMatch(BUSY);
    } finally {
      release();
    }
    expect(changedTabs(tabs, snapshotTabs(wb, 'all'))).toEqual([]);
    expect(documentProperties(wb)).toEqual(properties);
  });

  test('the probe found the service calls of a consolidation to start a second one from', () => {
    expect(points.length).toBeGreaterThanOrEqual(15);
    expect(points.map((p) => p.method)).toEqual(
      expect.arrayContaining([
        'Range.getValues',
        'Range.setValues',
        'Lock.tryLock',
        'Properties.deleteProperty',
      ]),
    );
  });

  /** The summary tab without its time line, the shortlist, and the log's length. */
  function outputs(wb: Workbook): { summary: string; shortlist: string } {
    const mask = (v: unknown) =>
      typeof v === 'string' && /\d{2}\/\d{2}\/\d{4},? \d{1,2}:\d{2}/.test(v) ? '<time>' : v;
    return peek(wb, () => ({
      summary: JSON.stringify(
        api(wb)
          .getSheetByName(SHEET.summary)!
          .getDataRange()
          .getValues()
          .map((r) => r.map(mask)),
      ),
      shortlist: JSON.stringify(
        api(wb).getSheetByName(SHEET.shortlist)!.getDataRange().getValues(),
      ),
    }));
  }

  test('a second consolidation started at any point of a first one: never interleaved, each run complete or refused', () => {
    const wb = base.wb;
    runConsolidateMenu(wb, YEAR);
    const reference = outputs(wb);
    const failures: string[] = [];
    const outcomes = new Set<string>();
    for (const point of points) {
      wb.emu.advance(60_000);
      let second: { ok: boolean; message?: string } | null = null;
      pendingSubmission(wb);
      const spy = instrument(
        wb,
        at(point, () => {
          second = sidebarConsolidate(wb);
        }),
      );
      const logBefore = logValues(wb).length;
      let first: string;
      try {
        first = runConsolidateMenu(wb, YEAR);
      } finally {
        spy.stop();
      }
      const s = second as { ok: boolean; message?: string } | null;
      const runs = writeRuns(spy.calls);
      const executions = runs.map(([e]) => e);
      const interleaved = new Set(executions).size !== executions.length;
      const succeeded = [/^Đã tổng hợp/.test(first), s?.ok === true].filter(Boolean).length;
      const where = `second run started at ${point.method} #${point.occurrence}`;
      outcomes.add(s === null ? 'none' : s.ok ? 'both ran, one after the other' : 'second refused');
      if (s === null) failures.push(`${where}: the second run did not start`);
      else if (interleaved) failures.push(`${where}: writes interleaved ${JSON.stringify(runs)}`);
      else if (!s.ok && !BUSY.test(s.message ?? ''))
        failures.push(`${where}: refused without the lock message: ${s.message}`);
      else if (!/^Đã tổng hợp|Một lượt tổng hợp khác đang chạy/.test(first))
        failures.push(`${where}: first run said "${first}"`);
      // one row per successful run, plus the pending submission's row, written by the first to succeed
      else if (logValues(wb).length !== logBefore + succeeded + 1)
        failures.push(
          `${where}: log grew by ${logValues(wb).length - logBefore}, ${succeeded} runs succeeded`,
        );
      else if (JSON.stringify(outputs(wb)) !== JSON.stringify(reference))
        failures.push(`${where}: the outputs differ from an ordinary run`);
    }
    expect(failures).toEqual([]);
    // Both ways a second run can go were met: before the first took the lock, and after.
    expect([...outcomes].sort()).toEqual(['both ran, one after the other', 'second refused']);
  });

  test('a report submitted at any point of a consolidation is never lost', () => {
    const wb = base.wb;
    // Units without a submission and without errors of 2025, used in turn.
    const free = [6, 7, 9, 10, 11];
    runConsolidateMenu(wb, YEAR); // nothing left waiting
    const loggedBefore = (unit: string) =>
      logValues(wb).filter((row) => row[2] === 'Nộp báo cáo' && row[4] === unit).length;
    const submitted = new Map<string, number>(
      free.map((u) => [UNITS[u].name, loggedBefore(UNITS[u].name)]),
    );
    const failures: string[] = [];
    points.forEach((point, i) => {
      const unit = UNITS[free[i % free.length]].name;
      wb.emu.advance(60_000);
      pendingSubmission(wb);
      let result: { ok: boolean; message?: string } | null = null;
      const spy = instrument(
        wb,
        at(point, () => {
          result = wb.bundle.callAs(ANALYST, 'sidebarSubmitReport', unit, YEAR) as {
            ok: boolean;
            message?: string;
          };
        }),
      );
      try {
        runConsolidateMenu(wb, YEAR);
      } finally {
        spy.stop();
      }
      const r = result as { ok: boolean; message?: string } | null;
      if (!r?.ok)
        failures.push(
          `submission at ${point.method} #${point.occurrence} refused: ${r?.message ?? 'not started'}`,
        );
      else submitted.set(unit, (submitted.get(unit) ?? 0) + 1);
    });
    // The next consolidation shows every submission and the log holds each one exactly once.
    wb.emu.advance(60_000);
    runConsolidateMenu(wb, YEAR);
    const { summary } = exportResults(wb, YEAR);
    const log = logValues(wb);
    for (const [unit, times] of submitted) {
      expect({ unit, status: districtRow(summary, unit).reportStatus }).toEqual({
        unit,
        status: 'on_time',
      });
      const rows = log.filter((row) => row[2] === 'Nộp báo cáo' && row[4] === unit);
      expect({ unit, logged: rows.length }).toEqual({ unit, logged: times });
      const tab = UNITS.find((u) => u.name === unit)!.tab;
      const status = peek(wb, () => api(wb).getSheetByName(tab)!.getRange('A2').getValues()[0][0]);
      expect(String(status)).toMatch(/đã nộp/);
    }
    // Nothing is left waiting to be logged.
    expect(
      [...wb.emu.properties.document.keys()].filter((k) => k.startsWith('gn.pendingLog|')),
    ).toEqual([]);
    expect(failures).toEqual([]);
  });
}
