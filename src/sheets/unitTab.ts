// A unit's tab: the builder (a fresh tab from the configuration) and the repair (an existing
// tab, located by unitLocator.ts: communes added to Cấu hình are inserted above the spacer row,
// formulas, validations and formats are written again by unitTabFormat.ts). Neither ever writes
// into an input cell, the criteria, the nominations or the status line of an existing tab.
import { rowNoun, type Config, type UnitConfig } from '../core/config';
import { nameFromCell, normalizeName } from '../core/names';
import { asText } from './cellText';
import {
  FIELD_HEADER,
  NOMINATION_TYPES,
  UNIT_READ_COLUMNS,
  UNIT_TEXT,
  blockTitle,
  legacyBlocks,
  unitLayout,
  unitWords,
  type UnitLayout,
  type UnitWords,
} from './layout';
import { buildAgencyTab, repairAgencyTab } from './agencyTab';
import { fillText } from './setupData';
import { blankGrid, ensureSize, readTabGrid, setCommonRows, withBlankRows } from './tabCommonRows';
import type { UnitSetupText } from './setupText';
import { unitTabLayout, type Grid } from './unitLocator';
import {
  BLOCK_COLUMN_WIDTH,
  decorateUnitTab,
  nameTab,
  wholeCountFormula,
  type UnitRules,
} from './unitTabFormat';

export type { UnitRules };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The help texts of the data validations with the rows' noun of Cấu hình ({row}). Pure. */
export function unitHelp(config: Config, help: UnitSetupText['help']): UnitSetupText['help'] {
  const row = rowNoun(config.words);
  const filled = Object.entries(help).map(([rule, text]) => [rule, fillText(text, { row })]);
  return Object.fromEntries(filled) as UnitSetupText['help'];
}

/** `given` is SetupData.text.unit (setupText.ts). */
export function makeUnitRules(config: Config, given: UnitSetupText): UnitRules {
  const rule = (help: string) =>
    SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(help);
  const atLeastZero = (help: string) => rule(help).requireNumberGreaterThanOrEqualTo(0).build();
  const list = (values: string[], help: string) =>
    rule(help).requireValueInList(values, true).build();
  const help = unitHelp(config, given.help);
  const text = { ...given, help };
  // Apps Script has no whole-number builder: a custom formula, one rule per anchor cell (every
  // tab of a fresh setup shares the same few).
  const counts = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  const count = (anchor: string) => {
    let made = counts.get(anchor);
    if (!made) {
      made = rule(help.count).requireFormulaSatisfied(wholeCountFormula(anchor)).build();
      counts.set(anchor, made);
    }
    return made;
  };
  return {
    text,
    count,
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

/** The two header rows of the table (block titles, then field names), `L.lastColumn` wide. Pure. */
function unitHeaderRows(L: UnitLayout, w: UnitWords): string[][] {
  const rows = [new Array<string>(L.lastColumn).fill(''), new Array<string>(L.lastColumn).fill('')];
  rows[0][L.numberColumn - 1] = UNIT_TEXT.numberHeader;
  rows[0][L.communeColumn - 1] = w.communeHeader;
  rows[0][L.mergedIntoColumn - 1] = w.mergedIntoHeader;
  rows[0][L.mergedYearColumn - 1] = UNIT_TEXT.mergedYearHeader;
  rows[0][L.nameCheckColumn - 1] = w.nameCheckHeader;
  for (const block of L.blocks) {
    rows[0][block.firstColumn - 1] = blockTitle(block);
    for (const field of block.fields) rows[1][block.column[field]! - 1] = FIELD_HEADER[field];
  }
  return rows;
}

/** Static content of a fresh tab (no formulas), `layout.lastRow` × `layout.lastColumn`. Pure. */
export function unitGrid(
  config: Config,
  unit: UnitConfig,
  text: UnitSetupText,
): { layout: UnitLayout; values: unknown[][] } {
  const L = unitLayout(config.baselineYear, config.years, unit.communes.length);
  const values = blankGrid(L);
  setCommonRows(values, L, config, unit.name, text);
  const set = (row: number, column: number, v: unknown) => (values[row - 1][column - 1] = v);
  const words = unitWords(config.words.rowLevel);
  unitHeaderRows(L, words).forEach((row, i) => (values[L.headerRow - 1 + i] = row));
  unit.communes.forEach((c, i) => {
    set(L.firstCommuneRow + i, L.numberColumn, i + 1);
    set(L.firstCommuneRow + i, L.communeColumn, asText(c));
  });
  set(L.spacerRow, 1, words.spacer);
  set(L.totalRow, 1, UNIT_TEXT.total);
  // The unit's name, which the formulas look up in Cấu hình's DANH MỤC XÃ (unitFormulas.ts).
  set(L.totalRow, L.mergedIntoColumn, asText(unit.name));
  return { layout: L, values };
}

/**
 * The communes named in the commune rows (normalised; blanks skipped) and the highest number
 * of the STT column (0 when none), from the located layout.
 */
function communeRows(grid: Grid, L: UnitLayout): { communes: string[]; maxNumber: number } {
  const communes: string[] = [];
  let maxNumber = 0;
  for (let r = L.firstCommuneRow; r < L.spacerRow; r++) {
    const row = grid[r - 1] ?? [];
    const name = nameFromCell(row[L.communeColumn - 1]);
    if (name !== null) communes.push(name);
    const n = row[L.numberColumn - 1];
    if (typeof n === 'number' && Number.isFinite(n)) maxNumber = Math.max(maxNumber, n);
  }
  return { communes, maxNumber };
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

export interface UnitTabOutcome {
  /** 'built' for a fresh tab, 'repaired' for an existing one, 'skipped' when it could not be read */
  action: 'built' | 'repaired' | 'skipped';
  /** Communes appended above the spacer row */
  addedCommunes: string[];
  /** Why the tab was skipped (Vietnamese) */
  problem?: string;
  /** The tab had the previous release's layout and was upgraded in place. */
  upgraded?: boolean;
}

/**
 * Lays out a fresh tab for `unit` on an empty sheet, all but its named range (the template of a
 * setup run has none, unitTabCopy.ts). Returns its layout.
 */
export function layFreshUnitTab(
  sheet: Sheet,
  config: Config,
  unit: UnitConfig,
  rules: UnitRules,
): UnitLayout {
  const { layout, values } = unitGrid(config, unit, rules.text);
  // A fresh (or emptied) tab: only blank rows below the layout are cut.
  ensureSize(sheet, layout.lastRow + 10, UNIT_READ_COLUMNS(layout.lastColumn), true);
  sheet.getRange(1, 1, values.length, layout.lastColumn).setValues(values);
  decorateUnitTab(sheet, config, layout, rules, true);
  return layout;
}

/** Lays out a fresh tab for `config.units[unitIndex]` on an empty sheet. */
export function buildUnitTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  rules: UnitRules,
): UnitTabOutcome {
  const unit = config.units[unitIndex];
  if (unit.kind === 'agency') {
    buildAgencyTab(sheet, config, unitIndex, rules);
    return { action: 'built', addedCommunes: [] };
  }
  const layout = layFreshUnitTab(sheet, config, unit, rules);
  nameTab(sheet, unitIndex, layout);
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
  if (unit.kind === 'agency') return repairAgencyTab(sheet, config, unitIndex, rules);
  const width = unitLayout(config.baselineYear, config.years, 0).lastColumn;
  const read = (): Grid => readTabGrid(sheet, width);
  let values = read();
  let located = unitTabLayout(config, values);
  let upgraded = false;
  if (!located.ok && located.legacy) {
    upgradeLegacyTab(sheet, config, located.legacy.headerRow + 1);
    upgraded = true;
    values = read();
    located = unitTabLayout(config, values);
  }
  if (!located.ok) {
    if (located.empty) return buildUnitTab(sheet, config, unitIndex, rules);
    return { action: 'skipped', addedCommunes: [], problem: located.problem };
  }
  let L = located.layout;
  const unitName = values[L.totalRow - 1]?.[L.mergedIntoColumn - 1];
  if (typeof unitName !== 'string' || normalizeName(unitName) !== normalizeName(unit.name))
    sheet.getRange(L.totalRow, L.mergedIntoColumn, 1, 1).setValues([[asText(unit.name)]]);
  const { communes, maxNumber } = communeRows(values, L);
  const present = new Set(communes);
  const missing = unit.communes.filter((c) => !present.has(normalizeName(c)));
  if (missing.length > 0) {
    sheet.insertRowsBefore(L.spacerRow, missing.length);
    sheet
      .getRange(L.spacerRow, 1, missing.length, 2)
      .setValues(missing.map((c, i) => [maxNumber + i + 1, asText(c)]));
    L = shiftRows(L, L.spacerRow, missing.length);
  }
  L = withBlankRows(L, values.length + missing.length);
  ensureSize(sheet, L.lastRow, UNIT_READ_COLUMNS(L.lastColumn));
  const current = sheet.getRange(1, 1, L.totalRow, L.lastColumn).getFormulas();
  decorateUnitTab(sheet, config, L, rules, false, current);
  nameTab(sheet, unitIndex, L);
  return { action: 'repaired', addedCommunes: missing, upgraded };
}

/**
 * Upgrades in place a tab laid out by the previous release (header on 1-based `headerRow`):
 * inserts the name check column after the last block and the "Kiểm tra" column at the end of
 * every block (right to left, all right of column H: the criteria and nominations blocks do not
 * move), then writes the two header rows and merges them again as a fresh tab has them. Every
 * typed value moves with its column; the repair that follows writes the formulas.
 */
function upgradeLegacyTab(sheet: Sheet, config: Config, headerRow: number): void {
  const legacy = legacyBlocks(config.baselineYear, config.years);
  const last = legacy[legacy.length - 1];
  sheet.insertColumnsAfter(last.firstColumn + last.fields.length - 1, 1); // the name check
  for (const block of [...legacy].reverse())
    sheet.insertColumnsAfter(block.firstColumn + block.fields.length - 1, 1);
  const fresh = unitLayout(config.baselineYear, config.years, 0);
  // Every merge of the two header rows, to their last column, is broken then made again.
  sheet.getRange(headerRow, 1, 2, sheet.getMaxColumns()).breakApart();
  sheet
    .getRange(headerRow, 1, 2, fresh.lastColumn)
    .setValues(unitHeaderRows(fresh, unitWords(config.words.rowLevel)));
  sheet.getRange(headerRow, 1, 2, fresh.mergedYearColumn).mergeVertically();
  sheet.getRange(headerRow, fresh.nameCheckColumn, 2, 1).merge();
  for (const block of fresh.blocks)
    sheet.getRange(headerRow, block.firstColumn, 1, block.fields.length).merge();
  sheet.setColumnWidth(fresh.nameCheckColumn, BLOCK_COLUMN_WIDTH);
}
