// The table-driven corpus of bad inputs typed into a unit tab, and the runner that checks, for
// each one, the four promises of PRODUCT.md:
//   1. the message is Vietnamese and names the tab and the cell;
//   2. every other unit is consolidated with exactly the figures it had without the bad input;
//   3. no tab but the three outputs changed during the consolidation;
//   4. the decisions and notes the analyst typed on the shortlist are all still there, by id.
// One baseline workbook is built per test file; each case types its bad input, runs the menu,
// checks, then undoes what it typed and proves the workbook is back to the baseline (so the
// cases stay independent without paying a new workbook each).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { NAMED } from '../../src/sheets/layout';
import {
  ANALYST,
  buildBaseline,
  changedTabs,
  districtRow,
  ensureBuilt,
  exportResults,
  figuresOf,
  logValues,
  peek,
  api,
  rankOrder,
  runConsolidateMenu,
  shortlistNotes,
  snapshotTabs,
  typeShortlistNotes,
  UNITS,
  VIETNAMESE,
  YEAR,
  OUTPUT_TABS,
  type Baseline,
  type TabsSnapshot,
  type TSheet,
  type Workbook,
} from './harness';

export type Expect =
  | {
      kind: 'error';
      /** a fragment of the message the user must see */
      fragment: string | RegExp;
      /** the cell the message must point at */
      cell?: string;
      /** whether the unit's figures must be provisional (tạm tính) */
      provisional?: boolean;
      /** the problem concerns a whole tab (a deleted tab): no cell to name */
      noCell?: boolean;
    }
  /** tolerated: the unit is consolidated exactly as without the input, with no message */
  | { kind: 'accepted' }
  /** no error, but the unit is incomplete: provisional, with fewer communes reported */
  | { kind: 'incomplete'; communesReported: number }
  /** Sheets itself refuses the typing with this exact error; nothing changes */
  | { kind: 'refused'; error: string };

export interface Ctx {
  wb: Workbook;
  unit: number;
  /** the unit's configured name */
  name: string;
  /** the tab's current name (a case may rename it) */
  tab: string;
  sheet(): TSheet;
  /** Types one row of values starting at `a1`, as a person types (strings parsed by Sheets). */
  type(a1: string, ...values: unknown[]): void;
  /** Types a block of rows starting at `a1`. */
  typeRows(a1: string, rows: unknown[][]): void;
  value(a1: string): unknown;
  /** Row number of the first empty row of the nominations block. */
  nominationRow(): number;
  onUndo(fn: () => void): void;
}

export interface Case {
  name: string;
  /** what a person did, in a few words (for docs/RELIABILITY.md) */
  input: string;
  unit: number;
  apply(ctx: Ctx): void;
  expect: Expect;
  /**
   * A bug in a file this suite does not own: the case is declared with test.failing and the
   * text says where the fix belongs. When the fix lands the case fails loudly: remove this.
   */
  knownBug?: string;
}

export interface CaseResult {
  name: string;
  input: string;
  unit: string;
  outcome: string;
  message: string;
  cell: string;
}

/** How a cell is typed back when undoing: its formula, or its value kept as it was. */
function retype(value: unknown, formula: string): unknown {
  if (formula !== '') return formula;
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}

export function makeCtx(wb: Workbook, unit: number): Ctx & { undo(): void } {
  const undos: (() => void)[] = [];
  const ctx: Ctx & { undo(): void } = {
    wb,
    unit,
    name: UNITS[unit].name,
    tab: UNITS[unit].tab,
    sheet() {
      const s = peek(wb, () => api(wb).getSheetByName(ctx.tab));
      if (!s) throw new Error(`no tab ${ctx.tab}`);
      return s;
    },
    type(a1, ...values) {
      ctx.typeRows(a1, [values]);
    },
    typeRows(a1, rows) {
      const s = ctx.sheet();
      peek(wb, () => {
        const range = s.getRange(rowOf(a1), columnOf(a1), rows.length, rows[0].length);
        const values = range.getValues();
        const formulas = range.getFormulas();
        const tabName = ctx.tab;
        undos.push(() =>
          peek(wb, () => {
            const again = api(wb).getSheetByName(tabName) ?? ctx.sheet();
            again
              .getRange(rowOf(a1), columnOf(a1), rows.length, rows[0].length)
              .setValues(values.map((row, r) => row.map((v, c) => retype(v, formulas[r][c]))));
          }),
        );
        range.setValues(rows);
      });
    },
    value(a1) {
      const s = ctx.sheet();
      return peek(wb, () => s.getRange(a1).getValues()[0][0]);
    },
    nominationRow() {
      const s = ctx.sheet();
      return peek(wb, () => {
        const grid = s.getDataRange().getValues();
        const title = grid.findIndex((r) => r[0] === 'ĐỀ CỬ KHEN THƯỞNG');
        let r = title + 2;
        while (r < grid.length && grid[r].slice(0, 7).some((v) => v !== '')) r++;
        return r + 1;
      });
    },
    onUndo(fn) {
      undos.push(() => peek(wb, fn));
    },
    undo() {
      while (undos.length > 0) undos.pop()!();
    },
  };
  return ctx;
}

export function columnOf(a1: string): number {
  const letters = /^([A-Z]+)/.exec(a1)![1];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
export function rowOf(a1: string): number {
  return Number(/(\d+)/.exec(a1)![1]);
}

function summaryTabTexts(wb: Workbook): Set<string> {
  return new Set(
    peek(wb, () => api(wb).getRangeByName(NAMED.summary)!.getValues())
      .flat()
      .filter((v): v is string => typeof v === 'string'),
  );
}

const RESULTS_DIR = join('out', 'robustness');

/**
 * The tabs that differ from the baseline after a case was undone. After a clean run the other
 * tabs were already compared before and after the consolidation, and an undo only touches the
 * unit's own tab and the tabs the case added, so only those are read again.
 */
export function backToBaseline(
  base: Baseline,
  wb: Workbook,
  unit: number,
  after: TabsSnapshot | null,
): string[] {
  if (after === null) return changedTabs(base.clean, snapshotTabs(wb));
  const own = UNITS[unit].tab;
  const names = peek(wb, () =>
    api(wb)
      .getSheets()
      .map((s) => s.getName()),
  ).filter((n) => !OUTPUT_TABS.includes(n));
  const differ: string[] = [];
  if (JSON.stringify(names) !== JSON.stringify([...base.clean.keys()]))
    differ.push(`(the list of tabs: ${names.join(', ')})`);
  for (const [name, snap] of after) {
    if (
      name !== own &&
      base.clean.has(name) &&
      JSON.stringify(snap) !== JSON.stringify(base.clean.get(name))
    )
      differ.push(name);
  }
  if (
    JSON.stringify(snapshotTabs(wb, 'inputs', [own]).get(own)) !==
    JSON.stringify(base.clean.get(own))
  )
    differ.push(own);
  return differ;
}

/** Declares one jest test per case, on a baseline built once for the file. */
export function runCorpus(file: string, cases: Case[]): void {
  let base: Baseline;
  const results: CaseResult[] = [];

  beforeAll(() => {
    ensureBuilt();
    base = buildBaseline();
  }, 180_000);

  afterAll(() => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, `${file}.json`), JSON.stringify(results, null, 2) + '\n');
  });

  cases.forEach((c, i) => {
    (c.knownBug ? test.failing : test)(`${c.name}`, () => {
      const wb = base.wb;
      const victim = UNITS[c.unit].name;
      const notes = typeShortlistNotes(wb, `${file}#${i + 1}`);
      const ctx = makeCtx(wb, c.unit);
      let failure: unknown = null;
      let after: TabsSnapshot | null = null;
      try {
        let thrown: unknown = null;
        try {
          c.apply(ctx);
        } catch (error) {
          thrown = error;
        }
        if (c.expect.kind === 'refused') {
          expect(thrown).toBeInstanceOf(Error);
          expect((thrown as Error).message).toBe(c.expect.error);
        } else if (thrown) throw thrown;

        const logBefore = logValues(wb);
        const before = snapshotTabs(wb);
        wb.emu.advance(60_000);
        const alert = runConsolidateMenu(wb, YEAR);
        after = snapshotTabs(wb);
        // 3. no tab but the outputs changed during the consolidation
        expect(changedTabs(before, after)).toEqual([]);
        expect(alert).toMatch(/^Đã tổng hợp năm 2025/);

        const { summary } = exportResults(wb, YEAR);
        // 2. every other unit exactly as in the baseline (and all of them for tolerated input)
        const tolerated = c.expect.kind === 'accepted' || c.expect.kind === 'refused';
        for (const d of base.summary.districts) {
          if (d.name === victim && !tolerated) continue;
          expect({ unit: d.name, ...figuresOf(districtRow(summary, d.name)) }).toEqual({
            unit: d.name,
            ...figuresOf(d),
          });
        }
        expect(rankOrder(summary, [victim])).toEqual(rankOrder(base.summary, [victim]));

        // 1. the message
        const row = districtRow(summary, victim);
        let message = '';
        let cell = '';
        if (c.expect.kind === 'error') {
          const want = c.expect;
          const hit = row.errors.find((e) =>
            typeof want.fragment === 'string'
              ? e.message.includes(want.fragment)
              : want.fragment.test(e.message),
          );
          if (!hit)
            throw new Error(
              `no message matching ${String(want.fragment)} for ${victim}; got:\n${row.errors.map((e) => e.message).join('\n')}`,
            );
          message = hit.message;
          cell = hit.cell;
          expect(message).toMatch(VIETNAMESE);
          expect(message).toContain(`"${ctx.tab}"`);
          if (!want.noCell) {
            expect(cell).toMatch(/^[A-Z]+[1-9]\d*$/);
            expect(message).toContain(`Trang "${ctx.tab}", ô ${cell}`);
          }
          if (want.cell) expect(cell).toBe(want.cell);
          if (want.provisional !== undefined) expect(row.provisional).toBe(want.provisional);
          if (want.provisional) expect(row.attained).toBe(false);
          expect(message.length).toBeLessThan(2000);
          // The same message on the summary tab, in the alert's list of units, and in "check my data".
          expect(summaryTabTexts(wb).has(message)).toBe(true);
          expect(alert).toContain(victim);
          const check = wb.bundle.callAs(ANALYST, 'sidebarCheckData', victim, YEAR) as {
            ok: boolean;
            value?: { message: string }[];
          };
          expect(check.ok).toBe(true);
          expect(check.value!.map((p) => p.message)).toContain(message);
        } else {
          expect(row.errors).toEqual(districtRow(base.summary, victim).errors);
        }
        if (c.expect.kind === 'incomplete') {
          expect(row.provisional).toBe(true);
          expect(row.attained).toBe(false);
          expect(row.communesReported).toBe(c.expect.communesReported);
          message = `(không có thông báo lỗi) ${victim}: tạm tính, ${row.communesReported}/${row.communes} xã có số liệu`;
        }

        // 4. the analysts' decisions and notes, by id
        const kept = shortlistNotes(wb);
        for (const [id, typed] of notes)
          expect({ id, notes: kept.get(id) }).toEqual({ id, notes: typed });
        // …and the log gained exactly one row, losing none
        const logAfter = logValues(wb);
        expect(logAfter.length).toBe(logBefore.length + 1);
        expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);

        results.push({
          name: c.name,
          input: c.input,
          unit: victim,
          outcome:
            c.expect.kind === 'error'
              ? row.provisional
                ? 'lỗi, đơn vị tạm tính'
                : 'lỗi được liệt kê'
              : c.expect.kind === 'accepted'
                ? 'chấp nhận'
                : c.expect.kind === 'incomplete'
                  ? 'thiếu số liệu, tạm tính'
                  : 'Sheets từ chối',
          message: c.expect.kind === 'refused' ? c.expect.error : message,
          cell,
        });
      } catch (error) {
        failure = error;
      } finally {
        try {
          ctx.undo();
        } catch (error) {
          failure ??= error;
        }
        const left = backToBaseline(base, wb, c.unit, failure === null ? after : null);
        if (left.length > 0) {
          // Start the next case from a clean workbook; report this one.
          base = buildBaseline();
          failure ??= new Error(
            `the case was not undone: tabs ${left.join(', ')} differ from the baseline`,
          );
        }
      }
      if (failure) throw failure;
    });
  });
}

/** Results written by every corpus file (for docs/RELIABILITY.md). */
export function readResults(): CaseResult[] {
  const files = ['corpus'];
  return files.flatMap((f) => {
    const path = join(RESULTS_DIR, `${f}.json`);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CaseResult[]) : [];
  });
}
