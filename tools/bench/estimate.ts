// Time of one consolidation in real Google Sheets, estimated from what the emulator counted.
// Nothing here is measured against Google: every rate below is an ASSUMPTION, printed with the
// result, and the estimate is a range (low = every rate at its low end, high = at its high end).

export const ASSUMPTIONS = {
  /** One read or write call (getValues, setValues, setFormulas, merge, setColumnWidth, toast, flush...). */
  perCallMs: [50, 150] as [number, number],
  /** One handle call that fetches no cells (getRange, offset, getRangeByName, getSheetByName, getSheetId...). */
  perHandleCallMs: [1, 10] as [number, number],
  /** Builder calls (newDataValidation()…build(), newConditionalFormatRule()…) are local objects: 0 ms. */
  /** Transfer of one cell read by getValues (on top of the call's round trip). */
  perCellReadUs: [1, 5] as [number, number],
  /** Transfer and storage of one cell written by setValues (on top of the call's round trip). */
  perCellWriteUs: [5, 15] as [number, number],
  /** Apps Script's V8 against node on this machine, for the script's own JavaScript. */
  computeFactor: [1, 3] as [number, number],
  /** Apps Script's limit for one execution (menu item, sidebar call). */
  executionLimitS: 360,
  /** Apps Script's limit for one custom-function call. */
  customFunctionLimitS: 30,
};

export const ASSUMPTION_NOTES = [
  'Calls are split by kind (tools/bench/estimate.ts callKind): read/write calls 50–150 ms each, handle calls that fetch nothing (the methods listed in HANDLE_METHODS: getRange, offset, getRangeByName, getSheetByName, getSheetId, getName…, and the properties of a protection that getProtections returned: getDescription, getRange, isWarningOnly) 1–10 ms, builder calls (data-validation and conditional-format rule builders) 0 ms. Apps Script also batches consecutive writes in its write cache, so long runs of writes (setup) may cost less than this model says.',
  'Read/write call 50–150 ms: an assumption, the usual order of magnitude for one Spreadsheet service round trip from Apps Script; Google documents no figure, only that service calls are far slower than JavaScript and should be batched (developers.google.com/apps-script/guides/support/best-practices).',
  'Per cell 1–5 µs read, 5–15 µs written: an assumption, consistent with a reported single setValues of 4,000 cells in under 50 ms (a Stack Overflow answer comparing ScriptDb and SpreadsheetApp); whole-column named ranges make every read return the sheet’s maximum rows, so this term matters.',
  'Script compute = the larger of the bundle’s self time in the emulator and the pure core’s time (validation + consolidation) measured here, × 1–3 (Apps Script’s V8 is assumed up to 3× slower than node on this machine).',
  'Not included: recalculation of the workbook’s own formulas after the writes (Sheets does it after the script), lock waits, quota throttling.',
];

/**
 * Calls that fetch no cells and change nothing: Apps Script answers them from objects the script
 * already holds or from one small look-up (1–10 ms). Every method is listed by name; a counted
 * method not listed here or among the builders is a read/write call (50–150 ms).
 */
const HANDLE_METHODS: Readonly<Record<string, readonly string[]>> = {
  SpreadsheetApp: ['getActiveSpreadsheet', 'getActive', 'getActiveSheet'],
  Spreadsheet: [
    'getSheetByName',
    'getSheets',
    'getSheetById',
    'getRangeByName',
    'getId',
    'getName',
    'getNumSheets',
    'getActiveSheet',
    'getRange',
  ],
  Sheet: ['getRange', 'getRangeList', 'getSheetId', 'getName', 'getIndex', 'getParent'],
  Range: [
    'offset',
    'getSheet',
    'getA1Notation',
    'getRow',
    'getColumn',
    'getNumRows',
    'getNumColumns',
    'getCell',
    'getGridId',
  ],
  NamedRange: ['getName', 'getRange'],
  DeveloperMetadata: ['getKey', 'getValue', 'getLocation'],
  DeveloperMetadataLocation: ['getSheet', 'getRange', 'getLocationType'],
  // Spreadsheet.getProtections (a read) returns each protection with its properties: reading its
  // description, range, type or warning mode back fetches nothing more. Its editors
  // (getEditors, canEdit, canDomainEdit) are permission checks: read/write calls.
  Protection: ['getDescription', 'getRange', 'getRangeName', 'getProtectionType', 'isWarningOnly'],
};

const HANDLE = new Set(
  Object.entries(HANDLE_METHODS).flatMap(([cls, names]) => names.map((n) => `${cls}.${n}`)),
);

/**
 * How a counted call is costed: builders (data-validation and conditional-format rule builders,
 * SpreadsheetApp.new…) are local objects; HANDLE_METHODS fetch nothing; everything else (getValues,
 * setValues, setFormulas, protect, setDescription, addEditors, getProtections, getEditors, flush,
 * toast…) is a read/write round trip.
 */
export function callKind(method: string): 'builder' | 'handle' | 'readWrite' {
  if (/^([A-Za-z]*Builder\.|SpreadsheetApp\.new)/.test(method)) return 'builder';
  return HANDLE.has(method) ? 'handle' : 'readWrite';
}

export interface Estimate {
  /** Spreadsheet calls by kind. */
  readWriteCalls: number;
  handleCalls: number;
  builderCalls: number;
  cellsRead: number;
  cellsWritten: number;
  computeMs: number;
  /** The service calls and cells alone (no script compute) at the low end of every rate, ms. */
  serviceLowMs: number;
  lowS: number;
  highS: number;
  limitS: number;
  /** Share of the 6-minute limit at the high end. */
  shareOfLimitHigh: number;
  withinLimit: boolean;
  breakdownHighS: { calls: number; cellsRead: number; cellsWritten: number; compute: number };
}

/** `spreadsheetCalls`: method → count, spreadsheet calls only (the other services are left out). */
export function estimate(
  spreadsheetCalls: Record<string, number>,
  cellsRead: number,
  cellsWritten: number,
  computeMs: number,
): Estimate {
  const a = ASSUMPTIONS;
  const kinds = { builder: 0, handle: 0, readWrite: 0 };
  for (const [method, n] of Object.entries(spreadsheetCalls)) kinds[callKind(method)] += n;
  const part = (k: 0 | 1) => ({
    calls: (kinds.readWrite * a.perCallMs[k] + kinds.handle * a.perHandleCallMs[k]) / 1000,
    cellsRead: (cellsRead * a.perCellReadUs[k]) / 1e6,
    cellsWritten: (cellsWritten * a.perCellWriteUs[k]) / 1e6,
    compute: (computeMs * a.computeFactor[k]) / 1000,
  });
  const sum = (p: ReturnType<typeof part>) => p.calls + p.cellsRead + p.cellsWritten + p.compute;
  const low = part(0);
  const high = part(1);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    readWriteCalls: kinds.readWrite,
    handleCalls: kinds.handle,
    builderCalls: kinds.builder,
    cellsRead,
    cellsWritten,
    computeMs: r(computeMs),
    serviceLowMs: Math.round((low.calls + low.cellsRead + low.cellsWritten) * 1000),
    lowS: r(sum(low)),
    highS: r(sum(high)),
    limitS: a.executionLimitS,
    shareOfLimitHigh: Math.round((sum(high) / a.executionLimitS) * 1000) / 1000,
    withinLimit: sum(high) <= a.executionLimitS,
    breakdownHighS: {
      calls: r(high.calls),
      cellsRead: r(high.cellsRead),
      cellsWritten: r(high.cellsWritten),
      compute: r(high.compute),
    },
  };
}
