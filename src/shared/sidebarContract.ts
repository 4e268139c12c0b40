// The contract between the sidebar (browser) and the server functions it calls through
// google.script.run. Only plain JSON crosses the wire: dates are ISO strings.

import type { FiguresKind, NarrativeDocument, Row } from '../core/types';

export type { FiguresKind, NarrativeDocument };

export type Role = 'analyst' | 'district' | 'unknown';

export interface ProblemView {
  sheet: string;
  cell: string;
  message: string;
  year?: number;
}

/**
 * The unit's summary row for the year (src/core/figures.ts), as far as the sidebar shows it:
 * reductions are null when the baseline is 0 or no commune has reported the year yet, and
 * progress is then 0.
 */
export type TargetProgress = Pick<
  Row,
  | 'poorBaseline'
  | 'nearPoorBaseline'
  | 'poor'
  | 'nearPoor'
  | 'poorReduction'
  | 'combinedReduction'
  | 'progress'
  | 'attained'
  | 'provisional'
  | 'communes'
  | 'communesReported'
>;

export interface SubmissionView {
  status: 'not_submitted' | 'submitted' | 'approved' | 'returned';
  /** ISO instant of the (latest) submission */
  submittedAt?: string;
  email?: string;
  /** strictly before 00:00 of the deadline day, local time */
  onTime?: boolean;
  /** ISO instant and e-mail of the last approval or return */
  reviewedAt?: string;
  reviewedBy?: string;
  /** only while the report is returned */
  returnReason?: string;
  /** of the latest submission, when it said: preliminary (sơ bộ) or official (chính thức) */
  figures?: FiguresKind;
  /** the district's narrative report given with the latest submission */
  document?: NarrativeDocument;
  /** an analyst asked for the official figures, and none were submitted since */
  officialRequested?: { at: string; by: string };
}

/**
 * What a district says when submitting: its figures' kind, and its narrative report (number,
 * date, and a link that must be a Google Drive or Docs address), or null.
 */
export interface SubmitDetails {
  figures: FiguresKind;
  document: NarrativeDocument | null;
}

export interface CompletenessRow {
  unit: string;
  expected: number;
  reported: number;
  status: 'on_time' | 'late' | 'missing';
  submission: SubmissionView;
}

export interface SidebarState {
  role: Role;
  /** the caller's e-mail, '' when Google withholds it */
  email: string;
  /** Vietnamese explanation when the caller has no rights */
  accessMessage?: string;
  /** units the caller may act on (district: their own; analyst: all) */
  units: string[];
  /** the unit shown (district: their own; analyst: the active tab's unit or the first) */
  unit: string | null;
  years: number[];
  year: number;
  /** ISO instant of the deadline for `year` (00:00 of 30/11 local) */
  deadline: string;
  /** whole days left until the deadline, negative when past */
  daysLeft: number;
  progress: TargetProgress | null;
  targets: { poorReduction: number; combinedReduction: number };
  submission: SubmissionView;
  awards: { name: string; authority: string }[];
  nominationTypes: string[];
  communes: string[];
  /** Cấu hình's words: "Toàn tỉnh", "xã, phường, thị trấn" and its first noun "xã" by default */
  words: { provinceRow: string; rowLevel: string; row: string };
  /** analysts only */
  completeness?: CompletenessRow[];
  /** analysts only: whether daily reminders are on, and the analyst who owns them */
  reminders?: ReminderView;
}

export interface ReminderView {
  on: boolean;
  owner: string | null;
}

export interface NominationInput {
  unit: string;
  year: number;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
}

export type Result<T> =
  { ok: true; value: T } | { ok: false; message: string; problems?: ProblemView[] };

/**
 * Server functions the sidebar may call (each is a top-level function in dist/Code.js). The server
 * checks every argument and the caller's rights on every call: a malformed argument, a unit the
 * caller may not act on, an analysts' action by anyone else, or an unknown caller gets
 * `{ ok: false, message }` in Vietnamese and changes nothing. `sidebarGetState(null, null)` gives
 * the caller's own unit (analysts: the active tab's) and the current year; an unknown caller gets
 * a read-only state with `accessMessage`.
 */
export interface SidebarApi {
  sidebarGetState(unit: string | null, year: number | null): Result<SidebarState>;
  sidebarCheckData(unit: string, year: number): Result<ProblemView[]>;
  sidebarSelectCell(sheet: string, cell: string): Result<true>;
  sidebarAddNomination(input: NominationInput): Result<{ id: string; row: number }>;
  sidebarSubmitReport(
    unit: string,
    year: number,
    details?: SubmitDetails | null,
  ): Result<SubmissionView>;
  sidebarConsolidate(year: number): Result<{ message: string }>;
  sidebarApproveReport(unit: string, year: number): Result<SubmissionView>;
  sidebarReturnReport(unit: string, year: number, reason: string): Result<SubmissionView>;
  /** Analysts: ask a unit whose figures are preliminary to submit its official ones. */
  sidebarRequestOfficial(unit: string, year: number): Result<SubmissionView>;
  /** Analysts: turn the daily reminders on or off; the message says what happened. */
  sidebarSetReminders(on: boolean): Result<ReminderView & { message: string }>;
}
