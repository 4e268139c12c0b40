// Who may edit what, from Cấu hình. Every protection the add-on makes has a description that
// starts with "gn:", so re-running removes exactly its own protections and rebuilds them.
// Pattern of the Protection reference: add the script's user before removing the others, and
// turn domain editing off only where canDomainEdit() allows it.
import type { Config } from '../core/config';
import { normalizeName } from '../core/names';
import { NAMED, unitLayout, unitRangeName } from './layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const PREFIX = 'gn:';
const approvedTag = (unit: string, year: number) => `${PREFIX}approved:${unit}:${year}`;

function restrict(protection: Protection, editors: string[]): void {
  const me = Session.getEffectiveUser().getEmail();
  if (me) protection.addEditor(me);
  protection.removeEditors(protection.getEditors());
  const wanted = [...new Set(editors.map((e) => e.trim()).filter(Boolean))];
  if (wanted.length > 0) protection.addEditors(wanted);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Locks (approve) or unlocks (return) the input cells of one unit's year. */
export function protectUnitYear(ss: Spreadsheet, config: Config, index: number, year: number, lock: boolean): void {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return;
  const sheet = range.getSheet();
  const tag = approvedTag(config.units[index].name, year);
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === tag) p.remove();
  }
  if (!lock) return;
  const layout = unitLayout(config.baselineYear, config.years, config.units[index].communes.length);
  const block = layout.blocks.find((b) => b.year === year);
  if (!block) return;
  const rows = Math.max(1, sheet.getLastRow() - layout.firstCommuneRow + 1);
  const protection = sheet.getRange(layout.firstCommuneRow, block.firstColumn, rows, block.fields.length).protect();
  protection.setDescription(tag);
  restrict(protection, config.analysts);
}

/** Menu "Phân quyền các trang tính": brings every protection back to what Cấu hình says. */
export function applyProtections(ss: Spreadsheet, config: Config): string[] {
  const done: string[] = [];
  for (const sheet of ss.getSheets()) {
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
      if (p.getDescription().startsWith(PREFIX)) p.remove();
    }
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const d = p.getDescription();
      if (d.startsWith(PREFIX) && !d.startsWith(`${PREFIX}approved:`)) p.remove();
    }
  }
  config.units.forEach((unit, i) => {
    const range = ss.getRangeByName(unitRangeName(i));
    if (!range) return;
    const sheet = range.getSheet();
    const layout = unitLayout(config.baselineYear, config.years, unit.communes.length);
    const whole = sheet.protect().setDescription(`${PREFIX}unit:${unit.name}`);
    restrict(whole, [...unit.editors, ...config.analysts]);
    // Formula cells and headers stay locked even for the unit's editors.
    const locked = [
      sheet.getRange(1, 1, layout.headerRow + 1, layout.lastColumn),
      ...layout.blocks.flatMap((b) =>
        b.fields
          .map((f, k) => ({ f, column: b.firstColumn + k }))
          .filter(({ f }) => ['poorRate', 'poorReduction', 'combinedReduction', 'result', 'progress'].includes(f))
          .map(({ column }) => sheet.getRange(layout.firstCommuneRow, column, layout.totalRow - layout.firstCommuneRow + 1, 1)),
      ),
    ];
    for (const r of locked) {
      const p = r.protect().setDescription(`${PREFIX}locked:${unit.name}`);
      restrict(p, []);
    }
    // The status line is written by the sidebar as the district user: warn on manual edits only.
    sheet.getRange(layout.statusRow, 1, 1, layout.lastColumn).protect().setDescription(`${PREFIX}status:${unit.name}`).setWarningOnly(true);
    done.push(sheet.getName());
  });
  for (const name of [NAMED.config, NAMED.summary, NAMED.shortlist, NAMED.log]) {
    const range = ss.getRangeByName(name);
    if (!range) continue;
    const sheet = range.getSheet();
    restrict(sheet.protect().setDescription(`${PREFIX}analysts:${normalizeName(sheet.getName())}`), config.analysts);
    done.push(sheet.getName());
  }
  return done;
}
