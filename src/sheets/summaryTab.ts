// "Tổng hợp toàn tỉnh": what leaders read. One block of values written in one call; formats,
// colours and the chart are prepared once by setup for the configured number of units, so a
// consolidation only writes values.
import type { Config } from '../core/config';
import { formatDateTimeVi } from '../core/format';
import { reportSlotCount, reportText, targetText } from '../core/reportText';
import type { DistrictRow, Row, ShortlistEntry, Summary } from '../core/types';
import { asText, padBlock } from './cellText';
import { columnLetter, SHEET } from './layout';
import { RESULT_TEXT } from './unitFormulas';

export const STATUS_TEXT = { on_time: 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp' } as const;
export { RESULT_TEXT };

/**
 * Columns holding escaped text keep the default format: in a cell formatted as plain text ('@')
 * the leading apostrophe that protects user text would be stored literally.
 */
const TEXT_FORMAT = '0.###############';
const COUNT = '#,##0';
const PERCENT = '0.0%';

/** Header and number format of each column. */
const COLUMNS: readonly (readonly [header: string, format: string])[] = [
  ['Hạng', '0'],
  ['Đơn vị', TEXT_FORMAT],
  ['Số xã', COUNT],
  ['Số xã đã báo cáo', COUNT],
  ['Tổng số hộ', COUNT],
  ['Hộ nghèo đầu kỳ', COUNT],
  ['Hộ cận nghèo đầu kỳ', COUNT],
  ['Hộ nghèo', COUNT],
  ['Hộ cận nghèo', COUNT],
  ['Giảm hộ nghèo so với đầu kỳ', PERCENT],
  ['Giảm hộ nghèo và cận nghèo', PERCENT],
  ['Tiến độ', PERCENT],
  ['Kết quả', TEXT_FORMAT],
  ['Số xã đạt', COUNT],
  ['Điểm thi đua', '0.0'],
  ['Báo cáo', TEXT_FORMAT],
  // The outlook to the final year ('#'): src/core/outlook.ts.
  ['Dự kiến hộ nghèo năm #', COUNT],
  ['Dự kiến hộ cận nghèo năm #', COUNT],
  ['Dự kiến kết quả năm #', TEXT_FORMAT],
  ['Mức giảm hộ nghèo cần đạt mỗi năm', PERCENT],
  ['Lỗi số liệu', TEXT_FORMAT],
];
export const SUMMARY_WIDTH = COLUMNS.length;
/** 1-based columns the chart and the colours use. */
export const SUMMARY_COLUMN = { name: 2, progress: 12, result: 13, status: 16 } as const;

const TREND_HEADERS = [
  'Năm',
  'Tổng số hộ',
  'Hộ nghèo',
  'Hộ cận nghèo',
  'Giảm hộ nghèo so với đầu kỳ',
  'Giảm hộ nghèo và cận nghèo',
  'Tiến độ',
  'Ghi chú',
];

export interface SummaryLayout {
  headerRow: number;
  firstUnitRow: number;
  totalRow: number;
  trendTitleRow: number;
  trendHeaderRow: number;
  firstTrendRow: number;
  errorsTitleRow: number;
  firstErrorRow: number;
  /** The report's text, one slot (paragraph) per row in column A: "Báo cáo năm" refers to these cells. */
  reportTitleRow: number;
  firstReportRow: number;
}

export function summaryLayout(config: Config): SummaryLayout {
  const headerRow = 5;
  const firstUnitRow = headerRow + 1;
  const totalRow = firstUnitRow + config.units.length;
  const trendTitleRow = totalRow + 2;
  const firstTrendRow = trendTitleRow + 2;
  const errorsTitleRow = firstTrendRow + config.years.length + 1 + 1;
  return {
    headerRow,
    firstUnitRow,
    totalRow,
    trendTitleRow,
    trendHeaderRow: trendTitleRow + 1,
    firstTrendRow,
    errorsTitleRow,
    firstErrorRow: errorsTitleRow + 2,
    reportTitleRow: errorsTitleRow + 3 + MAX_ERROR_LINES,
    firstReportRow: errorsTitleRow + 4 + MAX_ERROR_LINES,
  };
}

/** Error lines listed on the tab at most (the rest are counted). */
export const MAX_ERROR_LINES = 300;

/** Rows of the named range the summary is written to: fixed by the configuration. */
export function summaryCapacity(config: Config): number {
  return summaryLayout(config).firstReportRow + reportSlotCount(config) - 1;
}

export function resultText(row: Row): string {
  if (row.provisional) return RESULT_TEXT.provisional;
  return row.attained ? RESULT_TEXT.attained : RESULT_TEXT.notAttained;
}

const orBlank = (n: number | null): number | string => (n === null ? '' : n);

function rowValues(row: Row, rank: number | string, status: string, errors: number): unknown[] {
  return [
    rank,
    asText(row.name),
    row.communes,
    row.communesReported,
    row.households,
    row.poorBaseline,
    row.nearPoorBaseline,
    row.poor,
    row.nearPoor,
    orBlank(row.poorReduction),
    orBlank(row.combinedReduction),
    row.progress,
    resultText(row),
    row.communesAttained,
    orBlank(row.score),
    status,
    ...(row.outlook
      ? [
          row.outlook.poor,
          row.outlook.nearPoor,
          row.outlook.attained ? RESULT_TEXT.attained : RESULT_TEXT.notAttained,
          orBlank(row.outlook.neededYearlyReduction),
        ]
      : ['', '', 'Chưa đủ số liệu', '']),
    errors > 0 ? `${errors} lỗi — xem chi tiết bên dưới` : '',
  ];
}

export interface SummaryRunInfo {
  ranBy: string;
  utcOffsetMinutes: number;
}

/** The whole tab as one block of values (rows × SUMMARY_WIDTH), the report's text included. */
export function summaryValues(
  config: Config,
  summary: Summary,
  shortlist: ShortlistEntry[],
  run: SummaryRunInfo,
): unknown[][] {
  const layout = summaryLayout(config);
  const rows: unknown[][] = [];
  const put = (row: number, values: unknown[]) => (rows[row - 1] = values);
  put(1, [
    `TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA "${config.movementName.toUpperCase()}" NĂM ${summary.year}`,
  ]);
  put(2, [
    asText(
      `Tỉnh ${config.province} · Kế hoạch số ${config.planNumber} · Đầu kỳ: rà soát cuối năm ${summary.baselineYear} · ` +
        `Mục tiêu: ${targetText(config)}`,
    ),
  ]);
  put(3, [
    asText(
      `Tổng hợp lúc ${formatDateTimeVi(summary.generatedAt, run.utcOffsetMinutes)} bởi ${run.ranBy || 'người dùng không xác định'} · ` +
        `"Tạm tính": đơn vị chưa đủ số liệu hoặc còn lỗi, chưa được xét đạt.`,
    ),
  ]);
  put(
    layout.headerRow,
    COLUMNS.map(([header]) => header.replace('#', String(config.finalYear))),
  );
  summary.districts.forEach((d: DistrictRow, i) =>
    put(
      layout.firstUnitRow + i,
      rowValues(d, d.rank, STATUS_TEXT[d.reportStatus], d.errors.length),
    ),
  );
  const totalErrors = summary.districts.reduce((n, d) => n + d.errors.length, 0);
  put(layout.totalRow, rowValues(summary.total, '', '', totalErrors));

  put(layout.trendTitleRow, ['DIỄN BIẾN QUA CÁC NĂM (TOÀN TỈNH)']);
  put(layout.trendHeaderRow, TREND_HEADERS);
  summary.trend.forEach((t, i) =>
    put(layout.firstTrendRow + i, [
      t.year === summary.baselineYear ? `${t.year} (đầu kỳ)` : String(t.year),
      t.households,
      t.poor,
      t.nearPoor,
      orBlank(t.poorReduction),
      orBlank(t.combinedReduction),
      t.year === summary.baselineYear ? '' : t.progress,
      t.provisional ? RESULT_TEXT.provisional : '',
    ]),
  );

  put(layout.errorsTitleRow, ['CHI TIẾT LỖI SỐ LIỆU']);
  const errors = summary.districts.flatMap((d) => d.errors.map((e) => ({ unit: d.name, ...e })));
  // The unit under "Đơn vị" (column B, the wide one), then the cell and the message.
  put(layout.errorsTitleRow + 1, ['', 'Đơn vị', 'Ô', 'Nội dung']);
  if (errors.length === 0) put(layout.firstErrorRow, ['', '', '', 'Không có lỗi.']);
  const shown = errors.length > MAX_ERROR_LINES ? MAX_ERROR_LINES - 1 : errors.length;
  errors
    .slice(0, shown)
    .forEach((e, i) =>
      put(layout.firstErrorRow + i, ['', asText(e.unit), asText(e.cell), asText(e.message)]),
    );
  if (shown < errors.length)
    put(layout.firstErrorRow + shown, [
      '',
      '',
      '',
      `… và ${errors.length - shown} lỗi khác: xem "Kiểm tra dữ liệu tất cả đơn vị".`,
    ]);

  put(layout.reportTitleRow, [
    `NỘI DUNG BÁO CÁO NĂM: trang "${SHEET.report}" hiển thị các ô dưới đây`,
  ]);
  // A cell holds at most 50,000 characters (a paragraph only gets near it with absurd unit names).
  reportText(config, summary, shortlist).forEach((text, i) =>
    put(layout.firstReportRow + i, [asText(text.slice(0, 49999))]),
  );
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return padBlock(rows, SUMMARY_WIDTH, summaryCapacity(config));
}

/** Formats, colours and the chart of the summary tab, for the configured number of units. */
export function prepareSummaryTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, config: Config): void {
  const layout = summaryLayout(config);
  const unitRows = config.units.length + 1;
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(13);
  sheet
    .getRange(layout.headerRow, 1, 1, SUMMARY_WIDTH)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setWrap(true)
    .setVerticalAlignment('middle');
  sheet
    .getRange(layout.firstUnitRow, 1, unitRows, SUMMARY_WIDTH)
    .setNumberFormats([...Array(unitRows)].map(() => COLUMNS.map(([, format]) => format)));
  sheet
    .getRange(layout.totalRow, 1, 1, SUMMARY_WIDTH)
    .setFontWeight('bold')
    .setBackground('#f1f3f4');
  const trendFormats = [TEXT_FORMAT, COUNT, COUNT, COUNT, PERCENT, PERCENT, PERCENT, TEXT_FORMAT];
  const trendRows = config.years.length + 1;
  sheet
    .getRange(layout.trendHeaderRow, 1, 1, TREND_HEADERS.length)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setWrap(true);
  sheet
    .getRange(layout.firstTrendRow, 1, trendRows, trendFormats.length)
    .setNumberFormats([...Array(trendRows)].map(() => trendFormats));
  for (const row of [layout.trendTitleRow, layout.errorsTitleRow, layout.reportTitleRow]) {
    sheet.getRange(row, 1).setFontWeight('bold');
  }
  sheet
    .getRange(layout.errorsTitleRow + 1, 2, 1, 3)
    .setFontWeight('bold')
    .setBackground('#e8f0fe');
  sheet.setFrozenRows(layout.headerRow);
  sheet.setColumnWidth(SUMMARY_COLUMN.name, 190);

  const col = (c: number) => columnLetter(c);
  const unitArea = sheet.getRange(layout.firstUnitRow, 1, unitRows, SUMMARY_WIDTH);
  const first = layout.firstUnitRow;
  const resultCell = `$${col(SUMMARY_COLUMN.result)}${first}`;
  const progressCell = `$${col(SUMMARY_COLUMN.progress)}${first}`;
  const rule = (formula: string, background: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(background)
      .setRanges([unitArea])
      .build();
  sheet.setConditionalFormatRules([
    rule(`=${resultCell}="${RESULT_TEXT.provisional}"`, '#fef7e0'),
    rule(`=${resultCell}="${RESULT_TEXT.attained}"`, '#e6f4ea'),
    rule(`=AND(${resultCell}="${RESULT_TEXT.notAttained}",${progressCell}<0.5)`, '#fce8e6'),
    rule(`=${resultCell}="${RESULT_TEXT.notAttained}"`, '#fef7e0'),
  ]);

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
