// The reporting deadline ("before 30/11", local time) and each unit's report status.
import type { Config } from './config';
import { formatDateVi } from './format';
import { sameName } from './names';
import { countedSubmission } from './submissionRecord';
import type { ReportStatus, Submission } from './types';

/**
 * The first instant that is late: 00:00 local time on the deadline day of `year`, computed
 * with the configured fixed UTC offset (Asia/Ho_Chi_Minh has no daylight saving time; no Intl).
 * Default: 30/11/2025 00:00 +07:00 = 2025-11-29T17:00:00Z.
 */
export function deadlineInstant(config: Config, year: number): Date {
  const { day, month, utcOffsetMinutes } = config.deadline;
  return new Date(Date.UTC(year, month - 1, day) - utcOffsetMinutes * 60000);
}

/** "trước ngày 30/11/2025": the deadline as the reports, the shortlist and the reminders word it. */
export function deadlineDateText(config: Config, year: number): string {
  const first = deadlineInstant(config, year).toISOString();
  return `trước ngày ${formatDateVi(first, config.deadline.utcOffsetMinutes)}`;
}

/**
 * The record of a unit's report for a year: the workbook keeps one per unit and year
 * (src/sheets/submissions.ts). Names compare as sameName; anything that is not a record with a
 * readable time is ignored.
 */
export function submissionFor(
  submissions: readonly Submission[],
  unit: string,
  year: number,
): Submission | undefined {
  return (Array.isArray(submissions) ? submissions : []).find(
    (s) =>
      s &&
      typeof s === 'object' &&
      typeof s.unit === 'string' &&
      s.year === year &&
      sameName(s.unit, unit) &&
      typeof s.submittedAt === 'string' &&
      !Number.isNaN(Date.parse(s.submittedAt)),
  );
}

/** on_time when `at` is strictly before the deadline instant of `year`, else late. */
export function timingOf(config: Config, year: number, at: string): 'on_time' | 'late' {
  return Date.parse(at) < deadlineInstant(config, year).getTime() ? 'on_time' : 'late';
}

/**
 * The report's status from the submission that counts (src/core/submissionRecord.ts): on_time
 * when it was made strictly before the deadline instant, late after it, missing when there is
 * none (never submitted, or returned and not submitted again).
 */
export function reportStatus(
  config: Config,
  submissions: readonly Submission[],
  unit: string,
  year: number,
): ReportStatus {
  const counted = countedSubmission(submissionFor(submissions, unit, year));
  return counted ? timingOf(config, year, counted.at) : 'missing';
}

/** Whole days from `nowIso` to the deadline (negative once past), counted in local dates. */
export function daysLeft(config: Config, year: number, nowIso: string): number {
  const off = config.deadline.utcOffsetMinutes * 60000;
  const now = Date.parse(nowIso);
  if (Number.isNaN(now)) return NaN;
  const localDay = Math.floor((now + off) / 86400000);
  const deadlineDay = Math.floor((deadlineInstant(config, year).getTime() + off) / 86400000);
  return deadlineDay - localDay;
}

/** Việt Nam's offset from UTC (UTC+7, no daylight saving): the default of Cấu hình. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/** The calendar year at `nowIso` in local time (`offsetMinutes` from UTC). */
export function localYear(offsetMinutes: number, nowIso: string): number {
  return new Date(Date.parse(nowIso) + offsetMinutes * 60000).getUTCFullYear();
}
