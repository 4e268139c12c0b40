// The rows a unit tab and an agency tab share (unitTab.ts, agencyTab.ts): the title, the status
// line and the note at the top, the criteria and nominations blocks at the bottom; the tab's size
// and its one read.
import { rowNoun, type Config } from '../core/config';
import { CRITERIA_FIELDS } from '../core/fields';
import { formatDayMonth } from '../core/format';
import { upperFirst } from '../core/reportWords';
import { asText } from './cellText';
import { NOMINATION_BLANK_ROWS, NOMINATION_COLUMNS, UNIT_TEXT, type UnitLayout } from './layout';
import { fillText } from './setupData';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * At least `rows` × `columns`; with `exactRows`, rows below `rows` are deleted when empty (a
 * fresh tab: the consolidation reads whole columns, so each blank row of a new tab, 1,000 by
 * default, would be read on every run; the sidebar adds rows when nominations need more).
 */
export function ensureSize(sheet: Sheet, rows: number, columns: number, exactRows = false): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (exactRows && maxRows > rows && sheet.getLastRow() <= rows)
    sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * The layout `L` of an existing tab, grown so that at least NOMINATION_BLANK_ROWS empty rows
 * follow its last filled row (`filledRows`): district staff cannot add rows to their protected
 * tab (docs/DECISIONS.md 56), so the nominations they add from the sidebar go into these.
 */
export const withBlankRows = (L: UnitLayout, filledRows: number): UnitLayout => ({
  ...L,
  lastRow: Math.max(L.lastRow, filledRows + NOMINATION_BLANK_ROWS),
});

/** The tab's values from A1, `width` columns wide, down to its last row (one read). */
export function readTabGrid(sheet: Sheet, width: number): unknown[][] {
  const lastRow = sheet.getLastRow();
  return lastRow === 0 ? [] : sheet.getRange(1, 1, lastRow, width).getValues();
}

/** An empty grid of the layout's size, to fill and write with one setValues. */
export function blankGrid(L: UnitLayout): unknown[][] {
  const values: unknown[][] = [];
  for (let r = 0; r < L.lastRow; r++) values.push(new Array(L.lastColumn).fill(''));
  return values;
}

/** Writes the shared rows into `values`; `note` may hold {deadline}, {row} and {Row} (Cấu hình's rows). */
export function setCommonRows(
  values: unknown[][],
  L: UnitLayout,
  config: Config,
  unitName: string,
  text: { title: string; status: string; note: string },
): void {
  const set = (row: number, column: number, v: unknown) => (values[row - 1][column - 1] = v);
  const title = {
    unit: unitName,
    baselineYear: config.baselineYear,
    lastYear: Math.max(...config.years),
  };
  set(L.titleRow, 1, asText(fillText(text.title, title)));
  set(L.statusRow, 1, text.status);
  const deadline = formatDayMonth(config.deadline.day, config.deadline.month);
  const row = rowNoun(config.words);
  set(L.noteRow, 1, fillText(text.note, { deadline, row, Row: upperFirst(row) }));
  set(L.criteriaTitleRow, 1, UNIT_TEXT.criteriaTitle);
  set(L.criteriaHeaderRow, 1, UNIT_TEXT.criteriaHeader);
  config.years.forEach((y, i) => set(L.criteriaHeaderRow, L.criteriaYearColumn + i, y));
  CRITERIA_FIELDS.forEach((c, i) => set(L.firstCriteriaRow + i, 1, c.rowLabel));
  set(L.nominationsTitleRow, 1, UNIT_TEXT.nominationsTitle);
  NOMINATION_COLUMNS.forEach((c, i) => set(L.nominationsHeaderRow, 1 + i, c.header));
}
