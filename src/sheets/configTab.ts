// The tab "Cấu hình": the configuration laid out as editable Vietnamese tables (the grid comes
// from configGrid.ts), and read back with one batched read and the pure parser (configReader.ts).
import { AWARD_CLASSES, type Config } from '../core/config';
import { configGrid, type ConfigCells, type ConfigGrid } from './configGrid';
import { AWARD_CLASS_LABEL, CONFIG_COLUMNS, CONFIG_SECTION, RULE_ROWS } from './configLabels';
import { readConfigValues, type ReadConfigResult } from './configReader';
import { NAMED, SHEET, a1, columnLetter } from './layout';
import { ensureNamedRange } from './sheetFinder';

export { CONFIG_SECTION, readConfigValues, type ConfigCells, type ReadConfigResult };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Sets the named ranges of Cấu hình: the two targets, the deadline, the commune list (the unit
 * tabs' formulas check names there) and the whole table.
 */
export function nameConfigRanges(ss: Spreadsheet, sheet: Sheet, cells: ConfigCells): void {
  ensureNamedRange(ss, NAMED.poorTarget, sheet, sheet.getRange(cells.poorTarget));
  ensureNamedRange(ss, NAMED.combinedTarget, sheet, sheet.getRange(cells.combinedTarget));
  ensureNamedRange(ss, NAMED.deadline, sheet, sheet.getRange(cells.deadline));
  ensureNamedRange(ss, NAMED.communeUnits, sheet, sheet.getRange(cells.communeUnits));
  ensureNamedRange(ss, NAMED.communeNames, sheet, sheet.getRange(cells.communeNames));
  ensureNamedRange(ss, NAMED.config, sheet, sheet.getRange(`A:${columnLetter(CONFIG_COLUMNS)}`));
}

/**
 * Lays `grid` (configGrid.ts; the setup's comes from SetupData) out on `sheet` (cleared first
 * when it has content): one setValues for the whole grid, formats by range lists, then the
 * named ranges.
 */
export function writeConfigGrid(sheet: Sheet, grid: ConfigGrid): ConfigCells {
  const ss = sheet.getParent();
  if (sheet.getLastRow() > 0) sheet.clear();
  const needRows = grid.values.length + 20;
  const maxRows = sheet.getMaxRows();
  if (maxRows < needRows) sheet.insertRowsAfter(maxRows, needRows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < CONFIG_COLUMNS)
    sheet.insertColumnsAfter(maxColumns, CONFIG_COLUMNS - maxColumns);

  const values: unknown[][] = grid.values.map((row) => [
    ...row,
    ...new Array(CONFIG_COLUMNS - row.length).fill(''),
  ]);
  for (const { row, column } of grid.dates) {
    const [y, m, d] = String(values[row - 1][column - 1])
      .split('-')
      .map(Number);
    values[row - 1][column - 1] = new Date(y, m - 1, d);
  }
  const block = sheet.getRange(1, 1, values.length, CONFIG_COLUMNS);
  block.setValues(values);
  for (const { format, ranges } of grid.formats) sheet.getRangeList(ranges).setNumberFormat(format);

  // Bold titles and headers, coloured bands: two batched calls over the whole block.
  const sections = new Set(grid.sectionRows);
  const headers = new Set(grid.headerRows);
  const rowsOf = <T>(f: (row: number) => T): T[][] =>
    values.map((_, i) => new Array<T>(CONFIG_COLUMNS).fill(f(i + 1)));
  block.setFontWeights(
    rowsOf((r) => (r === grid.titleRow || sections.has(r) || headers.has(r) ? 'bold' : 'normal')),
  );
  block.setBackgrounds(
    rowsOf((r) => (sections.has(r) ? '#c9daf8' : headers.has(r) ? '#eeeeee' : null)),
  );
  sheet.getRange(a1(grid.titleRow, 1)).setFontSize(14);
  sheet.getRange(a1(grid.noteRow, 1)).setFontStyle('italic');
  sheet.getRange(grid.generalNoteRange).setFontColor('#666666');
  [330, 260, 300].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  sheet.setColumnWidths(4, CONFIG_COLUMNS - 3, 150);
  sheet.setFrozenRows(grid.titleRow);
  addConfigValidations(sheet, grid);
  nameConfigRanges(ss, sheet, grid.cells);
  return grid.cells;
}

/** Dropdowns of the award classes and of the rules' values (an award form). */
function addConfigValidations(sheet: Sheet, grid: ConfigGrid): void {
  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  sheet.getRange(grid.awardLevelRange).setDataValidation(
    rule()
      .requireValueInList(
        AWARD_CLASSES.map((c) => AWARD_CLASS_LABEL[c]),
        true,
      )
      .setHelpText(grid.help.level)
      .build(),
  );
  const awardRule = rule()
    .requireValueInRange(sheet.getRange(grid.awardNameRange), true)
    .setHelpText(grid.help.award)
    .build();
  sheet.getRange(grid.firstRuleRow, 2, RULE_ROWS.length, 1).setDataValidation(awardRule);
}

/** Lays any configuration out on `sheet` (tools; the setup writes the build's grid of the defaults). */
export function writeConfigSheet(sheet: Sheet, config: Config): ConfigCells {
  return writeConfigGrid(sheet, configGrid(config));
}

/** Reads Cấu hình with one batched read of the named range GN_CAU_HINH (or the tab's data). */
export function readConfigFromSheet(ss: Spreadsheet, sheet: Sheet | null): ReadConfigResult {
  const named = ss.getRangeByName(NAMED.config);
  if (named && (!sheet || named.getSheet().getSheetId() === sheet.getSheetId())) {
    return readConfigValues(named.getValues());
  }
  if (sheet) return readConfigValues(sheet.getDataRange().getValues());
  return {
    ok: false,
    problems: [
      {
        sheet: SHEET.config,
        cell: 'A1',
        message: `Không tìm thấy trang "${SHEET.config}". Hãy chạy menu Vì người nghèo → Khởi tạo / cập nhật sổ.`,
      },
    ],
  };
}

/** Reads the configuration from Cấu hình: `ss.getRangeByName(GN_CAU_HINH).getValues()` and the pure parser. */
export function readConfig(ss: Spreadsheet): ReadConfigResult {
  return readConfigFromSheet(ss, null);
}
