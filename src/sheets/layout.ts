// The layout of every tab the add-on writes: sheet names, header texts, row and column
// positions, named ranges. Pure data computed from the configuration, so the builder (setup)
// and the readers agree, and tests can check positions without a spreadsheet.
import type { AwardLevel, Config } from '../core/config';
import { COUNT_FIELDS, COUNT_KEYS, CRITERIA_FIELDS, type CriteriaKey } from '../core/fields';
import type { CountField } from '../core/types';

export const SHEET = {
  guide: 'Hướng dẫn',
  config: 'Cấu hình',
  summary: 'Tổng hợp toàn tỉnh',
  report: 'Báo cáo năm',
  shortlist: 'Đề xuất khen thưởng',
  log: 'Nhật ký',
} as const;

/** Developer metadata key on every sheet the add-on owns; its value says which tab it is. */
export const SHEET_KEY = 'gn.sheet';
export const unitSheetTag = (unit: string): string => `unit:${unit}`;
/** SHEET_KEY values of the fixed tabs (unit tabs use `unitSheetTag`). */
export const SHEET_TAG = {
  guide: 'guide',
  config: 'config',
  summary: 'summary',
  report: 'report',
  shortlist: 'shortlist',
  log: 'log',
} as const;

/** Named ranges the formulas and the readers rely on. */
export const NAMED = {
  poorTarget: 'MUC_TIEU_GIAM_NGHEO',
  combinedTarget: 'MUC_TIEU_GIAM_NGHEO_CAN_NGHEO',
  deadline: 'HAN_NOP_BAO_CAO',
  config: 'GN_CAU_HINH',
  summary: 'GN_TONG_HOP',
  report: 'GN_BAO_CAO',
  shortlist: 'GN_DE_XUAT',
  log: 'GN_NHAT_KY',
} as const;

/** Named range over a unit tab's columns: found again after the tab is renamed. */
export const unitRangeName = (index: number): string =>
  `GN_DON_VI_${String(index + 1).padStart(2, '0')}`;

/** Column letter(s) of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const a1 = (row: number, column: number): string => `${columnLetter(column)}${row}`;

// ---------------------------------------------------------------------------------------------
// Cấu hình: the titles and labels the parser finds its way by (configTab.ts). The texts only
// the setup writes there (title, notes, table headers) are in configGrid.ts.

/** Columns used by Cấu hình (the widest table, CHUẨN NGHÈO, has 9). */
export const CONFIG_COLUMNS = 9;

/** Section titles, written in column A; the parser looks for them there. */
export const CONFIG_SECTION = {
  general: 'THÔNG TIN CHUNG',
  units: 'ĐƠN VỊ',
  communes: 'DANH MỤC XÃ',
  analysts: 'CÁN BỘ TỔNG HỢP (E-MAIL)',
  awards: 'HÌNH THỨC KHEN THƯỞNG',
  weights: 'TRỌNG SỐ CHẤM ĐIỂM',
  rules: 'QUY TẮC ĐỀ XUẤT',
  poverty: 'CHUẨN NGHÈO',
} as const;
export type ConfigSectionKey = keyof typeof CONFIG_SECTION;

export type GeneralKind = 'text' | 'date' | 'year' | 'years' | 'percent' | 'dayMonth' | 'integer';
export interface GeneralRow {
  key: string;
  label: string;
  kind: GeneralKind;
}

/** The key/value rows of THÔNG TIN CHUNG, in order. */
export const GENERAL_ROWS: readonly GeneralRow[] = [
  { key: 'province', label: 'Tỉnh', kind: 'text' },
  { key: 'planNumber', label: 'Số kế hoạch', kind: 'text' },
  { key: 'planDate', label: 'Ngày ban hành (dd/MM/yyyy)', kind: 'date' },
  { key: 'movementName', label: 'Tên phong trào', kind: 'text' },
  { key: 'baselineYear', label: 'Năm đầu kỳ', kind: 'year' },
  { key: 'years', label: 'Các năm của giai đoạn', kind: 'years' },
  { key: 'midTermYear', label: 'Năm sơ kết', kind: 'year' },
  { key: 'finalYear', label: 'Năm tổng kết', kind: 'year' },
  { key: 'targets.poorReduction', label: 'Mục tiêu giảm hộ nghèo (≥)', kind: 'percent' },
  {
    key: 'targets.combinedReduction',
    label: 'Mục tiêu giảm hộ nghèo và cận nghèo (>)',
    kind: 'percent',
  },
  { key: 'deadline', label: 'Hạn nộp báo cáo hằng năm (trước ngày)', kind: 'dayMonth' },
  { key: 'deadline.timeZone', label: 'Múi giờ', kind: 'text' },
  { key: 'deadline.utcOffsetMinutes', label: 'Chênh lệch so với giờ UTC (phút)', kind: 'integer' },
];

/** Vietnamese names of the award levels (column "Cấp"). */
export const AWARD_LEVEL_LABEL: Record<AwardLevel, string> = {
  nation: 'Nhà nước',
  government: 'Chính phủ',
  ministry: 'Bộ, ngành Trung ương',
  province: 'Tỉnh',
  department: 'Sở, ngành tỉnh',
  district: 'Huyện',
};

export type WeightKey = keyof Config['weights'];
export const WEIGHT_ROWS: readonly { key: WeightKey; label: string }[] = [
  { key: 'planIssued', label: 'Ban hành kế hoạch thực hiện phong trào' },
  { key: 'budgetAllocated', label: 'Bố trí kinh phí thực hiện' },
  { key: 'budgetSettled', label: 'Quyết toán kinh phí đúng hạn' },
  { key: 'reportsOnTime', label: 'Báo cáo định kỳ, đột xuất đúng hạn' },
  { key: 'resourcesMobilised', label: 'Nguồn lực huy động' },
  { key: 'initiatives', label: 'Sáng kiến, mô hình giảm nghèo' },
  { key: 'progress', label: 'Tiến độ đạt mục tiêu giảm nghèo' },
];

export type RuleKey = keyof Config['shortlistRules'];
export const RULE_ROWS: readonly { key: RuleKey; label: string }[] = [
  { key: 'unitAward', label: 'Hình thức đề xuất cho đơn vị đạt mục tiêu' },
  { key: 'unitTopN', label: 'Số đơn vị dẫn đầu được đề xuất' },
  { key: 'communeAward', label: 'Hình thức đề xuất cho xã đạt mục tiêu' },
];

// ---------------------------------------------------------------------------------------------
// Unit tab

/** Texts of the second header row, one per field of a year block. Readers match on these. */
export const FIELD_HEADER = {
  ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f.key, f.header])) as Record<CountField, string>),
  poorRate: 'Tỷ lệ hộ nghèo',
  poorReduction: 'Giảm hộ nghèo so với đầu kỳ',
  combinedReduction: 'Giảm hộ nghèo và cận nghèo',
  result: 'Kết quả',
  progress: 'Tiến độ',
} as const;
export type BlockField = keyof typeof FIELD_HEADER;

export const BASELINE_FIELDS: BlockField[] = ['households', 'poor', 'nearPoor', 'poorRate'];
export const YEAR_FIELDS: BlockField[] = [
  'households',
  'poor',
  'nearPoor',
  'poorExited',
  'poorReturned',
  'poorNew',
  'poorRate',
  'poorReduction',
  'combinedReduction',
  'result',
  'progress',
];
export const INPUT_FIELDS: BlockField[] = [...COUNT_KEYS];

export const UNIT_TEXT = {
  numberHeader: 'STT',
  communeHeader: 'Xã, phường, thị trấn',
  mergedIntoHeader: 'Sáp nhập vào xã',
  mergedYearHeader: 'Năm báo cáo cuối',
  baselineTitle: (year: number) => `Đầu kỳ (rà soát cuối năm ${year})`,
  yearTitle: (year: number) => `Năm ${year}`,
  spacer: '↑ Chèn thêm xã phía trên dòng này',
  total: 'Tổng cộng',
  criteriaTitle: 'TIÊU CHÍ THI ĐUA CỦA ĐƠN VỊ',
  criteriaHeader: 'Tiêu chí',
  nominationsTitle: 'ĐỀ CỬ KHEN THƯỞNG',
} as const;

/** Criteria rows, in order, with the label read back by the reader. */
export const CRITERIA_ROWS = CRITERIA_FIELDS.map((f) => ({
  key: f.key,
  label: f.rowLabel,
  kind: f.kind,
}));
export type { CriteriaKey };

export const NOMINATION_COLUMNS = [
  { key: 'id', header: 'Mã đề cử' },
  { key: 'year', header: 'Năm' },
  { key: 'type', header: 'Loại' },
  { key: 'name', header: 'Tên tập thể, cá nhân' },
  { key: 'commune', header: 'Xã / đơn vị' },
  { key: 'achievement', header: 'Tóm tắt thành tích' },
  { key: 'award', header: 'Hình thức đề nghị' },
] as const;
export type NominationKey = (typeof NOMINATION_COLUMNS)[number]['key'];

export const NOMINATION_TYPES = ['Tập thể', 'Cá nhân', 'Hộ gia đình', 'Doanh nghiệp, hợp tác xã'];
/** Empty nomination rows prepared at setup (more are appended by the sidebar). */
export const NOMINATION_BLANK_ROWS = 20;

export interface YearBlock {
  year: number;
  isBaseline: boolean;
  /** 1-based first column of the block */
  firstColumn: number;
  fields: BlockField[];
  column: Partial<Record<BlockField, number>>;
}

export interface UnitLayout {
  titleRow: number;
  statusRow: number;
  noteRow: number;
  headerRow: number; // first header row (block titles); the field names are on headerRow + 1
  firstCommuneRow: number;
  communeCount: number;
  spacerRow: number;
  totalRow: number;
  numberColumn: number;
  communeColumn: number;
  mergedIntoColumn: number;
  mergedYearColumn: number;
  blocks: YearBlock[];
  lastColumn: number;
  criteriaTitleRow: number;
  criteriaHeaderRow: number;
  firstCriteriaRow: number;
  nominationsTitleRow: number;
  nominationsHeaderRow: number;
  firstNominationRow: number;
  lastRow: number;
}

/** Where everything sits on a freshly built unit tab with `communeCount` communes. */
export function unitLayout(
  baselineYear: number,
  years: number[],
  communeCount: number,
): UnitLayout {
  const headerRow = 4;
  const firstCommuneRow = headerRow + 2;
  const spacerRow = firstCommuneRow + communeCount;
  const totalRow = spacerRow + 1;
  let column = 5;
  const blocks: YearBlock[] = [baselineYear, ...years].map((year, i) => {
    const fields = i === 0 ? BASELINE_FIELDS : YEAR_FIELDS;
    const block: YearBlock = { year, isBaseline: i === 0, firstColumn: column, fields, column: {} };
    fields.forEach((field, k) => (block.column[field] = column + k));
    column += fields.length;
    return block;
  });
  const criteriaTitleRow = totalRow + 2;
  const nominationsTitleRow = criteriaTitleRow + 2 + CRITERIA_ROWS.length + 1;
  return {
    titleRow: 1,
    statusRow: 2,
    noteRow: 3,
    headerRow,
    firstCommuneRow,
    communeCount,
    spacerRow,
    totalRow,
    numberColumn: 1,
    communeColumn: 2,
    mergedIntoColumn: 3,
    mergedYearColumn: 4,
    blocks,
    lastColumn: column - 1,
    criteriaTitleRow,
    criteriaHeaderRow: criteriaTitleRow + 1,
    firstCriteriaRow: criteriaTitleRow + 2,
    nominationsTitleRow,
    nominationsHeaderRow: nominationsTitleRow + 1,
    firstNominationRow: nominationsTitleRow + 2,
    lastRow: nominationsTitleRow + 1 + NOMINATION_BLANK_ROWS,
  };
}

/** Columns read from a unit tab: wide enough for the layout plus columns users may insert. */
export const UNIT_READ_COLUMNS = (layoutLastColumn: number): number => layoutLastColumn + 26;
