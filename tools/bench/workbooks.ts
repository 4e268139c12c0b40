// Workbooks for the bench, built the way the analyst builds them: Cấu hình filled first (for the
// 120-unit configuration), then the menu "Khởi tạo / cập nhật sổ" through the compiled bundle.
import type { Config } from '../../src/core/config';
import { writeConfigSheet } from '../../src/sheets/configTab';
import { SHEET } from '../../src/sheets/layout';
import { Emulator, loadBundle } from '../emulator';
import { ANALYST, type Workbook } from '../workbookDriver';

export const BENCH_NOW = new Date('2025-11-20T02:00:00Z');

/**
 * A workbook whose Cấu hình holds `config` before the first setup: the analyst fills Cấu hình
 * (here with the add-on's own writer, run as the owner), then runs the setup menu, which builds
 * one tab per unit. Throws when the setup reports a problem.
 */
export function workbookWithConfig(
  config: Config,
  codePath = 'dist/Code.js',
): Workbook & { setupCalls: Record<string, number> } {
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
  emu.calls.reset();
  bundle.call('onOpen');
  const before = emu.ui.alerts.length;
  bundle.call('menuSetup');
  const shown = emu.ui.alerts
    .slice(before)
    .map((a) => a.message)
    .join('\n');
  const tabs = (emu.spreadsheet as unknown as { getSheets(): unknown[] }).getSheets().length;
  if (tabs < config.units.length + 2)
    throw new Error(`bench: setup did not build the unit tabs:\n${shown}`);
  const setupCalls = emu.calls.snapshot();
  emu.calls.reset();
  return { emu, bundle, setupCalls };
}
