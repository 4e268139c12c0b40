// The reporting deadline ("before 30/11", local time) and each unit's report status.
import type { Config } from './config';
import { sameName } from './names';
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

/** The submission that stands for a unit and year: the latest by time (undefined if none). */
export function latestSubmission(
  submissions: readonly Submission[],
  unit: string,
  year: number,
): Submission | undefined {
  let best: Submission | undefined;
  let bestT = -Infinity;
  for (const s of Array.isArray(submissions) ? submissions : []) {
    if (!s || typeof s !== 'object' || typeof s.unit !== 'string' || s.year !== year) continue;
    if (!sameName(s.unit, unit)) continue;
    const t = typeof s.submittedAt === 'string' ? Date.parse(s.submittedAt) : NaN;
    if (Number.isNaN(t)) continue;
    if (t >= bestT) {
      best = s;
      bestT = t;
    }
  }
  return best;
}

/**
 * on_time iff the latest submission is not returned and was made strictly before the
 * deadline instant; late if after; missing when there is none or the latest was returned
 * (a returned report counts as missing until it is submitted again).
 */
export function reportStatus(
  config: Config,
  submissions: readonly Submission[],
  unit: string,
  year: number,
): ReportStatus {
  const s = latestSubmission(submissions, unit, year);
  if (!s || s.status === 'returned') return 'missing';
  return Date.parse(s.submittedAt) < deadlineInstant(config, year).getTime() ? 'on_time' : 'late';
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
