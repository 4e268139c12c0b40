// The functions the sidebar calls through google.script.run. Each one validates its arguments
// with zod, identifies the caller from Cấu hình and refuses anything outside their rights
// before touching the spreadsheet. Only plain JSON crosses the wire (dates as ISO strings).
import * as z from 'zod/mini';
import type { Config } from '../core/config';
import { daysLeft, deadlineInstant, reportStatus } from '../core/deadline';
import { unitCompleteness, unitYearFigures } from '../core/figures';
import { normalizeName } from '../core/names';
import type { Submission } from '../core/types';
import { validateUnit } from '../core/validate';
import type {
  CompletenessRow,
  NominationInput,
  ProblemView,
  Result,
  SidebarState,
  SubmissionView,
} from '../shared/sidebarContract';
import { asText } from '../sheets/cellText';
import { readConfig } from '../sheets/configTab';
import { NOMINATION_COLUMNS, NOMINATION_TYPES, UNIT_TEXT, unitRangeName } from '../sheets/layout';
import { readUnit } from '../sheets/readUnits';
import { findSubmission, readSubmissions, writeSubmission } from '../sheets/submissions';
import { writeStatusLine } from '../sheets/statusLine';
import { queueSubmissionLog } from '../sheets/submissionLog';
import { ACCESS_DENIED, callerEmail, identify, mayActOn, UNKNOWN_USER, type Caller } from './access';
import { runConsolidation, readWorkbook } from './consolidate';
import { protectUnitYear } from '../sheets/protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const fail = (message: string, problems?: ProblemView[]): Result<never> => ({ ok: false, message, problems });

const MAX_TEXT = 2000;
const unitArg = z.string().check(z.minLength(1), z.maxLength(200));
const yearArg = z.number().check(z.int(), z.gte(1900), z.lte(2200));
const nominationArg = z.object({
  unit: unitArg,
  year: yearArg,
  type: z.string().check(z.maxLength(100)),
  name: z.string().check(z.maxLength(300)),
  commune: z.string().check(z.maxLength(200)),
  achievement: z.string().check(z.maxLength(MAX_TEXT)),
  award: z.string().check(z.maxLength(300)),
});

interface Session {
  ss: Spreadsheet;
  config: Config;
  caller: Caller;
}

/** Reads Cấu hình and identifies the caller; every API function starts here. */
function open(): Session | Result<never> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) return fail(`Trang "Cấu hình" có lỗi: ${read.problems[0]?.message ?? ''}`);
  const email = callerEmail();
  const caller = identify(read.config, email, () => {
    try {
      return ss.getOwner()?.getEmail() ?? '';
    } catch {
      return '';
    }
  });
  return { ss, config: read.config, caller };
}

const isFailure = (s: Session | Result<never>): s is Result<never> => 'ok' in s;

function guardUnit(session: Session, unit: string): Result<never> | null {
  if (session.caller.role === 'unknown') return fail(session.caller.email ? ACCESS_DENIED : UNKNOWN_USER);
  if (!mayActOn(session.caller, unit)) return fail(`Bạn chỉ được thao tác trên trang của đơn vị mình; "${unit}" không thuộc quyền của bạn.`);
  return null;
}

function guardAnalyst(session: Session): Result<never> | null {
  if (session.caller.role !== 'analyst') return fail(session.caller.email ? 'Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.' : UNKNOWN_USER);
  return null;
}

function unitIndex(config: Config, unit: string): number {
  const wanted = normalizeName(unit);
  return config.units.findIndex((u) => normalizeName(u.name) === wanted);
}

function checkYear(config: Config, year: number): Result<never> | null {
  return config.years.includes(year) ? null : fail(`Năm ${year} không thuộc giai đoạn ${config.years.join(', ')}.`);
}

function submissionView(config: Config, s: Submission | undefined): SubmissionView {
  if (!s) return { status: 'not_submitted' };
  return {
    status: s.status,
    submittedAt: s.submittedAt,
    email: s.email,
    onTime: new Date(s.submittedAt).getTime() < deadlineInstant(config, s.year).getTime(),
    reviewedAt: s.reviewedAt,
    reviewedBy: s.reviewedBy,
    returnReason: s.returnReason,
  };
}

function defaultYear(config: Config): number {
  const now = new Date().getTime() + config.deadline.utcOffsetMinutes * 60000;
  const year = new Date(now).getUTCFullYear();
  const years = config.years;
  return Math.min(Math.max(year, years[0]), years[years.length - 1]);
}

const problemViews = (problems: { sheet: string; cell: string; message: string; year?: number }[]): ProblemView[] =>
  problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message, ...(p.year === undefined ? {} : { year: p.year }) }));

export function sidebarGetState(unitArgIn: unknown, yearArgIn: unknown): Result<SidebarState> {
  const session = open();
  if (isFailure(session)) return session;
  const { ss, config, caller } = session;
  const year = yearArg.safeParse(yearArgIn).success && config.years.includes(yearArgIn as number) ? (yearArgIn as number) : defaultYear(config);
  let unit: string | null = null;
  if (caller.role !== 'unknown') {
    const asked = typeof unitArgIn === 'string' ? unitArgIn : null;
    if (asked && mayActOn(caller, asked)) unit = config.units[unitIndex(config, asked)].name;
    else if (caller.role === 'analyst') {
      const active = ss.getActiveSheet().getName();
      unit = (config.units.find((u) => u.tab === active) ?? config.units[0]).name;
    } else unit = caller.units[0].name;
  }
  const submissions = readSubmissions();
  const nowIso = new Date().toISOString();
  const state: SidebarState = {
    role: caller.role,
    email: caller.email,
    ...(caller.role === 'unknown' ? { accessMessage: caller.email ? ACCESS_DENIED : UNKNOWN_USER } : {}),
    units: caller.units.map((u) => u.name),
    unit,
    years: config.years,
    year,
    deadline: deadlineInstant(config, year).toISOString(),
    daysLeft: daysLeft(config, year, nowIso),
    progress: null,
    targets: config.targets,
    submission: { status: 'not_submitted' },
    awards: config.awards.map((a) => ({ name: a.name, authority: a.authority })),
    nominationTypes: NOMINATION_TYPES,
    communes: [],
  };
  if (unit !== null) {
    const i = unitIndex(config, unit);
    const validated = validateUnit(config, readUnit(ss, config, i, submissions).input);
    const f = unitYearFigures(config, validated, year);
    state.progress = {
      poorBaseline: f.poorBaseline,
      nearPoorBaseline: f.nearPoorBaseline,
      poor: f.poor,
      nearPoor: f.nearPoor,
      poorReduction: f.result.poorReduction,
      combinedReduction: f.result.combinedReduction,
      progress: f.result.progress,
      attained: f.attained,
      provisional: f.provisional,
      communes: f.expected.length,
      communesReported: f.reported.length,
    };
    state.submission = submissionView(config, findSubmission(submissions, unit, year));
    state.communes = config.units[i].communes;
  }
  if (caller.role === 'analyst') {
    const inputs = readWorkbook(ss, config);
    state.completeness = inputs.map((input): CompletenessRow => {
      const v = validateUnit(config, input);
      const entry = unitCompleteness(config, v).find((c) => c.year === year);
      return {
        unit: input.unit,
        expected: entry?.expected ?? 0,
        reported: entry?.reported ?? 0,
        status: reportStatus(config, submissions, input.unit, year),
        submission: submissionView(config, findSubmission(submissions, input.unit, year)),
      };
    });
  }
  return { ok: true, value: state };
}

export function sidebarCheckData(unitIn: unknown, yearIn: unknown): Result<ProblemView[]> {
  if (!unitArg.safeParse(unitIn).success || !yearArg.safeParse(yearIn).success) return fail('Tham số không hợp lệ.');
  const session = open();
  if (isFailure(session)) return session;
  const unit = unitIn as string;
  const denied = guardUnit(session, unit) ?? checkYear(session.config, yearIn as number);
  if (denied) return denied;
  const i = unitIndex(session.config, unit);
  const validated = validateUnit(session.config, readUnit(session.ss, session.config, i, []).input);
  return { ok: true, value: problemViews(validated.problems) };
}

const CELL = /^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}$/;

export function sidebarSelectCell(sheetIn: unknown, cellIn: unknown): Result<true> {
  if (typeof sheetIn !== 'string' || typeof cellIn !== 'string' || !CELL.test(cellIn) || sheetIn.length > 200) {
    return fail('Ô cần chọn không hợp lệ.');
  }
  const session = open();
  if (isFailure(session)) return session;
  const unit = session.config.units.find((u) => u.tab === sheetIn);
  if (!unit) return fail(`Không tìm thấy trang "${sheetIn}".`);
  const denied = guardUnit(session, unit.name);
  if (denied) return denied;
  const range = session.ss.getRangeByName(unitRangeName(unitIndex(session.config, unit.name)));
  if (!range) return fail(`Không tìm thấy trang "${sheetIn}". Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ".`);
  range.getSheet().getRange(cellIn).activate();
  return { ok: true, value: true };
}

export function sidebarAddNomination(inputIn: unknown): Result<{ id: string; row: number }> {
  const parsed = nominationArg.safeParse(inputIn);
  if (!parsed.success) return fail('Dữ liệu đề cử không hợp lệ (sai kiểu hoặc quá dài).');
  const input: NominationInput = parsed.data;
  const session = open();
  if (isFailure(session)) return session;
  const { ss, config } = session;
  const denied = guardUnit(session, input.unit) ?? checkYear(config, input.year);
  if (denied) return denied;
  const problems: ProblemView[] = [];
  const field = (cell: string, message: string) => problems.push({ sheet: 'Đề cử', cell, message });
  const name = normalizeName(input.name);
  const achievement = input.achievement.trim();
  const i = unitIndex(config, input.unit);
  if (!NOMINATION_TYPES.includes(input.type)) field('type', `Loại đề cử "${input.type}" không hợp lệ; hãy chọn một trong: ${NOMINATION_TYPES.join(', ')}.`);
  if (!name) field('name', 'Hãy nhập tên tập thể, cá nhân được đề cử.');
  if (!achievement) field('achievement', 'Hãy nhập tóm tắt thành tích.');
  if (!config.awards.some((a) => a.name === input.award)) field('award', `Hình thức "${input.award}" không có trong danh mục khen thưởng.`);
  const commune = normalizeName(input.commune);
  if (commune && !config.units[i].communes.some((c) => normalizeName(c) === commune)) {
    field('commune', `Xã "${commune}" không thuộc ${config.units[i].name}.`);
  }
  if (problems.length > 0) return fail('Đề cử chưa hợp lệ, hãy sửa các mục được đánh dấu.', problems);

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10000)) return fail('Sổ đang bận (có người đang ghi). Hãy thử lại sau ít giây.');
  try {
    const range = ss.getRangeByName(unitRangeName(i));
    if (!range) return fail(`Không tìm thấy trang của ${config.units[i].name}.`);
    const grid = range.getValues();
    const title = grid.findIndex((row) => normalizeName(String(row[0] ?? '')) === UNIT_TEXT.nominationsTitle);
    if (title < 0) return fail(`Trang "${config.units[i].tab}" thiếu khối "${UNIT_TEXT.nominationsTitle}". Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ".`);
    let target = title + 2;
    let count = 0;
    while (target < grid.length && grid[target].slice(0, NOMINATION_COLUMNS.length).some((v) => v !== '')) {
      count++;
      target++;
    }
    const id = `ĐC-${input.year}-${String(i + 1).padStart(2, '0')}-${String(count + 1).padStart(3, '0')}`;
    const row = target + 1;
    const values = [id, input.year, input.type, name, commune, achievement, input.award];
    range.getSheet().getRange(row, 1, 1, values.length).setValues([values.map((v) => (typeof v === 'string' ? asText(v) : v))]);
    SpreadsheetApp.flush();
    return { ok: true, value: { id, row } };
  } finally {
    lock.releaseLock();
  }
}

export function sidebarSubmitReport(unitIn: unknown, yearIn: unknown): Result<SubmissionView> {
  if (!unitArg.safeParse(unitIn).success || !yearArg.safeParse(yearIn).success) return fail('Tham số không hợp lệ.');
  const session = open();
  if (isFailure(session)) return session;
  const { ss, config, caller } = session;
  const year = yearIn as number;
  const denied = guardUnit(session, unitIn as string) ?? checkYear(config, year);
  if (denied) return denied;
  const i = unitIndex(config, unitIn as string);
  const unit = config.units[i].name;
  const submissions = readSubmissions();
  const previous = findSubmission(submissions, unit, year);
  if (previous?.status === 'approved') return fail(`Báo cáo năm ${year} của ${unit} đã được duyệt; không thể nộp lại.`);
  const validated = validateUnit(config, readUnit(ss, config, i, []).input);
  const blocking = validated.problems.filter((p) => p.year === undefined || p.year === year || p.year === config.baselineYear);
  if (blocking.length > 0) {
    return fail(`Chưa thể nộp báo cáo năm ${year}: còn ${blocking.length} lỗi số liệu. Hãy sửa các ô được liệt kê rồi nộp lại.`, problemViews(blocking));
  }
  const submission: Submission = {
    unit,
    year,
    submittedAt: new Date().toISOString(),
    email: caller.email,
    status: 'submitted',
  };
  writeSubmission(submission);
  queueSubmissionLog(submission, caller.email, submission.submittedAt);
  writeStatusLine(ss, config, i, submission);
  return { ok: true, value: submissionView(config, submission) };
}

export function sidebarConsolidate(yearIn: unknown): Result<{ message: string }> {
  if (!yearArg.safeParse(yearIn).success) return fail('Năm không hợp lệ.');
  const session = open();
  if (isFailure(session)) return session;
  const denied = guardAnalyst(session) ?? checkYear(session.config, yearIn as number);
  if (denied) return denied;
  const inputs = readWorkbook(session.ss, session.config);
  const outcome = runConsolidation(session.ss, session.config, inputs, yearIn as number, session.caller.email);
  return outcome.ok ? { ok: true, value: { message: outcome.message } } : fail(outcome.message);
}

function review(unitIn: unknown, yearIn: unknown, approve: boolean, reasonIn: unknown): Result<SubmissionView> {
  if (!unitArg.safeParse(unitIn).success || !yearArg.safeParse(yearIn).success) return fail('Tham số không hợp lệ.');
  const reason = typeof reasonIn === 'string' ? reasonIn.trim() : '';
  if (!approve && (reason === '' || reason.length > MAX_TEXT)) return fail('Hãy ghi lý do trả lại báo cáo (tối đa 2.000 ký tự).');
  const session = open();
  if (isFailure(session)) return session;
  const { ss, config, caller } = session;
  const year = yearIn as number;
  const denied = guardAnalyst(session) ?? checkYear(config, year);
  if (denied) return denied;
  const i = unitIndex(config, unitIn as string);
  if (i < 0) return fail(`Không có đơn vị "${String(unitIn)}" trong Cấu hình.`);
  const unit = config.units[i].name;
  const current = findSubmission(readSubmissions(), unit, year);
  if (!current || current.status === 'returned') return fail(`${unit} chưa nộp báo cáo năm ${year}.`);
  const updated: Submission = {
    ...current,
    status: approve ? 'approved' : 'returned',
    reviewedAt: new Date().toISOString(),
    reviewedBy: caller.email,
    ...(approve ? { returnReason: undefined } : { returnReason: reason }),
  };
  protectUnitYear(ss, config, i, year, approve);
  writeSubmission(updated);
  queueSubmissionLog(updated, caller.email, updated.reviewedAt ?? '');
  writeStatusLine(ss, config, i, updated);
  return { ok: true, value: submissionView(config, updated) };
}

export function sidebarApproveReport(unitIn: unknown, yearIn: unknown): Result<SubmissionView> {
  return review(unitIn, yearIn, true, '');
}

export function sidebarReturnReport(unitIn: unknown, yearIn: unknown, reasonIn: unknown): Result<SubmissionView> {
  return review(unitIn, yearIn, false, reasonIn);
}

