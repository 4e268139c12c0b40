// Finds the add-on's tabs by developer metadata (key SHEET_KEY, value = the tab's tag), so a
// tab renamed by hand is still found; falls back to the expected name for a tab without
// metadata (then tags it), and creates the tab when neither exists.
import { SHEET_KEY } from './layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every tagged tab of the spreadsheet, read with one metadata search. */
export interface SheetIndex {
  /** tag → sheets carrying it (a duplicated tab carries its original's tag too) */
  byTag: Map<string, Sheet[]>;
  /** ids of every sheet that carries a SHEET_KEY tag */
  taggedIds: Set<number>;
}

export type FindStatus = 'found' | 'renamed' | 'adopted' | 'created';

export interface FoundSheet {
  sheet: Sheet;
  status: FindStatus;
  /** The name the tab had before it was renamed back to the expected name. */
  previousName?: string;
}

/** Reads every SHEET_KEY tag of the spreadsheet (one finder search). */
export function indexSheets(ss: Spreadsheet): SheetIndex {
  const byTag = new Map<string, Sheet[]>();
  const taggedIds = new Set<number>();
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(SHEET_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    const tag = metadata.getValue();
    if (!sheet || tag === null) continue;
    const list = byTag.get(tag) ?? [];
    list.push(sheet);
    byTag.set(tag, list);
    taggedIds.add(sheet.getSheetId());
  }
  return { byTag, taggedIds };
}

/** The tab tagged `tag` (the one named `name` if several carry the tag), else null. */
export function findTaggedSheet(index: SheetIndex, tag: string, name: string): Sheet | null {
  const list = index.byTag.get(tag);
  if (!list || list.length === 0) return null;
  if (list.length === 1) return list[0];
  return list.find((s) => s.getName() === name) ?? list[0];
}

/**
 * The tab tagged `tag`, else an untagged tab named `name` (tagged now), else null.
 * Does not create or rename anything except the tag on an adopted tab.
 */
export function findSheet(
  ss: Spreadsheet,
  index: SheetIndex,
  tag: string,
  name: string,
): Sheet | null {
  const tagged = findTaggedSheet(index, tag, name);
  if (tagged) return tagged;
  const byName = ss.getSheetByName(name);
  if (byName && !index.taggedIds.has(byName.getSheetId())) return byName;
  return null;
}

/** Tags a sheet and records it in the index. */
function tagSheet(sheet: Sheet, index: SheetIndex, tag: string): void {
  sheet.addDeveloperMetadata(SHEET_KEY, tag);
  index.byTag.set(tag, [...(index.byTag.get(tag) ?? []), sheet]);
  index.taggedIds.add(sheet.getSheetId());
}

/** A free tab name: `name`, else `name (2)`, `name (3)`… */
function freeName(ss: Spreadsheet, name: string): string {
  if (!ss.getSheetByName(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}

/**
 * Finds the tab tagged `tag` (renaming it back to `name` when that name is free), or adopts an
 * untagged tab named `name`, or creates it at 0-based `position` (by `create`, when given: a
 * copy of a template, unitTabCopy.ts).
 */
export function findOrCreateSheet(
  ss: Spreadsheet,
  index: SheetIndex,
  tag: string,
  name: string,
  position: number,
  create: (name: string, position: number) => Sheet = (n, p) => ss.insertSheet(n, p),
): FoundSheet {
  const tagged = findTaggedSheet(index, tag, name);
  if (tagged) {
    const current = tagged.getName();
    if (current !== name && !ss.getSheetByName(name)) {
      tagged.setName(name);
      return { sheet: tagged, status: 'renamed', previousName: current };
    }
    return { sheet: tagged, status: 'found' };
  }
  const byName = ss.getSheetByName(name);
  if (byName && !index.taggedIds.has(byName.getSheetId())) {
    tagSheet(byName, index, tag);
    return { sheet: byName, status: 'adopted' };
  }
  const sheet = create(freeName(ss, name), Math.max(0, Math.min(position, ss.getNumSheets())));
  tagSheet(sheet, index, tag);
  return { sheet, status: 'created' };
}

/**
 * Points the named range `name` at `range` unless it already points there (redefining a name
 * makes Sheets recalculate every formula that uses it). A name that exists elsewhere is removed
 * first: what `setNamedRange` does with a name that exists is not documented (SHEETS-FACTS.md,
 * "Unconfirmed"), so the add-on never relies on it.
 */
export function ensureNamedRange(
  ss: Spreadsheet,
  name: string,
  sheet: Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  const current = ss.getRangeByName(name);
  if (current) {
    // The A1 notation tells a whole-column range (A:X, open-ended) from a bounded one (A1:X1000).
    const same =
      current.getSheet().getSheetId() === sheet.getSheetId() &&
      current.getA1Notation() === range.getA1Notation();
    if (same) return;
    ss.removeNamedRange(name);
  }
  ss.setNamedRange(name, range);
}
