// "Tổng hợp toàn tỉnh": what leaders read. One block of values written in one call; formats,
// colours and the chart are prepared once by setup for the configured number of units, so a
// consolidation only writes values.
import type { Config } from '../core/config';
import { formatDateTimeVi } from '../core/format';
import type { YearActivity } from '../core/reportFacts';
import type { ReportNote } from '../core/reportNotes';
import { reportSlotKinds, reportText, targetText } from '../core/reportText';
import { upperFirst } from '../core/reportWords';
import type { Review } from '../core/review';
import { reviewSlotKinds, reviewSlots } from '../core/reviewText';
import type { DistrictRow, Row, ShortlistEntry, Summary, TrendPoint } from '../core/types';
import { asText, padBlock } from './cellText';
import { columnIndex, formatRow, headerRow, rowOf, setWidths, type Columns } from './columns';
import { sheetFormula } from './formulaText';
import { columnLetter, SHEET } from './layout';
import { FIGURES_TEXT } from './statusLine';
import { RESULT_TEXT } from './unitFormulas';

export const STATUS_TEXT = { on_time: 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp' } as const;

function statusText(d: DistrictRow): string {
  const figures = d.figuresStatus ? FIGURES_TEXT[d.figuresStatus] : null;
  return figures ? `${STATUS_TEXT[d.reportStatus]} (${figures})` : STATUS_TEXT[d.reportStatus];
}
export { RESULT_TEXT };

/**
 * Columns holding escaped text keep the default format: in a cell formatted as plain text ('@')
 * the leading apostrophe that protects user text would be stored literally.
 */
const TEXT_FORMAT = '0.###############';
const COUNT = '#,##0';
const PERCENT = '0.0%';

/** A column of the unit rows: a field of the row (core/types.ts Row) or one made here. */
type SummaryKey =
  | keyof Row
  | 'rank'
  | 'result'
  | 'status'
  | 'outlookPoor'
  | 'outlookNearPoor'
  | 'outlookResult'
  | 'neededYearlyReduction'
  | 'errors';

/**
 * The columns of the unit rows: [header, number format, width]; '#' is the final year and '@'
 * the rows' level (Cấu hình). What leaders read first fills the first 8 columns (one screen):
 * rank, unit, result, both reductions, progress, report status, poor households; the rest follow.
 */
const COLUMNS = {
  rank: ['Hạng', '0'],
  name: ['Đơn vị', TEXT_FORMAT, 190],
  result: ['Kết quả', TEXT_FORMAT],
  poorReduction: ['Giảm hộ nghèo so với đầu kỳ', PERCENT],
  combinedReduction: ['Giảm hộ nghèo và cận nghèo', PERCENT],
  progress: ['Tiến độ', PERCENT],
  status: ['Báo cáo', TEXT_FORMAT],
  poor: ['Hộ nghèo', COUNT],
  nearPoor: ['Hộ cận nghèo', COUNT],
  poorBaseline: ['Hộ nghèo đầu kỳ', COUNT],
  nearPoorBaseline: ['Hộ cận nghèo đầu kỳ', COUNT],
  households: ['Tổng số hộ', COUNT],
  communes: ['Số @', COUNT],
  communesReported: ['Số @ đã báo cáo', COUNT],
  communesAttained: ['Số @ đạt', COUNT],
  score: ['Điểm thi đua', '0.0'],
  // The outlook to the final year (src/core/outlook.ts): blank in the final year itself.
  outlookPoor: ['Dự kiến hộ nghèo năm #', COUNT],
  outlookNearPoor: ['Dự kiến hộ cận nghèo năm #', COUNT],
  outlookResult: ['Dự kiến kết quả năm #', TEXT_FORMAT],
  neededYearlyReduction: ['Mức giảm hộ nghèo cần đạt mỗi năm', PERCENT],
  errors: ['Lỗi số liệu', TEXT_FORMAT],
} satisfies Partial<Columns<SummaryKey>>;
const HEADERS = headerRow(COLUMNS);
export const SUMMARY_WIDTH = HEADERS.length;
/** 1-based columns the chart and the colours use. */
const SUMMARY_COLUMN = {
  name: columnIndex(COLUMNS, 'name'),
  progress: columnIndex(COLUMNS, 'progress'),
  result: columnIndex(COLUMNS, 'result'),
};

/** The province's trend over the years, below the unit rows. */
const TREND_COLUMNS = {
  year: ['Năm', TEXT_FORMAT],
  households: ['Tổng số hộ', COUNT],
  poor: ['Hộ nghèo', COUNT],
  nearPoor: ['Hộ cận nghèo', COUNT],
  poorReduction: ['Giảm hộ nghèo so với đầu kỳ', PERCENT],
  combinedReduction: ['Giảm hộ nghèo và cận nghèo', PERCENT],
  progress: ['Tiến độ', PERCENT],
  note: ['Ghi chú', TEXT_FORMAT],
} satisfies Partial<Columns<keyof TrendPoint | 'note'>>;
const TREND_WIDTH = Object.keys(TREND_COLUMNS).length;

/** The error list: the unit under "Đơn vị" (column B, the wide one), then the cell and the message. */
const ERROR_COLUMNS = {
  none: [''],
  unit: ['Đơn vị'],
  cell: ['Ô'],
  message: ['Nội dung'],
} satisfies Columns;
const ERROR_FIRST_COLUMN = columnIndex(ERROR_COLUMNS, 'unit');
const ERROR_WIDTH = Object.keys(ERROR_COLUMNS).length;

export interface SummaryLayout {
  headerRow: number;
  /** The province row comes first, under the header; the units follow. */
  totalRow: number;
  firstUnitRow: number;
  trendTitleRow: number;
  trendHeaderRow: number;
  firstTrendRow: number;
  /** The review block (mid-term and final years): a row per unit, then the province. */
  reviewTitleRow: number;
  reviewHeaderRow: number;
  firstReviewRow: number;
  errorsTitleRow: number;
  firstErrorRow: number;
  /** The reports' text, one slot (paragraph) per row in column A: the report tabs refer to these cells. */
  reportTitleRow: number;
  firstReportRow: number;
  /** The review report's slots follow the yearly report's. */
  firstReviewReportRow: number;
}

export function summaryLayout(config: Config): SummaryLayout {
  const headerRow = 5;
  const totalRow = headerRow + 1;
  const firstUnitRow = totalRow + 1;
  const trendTitleRow = firstUnitRow + config.units.length + 1;
  const firstTrendRow = trendTitleRow + 2;
  const reviewTitleRow = firstTrendRow + config.years.length + 2;
  const firstReviewRow = reviewTitleRow + 2;
  const errorsTitleRow = firstReviewRow + config.units.length + 2;
  const firstReportRow = errorsTitleRow + 4 + MAX_ERROR_LINES;
  return {
    headerRow,
    totalRow,
    firstUnitRow,
    trendTitleRow,
    trendHeaderRow: trendTitleRow + 1,
    firstTrendRow,
    reviewTitleRow,
    reviewHeaderRow: reviewTitleRow + 1,
    firstReviewRow,
    errorsTitleRow,
    firstErrorRow: errorsTitleRow + 2,
    reportTitleRow: firstReportRow - 1,
    firstReportRow,
    firstReviewReportRow: firstReportRow + reportSlotKinds(config).length,
  };
}

/** Error lines listed on the tab at most (the rest are counted). */
const MAX_ERROR_LINES = 300;

/** Rows of the named range the summary is written to: fixed by the configuration. */
export function summaryCapacity(config: Config): number {
  const layout = summaryLayout(config);
  return layout.firstReviewReportRow + reviewSlotKinds(config).length - 1;
}

function resultText(row: Row): string {
  if (row.provisional) return RESULT_TEXT.provisional;
  return row.attained ? RESULT_TEXT.attained : RESULT_TEXT.notAttained;
}

/** A row's values; a null reduction or score is a blank cell; no outlook in the final year. */
function rowValues(
  row: Row,
  rank: number | string,
  status: string,
  errors: number,
  projected: boolean,
): unknown[] {
  const outlook = row.outlook;
  return rowOf(COLUMNS, {
    ...row,
    rank,
    name: asText(row.name),
    result: resultText(row),
    status,
    outlookPoor: outlook?.poor,
    outlookNearPoor: outlook?.nearPoor,
    outlookResult: !projected
      ? ''
      : !outlook
        ? 'Chưa đủ số liệu'
        : outlook.attained
          ? RESULT_TEXT.attained
          : RESULT_TEXT.notAttained,
    neededYearlyReduction: outlook?.neededYearlyReduction,
    errors: errors > 0 ? `${errors} lỗi — xem chi tiết bên dưới` : '',
  });
}

/** Units listed on the tab at most before they are put worst first. */
const WORST_FIRST_ABOVE = 20;

/**
 * The order of the unit rows: the ranking; with more than WORST_FIRST_ABOVE units, worst first
 * (not attained, then provisional, then attained; lower progress first; then lower rank), so
 * the first screen shows who needs attention.
 */
function displayOrder(districts: DistrictRow[]): DistrictRow[] {
  if (districts.length <= WORST_FIRST_ABOVE) return districts;
  const group = (d: DistrictRow) => (d.provisional ? 1 : d.attained ? 2 : 0);
  return [...districts].sort(
    (a, b) => group(a) - group(b) || a.progress - b.progress || b.rank - a.rank,
  );
}

/** The province's figures of each year with data. */
function trendRows(summary: Summary): unknown[][] {
  return summary.trend.map((t) =>
    rowOf(TREND_COLUMNS, {
      ...t,
      year: t.year === summary.baselineYear ? `${t.year} (đầu kỳ)` : String(t.year),
      progress: t.year === summary.baselineYear ? '' : t.progress,
      note: t.provisional ? 'Số liệu tạm tính' : '',
    }),
  );
}

/** Every unit's errors with their cells, at most MAX_ERROR_LINES lines (the last one counts the rest). */
function errorRows(summary: Summary): unknown[][] {
  const errors = summary.districts.flatMap((d) => d.errors.map((e) => ({ unit: d.name, ...e })));
  if (errors.length === 0) return [rowOf(ERROR_COLUMNS, { message: 'Không có lỗi.' })];
  const shown = errors.length > MAX_ERROR_LINES ? MAX_ERROR_LINES - 1 : errors.length;
  const rows = errors.slice(0, shown).map((e) =>
    rowOf(ERROR_COLUMNS, {
      unit: asText(e.unit),
      cell: asText(e.cell),
      message: asText(e.message),
    }),
  );
  if (shown < errors.length)
    rows.push(
      rowOf(ERROR_COLUMNS, {
        message: `… và ${errors.length - shown} lỗi khác: xem "Kiểm tra dữ liệu tất cả đơn vị".`,
      }),
    );
  return rows;
}

export interface SummaryRunInfo {
  ranBy: string;
  utcOffsetMinutes: number;
}

/** What the summary block is written from: the consolidation and what the reports add. */
export interface SummaryInput {
  summary: Summary;
  shortlist: ShortlistEntry[];
  activity: YearActivity;
  notes: readonly ReportNote[];
  review: Review | null;
}

/** Title, subtitle and legend (rows 1-3). */
function headRows(config: Config, summary: Summary, run: SummaryRunInfo): unknown[][] {
  const w = config.words;
  return [
    [
      `TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA "${config.movementName.toUpperCase()}" NĂM ${summary.year}`,
    ],
    [
      asText(
        `${upperFirst(w.provinceNoun)} ${config.province} · Kế hoạch số ${config.planNumber} · Đầu kỳ: rà soát cuối năm ${summary.baselineYear} · ` +
          `Mục tiêu: ${targetText(config)}`,
      ),
    ],
    [
      asText(
        `Tổng hợp lúc ${formatDateTimeVi(summary.generatedAt, run.utcOffsetMinutes)} bởi ${run.ranBy || 'người dùng không xác định'} · ` +
          `Đạt: xanh · Tạm tính (chưa đủ số liệu hoặc còn lỗi, chưa được xét): vàng · Chưa đạt: đỏ.`,
      ),
    ],
  ];
}

/** The review block: a row per unit and the province (blank outside review years). */
function reviewRows(config: Config, review: Review | null): unknown[][] {
  const years = [...config.years].sort((a, b) => a - b);
  const header = ['', 'Đơn vị', 'Hộ nghèo đầu kỳ', ...years.map((y) => `Hộ nghèo ${y}`)];
  header.push('Kết quả', 'Các năm đạt', 'Xu hướng hộ nghèo');
  if (!review)
    return [
      [
        `SƠ KẾT, TỔNG KẾT: chỉ có khi tổng hợp năm ${config.midTermYear} (sơ kết) hoặc ${config.finalYear} (tổng kết)`,
      ],
    ];
  const trend = { down: 'Giảm', up: 'Tăng', flat: 'Không đổi' };
  const line = (u: Review['units'][number]) => [
    '',
    asText(u.name),
    u.poorBaseline,
    ...years.map((y) => u.years.find((x) => x.year === y)?.poor ?? ''),
    u.provisional
      ? RESULT_TEXT.provisional
      : u.attained
        ? RESULT_TEXT.attained
        : RESULT_TEXT.notAttained,
    u.attainedYears.join(', '),
    u.trend ? trend[u.trend] : '',
  ];
  return [
    [
      `${review.kind === 'final' ? 'TỔNG KẾT' : 'SƠ KẾT GIỮA KỲ'} GIAI ĐOẠN ${review.fromYear} - ${review.toYear}`,
    ],
    header,
    line(review.total),
    ...review.units.map(line),
  ];
}

/** The whole tab as one block of values (rows × SUMMARY_WIDTH), the reports' text included. */
export function summaryValues(
  config: Config,
  input: SummaryInput,
  run: SummaryRunInfo,
): unknown[][] {
  const { summary, shortlist, activity, notes, review } = input;
  const layout = summaryLayout(config);
  const rows: unknown[][] = [];
  const put = (row: number, values: unknown[]) => (rows[row - 1] = values);
  headRows(config, summary, run).forEach((row, i) => put(1 + i, row));
  put(
    layout.headerRow,
    HEADERS.map((header) =>
      header.replace('#', String(config.finalYear)).replace('@', config.words.rowLevel),
    ),
  );
  const projected = summary.year < config.finalYear;
  const totalErrors = summary.districts.reduce((n, d) => n + d.errors.length, 0);
  put(layout.totalRow, rowValues(summary.total, '', '', totalErrors, projected));
  displayOrder(summary.districts).forEach((d: DistrictRow, i) =>
    put(layout.firstUnitRow + i, rowValues(d, d.rank, statusText(d), d.errors.length, projected)),
  );

  put(layout.trendTitleRow, [`DIỄN BIẾN QUA CÁC NĂM (${config.words.provinceRow.toUpperCase()})`]);
  put(layout.trendHeaderRow, headerRow(TREND_COLUMNS));
  trendRows(summary).forEach((row, i) => put(layout.firstTrendRow + i, row));
  reviewRows(config, review).forEach((row, i) => put(layout.reviewTitleRow + i, row));
  put(layout.errorsTitleRow, ['CHI TIẾT LỖI SỐ LIỆU']);
  put(layout.errorsTitleRow + 1, headerRow(ERROR_COLUMNS));
  errorRows(summary).forEach((row, i) => put(layout.firstErrorRow + i, row));

  put(layout.reportTitleRow, [
    `NỘI DUNG BÁO CÁO: trang "${SHEET.report}" và trang "${SHEET.review}" hiển thị các ô dưới đây`,
  ]);
  // A cell holds at most 50,000 characters (a paragraph only gets near it with absurd unit names).
  const cell = (text: string) => [asText(text.slice(0, 49999))];
  reportText(config, { summary, shortlist, activity, notes }).forEach((text, i) =>
    put(layout.firstReportRow + i, cell(text)),
  );
  reviewSlots(config, review, summary, notes).forEach(([, text], i) =>
    put(layout.firstReviewReportRow + i, cell(text)),
  );
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return padBlock(rows, SUMMARY_WIDTH, summaryCapacity(config));
}

/** Formats, colours and the chart of the summary tab, for the configured number of units. */
export function prepareSummaryTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, config: Config): void {
  const layout = summaryLayout(config);
  const unitRows = config.units.length + 1;
  const row = (r: number, width: number) => `A${r}:${columnLetter(width)}${r}`;
  const errorHeader = `${columnLetter(ERROR_FIRST_COLUMN)}${layout.errorsTitleRow + 1}:${columnLetter(ERROR_WIDTH)}${layout.errorsTitleRow + 1}`;
  // The title, the tables' header rows and the total row: bold, in one call; the header rows'
  // colour and wrap in one call each (Sheet.getRangeList).
  const headers = [
    row(layout.headerRow, SUMMARY_WIDTH),
    row(layout.trendHeaderRow, TREND_WIDTH),
    row(layout.reviewHeaderRow, SUMMARY_WIDTH),
  ];
  sheet
    .getRangeList([
      ...headers,
      'A1',
      row(layout.totalRow, SUMMARY_WIDTH),
      row(layout.reviewHeaderRow + 1, SUMMARY_WIDTH),
      ...[
        layout.trendTitleRow,
        layout.reviewTitleRow,
        layout.errorsTitleRow,
        layout.reportTitleRow,
      ].map((r) => `A${r}`),
      errorHeader,
    ])
    .setFontWeight('bold');
  sheet.getRangeList([...headers, errorHeader]).setBackground('#e8f0fe');
  sheet.getRangeList(headers).setWrap(true);
  sheet.getRange(1, 1).setFontSize(13);
  sheet.getRange(layout.headerRow, 1, 1, SUMMARY_WIDTH).setVerticalAlignment('middle');
  sheet
    .getRange(layout.totalRow, 1, unitRows, SUMMARY_WIDTH)
    .setNumberFormats([...Array(unitRows)].map(() => formatRow(COLUMNS, TEXT_FORMAT)));
  sheet.getRange(layout.totalRow, 1, 1, SUMMARY_WIDTH).setBackground('#f1f3f4');
  const trendFormats = formatRow(TREND_COLUMNS, TEXT_FORMAT);
  const trendRows = config.years.length + 1;
  sheet
    .getRange(layout.firstTrendRow, 1, trendRows, trendFormats.length)
    .setNumberFormats([...Array(trendRows)].map(() => trendFormats));
  sheet
    .getRange(layout.firstReviewRow, 3, config.units.length + 1, config.years.length + 1)
    .setNumberFormat(COUNT);
  sheet.setFrozenRows(layout.headerRow);
  setWidths(sheet, COLUMNS);

  const col = (c: number) => columnLetter(c);
  const unitArea = sheet.getRange(layout.totalRow, 1, unitRows, SUMMARY_WIDTH);
  const first = layout.totalRow;
  const resultCell = `$${col(SUMMARY_COLUMN.result)}${first}`;
  const rule = (formula: string, background: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(sheetFormula(formula))
      .setBackground(background)
      .setRanges([unitArea])
      .build();
  // Green, yellow, red by the result alone, whatever the progress.
  sheet.setConditionalFormatRules([
    rule(`=${resultCell}="${RESULT_TEXT.attained}"`, '#e6f4ea'),
    rule(`=${resultCell}="${RESULT_TEXT.provisional}"`, '#fef7e0'),
    rule(`=${resultCell}="${RESULT_TEXT.notAttained}"`, '#fce8e6'),
  ]);

  insertProgressChart(sheet, config, layout);
}

/** The bar chart of the units' progress, to the right of the table (the province row left out). */
function insertProgressChart(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  config: Config,
  layout: SummaryLayout,
): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const names = sheet.getRange(layout.firstUnitRow, SUMMARY_COLUMN.name, config.units.length, 1);
  const progress = sheet.getRange(
    layout.firstUnitRow,
    SUMMARY_COLUMN.progress,
    config.units.length,
    1,
  );
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(names)
      .addRange(progress)
      .setPosition(layout.headerRow, SUMMARY_WIDTH + 2, 0, 0)
      .setOption('title', 'Tiến độ thực hiện mục tiêu theo đơn vị')
      .setOption('legend', { position: 'none' })
      .setOption('hAxis', { format: 'percent', minValue: 0, maxValue: 1 })
      .build(),
  );
}
