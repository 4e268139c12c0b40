// Bench-only speed-up of the emulator for large workbooks: HyperFormula recalculates after
// every write; here consecutive writes are batched (evaluation suspended) and the batch is
// recalculated before the next read. What the bundle sees is identical (every read sees fully
// computed values) and the service-call counter is untouched (it counts at the API surface).
import type { HyperFormula } from 'hyperformula';
import type { Emulator } from '../emulator';

/** HyperFormula methods that need evaluated values (they throw while evaluation is suspended). */
const READS = [
  'getCellValue',
  'getCellHyperlink',
  'getCellSerialized',
  'getSheetValues',
  'getSheetSerialized',
  'getAllSheetsValues',
  'getAllSheetsSerialized',
  'getRangeValues',
  'getRangeSerialized',
  'paste',
  'getFillRangeData',
  'getCellValueType',
  'getCellValueDetailedType',
  'getCellValueFormat',
  'getNamedExpressionValue',
  'calculateFormula',
] as const;

/** Writes that start (or extend) a batch. */
const WRITES = [
  'setCellContents',
  'addRows',
  'removeRows',
  'addColumns',
  'removeColumns',
  'moveCells',
  'moveRows',
  'moveColumns',
  'setSheetContent',
  'clearSheet',
] as const;

export function hyperFormulaOf(emu: Emulator): HyperFormula {
  return (emu.spreadsheet as unknown as { internal: { hf: HyperFormula } }).internal.hf;
}

/** Turns lazy recalculation on; returns a function that flushes and restores the instance. */
export function lazyRecalc(emu: Emulator): () => void {
  const engine = hyperFormulaOf(emu);
  const hf = engine as unknown as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  const flush = () => {
    if (engine.isEvaluationSuspended()) engine.resumeEvaluation();
  };
  for (const name of READS) {
    const original = hf[name] as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') continue;
    saved.set(name, Object.prototype.hasOwnProperty.call(hf, name) ? original : undefined);
    hf[name] = function (this: unknown, ...args: unknown[]) {
      flush();
      return original.apply(engine, args);
    };
  }
  for (const name of WRITES) {
    const original = hf[name] as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') continue;
    saved.set(name, Object.prototype.hasOwnProperty.call(hf, name) ? original : undefined);
    hf[name] = function (this: unknown, ...args: unknown[]) {
      if (!engine.isEvaluationSuspended()) engine.suspendEvaluation();
      return original.apply(engine, args);
    };
  }
  return () => {
    flush();
    for (const [name, own] of saved) {
      if (own === undefined) delete hf[name];
      else hf[name] = own;
    }
  };
}
