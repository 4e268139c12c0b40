/**
 * Errors as Apps Script raises them: an `Error` whose `name` is 'Exception' and whose message
 * has no prefix (SHEETS-FACTS §0). Messages quoted here come from SHEETS-FACTS.md unless marked
 * "unconfirmed".
 */
export function sheetsError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

export const MSG = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  colsAtLeastOne: 'The number of columns in the range must be at least 1.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  tooManyChars: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  freezeAllColumns: "You can't freeze all visible columns on the sheet.",
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  metadataRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  /** Unconfirmed text: Sheets refuses to merge or unmerge part of a merged range. */
  partialMerge: 'You must select all cells in a merged range to merge or unmerge them.',
  /** Unconfirmed text (SHEETS-FACTS "Unconfirmed"). */
  invalidRangeName: (name: string) =>
    `Invalid name "${name}". A named range name may contain only letters, digits and underscores, must not start with a digit, must not be TRUE/FALSE or look like a cell reference, and must be 1-250 characters long.`,
  /** Unconfirmed text. */
  namedRangeMissing: (name: string) => `Named range "${name}" not found.`,
  /** Unconfirmed text (SHEETS-FACTS §4: getEditors/canDomainEdit throw without permission). */
  noPermission: 'You do not have permission to perform that action.',
  /** Unconfirmed text (SHEETS-FACTS §4: setDomainEdit on gmail.com files). */
  domainEditConsumer:
    'Domain editing is not available for spreadsheets owned by a consumer (gmail.com) account.',
  unprotectedOnRange: 'Unprotected ranges can only be set on sheet protections.',
  unprotectedOtherSheet: 'Unprotected ranges must be on the protected sheet.',
  moveToRowSingle: 'The range must be a single row.',
  deleteOnlySheet: "You can't remove all the sheets in a document.",
  sheetNameEmpty: 'Sheet names cannot be empty.',
  metadataIdMissing: 'Developer metadata not found.',
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
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${className}.${method}.`,
  );
}
