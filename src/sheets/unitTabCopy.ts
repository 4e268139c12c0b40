// The new unit tabs of one setup run are copies of one tab built once (docs/DECISIONS.md 57):
// building a tab costs some 70 service calls (texts, formulas, formats, merges, widths,
// validations, conditional formats), copying one about 9. The template is a scratch tab laid out
// for the unit with the most communes among those to create, with no tag and no named range;
// each copy (Spreadsheet.insertSheet's `template`) loses the commune rows it does not need, gets
// its unit's title, communes and name, the successor list of its own rows, its conditional
// formats and its named range; the scratch tab is deleted when the run ends. A tab copied this
// way is the tab setup would have built (test/bundle/setup-copy.test.ts).
import type { Config } from '../core/config';
import { unitLayout, unitSheetTag, type UnitLayout } from './layout';
import { findSheet, type SheetIndex } from './sheetFinder';
import { layFreshUnitTab, unitGrid, type UnitRules } from './unitTab';
import { colourResults, nameTab, validateSuccessors } from './unitTabFormat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The template's name, and the start of a copy's name until the copy is its unit's: a run that
 * died leaves only tabs named so, which the next run deletes.
 */
export const TEMPLATE_TAB = 'GN - mẫu trang đơn vị (tạm, sẽ tự xoá)';

/** Copying pays for the template's build from the second new tab on. */
const WORTH_IT = 2;

export class UnitTabCopier {
  private template: { sheet: Sheet; layout: UnitLayout } | null = null;
  /** The unit (0-based) whose tab the template is laid out for; -1: tabs are built one by one. */
  private readonly model: number;

  /**
   * Looks at the unit tabs a run from unit `from` on will create (those of Cấu hình's units with
   * rows that have no tab yet): when there are at least two, they will be copies. A scratch tab
   * left by a run that died is deleted.
   */
  constructor(
    private readonly ss: Spreadsheet,
    private readonly config: Config,
    private readonly rules: UnitRules,
    index: SheetIndex,
    from: number,
  ) {
    for (const sheet of ss.getSheets())
      if (sheet.getName().startsWith(TEMPLATE_TAB)) ss.deleteSheet(sheet);
    const missing = config.units
      .map((unit, i) => ({ unit, i }))
      .filter(
        ({ unit, i }) =>
          i >= from &&
          unit.kind !== 'agency' &&
          findSheet(ss, index, unitSheetTag(unit.name), unit.tab) === null,
      );
    this.model =
      missing.length < WORTH_IT
        ? -1
        : missing.reduce((a, b) => (b.unit.communes.length > a.unit.communes.length ? b : a)).i;
  }

  /** How unit `i`'s tab is created when it is missing: a copy, or null to build it. */
  creator(i: number): ((name: string, position: number) => Sheet) | null {
    const unit = this.config.units[i];
    const most = this.model < 0 ? -1 : this.config.units[this.model].communes.length;
    if (unit.kind === 'agency' || unit.communes.length > most) return null;
    return (name, position) => this.copy(i, name, position);
  }

  /** Deletes the template (at the end of the run, or where the clock stopped it). */
  finish(): void {
    if (this.template) this.ss.deleteSheet(this.template.sheet);
    this.template = null;
  }

  private templateTab(): { sheet: Sheet; layout: UnitLayout } {
    if (this.template) return this.template;
    const sheet = this.ss.insertSheet(TEMPLATE_TAB, this.ss.getNumSheets());
    const unit = this.config.units[this.model];
    this.template = { sheet, layout: layFreshUnitTab(sheet, this.config, unit, this.rules) };
    return this.template;
  }

  /**
   * Unit `i`'s tab named `name` at `position`: the template's copy, made this unit's, under a
   * scratch name until it is (a tab with the unit's name always holds the unit's cells).
   */
  private copy(i: number, name: string, position: number): Sheet {
    const template = this.templateTab();
    const sheet = this.ss.insertSheet(`${TEMPLATE_TAB} ${i + 1}`, position, {
      template: template.sheet,
    });
    const unit = this.config.units[i];
    const T = template.layout;
    const L = unitLayout(this.config.baselineYear, this.config.years, unit.communes.length);
    if (L.communeCount < T.communeCount)
      sheet.deleteRows(T.firstCommuneRow + L.communeCount, T.communeCount - L.communeCount);
    // The unit's own cells, in columns A to the successor from the title to the total row: the
    // title, the numbers and names of its communes and its name on the total row (the other
    // cells there, the same on every tab, are written again as they are).
    const { values } = unitGrid(this.config, unit, this.rules.text);
    const own = values.slice(0, L.totalRow).map((row) => row.slice(0, L.mergedIntoColumn));
    sheet.getRange(1, 1, own.length, L.mergedIntoColumn).setValues(own);
    validateSuccessors(sheet, L, this.rules);
    colourResults(sheet, L);
    nameTab(sheet, i, L);
    sheet.setName(name);
    return sheet;
  }
}
