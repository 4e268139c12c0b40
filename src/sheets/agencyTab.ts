// An agency's tab (a provincial department, the Fatherland Front, a mass organisation: plan V.4):
// the title, the status line, a note, then the criteria and nominations blocks as on a unit tab;
// no commune table, since an agency has no area rows and no figures (docs/DECISIONS.md). The
// criteria and nominations blocks are found again by their titles (unitLocator.ts), so the
// reader and the sidebar's nomination append need nothing else.
import type { Config } from '../core/config';
import { UNIT_READ_COLUMNS, agencyLayout, type UnitLayout } from './layout';
import { blankGrid, ensureSize, readTabGrid, setCommonRows, withBlankRows } from './tabCommonRows';
import { agencyTabLayout } from './unitLocator';
import type { UnitTabOutcome } from './unitTab';
import { decorateAgencyTab, type UnitRules } from './unitTabFormat';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Static content of a fresh agency tab, `layout.lastRow` × `layout.lastColumn`. Pure. */
function agencyGrid(
  config: Config,
  unitIndex: number,
  text: UnitRules['text'],
): { layout: UnitLayout; values: unknown[][] } {
  const L = agencyLayout(config.baselineYear, config.years);
  const values = blankGrid(L);
  setCommonRows(values, L, config, config.units[unitIndex].name, {
    ...text,
    note: text.agencyNote,
  });
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
  // As wide as the named range over a unit tab's columns (unitTabFormat.ts).
  ensureSize(sheet, layout.lastRow, UNIT_READ_COLUMNS(layout.lastColumn));
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
  const grid = readTabGrid(sheet, width);
  const located = agencyTabLayout(config, grid);
  if (!located.ok && located.empty) {
    buildAgencyTab(sheet, config, unitIndex, rules);
    return { action: 'built', addedCommunes: [] };
  }
  if (!located.ok) return { action: 'skipped', addedCommunes: [], problem: located.problem };
  const L = withBlankRows(located.layout, grid.length);
  ensureSize(sheet, L.lastRow, UNIT_READ_COLUMNS(L.lastColumn));
  decorateAgencyTab(sheet, config, unitIndex, L, rules, false);
  return { action: 'repaired', addedCommunes: [] };
}
