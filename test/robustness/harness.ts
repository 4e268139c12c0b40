// Shared helpers of the robustness suite: a realistic baseline workbook (all 12 units, 2021 and
// 2025, sample nominations, some reports submitted), typing as a person types, snapshots of the
// tabs, the analysts' shortlist columns and the log.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { DistrictRow, ShortlistEntry, Summary } from '../../src/core/types';
import { a1, NAMED, SHEET, unitLayout, type BlockField } from '../../src/sheets/layout';
import { asCsvRows, sampleNominations, sampleRecords } from '../../tools/demo/sampleData';
import {
  ANALYST,
  exportResults,
  newWorkbook,
  runConsolidateMenu,
  typeCommuneRows,
  typeNominations,
  type CommuneYearRow,
  type Workbook,
} from '../../tools/workbookDriver';

export { ANALYST };
export const YEAR = 2025;
export const BASELINE_YEAR = DEFAULT_CONFIG.baselineYear;
export const UNITS = DEFAULT_CONFIG.units;
/** The tabs the add-on writes on each consolidation: every fixed tab but the guide and Cấu hình. */
export const OUTPUT_TABS: readonly string[] = Object.values(SHEET).filter(
  (n) => n !== SHEET.guide && n !== SHEET.config,
);
/** Units whose reports are submitted (on time) in the baseline. */
export const SUBMITTED = [0, 1, 2, 5, 8];

/** Letters with Vietnamese diacritics: a message containing one is written in Vietnamese. */
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

// ---------------------------------------------------------------------------------------------
// Minimal typed view of the emulator's Apps Script objects (test side, as the owner).

export interface TRange {
  getValues(): unknown[][];
  getFormulas(): string[][];
  setValues(v: unknown[][]): TRange;
  setValue(v: unknown): TRange;
  getA1Notation(): string;
  getNumRows(): number;
  getNumColumns(): number;
  merge(): TRange;
  breakApart(): TRange;
  clearContent(): TRange;
  getSheet(): TSheet;
  offset(rows: number, columns: number, numRows?: number, numColumns?: number): TRange;
}
export interface TSheet {
  getName(): string;
  setName(n: string): TSheet;
  getSheetId(): number;
  getRange(a1: string): TRange;
  getRange(row: number, column: number, rows?: number, columns?: number): TRange;
  getDataRange(): TRange;
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsBefore(row: number, n: number): TSheet;
  insertRowsAfter(row: number, n: number): TSheet;
  insertColumnsBefore(column: number, n: number): TSheet;
  insertColumnsAfter(column: number, n: number): TSheet;
  deleteRows(row: number, n: number): void;
  deleteRow(row: number): void;
  deleteColumns(column: number, n: number): void;
  activate(): TSheet;
}
export interface TSpreadsheet {
  getSheets(): TSheet[];
  getSheetByName(n: string): TSheet | null;
  getRangeByName(n: string): TRange | null;
  insertSheet(name: string, index?: number): TSheet;
  deleteSheet(sheet: TSheet): void;
  getNamedRanges(): { getName(): string; getRange(): TRange }[];
}

export const api = (wb: Workbook): TSpreadsheet => wb.emu.spreadsheet as unknown as TSpreadsheet;

/** Runs fn as the owner without counting service calls (the test looking, not the script). */
export function peek<T>(wb: Workbook, fn: () => T): T {
  const internal = (
    wb.emu.spreadsheet as unknown as { internal: { withoutCounting<R>(f: () => R): R } }
  ).internal;
  return internal.withoutCounting(() => wb.emu.asOwner(fn));
}

export function sheet(wb: Workbook, name: string): TSheet {
  const found = peek(wb, () => api(wb).getSheetByName(name));
  if (!found) throw new Error(`no tab "${name}"`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Build

/** Builds dist/Code.js unless it is newer than every source file (npm test builds first). */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  let built: number;
  try {
    built = statSync('dist/Code.js').mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest('src')) execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
}

/** The sample commune-year rows for the baseline year and 2025, as the CSV's text. */
export function sampleRows(years = [BASELINE_YEAR, YEAR]): CommuneYearRow[] {
  return asCsvRows(sampleRecords(years));
}

export interface Baseline {
  wb: Workbook;
  summary: Summary;
  shortlist: ShortlistEntry[];
  /** Every tab but the three outputs, by name. */
  clean: TabsSnapshot;
}

/** A realistic workbook: 12 units filled for 2021 and 2025, nominations, five reports submitted. */
export function buildBaseline(): Baseline {
  const wb = newWorkbook({ now: new Date('2025-11-20T02:00:00Z') });
  typeCommuneRows(wb, sampleRows(), BASELINE_YEAR, DEFAULT_CONFIG.years);
  typeNominations(wb, sampleNominations());
  for (const i of SUBMITTED) {
    const r = wb.bundle.callAs(ANALYST, 'sidebarSubmitReport', UNITS[i].name, YEAR) as {
      ok: boolean;
      message?: string;
    };
    if (!r.ok) throw new Error(`baseline submission refused for ${UNITS[i].name}: ${r.message}`);
  }
  wb.emu.setNow(new Date('2025-11-25T03:00:00Z'));
  runConsolidateMenu(wb, YEAR);
  const { summary, shortlist } = exportResults(wb, YEAR);
  return { wb, summary, shortlist, clean: snapshotTabs(wb) };
}

// ---------------------------------------------------------------------------------------------
// Where things are on a unit tab

/** A1 cell of a field of commune `c` (0-based, in Cấu hình order) for `year` on a fresh tab. */
export function cellOf(unit: number, c: number, field: BlockField, year = YEAR): string {
  const layout = unitLayout(BASELINE_YEAR, DEFAULT_CONFIG.years, UNITS[unit].communes.length);
  const block = layout.blocks.find((b) => b.year === year);
  const column = block?.column[field];
  if (column === undefined) throw new Error(`no ${field} column for ${year}`);
  return a1(layout.firstCommuneRow + c, column);
}

export function layoutOf(unit: number): ReturnType<typeof unitLayout> {
  return unitLayout(BASELINE_YEAR, DEFAULT_CONFIG.years, UNITS[unit].communes.length);
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export interface TabSnapshot {
  values: unknown[][];
  formulas: string[][];
}
export type TabsSnapshot = Map<string, TabSnapshot>;

function tabSnapshot(s: TSheet): TabSnapshot {
  const range = s.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

/** Values and formulas of every tab except the outputs (or of the outputs only). */
export function snapshotTabs(
  wb: Workbook,
  which: 'inputs' | 'outputs' | 'all' = 'inputs',
  only?: string[],
): TabsSnapshot {
  return peek(wb, () => {
    const out: TabsSnapshot = new Map();
    for (const s of api(wb).getSheets()) {
      if (only && !only.includes(s.getName())) continue;
      const isOutput = OUTPUT_TABS.includes(s.getName());
      if (which === 'all' || (which === 'outputs') === isOutput)
        out.set(s.getName(), tabSnapshot(s));
    }
    return out;
  });
}

/** Names of the tabs whose values or formulas differ between two snapshots. */
export function changedTabs(a: TabsSnapshot, b: TabsSnapshot): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => JSON.stringify(a.get(n)) !== JSON.stringify(b.get(n)));
}

/** Every cell formula of every tab, with its place. */
export function allFormulas(wb: Workbook): { tab: string; cell: string; formula: string }[] {
  return peek(wb, () =>
    api(wb)
      .getSheets()
      .flatMap((s) =>
        s
          .getDataRange()
          .getFormulas()
          .flatMap((row, r) =>
            row.map((f, c) => ({ tab: s.getName(), cell: a1(r + 1, c + 1), formula: f })),
          )
          .filter((x) => x.formula !== ''),
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// The analysts' columns of the shortlist and the log

const ID = 0;
const UNIT = 1;
const DECISION = 9;
const NOTE = 10;

export function shortlistGrid(wb: Workbook): unknown[][] {
  return peek(wb, () => api(wb).getRangeByName(NAMED.shortlist)!.getValues());
}

/** id → [decision, note] of every shortlist row (main part and kept part) that has either. */
export function shortlistNotes(wb: Workbook): Map<string, [unknown, unknown]> {
  const out = new Map<string, [unknown, unknown]>();
  const grid = shortlistGrid(wb);
  const header = grid.findIndex((r) => r[ID] === 'Mã' && r[DECISION] === 'Quyết định');
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r];
    if (row[ID] === '' || row[UNIT] === '') continue;
    if (row[DECISION] !== '' || row[NOTE] !== '')
      out.set(String(row[ID]), [row[DECISION], row[NOTE]]);
  }
  return out;
}

/**
 * The analyst types a decision and a note on every row of the shortlist (one paste), each
 * naming `tag` and the row's id. Returns what was typed, by id.
 */
export function typeShortlistNotes(wb: Workbook, tag: string): Map<string, [string, string]> {
  const typed = new Map<string, [string, string]>();
  peek(wb, () => {
    const range = api(wb).getRangeByName(NAMED.shortlist)!;
    const grid = range.getValues();
    const header = grid.findIndex((r) => r[ID] === 'Mã' && r[DECISION] === 'Quyết định');
    const last = grid.reduce((m, r, i) => (r[ID] !== '' && r[UNIT] !== '' ? i : m), header);
    const block: unknown[][] = [];
    for (let r = header + 1; r <= last; r++) {
      const row = grid[r];
      if (row[ID] === '' || row[UNIT] === '') {
        block.push([row[DECISION], row[NOTE]]);
        continue;
      }
      const id = String(row[ID]);
      const decision = r % 2 === 0 ? 'Đồng ý' : 'Chờ bổ sung hồ sơ';
      const note = `Ghi chú ${tag} — ${id}`;
      typed.set(id, [decision, note]);
      block.push([decision, note]);
    }
    if (block.length > 0)
      range
        .getSheet()
        .getRange(header + 2, DECISION + 1, block.length, 2)
        .setValues(block);
  });
  return typed;
}

/** Nhật ký in chronological order (the tab lists the newest row first, under the header). */
export function logValues(wb: Workbook): unknown[][] {
  const [header, ...rows] = peek(wb, () =>
    api(wb).getSheetByName(SHEET.log)!.getDataRange().getValues(),
  );
  return [header, ...rows.reverse()];
}

// ---------------------------------------------------------------------------------------------
// Comparing summaries

/** A district row without its rank (which depends on the other units) and its errors. */
export function figuresOf(row: DistrictRow): Omit<DistrictRow, 'rank'> {
  const { rank: _rank, ...rest } = row;
  return rest;
}

export function districtRow(summary: Summary, name: string): DistrictRow {
  const row = summary.districts.find((d) => d.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/** The other units in rank order: their relative order must not change. */
export function rankOrder(summary: Summary, except: string[]): string[] {
  return [...summary.districts]
    .filter((d) => !except.includes(d.name))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map((d) => d.name);
}

export {
  DEFAULT_CONFIG,
  exportResults,
  runConsolidateMenu,
  typeCommuneRows,
  typeNominations,
  type CommuneYearRow,
  type Workbook,
};
