// The tabs the consolidate menu writes: prepared once by setup (structure, formats, colours,
// chart, named ranges), then only filled with values. "Báo cáo năm" follows the summary: its
// cells refer to the report's text in the summary block, so the consolidation never writes it.
import type { Config } from '../core/config';
import { columnLetter, NAMED, SHEET, SHEET_TAG } from './layout';
import { LOG_HEADERS, prepareLogTab } from './logTab';
import { prepareReportTab, reportLayout, reviewReport, yearlyReport } from './reportTab';
import { findOrCreateSheet, indexSheets, type SheetIndex } from './sheetFinder';
import { prepareShortlistTab, SHORTLIST_WIDTH } from './shortlistTab';
import { prepareSummaryTab, summaryCapacity, SUMMARY_WIDTH } from './summaryTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Creates or repairs Tổng hợp toàn tỉnh, Báo cáo năm, Báo cáo sơ kết, tổng kết, Đề xuất khen
 * thưởng and Nhật ký. Never clears data (the reports hold none).
 */
export function prepareOutputTabs(
  ss: Spreadsheet,
  config: Config,
  index: SheetIndex = indexSheets(ss),
): string[] {
  const end = () => ss.getNumSheets();
  const summary = findOrCreateSheet(ss, index, SHEET_TAG.summary, SHEET.summary, end()).sheet;
  prepareSummaryTab(summary, config);
  ss.setNamedRange(NAMED.summary, summary.getRange(1, 1, summaryCapacity(config), SUMMARY_WIDTH));

  const report = findOrCreateSheet(
    ss,
    index,
    SHEET_TAG.report,
    SHEET.report,
    summary.getIndex(),
  ).sheet;
  const yearly = yearlyReport(config);
  prepareReportTab(report, yearly, summary.getName());
  ss.setNamedRange(NAMED.report, report.getRange(1, 1, reportLayout(yearly).lastRow, 2));
  const review = findOrCreateSheet(
    ss,
    index,
    SHEET_TAG.review,
    SHEET.review,
    report.getIndex(),
  ).sheet;
  prepareReportTab(review, reviewReport(config), summary.getName());

  const shortlist = findOrCreateSheet(ss, index, SHEET_TAG.shortlist, SHEET.shortlist, end()).sheet;
  prepareShortlistTab(shortlist, config);
  ss.setNamedRange(NAMED.shortlist, shortlist.getRange(`A:${columnLetter(SHORTLIST_WIDTH)}`));

  const log = findOrCreateSheet(ss, index, SHEET_TAG.log, SHEET.log, end()).sheet;
  prepareLogTab(log);
  ss.setNamedRange(NAMED.log, log.getRange(`A:${columnLetter(LOG_HEADERS.length)}`));
  return [
    summary.getName(),
    report.getName(),
    review.getName(),
    shortlist.getName(),
    log.getName(),
  ];
}
