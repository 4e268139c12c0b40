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

export type NominationType = 'Tập thể' | 'Cá nhân' | 'Hộ gia đình' | 'Doanh nghiệp, hợp tác xã';

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

/** A year's report submitted from the sidebar (kept in document properties). */
export interface Submission {
  unit: string;
  year: number;
  /** ISO 8601 instant */
  submittedAt: string;
  email: string;
  /** set by an analyst */
  status: 'submitted' | 'approved' | 'returned';
  reviewedAt?: string;
  reviewedBy?: string;
  returnReason?: string;
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
  rank: number;
  reportStatus: ReportStatus;
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

export interface ShortlistEntry {
  id: string;
  district: string;
  type: NominationType | string;
  name: string;
  award: string;
  authority: string;
  eligible: boolean;
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
  /** Short Vietnamese reasons why it cannot be eligible (e.g. "thiếu tên"); empty when none. */
  issues: string[];
  /** The same findings as full problems with cell references. */
  problems: Problem[];
}

/** A merged-away commune: its last row (year) names the successor. */
export interface Merger {
  commune: string;
  into: string;
  year: number;
}
