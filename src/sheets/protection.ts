// Who may edit what, from Cấu hình (SHEETS-FACTS.md §4). Every protection the add-on makes has
// a description "gn:<kind>:<what>#<fingerprint>": the tag says what it is for, the fingerprint
// stands for its tab, cells, editors and warning mode (what Cấu hình wanted when it was made), so
// a re-run compares descriptions and touches only what differs (protectionApply.ts).
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
import { uniqueAddresses } from '../core/email';
import { CRITERIA_FIELDS } from '../core/fields';
import { blocksWidth, unitRangeName, type UnitLayout } from './layout';
import { formulaColumns } from './unitFormulas';
import { unitTabLayout } from './unitLocator';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * True when the running user may edit `sheet` as a whole: every sheet protection on it lets
 * them. Asked before writing, so that a refusal is ours, in Vietnamese, and nothing changes
 * (1 call, and one per protection).
 */
export function canEditSheet(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).every((p) => p.canEdit());
}

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

export const lower = (e: string): string => e.trim().toLowerCase();

/** One protection as Cấu hình wants it. */
export interface WantedProtection {
  tag: string;
  sheet: Sheet;
  sheetId: number;
  /** The cells of a range protection; null for the whole sheet. */
  area: Area | null;
  /** Who may edit besides the owner (and the running analyst); empty when warning only. */
  editors: readonly string[];
  warningOnly: boolean;
}

/**
 * A protection's editors as they are compared: the valid addresses, lower-cased, each once,
 * sorted (the fingerprint here, the self-check in protectionCheck.ts).
 */
export const editorKeys = (emails: readonly string[]): string[] =>
  [...new Set(uniqueAddresses(emails).map(lower))].sort();

/** 32-bit FNV-1a of `text`, in base 36. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The protection's description: its tag and a fingerprint of everything else it stands for. */
export function protectionDescription(w: WantedProtection): string {
  const cells = w.area ? [w.area.row, w.area.column, w.area.rows, w.area.columns].join(',') : '';
  const editors = editorKeys(w.editors).join(',');
  return `${w.tag}#${fnv1a(`${w.sheetId}|${cells}|${w.warningOnly ? 1 : 0}|${editors}`)}`;
}

/** The tag of a description (what it is for), without the fingerprint. */
export function protectionTag(description: string): string {
  return description.replace(/#[0-9a-z]{1,7}$/, '');
}

/** True when `description` marks a protection the add-on made. */
export const isOwnProtection = (description: string): boolean => description.startsWith(PREFIX);

/** The parts of one of the add-on's tags after the prefix: [kind, unit or tab, year?]. */
export const tagParts = (tag: string): string[] => tag.slice(PREFIX.length).split(':');

/** The file's editors, read once per run. */
interface FileEditors {
  /** Every editor of the file, lower-cased, the owner included. */
  all: Set<string>;
  /** Those a protection may drop: every editor but the owner, as Sheets spells them. */
  removable: string[];
}

/**
 * Makes protections that do not exist yet, with as few calls as the Protection reference's
 * pattern allows. A new range protection mirrors the file's editors (SHEETS-FACTS.md §4), so the
 * file's editors and whether domain editing is on are read once per run, not per protection:
 * the running analyst and the wanted editors who are not yet editors of the file are added
 * (before anyone is removed, as the reference does), then the file's other editors are removed;
 * one of the two calls is always made, so that the protection stops mirroring the file. A sheet
 * protection may be an existing one (Sheet.protect() returns it): its own editors are read.
 */
export class ProtectionMaker {
  private readonly me = Session.getEffectiveUser().getEmail();
  private fileEditors: FileEditors | null = null;
  private domainEdit: boolean | null = null;

  constructor(private readonly ss: Spreadsheet) {}

  make(w: WantedProtection): void {
    const a = w.area;
    const p = a
      ? w.sheet.getRange(a.row, a.column, a.rows, a.columns).protect()
      : w.sheet.protect();
    p.setDescription(protectionDescription(w));
    if (w.warningOnly) {
      p.setWarningOnly(true);
      return;
    }
    const wanted = uniqueAddresses([this.me, ...w.editors]);
    const keep = new Set(wanted.map(lower));
    if (a) this.restrictNew(p, wanted, keep);
    else {
      if (wanted.length > 0) p.addEditors(wanted);
      const extra = p
        .getEditors()
        .map((u) => u.getEmail())
        .filter((e) => e !== '' && !keep.has(lower(e)));
      if (extra.length > 0) p.removeEditors(extra);
    }
    const domainEdit = a ? (this.domainEdit ??= p.canDomainEdit()) : p.canDomainEdit();
    if (domainEdit) p.setDomainEdit(false);
  }

  /** A new range protection, whose editors are still the file's. */
  private restrictNew(p: Protection, wanted: string[], keep: Set<string>): void {
    const file = this.editorsOfFile();
    const missing = wanted.filter((e) => !file.all.has(lower(e)));
    const extra = file.removable.filter((e) => !keep.has(lower(e)));
    if (missing.length > 0 || extra.length === 0)
      p.addEditors(missing.length > 0 ? missing : wanted.slice(0, 1));
    if (extra.length > 0) p.removeEditors(extra);
  }

  private editorsOfFile(): FileEditors {
    if (this.fileEditors) return this.fileEditors;
    const owner = lower(this.ss.getOwner()?.getEmail() ?? '');
    const emails = this.ss
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e !== '');
    this.fileEditors = {
      all: new Set([...emails.map(lower), owner].filter((e) => e !== '')),
      removable: emails.filter((e) => lower(e) !== owner),
    };
    return this.fileEditors;
  }
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
function yearInputAreas(L: UnitLayout, years: readonly number[], year: number): Area[] {
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

export interface UnitTab {
  sheet: Sheet;
  sheetId: number;
  layout: UnitLayout;
}

export function readUnitTab(ss: Spreadsheet, config: Config, index: number): UnitTab | null {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return null;
  const located = unitTabLayout(config, range.getValues(), config.units[index].kind);
  if (!located.ok) return null;
  const sheet = range.getSheet();
  return { sheet, sheetId: sheet.getSheetId(), layout: located.layout };
}

// ---------------------------------------------------------------------------------------------
// Approved years

/** The protections of an approved year: its input cells, for analysts only. */
export function yearProtections(
  tab: UnitTab,
  config: Config,
  unit: string,
  year: number,
): WantedProtection[] {
  return yearInputAreas(tab.layout, config.years, year).map((area) => ({
    tag: PROTECTION_TAG.approved(unit, year),
    sheet: tab.sheet,
    sheetId: tab.sheetId,
    area,
    editors: config.analysts,
    warningOnly: false,
  }));
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
    if (protectionTag(p.getDescription()) === tag) p.remove();
  }
  if (lock) {
    const maker = new ProtectionMaker(ss);
    for (const w of yearProtections(tab, config, unit, year)) maker.make(w);
  }
  return true;
}
