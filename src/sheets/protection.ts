// Who may edit what, from Cấu hình (SHEETS-FACTS.md §4). Every protection the add-on makes has
// a description that starts with "gn:", so a re-run removes exactly its own protections and
// rebuilds them: nothing is duplicated and the editors are those Cấu hình lists now.
//
// - A unit tab: the whole sheet is editable by the unit's editors and the analysts; inside it,
//   the title, note and header rows, the commune names, the formula columns, the spacer and
//   total rows and the titles of the criteria and nominations blocks are for analysts only
//   (setup rewrites them); the status line (row 2) is "warning only", because the sidebar
//   writes it as the district user.
// - An approved year: the input cells of that year (commune rows and the year's criteria
//   column) are for analysts only, until the report is returned.
// - The add-on's other tabs (Hướng dẫn, Cấu hình, Tổng hợp toàn tỉnh, Đề xuất khen thưởng,
//   Nhật ký...): analysts only.
//
// Pattern of the Protection reference: add the script's user before removing the others, and
// turn domain editing off only where canDomainEdit() says it is on.
import type { Config } from '../core/config';
import { CRITERIA_FIELDS } from '../core/fields';
import type { Submission } from '../core/types';
import { SHEET, SHEET_TAG, blocksWidth, unitRangeName, type UnitLayout } from './layout';
import { findTaggedSheet, indexSheets } from './sheetFinder';
import { formulaColumns } from './unitFormulas';
import { unitTabLayout } from './unitLocator';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A rectangle of a tab, 1-based. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const PREFIX = 'gn:';
export const PROTECTION_TAG = {
  unit: (unit: string) => `${PREFIX}unit:${unit}`,
  locked: (unit: string) => `${PREFIX}locked:${unit}`,
  status: (unit: string) => `${PREFIX}status:${unit}`,
  approved: (unit: string, year: number) => `${PREFIX}approved:${unit}:${year}`,
  analysts: (tab: string) => `${PREFIX}analysts:${tab}`,
} as const;

/** The running user, asked once per run (Session.getEffectiveUser: the analyst running the menu). */
interface Run {
  me: string;
}

const startRun = (): Run => ({ me: Session.getEffectiveUser().getEmail() });

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
/** Apps Script refuses an invalid address ("Invalid email"): such entries are left out and reported. */
export const isEmail = (s: string): boolean => EMAIL.test(s.trim());

const unique = (emails: readonly string[]): string[] => [
  ...new Set(emails.map((e) => e.trim()).filter(isEmail)),
];

/** Only `editors` (and the owner, always) may edit: the reference pattern. */
function restrict(run: Run, protection: Protection, editors: readonly string[]): void {
  if (run.me) protection.addEditor(run.me);
  protection.removeEditors(protection.getEditors());
  const wanted = unique(editors);
  if (wanted.length > 0) protection.addEditors(wanted);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

function protectArea(
  run: Run,
  sheet: Sheet,
  area: Area,
  description: string,
  editors: readonly string[],
): void {
  const protection = sheet.getRange(area.row, area.column, area.rows, area.columns).protect();
  protection.setDescription(description);
  restrict(run, protection, editors);
}

// ---------------------------------------------------------------------------------------------
// Pure: which rectangles of a unit tab are locked.

const area = (row: number, column: number, rows: number, columns: number): Area[] =>
  rows > 0 && columns > 0 && row > 0 && column > 0 ? [{ row, column, rows, columns }] : [];

/** The cells of a unit tab that only analysts may edit (never the status row). Pure. */
export function lockedAreas(L: UnitLayout, years: number): Area[] {
  const width = blocksWidth(years);
  const communeRows = L.spacerRow - L.firstCommuneRow;
  return [
    ...area(L.titleRow, 1, 1, L.lastColumn),
    ...area(L.noteRow, 1, L.headerRow + 1 - L.noteRow + 1, L.lastColumn),
    ...area(L.firstCommuneRow, L.numberColumn, communeRows, L.communeColumn - L.numberColumn + 1),
    // Formula columns from the first commune row down to the total row, so rows inserted above
    // the spacer by setup fall inside and stay locked.
    ...L.blocks.flatMap((b, i) => {
      const { first, count } = formulaColumns(b);
      // The name check column follows the last block's formula columns: one lock for both.
      const check = i === L.blocks.length - 1 && first + count === L.nameCheckColumn ? 1 : 0;
      return area(L.firstCommuneRow, first, L.totalRow - L.firstCommuneRow + 1, count + check);
    }),
    ...area(L.spacerRow, 1, L.totalRow - L.spacerRow + 1, L.lastColumn),
    ...(L.criteriaTitleRow > 0
      ? [
          ...area(L.criteriaTitleRow, 1, 2, width),
          ...area(L.firstCriteriaRow, 1, CRITERIA_FIELDS.length, 1),
        ]
      : []),
    ...(L.nominationsTitleRow > 0 ? area(L.nominationsTitleRow, 1, 2, width) : []),
  ];
}

/** The input cells of `year` on a unit tab: its block over the commune rows and its criteria column. Pure. */
export function yearInputAreas(L: UnitLayout, years: readonly number[], year: number): Area[] {
  const block = L.blocks.find((b) => b.year === year && !b.isBaseline);
  const k = years.indexOf(year);
  if (!block || k < 0) return [];
  const { first } = formulaColumns(block);
  // Down to the spacer row: rows inserted above it stay inside the lock.
  const out = area(
    L.firstCommuneRow,
    block.firstColumn,
    L.spacerRow - L.firstCommuneRow + 1,
    first - block.firstColumn,
  );
  if (L.firstCriteriaRow > 0)
    out.push(...area(L.firstCriteriaRow, L.criteriaYearColumn + k, CRITERIA_FIELDS.length, 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a unit tab's real layout (rows may have been inserted): one batched read.

interface UnitTab {
  sheet: Sheet;
  layout: UnitLayout;
}

function readUnitTab(ss: Spreadsheet, config: Config, index: number): UnitTab | null {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return null;
  const located = unitTabLayout(config, range.getValues(), config.units[index].kind);
  return located.ok ? { sheet: range.getSheet(), layout: located.layout } : null;
}

// ---------------------------------------------------------------------------------------------
// Approved years

function lockYear(run: Run, tab: UnitTab, config: Config, unit: string, year: number): void {
  for (const a of yearInputAreas(tab.layout, config.years, year)) {
    protectArea(run, tab.sheet, a, PROTECTION_TAG.approved(unit, year), config.analysts);
  }
}

/**
 * Locks (approve) or unlocks (return) the input cells of one unit's year. Returns false when
 * the unit's tab cannot be found or read (then nothing is changed).
 */
export function protectUnitYear(
  ss: Spreadsheet,
  config: Config,
  index: number,
  year: number,
  lock: boolean,
): boolean {
  const tab = readUnitTab(ss, config, index);
  if (!tab) return false;
  const unit = config.units[index].name;
  const tag = PROTECTION_TAG.approved(unit, year);
  for (const p of tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === tag) p.remove();
  }
  if (lock) lockYear(startRun(), tab, config, unit, year);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Menu "Phân quyền các trang tính"

/** Every protection the add-on made (2 searches, then one call per protection). */
function ownProtections(ss: Spreadsheet): Protection[] {
  return [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE].flatMap(
    (type) => ss.getProtections(type).filter((p) => p.getDescription().startsWith(PREFIX)),
  );
}

function protectUnitTab(
  run: Run,
  tab: UnitTab,
  config: Config,
  index: number,
  approved: number[],
): void {
  const unit = config.units[index];
  const whole = tab.sheet.protect();
  whole.setDescription(PROTECTION_TAG.unit(unit.name));
  restrict(run, whole, [...unit.editors, ...config.analysts]);
  for (const a of lockedAreas(tab.layout, config.years.length)) {
    protectArea(run, tab.sheet, a, PROTECTION_TAG.locked(unit.name), config.analysts);
  }
  tab.sheet
    .getRange(tab.layout.statusRow, 1, 1, tab.layout.lastColumn)
    .protect()
    .setDescription(PROTECTION_TAG.status(unit.name))
    .setWarningOnly(true);
  for (const year of approved) lockYear(run, tab, config, unit.name, year);
}

/**
 * The analysts' tabs that exist: every tab of the add-on that is not a unit tab (Hướng dẫn, Cấu
 * hình, the output tabs), found by their developer-metadata tag (one search), so a renamed tab
 * is still protected; an untagged tab is found by its name.
 */
function analystSheets(ss: Spreadsheet): Sheet[] {
  const index = indexSheets(ss);
  const keys = Object.keys(SHEET_TAG) as (keyof typeof SHEET_TAG)[];
  const found = keys.map(
    (k) => findTaggedSheet(index, SHEET_TAG[k], SHEET[k]) ?? ss.getSheetByName(SHEET[k]),
  );
  return found.filter((s): s is Sheet => s !== null);
}

export interface ProtectionReport {
  /** Tabs protected, in order. */
  protected: string[];
  /** Units whose tab is missing or unreadable (Vietnamese names of the units). */
  skipped: string[];
  /** Entries of Cấu hình that are not e-mail addresses (left out of every protection). */
  invalidEmails: string[];
  /**
   * Protections of the add-on the running user may not change (made while they were not an
   * analyst): when there is any, nothing at all is changed.
   */
  blocked: number;
}

function protectUnits(
  run: Run,
  ss: Spreadsheet,
  config: Config,
  submissions: readonly Submission[],
  report: ProtectionReport,
): void {
  config.units.forEach((unit, i) => {
    const tab = readUnitTab(ss, config, i);
    if (!tab) {
      report.skipped.push(unit.name);
      return;
    }
    const approved = submissions
      .filter((s) => s.unit === unit.name && s.status === 'approved')
      .map((s) => s.year);
    protectUnitTab(run, tab, config, i, approved);
    report.protected.push(tab.sheet.getName());
  });
}

function protectAnalystTabs(
  run: Run,
  ss: Spreadsheet,
  config: Config,
  report: ProtectionReport,
): void {
  for (const sheet of analystSheets(ss)) {
    const p = sheet.protect();
    p.setDescription(PROTECTION_TAG.analysts(sheet.getName()));
    restrict(run, p, config.analysts);
    report.protected.push(sheet.getName());
  }
}

/**
 * Menu "Phân quyền các trang tính": brings every protection back to what Cấu hình says (and the
 * approved years to what the submissions say). Idempotent. Changes nothing when the running
 * user may not change one of the add-on's existing protections (`blocked`).
 */
export function applyProtections(
  ss: Spreadsheet,
  config: Config,
  submissions: readonly Submission[],
): ProtectionReport {
  const listed = [...config.analysts, ...config.units.flatMap((u) => u.editors)];
  const invalidEmails = [...new Set(listed.filter((e) => e.trim() !== '' && !isEmail(e)))];
  const report: ProtectionReport = { protected: [], skipped: [], invalidEmails, blocked: 0 };
  const existing = ownProtections(ss);
  report.blocked = existing.filter((p) => !p.canEdit()).length;
  if (report.blocked > 0) return report;
  for (const p of existing) p.remove();
  const run = startRun();
  protectUnits(run, ss, config, submissions, report);
  protectAnalystTabs(run, ss, config, report);
  return report;
}
