/**
 * Errors as Apps Script raises them: an `Error` whose `name` is 'Exception' and whose message
 * has no prefix (SHEETS-FACTS §0), in the language of the user running the script (messages.ts).
 * The texts live in messages.ts with their Vietnamese forms; docs/EMULATOR.md says which are
 * sourced and which are assumed.
 */
import { english, exception } from '../messages';

export function sheetsError(message: string): Error {
  return exception(message);
}

/** The English texts the spreadsheet model throws (tests compare against them). */
export const MSG = {
  rowsMismatch: (data: number, range: number) => english('rowsMismatch', data, range),
  colsMismatch: (data: number, range: number) => english('colsMismatch', data, range),
  rowsAtLeastOne: english('rowsAtLeastOne'),
  colsAtLeastOne: english('colsAtLeastOne'),
  startRowTooSmall: english('startRowTooSmall'),
  startColTooSmall: english('startColTooSmall'),
  outsideSheet: english('outsideSheet'),
  rangeNotFound: english('rangeNotFound'),
  tooManyChars: english('tooManyChars'),
  sheetExists: (name: string) => english('sheetExists', name),
  rowsOutOfBounds: english('rowsOutOfBounds'),
  columnsOutOfBounds: english('columnsOutOfBounds'),
  deleteAllRows: english('deleteAllRows'),
  deleteAllColumns: english('deleteAllColumns'),
  freezeAllRows: english('freezeAllRows'),
  freezeAllColumns: english('freezeAllColumns'),
  cellLimit: english('cellLimit'),
  protectedCell: english('protectedCell'),
  metadataRange: english('metadataRange'),
  /** Unconfirmed text: Sheets refuses to merge or unmerge part of a merged range. */
  partialMerge: english('partialMerge'),
  /** Unconfirmed text (SHEETS-FACTS "Unconfirmed"). */
  invalidRangeName: (name: string) => english('invalidRangeName', name),
  /** Unconfirmed text. */
  namedRangeMissing: (name: string) => english('namedRangeMissing', name),
  /** Unconfirmed text (SHEETS-FACTS §4: getEditors/canDomainEdit throw without permission). */
  noPermission: english('noPermission'),
  /** Unconfirmed text (SHEETS-FACTS §4: setDomainEdit on gmail.com files). */
  domainEditConsumer: english('domainEditConsumer'),
  unprotectedOnRange: english('unprotectedOnRange'),
  unprotectedOtherSheet: english('unprotectedOtherSheet'),
  moveToRowSingle: english('moveToRowSingle'),
  moveToColumnSingle: english('moveToColumnSingle'),
  deleteOnlySheet: english('deleteOnlySheet'),
  sheetNameEmpty: english('sheetNameEmpty'),
  metadataIdMissing: english('metadataIdMissing'),
  chartNotFound: english('chartNotFound'),
  /** A custom formula of a rule that does not parse in the spreadsheet's locale (assumed text). */
  invalidConditionValue: (formula: string) => english('invalidConditionValue', formula),
} as const;

/** Type names as Apps Script prints them in signature errors (approximation). */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return Array.isArray(first)
      ? 'Object[][]'
      : first === undefined
        ? 'Object[]'
        : `${typeName(first)}[]`;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return 'Object';
}

/** `The parameters (String) don't match the method signature for SpreadsheetApp.X.y.` (§0). */
export function signatureError(className: string, method: string, args: readonly unknown[]): Error {
  return sheetsError(
    english('signature', args.map(typeName).join(','), `SpreadsheetApp.${className}.${method}`),
  );
}
