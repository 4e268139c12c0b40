/** A1/R1C1 notation helpers. Rows and columns are 1-based here. */
import { MSG, sheetsError } from './errors';

export const MAX_COLUMNS = 18278; // ZZZ

export function columnToLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference: undefined bounds mean "open" (whole rows / whole columns / to the end). */
export interface ParsedRef {
  sheetName?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

/** Quotes a sheet name for formulas and A1 strings when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1" / "'My sheet'!A1" into the sheet name and the reference. */
export function splitSheetPrefix(text: string): { sheetName?: string; ref: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < trimmed.length) {
      if (trimmed[i] === "'") {
        if (trimmed[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += trimmed[i];
      i += 1;
    }
    if (trimmed[i + 1] !== '!') throw sheetsError(MSG.rangeNotFound);
    return { sheetName: name, ref: trimmed.slice(i + 2) };
  }
  const bang = trimmed.lastIndexOf('!');
  if (bang >= 0) return { sheetName: trimmed.slice(0, bang), ref: trimmed.slice(bang + 1) };
  return { ref: trimmed };
}

const A1_PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;
const R1C1_PART = /^R(\d+)C(\d+)$/i;

function parsePart(part: string): { row?: number; col?: number } | null {
  const r1c1 = R1C1_PART.exec(part);
  if (r1c1) return { row: Number(r1c1[1]), col: Number(r1c1[2]) };
  const m = A1_PART.exec(part);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const row = m[2] === undefined ? undefined : Number(m[2]);
  if (row === 0) return null;
  return { row, col: m[1] === undefined ? undefined : lettersToColumn(m[1]) };
}

/**
 * Parses A1 or R1C1 notation (without the sheet prefix): "A1", "$A$1:B2", "C5:B2" (normalised),
 * "5:7" (whole rows), "D:F" (whole columns), "A2:A" (to the end), "R1C1:R2C3".
 * Invalid notation ("B" alone) throws `Range not found` (SHEETS-FACTS §2).
 */
export function parseA1(ref: string): ParsedRef {
  const parts = ref.trim().split(':');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === ''))
    throw sheetsError(MSG.rangeNotFound);
  const a = parsePart(parts[0]);
  if (!a) throw sheetsError(MSG.rangeNotFound);
  if (parts.length === 1) {
    if (a.row === undefined || a.col === undefined) throw sheetsError(MSG.rangeNotFound);
    return { r1: a.row, c1: a.col, r2: a.row, c2: a.col };
  }
  const b = parsePart(parts[1]);
  if (!b) throw sheetsError(MSG.rangeNotFound);
  // Whole rows "5:7" or whole columns "D:F".
  if (a.col === undefined && b.col === undefined) {
    if (a.row === undefined || b.row === undefined) throw sheetsError(MSG.rangeNotFound);
    return { r1: Math.min(a.row, b.row), r2: Math.max(a.row, b.row) };
  }
  if (a.row === undefined && b.row === undefined) {
    if (a.col === undefined || b.col === undefined) throw sheetsError(MSG.rangeNotFound);
    return { c1: Math.min(a.col, b.col), c2: Math.max(a.col, b.col) };
  }
  if (a.col === undefined || b.col === undefined) throw sheetsError(MSG.rangeNotFound);
  // "A2:A" runs to the last row; "A2:2" is not valid A1 for us.
  const r1 = a.row ?? b.row;
  const r2 = a.row !== undefined && b.row !== undefined ? b.row : undefined;
  const out: ParsedRef = {
    c1: Math.min(a.col, b.col),
    c2: Math.max(a.col, b.col),
    r1: r2 === undefined ? r1 : Math.min(r1 as number, r2),
    r2: r2 === undefined ? undefined : Math.max(r1 as number, r2),
  };
  return out;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}
