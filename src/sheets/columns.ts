// The columns of an output tab, declared once as a keyed table, in order: key → [header, number
// format, width]. Positions, header rows, data rows and formats are all computed from the table,
// so no column is numbered by hand.
/** [header, number format of the data cells (none: the default), width in pixels set by setup]. */
export type ColumnSpec = readonly [header: string, format?: string, width?: number];
export type Columns<K extends string = string> = Readonly<Record<K, ColumnSpec>>;

const specs = (columns: Columns): ColumnSpec[] => Object.values(columns);

/** 1-based column of `key`. */
export const columnIndex = <K extends string>(columns: Columns<K>, key: K): number =>
  Object.keys(columns).indexOf(key) + 1;

export const headerRow = (columns: Columns): string[] => specs(columns).map(([header]) => header);

/** A row of values in the table's order; a key left out (or null) is a blank cell. */
export const rowOf = <K extends string>(
  columns: Columns<K>,
  values: Partial<Record<NoInfer<K>, unknown>>,
): unknown[] => (Object.keys(columns) as K[]).map((key) => values[key] ?? '');

/** The data formats of a row (`fallback` where a column has none). */
export const formatRow = (columns: Columns, fallback: string): string[] =>
  specs(columns).map(([, format]) => format ?? fallback);

/** Neighbouring columns that share a format (1-based, inclusive): one setNumberFormat per run. */
export function formatRuns(columns: Columns): { format: string; first: number; last: number }[] {
  const formats = specs(columns).map(([, format]) => format);
  const runs: { format: string; first: number; last: number }[] = [];
  formats.forEach((format, i) => {
    const run = runs[runs.length - 1];
    if (format === undefined) return;
    if (run && run.format === format && run.last === i) run.last = i + 1;
    else runs.push({ format, first: i + 1, last: i + 1 });
  });
  return runs;
}

/** Sets the width of every column that declares one. */
export function setWidths(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: Columns): void {
  specs(columns).forEach(([, , width], i) => {
    if (width !== undefined) sheet.setColumnWidth(i + 1, width);
  });
}
