// Submitting a year's report (district staff) and reviewing it (analysts): the submission record
// in the document properties, the status line, the approvals ledger and the year's lock.
import { rowNoun, type Config } from '../core/config';
import { unitYearFigures } from '../core/figures';
import type { FiguresKind, NarrativeDocument, Submission, SubmissionEvent } from '../core/types';
import type { ValidatedUnit } from '../core/validate';
import type { ProblemView, Result, SubmissionView } from '../shared/sidebarContract';
import { appendLedger, ledgerAccess } from '../sheets/approvalLedger';
import { SHEET } from '../sheets/layout';
import { protectUnitYear } from '../sheets/protection';
import { readUnit } from '../sheets/readUnits';
import { writeStatusLine } from '../sheets/statusLine';
import { queueSubmissionLog } from '../sheets/submissionLog';
import {
  findSubmission,
  readSubmissions,
  recordSubmissionEvent,
  writeOfficialRequest,
} from '../sheets/submissions';
import { appendLogRow } from '../sheets/logTab';
import { fail, ok, type Failure, type Session, type Target } from './sidebarGuards';
import { problemViews, submissionView } from './sidebarViews';

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

export function submit(
  session: Session,
  t: Target,
  year: number,
  details: { figures?: FiguresKind; document?: NarrativeDocument } = {},
): Result<SubmissionView> {
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
  // An agency has no area rows, so no figures to wait for (plan V.4: it reports all the same).
  const agency = config.units[t.index].kind === 'agency';
  if (!agency && unitYearFigures(config, validated, year).row.communesReported === 0) {
    return fail(
      `Chưa thể nộp báo cáo năm ${year}: trang "${config.units[t.index].tab}" chưa có số liệu năm ${year} của ${rowNoun(config.words)} nào.`,
    );
  }
  const at = new Date().toISOString();
  const submission = record(session, t, year, previous, {
    type: 'submitted',
    at,
    by: caller.email,
    ...(details.figures ? { figures: details.figures } : {}),
    ...(details.document ? { document: details.document } : {}),
  });
  return ok(submissionView(config, submission));
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

export function review(
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

/**
 * An analyst asks a unit whose latest figures are preliminary to submit the official ones (after
 * the yearly review). Only a report awaiting review: an approved report is final (its year is
 * locked), a returned one is already back with the district. The request is recorded apart from
 * the report (its state and timeliness do not change); the district's resubmission with official
 * figures answers it.
 */
export function requestOfficial(session: Session, t: Target, year: number): Result<SubmissionView> {
  const { ss, config, caller } = session;
  const current = findSubmission(readSubmissions(), t.name, year);
  if (!current || current.status === 'returned')
    return fail(`${t.name} chưa có báo cáo năm ${year} đang chờ duyệt.`);
  if (current.status === 'approved')
    return fail(
      `Báo cáo năm ${year} của ${t.name} đã được duyệt và số liệu năm ${year} đã khóa; không thể đề nghị nộp lại số liệu chính thức.`,
    );
  if (current.figures === 'official')
    return fail(`Báo cáo năm ${year} của ${t.name} đã nộp số liệu chính thức.`);
  const request = { at: new Date().toISOString(), by: caller.email };
  writeOfficialRequest(t.name, year, request);
  appendLogRow(
    ss,
    {
      at: request.at,
      by: caller.email,
      action: 'Đề nghị nộp số liệu chính thức',
      year,
      unit: t.name,
      detail: `Đề nghị ${t.name} nộp lại báo cáo năm ${year} với số liệu chính thức sau rà soát hộ nghèo; thời hạn nộp vẫn tính theo lần nộp đầu.`,
    },
    config.deadline.utcOffsetMinutes,
  );
  return ok(submissionView(config, current, request));
}
