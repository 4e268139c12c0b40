// Workbooks for the bench, built the way the analyst builds them: Cấu hình filled first (for the
// 120-unit configuration), then the menu "Khởi tạo / cập nhật sổ" through the compiled bundle.
import type { Config } from '../../src/core/config';
import { writeConfigSheet } from '../../src/sheets/configTab';
import { SHEET } from '../../src/sheets/layout';
import { Emulator, loadBundle, type Bundle } from '../emulator';
import { alertTextDuring, ANALYST, type Workbook } from '../workbookDriver';
import { countCells, type CellCount } from './calls';
import { chargeCalls, HIGH_END, type CallCosts } from './callClock';

/** One click of a menu: what it cost and what it said. */
export interface MenuRun {
  calls: Record<string, number>;
  cells: CellCount;
  message: string;
}

// Anchored on the colon: "Phân quyền chưa xong vì bảng tính từ chối…" (src/server/protectRun.ts)
// is a refusal to report, not a run stopped at its budget to click again.
const SETUP_UNFINISHED = /^Sổ chưa khởi tạo \/ cập nhật xong: /;
export const PROTECTION_UNFINISHED = /^Phân quyền chưa xong: /;

/**
 * Clicks `entry` until its message no longer says it stopped at its time budget, with the
 * virtual clock moved by `costs` per call (default the high end of the call model, callClock.ts),
 * as the analyst would in Sheets. Each click's calls and cells are counted apart.
 */
export function runUntilDone(
  emu: Emulator,
  bundle: Bundle,
  entry: string,
  unfinished: RegExp,
  { maxRuns = 30, costs = HIGH_END }: { maxRuns?: number; costs?: CallCosts } = {},
): MenuRun[] {
  const runs: MenuRun[] = [];
  const stop = chargeCalls(emu, costs);
  try {
    for (let i = 0; i < maxRuns; i++) {
      emu.calls.reset();
      let cells: CellCount = { read: 0, readBelowLastUsedRow: 0, written: 0 };
      const message = alertTextDuring({ emu, bundle }, () => {
        cells = countCells(() => bundle.call(entry)).cells;
      });
      runs.push({ calls: emu.calls.snapshot(), cells, message });
      if (!unfinished.test(message)) return runs;
    }
    throw new Error(`bench: ${entry} did not finish in ${maxRuns} runs`);
  } finally {
    stop();
    emu.calls.reset();
  }
}

export const BENCH_NOW = new Date('2025-11-20T02:00:00Z');

/**
 * A workbook whose Cấu hình holds `config` before the first setup: the analyst fills Cấu hình
 * (here with the add-on's own writer, run as the owner), then runs the setup menu, which builds
 * one tab per unit, clicking again while it stops at its time budget. Throws when the setup
 * reports a problem.
 */
export function workbookWithConfig(
  config: Config,
  codePath = 'dist/Code.js',
): Workbook & { setupRuns: MenuRun[] } {
  const emu = new Emulator({ owner: ANALYST, user: ANALYST, now: BENCH_NOW });
  const bundle = loadBundle(emu, codePath);
  const host = globalThis as Record<string, unknown>;
  const hadApp = 'SpreadsheetApp' in host;
  const previous = host.SpreadsheetApp;
  emu.asOwner(() => {
    // writeConfigSheet uses the SpreadsheetApp global (data validation builders), as in Apps Script.
    host.SpreadsheetApp = emu.globals().SpreadsheetApp;
    try {
      const ss = emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      writeConfigSheet(ss.insertSheet(SHEET.config), config);
    } finally {
      if (hadApp) host.SpreadsheetApp = previous;
      else delete host.SpreadsheetApp;
    }
  });
  bundle.call('onOpen');
  const setupRuns = runUntilDone(emu, bundle, 'menuSetup', SETUP_UNFINISHED);
  const tabs = (emu.spreadsheet as unknown as { getSheets(): unknown[] }).getSheets().length;
  if (tabs < config.units.length + 2)
    throw new Error(
      `bench: setup did not build the unit tabs:\n${setupRuns[setupRuns.length - 1].message}`,
    );
  return { emu, bundle, setupRuns };
}
