// "Nhật ký": one row per consolidation and per submission, appended (never rewritten), so the
// history only grows.
import { formatDateTimeVi } from '../core/format';
import { asText } from './cellText';
import { columnLetter, SHEET } from './layout';
import { formatRuns, headerRow, rowOf, setWidths, type Columns } from './columns';

/** The columns, keyed by the fields of a log entry: [header, number format, width]. */
const COLUMNS = {
  at: ['Thời điểm'],
  by: ['Người thực hiện'],
  action: ['Thao tác'],
  year: ['Năm'],
  unit: ['Đơn vị'],
  detail: ['Nội dung', undefined, 360],
  poor: ['Hộ nghèo', '#,##0'],
  nearPoor: ['Hộ cận nghèo', '#,##0'],
  progress: ['Tiến độ', '0.0%'],
} satisfies Columns<keyof LogEntry>;
export const LOG_HEADERS = headerRow(COLUMNS);

/** The newest row is always right under the header. */
const LOG_FIRST_ROW = 2;

export interface LogEntry {
  at: string; // ISO instant
  by: string;
  action: string;
  year: number;
  unit: string;
  detail: string;
  poor?: number;
  nearPoor?: number;
  progress?: number;
}

function logRow(entry: LogEntry, utcOffsetMinutes: number): unknown[] {
  return rowOf(COLUMNS, {
    ...entry,
    // Text, never a date to parse: "dd/MM/yyyy HH:mm" typed into a cell is read by the
    // spreadsheet's locale (12/08 is 8 December in en_US), and the time shown is Vietnam's.
    at: asText(formatDateTimeVi(entry.at, utcOffsetMinutes)),
    by: asText(entry.by || 'không xác định'),
    action: asText(entry.action),
    unit: asText(entry.unit),
    detail: asText(entry.detail),
  });
}

export function prepareLogTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const header = sheet.getRange(1, 1, 1, LOG_HEADERS.length);
  header.setValues([LOG_HEADERS]).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  for (const { format, first, last } of formatRuns(COLUMNS))
    sheet.getRange(`${columnLetter(first)}:${columnLetter(last)}`).setNumberFormat(format);
  setWidths(sheet, COLUMNS);
}

/**
 * Writes `entries` (oldest first) under the header, newest first: inserting rows never runs past
 * the end of the tab, and no earlier row is ever overwritten (2 calls besides the lookup). False
 * when there is no Nhật ký tab (a workbook not set up yet).
 */
export function prependLogRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly LogEntry[],
  utcOffsetMinutes: number,
): boolean {
  const log = ss.getSheetByName(SHEET.log);
  if (!log) return false;
  if (entries.length === 0) return true;
  const rows = entries.map((e) => logRow(e, utcOffsetMinutes)).reverse();
  log.insertRowsBefore(LOG_FIRST_ROW, rows.length);
  log.getRange(LOG_FIRST_ROW, 1, rows.length, LOG_HEADERS.length).setValues(rows);
  return true;
}

/** Appends one row under the header (newest first). False when there is no Nhật ký tab. */
export function appendLogRow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entry: LogEntry,
  utcOffsetMinutes: number,
): boolean {
  return prependLogRows(ss, [entry], utcOffsetMinutes);
}
