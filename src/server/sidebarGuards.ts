// The sidebar's guards: the shapes of the arguments (anything can be forged from the browser),
// who is calling (from Cấu hình), what they may act on, and the Vietnamese refusals. Every
// function of the sidebar API starts here; only plain JSON crosses the wire.
import * as z from 'zod/mini';
import type { Config } from '../core/config';
import type { ReportNote } from '../core/reportNotes';
import { normalizeName, sameName } from '../core/names';
import { formatInt } from '../core/format';
import { narrativeDocument } from '../core/narrativeDocument';
import { EVENT_LIMITS } from '../core/submissionRecord';
import type { FiguresKind, NarrativeDocument } from '../core/types';
import type { ProblemView, Result } from '../shared/sidebarContract';
import { readConfig } from '../sheets/configTab';
import { ACCESS_DENIED, identifyCaller, mayActOn, UNKNOWN_USER, type Caller } from './access';
import { BUSY } from './entryPoint';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Failure = Extract<Result<never>, { ok: false }>;

const MAX_TEXT = 2000;
export const MAX_NAME = 200;

export const SIDEBAR_MESSAGE = {
  badUnit: `Yêu cầu không hợp lệ: tên đơn vị phải là một chuỗi ký tự (tối đa ${MAX_NAME} ký tự).`,
  badYear: 'Yêu cầu không hợp lệ: năm phải là một số nguyên, ví dụ 2025.',
  badCell: 'Yêu cầu không hợp lệ: ô cần chọn phải có dạng như "E6" trên một trang của sổ.',
  badNomination: 'Dữ liệu đề cử không hợp lệ (thiếu mục, sai kiểu hoặc quá dài).',
  badReason: `Hãy ghi lý do trả lại báo cáo (tối đa ${formatInt(EVENT_LIMITS.reason)} ký tự).`,
  analystOnly: (provinceNoun: string) =>
    `Chỉ cán bộ tổng hợp của ${provinceNoun} được thực hiện thao tác này.`,
  notYours: (unit: string) =>
    `Bạn chỉ được thao tác trên trang của đơn vị mình; "${unit}" không thuộc quyền của bạn.`,
  notYourSheet: (sheet: string) =>
    `Bạn chỉ được chọn ô trên trang của đơn vị mình; trang "${sheet}" không thuộc quyền của bạn.`,
  noUnit: (unit: string) => `Không có đơn vị "${unit}" trong trang "Cấu hình".`,
  noYear: (year: number, years: number[]) =>
    `Năm ${year} không thuộc giai đoạn ${years.join(', ')}.`,
  badDetails:
    'Yêu cầu không hợp lệ: hãy chọn số liệu "sơ bộ" hoặc "chính thức" và ghi số, ngày, đường dẫn báo cáo.',
  badDocument: (problem: string) => `Chưa nộp được: ${problem}. Hãy sửa rồi nộp lại.`,
  busy: BUSY,
  serviceError: (detail: string) =>
    `Bảng tính từ chối thao tác: ${detail}. Hãy thử lại; nếu vẫn lỗi, báo cán bộ tổng hợp.`,
} as const;

const text = (max: number) => z.string().check(z.maxLength(max));
export const unitArg = z.string().check(z.minLength(1), z.maxLength(MAX_NAME));
export const yearArg = z.number().check(z.int(), z.gte(1900), z.lte(2200));
export const nominationArg = z.object({
  unit: unitArg,
  year: yearArg,
  type: text(100),
  name: text(300),
  commune: text(MAX_NAME),
  achievement: text(MAX_TEXT),
  award: text(300),
});
// The lengths are checked by narrativeDocument (core); this bound only refuses huge payloads.
const detailsArg = z.nullable(
  z.object({
    figures: z.enum(['preliminary', 'official']),
    document: z.nullable(
      z.object({ number: text(MAX_TEXT), date: text(MAX_TEXT), link: text(MAX_TEXT) }),
    ),
  }),
);
export const CELL = /^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}(:\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6})?$/;

export const fail = (message: string, problems?: ProblemView[]): Failure =>
  problems && problems.length > 0 ? { ok: false, message, problems } : { ok: false, message };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const isFailure = (x: unknown): x is Failure =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/**
 * Runs an API function; a refusal by a Sheets service (Apps Script's errors are named
 * "Exception": a lock, a quota, a cell someone protected by hand) comes back as a Vietnamese
 * message instead of reaching the sidebar's failure handler. The service's own text follows the
 * user's language (SHEETS-FACTS.md §14): it is shown as the detail, never matched; what can be
 * checked is checked before acting (the caller's rights, the tab's protection, the shapes).
 * Anything else is a bug and is thrown.
 */
export function guarded<T>(fn: () => Result<T>): Result<T> {
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

export interface Session {
  ss: Spreadsheet;
  config: Config;
  caller: Caller;
  /** The report's paragraphs written on Cấu hình (the consolidation writes them into the report). */
  notes: ReportNote[];
}

export interface Target {
  index: number;
  name: string;
}

/** Reads Cấu hình and identifies the caller; every API function starts here. */
export function open(): Session | Failure {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) return fail(`Trang "Cấu hình" có lỗi: ${read.problems[0]?.message ?? ''}`);
  const caller = identifyCaller(ss, read.config);
  return { ss, config: read.config, caller, notes: read.notes };
}

export const noRights = (caller: Caller): Failure =>
  fail(caller.email ? ACCESS_DENIED : UNKNOWN_USER);

function unitIndex(config: Config, unit: string): number {
  return config.units.findIndex((u) => sameName(u.name, unit));
}

/** The unit the caller may act on, or the refusal (unknown callers, other units, no such unit). */
export function targetUnit(session: Session, unit: string): Target | Failure {
  const { caller, config } = session;
  if (caller.role === 'unknown') return noRights(caller);
  if (caller.role !== 'analyst' && !mayActOn(caller, unit))
    return fail(SIDEBAR_MESSAGE.notYours(normalizeName(unit)));
  const index = unitIndex(config, unit);
  if (index < 0) return fail(SIDEBAR_MESSAGE.noUnit(normalizeName(unit)));
  return { index, name: config.units[index].name };
}

export function analystOnly(session: Session): Failure | null {
  if (session.caller.role === 'analyst') return null;
  return session.caller.role === 'unknown'
    ? noRights(session.caller)
    : fail(SIDEBAR_MESSAGE.analystOnly(session.config.words.provinceNoun));
}

export function checkYear(config: Config, year: number): Failure | null {
  return config.years.includes(year) ? null : fail(SIDEBAR_MESSAGE.noYear(year, config.years));
}

/** Shape checks of (unit, year), the caller's rights on the unit, and the year of the period. */
export function forUnit<T>(
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

/**
 * The submission's details as given (undefined/null: none said), trimmed; a document needs its
 * three fields, a real date and a Drive/Docs link.
 */
export function submitDetails(
  detailsIn: unknown,
): Failure | { figures?: FiguresKind; document?: NarrativeDocument } {
  if (detailsIn === undefined || detailsIn === null) return {};
  const parsed = detailsArg.safeParse(detailsIn);
  if (!parsed.success || parsed.data === null) return fail(SIDEBAR_MESSAGE.badDetails);
  const { figures, document } = parsed.data;
  if (!document) return { figures };
  const read = narrativeDocument(document.number, document.date, document.link);
  if ('problem' in read) return fail(SIDEBAR_MESSAGE.badDocument(read.problem));
  return read.document ? { figures, document: read.document } : { figures };
}
