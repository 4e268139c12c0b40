// "Báo cáo năm" and "Báo cáo sơ kết, tổng kết": documents in the form of Decree 30/2020/NĐ-CP on
// an A4 portrait page, laid out once by setup. Every text that depends on the figures or on Cấu
// hình is a slot: a native reference to a cell of the summary block
// (`=T('Tổng hợp toàn tỉnh'!A…)`), so each consolidation updates the documents with no service
// call of its own. The formulas hold no user text: the consolidation writes the text as values
// (src/core/reportText.ts, src/core/reviewText.ts). Where each slot goes depends on its kind.
//
// Google Sheets cannot justify text in a cell (Apps Script's setHorizontalAlignment takes left,
// center, right or normal; the Sheets API's HorizontalAlign has no JUSTIFY), so on the tab the body
// is left-aligned; the .xlsx and the PDF made by the tools justify it (tools/reportPdf.ts). The
// first-line indent is in the text (no-break spaces), so every program shows it.
import type { Config } from '../core/config';
import { reportSlotKinds, type SlotKind } from '../core/reportText';
import { reviewSlotKinds } from '../core/reviewText';
import { columnIndex, setWidths, type Columns } from './columns';
import { a1, columnLetter } from './layout';
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
const REPORT_FONT = 'Times New Roman';
/** First row of the body (headings and paragraphs, merged across the page). */
export const BODY_ROW = 10;
const RULE = '―――――';

/** Which document a tab holds: its slots' kinds and where they start in the summary block. */
export interface DocumentSpec {
  kinds: SlotKind[];
  firstSummaryRow: number;
}

/** Both documents are reports of the people's committee; the number is filled in by hand. */
const DOCUMENT_NUMBER = 'Số:        /BC-UBND';

export const yearlyReport = (config: Config): DocumentSpec => ({
  kinds: reportSlotKinds(config),
  firstSummaryRow: summaryLayout(config).firstReportRow,
});

export const reviewReport = (config: Config): DocumentSpec => ({
  kinds: reviewSlotKinds(config),
  firstSummaryRow: summaryLayout(config).firstReviewReportRow,
});

export interface ReportLayout {
  /** Row and column (1 = A, 2 = B) of each slot. */
  slots: { row: number; column: number; kind: SlotKind }[];
  firstBodyRow: number;
  lastBodyRow: number;
  /** One row: "Nơi nhận:" and the recipients, the signer block. */
  footerRow: number;
  lastRow: number;
}

const HEAD: Partial<Record<SlotKind, { row: number; column: number }>> = {
  issuer1: { row: 1, column: LEFT },
  issuer2: { row: 2, column: LEFT },
  place: { row: 4, column: RIGHT },
  title: { row: 7, column: LEFT },
};

export function reportLayout(spec: DocumentSpec): ReportLayout {
  const bodyCount = spec.kinds.filter((k) => k === 'heading' || k === 'body').length;
  const lastBodyRow = BODY_ROW + bodyCount - 1;
  const footerRow = lastBodyRow + 2;
  let body = BODY_ROW;
  const slots = spec.kinds.map((kind) => {
    const head = HEAD[kind];
    if (head) return { ...head, kind };
    if (kind === 'heading' || kind === 'body') return { row: body++, column: LEFT, kind };
    return { row: footerRow, column: kind === 'recipients' ? LEFT : RIGHT, kind };
  });
  return { slots, firstBodyRow: BODY_ROW, lastBodyRow, footerRow, lastRow: footerRow };
}

/** The tab's cells: fixed texts and references to the summary block. */
function reportCells(spec: DocumentSpec, summarySheet: string): unknown[][] {
  const layout = reportLayout(spec);
  const grid: unknown[][] = [...Array(layout.lastRow)].map(() => new Array(WIDTH).fill(''));
  const set = (row: number, column: number, value: unknown) => (grid[row - 1][column - 1] = value);
  set(1, RIGHT, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  set(2, RIGHT, 'Độc lập - Tự do - Hạnh phúc');
  set(3, LEFT, RULE);
  set(3, RIGHT, RULE + RULE);
  set(4, LEFT, DOCUMENT_NUMBER);
  set(6, LEFT, 'BÁO CÁO');
  set(8, LEFT, RULE);
  const sheet = `'${summarySheet.replace(/'/g, "''")}'`;
  layout.slots.forEach((s, i) => set(s.row, s.column, `=T(${sheet}!A${spec.firstSummaryRow + i})`));
  return grid;
}

/** Builds (or rebuilds) the tab: values, merges, fonts, widths, no gridlines. */
export function prepareReportTab(sheet: Sheet, spec: DocumentSpec, summarySheet: string): void {
  const layout = reportLayout(spec);
  const last = layout.lastRow;
  const range = (row: number, column: number, rows = 1, columns = 1) =>
    sheet.getRange(row, column, rows, columns);
  sheet.clear();
  sheet.getRange(`A:${columnLetter(WIDTH)}`).breakApart();
  range(1, 1, last, WIDTH).setValues(reportCells(spec, summarySheet));
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
  range(BODY_ROW, 1, layout.lastBodyRow - BODY_ROW + 1, WIDTH).mergeAcross();
  const headings = layout.slots.filter((s) => s.kind === 'heading').map((s) => a1(s.row, LEFT));
  if (headings.length > 0) sheet.getRangeList(headings).setFontWeight('bold');
  const f = layout.footerRow;
  range(f, LEFT).setFontSize(11);
  range(f, RIGHT).setFontWeight('bold').setHorizontalAlignment('center');
}
