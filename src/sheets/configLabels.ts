// Every title, label and column of Cấu hình, in one place: the parser (configTab.ts) finds its
// way by the section titles and row labels, the setup lays the tab out with them (configGrid.ts).
// What only the setup writes (the title, the notes, the table headers, the help texts) is in
// plain literals below the line: esbuild leaves them out of dist/Code.js, since only
// configGrid.ts uses them and tools/build.ts puts its grid in dist/SetupData.html.
import type { AwardClass, Config } from '../core/config';
import { CRITERIA_FIELDS } from '../core/fields';

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
  // Optional (configWords.ts): a Cấu hình without them takes the defaults.
  words: 'TỪ NGỮ HÀNH CHÍNH',
  report: 'BÁO CÁO NĂM: NGƯỜI KÝ, NƠI NHẬN',
  notes: 'NỘI DUNG BÁO CÁO (CÁN BỘ TỔNG HỢP VIẾT)',
} as const;
export type ConfigSectionKey = keyof typeof CONFIG_SECTION;
/** Sections a Cấu hình may lack (made before they existed). */
export const OPTIONAL_SECTIONS: ReadonlySet<ConfigSectionKey> = new Set([
  'words',
  'report',
  'notes',
]);

/** The columns of each list-like table, from column A. */
export const TABLE_COLUMNS = {
  units: ['name', 'tab', 'editors', 'kind', 'active'],
  communes: ['unit', 'commune'],
  analysts: ['email'],
  awards: ['name', 'authority', 'rank', 'class', 'subjectTypes', 'quota', 'priorAwards'],
  poverty: [
    'id',
    'decree',
    'fromYear',
    'toYear',
    'incomeLine.rural',
    'incomeLine.urban',
    'middleIncomeLine.rural',
    'middleIncomeLine.urban',
    'minDeficits',
  ],
} as const;
export type TableKey = keyof typeof TABLE_COLUMNS;
export type TableColumn<T extends TableKey> = (typeof TABLE_COLUMNS)[T][number];

/** 0-based column of `key` in `table`. */
export const columnOf = <T extends TableKey>(table: T, key: TableColumn<T>): number =>
  (TABLE_COLUMNS[table] as readonly string[]).indexOf(key);

/** Columns used by Cấu hình (the widest table, CHUẨN NGHÈO). */
export const CONFIG_COLUMNS = TABLE_COLUMNS.poverty.length;

export type GeneralKind =
  'text' | 'date' | 'year' | 'years' | 'percent' | 'dayMonth' | 'integer' | 'days';
export interface GeneralRow {
  key: string;
  label: string;
  kind: GeneralKind;
  /** The row may be missing (a Cấu hình of an earlier release): then the schema's default applies. */
  optional?: boolean;
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
  { key: 'locale', label: 'Định dạng vùng (locale)', kind: 'text', optional: true },
  {
    key: 'reminderDays',
    label: 'Ngày gửi nhắc hạn (số ngày trước hạn)',
    kind: 'days',
    optional: true,
  },
];

/** The DANH MỤC XÃ columns from 1-based row `first` to `last` (unit: A, commune: B). */
export function communeRanges(
  first: number,
  last: number,
): { communeUnits: string; communeNames: string } {
  const to = Math.max(first, last);
  return { communeUnits: `A${first}:A${to}`, communeNames: `B${first}:B${to}` };
}

/** Vietnamese names of the award classes (column "Thẩm quyền xét"). */
export const AWARD_CLASS_LABEL: Record<AwardClass, string> = {
  higher: 'Trình cấp trên',
  province: 'Tỉnh quyết định',
  other: 'Cấp khác quyết định',
};

/**
 * The "Cấp" (level) of the award table as Cấu hình wrote it before the classes, read as the
 * class it stands for, so a workbook set up then keeps working.
 */
export const FORMER_LEVEL_CLASS: Readonly<Record<string, AwardClass>> = {
  'Nhà nước': 'higher',
  'Chính phủ': 'higher',
  'Bộ, ngành Trung ương': 'higher',
  Tỉnh: 'province',
  'Sở, ngành tỉnh': 'province',
  Huyện: 'other',
};

/** Separator of the subject types in one cell ("Doanh nghiệp, hợp tác xã" holds a comma). */
export const SUBJECT_TYPE_SEPARATOR = '; ';

export type WeightKey = keyof Config['weights'];
/** The rows of TRỌNG SỐ CHẤM ĐIỂM: one per criterion (core/fields.ts), then the progress. */
export const WEIGHT_ROWS: readonly { key: WeightKey; label: string }[] = [
  ...CRITERIA_FIELDS.map((f) => ({ key: f.key, label: f.weightLabel })),
  { key: 'progress', label: 'Tiến độ đạt mục tiêu giảm nghèo' },
];

export type RuleKey = keyof Config['shortlistRules'];
export const RULE_ROWS: readonly { key: RuleKey; label: string }[] = [
  { key: 'unitAward', label: 'Hình thức đề xuất cho đơn vị đạt mục tiêu' },
  { key: 'communeAward', label: 'Hình thức đề xuất cho xã đạt mục tiêu' },
];

// ---------------------------------------------------------------------------------------------
// Only the setup writes these (configGrid.ts): keep them plain literals.

export const CONFIG_TITLE = 'CẤU HÌNH SỔ THEO DÕI PHONG TRÀO THI ĐUA "VÌ NGƯỜI NGHÈO"';
export const CONFIG_NOTE =
  'Trang này do cán bộ tổng hợp của tỉnh điền. Sửa giá trị ở cột B và các bảng bên dưới (có thể thêm dòng vào cuối mỗi bảng), ' +
  'không đổi các tiêu đề in đậm, rồi chạy menu Vì người nghèo → Khởi tạo / cập nhật sổ.';

/** Column C of THÔNG TIN CHUNG, by row key (none for the other rows). */
export const GENERAL_NOTES: Readonly<Record<string, string>> = {
  planNumber: 'Kế hoạch tổ chức phong trào của tỉnh',
  planDate: 'Ngày ban hành kế hoạch',
  baselineYear: 'Số liệu rà soát cuối năm này là mốc để so sánh',
  years: 'Các năm cách nhau bởi dấu phẩy, ví dụ 2022, 2023, 2024, 2025',
  'targets.poorReduction': 'Đạt khi số hộ nghèo giảm từ mức này trở lên so với đầu kỳ (80% là đạt)',
  'targets.combinedReduction':
    'Hoặc đạt khi tổng số hộ nghèo và cận nghèo giảm NHIỀU HƠN mức này (đúng 50% là chưa đạt)',
  deadline: 'Ngày/tháng; báo cáo nộp từ ngày này trở đi là trễ hạn',
  'deadline.timeZone': 'Múi giờ tính hạn nộp',
  'deadline.utcOffsetMinutes': 'Việt Nam: 420 (UTC+7)',
  reminderDays:
    'Các số cách nhau bởi dấu phẩy: 14 là 14 ngày trước hạn, -1 là ngày sau ngày hạn; để trống: không gửi nhắc hạn',
  locale: 'vi_VN: số 1.234,5, ngày 30/11/2025; khởi tạo sổ đặt bảng tính theo định dạng này',
};

/** The header row of each section, by column. */
export const SECTION_HEADER: {
  [K in ConfigSectionKey]: K extends TableKey ? Record<TableColumn<K>, string> : string[];
} = {
  general: ['Mục', 'Giá trị', 'Ghi chú'],
  units: {
    name: 'Đơn vị',
    tab: 'Trang tính',
    editors: 'E-mail cán bộ nhập liệu (cách nhau bởi dấu phẩy)',
    kind: 'Loại (Địa bàn / Cơ quan, tổ chức)',
    active: 'Tham gia (Có / Không)',
  },
  communes: { unit: 'Đơn vị', commune: 'Xã, phường, thị trấn' },
  analysts: { email: 'E-mail' },
  awards: {
    name: 'Hình thức',
    authority: 'Cấp quyết định',
    rank: 'Thứ hạng',
    class: 'Thẩm quyền xét',
    subjectTypes: 'Đối tượng được khen (cách nhau bởi dấu chấm phẩy)',
    quota: 'Số lượng tối đa mỗi năm (để trống: không giới hạn)',
    priorAwards: 'Khen thưởng thường phải có trước (để cán bộ kiểm tra)',
  },
  weights: ['Tiêu chí', 'Trọng số (điểm, tổng = 100)'],
  rules: ['Quy tắc', 'Giá trị'],
  words: ['Mục', 'Giá trị', 'Ghi chú'],
  report: ['Mục', 'Giá trị', 'Ghi chú'],
  notes: ['Năm', 'Mục', 'Nội dung (mỗi đoạn một dòng; Ctrl+Enter để xuống dòng)'],
  poverty: {
    id: 'Mã',
    decree: 'Nghị định',
    fromYear: 'Từ năm',
    toYear: 'Đến năm',
    'incomeLine.rural': 'Chuẩn nghèo nông thôn (đồng/người/tháng)',
    'incomeLine.urban': 'Chuẩn nghèo thành thị (đồng/người/tháng)',
    'middleIncomeLine.rural': 'Chuẩn mức sống trung bình nông thôn (đồng/người/tháng)',
    'middleIncomeLine.urban': 'Chuẩn mức sống trung bình thành thị (đồng/người/tháng)',
    minDeficits: 'Số chỉ số thiếu hụt tối thiểu',
  },
};

/** The "Loại" and "Tham gia" cells of ĐƠN VỊ. */
export const UNIT_KIND_LABEL = { area: 'Địa bàn', agency: 'Cơ quan, tổ chức' } as const;
export const UNIT_ACTIVE_LABEL = { yes: 'Có', no: 'Không' } as const;

/** Help texts of the data validations of Cấu hình. */
export const CONFIG_HELP = {
  level:
    'Trình cấp trên: tỉnh chỉ trình; Tỉnh quyết định: tỉnh khen; Cấp khác quyết định: không tính vào đề xuất của tỉnh.',
  award: 'Chọn một hình thức trong bảng HÌNH THỨC KHEN THƯỞNG.',
  count: 'Nhập số nguyên không âm.',
};
