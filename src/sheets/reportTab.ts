// "Báo cáo năm": the yearly report to the ministry, laid out once by setup as an A4 portrait page
// in the form of a Vietnamese administrative report. Every text that depends on the figures or
// on Cấu hình is a native reference to a cell of the summary block (`=T('Tổng hợp toàn tỉnh'!A…)`),
// so each consolidation updates the report with no service call of its own. The formulas hold
// no user text: the consolidation writes the text as values (src/core/reportText.ts).
import type { Config } from '../core/config';
import { REPORT_HEADINGS, reportSlotCount } from '../core/reportText';
import { asText } from './cellText';
import { summaryLayout } from './summaryTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column widths in pixels: 620 px ≈ 164 mm, the text width of A4 with margins 30/15 mm. */
export const REPORT_WIDTHS = [250, 370];
export const REPORT_FONT = 'Times New Roman';
/** First row of the body (the slots after the title). */
const BODY = 10;

export const RECIPIENTS = [
  '- Bộ Lao động - Thương binh và Xã hội (hoặc Bộ Nội vụ);',
  '- Ban Thi đua - Khen thưởng Trung ương;',
  '- Thường trực Tỉnh ủy, HĐND tỉnh;',
  '- Lưu: VT.',
];

export interface ReportLayout {
  /** Row of each slot of reportText (src/core/reportText.ts), and its column (1 = A, 2 = B). */
  slots: { row: number; column: number }[];
  /** Rows of the body (merged A:B, wrapped). */
  firstBodyRow: number;
  lastBodyRow: number;
  /** "Nơi nhận:" and the signature block. */
  footerRow: number;
  lastRow: number;
}

export function reportLayout(config: Config): ReportLayout {
  const n = reportSlotCount(config);
  const slots = [
    { row: 2, column: 1 },
    { row: 4, column: 2 },
    { row: 7, column: 1 },
    ...[...Array(n - 3)].map((_, i) => ({ row: BODY + i, column: 1 })),
  ];
  const lastBodyRow = BODY + n - 4;
  const footerRow = lastBodyRow + 2;
  return {
    slots,
    firstBodyRow: BODY,
    lastBodyRow,
    footerRow,
    lastRow: footerRow + RECIPIENTS.length + 3,
  };
}

const RULE = '―――――';

/** The tab's cells: fixed texts (escaped) and references to the summary block. */
export function reportCells(config: Config, summarySheet: string): unknown[][] {
  const layout = reportLayout(config);
  const grid: unknown[][] = [...Array(layout.lastRow)].map(() => ['', '']);
  const set = (row: number, column: number, value: unknown) => (grid[row - 1][column - 1] = value);
  set(1, 1, 'ỦY BAN NHÂN DÂN');
  set(1, 2, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  set(2, 2, 'Độc lập - Tự do - Hạnh phúc');
  set(3, 1, RULE);
  set(3, 2, RULE + RULE);
  set(4, 1, 'Số:        /BC-UBND');
  set(6, 1, 'BÁO CÁO');
  set(8, 1, RULE);
  const sheet = `'${summarySheet.replace(/'/g, "''")}'`;
  const first = summaryLayout(config).firstReportRow;
  layout.slots.forEach((s, i) => set(s.row, s.column, `=T(${sheet}!A${first + i})`));
  set(layout.footerRow, 1, 'Nơi nhận:');
  set(layout.footerRow, 2, 'TM. ỦY BAN NHÂN DÂN');
  set(layout.footerRow + 1, 2, 'CHỦ TỊCH');
  RECIPIENTS.forEach((r, i) => set(layout.footerRow + 1 + i, 1, asText(r)));
  return grid;
}

/** Builds (or rebuilds) the tab: values, merges, fonts, widths, no gridlines. */
export function prepareReportTab(sheet: Sheet, config: Config, summarySheet: string): void {
  const layout = reportLayout(config);
  const last = layout.lastRow;
  const range = (row: number, column: number, rows = 1, columns = 1) =>
    sheet.getRange(row, column, rows, columns);
  sheet.clear();
  sheet.getRange('A:B').breakApart();
  range(1, 1, last, 2).setValues(reportCells(config, summarySheet));
  REPORT_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setHiddenGridlines(true);
  range(1, 1, last, 2)
    .setFontFamily(REPORT_FONT)
    .setFontSize(13)
    .setVerticalAlignment('top')
    .setWrap(true);
  range(1, 1, 8, 2).setHorizontalAlignment('center');
  range(1, 1, 2, 2).setFontWeight('bold').setFontSize(12);
  range(2, 2).setFontSize(13);
  range(4, 2).setFontStyle('italic');
  range(6, 1, 3, 2).mergeAcross();
  range(6, 1, 2, 1).setFontWeight('bold').setFontSize(14);
  range(7, 1).setFontSize(13);
  range(BODY, 1, layout.lastBodyRow - BODY + 1, 2).mergeAcross();
  for (const i of REPORT_HEADINGS) range(layout.slots[i].row, 1).setFontWeight('bold');
  const f = layout.footerRow;
  range(f, 1).setFontWeight('bold').setFontStyle('italic').setFontSize(12);
  range(f + 1, 1, RECIPIENTS.length, 1).setFontSize(11);
  range(f, 2, 2, 1).setFontWeight('bold').setHorizontalAlignment('center');
}
