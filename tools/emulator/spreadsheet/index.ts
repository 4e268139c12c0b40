/**
 * The spreadsheet model of the local Sheets emulator.
 *
 * Apps Script API: FakeSpreadsheet, FakeSheet, FakeRange and friends; every public Apps Script
 * method counts exactly one call in ctx.counter as 'Class.method'.
 *
 * Non-Apps-Script API (never counted), for the harness, xlsx export/import and test setup:
 * - `ss.internal` (SpreadsheetModel): hf, sheets (SheetModel[]), namedRanges, metadata,
 *   protections, toasts, activeSheet, timeZone, loc, withoutCounting(fn), asOwner(fn),
 *   setDateFactory(fn), sheetObjects(), namedRangeInfos(), addSheet(name), renameSheet,
 *   deleteSheet, sheetByName.
 * - `ss.toasts`: toasts shown ({message, title, timeoutSeconds, at}).
 * - `sheet.internal` (SheetModel): name, sheetId, maxRows, maxCols, cells(), validations(),
 *   merges, columnWidths, rowHeights, hiddenColumns, hiddenRows, frozenRows, frozenColumns,
 *   tabColor, hidden, gridlinesHidden, conditionalRules (rule.spec), charts (ChartSpec),
 *   lastRow(), lastColumn(), writeCells(row, col, cells) for importers.
 * - `range.model` / `range.rect`: the sheet model and 1-based rectangle of a Range.
 */
export { FakeSpreadsheet } from './spreadsheet';
/** `ss.internal` is the SpreadsheetModel; this alias names it by its role. */
export { SpreadsheetModel as SpreadsheetInternal } from './model';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export { FakeProtection, ProtectionType } from './protection';
export { FakeNamedRange } from './namedRange';
export {
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
} from './metadata';
export {
  FakeDataValidation,
  FakeDataValidationBuilder,
  DataValidationCriteria,
  type ValidationSpec,
  type CriteriaType,
} from './validation';
export {
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  BooleanCriteria,
  InterpolationType,
  type CfSpec,
} from './conditional';
export { FakeEmbeddedChart, FakeEmbeddedChartBuilder, type ChartSpec } from './charts';
export { FakeUser } from './user';
export { createSpreadsheetApp, BorderStyle, WrapStrategy } from './app';
export {
  SheetModel,
  SpreadsheetModel,
  type NamedRangeInfo,
  type CellMeta,
  type CellStyle,
  type BorderSpec,
  type Toast,
  type ExportedCell,
  type ValidationBlock,
} from './model';
export { sheetsError, MSG } from './errors';
export type { AppsValue } from './values';
export type { GridRect } from './rect';
export { dateToSerial, serialToDate } from './dates';
export { formatNumber } from './format';
export { localeInfo } from './locale';
