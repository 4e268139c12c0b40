// What every menu entry point does first, written once: read Cấu hình and say what is wrong with
// it, identify the caller and refuse anyone who is not an analyst, and (for what writes) take the
// document lock, saying so when another run holds it.
import type { Config } from '../core/config';
import type { ReportNote } from '../core/reportNotes';
import { readConfig } from '../sheets/configTab';
import { ACCESS_DENIED, identifyCaller, UNKNOWN_USER, type Caller } from './access';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

/** What an analyst's menu action receives. */
interface AnalystRun {
  ui: Ui;
  ss: Spreadsheet;
  config: Config;
  /** The report's paragraphs analysts wrote on Cấu hình. */
  notes: ReportNote[];
  caller: Caller;
}

/**
 * Runs a menu action for analysts only. Cấu hình's problems, or the caller's lack of rights, are
 * shown in an alert titled `title` and nothing else happens. The action's answer, when it gives
 * one, is shown the same way.
 */
export function runAsAnalyst(title: string, action: (run: AnalystRun) => string | null): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) {
    const lines = read.problems.map((p) => `• ${p.message}`).join('\n');
    ui.alert(title, `Trang "Cấu hình" có lỗi, chưa thể thực hiện:\n${lines}`, ui.ButtonSet.OK);
    return;
  }
  const caller = identifyCaller(ss, read.config);
  if (caller.role !== 'analyst') {
    ui.alert(title, caller.email ? ACCESS_DENIED : UNKNOWN_USER, ui.ButtonSet.OK);
    return;
  }
  const answer = action({ ui, ss, config: read.config, notes: read.notes, caller });
  if (answer !== null) ui.alert(title, answer, ui.ButtonSet.OK);
}

/** What a short action answers when another execution holds the document lock. */
export const BUSY =
  'Sổ đang bận (có người đang ghi). Chưa có gì bị thay đổi; hãy thử lại sau ít giây.';

/**
 * Runs `action` holding the document lock (setup, protection, consolidation and the sidebar's
 * writes all take it), or answers `busy` when another execution holds it for `waitMs`. Where
 * there is no document lock (outside a document), the action runs unlocked.
 */
export function withDocumentLock<T>(waitMs: number, busy: T, action: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(waitMs)) return busy;
  try {
    return action();
  } finally {
    lock?.releaseLock();
  }
}
