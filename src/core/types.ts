// Shared data shapes of the pure core. The sheets layer turns grids into these raw shapes
// (keeping the A1 cell of every field) and the core decides everything from them.

/** One problem found in the data: where it is and what to do, in Vietnamese. */
export interface Problem {
  /** Tab name (or "CSV" for a file line). */
  sheet: string;
  /** A1 reference inside that tab, e.g. "E7" (or "dòng 12" for a CSV line). */
  cell: string;
  /** Vietnamese message that names the tab, the cell and what to do. */
  message: string;
  /** The year the problem belongs to, when it belongs to one (decides provisional figures). */
  year?: number;
}

export type CountField =
  'households' | 'poor' | 'nearPoor' | 'poorExited' | 'poorReturned' | 'poorNew';

export type RecordField = 'commune' | 'year' | CountField | 'mergedInto';

/** A commune-year as read from the grid: values are whatever the cells held. */
export interface RawCommuneYear {
  /** Unit (district) name as written in Cấu hình or the CSV. */
  unit: string;
  /** Tab the row lives on. */
  sheet: string;
  commune: unknown;
  year: unknown;
  households: unknown;
  poor: unknown;
  nearPoor: unknown;
  poorExited: unknown;
  poorReturned: unknown;
  poorNew: unknown;
  /** Successor commune's name on a merged-away commune's last row, else blank. */
  mergedInto: unknown;
  /** A1 cell of each field, for messages. */
  cells: Record<RecordField, string>;
}

/** A validated commune-year. */
export interface CommuneYear {
  unit: string;
  commune: string;
  year: number;
  households: number;
  poor: number;
  nearPoor: number;
  poorExited: number | null;
  poorReturned: number | null;
  poorNew: number | null;
  mergedInto: string | null;
}

export type YesNo = boolean | null;

/** Criteria block of one unit for one year (plan 2396, criteria b). */
export interface RawCriteria {
  unit: string;
  sheet: string;
  year: number;
  /** "Có" / "Không" / blank */
  planIssued: unknown;
  budgetAllocated: unknown;
  budgetSettled: unknown;
  reportsOnTime: unknown;
  /** resources mobilised, million VND */
  resourcesMobilised: unknown;
  /** number of initiatives / models */
  initiatives: unknown;
  cells: Record<
    | 'planIssued'
    | 'budgetAllocated'
    | 'budgetSettled'
    | 'reportsOnTime'
    | 'resourcesMobilised'
    | 'initiatives',
    string
  >;
}

/** The kinds of subject a nomination names (the unit tab's "Loại đối tượng"). */
export const NOMINATION_TYPES = [
  'Tập thể',
  'Cá nhân',
  'Hộ gia đình',
  'Doanh nghiệp, hợp tác xã',
] as const;
export type NominationType = (typeof NOMINATION_TYPES)[number];

export interface RawNomination {
  unit: string;
  sheet: string;
  id: unknown;
  type: unknown;
  name: unknown;
  commune: unknown;
  achievement: unknown;
  award: unknown;
  year: unknown;
  cells: Record<'id' | 'type' | 'name' | 'commune' | 'achievement' | 'award' | 'year', string>;
}

/** Whether a submission's figures are preliminary (sơ bộ) or official (chính thức). */
export type FiguresKind = 'preliminary' | 'official';

/** The district's narrative report that goes with a submission (number, date, link). */
export interface NarrativeDocument {
  number: string;
  /** As typed (dd/mm/yyyy or yyyy-mm-dd). */
  date: string;
  link: string;
}

/** One event of a unit's yearly report, in the order it happened (ISO 8601 instants). */
export type SubmissionEvent =
  | {
      type: 'submitted';
      at: string;
      by: string;
      figures?: FiguresKind;
      document?: NarrativeDocument;
    }
  | { type: 'returned'; at: string; by: string; reason: string }
  | { type: 'approved'; at: string; by: string };

export type SubmittedEvent = Extract<SubmissionEvent, { type: 'submitted' }>;

/**
 * The record of a unit's yearly report (one per unit and year, in the document properties).
 * The top-level fields are its current state: the latest submission and the latest review after
 * it (derived from `events`, src/core/submissionRecord.ts). `events` is the history, oldest first;
 * a record written before the history was kept has none and stands for its own state.
 */
export interface Submission {
  unit: string;
  year: number;
  /** ISO 8601 instant of the latest submission */
  submittedAt: string;
  email: string;
  /** the latest event: submitted, or reviewed by an analyst */
  status: 'submitted' | 'approved' | 'returned';
  reviewedAt?: string;
  reviewedBy?: string;
  returnReason?: string;
  /** of the latest submission, when it said */
  figures?: FiguresKind;
  document?: NarrativeDocument;
  /** Every event, oldest first (absent in records written before the history was kept). */
  events?: SubmissionEvent[];
  /** Events left out of `events` to keep the record small (none of them decides anything). */
  omitted?: number;
}

/** Everything read from one unit's tab. */
export interface UnitInput {
  unit: string;
  sheet: string;
  rows: RawCommuneYear[];
  criteria: RawCriteria[];
  nominations: RawNomination[];
  submissions: Submission[];
  /** Problems the sheets layer found in the layout itself (missing header, missing tab...). */
  layoutProblems: Problem[];
}

/**
 * Where a unit (or the province) is heading at the current pace (src/core/outlook.ts): the
 * expected households in the final year of the period, whether the target would then be
 * attained, and the constant yearly reduction of poor households still needed.
 */
export interface Outlook {
  /** Expected poor households in the final year (whole households). */
  poor: number;
  nearPoor: number;
  attained: boolean;
  /** Fraction (0.25 = 25 % fewer poor households every year); 0 when already attained; null when no year is left. */
  neededYearlyReduction: number | null;
}

/** One row of the summary, as in summary.json (PRODUCT.md). */
export interface Row {
  name: string;
  communes: number;
  communesReported: number;
  households: number;
  poorBaseline: number;
  nearPoorBaseline: number;
  poor: number;
  nearPoor: number;
  poorReduction: number | null;
  combinedReduction: number | null;
  attained: boolean;
  provisional: boolean;
  progress: number;
  communesAttained: number;
  score: number | null;
  /** null when fewer than two years are reported (the baseline and a later year). */
  outlook: Outlook | null;
}

export type ReportStatus = 'on_time' | 'late' | 'missing';

export interface DistrictRow extends Row {
  /** 'agency': a department or organisation with no figures, outside every total (PRODUCT.md). */
  kind?: 'area' | 'agency';
  rank: number;
  reportStatus: ReportStatus;
  /** Of the latest submission not returned; null when none counts or it did not say. */
  figuresStatus: FiguresKind | null;
  /** The district's narrative report given with a submission not returned (the latest). */
  narrativeReport: NarrativeDocument | null;
  errors: { cell: string; message: string }[];
}

export interface TrendPoint {
  year: number;
  poor: number;
  nearPoor: number;
  households: number;
  poorReduction: number | null;
  combinedReduction: number | null;
  progress: number;
  provisional: boolean;
}

export interface Summary {
  province: string;
  year: number;
  baselineYear: number;
  generatedAt: string;
  districts: DistrictRow[];
  total: Row;
  /** Province totals for the baseline and every year of the period that has data. */
  trend: TrendPoint[];
}

/** Where an entry of the shortlist stands (PRODUCT.md, "The award shortlist"). */
export type ShortlistStatus =
  'eligible' | 'not_eligible' | 'to_higher_level' | 'other_authority' | 'duplicate';

/** The conditions an entry may fail, in the order PRODUCT.md lists them (and `unmet` lists them). */
export const UNMET_CODES = [
  'target',
  'provisional',
  'plan',
  'budget_allocated',
  'budget_settled',
  'report_late',
  'report_missing',
  'other_reports',
  'criteria_unknown',
  'achievement',
  'award_unknown',
  'type_not_allowed',
  'quota',
] as const;
export type UnmetCode = (typeof UNMET_CODES)[number];

/** Whether an entry counts among the province's proposals: its own or forwarded to a higher level. */
export const countsForProvince = (e: { status: ShortlistStatus }): boolean =>
  e.status === 'eligible' || e.status === 'to_higher_level';

/** One entry of shortlist.json, its keys in the order of PRODUCT.md. */
export interface ShortlistEntry {
  id: string;
  district: string;
  type: NominationType | string;
  name: string;
  award: string;
  authority: string;
  status: ShortlistStatus;
  /** true only for `eligible` */
  eligible: boolean;
  /** The codes of the conditions that fail; empty when none. */
  unmet: UnmetCode[];
  /** The kept entry's id when `status` is `duplicate`, else null. */
  duplicateOf: string | null;
  reason: string;
  evidence: string;
}

/** Criteria of one unit for one year, parsed (invalid values are null and listed as problems). */
export interface Criteria {
  unit: string;
  year: number;
  planIssued: YesNo;
  budgetAllocated: YesNo;
  budgetSettled: YesNo;
  reportsOnTime: YesNo;
  /** million VND */
  resourcesMobilised: number | null;
  initiatives: number | null;
}

/** A finding on a nomination as typed: the condition it fails and why, in a few words. */
export interface NominationIssue {
  code: UnmetCode;
  text: string;
}

/** A nomination, parsed. Invalid ones are kept with their issues so the shortlist can say why. */
export interface Nomination {
  /** The id typed on the tab, else a stable id derived from its content ("ĐV-…"). */
  id: string;
  unit: string;
  sheet: string;
  type: string;
  name: string;
  commune: string | null;
  achievement: string;
  award: string;
  year: number | null;
  /** Why it cannot be eligible: a condition code and a short Vietnamese reason; empty when none. */
  issues: NominationIssue[];
  /** The same findings as full problems with cell references. */
  problems: Problem[];
}

/** A merged-away commune: its last row (year) names the successor. */
export interface Merger {
  commune: string;
  into: string;
  year: number;
}
