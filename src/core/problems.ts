// Building and ordering problems. Every message names the tab and the cell.
import type { Problem } from './types';

/**
 * Longest message: a message is written into one cell of the summary (and shown in the sidebar),
 * and a cell holds at most 50,000 characters, so text people typed is never quoted whole.
 */
export const MAX_MESSAGE = 1000;

/** Text people typed, as quoted in a message: at most `max` characters, then "…". */
export function shortText(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function makeProblem(sheet: string, cell: string, text: string, year?: number): Problem {
  const p: Problem = {
    sheet,
    cell,
    message: shortText(`Trang "${sheet}", ô ${cell}: ${text}`, MAX_MESSAGE),
  };
  if (year !== undefined) p.year = year;
  return p;
}

/** "Hãy kiểm tra lại số liệu năm 2023 của Xã Gia Tân." */
export function checkHint(year: number | null, communeName: string | null): string {
  const commune = communeName === null ? null : shortText(communeName);
  if (year !== null && commune) return `Hãy kiểm tra lại số liệu năm ${year} của ${commune}.`;
  if (commune) return `Hãy kiểm tra lại số liệu của ${commune}.`;
  if (year !== null) return `Hãy kiểm tra lại số liệu năm ${year}.`;
  return 'Hãy kiểm tra lại dòng này.';
}

/** Splits "E7" into [column number, row]; null when not an A1 reference. */
function a1(cell: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col, Number(m[2])];
}

/** Reading order of cells: A1 refs by row then column; other refs (CSV lines) after, by text. */
export function compareCells(a: string, b: string): number {
  const pa = a1(a);
  const pb = a1(b);
  if (pa && pb) return pa[1] - pb[1] || pa[0] - pb[0];
  if (pa) return -1;
  if (pb) return 1;
  const na = /(\d+)/.exec(a);
  const nb = /(\d+)/.exec(b);
  if (na && nb && Number(na[1]) !== Number(nb[1])) return Number(na[1]) - Number(nb[1]);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Problems without a year first, then by year, then by cell, then by message. */
export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort(
    (x, y) =>
      (x.year ?? -Infinity) - (y.year ?? -Infinity) ||
      compareCells(x.cell, y.cell) ||
      (x.message < y.message ? -1 : x.message > y.message ? 1 : 0),
  );
}
