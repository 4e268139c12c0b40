// The three tabs the consolidate menu writes: prepared once by setup (structure, formats,
// colours, chart, named ranges), then only filled with values.
import type { Config } from '../core/config';
import { columnLetter, NAMED, SHEET, SHEET_TAG } from './layout';
import { LOG_HEADERS, prepareLogTab } from './logTab';
import { findOrCreateSheet, indexSheets, type SheetIndex } from './sheetFinder';
import { prepareShortlistTab, SHORTLIST_WIDTH } from './shortlistTab';
import { prepareSummaryTab, summaryCapacity, SUMMARY_WIDTH } from './summaryTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates or repairs Tổng hợp toàn tỉnh, Đề xuất khen thưởng and Nhật ký. Never clears data. */
export function prepareOutputTabs(ss: Spreadsheet, config: Config, index: SheetIndex = indexSheets(ss)): string[] {
  const end = () => ss.getNumSheets();
  const summary = findOrCreateSheet(ss, index, SHEET_TAG.summary, SHEET.summary, end()).sheet;
  prepareSummaryTab(summary, config);
  ss.setNamedRange(NAMED.summary, summary.getRange(1, 1, summaryCapacity(config), SUMMARY_WIDTH));

  const shortlist = findOrCreateSheet(ss, index, SHEET_TAG.shortlist, SHEET.shortlist, end()).sheet;
  prepareShortlistTab(shortlist);
  ss.setNamedRange(NAMED.shortlist, shortlist.getRange(`A:${columnLetter(SHORTLIST_WIDTH)}`));

  const log = findOrCreateSheet(ss, index, SHEET_TAG.log, SHEET.log, end()).sheet;
  prepareLogTab(log);
  ss.setNamedRange(NAMED.log, log.getRange(`A:${columnLetter(LOG_HEADERS.length)}`));
  return [summary.getName(), shortlist.getName(), log.getName()];
}
