// Menu "Phân quyền các trang tính": what Cấu hình wants (one protection list for every tab) against
// what is there, read once: each of the add-on's protections by its description, whose fingerprint
// stands for its tab, cells, editors and warning mode (protection.ts). A protection whose
// description is wanted stays untouched; the others are removed and the missing ones made. An
// unchanged re-run therefore writes nothing (docs/DECISIONS.md 54).
import type { Config } from '../core/config';
import type { Submission } from '../core/types';
import { isEmail } from '../core/email';
import { SHEET, SHEET_TAG } from './layout';
import {
  PROTECTION_TAG,
  ProtectionMaker,
  isOwnProtection,
  openAreas,
  protectionDescription,
  readUnitTab,
  totalRowsArea,
  yearProtections,
  type UnitTab,
  type WantedProtection,
} from './protection';
import type { RunClock } from './runClock';
import { findTaggedSheet, indexSheets, type SheetIndex } from './sheetFinder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export interface ProtectionReport {
  /** Tabs protected, in order. */
  protected: string[];
  /** Units whose tab is missing or unreadable (Vietnamese names of the units). */
  skipped: string[];
  /** Entries of Cấu hình that are not e-mail addresses (left out of every protection). */
  invalidEmails: string[];
  /**
   * Protections of the add-on the running user may not change (made while they were not an
   * analyst) among those that must change: when there is any, nothing at all is changed.
   */
  blocked: number;
  /** Protections made and removed by this run (0 and 0: nothing was written). */
  made: number;
  removed: number;
  /** Changes left for the next run when this one stopped at its time budget (0: finished). */
  left: number;
}

/**
 * The protections of a unit tab, in the order they are made: the sheet for analysts with the
 * input cells left open, the whole tab for the unit's editors and the analysts, the spacer and
 * total rows for analysts, the status line warning only, the approved years for analysts.
 */
export function unitTabProtections(
  tab: UnitTab,
  config: Config,
  index: number,
  approved: readonly number[],
): WantedProtection[] {
  const unit = config.units[index];
  const L = tab.layout;
  const base = { sheet: tab.sheet, sheetId: tab.sheetId, open: [], warningOnly: false };
  const locked = { ...base, tag: PROTECTION_TAG.locked(unit.name), editors: config.analysts };
  return [
    { ...locked, area: null, open: openAreas(L, config.years.length, tab.rows, tab.columns) },
    {
      ...base,
      tag: PROTECTION_TAG.unit(unit.name),
      area: { row: 1, column: 1, rows: tab.rows, columns: tab.columns },
      editors: [...unit.editors, ...config.analysts],
    },
    ...totalRowsArea(L, tab.columns).map((area) => ({ ...locked, area })),
    {
      ...base,
      tag: PROTECTION_TAG.status(unit.name),
      area: { row: L.statusRow, column: 1, rows: 1, columns: L.lastColumn },
      editors: [],
      warningOnly: true,
    },
    ...approved.flatMap((year) => yearProtections(tab, config, unit.name, year)),
  ];
}

/**
 * The analysts' tabs that exist: every tab of the add-on that is not a unit tab (Hướng dẫn, Cấu
 * hình, the output tabs), found by their developer-metadata tag (one search), so a renamed tab
 * is still protected; an untagged tab is found by its name.
 */
export function analystSheets(ss: Spreadsheet, index: SheetIndex): Sheet[] {
  const keys = Object.keys(SHEET_TAG) as (keyof typeof SHEET_TAG)[];
  const found = keys.map(
    (k) => findTaggedSheet(index, SHEET_TAG[k], SHEET[k]) ?? ss.getSheetByName(SHEET[k]),
  );
  return found.filter((s): s is Sheet => s !== null);
}

/** The protection of an analysts' tab (`name`: its name, already read). */
export function analystTabProtection(sheet: Sheet, name: string, config: Config): WantedProtection {
  return {
    tag: PROTECTION_TAG.analysts(name),
    sheet,
    sheetId: sheet.getSheetId(),
    area: null,
    open: [],
    editors: config.analysts,
    warningOnly: false,
  };
}

/** The years of `unit` whose report is approved (their input cells are locked). */
export const approvedYears = (submissions: readonly Submission[], unit: string): number[] =>
  submissions.filter((s) => s.unit === unit && s.status === 'approved').map((s) => s.year);

/** Every protection Cấu hình wants, and the report's lists of tabs protected and units skipped. */
function wantedProtections(
  ss: Spreadsheet,
  config: Config,
  submissions: readonly Submission[],
  report: ProtectionReport,
): WantedProtection[] {
  const wanted: WantedProtection[] = [];
  config.units.forEach((unit, i) => {
    const tab = readUnitTab(ss, config, i);
    if (!tab) {
      report.skipped.push(unit.name);
      return;
    }
    wanted.push(...unitTabProtections(tab, config, i, approvedYears(submissions, unit.name)));
    report.protected.push(tab.sheet.getName());
  });
  for (const sheet of analystSheets(ss, indexSheets(ss))) {
    const name = sheet.getName();
    wanted.push(analystTabProtection(sheet, name, config));
    report.protected.push(name);
  }
  return wanted;
}

/** The add-on's protections by description: two searches, then one read per protection. */
function ownProtections(ss: Spreadsheet): Map<string, Protection[]> {
  const out = new Map<string, Protection[]>();
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const p of ss.getProtections(type)) {
      const description = p.getDescription();
      if (isOwnProtection(description)) out.set(description, [...(out.get(description) ?? []), p]);
    }
  }
  return out;
}

/**
 * Which wanted protections are missing and which existing ones are not wanted. Two protections
 * with the same description (a copied tab carries its protections) are told apart by their tab.
 */
function compare(
  existing: Map<string, Protection[]>,
  wanted: readonly WantedProtection[],
): { missing: WantedProtection[]; unwanted: Protection[] } {
  const missing: WantedProtection[] = [];
  for (const w of wanted) {
    const description = protectionDescription(w);
    const found = existing.get(description) ?? [];
    const i =
      found.length > 1
        ? found.findIndex((p) => p.getRange().getSheet().getSheetId() === w.sheetId)
        : found.length - 1;
    if (i < 0) missing.push(w);
    else found.splice(i, 1);
  }
  return { missing, unwanted: [...existing.values()].flat() };
}

/**
 * The changes grouped by tab, in the order of `missing` (Cấu hình's), then the tabs that only
 * lose protections: a run stops between tabs, never inside one (the tab of an unwanted
 * protection is read: three handle calls each, on a run that changes something).
 */
function byTab(
  missing: readonly WantedProtection[],
  unwanted: readonly Protection[],
): { missing: WantedProtection[]; unwanted: Protection[] }[] {
  const tabs = new Map<number, { missing: WantedProtection[]; unwanted: Protection[] }>();
  const tab = (id: number) => {
    let t = tabs.get(id);
    if (!t) tabs.set(id, (t = { missing: [], unwanted: [] }));
    return t;
  };
  for (const w of missing) tab(w.sheetId).missing.push(w);
  for (const p of unwanted) tab(p.getRange().getSheet().getSheetId()).unwanted.push(p);
  return [...tabs.values()];
}

/**
 * Menu "Phân quyền các trang tính": brings every protection back to what Cấu hình says (and the
 * approved years to what the submissions say). Idempotent; a re-run with nothing changed writes
 * nothing. Changes nothing when the running user may not remove one of the add-on's
 * protections that must change (`blocked`). With a `clock`, stops once its budget is spent (after
 * one tab at least): what is done stays, and the next run finds only what is left to do.
 */
export function applyProtections(
  ss: Spreadsheet,
  config: Config,
  submissions: readonly Submission[],
  clock: RunClock | null = null,
): ProtectionReport {
  const listed = [...config.analysts, ...config.units.flatMap((u) => u.editors)];
  const invalidEmails = [...new Set(listed.filter((e) => e.trim() !== '' && !isEmail(e)))];
  const report: ProtectionReport = {
    protected: [],
    skipped: [],
    invalidEmails,
    blocked: 0,
    made: 0,
    removed: 0,
    left: 0,
  };
  const wanted = wantedProtections(ss, config, submissions, report);
  const { missing, unwanted } = compare(ownProtections(ss), wanted);
  report.blocked = unwanted.filter((p) => !p.canEdit()).length;
  if (report.blocked > 0) return report;
  const maker = new ProtectionMaker(ss);
  for (const tab of byTab(missing, unwanted)) {
    if (report.made + report.removed > 0 && clock !== null && clock.over()) break;
    // Within a tab: the new range protections first (the unit's range guards the open cells
    // before the old protections go), then the old ones go, then the sheet protection is made
    // (Sheet.protect() would return an old one still there). No tab is left half done.
    for (const w of tab.missing.filter((x) => x.area !== null)) maker.make(w);
    for (const p of tab.unwanted) p.remove();
    for (const w of tab.missing.filter((x) => x.area === null)) maker.make(w);
    report.made += tab.missing.length;
    report.removed += tab.unwanted.length;
  }
  report.left = unwanted.length + missing.length - report.made - report.removed;
  return report;
}
