// Values of Cấu hình's cells as analysts type them: numbers in Vietnamese or plain notation,
// percentages, dates, lists of years and e-mails. Each returns the value the configuration's
// schema expects, or the cell's value unchanged (or null) for the schema or the caller to report.
import { nameFromCell, normalizeName } from '../core/names';
import { pad2 } from '../core/format';
import { isBlank } from '../core/values';

function isDate(v: unknown): v is Date {
  return (
    Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
  );
}

/** A label as compared: text normalised and upper-cased, a number as its digits, else ''. */
export const fold = (v: unknown): string =>
  typeof v === 'string' ? normalizeName(v).toUpperCase() : typeof v === 'number' ? String(v) : '';

/** A label without its trailing parenthesis: "Ngày ban hành (dd/MM/yyyy)" → "Ngày ban hành". */
export const stripParen = (s: string): string => s.replace(/\s*\(.*\)\s*$/, '').trim();

/** A cell as text: '' for anything but text and finite numbers. */
export const cellText = (v: unknown): string => nameFromCell(v) ?? '';

/** A number from a cell: numbers as they are, text as Vietnamese or plain notation; else the value. */
export function toNumber(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return v;
  const s = v.replace(/\s+/g, '');
  if (s === '') return undefined;
  let t = s;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : v;
}

export function toPercent(v: unknown): unknown {
  if (typeof v === 'string') {
    const m = /^\s*([^%]+?)\s*%\s*$/.exec(v);
    if (m) {
      const n = toNumber(m[1]);
      return typeof n === 'number' ? n / 100 : v;
    }
  }
  const n = toNumber(v);
  // "80" typed in a cell that lost its percent format means 80 %.
  if (typeof n === 'number' && n > 1 && n <= 100) return n / 100;
  return n;
}

export function toText(v: unknown): unknown {
  if (typeof v === 'string') return normalizeName(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isBlank(v)) return '';
  return v;
}

/** "a@x.vn, b@x.vn; c@x.vn" → the addresses; [] for anything but text. */
export function splitList(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  return v
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A date cell or dd/MM/yyyy (or yyyy-mm-dd) text as yyyy-mm-dd, else null. */
export function toIsoDate(v: unknown): string | null {
  if (isDate(v)) return `${v.getFullYear()}-${pad2(v.getMonth() + 1)}-${pad2(v.getDate())}`;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const d = new Date(Math.round((v - 25569) * 86400000));
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** "2022, 2023, 2024" (or one year as a number) → the years, else null. */
export function toYears(v: unknown): number[] | null {
  if (typeof v === 'number') return Number.isInteger(v) ? [v] : null;
  if (typeof v !== 'string') return null;
  const parts = v.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const years = parts.map((p) => (/^\d{4}$/.test(p) ? Number(p) : NaN));
  return years.every((y) => Number.isInteger(y)) ? years : null;
}

/** "14, 7, 3, 1, -1" (or one number) → whole numbers of days; blank → none; else null. */
export function toDays(v: unknown): number[] | null {
  if (typeof v === 'number') return Number.isInteger(v) ? [v] : null;
  if (v === '' || v === null || v === undefined) return [];
  if (typeof v !== 'string') return null;
  const parts = v.split(/[,;\s]+/).filter((p) => p !== '');
  const days = parts.map((p) => (/^[-−]?\d{1,2}$/.test(p) ? Number(p.replace('−', '-')) : NaN));
  return days.every((d) => Number.isInteger(d)) ? days : null;
}

/** "30/11" (or a date cell) → day and month, else null. */
export function toDayMonth(v: unknown): { day: number; month: number } | null {
  if (isDate(v)) return { day: v.getDate(), month: v.getMonth() + 1 };
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{2,4})?\s*$/.exec(v);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month };
}
