// Who may edit what, from Cấu hình (SHEETS-FACTS.md §4). Every protection the add-on makes has
// a description "gn:<kind>:<what>#<fingerprint>": the tag says what it is for, the fingerprint
// stands for its tab, cells, editors and warning mode (what Cấu hình wanted when it was made), so
// a re-run compares descriptions and touches only what differs (protectionApply.ts).
//
// - A unit tab (docs/DECISIONS.md 56): its sheet protection is for analysts only and leaves open
//   the input cells (its unprotected ranges: every cell that is not a title, note or header row,
//   a commune name, a formula column or a title of the criteria and nominations blocks); one
//   range protection over the whole tab lets only the unit's editors and the analysts into those
//   open cells (a cell is editable only if every protection covering it allows the user); the
//   spacer and total rows, inside the open columns so that a commune row inserted above the
//   spacer is open too, have their own analysts-only range. The status line (row 2) is "warning
//   only", because the sidebar writes it as the district user. Four protections per tab, not
//   fourteen: a first run fits the time budget (docs/BENCH.md).
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

/** True when `range` holds every cell of `a` (four handle calls). */
function holds(range: GoogleAppsScript.Spreadsheet.Range, a: Area): boolean {
  const row = range.getRow();
  const column = range.getColumn();
  return (
    row <= a.row &&
    column <= a.column &&
    row + range.getNumRows() >= a.row + a.rows &&
    column + range.getNumColumns() >= a.column + a.columns
  );
}

/**
 * True when the add-on's protections of unit `unit`'s tab let the running user write the cells
 * `a`: each sheet protection lets them edit the sheet or leaves those cells open (the input
 * cells), and the unit's range over the tab lists them. Other range protections (an approved
 * year, one made by hand) are left to Sheets. Asked before writing, so that a refusal is ours
 * and in Vietnamese (2 calls, a few handle calls per protection, 1 per permission asked).
 */
export function unitTabAllows(sheet: Sheet, unit: string, a: Area): boolean {
  const sheetOk = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .every((p) => p.canEdit() || p.getUnprotectedRanges().some((r) => holds(r, a)));
  const tag = PROTECTION_TAG.unit(unit);
  return (
    sheetOk &&
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => protectionTag(p.getDescription()) === tag)
      .every((p) => p.canEdit())
  );
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
  /** The cells a sheet protection leaves open (its unprotected ranges); empty otherwise. */
  open: readonly Area[];
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
  const cellsOf = (a: Area) => [a.row, a.column, a.rows, a.columns].join(',');
  const cells = w.area ? cellsOf(w.area) : '';
  const open = w.open.length > 0 ? `|${w.open.map(cellsOf).join(';')}` : '';
  const editors = editorKeys(w.editors).join(',');
  return `${w.tag}#${fnv1a(`${w.sheetId}|${cells}${open}|${w.warningOnly ? 1 : 0}|${editors}`)}`;
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
    if (w.open.length > 0)
      p.setUnprotectedRanges(
        w.open.map((o) => w.sheet.getRange(o.row, o.column, o.rows, o.columns)),
      );
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

/**
 * The cells of a unit tab that only analysts may edit, as the sheet protection sees them: the
 * title, note and header rows, the commune names and the formula columns (both down to the total
 * row, so that the open columns run unbroken from the first commune to the total row), the
 * titles of the criteria and nominations blocks and the criteria's labels. Pure.
 */
function sheetLockedAreas(L: UnitLayout, years: number): Area[] {
  const width = blocksWidth(years);
  const bodyRows = L.totalRow - L.firstCommuneRow + 1;
  return [
    ...area(L.titleRow, 1, 1, L.lastColumn),
    ...area(L.noteRow, 1, L.headerRow + 1 - L.noteRow + 1, L.lastColumn),
    ...area(L.firstCommuneRow, L.numberColumn, bodyRows, L.communeColumn - L.numberColumn + 1),
    ...L.blocks.flatMap((b, i) => {
      const { first, count } = formulaColumns(b);
      // The name check column follows the last block's formula columns: one area for both.
      const check = i === L.blocks.length - 1 && first + count === L.nameCheckColumn ? 1 : 0;
      return area(L.firstCommuneRow, first, bodyRows, count + check);
    }),
    ...(L.criteriaTitleRow > 0
      ? [
          ...area(L.criteriaTitleRow, 1, 2, width),
          ...area(L.firstCriteriaRow, 1, CRITERIA_FIELDS.length, 1),
        ]
      : []),
    ...(L.nominationsTitleRow > 0 ? area(L.nominationsTitleRow, 1, 2, width) : []),
  ];
}

/** The column intervals [first, last] of 1..`columns` that no area of `covering` covers. */
function freeColumns(covering: readonly Area[], columns: number): [number, number][] {
  const taken = [...covering].sort((a, b) => a.column - b.column);
  const free: [number, number][] = [];
  let next = 1;
  for (const a of taken) {
    if (a.column > next) free.push([next, Math.min(a.column - 1, columns)]);
    next = Math.max(next, a.column + a.columns);
  }
  if (next <= columns) free.push([next, columns]);
  return free.filter(([first, last]) => first <= last);
}

/**
 * Every cell of a `rows` × `columns` grid outside `locked`, as rectangles: the grid is cut into
 * bands of rows that the same areas cover, and a band's free columns continue the rectangle
 * above them when it spans the same columns. Pure.
 */
function complement(locked: readonly Area[], rows: number, columns: number): Area[] {
  const cuts = new Set([1, rows + 1]);
  for (const a of locked) {
    cuts.add(Math.min(Math.max(a.row, 1), rows + 1));
    cuts.add(Math.min(Math.max(a.row + a.rows, 1), rows + 1));
  }
  const bands = [...cuts].sort((a, b) => a - b);
  const out: Area[] = [];
  let growing: Area[] = [];
  for (let i = 0; i + 1 < bands.length; i++) {
    const top = bands[i];
    const height = bands[i + 1] - top;
    const covering = locked.filter((a) => a.row <= top && top < a.row + a.rows);
    growing = freeColumns(covering, columns).map(([first, last]) => {
      const above = growing.find((g) => g.column === first && g.columns === last - first + 1);
      if (above) {
        above.rows += height;
        return above;
      }
      const fresh = { row: top, column: first, rows: height, columns: last - first + 1 };
      out.push(fresh);
      return fresh;
    });
  }
  return out;
}

/**
 * The cells a unit tab's sheet protection leaves open (`rows` × `columns`: the tab's grid as the
 * readers see it): the status line, the input columns from the first commune row to the total
 * row, the criteria's values, the nominations and every blank cell around them. Pure.
 */
export const openAreas = (L: UnitLayout, years: number, rows: number, columns: number): Area[] =>
  complement(sheetLockedAreas(L, years), rows, columns);

/** The spacer and total rows across the open columns (none on an agency's tab). Pure. */
export const totalRowsArea = (L: UnitLayout, columns: number): Area[] =>
  L.spacerRow > 0 ? area(L.spacerRow, 1, L.totalRow - L.spacerRow + 1, columns) : [];

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
  /** The size of the tab's grid as its named range reads it (every row, the columns read). */
  rows: number;
  columns: number;
}

/** A located unit tab, from the values its named range read. */
export const unitTabOf = (sheet: Sheet, layout: UnitLayout, values: unknown[][]): UnitTab => ({
  sheet,
  sheetId: sheet.getSheetId(),
  layout,
  rows: values.length,
  columns: values[0]?.length ?? 0,
});

export function readUnitTab(ss: Spreadsheet, config: Config, index: number): UnitTab | null {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return null;
  const values = range.getValues();
  const located = unitTabLayout(config, values, config.units[index].kind);
  if (!located.ok) return null;
  return unitTabOf(range.getSheet(), located.layout, values);
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
    open: [],
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
