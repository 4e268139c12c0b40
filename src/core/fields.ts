// The input fields of a unit, in one place: what validation names in its messages, what the
// unit tab shows as column headers or row labels, what the CSV files call them. The reader, the
// layout, validation and the CLI all read these tables.
import type { CountField } from './types';

export interface CountFieldInfo {
  key: CountField;
  /** Column header on the unit tab (second header row); the reader matches on it. */
  header: string;
  /** The field inside a sentence of a message. */
  label: string;
  /** Column of the commune-year CSV. */
  csv: string;
  /** households, poor and near-poor must be filled; the movement may be left blank. */
  required: boolean;
}

/** The counts of a commune-year, in the order the unit tab shows them. */
export const COUNT_FIELDS: readonly CountFieldInfo[] = [
  {
    key: 'households',
    header: 'Tổng số hộ',
    label: 'tổng số hộ',
    csv: 'households',
    required: true,
  },
  { key: 'poor', header: 'Hộ nghèo', label: 'số hộ nghèo', csv: 'poor', required: true },
  {
    key: 'nearPoor',
    header: 'Hộ cận nghèo',
    label: 'số hộ cận nghèo',
    csv: 'near_poor',
    required: true,
  },
  {
    key: 'poorExited',
    header: 'Thoát nghèo',
    label: 'số hộ thoát nghèo',
    csv: 'poor_exited',
    required: false,
  },
  {
    key: 'poorReturned',
    header: 'Tái nghèo',
    label: 'số hộ tái nghèo',
    csv: 'poor_returned',
    required: false,
  },
  {
    key: 'poorNew',
    header: 'Phát sinh mới',
    label: 'số hộ nghèo phát sinh',
    csv: 'poor_new',
    required: false,
  },
];

export const COUNT_KEYS: readonly CountField[] = COUNT_FIELDS.map((f) => f.key);
export const REQUIRED_COUNTS: readonly CountField[] = COUNT_FIELDS.filter((f) => f.required).map(
  (f) => f.key,
);
export const MOVEMENT_COUNTS: readonly CountField[] = COUNT_FIELDS.filter((f) => !f.required).map(
  (f) => f.key,
);

/** The label of a count field inside a sentence ("số hộ nghèo"). */
export function countLabel(key: CountField): string {
  return COUNT_FIELDS.find((f) => f.key === key)?.label ?? key;
}

export type CriteriaKey =
  | 'planIssued'
  | 'budgetAllocated'
  | 'budgetSettled'
  | 'reportsOnTime'
  | 'resourcesMobilised'
  | 'initiatives';

export interface CriteriaFieldInfo {
  key: CriteriaKey;
  /** yes/no ("Có"/"Không"), a whole number, or an amount that may have decimals. */
  kind: 'yesNo' | 'whole' | 'amount';
  /** Row label of the criteria block on the unit tab; the reader matches on it. */
  rowLabel: string;
  /** The criterion inside a sentence of a message. */
  label: string;
  /** Row label of the scoring weights table on Cấu hình; the parser matches on it. */
  weightLabel: string;
}

/** The criteria of a unit for a year (plan 2396, III.1.b), in the order the unit tab shows them. */
export const CRITERIA_FIELDS: readonly CriteriaFieldInfo[] = [
  {
    key: 'planIssued',
    kind: 'yesNo',
    rowLabel: 'Ban hành kế hoạch thực hiện phong trào (Có/Không)',
    label: 'tiêu chí ban hành kế hoạch thực hiện',
    weightLabel: 'Ban hành kế hoạch thực hiện phong trào',
  },
  {
    key: 'budgetAllocated',
    kind: 'yesNo',
    rowLabel: 'Bố trí kinh phí thực hiện (Có/Không)',
    label: 'tiêu chí bố trí kinh phí',
    weightLabel: 'Bố trí kinh phí thực hiện',
  },
  {
    key: 'budgetSettled',
    kind: 'yesNo',
    rowLabel: 'Quyết toán kinh phí đúng hạn (Có/Không)',
    label: 'tiêu chí quyết toán kinh phí đúng hạn',
    weightLabel: 'Quyết toán kinh phí đúng hạn',
  },
  {
    key: 'reportsOnTime',
    kind: 'yesNo',
    rowLabel: 'Báo cáo định kỳ, đột xuất đúng hạn (Có/Không)',
    label: 'tiêu chí báo cáo định kỳ, đột xuất đúng hạn',
    weightLabel: 'Báo cáo định kỳ, đột xuất đúng hạn',
  },
  {
    key: 'resourcesMobilised',
    kind: 'amount',
    rowLabel: 'Nguồn lực huy động (triệu đồng)',
    label: 'nguồn lực huy động (triệu đồng)',
    weightLabel: 'Nguồn lực huy động',
  },
  {
    key: 'initiatives',
    kind: 'whole',
    rowLabel: 'Số sáng kiến, mô hình giảm nghèo',
    label: 'số sáng kiến, mô hình',
    weightLabel: 'Sáng kiến, mô hình giảm nghèo',
  },
];
