/**
 * Display formatting by number format and locale (getDisplayValue(s)).
 * Supported: General ('0.###############' is what Sheets reports for an unformatted cell),
 * numeric patterns with 0 # , . % literals and quoted text, up to 4 ';' sections, '@' text,
 * and date/time patterns (d dd ddd dddd M MM MMM MMMM yy yyyy H HH h hh m mm s ss am/pm).
 */
import { serialParts } from './dates';
import type { LocaleInfo } from './locale';

export const GENERAL_FORMAT = '0.###############';

export type FormatKind = 'general' | 'number' | 'date' | 'text';

const kindCache = new Map<string, FormatKind>();

/** Splits a format on ';' outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and [brackets] removed (to classify it). */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function formatKind(format: string | undefined): FormatKind {
  if (
    format === undefined ||
    format === '' ||
    format === GENERAL_FORMAT ||
    /^general$/i.test(format)
  )
    return 'general';
  let kind = kindCache.get(format);
  if (kind) return kind;
  const first = bare(sections(format)[0]);
  if (first.trim() === '@') kind = 'text';
  else if (/[0#?]/.test(first)) kind = 'number';
  else if (/[dmyhs]/i.test(first)) kind = 'date';
  else kind = 'number';
  kindCache.set(format, kind);
  return kind;
}

export function isDateFormat(format: string | undefined): boolean {
  return formatKind(format) === 'date';
}

function literal(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      out += text.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? text.length : end;
    } else if (ch === '\\') {
      out += text[i + 1] ?? '';
      i++;
    } else if (ch === '_') {
      out += ' ';
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = text.indexOf(']', i);
      const inner = text.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) out += inner.slice(1).split('-')[0];
      i = end < 0 ? text.length : end;
    } else out += ch;
  }
  return out;
}

function roundTo(value: number, decimals: number): number {
  return Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
}

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export function formatGeneral(value: number, loc: LocaleInfo): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e15 || abs < 1e-9) {
    text = value
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E')
      .replace(/E\+?(-?)(\d)$/, 'E$10$2');
    text = text.replace(/E(-?)0?(\d\d)/, 'E$1$2');
    if (!/E-/.test(text)) text = text.replace('E', 'E+');
  } else {
    const digits = Math.max(0, 10 - Math.floor(Math.log10(abs)) - 1);
    text = String(roundTo(value, Math.min(digits, 15)));
    if (/e/.test(text)) text = value.toFixed(Math.min(digits, 20)).replace(/\.?0+$/, '');
  }
  return text.replace('.', loc.decimal);
}

function formatNumberSection(
  value: number,
  section: string,
  loc: LocaleInfo,
  negativeSign: boolean,
): string {
  // Find the numeric core: from the first to the last digit placeholder (outside quotes).
  let first = -1;
  let last = -1;
  let quoted = false;
  let percents = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?') {
      if (first < 0) first = i;
      last = i;
    } else if (ch === '%') percents++;
  }
  if (first < 0) return (negativeSign ? '-' : '') + literal(section);
  // A '.' right before the first placeholder belongs to the core ('.00').
  if (first > 0 && section[first - 1] === '.') first--;
  const core = section.slice(first, last + 1);
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  const dot = core.indexOf('.');
  const intPattern = dot < 0 ? core : core.slice(0, dot);
  const decPattern = dot < 0 ? '' : core.slice(dot + 1).replace(/[^0#?]/g, '');
  const useGroups = intPattern.includes(',');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minDec = (decPattern.match(/0/g) ?? []).length;
  const maxDec = decPattern.length;
  let v = Math.abs(value) * 100 ** percents;
  v = roundTo(v, maxDec);
  const fixed = v.toFixed(maxDec);
  let [intPart, decPart = ''] = fixed.split('.');
  while (decPart.length > minDec && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  if (intPart === '0' && minInt === 0) intPart = '';
  while (intPart.length < minInt) intPart = `0${intPart}`;
  if (useGroups) intPart = group(intPart, loc.group);
  const number = decPart.length > 0 ? `${intPart}${loc.decimal}${decPart}` : intPart;
  return `${negativeSign ? '-' : ''}${prefix}${number}${suffix}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

interface DateToken {
  kind: 'lit' | 'y' | 'm' | 'min' | 'd' | 'h' | 's' | 'ampm';
  text: string;
}

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
    } else if (/^(am\/pm|a\/p)/i.test(section.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(section.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'ampm', text: m[0] });
      i += m[0].length;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ kind: lower as DateToken['kind'], text: section.slice(i, j) });
      i = j;
    } else if (
      ch === '.' &&
      /^\.0+/.test(section.slice(i)) &&
      tokens.length > 0 &&
      tokens[tokens.length - 1].kind === 's'
    ) {
      const m = /^\.0+/.exec(section.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'lit', text: `\u0000${m[0].length}` });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  // 'm' means minutes right after an hour or right before seconds.
  const dated = tokens
    .map((t, idx) => ({ t, idx }))
    .filter(({ t }) => t.kind !== 'lit' && t.kind !== 'ampm');
  dated.forEach(({ t }, k) => {
    if (t.kind !== 'm') return;
    const prev = dated[k - 1]?.t.kind;
    const next = dated[k + 1]?.t.kind;
    if (prev === 'h' || next === 's') t.kind = 'min';
  });
  return tokens;
}

function formatDateSection(serial: number, section: string, loc: LocaleInfo): string {
  const p = serialParts(serial);
  const tokens = tokenizeDate(section);
  const twelve = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of tokens) {
    const n = t.text.length;
    switch (t.kind) {
      case 'lit':
        if (t.text.startsWith('\u0000')) {
          const digits = Number(t.text.slice(1));
          out +=
            loc.decimal +
            pad(Math.floor(p.millisecond / 10 ** (3 - Math.min(digits, 3))), Math.min(digits, 3));
        } else out += t.text;
        break;
      case 'y':
        out += n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        break;
      case 'm':
        out +=
          n === 1
            ? String(p.month)
            : n === 2
              ? pad(p.month, 2)
              : n === 3
                ? loc.monthShort[p.month - 1]
                : loc.monthNames[p.month - 1];
        break;
      case 'd':
        out +=
          n === 1
            ? String(p.day)
            : n === 2
              ? pad(p.day, 2)
              : n === 3
                ? loc.dayShort[p.weekday]
                : loc.dayNames[p.weekday];
        break;
      case 'h': {
        const h = twelve ? ((p.hour + 11) % 12) + 1 : p.hour;
        out += n >= 2 ? pad(h, 2) : String(h);
        break;
      }
      case 'min':
        out += n >= 2 ? pad(p.minute, 2) : String(p.minute);
        break;
      case 's':
        out += n >= 2 ? pad(p.second, 2) : String(p.second);
        break;
      case 'ampm': {
        const pm = p.hour >= 12;
        const upper = t.text[0] === t.text[0].toUpperCase();
        const text = t.text.length > 3 ? (pm ? 'pm' : 'am') : pm ? 'p' : 'a';
        out += upper ? text.toUpperCase() : text;
        break;
      }
    }
  }
  return out;
}

/** Formats a number for display by a number format. `dateDefault` is used for General dates. */
export function formatNumber(value: number, format: string | undefined, loc: LocaleInfo): string {
  const kind = formatKind(format);
  if (kind === 'general' || format === undefined) return formatGeneral(value, loc);
  if (kind === 'text') return formatGeneral(value, loc);
  const secs = sections(format);
  let section = secs[0];
  let negativeSign = value < 0;
  if (value < 0 && secs.length > 1 && secs[1] !== '') {
    section = secs[1];
    negativeSign = false;
  } else if (value === 0 && secs.length > 2 && secs[2] !== '') section = secs[2];
  if (kind === 'date') return formatDateSection(value, section, loc);
  return formatNumberSection(value, section, loc, negativeSign);
}

/** Formats text by a format: only a 4th '@' section (or '@' itself) is applied. */
export function formatText(value: string, format: string | undefined): string {
  if (format === undefined) return value;
  const secs = sections(format);
  const textSection = secs.length >= 4 ? secs[3] : secs.find((s) => bare(s).includes('@'));
  if (!textSection) return value;
  return textSection
    .split('@')
    .map((part) => literal(part))
    .join(value);
}
