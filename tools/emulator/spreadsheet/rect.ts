/** A rectangle of cells, 1-based and inclusive. */
export interface GridRect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type Dimension = 'row' | 'col';

export function rectOf(row: number, col: number, numRows: number, numCols: number): GridRect {
  return { r1: row, c1: col, r2: row + numRows - 1, c2: col + numCols - 1 };
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    outer.r1 <= inner.r1 && inner.r2 <= outer.r2 && outer.c1 <= inner.c1 && inner.c2 <= outer.c2
  );
}

export function sameRect(a: GridRect, b: GridRect): boolean {
  return a.r1 === b.r1 && a.r2 === b.r2 && a.c1 === b.c1 && a.c2 === b.c2;
}

function lo(r: GridRect, dim: Dimension): number {
  return dim === 'row' ? r.r1 : r.c1;
}
function hi(r: GridRect, dim: Dimension): number {
  return dim === 'row' ? r.r2 : r.c2;
}
function withSpan(r: GridRect, dim: Dimension, a: number, b: number): GridRect {
  return dim === 'row' ? { ...r, r1: a, r2: b } : { ...r, c1: a, c2: b };
}

/** Rows/columns inserted before index `at` (1-based): later ones shift, spanning ones grow. */
export function rectAfterInsert(r: GridRect, dim: Dimension, at: number, count: number): GridRect {
  const a = lo(r, dim);
  const b = hi(r, dim);
  if (a >= at) return withSpan(r, dim, a + count, b + count);
  if (b >= at) return withSpan(r, dim, a, b + count);
  return r;
}

/** Rows/columns [start, start+count-1] deleted: null when the rectangle disappears. */
export function rectAfterDelete(
  r: GridRect,
  dim: Dimension,
  start: number,
  count: number,
): GridRect | null {
  const end = start + count - 1;
  const map = (i: number, isLow: boolean): number => {
    if (i < start) return i;
    if (i > end) return i - count;
    return isLow ? start : start - 1;
  };
  const a = map(lo(r, dim), true);
  const b = map(hi(r, dim), false);
  if (b < a) return null;
  return withSpan(r, dim, a, b);
}
