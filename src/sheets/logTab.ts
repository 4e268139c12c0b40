// "Nhật ký": one row per consolidation and per submission, appended (never rewritten), so the
// history only grows.
import { formatDateTimeVi } from '../core/format';
import { asText } from './cellText';

export const LOG_HEADERS = [
  'Thời điểm',
  'Người thực hiện',
  'Thao tác',
  'Năm',
  'Đơn vị',
  'Nội dung',
  'Hộ nghèo',
  'Hộ cận nghèo',
  'Tiến độ',
] as const;

/** The newest row is always right under the header. */
export const LOG_FIRST_ROW = 2;

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

export function logRow(entry: LogEntry, utcOffsetMinutes: number): unknown[] {
  return [
    formatDateTimeVi(entry.at, utcOffsetMinutes),
    asText(entry.by || 'không xác định'),
    asText(entry.action),
    entry.year,
    asText(entry.unit),
    asText(entry.detail),
    entry.poor ?? '',
    entry.nearPoor ?? '',
    entry.progress ?? '',
  ];
}

export function prepareLogTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const header = sheet.getRange(1, 1, 1, LOG_HEADERS.length);
  header
    .setValues([[...LOG_HEADERS]])
    .setFontWeight('bold')
    .setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  sheet.getRange('G:H').setNumberFormat('#,##0');
  sheet.getRange('I:I').setNumberFormat('0.0%');
  sheet.setColumnWidth(6, 360);
}
