// The functions the sidebar calls through google.script.run. Each one checks the shape of its
// arguments first (anything can be forged from the browser), then identifies the caller from
// Cấu hình and refuses anything outside their rights before touching the spreadsheet. Only
// plain JSON crosses the wire (dates as ISO strings); every refusal is a Vietnamese message.
import * as z from 'zod/mini';
import type { Config } from '../core/config';
import { daysLeft, deadlineInstant, reportStatus } from '../core/deadline';
import { unitCompleteness, unitYearFigures } from '../core/figures';
import { normalizeName, sameName } from '../core/names';
import type { Submission, SubmissionEvent } from '../core/types';
import type { ValidatedUnit } from '../core/validate';
import type {
  CompletenessRow,
  NominationInput,
  ProblemView,
  Result,
  SidebarState,
  SubmissionView,
  TargetProgress,
} from '../shared/sidebarContract';
import { readConfig } from '../sheets/configTab';
import { appendLedger, ledgerAccess } from '../sheets/approvalLedger';
import { NOMINATION_TYPES, SHEET, unitRangeName } from '../sheets/layout';
import { appendNomination, ASK_SETUP } from '../sheets/nominationAppend';
import { protectUnitYear } from '../sheets/protection';
import { readUnit } from '../sheets/readUnits';
import { isOnTime, writeStatusLine } from '../sheets/statusLine';
import { queueSubmissionLog } from '../sheets/submissionLog';
import { findSubmission, readSubmissions, recordSubmissionEvent } from '../sheets/submissions';
import { ACCESS_DENIED, identifyCaller, mayActOn, UNKNOWN_USER, type Caller } from './access';
import { readWorkbook, runConsolidation } from './consolidate';
import type { ReportNote } from '../core/reportNotes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Failure = Extract<Result<never>, { ok: false }>;

export const MAX_TEXT = 2000;
const MAX_NAME = 200;

export const SIDEBAR_MESSAGE = {
  badUnit: `Yêu cầu không hợp lệ: tên đơn vị phải là một chuỗi ký tự (tối đa ${MAX_NAME} ký tự).`,
  badYear: 'Yêu cầu không hợp lệ: năm phải là một số nguyên, ví dụ 2025.',
  badCell: 'Yêu cầu không hợp lệ: ô cần chọn phải có dạng như "E6" trên một trang của sổ.',
  badNomination: 'Dữ liệu đề cử không hợp lệ (thiếu mục, sai kiểu hoặc quá dài).',
  badReason: 'Hãy ghi lý do trả lại báo cáo (tối đa 2.000 ký tự).',
  analystOnly: 'Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.',
  notYours: (unit: string) =>
    `Bạn chỉ được thao tác trên trang của đơn vị mình; "${unit}" không thuộc quyền của bạn.`,
  notYourSheet: (sheet: string) =>
    `Bạn chỉ được chọn ô trên trang của đơn vị mình; trang "${sheet}" không thuộc quyền của bạn.`,
  noUnit: (unit: string) => `Không có đơn vị "${unit}" trong trang "Cấu hình".`,
  noYear: (year: number, years: number[]) =>
    `Năm ${year} không thuộc giai đoạn ${years.join(', ')}.`,
  busy: 'Sổ đang bận (có người đang ghi). Chưa có gì bị thay đổi; hãy thử lại sau ít giây.',
  serviceError: (detail: string) =>
    `Bảng tính từ chối thao tác: ${detail}. Hãy thử lại; nếu vẫn lỗi, báo cán bộ tổng hợp.`,
} as const;

const text = (max: number) => z.string().check(z.maxLength(max));
const unitArg = z.string().check(z.minLength(1), z.maxLength(MAX_NAME));
const yearArg = z.number().check(z.int(), z.gte(1900), z.lte(2200));
const nominationArg = z.object({
  unit: unitArg,
  year: yearArg,
  type: text(100),
  name: text(300),
  commune: text(MAX_NAME),
  achievement: text(MAX_TEXT),
  award: text(300),
});
const CELL = /^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}(:\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6})?$/;

const fail = (message: string, problems?: ProblemView[]): Failure =>
  problems && problems.length > 0 ? { ok: false, message, problems } : { ok: false, message };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const isFailure = (x: unknown): x is Failure =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/**
 * Runs an API function; a refusal by a Sheets service (Apps Script's errors are named
 * "Exception": a lock, a quota, a cell someone protected by hand) comes back as a Vietnamese
 * message instead of reaching the sidebar's failure handler. The service's own text follows the
 * user's language (SHEETS-FACTS.md §14): it is shown as the detail, never matched; what can be
 * checked is checked before acting (the caller's rights, the tab's protection, the shapes).
 * Anything else is a bug and is thrown.
 */
function guarded<T>(fn: () => Result<T>): Result<T> {
  try {
    return fn();
  } catch (e) {
    const error = e as Error;
    if (error?.name !== 'Exception') throw e;
    return fail(SIDEBAR_MESSAGE.serviceError(error.message));
  }
}

// ---------------------------------------------------------------------------------------------
// Who is calling, and for what

interface Session {
  ss: Spreadsheet;
  config: Config;
  caller: Caller;
  /** The report's paragraphs written on Cấu hình (the consolidation writes them into the report). */
  notes: ReportNote[];
}

interface Target {
  index: number;
  name: string;
}

/** Reads Cấu hình and identifies the caller; every API function starts here. */
function open(): Session | Failure {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) return fail(`Trang "Cấu hình" có lỗi: ${read.problems[0]?.message ?? ''}`);
  const caller = identifyCaller(ss, read.config);
  return { ss, config: read.config, caller, notes: read.notes };
}

const noRights = (caller: Caller): Failure => fail(caller.email ? ACCESS_DENIED : UNKNOWN_USER);

function unitIndex(config: Config, unit: string): number {
  return config.units.findIndex((u) => sameName(u.name, unit));
}

/** The unit the caller may act on, or the refusal (unknown callers, other units, no such unit). */
function targetUnit(session: Session, unit: string): Target | Failure {
  const { caller, config } = session;
  if (caller.role === 'unknown') return noRights(caller);
  if (caller.role !== 'analyst' && !mayActOn(caller, unit))
    return fail(SIDEBAR_MESSAGE.notYours(normalizeName(unit)));
  const index = unitIndex(config, unit);
  if (index < 0) return fail(SIDEBAR_MESSAGE.noUnit(normalizeName(unit)));
  return { index, name: config.units[index].name };
}

function analystOnly(session: Session): Failure | null {
  if (session.caller.role === 'analyst') return null;
  return session.caller.role === 'unknown'
    ? noRights(session.caller)
    : fail(SIDEBAR_MESSAGE.analystOnly);
}

function checkYear(config: Config, year: number): Failure | null {
  return config.years.includes(year) ? null : fail(SIDEBAR_MESSAGE.noYear(year, config.years));
}

/** Shape checks of (unit, year), the caller's rights on the unit, and the year of the period. */
function forUnit<T>(
  unitIn: unknown,
  yearIn: unknown,
  act: (s: Session, t: Target, year: number) => Result<T>,
): Result<T> {
  if (!unitArg.safeParse(unitIn).success) return fail(SIDEBAR_MESSAGE.badUnit);
  if (!yearArg.safeParse(yearIn).success) return fail(SIDEBAR_MESSAGE.badYear);
  const session = open();
  if (isFailure(session)) return session;
  const target = targetUnit(session, unitIn as string);
  if (isFailure(target)) return target;
  return checkYear(session.config, yearIn as number) ?? act(session, target, yearIn as number);
}

// ---------------------------------------------------------------------------------------------
// Views

function submissionView(config: Config, s: Submission | undefined): SubmissionView {
  if (!s) return { status: 'not_submitted' };
  const view: SubmissionView = {
    status: s.status,
    submittedAt: s.submittedAt,
    email: s.email,
    onTime: isOnTime(config, s),
  };
  if (s.reviewedAt) view.reviewedAt = s.reviewedAt;
  if (s.reviewedBy) view.reviewedBy = s.reviewedBy;
  if (s.status === 'returned' && s.returnReason) view.returnReason = s.returnReason;
  return view;
}

const problemViews = (
  problems: readonly { sheet: string; cell: string; message: string; year?: number }[],
): ProblemView[] =>
  problems.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    message: p.message,
    ...(p.year === undefined ? {} : { year: p.year }),
  }));

/** The unit's progress for the sidebar: its summary row, as far as the sidebar shows it. */
function progressView(config: Config, v: ValidatedUnit, year: number): TargetProgress {
  const row = unitYearFigures(config, v, year).row;
  return {
    poorBaseline: row.poorBaseline,
    nearPoorBaseline: row.nearPoorBaseline,
    poor: row.poor,
    nearPoor: row.nearPoor,
    poorReduction: row.poorReduction,
    combinedReduction: row.combinedReduction,
    progress: row.progress,
    attained: row.attained,
    provisional: row.provisional,
    communes: row.communes,
    communesReported: row.communesReported,
  };
}

function completenessRows(
  config: Config,
  units: ValidatedUnit[],
  submissions: Submission[],
  year: number,
): CompletenessRow[] {
  return units.map((v) => {
    const entry = unitCompleteness(config, v).find((c) => c.year === year);
    return {
      unit: v.unit,
      expected: entry?.expected ?? 0,
      reported: entry?.reported ?? 0,
      status: reportStatus(config, submissions, v.unit, year),
      submission: submissionView(config, findSubmission(submissions, v.unit, year)),
    };
  });
}

/** The current year of the period in local time (clamped to the period). */
function defaultYear(config: Config): number {
  const year = new Date(Date.now() + config.deadline.utcOffsetMinutes * 60000).getUTCFullYear();
  const years = config.years;
  return Math.min(Math.max(year, years[0]), years[years.length - 1]);
}

function baseState(config: Config, caller: Caller, year: number): SidebarState {
  return {
    role: caller.role,
    email: caller.email,
    ...(caller.role === 'unknown'
      ? { accessMessage: caller.email ? ACCESS_DENIED : UNKNOWN_USER }
      : {}),
    units: caller.units.map((u) => u.name),
    unit: null,
    years: [...config.years],
    year,
    deadline: deadlineInstant(config, year).toISOString(),
    daysLeft: daysLeft(config, year, new Date().toISOString()),
    progress: null,
    targets: { ...config.targets },
    submission: { status: 'not_submitted' },
    awards: config.awards.map((a) => ({ name: a.name, authority: a.authority })),
    nominationTypes: [...NOMINATION_TYPES],
    communes: [],
  };
}

/** The unit shown: the one asked for (if the caller may), else the caller's own or the active tab's. */
function shownUnit(session: Session, unitIn: unknown): Target | null | Failure {
  const { caller, config, ss } = session;
  if (caller.role === 'unknown') return null;
  if (typeof unitIn === 'string') return targetUnit(session, unitIn);
  if (caller.role === 'district') return targetUnit(session, caller.units[0].name);
  const active = ss.getActiveSheet().getName();
  const i = Math.max(
    0,
    config.units.findIndex((u) => sameName(u.tab, active)),
  );
  return { index: i, name: config.units[i].name };
}

function stateFor(session: Session, target: Target | null, year: number): SidebarState {
  const { ss, config, caller } = session;
  const state = baseState(config, caller, year);
  const submissions = readSubmissions();
  const analyst = caller.role === 'analyst';
  // Analysts see every unit: each tab is read and validated once, the shown unit's reused.
  const units = analyst
    ? config.units.map((_, i) => readUnit(ss, config, i, submissions).validated)
    : [];
  if (target) {
    const validated = analyst
      ? units[target.index]
      : readUnit(ss, config, target.index, submissions).validated;
    state.unit = target.name;
    state.progress = progressView(config, validated, year);
    state.submission = submissionView(config, findSubmission(submissions, target.name, year));
    state.communes = [...config.units[target.index].communes];
  }
  if (analyst) state.completeness = completenessRows(config, units, submissions, year);
  return state;
}

// ---------------------------------------------------------------------------------------------
// The API

export function sidebarGetState(unitIn: unknown, yearIn: unknown): Result<SidebarState> {
  return guarded(() => {
    if (unitIn != null && !unitArg.safeParse(unitIn).success) return fail(SIDEBAR_MESSAGE.badUnit);
    if (yearIn != null && !yearArg.safeParse(yearIn).success) return fail(SIDEBAR_MESSAGE.badYear);
    const session = open();
    if (isFailure(session)) return session;
    const year = yearIn == null ? defaultYear(session.config) : (yearIn as number);
    const badYear = checkYear(session.config, year);
    if (badYear) return badYear;
    const target = shownUnit(session, unitIn);
    return isFailure(target) ? target : ok(stateFor(session, target, year));
  });
}

export function sidebarCheckData(unitIn: unknown, yearIn: unknown): Result<ProblemView[]> {
  return guarded(() =>
    forUnit(unitIn, yearIn, ({ ss, config }, t) => {
      const validated = readUnit(ss, config, t.index, []).validated;
      return ok(problemViews(validated.problems));
    }),
  );
}

/** The sheet where `sheetName` is: a unit tab the caller may act on, or (analysts) any tab. */
function sheetToSelect(
  session: Session,
  sheetName: string,
): GoogleAppsScript.Spreadsheet.Sheet | Failure {
  const { ss, config, caller } = session;
  if (caller.role === 'unknown') return noRights(caller);
  const unit = config.units.find((u) => sameName(u.tab, sheetName));
  if (!unit) {
    const sheet = caller.role === 'analyst' ? ss.getSheetByName(sheetName) : null;
    if (sheet) return sheet;
    return fail(
      caller.role === 'analyst'
        ? `Không tìm thấy trang "${sheetName}".`
        : SIDEBAR_MESSAGE.notYourSheet(sheetName),
    );
  }
  const target = targetUnit(session, unit.name);
  if (isFailure(target)) return target;
  const range = ss.getRangeByName(unitRangeName(target.index));
  return range ? range.getSheet() : fail(`Không tìm thấy trang "${unit.tab}". ${ASK_SETUP}`);
}

export function sidebarSelectCell(sheetIn: unknown, cellIn: unknown): Result<true> {
  return guarded(() => {
    if (typeof sheetIn !== 'string' || sheetIn === '' || sheetIn.length > MAX_NAME)
      return fail(SIDEBAR_MESSAGE.badCell);
    if (typeof cellIn !== 'string' || !CELL.test(cellIn)) return fail(SIDEBAR_MESSAGE.badCell);
    const session = open();
    if (isFailure(session)) return session;
    const sheet = sheetToSelect(session, sheetIn);
    if (isFailure(sheet)) return sheet;
    try {
      sheet.getRange(cellIn).activate();
    } catch {
      return fail(`Ô ${cellIn} nằm ngoài trang "${sheetIn}".`);
    }
    return ok(true as const);
  });
}

// ---------------------------------------------------------------------------------------------
// Nominations

/** What is wrong with a nomination, each problem naming a form field in `cell`. */
function nominationProblems(config: Config, index: number, input: NominationInput): ProblemView[] {
  const problems: ProblemView[] = [];
  const field = (cell: string, message: string) => problems.push({ sheet: 'Đề cử', cell, message });
  const unit = config.units[index];
  const commune = normalizeName(input.commune);
  if (!NOMINATION_TYPES.includes(input.type))
    field(
      'type',
      `Loại đề cử "${input.type}" không hợp lệ; hãy chọn một trong: ${NOMINATION_TYPES.join(', ')}.`,
    );
  if (!normalizeName(input.name)) field('name', 'Hãy nhập tên tập thể, cá nhân được đề cử.');
  if (!input.achievement.trim()) field('achievement', 'Hãy nhập tóm tắt thành tích.');
  if (!config.awards.some((a) => a.name === input.award))
    field('award', `Hình thức "${input.award}" không có trong danh mục khen thưởng.`);
  if (commune && !unit.communes.some((c) => sameName(c, commune)))
    field('commune', `Xã "${commune}" không thuộc ${unit.name}.`);
  return problems;
}

export function sidebarAddNomination(inputIn: unknown): Result<{ id: string; row: number }> {
  return guarded(() => {
    const parsed = nominationArg.safeParse(inputIn);
    if (!parsed.success) return fail(SIDEBAR_MESSAGE.badNomination);
    const input: NominationInput = parsed.data;
    return forUnit(input.unit, input.year, ({ ss, config }, t) => {
      const problems = nominationProblems(config, t.index, input);
      if (problems.length > 0)
        return fail('Đề cử chưa hợp lệ, hãy sửa các mục được đánh dấu.', problems);
      const lock = LockService.getDocumentLock();
      if (!lock.tryLock(10000)) return fail(SIDEBAR_MESSAGE.busy);
      try {
        const added = appendNomination(ss, config, t.index, input);
        return added.ok ? ok({ id: added.id, row: added.row }) : fail(added.message);
      } finally {
        lock.releaseLock();
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Submission and review

/**
 * Records a submission or a review: the document properties first (what counts, readable by the
 * next consolidation even while one holds the lock), then the status line. The status line is
 * only a view of it, so a refused write there does not undo the record.
 */
function record(
  session: Session,
  target: Target,
  year: number,
  previous: Submission | undefined,
  event: SubmissionEvent,
): Submission {
  const s = recordSubmissionEvent(previous, target.name, year, event) as Submission;
  queueSubmissionLog(s, session.caller.email, event.at);
  try {
    writeStatusLine(session.ss, session.config, target.index, s);
  } catch (e) {
    if ((e as Error)?.name !== 'Exception') throw e;
  }
  return s;
}

/** The problems that block the report of `year`: the layout, the baseline and the year itself. */
function blockingProblems(v: ValidatedUnit, config: Config, year: number): ProblemView[] {
  return problemViews(
    v.problems.filter(
      (p) => p.year === undefined || p.year === year || p.year === config.baselineYear,
    ),
  );
}

function submit(session: Session, t: Target, year: number): Result<SubmissionView> {
  const { ss, config, caller } = session;
  const previous = findSubmission(readSubmissions(), t.name, year);
  if (previous?.status === 'approved')
    return fail(
      `Báo cáo năm ${year} của ${t.name} đã được duyệt; không thể nộp lại. Nếu cần sửa, hãy đề nghị cán bộ tổng hợp trả lại báo cáo.`,
    );
  const validated = readUnit(ss, config, t.index, []).validated;
  const blocking = blockingProblems(validated, config, year);
  if (blocking.length > 0) {
    return fail(
      `Chưa thể nộp báo cáo năm ${year}: còn ${blocking.length} lỗi số liệu. Hãy sửa các ô được liệt kê rồi nộp lại.`,
      blocking,
    );
  }
  if (unitYearFigures(config, validated, year).row.communesReported === 0) {
    return fail(
      `Chưa thể nộp báo cáo năm ${year}: trang "${config.units[t.index].tab}" chưa có số liệu năm ${year} của xã nào.`,
    );
  }
  const at = new Date().toISOString();
  const submission = record(session, t, year, previous, {
    type: 'submitted',
    at,
    by: caller.email,
  });
  return ok(submissionView(config, submission));
}

export function sidebarSubmitReport(unitIn: unknown, yearIn: unknown): Result<SubmissionView> {
  return guarded(() => forUnit(unitIn, yearIn, submit));
}

export function sidebarConsolidate(yearIn: unknown): Result<{ message: string }> {
  return guarded(() => {
    if (!yearArg.safeParse(yearIn).success) return fail(SIDEBAR_MESSAGE.badYear);
    const session = open();
    if (isFailure(session)) return session;
    const { ss, config, caller } = session;
    const denied = analystOnly(session) ?? checkYear(config, yearIn as number);
    if (denied) return denied;
    const outcome = runConsolidation(
      ss,
      config,
      readWorkbook(ss, config),
      yearIn as number,
      caller.email,
      session.notes,
    );
    return outcome.ok ? ok({ message: outcome.message }) : fail(outcome.message);
  });
}

const LEDGER_REFUSAL = {
  missing: `Sổ chưa có trang "${SHEET.approvals}" để ghi lần duyệt; chưa có gì bị thay đổi. Hãy chạy "Khởi tạo / cập nhật sổ" rồi thử lại.`,
  denied: `Bạn chưa có quyền ghi trang "${SHEET.approvals}" (trang được bảo vệ); chưa có gì bị thay đổi. Hãy nhờ cán bộ tổng hợp đã phân quyền lần trước chạy lại "Phân quyền các trang tính".`,
} as const;

/** Why a review is refused (null when it may go ahead). */
function reviewRefusal(
  current: Submission | undefined,
  approve: boolean,
  unit: string,
  year: number,
): Failure | null {
  if (!current) return fail(`${unit} chưa nộp báo cáo năm ${year}.`);
  if (current.status === 'returned')
    return fail(`Báo cáo năm ${year} của ${unit} đã bị trả lại và chưa được nộp lại.`);
  if (approve && current.status === 'approved')
    return fail(`Báo cáo năm ${year} của ${unit} đã được duyệt.`);
  return null;
}

function review(
  session: Session,
  t: Target,
  year: number,
  approve: boolean,
  reason: string,
): Result<SubmissionView> {
  const { ss, config, caller } = session;
  const current = findSubmission(readSubmissions(), t.name, year);
  const refused = reviewRefusal(current, approve, t.name, year);
  if (refused || !current) return refused ?? fail(`${t.name} chưa nộp báo cáo năm ${year}.`);
  const touchesApproval = approve || current.status === 'approved';
  // The ledger is checked before anything changes: an approval must reach it (tripwire).
  const ledger = touchesApproval ? ledgerAccess(ss) : 'ok';
  if (ledger !== 'ok') return fail(LEDGER_REFUSAL[ledger]);
  // Approve locks the year's input cells; returning an approved report unlocks them.
  if (touchesApproval && !protectUnitYear(ss, config, t.index, year, approve)) {
    return fail(
      `Không đọc được trang "${config.units[t.index].tab}" để ${approve ? 'khóa' : 'mở khóa'} số liệu năm ${year}. Hãy chạy "Khởi tạo / cập nhật sổ" rồi thử lại.`,
    );
  }
  const at = new Date().toISOString();
  const by = caller.email;
  const event: SubmissionEvent = approve
    ? { type: 'approved', at, by }
    : { type: 'returned', at, by, reason };
  if (touchesApproval) appendLedger(ss, config, { unit: t.name, year, approved: approve }, by, at);
  return ok(submissionView(config, record(session, t, year, current, event)));
}

function reviewCall(
  unitIn: unknown,
  yearIn: unknown,
  approve: boolean,
  reasonIn: unknown,
): Result<SubmissionView> {
  return guarded(() => {
    const reason = typeof reasonIn === 'string' ? reasonIn.trim() : '';
    if (!approve && (reason === '' || reason.length > MAX_TEXT))
      return fail(SIDEBAR_MESSAGE.badReason);
    return forUnit(
      unitIn,
      yearIn,
      (session, t, year) => analystOnly(session) ?? review(session, t, year, approve, reason),
    );
  });
}

export function sidebarApproveReport(unitIn: unknown, yearIn: unknown): Result<SubmissionView> {
  return reviewCall(unitIn, yearIn, true, '');
}

export function sidebarReturnReport(
  unitIn: unknown,
  yearIn: unknown,
  reasonIn: unknown,
): Result<SubmissionView> {
  return reviewCall(unitIn, yearIn, false, reasonIn);
}
