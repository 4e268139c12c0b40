// Names of units and communes as people type them.

/**
 * Memo of normalizeName: the same unit and commune names come back for every year, every tab
 * and every lookup of a consolidation. Bounded: emptied when it holds MAX_NORMALIZED names, and
 * only short texts (names, not pasted paragraphs) are kept, so a long-lived script (the sidebar,
 * a custom function over a large range) cannot grow it without limit.
 */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 50_000;
const MAX_MEMO_LENGTH = 300;

/**
 * Canonical form of a name: Unicode NFC, trimmed, every run of whitespace (including the
 * no-break space U+00A0 and other Unicode spaces) collapsed to one ASCII space.
 * Case is kept: "Xã Gia Tân" and "xã gia tân" are different names. Official names have a
 * fixed capitalisation and a case-insensitive match would hide typos the staff should fix.
 */
export function normalizeName(s: string): string {
  const hit = normalized.get(s);
  if (hit !== undefined) return hit;
  const n = s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (s.length <= MAX_MEMO_LENGTH) {
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normalized.set(s, n);
  }
  return n;
}

/** True when two names are the same after normalizeName (case-sensitive). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** A name read from a cell: a non-blank string (or a number, as typed) normalised, else null. */
export function nameFromCell(value: unknown): string | null {
  if (typeof value === 'string') {
    const n = normalizeName(value);
    return n === '' ? null : n;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** ASCII slug for ids: diacritics removed, đ → d, upper case, words joined by '-'. */
export function slug(s: string): string {
  const hit = slugs.get(s);
  if (hit !== undefined) return hit;
  const out = slugOf(s);
  if (s.length <= MAX_MEMO_LENGTH) {
    if (slugs.size >= MAX_NORMALIZED) slugs.clear();
    slugs.set(s, out);
  }
  return out;
}

/** Memo of slug (a shortlist makes one id per attained commune, each with its unit's slug). */
const slugs = new Map<string, string>();

function slugOf(s: string): string {
  return normalizeName(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The shared Vietnamese collator: `a.localeCompare(b, 'vi')` builds (or looks up) a collator on
 * every call, which dominated the sorting of long lists. Same ordering: localeCompare with a
 * locale is specified as Intl.Collator(locale).compare. Created on first use (not at load, so
 * loading the bundle costs nothing); null when Intl.Collator is missing or throws, in which case
 * compareVi falls back to localeCompare.
 */
let collator: Intl.Collator | null | undefined;

function viCollator(): Intl.Collator | null {
  if (collator === undefined) {
    try {
      collator =
        typeof Intl === 'object' && typeof Intl.Collator === 'function'
          ? new Intl.Collator('vi')
          : null;
    } catch {
      collator = null;
    }
  }
  return collator;
}

/** Vietnamese collation for display order. */
export function compareVi(a: string, b: string): number {
  const quick = asciiDifference(a, b);
  if (quick !== 0) return quick;
  const c = viCollator();
  return c ? c.compare(a, b) : a.localeCompare(b, 'vi');
}

/**
 * The order of two names decided without the collator, or 0 when only the collator can tell.
 * Past an identical prefix, the first pair of different characters decides at the primary
 * level when both are ASCII digits, or both ASCII letters that are different letters: digits
 * sort 0-9 and letters a-z whatever their case, and a Vietnamese letter with a diacritic (ă, â,
 * đ, ê, ô, ơ, ư, tones) sorts after its base letter and before the next one, so a combining mark
 * after the letter cannot change the outcome. Sorting thousands of communes by name calls this
 * tens of thousands of times; the collator costs about 300 ns a call.
 */
function asciiDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return 0;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (x >= 48 && x <= 57 && y >= 48 && y <= 57) return x < y ? -1 : 1;
  const lx = x | 32;
  const ly = y | 32;
  if (lx >= 97 && lx <= 122 && ly >= 97 && ly <= 122 && lx !== ly && isLetter(x) && isLetter(y))
    return lx < ly ? -1 : 1;
  return 0;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
