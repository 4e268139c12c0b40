// "Báo cáo năm": the yearly report to the ministry, laid out once by setup as an A4 portrait page
// in the form of a Vietnamese administrative report. Every text that depends on the figures or
// on Cấu hình is a native reference to a cell of the summary block (`=T('Tổng hợp toàn tỉnh'!A…)`),
// so each consolidation updates the report with no service call of its own. The formulas hold
// no user text: the consolidation writes the text as values (src/core/reportText.ts).
import type { Config } from '../core/config';
import { REPORT_HEADINGS, reportSlotCount } from '../core/reportText';
import { asText } from './cellText';
import { columnIndex, setWidths, type Columns } from './columns';
import { columnLetter } from './layout';
import { summaryLayout } from './summaryTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The two columns: the issuing body's, the number and the recipients on the left; the state's
 * motto, the place and date and the signer on the right; the body spans both. No header row.
 * 620 px ≈ 164 mm, the text width of A4 with margins 30/15 mm.
 */
const COLUMNS = {
  left: ['', undefined, 250],
  right: ['', undefined, 370],
} satisfies Columns;
const LEFT = columnIndex(COLUMNS, 'left');
const RIGHT = columnIndex(COLUMNS, 'right');
const WIDTH = Object.keys(COLUMNS).length;
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
    { row: 2, column: LEFT },
    { row: 4, column: RIGHT },
    { row: 7, column: LEFT },
    ...[...Array(n - 3)].map((_, i) => ({ row: BODY + i, column: LEFT })),
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
  const grid: unknown[][] = [...Array(layout.lastRow)].map(() => new Array(WIDTH).fill(''));
  const set = (row: number, column: number, value: unknown) => (grid[row - 1][column - 1] = value);
  set(1, LEFT, 'ỦY BAN NHÂN DÂN');
  set(1, RIGHT, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  set(2, RIGHT, 'Độc lập - Tự do - Hạnh phúc');
  set(3, LEFT, RULE);
  set(3, RIGHT, RULE + RULE);
  set(4, LEFT, 'Số:        /BC-UBND');
  set(6, LEFT, 'BÁO CÁO');
  set(8, LEFT, RULE);
  const sheet = `'${summarySheet.replace(/'/g, "''")}'`;
  const first = summaryLayout(config).firstReportRow;
  layout.slots.forEach((s, i) => set(s.row, s.column, `=T(${sheet}!A${first + i})`));
  set(layout.footerRow, LEFT, 'Nơi nhận:');
  set(layout.footerRow, RIGHT, 'TM. ỦY BAN NHÂN DÂN');
  set(layout.footerRow + 1, RIGHT, 'CHỦ TỊCH');
  RECIPIENTS.forEach((r, i) => set(layout.footerRow + 1 + i, LEFT, asText(r)));
  return grid;
}

/** Builds (or rebuilds) the tab: values, merges, fonts, widths, no gridlines. */
export function prepareReportTab(sheet: Sheet, config: Config, summarySheet: string): void {
  const layout = reportLayout(config);
  const last = layout.lastRow;
  const range = (row: number, column: number, rows = 1, columns = 1) =>
    sheet.getRange(row, column, rows, columns);
  sheet.clear();
  sheet.getRange(`A:${columnLetter(WIDTH)}`).breakApart();
  range(1, 1, last, WIDTH).setValues(reportCells(config, summarySheet));
  setWidths(sheet, COLUMNS);
  sheet.setHiddenGridlines(true);
  range(1, 1, last, WIDTH)
    .setFontFamily(REPORT_FONT)
    .setFontSize(13)
    .setVerticalAlignment('top')
    .setWrap(true);
  range(1, 1, 8, WIDTH).setHorizontalAlignment('center');
  range(1, 1, 2, WIDTH).setFontWeight('bold').setFontSize(12);
  range(2, RIGHT).setFontSize(13);
  range(4, RIGHT).setFontStyle('italic');
  range(6, 1, 3, WIDTH).mergeAcross();
  range(6, LEFT, 2, 1).setFontWeight('bold').setFontSize(14);
  range(7, LEFT).setFontSize(13);
  range(BODY, 1, layout.lastBodyRow - BODY + 1, WIDTH).mergeAcross();
  for (const i of REPORT_HEADINGS) range(layout.slots[i].row, LEFT).setFontWeight('bold');
  const f = layout.footerRow;
  range(f, LEFT).setFontWeight('bold').setFontStyle('italic').setFontSize(12);
  range(f + 1, LEFT, RECIPIENTS.length, 1).setFontSize(11);
  range(f, RIGHT, 2, 1).setFontWeight('bold').setHorizontalAlignment('center');
}
