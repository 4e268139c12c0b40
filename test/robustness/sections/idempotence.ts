// Idempotence and history: 20 consolidations in a row give the same summary (apart from the
// time line), the same shortlist and the same JSON; Nhật ký grows by exactly one row per run and
// never loses or changes a row; the analysts' notes survive all of them.
import { SHEET } from '../../../src/sheets/layout';
import {
  api,
  exportResults,
  logValues,
  OUTPUT_TABS,
  peek,
  runConsolidateMenu,
  shortlistNotes,
  snapshotTabs,
  changedTabs,
  typeShortlistNotes,
  YEAR,
  type Baseline,
  type Workbook,
} from '../harness';

const RUNS = 20;
/** A date and time as the outputs show it (the time line of a run). */
const TIME = /\d{2}\/\d{2}\/\d{4},? \d{1,2}:\d{2}/;

function outputTabs(wb: Workbook): Record<string, unknown[][]> {
  return peek(wb, () =>
    Object.fromEntries(
      OUTPUT_TABS.filter((name) => name !== SHEET.log && api(wb).getSheetByName(name) !== null).map(
        (name) => [
          name,
          api(wb)
            .getSheetByName(name)!
            .getDataRange()
            .getValues()
            .map((row) =>
              row.map((v) =>
                typeof v === 'string' && TIME.test(v)
                  ? v.replace(TIME, '<time>')
                  : v instanceof Date
                    ? '<date>'
                    : v,
              ),
            ),
        ],
      ),
    ),
  );
}

/** The tests of this section, on the shared baseline workbook (see ../safety.test.ts). */
export function idempotenceTests(shared: () => Baseline): void {
  let base: Baseline;
  beforeAll(() => {
    base = shared();
  }, 180_000);

  test(`${RUNS} consolidations in a row: same outputs, one more log row each, notes kept`, () => {
    const wb = base.wb;
    const typed = typeShortlistNotes(wb, 'lần đầu');
    const inputs = snapshotTabs(wb);
    const firstAlert = runConsolidateMenu(wb, YEAR);
    const first = outputTabs(wb);
    const firstJson = exportResults(wb, YEAR);
    const seenTimes = new Set<string>([firstJson.summary.generatedAt]);
    let log = logValues(wb);
    for (let run = 2; run <= RUNS; run++) {
      wb.emu.advance(7 * 60_000);
      expect(runConsolidateMenu(wb, YEAR)).toBe(firstAlert);
      expect({ run, tabs: outputTabs(wb) }).toEqual({ run, tabs: first });
      const json = exportResults(wb, YEAR);
      seenTimes.add(json.summary.generatedAt);
      expect({ run, summary: { ...json.summary, generatedAt: '' } }).toEqual({
        run,
        summary: { ...firstJson.summary, generatedAt: '' },
      });
      expect({ run, shortlist: json.shortlist }).toEqual({ run, shortlist: firstJson.shortlist });
      const next = logValues(wb);
      expect(next.length).toBe(log.length + 1);
      expect(next.slice(0, log.length)).toEqual(log);
      log = next;
    }
    // Each run has its own time, the inputs never changed, the notes are all there.
    expect(seenTimes.size).toBe(RUNS);
    expect(changedTabs(inputs, snapshotTabs(wb))).toEqual([]);
    const kept = shortlistNotes(wb);
    for (const [id, notes] of typed) expect({ id, notes: kept.get(id) }).toEqual({ id, notes });
  });

  test("switching years back and forth does not change a year's results", () => {
    const wb = base.wb;
    runConsolidateMenu(wb, YEAR);
    const of2025 = outputTabs(wb);
    const log = logValues(wb);
    for (const year of [2022, 2024, YEAR]) {
      wb.emu.advance(60_000);
      expect(runConsolidateMenu(wb, year)).toMatch(new RegExp(`^Đã tổng hợp năm ${year}`));
    }
    expect(outputTabs(wb)).toEqual(of2025);
    const after = logValues(wb);
    expect(after.length).toBe(log.length + 3);
    expect(after.slice(0, log.length)).toEqual(log);
  });
}
