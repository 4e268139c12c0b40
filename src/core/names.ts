// Names of units and communes as people type them.

/**
 * Canonical form of a name: Unicode NFC, trimmed, every run of whitespace (including the
 * no-break space U+00A0 and other Unicode spaces) collapsed to one ASCII space.
 * Case is kept: "Xã Gia Tân" and "xã gia tân" are different names. Official names have a
 * fixed capitalisation and a case-insensitive match would hide typos the staff should fix.
 */
export function normalizeName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
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
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Vietnamese collation for display order. */
export function compareVi(a: string, b: string): number {
  return a.localeCompare(b, 'vi');
}
