// A unit's tab: the builder (a fresh tab from the configuration) and the repair (an existing
// tab: communes added to Cấu hình are inserted above the spacer row, formulas, validations and
// formats are written again). Neither ever writes into an input cell, the criteria, the
// nominations or the status line of an existing tab.
import type { Config, UnitConfig } from '../core/config';
import { formatDayMonth } from '../core/format';
import { normalizeName } from '../core/names';
import { asText } from './cellText';
import {
  CRITERIA_ROWS,
  FIELD_HEADER,
  INPUT_FIELDS,
  NOMINATION_BLANK_ROWS,
  NOMINATION_COLUMNS,
  NOMINATION_TYPES,
  UNIT_READ_COLUMNS,
  UNIT_TEXT,
  columnLetter,
  unitLayout,
  unitRangeName,
  type BlockField,
  type UnitLayout,
} from './layout';
import { ensureNamedRange } from './sheetFinder';
import { RESULT_TEXT, formulaColumns, unitFormulaBlocks } from './unitFormulas';
import { fillText } from './setupData';
import type { UnitSetupText } from './setupText';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

const COLOR = {
  header: '#d9ead3',
  formula: '#efefef',
  total: '#d9d9d9',
  spacer: '#fff2cc',
  section: '#c9daf8',
  attained: '#b7e1cd',
  attainedText: '#0b6b2e',
  notAttained: '#f4c7c3',
  notAttainedText: '#a50e0e',
  provisional: '#fce8b2',
  provisionalText: '#7a4f01',
} as const;

const FORMAT = { count: '#,##0', percent: '0.0%', year: '0', plain: '0' } as const;

/** Data validation rules shared by every unit tab of one setup run (built once), and the setup's texts. */
export interface UnitRules {
  text: UnitSetupText;
  count: DataValidation;
  nonNegative: DataValidation;
  yesNo: DataValidation;
  lastYear: DataValidation;
  nominationYear: DataValidation;
  nominationType: DataValidation;
  award: DataValidation;
}

/** `text` is SetupData.text.unit (setupText.ts). */
export function makeUnitRules(config: Config, text: UnitSetupText): UnitRules {
  const rule = (help: string) =>
    SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(help);
  const atLeastZero = (help: string) => rule(help).requireNumberGreaterThanOrEqualTo(0).build();
  const list = (values: string[], help: string) =>
    rule(help).requireValueInList(values, true).build();
  const help = text.help;
  return {
    text,
    count: atLeastZero(help.count),
    nonNegative: atLeastZero(help.nonNegative),
    yesNo: list(['Có', 'Không'], help.yesNo),
    lastYear: list([config.baselineYear, ...config.years].map(String), help.lastYear),
    nominationYear: list(config.years.map(String), help.nominationYear),
    nominationType: list(NOMINATION_TYPES, help.nominationType),
    award: list(
      config.awards.map((a) => a.name),
      help.award,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Pure: the static grid of a fresh tab, and the scan of an existing one.

/** Static content of a fresh tab (no formulas), `layout.lastRow` × `layout.lastColumn`. */
export function unitGrid(
  config: Config,
  unit: UnitConfig,
  text: UnitSetupText,
): { layout: UnitLayout; values: unknown[][] } {
  const L = unitLayout(config.baselineYear, config.years, unit.communes.length);
  const values: unknown[][] = [];
  for (let r = 0; r < L.lastRow; r++) values.push(new Array(L.lastColumn).fill(''));
  const set = (row: number, column: number, v: unknown) => (values[row - 1][column - 1] = v);
  const title = {
    unit: unit.name,
    baselineYear: config.baselineYear,
    lastYear: Math.max(...config.years),
  };
  set(L.titleRow, 1, asText(fillText(text.title, title)));
  set(L.statusRow, 1, text.status);
  set(
    L.noteRow,
    1,
    fillText(text.note, { deadline: formatDayMonth(config.deadline.day, config.deadline.month) }),
  );
  set(L.headerRow, L.numberColumn, UNIT_TEXT.numberHeader);
  set(L.headerRow, L.communeColumn, UNIT_TEXT.communeHeader);
  set(L.headerRow, L.mergedIntoColumn, UNIT_TEXT.mergedIntoHeader);
  set(L.headerRow, L.mergedYearColumn, UNIT_TEXT.mergedYearHeader);
  for (const block of L.blocks) {
    set(
      L.headerRow,
      block.firstColumn,
      block.isBaseline ? UNIT_TEXT.baselineTitle(block.year) : UNIT_TEXT.yearTitle(block.year),
    );
    for (const field of block.fields)
      set(L.headerRow + 1, block.column[field]!, FIELD_HEADER[field]);
  }
  unit.communes.forEach((c, i) => {
    set(L.firstCommuneRow + i, L.numberColumn, i + 1);
    set(L.firstCommuneRow + i, L.communeColumn, asText(c));
  });
  set(L.spacerRow, 1, UNIT_TEXT.spacer);
  set(L.totalRow, 1, UNIT_TEXT.total);
  set(L.criteriaTitleRow, 1, UNIT_TEXT.criteriaTitle);
  set(L.criteriaHeaderRow, 1, UNIT_TEXT.criteriaHeader);
  config.years.forEach((y, i) => set(L.criteriaHeaderRow, 2 + i, y));
  CRITERIA_ROWS.forEach((c, i) => set(L.firstCriteriaRow + i, 1, c.label));
  set(L.nominationsTitleRow, 1, UNIT_TEXT.nominationsTitle);
  NOMINATION_COLUMNS.forEach((c, i) => set(L.nominationsHeaderRow, 1 + i, c.header));
  return { layout: L, values };
}

export type ScanResult =
  | {
      ok: true;
      layout: UnitLayout;
      /** Commune names found on the tab (normalised), in row order; blanks skipped. */
      communes: string[];
      /** Highest number in the STT column of the commune rows (0 when none). */
      maxNumber: number;
    }
  | { ok: false; empty: boolean; problem: string };

const textOf = (v: unknown): string =>
  typeof v === 'string' ? normalizeName(v) : typeof v === 'number' ? String(v) : '';

/**
 * Finds the rows of an existing tab (rows may have been inserted) and checks that the columns
 * are where the configuration puts them. `values` is the tab from A1, at least `lastColumn` wide.
 */
export function scanUnitTab(config: Config, values: unknown[][]): ScanResult {
  const fresh = unitLayout(config.baselineYear, config.years, 0);
  if (values.every((row) => row.every((v) => textOf(v) === ''))) {
    return { ok: false, empty: true, problem: 'trang trống' };
  }
  const bad = (problem: string): ScanResult => ({ ok: false, empty: false, problem });
  const colA = (r: number) => textOf(values[r - 1]?.[0]);
  const cell = (r: number, c: number) => textOf(values[r - 1]?.[c - 1]);
  /** First row from `from` to `to` whose column A is `text`, or 0. */
  const find = (text: string, from: number, to = values.length) => {
    for (let r = from; r <= to; r++) if (colA(r) === text) return r;
    return 0;
  };
  const headerRow = find(UNIT_TEXT.numberHeader, 1, Math.min(values.length, 20));
  if (!headerRow) return bad(`không tìm thấy dòng tiêu đề (ô "${UNIT_TEXT.numberHeader}" ở cột A)`);
  for (const block of fresh.blocks) {
    const title = block.isBaseline
      ? UNIT_TEXT.baselineTitle(block.year)
      : UNIT_TEXT.yearTitle(block.year);
    if (cell(headerRow, block.firstColumn) !== title) {
      return bad(
        `ô ${columnLetter(block.firstColumn)}${headerRow} phải là "${title}" (các cột đã bị thay đổi hoặc các năm trên trang "Cấu hình" đã đổi)`,
      );
    }
    for (const field of block.fields) {
      const c = block.column[field]!;
      if (cell(headerRow + 1, c) !== FIELD_HEADER[field]) {
        return bad(
          `ô ${columnLetter(c)}${headerRow + 1} phải là "${FIELD_HEADER[field]}" (các cột đã bị thay đổi)`,
        );
      }
    }
  }
  const firstCommuneRow = headerRow + 2;
  const spacerRow = find(UNIT_TEXT.spacer, firstCommuneRow);
  if (!spacerRow) return bad(`không tìm thấy dòng "${UNIT_TEXT.spacer}" ở cột A`);
  const totalRow = find(UNIT_TEXT.total, spacerRow + 1);
  if (!totalRow) return bad(`không tìm thấy dòng "${UNIT_TEXT.total}" ở cột A`);
  const criteriaTitleRow = find(UNIT_TEXT.criteriaTitle, totalRow + 1);
  const nominationsTitleRow = find(UNIT_TEXT.nominationsTitle, criteriaTitleRow || totalRow + 1);
  const communes: string[] = [];
  let maxNumber = 0;
  for (let r = firstCommuneRow; r < spacerRow; r++) {
    const name = cell(r, 2);
    if (name !== '') communes.push(name);
    const n = values[r - 1]?.[0];
    if (typeof n === 'number' && Number.isFinite(n)) maxNumber = Math.max(maxNumber, n);
  }
  const lastRow = Math.max(
    values.length,
    nominationsTitleRow ? nominationsTitleRow + 1 + NOMINATION_BLANK_ROWS : totalRow,
  );
  /** `k` rows below `title`, or -1 when there is no title. */
  const below = (title: number, k: number) => (title ? title + k : -1);
  return {
    ok: true,
    communes,
    maxNumber,
    layout: {
      ...fresh,
      headerRow,
      firstCommuneRow,
      communeCount: spacerRow - firstCommuneRow,
      spacerRow,
      totalRow,
      criteriaTitleRow: below(criteriaTitleRow, 0),
      criteriaHeaderRow: below(criteriaTitleRow, 1),
      firstCriteriaRow: below(criteriaTitleRow, 2),
      nominationsTitleRow: below(nominationsTitleRow, 0),
      nominationsHeaderRow: below(nominationsTitleRow, 1),
      firstNominationRow: below(nominationsTitleRow, 2),
      lastRow,
    },
  };
}

/** Rows of a layout that move when rows are inserted above them (-1: the block is missing). */
const MOVING_ROWS = [
  'spacerRow',
  'totalRow',
  'criteriaTitleRow',
  'criteriaHeaderRow',
  'firstCriteriaRow',
  'nominationsTitleRow',
  'nominationsHeaderRow',
  'firstNominationRow',
] as const;

/** Shifts every row at or after `from` by `by` (rows inserted above `from`). */
function shiftRows(L: UnitLayout, from: number, by: number): UnitLayout {
  const out = { ...L, communeCount: L.communeCount + by, lastRow: L.lastRow + by };
  for (const key of MOVING_ROWS) if (L[key] >= from) out[key] = L[key] + by;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Makes the tab at least `rows` × `columns`. With `exactRows`, a longer tab is cut to `rows`
 * when nothing lies below them in any column: the consolidation reads whole columns, so each
 * blank row of a new tab (1,000 by default) would be read on every run. The sidebar adds rows
 * when nominations need more.
 */
function ensureSize(sheet: Sheet, rows: number, columns: number, exactRows = false): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (exactRows && maxRows > rows && sheet.getLastRow() <= rows)
    sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

const isInput = (field: BlockField): boolean => INPUT_FIELDS.includes(field);

/** Field of each column from the baseline block's first column to the last column. */
function fieldsByColumn(L: UnitLayout): BlockField[] {
  const out: BlockField[] = [];
  for (const block of L.blocks)
    for (const field of block.fields) out[block.column[field]! - L.blocks[0].firstColumn] = field;
  return out;
}

const numberFormatOf = (field: BlockField): string =>
  field === 'poorRate' ||
  field === 'poorReduction' ||
  field === 'combinedReduction' ||
  field === 'progress'
    ? FORMAT.percent
    : FORMAT.count;

/** Formulas, formats, validations and conditional formats of a tab whose rows are `L`. */
function decorate(
  ss: Spreadsheet,
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  L: UnitLayout,
  rules: UnitRules,
  fresh: boolean,
  current?: string[][],
): void {
  const last = L.lastColumn;
  const firstData = L.blocks[0].firstColumn;
  const fields = fieldsByColumn(L);
  const communeRows = L.spacerRow - L.firstCommuneRow;

  // Formulas: one setFormulas per contiguous rectangle, only where the tab's formulas differ
  // (`current`: the tab's formulas from A1, when known).
  for (const block of unitFormulaBlocks(L)) {
    const same =
      current !== undefined &&
      block.formulas.every((row, i) =>
        row.every((f, j) => (current[block.row - 1 + i] ?? [])[block.column - 1 + j] === f),
      );
    if (same) continue;
    sheet
      .getRange(block.row, block.column, block.formulas.length, block.formulas[0].length)
      .setFormulas(block.formulas);
  }

  // Number formats and backgrounds of the commune rows, the spacer and the total row.
  const bodyRows = L.totalRow - L.firstCommuneRow + 1;
  const formats: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  for (let r = L.firstCommuneRow; r <= L.totalRow; r++) {
    const fRow: string[] = [FORMAT.year];
    const bRow: (string | null)[] = [];
    for (let c = 1; c <= last; c++) {
      const field = c >= firstData ? fields[c - firstData] : undefined;
      if (c > L.mergedYearColumn) fRow.push(numberFormatOf(field!));
      if (r === L.spacerRow) bRow.push(COLOR.spacer);
      else if (r === L.totalRow) bRow.push(COLOR.total);
      else if (c === L.numberColumn) bRow.push(COLOR.formula);
      else bRow.push(field && !isInput(field) ? COLOR.formula : null);
    }
    formats.push(fRow);
    backgrounds.push(bRow);
  }
  sheet
    .getRange(L.firstCommuneRow, L.mergedYearColumn, bodyRows, last - L.mergedYearColumn + 1)
    .setNumberFormats(formats);
  sheet.getRange(L.firstCommuneRow, 1, bodyRows, last).setBackgrounds(backgrounds);
  sheet.getRange(L.totalRow, 1, 1, last).setFontWeight('bold');

  // Validation of the commune rows: C (successor), D (last year), the counts.
  if (communeRows > 0) {
    const successor = SpreadsheetApp.newDataValidation()
      .requireValueInRange(
        sheet.getRange(L.firstCommuneRow, L.communeColumn, communeRows + 1, 1),
        true,
      )
      .setAllowInvalid(false)
      .setHelpText(rules.text.help.successor)
      .build();
    const rowRules: (DataValidation | null)[] = [successor, rules.lastYear];
    for (let c = firstData; c <= last; c++)
      rowRules.push(isInput(fields[c - firstData]) ? rules.count : null);
    sheet
      .getRange(L.firstCommuneRow, L.mergedIntoColumn, communeRows, last - L.mergedIntoColumn + 1)
      .setDataValidations(new Array(communeRows).fill(null).map(() => rowRules.slice()));
  }

  // Header rows.
  const header = sheet.getRange(L.headerRow, 1, 2, last);
  header
    .setFontWeight('bold')
    .setBackground(COLOR.header)
    .setWrap(true)
    .setVerticalAlignment('middle')
    .setHorizontalAlignment('center');
  if (fresh) {
    sheet.getRange(L.headerRow, 1, 2, L.mergedYearColumn).mergeVertically();
    for (const block of L.blocks)
      sheet.getRange(L.headerRow, block.firstColumn, 1, block.fields.length).merge();
    sheet.getRange(L.titleRow, 1, 3, 2).mergeAcross();
    sheet.getRange(L.spacerRow, 1, 2, 2).mergeAcross();
    sheet.getRange(L.titleRow, 1).setFontWeight('bold').setFontSize(13);
    sheet.getRange(L.titleRow, 1, 3, 2).setWrap(true).setVerticalAlignment('top');
    sheet.getRange(L.noteRow, 1).setFontStyle('italic').setFontColor('#555555');
    [110, 230, 160, 90].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
    sheet.setColumnWidths(firstData, last - firstData + 1, 95);
  }
  sheet.setFrozenRows(L.headerRow + 1);
  sheet.setFrozenColumns(2);

  // Criteria and nominations blocks: validations, then the bold title and header rows of both
  // blocks in two batched calls over the rows from the criteria title to the nominations header.
  const years = config.years.length;
  const width = Math.max(NOMINATION_COLUMNS.length, years + 1);
  const bands = new Map<number, string>();
  if (L.criteriaTitleRow > 0) {
    bands.set(L.criteriaTitleRow, COLOR.section);
    bands.set(L.criteriaHeaderRow, COLOR.header);
    sheet
      .getRange(L.firstCriteriaRow, 2, CRITERIA_ROWS.length, years)
      .setDataValidations(
        CRITERIA_ROWS.map((c) =>
          new Array(years).fill(c.kind === 'yesNo' ? rules.yesNo : rules.nonNegative),
        ),
      );
    sheet.getRange(L.criteriaHeaderRow, 2, 1, years).setNumberFormat(FORMAT.year);
    if (fresh) sheet.getRange(L.firstCriteriaRow, 1, CRITERIA_ROWS.length, 1).setWrap(true);
  }
  if (L.nominationsTitleRow > 0) {
    bands.set(L.nominationsTitleRow, COLOR.section);
    bands.set(L.nominationsHeaderRow, COLOR.header);
    const count = Math.max(NOMINATION_BLANK_ROWS, L.lastRow - L.firstNominationRow + 1);
    const byKey: Record<string, DataValidation> = {
      year: rules.nominationYear,
      type: rules.nominationType,
      award: rules.award,
    };
    const row = NOMINATION_COLUMNS.map((c) => byKey[c.key] ?? null);
    sheet
      .getRange(L.firstNominationRow, 1, count, NOMINATION_COLUMNS.length)
      .setDataValidations(new Array(count).fill(null).map(() => row.slice()));
    const yearColumn = NOMINATION_COLUMNS.findIndex((c) => c.key === 'year') + 1;
    sheet.getRange(L.firstNominationRow, yearColumn, count, 1).setNumberFormat(FORMAT.year);
  }
  if (bands.size > 0) {
    const from = Math.min(...bands.keys());
    const to = Math.max(...bands.keys());
    const rowsOf = <T>(f: (r: number) => T): T[][] =>
      Array.from({ length: to - from + 1 }, (_, i) => new Array<T>(width).fill(f(from + i)));
    const band = sheet.getRange(from, 1, to - from + 1, width);
    band.setFontWeights(rowsOf((r) => (bands.has(r) ? 'bold' : 'normal')));
    band.setBackgrounds(rowsOf((r) => bands.get(r) ?? null));
  }

  // Conditional formats on the result columns (commune rows and total row).
  const resultRanges = L.blocks
    .filter((b) => !b.isBaseline)
    .map((b) => sheet.getRange(L.firstCommuneRow, b.column.result!, bodyRows, 1));
  const rule = (text: string, background: string, color: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(background)
      .setFontColor(color)
      .setRanges(resultRanges)
      .build();
  sheet.setConditionalFormatRules([
    rule(RESULT_TEXT.attained, COLOR.attained, COLOR.attainedText),
    rule(RESULT_TEXT.notAttained, COLOR.notAttained, COLOR.notAttainedText),
    rule(RESULT_TEXT.provisional, COLOR.provisional, COLOR.provisionalText),
  ]);

  // Named range over the tab's columns (whole columns: inserted rows stay inside).
  const named = sheet.getRange(`A:${columnLetter(UNIT_READ_COLUMNS(last))}`);
  ensureNamedRange(ss, unitRangeName(unitIndex), sheet, named);
}

export interface UnitTabOutcome {
  /** 'built' for a fresh tab, 'repaired' for an existing one, 'skipped' when it could not be read */
  action: 'built' | 'repaired' | 'skipped';
  /** Communes appended above the spacer row */
  addedCommunes: string[];
  /** Why the tab was skipped (Vietnamese) */
  problem?: string;
}

/**
 * Adds rows at the end of a unit tab so that `row` exists, and sets the tab's named range again
 * on whole columns: Sheets keeps an `A:X` range over rows added at the end, most likely, but
 * nothing documents it, and a range that stopped short would make the next append overwrite
 * this one. One call more, only when the tab grows.
 */
export function growUnitTab(ss: Spreadsheet, unitIndex: number, range: Range, row: number): void {
  const sheet = range.getSheet();
  const max = sheet.getMaxRows();
  if (row <= max) return;
  sheet.insertRowsAfter(max, row - max);
  ss.setNamedRange(
    unitRangeName(unitIndex),
    sheet.getRange(`A:${columnLetter(range.getLastColumn())}`),
  );
}

/** Lays out a fresh tab for `config.units[unitIndex]` on an empty sheet. */
export function buildUnitTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  rules: UnitRules,
): UnitTabOutcome {
  const unit = config.units[unitIndex];
  const { layout, values } = unitGrid(config, unit, rules.text);
  // A fresh (or emptied) tab: only blank rows below the layout are cut.
  ensureSize(sheet, layout.lastRow + 10, UNIT_READ_COLUMNS(layout.lastColumn), true);
  sheet.getRange(1, 1, values.length, layout.lastColumn).setValues(values);
  decorate(sheet.getParent(), sheet, config, unitIndex, layout, rules, true);
  return { action: 'built', addedCommunes: [] };
}

/**
 * Brings an existing tab up to date: inserts the communes of Cấu hình that are missing (above
 * the spacer row), then writes formulas, validations and formats again. Input cells, criteria,
 * nominations and the status line are left as they are; communes no longer in Cấu hình stay.
 * An empty sheet is built from scratch.
 */
export function repairUnitTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  rules: UnitRules,
): UnitTabOutcome {
  const unit = config.units[unitIndex];
  const fresh = unitLayout(config.baselineYear, config.years, 0);
  const lastRow = sheet.getLastRow();
  const values = lastRow === 0 ? [] : sheet.getRange(1, 1, lastRow, fresh.lastColumn).getValues();
  const scan = scanUnitTab(config, values);
  if (!scan.ok) {
    if (scan.empty) return buildUnitTab(sheet, config, unitIndex, rules);
    return { action: 'skipped', addedCommunes: [], problem: scan.problem };
  }
  let L = scan.layout;
  const present = new Set(scan.communes);
  const missing = unit.communes.filter((c) => !present.has(normalizeName(c)));
  if (missing.length > 0) {
    sheet.insertRowsBefore(L.spacerRow, missing.length);
    sheet
      .getRange(L.spacerRow, 1, missing.length, 2)
      .setValues(missing.map((c, i) => [scan.maxNumber + i + 1, asText(c)]));
    L = shiftRows(L, L.spacerRow, missing.length);
  }
  ensureSize(sheet, L.lastRow, UNIT_READ_COLUMNS(L.lastColumn));
  const current = sheet.getRange(1, 1, L.totalRow, L.lastColumn).getFormulas();
  decorate(sheet.getParent(), sheet, config, unitIndex, L, rules, false, current);
  return { action: 'repaired', addedCommunes: missing };
}

/** The formula columns of every block, for tests and readers: [first, count] per block. */
export function unitFormulaColumns(
  config: Config,
): { year: number; first: number; count: number }[] {
  return unitLayout(config.baselineYear, config.years, 0).blocks.map((b) => ({
    year: b.year,
    ...formulaColumns(b),
  }));
}
