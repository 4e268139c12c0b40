// The contract between the sidebar (browser) and the server functions it calls through
// google.script.run. Only plain JSON crosses the wire: dates are ISO strings.

export type Role = 'analyst' | 'district' | 'unknown';

export interface ProblemView {
  sheet: string;
  cell: string;
  message: string;
  year?: number;
}

export interface TargetProgress {
  poorBaseline: number;
  nearPoorBaseline: number;
  poor: number;
  nearPoor: number;
  /** fractions, null when the baseline is 0 */
  poorReduction: number | null;
  combinedReduction: number | null;
  /** 0..1 */
  progress: number;
  attained: boolean;
  provisional: boolean;
  communes: number;
  communesReported: number;
}

export interface SubmissionView {
  status: 'not_submitted' | 'submitted' | 'approved' | 'returned';
  submittedAt?: string;
  email?: string;
  onTime?: boolean;
  reviewedAt?: string;
  reviewedBy?: string;
  returnReason?: string;
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
  /** analysts only */
  completeness?: CompletenessRow[];
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

export type Result<T> = { ok: true; value: T } | { ok: false; message: string; problems?: ProblemView[] };

/** Server functions the sidebar may call (each is a top-level function in dist/Code.js). */
export interface SidebarApi {
  sidebarGetState(unit: string | null, year: number | null): Result<SidebarState>;
  sidebarCheckData(unit: string, year: number): Result<ProblemView[]>;
  sidebarSelectCell(sheet: string, cell: string): Result<true>;
  sidebarAddNomination(input: NominationInput): Result<{ id: string; row: number }>;
  sidebarSubmitReport(unit: string, year: number): Result<SubmissionView>;
  sidebarConsolidate(year: number): Result<{ message: string }>;
  sidebarApproveReport(unit: string, year: number): Result<SubmissionView>;
  sidebarReturnReport(unit: string, year: number, reason: string): Result<SubmissionView>;
}
