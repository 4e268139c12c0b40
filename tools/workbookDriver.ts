// Drives the compiled bundle in the emulator the way people use the workbook: the analyst sets
// it up from the menu, district staff type their figures into their tab, reports are submitted
// from the sidebar, and the analyst runs "Tổng hợp toàn tỉnh…". Used by the CLI, the demo, the
// bench and the end-to-end tests.
import { Emulator, loadBundle, type Bundle } from './emulator';
import { NOMINATION_COLUMNS, UNIT_TEXT, unitLayout } from '../src/sheets/layout';
import { normalizeName } from '../src/core/names';
import type { ShortlistEntry, Summary } from '../src/core/types';

export const ANALYST = 'bantdkt@haiduong.gov.vn';

export interface CommuneYearRow {
  district: string;
  commune: string;
  year: string;
  households: string;
  poor: string;
  near_poor: string;
  poor_exited: string;
  poor_returned: string;
  poor_new: string;
  merged_into: string;
  /** 1-based line in the CSV, for messages */
  line?: number;
}

export interface NominationRow {
  id: string;
  district: string;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
  year: string;
  line?: number;
}

export interface Workbook {
  emu: Emulator;
  bundle: Bundle;
}

type FakeSheet = {
  getRange(row: number, column: number, rows?: number, columns?: number): {
    getValues(): unknown[][];
    setValues(values: unknown[][]): unknown;
  };
  getName(): string;
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsBefore(row: number, count: number): unknown;
};
type FakeSpreadsheetApi = { getSheetByName(name: string): FakeSheet | null };

/** A new workbook: the analyst opens the file and runs "Khởi tạo / cập nhật sổ". */
export function newWorkbook(opts: { codePath?: string; now?: Date } = {}): Workbook {
  const emu = new Emulator({ owner: ANALYST, user: ANALYST, now: opts.now ?? new Date('2025-11-20T02:00:00Z') });
  const bundle = loadBundle(emu, opts.codePath ?? 'dist/Code.js');
  bundle.call('onOpen');
  bundle.call('menuSetup');
  return { emu, bundle };
}

function sheetOf(emu: Emulator, name: string): FakeSheet | null {
  return (emu.spreadsheet as unknown as FakeSpreadsheetApi).getSheetByName(name);
}

export interface TypingProblem {
  line: number;
  message: string;
}

/**
 * Types commune-year rows into the unit tabs, as district staff would (the cells receive the
 * CSV's text and Sheets parses it as typed). One write per unit and year block. Rows of a
 * district that has no tab cannot be typed anywhere: they are returned as problems.
 */
export function typeCommuneRows(wb: Workbook, rows: CommuneYearRow[], baselineYear: number, years: number[]): TypingProblem[] {
  const problems: TypingProblem[] = [];
  const byDistrict = new Map<string, CommuneYearRow[]>();
  for (const row of rows) {
    const key = normalizeName(row.district);
    byDistrict.set(key, [...(byDistrict.get(key) ?? []), row]);
  }
  wb.emu.asOwner(() => {
    for (const [district, list] of byDistrict) {
      const sheet = sheetOf(wb.emu, district);
      if (!sheet) {
        for (const row of list) {
          problems.push({
            line: row.line ?? 0,
            message: `Dòng ${row.line}: đơn vị "${row.district}" không có trong Cấu hình (không có trang tính tương ứng); dòng này chưa được nhập.`,
          });
        }
        continue;
      }
      typeIntoSheet(sheet, list, baselineYear, years);
    }
  });
  return problems;
}

function typeIntoSheet(sheet: FakeSheet, rows: CommuneYearRow[], baselineYear: number, years: number[]): void {
  const width = sheet.getLastColumn();
  let grid = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
  const layout = unitLayout(baselineYear, years, 0);
  const communeRow = (name: string): number => {
    const wanted = normalizeName(name);
    for (let r = layout.firstCommuneRow - 1; r < grid.length; r++) {
      const a = String(grid[r][0] ?? '');
      if (a === UNIT_TEXT.spacer || a === UNIT_TEXT.total) break;
      if (normalizeName(String(grid[r][1] ?? '')) === wanted) return r + 1;
    }
    // A commune not on the tab: the person inserts a row above the spacer and types its name.
    const spacer = grid.findIndex((row) => String(row[0] ?? '') === UNIT_TEXT.spacer) + 1;
    sheet.insertRowsBefore(spacer, 1);
    sheet.getRange(spacer, 2, 1, 1).setValues([[name]]);
    grid = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
    return spacer;
  };
  const blocks = unitLayout(baselineYear, years, 0).blocks;
  const placed = rows.map((row) => ({ row, at: communeRow(row.commune) }));
  const firstRow = layout.firstCommuneRow;
  const lastRow = Math.max(...placed.map((p) => p.at), firstRow);
  for (const block of blocks) {
    const inputs = block.isBaseline ? 3 : 6;
    const current = sheet.getRange(firstRow, block.firstColumn, lastRow - firstRow + 1, inputs).getValues();
    let touched = false;
    for (const { row, at } of placed) {
      if (Number(row.year) !== block.year) continue;
      const typed = [row.households, row.poor, row.near_poor, row.poor_exited, row.poor_returned, row.poor_new];
      current[at - firstRow] = typed.slice(0, inputs);
      touched = true;
    }
    if (touched) sheet.getRange(firstRow, block.firstColumn, current.length, inputs).setValues(current);
  }
  for (const { row, at } of placed) {
    if (row.merged_into.trim() !== '') sheet.getRange(at, 3, 1, 2).setValues([[row.merged_into, row.year]]);
  }
}

/** Appends nominations to the nominations block of their unit's tab, as typed. */
export function typeNominations(wb: Workbook, rows: NominationRow[]): TypingProblem[] {
  const problems: TypingProblem[] = [];
  wb.emu.asOwner(() => {
    for (const row of rows) {
      const sheet = sheetOf(wb.emu, normalizeName(row.district));
      if (!sheet) {
        problems.push({ line: row.line ?? 0, message: `Dòng ${row.line}: đơn vị "${row.district}" không có trong Cấu hình; đề cử này chưa được nhập.` });
        continue;
      }
      const grid = sheet.getRange(1, 1, sheet.getLastRow(), NOMINATION_COLUMNS.length).getValues();
      const title = grid.findIndex((r) => String(r[0] ?? '') === UNIT_TEXT.nominationsTitle);
      let target = title + 2;
      while (target < grid.length && grid[target].some((v) => v !== '')) target++;
      const values = [row.id, row.year, row.type, row.name, row.commune, row.achievement, row.award];
      sheet.getRange(target + 1, 1, 1, values.length).setValues([values]);
    }
  });
  return problems;
}

/** The analyst runs "Tổng hợp toàn tỉnh…" and answers the year prompt. Returns the final alert. */
export function runConsolidateMenu(wb: Workbook, year: number | null): string {
  wb.emu.ui.answerPrompt(year === null ? '' : String(year));
  const before = wb.emu.ui.alerts.length;
  wb.bundle.callAs(ANALYST, 'menuConsolidate');
  const shown = wb.emu.ui.alerts.slice(before);
  return shown.map((a) => a.message).join('\n');
}

export function exportResults(wb: Workbook, year: number): { summary: Summary; shortlist: ShortlistEntry[] } {
  const result = wb.bundle.callAs(ANALYST, 'exportResults', year) as
    | { ok: true; summary: Summary; shortlist: ShortlistEntry[] }
    | { ok: false; message: string };
  if (!result.ok) throw new Error(result.message);
  return { summary: result.summary, shortlist: result.shortlist };
}
