// Shared by the setup and LibreOffice tests: an emulated spreadsheet with the compiled bundle,
// and helpers that read and write it the way a person would (outside the bundle, not counted).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

export function newWorkbook(): Workbook {
  ensureBuilt();
  // Users whose Google account is in Vietnamese: Apps Script's errors reach the code in Vietnamese.
  const emu = new Emulator({
    user: OWNER,
    owner: OWNER,
    now: new Date('2025-06-01T03:00:00Z'),
    language: 'vi',
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
