// Vietnamese wording and number/date formats of the sidebar (1.234; 85,3%; 30/11/2025).
import { VIETNAM_UTC_OFFSET_MINUTES } from '../core/deadline';
import { formatDateTimeVi, formatDateVi, formatInt, formatPercent } from '../core/format';
import type { CompletenessRow, SubmissionView } from '../shared/sidebarContract';

export const int = formatInt;

/** 0.625 → "62,5%"; null (baseline 0) → "—". */
export function percent(fraction: number | null): string {
  return fraction === null || !Number.isFinite(fraction) ? '—' : formatPercent(fraction, 1);
}

/** A target as configured: 0.8 → "80%", 0.655 → "65,5%". */
export function targetPercent(fraction: number): string {
  const tenths = Math.round(fraction * 1000);
  return formatPercent(fraction, tenths % 10 === 0 ? 0 : 1);
}

export function date(iso: string): string {
  return formatDateVi(iso, VIETNAM_UTC_OFFSET_MINUTES);
}

export function dateTime(iso: string | undefined): string {
  return iso ? formatDateTimeVi(iso, VIETNAM_UTC_OFFSET_MINUTES) : '';
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${formatInt(daysLeft)} ngày`;
  if (daysLeft === 0) return 'hôm nay là ngày cuối';
  return `đã quá hạn ${formatInt(-daysLeft)} ngày`;
}

/** "Hạn nộp: trước 30/11/2025 — còn 12 ngày". */
export function deadlineText(deadlineIso: string, daysLeft: number): string {
  const day = date(deadlineIso);
  return `Hạn nộp: ${day ? `trước ${day}` : 'chưa xác định'} — ${daysLeftText(daysLeft)}`;
}

export const SUBMISSION_LABEL: Record<SubmissionView['status'], string> = {
  not_submitted: 'Chưa nộp',
  submitted: 'Đã nộp, chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

export const TIMELINESS_LABEL: Record<CompletenessRow['status'], string> = {
  on_time: 'Đúng hạn',
  late: 'Muộn',
  missing: 'Chưa nộp',
};

/** "lúc 18/11/2025 09:15 bởi a@b.vn", leaving out what is unknown. */
function atBy(iso: string | undefined, who: string | undefined): string {
  const when = dateTime(iso);
  return [when && `lúc ${when}`, who && `bởi ${who}`].filter(Boolean).join(' ');
}

/** "Nộp lúc 18/11/2025 09:15 bởi a@b.vn — đúng hạn". */
export function submittedLine(s: SubmissionView): string {
  const timeliness = s.onTime === true ? ' — đúng hạn' : s.onTime === false ? ' — nộp muộn' : '';
  return `Nộp ${atBy(s.submittedAt, s.email)}`.trim() + timeliness;
}

export function reviewedLine(s: SubmissionView): string | null {
  const verb = s.status === 'approved' ? 'Duyệt' : s.status === 'returned' ? 'Trả lại' : null;
  if (!verb) return null;
  const detail = atBy(s.reviewedAt, s.reviewedBy);
  return detail ? `${verb} ${detail}` : null;
}
