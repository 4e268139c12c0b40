// An agency's tab (a provincial department, the Fatherland Front, a mass organisation: plan V.4):
// the title, the status line, a note, then the criteria and nominations blocks as on a unit tab;
// no commune table, since an agency has no area rows and no figures (docs/DECISIONS.md). The
// criteria and nominations blocks are found again by their titles (unitLocator.ts), so the
// reader and the sidebar's nomination append need nothing else.
import type { Config } from '../core/config';
import { UNIT_READ_COLUMNS, agencyLayout, type UnitLayout } from './layout';
import { blankGrid, setCommonRows } from './tabCommonRows';
import { agencyTabLayout, type Grid } from './unitLocator';
import type { UnitTabOutcome } from './unitTab';
import { decorateAgencyTab, type UnitRules } from './unitTabFormat';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The note of an agency's tab (no figures to type). */
export const AGENCY_NOTE =
  'Cơ quan, tổ chức không có số liệu hộ nghèo theo địa bàn: nhập tiêu chí thi đua và đề cử khen thưởng bên dưới, rồi nộp báo cáo năm trước ngày {deadline} từ thanh bên.';

/** Static content of a fresh agency tab, `layout.lastRow` × `layout.lastColumn`. Pure. */
export function agencyGrid(
  config: Config,
  unitIndex: number,
  text: UnitRules['text'],
): { layout: UnitLayout; values: unknown[][] } {
  const L = agencyLayout(config.baselineYear, config.years);
  const values = blankGrid(L);
  setCommonRows(values, L, config, config.units[unitIndex].name, { ...text, note: AGENCY_NOTE });
  return { layout: L, values };
}

/** Lays out a fresh agency tab on an empty sheet. */
export function buildAgencyTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  rules: UnitRules,
): void {
  const { layout, values } = agencyGrid(config, unitIndex, rules.text);
  if (sheet.getMaxRows() < layout.lastRow)
    sheet.insertRowsAfter(sheet.getMaxRows(), layout.lastRow - sheet.getMaxRows());
  // As wide as the named range over a unit tab's columns (unitTabFormat.ts).
  const columns = UNIT_READ_COLUMNS(layout.lastColumn);
  if (sheet.getMaxColumns() < columns)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  sheet.getRange(1, 1, values.length, layout.lastColumn).setValues(values);
  decorateAgencyTab(sheet, config, unitIndex, layout, rules, true);
}

/** Brings an existing agency tab up to date (validations, named range); builds an empty one. */
export function repairAgencyTab(
  sheet: Sheet,
  config: Config,
  unitIndex: number,
  rules: UnitRules,
): UnitTabOutcome {
  const width = agencyLayout(config.baselineYear, config.years).lastColumn;
  const lastRow = sheet.getLastRow();
  const grid: Grid = lastRow === 0 ? [] : sheet.getRange(1, 1, lastRow, width).getValues();
  const located = agencyTabLayout(config, grid);
  if (!located.ok && located.empty) {
    buildAgencyTab(sheet, config, unitIndex, rules);
    return { action: 'built', addedCommunes: [] };
  }
  if (!located.ok) return { action: 'skipped', addedCommunes: [], problem: located.problem };
  decorateAgencyTab(sheet, config, unitIndex, located.layout, rules, false);
  return { action: 'repaired', addedCommunes: [] };
}
