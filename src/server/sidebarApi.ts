// The functions the sidebar calls through google.script.run: the entry points. Each checks its
// arguments and its caller first (sidebarGuards.ts), then reads or writes; every refusal is a
// Vietnamese message (a Result), never an exception.
import { rowNoun, type Config } from '../core/config';
import { normalizeName, sameName } from '../core/names';
import { upperFirst } from '../core/reportWords';
import { EVENT_LIMITS } from '../core/submissionRecord';
import type {
  NominationInput,
  ProblemView,
  ReminderView,
  Result,
  SidebarState,
  SubmissionView,
} from '../shared/sidebarContract';
import { NOMINATION_TYPES, unitRangeName } from '../sheets/layout';
import { appendNomination, ASK_SETUP } from '../sheets/nominationAppend';
import { readUnit } from '../sheets/readUnits';
import { readWorkbook, runConsolidation } from './consolidate';
import {
  analystOnly,
  CELL,
  checkYear,
  submitDetails,
  fail,
  forUnit,
  guarded,
  isFailure,
  MAX_NAME,
  nominationArg,
  noRights,
  ok,
  open,
  SIDEBAR_MESSAGE,
  targetUnit,
  unitArg,
  yearArg,
  type Failure,
  type Session,
} from './sidebarGuards';
import { requestOfficial, review, submit } from './sidebarReview';
import { defaultYear, problemViews, shownUnit, stateFor } from './sidebarViews';
import { withDocumentLock } from './entryPoint';
import { reminderStatus, setReminders } from './reminders';

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
    field('commune', `${upperFirst(rowNoun(config.words))} "${commune}" không thuộc ${unit.name}.`);
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
      return withDocumentLock(10000, fail(SIDEBAR_MESSAGE.busy), () => {
        const added = appendNomination(ss, config, t.index, input);
        return added.ok ? ok({ id: added.id, row: added.row }) : fail(added.message);
      });
    });
  });
}

export function sidebarSubmitReport(
  unitIn: unknown,
  yearIn: unknown,
  detailsIn?: unknown,
): Result<SubmissionView> {
  return guarded(() => {
    const details = submitDetails(detailsIn);
    if (isFailure(details)) return details;
    return forUnit(unitIn, yearIn, (session, t, year) => submit(session, t, year, details));
  });
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

function reviewCall(
  unitIn: unknown,
  yearIn: unknown,
  approve: boolean,
  reasonIn: unknown,
): Result<SubmissionView> {
  return guarded(() => {
    const reason = typeof reasonIn === 'string' ? reasonIn.trim() : '';
    if (!approve && (reason === '' || reason.length > EVENT_LIMITS.reason))
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

/** Analysts turn the daily reminders on or off (src/server/reminders.ts decides and answers). */
export function sidebarSetReminders(onIn: unknown): Result<ReminderView & { message: string }> {
  return guarded(() => {
    if (typeof onIn !== 'boolean')
      return fail('Yêu cầu không hợp lệ: hãy chọn bật hoặc tắt nhắc hạn.');
    const session = open();
    if (isFailure(session)) return session;
    const refused = analystOnly(session);
    if (refused) return refused;
    const { ss, config, caller } = session;
    const message = setReminders(ss, config, caller.email, onIn);
    return message === null ? fail(SIDEBAR_MESSAGE.busy) : ok({ ...reminderStatus(), message });
  });
}

/** Analysts ask a unit for its official figures (src/server/sidebarReview.ts). */
export function sidebarRequestOfficial(unitIn: unknown, yearIn: unknown): Result<SubmissionView> {
  return guarded(() =>
    forUnit(unitIn, yearIn, (session, t, year) => {
      const refused = analystOnly(session);
      if (refused) return refused;
      return withDocumentLock(10000, fail(SIDEBAR_MESSAGE.busy), () =>
        requestOfficial(session, t, year),
      );
    }),
  );
}
