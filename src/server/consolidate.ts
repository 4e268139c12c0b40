// The consolidate menu: read every unit tab once, decide in the core, write the summary, the
// shortlist and one log row, under the document lock. It never writes to a unit tab.
import type { Config } from '../core/config';
import {
  consolidateValidated,
  latestYearWithData,
  type ConsolidateResult,
} from '../core/consolidate';
import { formatInt, formatPercent } from '../core/format';
import { yearActivity } from '../core/reportFacts';
import type { ReportNote } from '../core/reportNotes';
import type { Submission } from '../core/types';
import { reviewOf } from '../core/review';
import { NAMED, SHEET } from '../sheets/layout';
import { prependLogRows, type LogEntry } from '../sheets/logTab';
import { markSubmissionsLogged, pendingSubmissionLogs } from '../sheets/submissionLog';
import { readUnit } from '../sheets/readUnits';
import { setupProgressOf, unfinishedSetupMessage } from '../sheets/setupProgress';
import {
  readAnalystNotes,
  shortlistValues,
  SHORTLIST_SPARE_ROWS,
  SHORTLIST_WIDTH,
} from '../sheets/shortlistTab';
import { findSubmission, parseSubmissions, readSubmissions } from '../sheets/submissions';
import { approvalMismatches, readLedger, type ApprovalMismatch } from '../sheets/approvalLedger';
import { summaryValues } from '../sheets/summaryTab';
import type { ValidatedUnit } from '../core/validate';
import { runAsAnalyst, withDocumentLock } from './entryPoint';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Tổng hợp toàn tỉnh';
export const LAST_RUN_KEY = 'gn.lastRun';
const LOCK_BUSY =
  'Một lượt tổng hợp khác đang chạy. Sổ chưa bị thay đổi; vui lòng đợi ít phút rồi chạy lại "Tổng hợp toàn tỉnh…".';

export interface ConsolidationOutcome {
  ok: boolean;
  message: string;
  result?: ConsolidateResult;
}

/**
 * Approvals the submission record and the analysts' ledger disagree on (2 calls: the ledger's
 * named range and its values). The tripwire of the bound-script deployment (approvalLedger.ts).
 */
export function checkApprovals(
  ss: Spreadsheet,
  config: Config,
  submissions: Submission[],
): ApprovalMismatch[] {
  return approvalMismatches(
    config,
    (unit, year) => findSubmission(submissions, unit, year),
    readLedger(ss),
  );
}

/** The lines of a message that lists the approvals in doubt (none when there are none). */
function mismatchLines(mismatches: readonly ApprovalMismatch[]): string {
  if (mismatches.length === 0) return '';
  return `\n\nCẢNH BÁO: ${mismatches.length} lần duyệt báo cáo không khớp với "${SHEET.approvals}":\n${mismatches.map((m) => `• ${m.message}`).join('\n')}`;
}

/**
 * Every unit tab read (2 calls each) and validated once, in Cấu hình order: readUnit validates
 * as it reads, so its validation is what the consolidation uses.
 */
export function readWorkbook(
  ss: Spreadsheet,
  config: Config,
  onUnit?: (i: number) => void,
  submissions: Submission[] = readSubmissions(),
): ValidatedUnit[] {
  return config.units.map((_, i) => {
    onUnit?.(i);
    return readUnit(ss, config, i, submissions).validated;
  });
}

function progressToast(ss: Spreadsheet, config: Config, i: number): void {
  // One progress toast per run: each toast is a service call, and the budget is 2 per tab + 15.
  const n = config.units.length;
  if (i === Math.floor(n / 2)) {
    ss.toast(`Đang tổng hợp ${i + 1}/${n}: ${config.units[i].name}…`, TITLE, 5);
  }
}

/**
 * Writes the three outputs (9 service calls). The caller holds the document lock and has read
 * the document `properties` under it (the submission events still to log are among them).
 */
function writeOutputs(
  ss: Spreadsheet,
  config: Config,
  units: ValidatedUnit[],
  notes: readonly ReportNote[],
  result: ConsolidateResult,
  ranBy: string,
  properties: Record<string, string>,
): void {
  const { summary, shortlist } = result;
  const offset = config.deadline.utcOffsetMinutes;
  const setupHint = (tab: string) =>
    `Không tìm thấy trang "${tab}" hoặc trang đã đổi cấu trúc. Hãy chạy "Khởi tạo / cập nhật sổ" rồi tổng hợp lại.`;

  const summaryRange = ss.getRangeByName(NAMED.summary);
  if (!summaryRange) throw new Error(setupHint(SHEET.summary));
  // The reports' text goes in the same block: no call of its own (README, "What leaders read").
  const input = {
    summary,
    shortlist,
    activity: yearActivity(units, summary.year),
    notes,
    review: reviewOf(config, units, summary, shortlist),
  };
  const values = summaryValues(config, input, { ranBy, utcOffsetMinutes: offset });
  try {
    summaryRange.setValues(values);
  } catch (error) {
    // The named range no longer has the shape this version writes (e.g. the add-on was updated).
    // Apps Script's message is in the user's language: compare the shapes instead of reading it.
    const shape = values.length > 0 ? values[0].length : 0;
    if (summaryRange.getNumRows() !== values.length || summaryRange.getNumColumns() !== shape)
      // eslint-disable-next-line preserve-caught-error -- ES2020 (the bundle's target) has no `cause`; the shapes say why.
      throw new Error(setupHint(SHEET.summary));
    throw error;
  }

  const shortlistRange = ss.getRangeByName(NAMED.shortlist);
  if (!shortlistRange) throw new Error(setupHint(SHEET.shortlist));
  const current = shortlistRange.getValues();
  let lastUsed = current.length;
  while (lastUsed > 0 && current[lastUsed - 1].every((v) => v === '')) lastUsed--;
  const rows = shortlistValues(
    config,
    summary.year,
    shortlist,
    readAnalystNotes(current),
    lastUsed,
    result.annex,
  );
  if (rows.length > current.length) {
    // Setup sizes the tab for every commune and unit; this only runs if the list outgrew it.
    shortlistRange
      .getSheet()
      .insertRowsAfter(current.length, rows.length - current.length + SHORTLIST_SPARE_ROWS);
  }
  shortlistRange.offset(0, 0, rows.length, SHORTLIST_WIDTH).setValues(rows);

  const pending = pendingSubmissionLogs(config, properties);
  const entries = [...pending.entries, consolidationLog(config, result, ranBy)];
  if (!prependLogRows(ss, entries, offset)) throw new Error(setupHint(SHEET.log));
  markSubmissionsLogged(pending.keys);
}

function consolidationLog(config: Config, result: ConsolidateResult, ranBy: string): LogEntry {
  const { summary, shortlist } = result;
  const t = summary.total;
  const attained = summary.districts.filter((d) => d.attained).length;
  const provisional = summary.districts.filter((d) => d.provisional).length;
  const errors = summary.districts.reduce((n, d) => n + d.errors.length, 0);
  return {
    at: summary.generatedAt,
    by: ranBy,
    action: 'Tổng hợp toàn tỉnh',
    year: summary.year,
    unit: config.words.provinceRow,
    detail:
      `${summary.districts.length} đơn vị: ${attained} đạt, ${provisional} tạm tính; ${errors} lỗi số liệu; ` +
      `${shortlist.length} đề xuất khen thưởng; giảm hộ nghèo ${t.poorReduction === null ? '—' : formatPercent(t.poorReduction)} so với đầu kỳ`,
    poor: t.poor,
    nearPoor: t.nearPoor,
    progress: t.progress,
  };
}

/**
 * Consolidates `year` (or asks the core for the latest year with data). Never writes a unit tab.
 * `notes` are the report's paragraphs analysts wrote on Cấu hình (readConfig's `notes`).
 */
export function runConsolidation(
  ss: Spreadsheet,
  config: Config,
  units: ValidatedUnit[],
  year: number,
  ranBy: string,
  notes: readonly ReportNote[],
): ConsolidationOutcome {
  return withDocumentLock<ConsolidationOutcome>(30000, { ok: false, message: LOCK_BUSY }, () => {
    // One read under the lock: the setup's progress, the submissions, the log's queue.
    const properties = PropertiesService.getDocumentProperties().getProperties();
    // A half-done setup is never consolidated.
    const unfinished = unfinishedSetupMessage(setupProgressOf(properties));
    if (unfinished) return { ok: false, message: unfinished };
    const generatedAt = new Date().toISOString();
    const result = consolidateValidated(config, units, year, generatedAt);
    const mismatches = checkApprovals(ss, config, parseSubmissions(properties));
    writeOutputs(ss, config, units, notes, result, ranBy, properties);
    SpreadsheetApp.flush();
    PropertiesService.getDocumentProperties().setProperty(
      LAST_RUN_KEY,
      JSON.stringify({ year, generatedAt, by: ranBy }),
    );
    const message = outcomeText(result, year) + mismatchLines(mismatches);
    return { ok: true, message, result };
  });
}

/** What the analyst is told after a consolidation. */
function outcomeText(result: ConsolidateResult, year: number): string {
  const t = result.summary.total;
  const broken = result.summary.districts.filter((d) => d.errors.length > 0).map((d) => d.name);
  return (
    `Đã tổng hợp năm ${year} cho ${result.summary.districts.length} đơn vị. ` +
    `${t.name}: ${formatInt(t.poor)} hộ nghèo, ${formatInt(t.nearPoor)} hộ cận nghèo; ` +
    `${t.provisional ? 'kết quả tạm tính' : t.attained ? 'đạt mục tiêu' : 'chưa đạt mục tiêu'}.` +
    (broken.length > 0
      ? ` Đơn vị có lỗi số liệu: ${broken.join(', ')} (xem chi tiết trên trang "${SHEET.summary}").`
      : '')
  );
}

/** Menu "Tổng hợp toàn tỉnh…": asks for the year (default: the latest year with data). */
export function menuConsolidate(): void {
  runAsAnalyst(TITLE, ({ ui, ss, config, notes, caller }) => {
    const units = readWorkbook(ss, config, (i) => progressToast(ss, config, i));
    const year = askYear(ui, config, latestYearWithData(config, units));
    if (year === null) return null;
    if (typeof year === 'string') return year;
    try {
      return runConsolidation(ss, config, units, year, caller.email, notes).message;
    } catch (error) {
      // Nothing is written to a unit tab; an output tab may be half written until the next run.
      return (
        `Tổng hợp năm ${year} chưa hoàn thành: ${(error as Error).message}\n` +
        'Số liệu các đơn vị không bị thay đổi. Hãy khắc phục theo hướng dẫn trên rồi chạy lại "Tổng hợp toàn tỉnh…".'
      );
    }
  });
}

/** The year the analyst asks for: a year of the period, null on cancel, or why it is refused. */
function askYear(
  ui: GoogleAppsScript.Base.Ui,
  config: Config,
  suggested: number,
): number | string | null {
  const answer = ui.prompt(
    TITLE,
    `Nhập năm cần tổng hợp (${config.years[0]}–${config.years[config.years.length - 1]}). Để trống để tổng hợp năm ${suggested}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const typed = answer.getResponseText().trim();
  const year = typed === '' ? suggested : Number(typed);
  if (Number.isInteger(year) && config.years.includes(year)) return year;
  return `Năm "${typed}" không thuộc giai đoạn ${config.years.join(', ')}. Hãy chạy lại và nhập một năm trong danh sách.`;
}
