// Counting what one consolidation costs in service calls and cells moved.
import { FakeRange } from '../emulator';

/**
 * Services that are not spreadsheet reads or writes: the same list as
 * test/bundle/consolidate.test.ts (Ui, locks, properties, session...). Spreadsheet.getOwner and
 * User.getEmail are the access check made while Cấu hình lists no analyst.
 */
export const SERVICES_OUTSIDE_SPREADSHEET =
  /^(Spreadsheet\.getOwner|Ui|Menu|PromptResponse|LockService|Lock|PropertiesService|Properties|Session|User|Utilities|HtmlService|Html|Logger|ScriptApp|SpreadsheetApp\.getUi)/;

export interface CallSummary {
  /** Spreadsheet calls (reads, writes, look-ups, toasts, flush). */
  spreadsheet: number;
  /** Everything else (Ui, Lock, Properties, Session...). */
  other: number;
  /** Spreadsheet calls that read or write cell contents. */
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
}

const READ =
  /^Range\.(getValues|getValue|getDisplayValues|getDisplayValue|getFormulas|getFormula|getNotes|getNote)$/;
const WRITE =
  /^Range\.(setValues|setValue|setFormulas|setFormula|clear|clearContent|setNotes|setNote)$|^Sheet\.(appendRow|clear|clearContents)$/;

/** The spreadsheet calls of a snapshot (method → count). */
export function spreadsheetOnly(snapshot: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(snapshot).filter(([name]) => !SERVICES_OUTSIDE_SPREADSHEET.test(name)),
  );
}

export function summarize(snapshot: Record<string, number>): CallSummary {
  let spreadsheet = 0;
  let other = 0;
  let reads = 0;
  let writes = 0;
  for (const [name, n] of Object.entries(snapshot)) {
    if (SERVICES_OUTSIDE_SPREADSHEET.test(name)) {
      other += n;
      continue;
    }
    spreadsheet += n;
    if (READ.test(name)) reads += n;
    if (WRITE.test(name)) writes += n;
  }
  return { spreadsheet, other, reads, writes, byMethod: snapshot };
}

export interface CellCount {
  read: number;
  /** Cells read below the last row that holds anything (whole-column ranges return every row of the sheet). */
  readBelowLastUsedRow: number;
  written: number;
}

function trailingEmpty(v: unknown): number {
  if (!Array.isArray(v)) return 0;
  let r = v.length - 1;
  while (r >= 0 && Array.isArray(v[r]) && (v[r] as unknown[]).every((x) => x === '' || x === null))
    r--;
  let n = 0;
  for (let i = r + 1; i < v.length; i++) n += Array.isArray(v[i]) ? (v[i] as unknown[]).length : 0;
  return n;
}

/**
 * Counts the cells that getValues/getDisplayValues/getFormulas return and setValues/setFormulas
 * receive, for the duration of `fn` (bench instrumentation; the emulator is not changed).
 */
export function countCells<T>(fn: () => T): { result: T; cells: CellCount } {
  const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const cells: CellCount = { read: 0, readBelowLastUsedRow: 0, written: 0 };
  const size = (v: unknown) =>
    Array.isArray(v) ? v.reduce((n: number, r) => n + (Array.isArray(r) ? r.length : 0), 0) : 0;
  const wrapped: [string, (...a: unknown[]) => unknown][] = [];
  for (const name of ['getValues', 'getDisplayValues', 'getFormulas']) {
    const original = proto[name];
    wrapped.push([name, original]);
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args);
      cells.read += size(out);
      cells.readBelowLastUsedRow += trailingEmpty(out);
      return out;
    };
  }
  for (const name of ['setValues', 'setFormulas']) {
    const original = proto[name];
    wrapped.push([name, original]);
    proto[name] = function (this: unknown, ...args: unknown[]) {
      cells.written += size(args[0]);
      return original.apply(this, args);
    };
  }
  try {
    return { result: fn(), cells };
  } finally {
    for (const [name, original] of wrapped) proto[name] = original;
  }
}
