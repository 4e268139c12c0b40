/** Named ranges (SHEETS-FACTS §3), mirrored as HyperFormula named expressions. */
import type { Env } from './env';
import { MSG, sheetsError } from './errors';
import type { NamedRangeState, SheetModel, SpreadsheetModel } from './model';
import type { GridRect } from './rect';
import { makeRange, type FakeRange, type RangeFlags } from './range';

/** Sheets Help rules: letters/digits/underscore, not starting with a digit, not TRUE/FALSE, not A1/R1C1, 1–250 chars. */
export function isValidRangeName(name: string): boolean {
  if (name.length < 1 || name.length > 250) return false;
  // HyperFormula only accepts ASCII letters in names, so Unicode letters are refused here too.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false;
  if (/^R[0-9]*C[0-9]*$/i.test(name)) return false;
  return true;
}

export function findNamed(ss: SpreadsheetModel, name: string): NamedRangeState | undefined {
  const lower = name.toLowerCase();
  return ss.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

/**
 * Creates or replaces a named range (no counting). An existing name (any case) is moved to the
 * new range, as `setNamedRange` does (docs/EMULATOR.md).
 */
export function defineNamedRange(
  ss: SpreadsheetModel,
  name: string,
  sheet: SheetModel,
  rect: GridRect,
  flags: RangeFlags = {},
): NamedRangeState {
  if (!isValidRangeName(name)) throw sheetsError(MSG.invalidRangeName(name));
  const expression = ss.absoluteRef(sheet, rect);
  const existingHf = ss.hf.getNamedExpression(name);
  if (existingHf) ss.hf.changeNamedExpression(name, expression);
  else {
    if (!ss.hf.isItPossibleToAddNamedExpression(name, expression))
      throw sheetsError(MSG.invalidRangeName(name));
    ss.hf.addNamedExpression(name, expression);
  }
  const open = { wholeRows: flags.wholeRows === true, wholeColumns: flags.wholeColumns === true };
  const existing = findNamed(ss, name);
  if (existing) {
    existing.sheet = sheet;
    existing.rect = { ...rect };
    Object.assign(existing, open);
    return existing;
  }
  const state: NamedRangeState = { name, sheet, rect: { ...rect }, ...open };
  ss.namedRanges.push(state);
  return state;
}

export function removeNamed(ss: SpreadsheetModel, state: NamedRangeState): void {
  const i = ss.namedRanges.indexOf(state);
  if (i >= 0) ss.namedRanges.splice(i, 1);
  if (ss.hf.getNamedExpression(state.name)) ss.hf.removeNamedExpression(state.name);
}

/** The Range of a named range ('A:X' stays whole columns). */
export function namedRangeRange(state: NamedRangeState): FakeRange {
  return makeRange(state.sheet, state.rect, {
    wholeRows: state.wholeRows === true,
    wholeColumns: state.wholeColumns === true,
  });
}

export class FakeNamedRange {
  constructor(
    private readonly env: Env,
    private readonly ss: SpreadsheetModel,
    private readonly state: NamedRangeState,
  ) {}

  getName(): string {
    this.env.hit('NamedRange.getName');
    return this.state.name;
  }

  setName(name: string): this {
    this.env.hit('NamedRange.setName');
    if (!isValidRangeName(name)) throw sheetsError(MSG.invalidRangeName(name));
    const { sheet, rect, wholeRows, wholeColumns } = this.state;
    removeNamed(this.ss, this.state);
    const fresh = defineNamedRange(this.ss, name, sheet, rect, { wholeRows, wholeColumns });
    // Keep this object pointing at the live state.
    const i = this.ss.namedRanges.indexOf(fresh);
    this.state.name = name;
    this.ss.namedRanges[i] = this.state;
    return this;
  }

  getRange(): FakeRange {
    this.env.hit('NamedRange.getRange');
    return namedRangeRange(this.state);
  }

  setRange(range: FakeRange): this {
    this.env.hit('NamedRange.setRange');
    defineNamedRange(this.ss, this.state.name, range.model, range.rect, range.flags);
    return this;
  }

  remove(): void {
    this.env.hit('NamedRange.remove');
    removeNamed(this.ss, this.state);
  }
}
