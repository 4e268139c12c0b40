// The status line (row 2 of a unit tab): where the district sees whether its report was
// submitted, approved or returned, and why.
import type { Config } from '../core/config';
import { formatDateTimeVi } from '../core/format';
import { timingOf } from '../core/deadline';
import { submissionDetails } from '../core/submissionDetails';
import { countedSubmission } from '../core/submissionRecord';
import type { Submission } from '../core/types';
import { asText } from './cellText';
import { unitLayout, unitRangeName } from './layout';

/**
 * True when the submission that counts (the first not returned: src/core/submissionRecord.ts)
 * was made strictly before 00:00 of the deadline day (local time); for a returned report, which
 * has none, whether its latest submission was.
 */
export function isOnTime(config: Config, s: Submission): boolean {
  const at = countedSubmission(s)?.at ?? s.submittedAt;
  return timingOf(config, s.year, at) === 'on_time';
}

export function statusText(config: Config, s: Submission): string {
  const at = (iso: string) => formatDateTimeVi(iso, config.deadline.utcOffsetMinutes);
  const counted = countedSubmission(s);
  const first =
    counted && counted.at !== s.submittedAt ? `tính hạn theo lần nộp lúc ${at(counted.at)}, ` : '';
  const submitted = `đã nộp lúc ${at(s.submittedAt)} bởi ${s.email || 'người dùng không xác định'} (${first}${isOnTime(config, s) ? 'đúng hạn' : 'nộp muộn'})`;
  const reviewed = at(s.reviewedAt ?? s.submittedAt);
  const said = detailsText(s);
  if (s.status === 'approved')
    return `Báo cáo năm ${s.year}: ${submitted}${said}; đã được duyệt lúc ${reviewed}, số liệu năm ${s.year} đã khóa.`;
  if (s.status === 'returned') {
    const reason = (s.returnReason ?? '').trim().replace(/[.。]+$/u, '');
    return `Báo cáo năm ${s.year}: bị trả lại lúc ${reviewed}. Lý do: ${reason}. Hãy sửa và nộp lại.`;
  }
  return `Báo cáo năm ${s.year}: ${submitted}${said}.`;
}

/** After the status, which figures the unit submitted (when it said). */
export const FIGURES_TEXT = {
  preliminary: 'số liệu sơ bộ',
  official: 'số liệu chính thức',
} as const;

/**
 * "; số liệu sơ bộ; báo cáo số 15/BC-UBND ngày 20/11/2025": what the summary says too
 * (core/submissionDetails.ts: the latest live submission, the latest one with a report).
 */
function detailsText(s: Submission): string {
  const { figuresStatus, narrativeReport: d } = submissionDetails([s], s.unit, s.year);
  const figures = figuresStatus ? FIGURES_TEXT[figuresStatus] : '';
  const document = d ? `báo cáo số ${d.number} ngày ${d.date}` : '';
  return [figures, document].map((t) => (t ? `; ${t}` : '')).join('');
}

/** Rewrites the status line of unit `index` (1 lookup, 1 write). False when the tab is missing. */
export function writeStatusLine(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
  index: number,
  submission: Submission,
): boolean {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return false;
  const row = unitLayout(config.baselineYear, config.years, 0).statusRow;
  range
    .getSheet()
    .getRange(row, 1)
    .setValue(asText(statusText(config, submission)));
  return true;
}
