/**
 * Value semantics of Range writes and reads (SHEETS-FACTS §1).
 *
 * Writes are parsed as if typed by a user (USER_ENTERED), with these predictable rules:
 * - null/undefined → empty; numbers and booleans as they are; Date → serial of its wall-clock
 *   time in the spreadsheet time zone, with the locale's date-time format if the cell has no
 *   date format yet.
 * - A string of more than 50,000 characters throws.
 * - If the cell's number format is '@' (plain text) the string is stored as text, unparsed.
 * - '=' followed by anything → formula. A leading apostrophe stores the rest as text.
 * - 'TRUE'/'FALSE' (any case) → boolean.
 * - Numbers in the locale: with a ',' decimal locale (vi_VN) '12,5' → 12.5, '1.234' and
 *   '1.234.567,5' → grouped thousands; '12.5' stays TEXT (a '.' is only a group separator
 *   before exactly three digits). With en_US '1,234.5' → 1234.5, '12,5' stays text.
 *   Leading zeros are dropped as Sheets does ('007' → 7). '85,3%' → 0.853 (format '0.00%').
 *   Exponents '1E5' are numbers. No trimming: ' 12' stays text. Currency strings stay text.
 * - Dates: 'd/M/yyyy' (DMY locales such as vi_VN) or 'M/d/yyyy' (en_US), 'yyyy-MM-dd', each
 *   optionally followed by ' H:mm[:ss]'; times 'H:mm[:ss]'. Two-digit years < 30 → 20xx.
 * - Anything else is text.
 */
import type { RawCellContent } from 'hyperformula';
import { dateToSerial, isDateObject, partsToSerial, serialToDate } from './dates';
import { MSG, sheetsError } from './errors';
import { formatKind } from './format';
import type { LocaleInfo } from './locale';

export type AppsValue = number | string | boolean | Date;

export interface StoredInput {
  raw: RawCellContent;
  /** Number format implied by the input (dates, percentages), applied when the cell has none. */
  impliedFormat?: string;
  /** True when the input is a formula. */
  formula: boolean;
  filled: boolean;
}

const EMPTY: StoredInput = { raw: null, formula: false, filled: false };
export const MAX_CELL_CHARS = 50_000;

function text(s: string): StoredInput {
  return { raw: `'${s}`, formula: false, filled: true };
}

function parseLocaleNumber(s: string, loc: LocaleInfo): number | null {
  const d = loc.decimal === ',' ? ',' : '\\.';
  const g = loc.group === '.' ? '\\.' : loc.group === ',' ? ',' : loc.group;
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d+))?$`);
  const m = re.exec(s);
  if (m && (m[2] !== '' || m[3] !== undefined)) {
    const intDigits = m[2].split(loc.group).join('');
    return Number(`${m[1]}${intDigits === '' ? '0' : intDigits}.${m[3] ?? '0'}`);
  }
  const exp = new RegExp(`^([+-]?\\d+)(?:${d}(\\d+))?[eE]([+-]?\\d+)$`).exec(s);
  if (exp) return Number(`${exp[1]}.${exp[2] ?? '0'}e${exp[3]}`);
  return null;
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function parseTime(s: string | undefined): [number, number, number] | null {
  if (s === undefined) return [0, 0, 0];
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

function parseDate(s: string, loc: LocaleInfo): StoredInput | null {
  const slash = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?: (\S+))?$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\S+))?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  let timeText: string | undefined;
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    timeText = iso[4];
  } else if (slash) {
    y = twoDigitYear(slash[3]);
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    [d, mo] = loc.dateOrder === 'DMY' ? [a, b] : [b, a];
    timeText = slash[4];
  } else {
    const t = parseTime(s);
    if (!t || !/^\d/.test(s)) return null;
    const serial = partsToSerial(1899, 12, 30, ...t);
    if (serial === null) return null;
    return { raw: serial, impliedFormat: loc.defaultTime, formula: false, filled: true };
  }
  const time = parseTime(timeText);
  if (!time) return null;
  const serial = partsToSerial(y, mo, d, ...time);
  if (serial === null) return null;
  return {
    raw: serial,
    impliedFormat: timeText === undefined ? loc.defaultDate : loc.defaultDateTime,
    formula: false,
    filled: true,
  };
}

/** Converts one value written by setValue(s) into what the cell stores. */
export function parseInput(
  value: unknown,
  cellFormat: string | undefined,
  loc: LocaleInfo,
  timeZone: string,
): StoredInput {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return text(String(value));
    return { raw: value, formula: false, filled: true };
  }
  if (typeof value === 'boolean') return { raw: value, formula: false, filled: true };
  if (isDateObject(value)) {
    if (Number.isNaN(value.getTime())) return text('Invalid Date');
    return {
      raw: dateToSerial(value, timeZone),
      impliedFormat: formatKind(cellFormat) === 'date' ? undefined : loc.defaultDateTime,
      formula: false,
      filled: true,
    };
  }
  const s = typeof value === 'string' ? value : String(value);
  if (s.length > MAX_CELL_CHARS) throw sheetsError(MSG.tooManyChars);
  if (s === '') return EMPTY;
  if (formatKind(cellFormat) === 'text') return text(s);
  if (s.startsWith('=') && s.length > 1) return { raw: s, formula: true, filled: true };
  if (s.startsWith("'")) return text(s.slice(1));
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE')
    return { raw: upper === 'TRUE', formula: false, filled: true };
  const n = parseLocaleNumber(s, loc);
  if (n !== null) return { raw: n, formula: false, filled: true };
  if (s.endsWith('%')) {
    const p = parseLocaleNumber(s.slice(0, -1), loc);
    if (p !== null) {
      return {
        raw: p / 100,
        impliedFormat: Number.isInteger(p) ? '0%' : '0.00%',
        formula: false,
        filled: true,
      };
    }
  }
  const date = parseDate(s, loc);
  if (date) return date;
  return text(s);
}

/** Parses a formula written by setFormula(s): '' leaves the cell empty. */
export function parseFormulaInput(
  value: unknown,
  cellFormat: string | undefined,
  loc: LocaleInfo,
  timeZone: string,
): StoredInput {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS)
    throw sheetsError(MSG.tooManyChars);
  if (typeof value === 'string' && value.startsWith('='))
    return { raw: value, formula: true, filled: true };
  return parseInput(value, cellFormat, loc, timeZone);
}

/** Error strings as Apps Script reads them; HyperFormula-only errors map to the Sheets one. */
export function errorString(hfError: string): string {
  switch (hfError) {
    case '#CYCLE!':
    case '#SPILL!':
      return '#REF!';
    case '#LIC!':
      return '#ERROR!';
    default:
      return hfError;
  }
}

export { serialToDate };
