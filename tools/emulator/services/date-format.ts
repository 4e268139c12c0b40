/**
 * Java `SimpleDateFormat` as used by `Utilities.formatDate(date, timeZone, pattern)`, with real
 * time-zone conversion through `Intl`. Zone IDs follow `java.util.TimeZone.getTimeZone`:
 * IANA IDs, `UTC`/`GMT`, custom `GMT+7` / `GMT+07:00` / `GMT-0530`; an unknown ID silently
 * means GMT, as in Java. Names (months, weekdays, AM/PM, zone names) are English (Locale.US).
 */
import { english } from '../messages';
import { serviceError } from './common';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java's short names where ICU's en-US names differ ("GMT+7"). */
const SHORT_NAMES: Record<string, string> = {
  'Asia/Ho_Chi_Minh': 'ICT',
  'Asia/Saigon': 'ICT',
  'Asia/Bangkok': 'ICT',
  'Asia/Phnom_Penh': 'ICT',
  'Asia/Vientiane': 'ICT',
  GMT: 'GMT',
  UTC: 'UTC',
};

export interface Zone {
  /** Offset from UTC in minutes at the given instant. */
  offsetAt(ms: number): number;
  name(ms: number, long: boolean): string;
}

function fixedZone(offset: number, name: string): Zone {
  return { offsetAt: () => offset, name: () => name };
}

function gmtName(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function intlFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return null;
  }
  formatters.set(timeZone, f);
  return f;
}

function intlZone(timeZone: string, f: Intl.DateTimeFormat): Zone {
  return {
    offsetAt(ms) {
      const parts: Record<string, string> = {};
      for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
      let year = Number(parts.year);
      if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
      const wall = Date.UTC(
        year,
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second),
      );
      const whole = ms - (((ms % 1000) + 1000) % 1000);
      return Math.round((wall - whole) / 60000);
    },
    name(ms, long) {
      if (!long && SHORT_NAMES[timeZone]) return SHORT_NAMES[timeZone];
      const named = new Intl.DateTimeFormat('en-US', {
        timeZone,
        timeZoneName: long ? 'long' : 'short',
      })
        .formatToParts(new Date(ms))
        .find((p) => p.type === 'timeZoneName')?.value;
      if (!named || /^GMT([+-]|$)/.test(named)) return gmtName(this.offsetAt(ms));
      return named;
    },
  };
}

/** Resolve a zone ID as Java's `TimeZone.getTimeZone` does. */
export function resolveZone(id: string): Zone {
  if (id === 'GMT' || id === 'UTC') return fixedZone(0, id);
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const [, sign, h, m = '0'] = custom;
    const hours = Number(h);
    const minutes = Number(m);
    if (hours <= 23 && minutes <= 59) {
      const offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
      return fixedZone(offset, gmtName(offset));
    }
  }
  const f = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id) ? intlFormatter(id) : null;
  return f ? intlZone(id, f) : fixedZone(0, 'GMT');
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

type Token = { letter: string; count: number } | { literal: string };

export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) throw serviceError(english('unterminatedQuote'));
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i++];
      }
      tokens.push({ literal: text });
    } else if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

/** Fields of the wall-clock time. */
interface Wall {
  year: number;
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
}

function wallOf(ms: number): Wall {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const dayOfYear =
    Math.floor(
      (Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000,
    ) + 1;
  return {
    year,
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    dayOfYear,
  };
}

/** Week of year and week-based year with Locale.US rules (weeks start Sunday, week 1 holds 1 Jan). */
function usWeek(w: Wall): { week: number; weekYear: number } {
  const saturday = Date.UTC(w.year, w.month, w.day + (6 - w.weekday));
  if (new Date(saturday).getUTCFullYear() > w.year) return { week: 1, weekYear: w.year + 1 };
  const jan1Weekday = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
  return { week: Math.floor((w.dayOfYear - 1 + jan1Weekday) / 7) + 1, weekYear: w.year };
}

function offsetText(offset: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (style !== 'Z' && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

export function formatDate(instant: Date, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw serviceError(english('invalidArgument', 'date'));
  const offset = zone.offsetAt(ms);
  const w = wallOf(ms + offset * 60000);
  const num = (n: number, count: number): string => pad(n, count);
  const text = (full: string, count: number): string => (count >= 4 ? full : full.slice(0, 3));
  let out = '';
  for (const token of tokenize(pattern)) {
    if ('literal' in token) {
      out += token.literal;
      continue;
    }
    const { letter, count } = token;
    const era = w.year <= 0 ? 'BC' : 'AD';
    const yearOfEra = w.year <= 0 ? 1 - w.year : w.year;
    switch (letter) {
      case 'G':
        out += era;
        break;
      case 'y':
      case 'Y':
      case 'u': {
        if (letter === 'u') {
          out += num(w.weekday === 0 ? 7 : w.weekday, count);
          break;
        }
        const year = letter === 'Y' ? usWeek(w).weekYear : yearOfEra;
        out += count === 2 ? pad(year % 100, 2) : num(year, count);
        break;
      }
      case 'M':
      case 'L':
        out += count >= 3 ? text(MONTHS[w.month], count) : num(w.month + 1, count);
        break;
      case 'd':
        out += num(w.day, count);
        break;
      case 'D':
        out += num(w.dayOfYear, count);
        break;
      case 'E':
        out += text(DAYS[w.weekday], count);
        break;
      case 'F':
        out += num(Math.floor((w.day - 1) / 7) + 1, count);
        break;
      case 'w':
        out += num(usWeek(w).week, count);
        break;
      case 'W': {
        const firstWeekday = new Date(Date.UTC(w.year, w.month, 1)).getUTCDay();
        out += num(Math.floor((w.day - 1 + firstWeekday) / 7) + 1, count);
        break;
      }
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += num(w.hour, count);
        break;
      case 'k':
        out += num(w.hour === 0 ? 24 : w.hour, count);
        break;
      case 'K':
        out += num(w.hour % 12, count);
        break;
      case 'h':
        out += num(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
        break;
      case 'm':
        out += num(w.minute, count);
        break;
      case 's':
        out += num(w.second, count);
        break;
      case 'S':
        out += num(w.ms, count);
        break;
      case 'z':
        out += zone.name(ms, count >= 4);
        break;
      case 'Z':
        out += offsetText(offset, 'Z');
        break;
      case 'X':
        if (count > 3) throw serviceError(english('invalidIsoFormat', count));
        out += offsetText(offset, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
        break;
      default:
        throw serviceError(english('illegalPatternCharacter', letter));
    }
  }
  return out;
}
