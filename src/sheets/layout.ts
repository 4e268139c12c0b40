// The layout of every tab the add-on writes: sheet names, header texts, row and column
// positions, named ranges. Pure data computed from the configuration, so the builder (setup)
// and the readers agree, and tests can check positions without a spreadsheet.
import { COUNT_FIELDS, COUNT_KEYS, CRITERIA_FIELDS, REQUIRED_COUNTS } from '../core/fields';
import { rowNoun } from '../core/config';
import { upperFirst } from '../core/reportWords';

export const SHEET = {
  guide: 'Hướng dẫn',
  config: 'Cấu hình',
  summary: 'Tổng hợp toàn tỉnh',
  report: 'Báo cáo năm',
  review: 'Báo cáo sơ kết, tổng kết',
  shortlist: 'Đề xuất khen thưởng',
  annex: 'Danh sách đề nghị khen thưởng',
  log: 'Nhật ký',
  approvals: 'Sổ duyệt báo cáo',
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
  review: 'review',
  shortlist: 'shortlist',
  annex: 'annex',
  log: 'log',
  approvals: 'approvals',
} as const;

/** Named ranges the formulas and the readers rely on. */
export const NAMED = {
  poorTarget: 'MUC_TIEU_GIAM_NGHEO',
  combinedTarget: 'MUC_TIEU_GIAM_NGHEO_CAN_NGHEO',
  deadline: 'HAN_NOP_BAO_CAO',
  config: 'GN_CAU_HINH',
  /** The unit and commune columns of Cấu hình's DANH MỤC XÃ: the unit tabs check names there. */
  communeUnits: 'GN_XA_DON_VI',
  communeNames: 'GN_XA_TEN',
  summary: 'GN_TONG_HOP',
  report: 'GN_BAO_CAO',
  shortlist: 'GN_DE_XUAT',
  log: 'GN_NHAT_KY',
  approvals: 'GN_SO_DUYET',
} as const;

/** The tag of the tab each named range must lie on (a new name must say where it lies). */
export const NAMED_TAG: Record<keyof typeof NAMED, string> = {
  poorTarget: SHEET_TAG.config,
  combinedTarget: SHEET_TAG.config,
  deadline: SHEET_TAG.config,
  config: SHEET_TAG.config,
  communeUnits: SHEET_TAG.config,
  communeNames: SHEET_TAG.config,
  summary: SHEET_TAG.summary,
  report: SHEET_TAG.report,
  shortlist: SHEET_TAG.shortlist,
  log: SHEET_TAG.log,
  approvals: SHEET_TAG.approvals,
};

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
// Unit tab

const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';
/** A row's validity for a block (unitFormulas.ts): 1 valid, 0 in error, -1 nothing typed. */
const STATUS_FORMAT = '"✓";"";"Lỗi"';

/**
 * The fields of a year block, in order: the counts typed in (core/fields.ts), then the columns
 * the formulas compute, the row's validity last. `header` is the second header row's text
 * (readers match on it).
 */
const BLOCK_FIELDS = [
  ...COUNT_FIELDS.map((f) => ({ key: f.key, header: f.header, format: COUNT_FORMAT })),
  { key: 'poorRate', header: 'Tỷ lệ hộ nghèo', format: PERCENT_FORMAT },
  { key: 'poorReduction', header: 'Giảm hộ nghèo so với đầu kỳ', format: PERCENT_FORMAT },
  { key: 'combinedReduction', header: 'Giảm hộ nghèo và cận nghèo', format: PERCENT_FORMAT },
  { key: 'result', header: 'Kết quả', format: COUNT_FORMAT },
  { key: 'progress', header: 'Tiến độ', format: PERCENT_FORMAT },
  { key: 'status', header: 'Kiểm tra', format: STATUS_FORMAT },
] as const;
export type BlockField = (typeof BLOCK_FIELDS)[number]['key'];

export const FIELD_HEADER = Object.fromEntries(
  BLOCK_FIELDS.map((f) => [f.key, f.header]),
) as Record<BlockField, string>;
export const FIELD_FORMAT = Object.fromEntries(
  BLOCK_FIELDS.map((f) => [f.key, f.format]),
) as Record<BlockField, string>;

/** The baseline block has the required counts, the poor rate and the validity. */
const BASELINE_FIELDS: BlockField[] = [...REQUIRED_COUNTS, 'poorRate', 'status'];
const YEAR_FIELDS: BlockField[] = BLOCK_FIELDS.map((f) => f.key);
export const INPUT_FIELDS: readonly BlockField[] = COUNT_KEYS;

export const UNIT_TEXT = {
  numberHeader: 'STT',
  mergedYearHeader: 'Năm báo cáo cuối',
  baselineTitle: (year: number) => `Đầu kỳ (rà soát cuối năm ${year})`,
  yearTitle: (year: number) => `Năm ${year}`,
  total: 'Tổng cộng',
  criteriaTitle: 'TIÊU CHÍ THI ĐUA CỦA ĐƠN VỊ',
  criteriaHeader: 'Tiêu chí',
  nominationsTitle: 'ĐỀ CỬ KHEN THƯỞNG',
  /** Between the unit's name and the rest of the tab's title (setupText.ts unit.title). */
  titleSeparator: ' — ',
} as const;

/** The words of a unit tab that name its rows, from Cấu hình's `words.rowLevel`. */
export interface UnitWords {
  communeHeader: string;
  mergedIntoHeader: string;
  nameCheckHeader: string;
  spacer: string;
  /** The number of configured rows, on the total row under "Năm báo cáo cuối". */
  communeCountFormat: string;
  /** The row's name check (unitFormulas.ts): 1 ok, 0 not on Cấu hình, -1 unknown successor. */
  nameCheckFormat: string;
}

/**
 * "xã, phường, thị trấn" (the default) gives "Xã, phường, thị trấn", "Sáp nhập vào xã",
 * "Kiểm tra tên xã", "↑ Chèn thêm xã phía trên dòng này", `0" xã"`; "thôn, tổ dân phố" gives
 * "Thôn, tổ dân phố", "Sáp nhập vào thôn", "↑ Chèn thêm thôn…".
 */
export function unitWords(rowLevel: string): UnitWords {
  const noun = rowNoun({ rowLevel });
  return {
    communeHeader: upperFirst(rowLevel),
    mergedIntoHeader: `Sáp nhập vào ${noun}`,
    nameCheckHeader: `Kiểm tra tên ${noun}`,
    spacer: `↑ Chèn thêm ${noun} phía trên dòng này`,
    communeCountFormat: `0" ${noun}"`,
    nameCheckFormat: `"✓";"Lỗi ${noun} sáp nhập";"Lỗi tên ${noun}"`,
  };
}

/** The spacer row's label, whatever the rows' noun ("↑ Chèn thêm xã phía trên dòng này"). */
export const isSpacerLabel = (label: string): boolean =>
  /^↑ Chèn thêm .+ phía trên dòng này$/.test(label);
/** The merger column's header, whatever the rows' noun ("Sáp nhập vào xã"). */
export const isMergedIntoHeader = (label: string): boolean => /^Sáp nhập vào .+$/.test(label);
/** The name check column's header, whatever the rows' noun ("Kiểm tra tên xã"). */
export const isNameCheckHeader = (label: string): boolean => /^Kiểm tra tên .+$/.test(label);

export const blockTitle = (block: { year: number; isBaseline: boolean }): string =>
  block.isBaseline ? UNIT_TEXT.baselineTitle(block.year) : UNIT_TEXT.yearTitle(block.year);

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
/** Width of the criteria block (a label column, then one per year) and the nominations block. */
export const blocksWidth = (years: number): number =>
  Math.max(NOMINATION_COLUMNS.length, years + 1);

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
  /** The row's name check (a formula), after the last block: are the commune and its successor on Cấu hình? */
  nameCheckColumn: number;
  blocks: YearBlock[];
  lastColumn: number;
  criteriaTitleRow: number;
  /** The years of the period, from `criteriaYearColumn` on; the criteria labels in column A. */
  criteriaHeaderRow: number;
  criteriaYearColumn: number;
  firstCriteriaRow: number;
  nominationsTitleRow: number;
  nominationsHeaderRow: number;
  firstNominationRow: number;
  lastRow: number;
}

/**
 * The rows of the criteria and nominations blocks from their titles' rows (1-based; a title's
 * row of -1, not found, gives -1 for its block), and the last row of the nominations' blank rows.
 */
export function blockRows(criteriaTitleRow: number, nominationsTitleRow: number) {
  const below = (row: number, k: number): number => (row < 0 ? -1 : row + k);
  return {
    criteriaTitleRow,
    criteriaHeaderRow: below(criteriaTitleRow, 1),
    firstCriteriaRow: below(criteriaTitleRow, 2),
    nominationsTitleRow,
    nominationsHeaderRow: below(nominationsTitleRow, 1),
    firstNominationRow: below(nominationsTitleRow, 2),
    lastRow: below(nominationsTitleRow, 1 + NOMINATION_BLANK_ROWS),
  };
}

/** The blocks of a fresh tab: the criteria block's title on `criteriaTitleRow`, then the nominations. */
const freshBlockRows = (criteriaTitleRow: number) =>
  blockRows(criteriaTitleRow, criteriaTitleRow + 2 + CRITERIA_FIELDS.length + 1);

/** The year blocks from column `first` on, each with `fieldsOf(isBaseline)`. */
function yearBlocks(
  years: number[],
  first: number,
  fieldsOf: (isBaseline: boolean) => BlockField[],
): YearBlock[] {
  let column = first;
  return years.map((year, i) => {
    const fields = fieldsOf(i === 0);
    const block: YearBlock = { year, isBaseline: i === 0, firstColumn: column, fields, column: {} };
    fields.forEach((field, k) => (block.column[field] = column + k));
    column += fields.length;
    return block;
  });
}

/**
 * The blocks of a unit tab as the previous release laid them out: from column E, without any
 * "Kiểm tra" column nor the name check column. Setup upgrades such a tab in place (unitTab.ts).
 */
export function legacyBlocks(baselineYear: number, years: number[]): YearBlock[] {
  const without = (fields: BlockField[]) => fields.filter((f) => f !== 'status');
  return yearBlocks([baselineYear, ...years], 5, (isBaseline) =>
    without(isBaseline ? BASELINE_FIELDS : YEAR_FIELDS),
  );
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
  const blocks = yearBlocks([baselineYear, ...years], 5, (isBaseline) =>
    isBaseline ? BASELINE_FIELDS : YEAR_FIELDS,
  );
  const last = blocks[blocks.length - 1];
  // The name check comes after the last block: an upgrade of a previous release's tab inserts
  // columns only to the right of column H, so the criteria and nominations blocks stay put.
  const nameCheckColumn = last.firstColumn + last.fields.length;
  const column = nameCheckColumn + 1;
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
    nameCheckColumn,
    blocks,
    lastColumn: column - 1,
    criteriaYearColumn: 2,
    ...freshBlockRows(totalRow + 2),
  };
}

/**
 * An agency's tab (a department or organisation with no area rows): the title, status and note
 * rows, then the criteria and nominations blocks; no commune table, so every row of the table
 * (header, communes, spacer, total) is 0. As wide as a unit tab, so its named range is too.
 */
export function agencyLayout(baselineYear: number, years: number[]): UnitLayout {
  return {
    ...unitLayout(baselineYear, years, 0),
    headerRow: 0,
    firstCommuneRow: 0,
    spacerRow: 0,
    totalRow: 0,
    ...freshBlockRows(5),
  };
}

/** Columns read from a unit tab: wide enough for the layout plus columns users may insert. */
export const UNIT_READ_COLUMNS = (layoutLastColumn: number): number => layoutLastColumn + 26;
