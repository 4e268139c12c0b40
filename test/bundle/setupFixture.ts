// Shared by the setup and LibreOffice tests: an emulated spreadsheet with the compiled bundle,
// and helpers that read and write it the way a person would (outside the bundle, not counted).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { a1, columnLetter, unitLayout, type BlockField } from '../../src/sheets/layout';
import { Emulator, loadBundle, type Bundle } from '../../tools/emulator';

export const OWNER = 'analyst@haiduong.gov.vn';
export const CODE = process.env.GN_BUNDLE ?? 'dist/Code.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Builds dist/Code.js when it is missing (`npm test` builds it first). */
export function ensureBuilt(): void {
  if (!existsSync(CODE)) execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
}

export interface Workbook {
  emu: Emulator;
  bundle: Bundle;
  ss: Spreadsheet;
  /** Runs `fn` without counting service calls (the test's own reads and writes). */
  peek<T>(fn: () => T): T;
  sheet(name: string): Sheet;
  /** Runs the menu item "Khởi tạo / cập nhật sổ" through the bundle; returns the last alert. */
  setup(): { title: string; message: string };
}

/** A spreadsheet in vi_VN whose formulas follow its locale (`locale: 'en_US'` for an English one). */
export function newWorkbook(opts: { locale?: string } = {}): Workbook {
  ensureBuilt();
  // Users whose Google account is in Vietnamese: Apps Script's errors reach the code in Vietnamese.
  const emu = new Emulator({
    user: OWNER,
    owner: OWNER,
    now: new Date('2025-06-01T03:00:00Z'),
    language: 'vi',
    locale: opts.locale ?? 'vi_VN',
    localeFormulas: true,
  });
  const bundle = loadBundle(emu, CODE);
  const ss = (
    emu.globals().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
  const internal = (ss as unknown as { internal: { withoutCounting<T>(fn: () => T): T } }).internal;
  const peek = <T>(fn: () => T): T => internal.withoutCounting(fn);
  return {
    emu,
    bundle,
    ss,
    peek,
    sheet(name) {
      const s = peek(() => ss.getSheetByName(name));
      if (!s) throw new Error(`no tab "${name}"`);
      return s;
    },
    setup() {
      const before = emu.ui.alerts.length;
      bundle.call('menuSetup');
      const shown = emu.ui.alerts.slice(before);
      if (shown.length === 0) throw new Error('menuSetup showed no alert');
      const last = shown[shown.length - 1];
      return { title: last.title, message: last.message };
    },
  };
}

/** Values of a rectangle, read without counting. */
export function valuesOf(wb: Workbook, sheet: Sheet, a1: string): unknown[][] {
  return wb.peek(() => sheet.getRange(a1).getValues());
}

/** Writes a rectangle as a person typing (not counted). */
export function type(wb: Workbook, sheet: Sheet, a1: string, values: unknown[][]): void {
  wb.peek(() => sheet.getRange(a1).setValues(values));
}

/** Positions on a fresh unit tab of `communes` communes (the layout of DEFAULT_CONFIG's years). */
export function tabCells(communes: number) {
  const L = unitLayout(DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years, communes);
  const block = (year: number) => {
    const b = L.blocks.find((x) => x.year === year);
    if (!b) throw new Error(`no block ${year}`);
    return b;
  };
  /** A1 of `field` of `year` on `row`. */
  const at = (year: number, field: BlockField, row: number): string =>
    a1(row, block(year).column[field]!);
  return {
    L,
    at,
    /** `from`…`to` of `year` over rows `r1`…`r2` (A1 range). */
    span: (year: number, from: BlockField, to: BlockField, r1: number, r2 = r1): string =>
      `${at(year, from, r1)}:${at(year, to, r2)}`,
    /** The A1 column letters of `field` of `year`. */
    col: (year: number, field: BlockField): string => columnLetter(block(year).column[field]!),
  };
}
