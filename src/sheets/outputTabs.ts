// The tabs the consolidate menu writes: prepared once by setup (structure, formats, colours,
// chart, named ranges), then only filled with values. "Báo cáo năm" follows the summary: its
// cells refer to the report's text in the summary block, so the consolidation never writes it.
import type { Config } from '../core/config';
import { columnLetter, NAMED, SHEET, SHEET_TAG } from './layout';
import { LEDGER_HEADERS, prepareApprovalsTab } from './approvalLedger';
import { LOG_HEADERS, prepareLogTab } from './logTab';
import { prepareReportTab, reportLayout, reviewReport, yearlyReport } from './reportTab';
import { ensureNamedRange, findOrCreateSheet, indexSheets, type SheetIndex } from './sheetFinder';
import { prepareAnnexTab } from './annexTab';
import {
  ANNEX_FIRST_COLUMN,
  prepareShortlistTab,
  shortlistCapacity,
  SHORTLIST_WIDTH,
} from './shortlistTab';
import { prepareSummaryTab, summaryCapacity, SUMMARY_WIDTH } from './summaryTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Creates or repairs Tổng hợp toàn tỉnh, Báo cáo năm, Báo cáo sơ kết, tổng kết, Đề xuất khen
 * thưởng, Danh sách đề nghị khen thưởng, Nhật ký and Sổ duyệt báo cáo. Never clears data (the
 * reports hold none).
 */
export function prepareOutputTabs(
  ss: Spreadsheet,
  config: Config,
  index: SheetIndex = indexSheets(ss),
): string[] {
  const end = () => ss.getNumSheets();
  const summary = findOrCreateSheet(ss, index, SHEET_TAG.summary, SHEET.summary, end()).sheet;
  prepareSummaryTab(summary, config);
  ensureNamedRange(
    ss,
    NAMED.summary,
    summary,
    summary.getRange(1, 1, summaryCapacity(config), SUMMARY_WIDTH),
  );

  const report = findOrCreateSheet(
    ss,
    index,
    SHEET_TAG.report,
    SHEET.report,
    summary.getIndex(),
  ).sheet;
  const yearly = yearlyReport(config);
  prepareReportTab(report, yearly, summary.getName());
  ensureNamedRange(
    ss,
    NAMED.report,
    report,
    report.getRange(1, 1, reportLayout(yearly).lastRow, 2),
  );
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
  ensureNamedRange(
    ss,
    NAMED.shortlist,
    shortlist,
    shortlist.getRange(`A:${columnLetter(SHORTLIST_WIDTH)}`),
  );

  const annex = findOrCreateSheet(ss, index, SHEET_TAG.annex, SHEET.annex, end()).sheet;
  const capacity = shortlistCapacity(config);
  prepareAnnexTab(annex, config, shortlist.getName(), ANNEX_FIRST_COLUMN, capacity);

  const log = findOrCreateSheet(ss, index, SHEET_TAG.log, SHEET.log, end()).sheet;
  prepareLogTab(log);
  ensureNamedRange(ss, NAMED.log, log, log.getRange(`A:${columnLetter(LOG_HEADERS.length)}`));

  const approvals = findOrCreateSheet(ss, index, SHEET_TAG.approvals, SHEET.approvals, end()).sheet;
  prepareApprovalsTab(approvals);
  const ledgerColumns = `A:${columnLetter(LEDGER_HEADERS.length)}`;
  ensureNamedRange(ss, NAMED.approvals, approvals, approvals.getRange(ledgerColumns));
  return [
    summary.getName(),
    report.getName(),
    review.getName(),
    shortlist.getName(),
    annex.getName(),
    log.getName(),
    approvals.getName(),
  ];
}
