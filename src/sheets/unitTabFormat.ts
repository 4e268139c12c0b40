// What setup writes on a unit tab besides its static text: the formulas, number formats,
// colours, data validations and conditional formats, and the named range the readers use. Run on
// a fresh tab and again on every repair; never touches an input cell, the criteria, the
// nominations or the status line.
import type { Config } from '../core/config';
import { CRITERIA_FIELDS } from '../core/fields';
import {
  FIELD_FORMAT,
  INPUT_FIELDS,
  NOMINATION_BLANK_ROWS,
  NOMINATION_COLUMNS,
  UNIT_READ_COLUMNS,
  blocksWidth,
  columnLetter,
  unitRangeName,
  unitWords,
  type BlockField,
  type UnitWords,
  type UnitLayout,
  type YearBlock,
} from './layout';
import { neutralFormula, sheetFormula } from './formulaText';
import { ensureNamedRange } from './sheetFinder';
import { MAX_COUNT_TEXT, RESULT_TEXT, formulaColumns, unitFormulaBlocks } from './unitFormulas';
import type { UnitSetupText } from './setupText';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
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
  error: '#ea9999',
  errorText: '#660000',
} as const;

const YEAR_FORMAT = '0';

/** Widths of columns A-D (number, commune, merger, last year), in pixels. */
const FIXED_COLUMN_WIDTHS = [110, 230, 160, 90];
/** Width of every block column and of the name check column, in pixels. */
export const BLOCK_COLUMN_WIDTH = 95;

/** Data validation rules shared by every unit tab of one setup run (built once), and the setup's texts. */
export interface UnitRules {
  text: UnitSetupText;
  /** Whole numbers from 0 to 10^9, by a custom formula anchored at `anchor` (A1, relative). */
  count(anchor: string): DataValidation;
  nonNegative: DataValidation;
  yesNo: DataValidation;
  lastYear: DataValidation;
  nominationYear: DataValidation;
  nominationType: DataValidation;
  award: DataValidation;
}

const isInput = (field: BlockField): boolean => INPUT_FIELDS.includes(field);

/** Field of each column from the baseline block's first column to the last column. */
function fieldsByColumn(L: UnitLayout): BlockField[] {
  const out: BlockField[] = [];
  for (const block of L.blocks)
    for (const field of block.fields) out[block.column[field]! - L.blocks[0].firstColumn] = field;
  return out;
}

/**
 * One setFormulas per contiguous rectangle, only where the tab's formulas differ (`current`: the
 * tab's formulas from A1, when known).
 */
function writeFormulas(sheet: Sheet, L: UnitLayout, current?: string[][]): void {
  for (const block of unitFormulaBlocks(L)) {
    const same =
      current !== undefined &&
      block.formulas.every((row, i) =>
        row.every(
          (f, j) =>
            neutralFormula((current[block.row - 1 + i] ?? [])[block.column - 1 + j] ?? '') === f,
        ),
      );
    if (same) continue;
    sheet
      .getRange(block.row, block.column, block.formulas.length, block.formulas[0].length)
      .setFormulas(block.formulas.map((row) => row.map(sheetFormula)));
  }
}

/** Number format of column `c` on row `r` of the commune rows, spacer or total row. */
function formatOf(L: UnitLayout, fields: BlockField[], r: number, c: number, w: UnitWords): string {
  if (c === L.mergedYearColumn) return r === L.totalRow ? w.communeCountFormat : YEAR_FORMAT;
  if (c === L.nameCheckColumn) return w.nameCheckFormat;
  return FIELD_FORMAT[fields[c - L.blocks[0].firstColumn]];
}

/** Number formats and backgrounds of the commune rows, the spacer and the total row. */
function formatBody(sheet: Sheet, L: UnitLayout, w: UnitWords): void {
  const last = L.lastColumn;
  const firstData = L.blocks[0].firstColumn;
  const fields = fieldsByColumn(L);
  const formats: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  for (let r = L.firstCommuneRow; r <= L.totalRow; r++) {
    const fRow: string[] = [];
    const bRow: (string | null)[] = [];
    for (let c = 1; c <= last; c++) {
      const field = c >= firstData ? fields[c - firstData] : undefined;
      if (c >= L.mergedYearColumn) fRow.push(formatOf(L, fields, r, c, w));
      if (r === L.spacerRow) bRow.push(COLOR.spacer);
      else if (r === L.totalRow) bRow.push(COLOR.total);
      else if (c === L.numberColumn || c === L.nameCheckColumn) bRow.push(COLOR.formula);
      else bRow.push(field && !isInput(field) ? COLOR.formula : null);
    }
    formats.push(fRow);
    backgrounds.push(bRow);
  }
  const bodyRows = L.totalRow - L.firstCommuneRow + 1;
  sheet
    .getRange(L.firstCommuneRow, L.mergedYearColumn, bodyRows, last - L.mergedYearColumn + 1)
    .setNumberFormats(formats);
  sheet.getRange(L.firstCommuneRow, 1, bodyRows, last).setBackgrounds(backgrounds);
  sheet.getRange(L.totalRow, 1, 1, last).setFontWeight('bold');
}

/** The custom formula of the count rule anchored at `anchor`: a whole number from 0 to 10^9. */
export function wholeCountFormula(anchor: string): string {
  return sheetFormula(
    `=AND(ISNUMBER(${anchor}),${anchor}>=0,${anchor}<=${MAX_COUNT_TEXT},MOD(${anchor},1)=0)`,
  );
}

/** The input cells of a block over the commune rows (contiguous on a tab setup can repair). */
function inputColumns(block: YearBlock): { first: number; count: number } {
  return { first: block.firstColumn, count: formulaColumns(block).first - block.firstColumn };
}

/**
 * The successor and last-year columns of the commune rows (one call). The successor's list is a
 * range of this very tab, so a tab copied from another gets it again (unitTabCopy.ts).
 */
export function validateSuccessors(sheet: Sheet, L: UnitLayout, rules: UnitRules): void {
  const communeRows = L.spacerRow - L.firstCommuneRow;
  if (communeRows <= 0) return;
  const successor = SpreadsheetApp.newDataValidation()
    .requireValueInRange(
      sheet.getRange(L.firstCommuneRow, L.communeColumn, communeRows + 1, 1),
      true,
    )
    .setAllowInvalid(false)
    .setHelpText(rules.text.help.successor)
    .build();
  const rowRules: DataValidation[] = [successor, rules.lastYear];
  sheet
    .getRange(L.firstCommuneRow, L.mergedIntoColumn, communeRows, rowRules.length)
    .setDataValidations(new Array(communeRows).fill(null).map(() => rowRules.slice()));
}

/**
 * Validation of the commune rows: the successor and the last year (one call), the counts of
 * each block (one call each: a custom formula is relative to its range's first cell).
 */
function validateCommuneRows(sheet: Sheet, L: UnitLayout, rules: UnitRules): void {
  const communeRows = L.spacerRow - L.firstCommuneRow;
  if (communeRows <= 0) return;
  validateSuccessors(sheet, L, rules);
  for (const block of L.blocks) {
    const { first, count } = inputColumns(block);
    const anchor = `${columnLetter(first)}${L.firstCommuneRow}`;
    sheet
      .getRange(L.firstCommuneRow, first, communeRows, count)
      .setDataValidation(rules.count(anchor));
  }
}

/** The two header rows; on a fresh tab also the merges, the title's style and the widths. */
function formatHeader(sheet: Sheet, L: UnitLayout, fresh: boolean): void {
  sheet
    .getRange(L.headerRow, 1, 2, L.lastColumn)
    .setFontWeight('bold')
    .setBackground(COLOR.header)
    .setWrap(true)
    .setVerticalAlignment('middle')
    .setHorizontalAlignment('center');
  if (fresh) {
    sheet.getRange(L.headerRow, 1, 2, L.mergedYearColumn).mergeVertically();
    sheet.getRange(L.headerRow, L.nameCheckColumn, 2, 1).merge();
    for (const block of L.blocks)
      sheet.getRange(L.headerRow, block.firstColumn, 1, block.fields.length).merge();
    sheet.getRange(L.titleRow, 1, 3, L.communeColumn).mergeAcross();
    sheet.getRange(L.spacerRow, 1, 2, L.communeColumn).mergeAcross();
    sheet.getRange(L.titleRow, 1).setFontWeight('bold').setFontSize(13);
    sheet.getRange(L.titleRow, 1, 3, L.communeColumn).setWrap(true).setVerticalAlignment('top');
    sheet.getRange(L.noteRow, 1).setFontStyle('italic').setFontColor('#555555');
    FIXED_COLUMN_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
    const firstData = L.blocks[0].firstColumn;
    sheet.setColumnWidths(firstData, L.lastColumn - firstData + 1, BLOCK_COLUMN_WIDTH);
  }
  sheet.setFrozenRows(L.headerRow + 1);
  sheet.setFrozenColumns(L.communeColumn);
}

/** The criteria block's validations; its title and header rows' colours into `bands`. */
function formatCriteria(
  sheet: Sheet,
  config: Config,
  L: UnitLayout,
  rules: UnitRules,
  fresh: boolean,
  bands: Map<number, string>,
): void {
  if (L.criteriaTitleRow <= 0) return;
  const years = config.years.length;
  bands.set(L.criteriaTitleRow, COLOR.section);
  bands.set(L.criteriaHeaderRow, COLOR.header);
  sheet
    .getRange(L.firstCriteriaRow, L.criteriaYearColumn, CRITERIA_FIELDS.length, years)
    .setDataValidations(
      CRITERIA_FIELDS.map((c) =>
        new Array(years).fill(c.kind === 'yesNo' ? rules.yesNo : rules.nonNegative),
      ),
    );
  sheet.getRange(L.criteriaHeaderRow, L.criteriaYearColumn, 1, years).setNumberFormat(YEAR_FORMAT);
  if (fresh) sheet.getRange(L.firstCriteriaRow, 1, CRITERIA_FIELDS.length, 1).setWrap(true);
}

/** The nominations block's validations; its title and header rows' colours into `bands`. */
function formatNominations(
  sheet: Sheet,
  L: UnitLayout,
  rules: UnitRules,
  bands: Map<number, string>,
): void {
  if (L.nominationsTitleRow <= 0) return;
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
  sheet.getRange(L.firstNominationRow, yearColumn, count, 1).setNumberFormat(YEAR_FORMAT);
}

/**
 * The criteria and nominations blocks: validations, then the bold title and header rows of both
 * blocks in two batched calls over the rows from the criteria title to the nominations header.
 */
function formatBlocks(
  sheet: Sheet,
  config: Config,
  L: UnitLayout,
  rules: UnitRules,
  fresh: boolean,
): void {
  const bands = new Map<number, string>();
  formatCriteria(sheet, config, L, rules, fresh, bands);
  formatNominations(sheet, L, rules, bands);
  if (bands.size === 0) return;
  const width = blocksWidth(config.years.length);
  const from = Math.min(...bands.keys());
  const to = Math.max(...bands.keys());
  const rowsOf = <T>(f: (r: number) => T): T[][] =>
    Array.from({ length: to - from + 1 }, (_, i) => new Array<T>(width).fill(f(from + i)));
  const band = sheet.getRange(from, 1, to - from + 1, width);
  band.setFontWeights(rowsOf((r) => (bands.has(r) ? 'bold' : 'normal')));
  band.setBackgrounds(rowsOf((r) => bands.get(r) ?? null));
}

/**
 * Conditional formats on the result columns, by their text ("Kiểm tra" and the name check show
 * "Lỗi" by their number format, without a rule: each rule costs five service calls per tab).
 */
export function colourResults(sheet: Sheet, L: UnitLayout): void {
  const bodyRows = L.totalRow - L.firstCommuneRow + 1;
  const years = L.blocks.filter((b) => !b.isBaseline);
  const results = years.map((b) =>
    sheet.getRange(L.firstCommuneRow, b.column.result!, bodyRows, 1),
  );
  const rule = (text: string, background: string, color: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(background)
      .setFontColor(color)
      .setRanges(results)
      .build();
  sheet.setConditionalFormatRules([
    rule(RESULT_TEXT.attained, COLOR.attained, COLOR.attainedText),
    rule(RESULT_TEXT.notAttained, COLOR.notAttained, COLOR.notAttainedText),
    rule(RESULT_TEXT.provisional, COLOR.provisional, COLOR.provisionalText),
    rule(RESULT_TEXT.error, COLOR.error, COLOR.errorText),
  ]);
}

/**
 * The unit's named range over the tab's columns, as many as a unit tab's (whole columns: inserted
 * rows stay inside), by which the readers find the tab again after a rename.
 */
export function nameTab(sheet: Sheet, unitIndex: number, L: UnitLayout): void {
  const named = sheet.getRange(`A:${columnLetter(UNIT_READ_COLUMNS(L.lastColumn))}`);
  ensureNamedRange(sheet.getParent(), unitRangeName(unitIndex), sheet, named);
}

/** An agency's tab (layout.ts `agencyLayout`): the criteria and nominations blocks, the named range. */
export function decorateAgencyTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  L: UnitLayout,
  rules: UnitRules,
  fresh: boolean,
): void {
  formatBlocks(sheet, config, L, rules, fresh);
  if (fresh) sheet.setColumnWidth(1, FIXED_COLUMN_WIDTHS[1]);
  nameTab(sheet, unitIndex, L);
}

/**
 * Everything but the static text and the named range, on a tab whose rows are `L` (`fresh`:
 * just built; `current`: the tab's formulas from A1, when known).
 */
export function decorateUnitTab(
  sheet: Sheet,
  config: Config,
  L: UnitLayout,
  rules: UnitRules,
  fresh: boolean,
  current?: string[][],
): void {
  writeFormulas(sheet, L, current);
  formatBody(sheet, L, unitWords(config.words.rowLevel));
  validateCommuneRows(sheet, L, rules);
  formatHeader(sheet, L, fresh);
  formatBlocks(sheet, config, L, rules, fresh);
  colourResults(sheet, L);
}
