// Cấu hình as the setup lays it out: the title, the notes, the table headers and the help texts,
// around the values of a configuration. Only the first setup writes Cấu hình, and always from
// the defaults, so tools/build.ts computes `configGrid(DEFAULT_CONFIG)` into dist/SetupData.html
// and this module stays out of dist/Code.js (configTab.ts writes the grid it is given).
import type { Config } from '../core/config';
import { formatDayMonth } from '../core/format';
import { asText } from './cellText';
import {
  AWARD_LEVEL_LABEL,
  CONFIG_SECTION,
  GENERAL_ROWS,
  RULE_ROWS,
  WEIGHT_ROWS,
  type ConfigSectionKey,
  type GeneralRow,
} from './layout';

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
  'targets.poorReduction':
    'Đạt khi số hộ nghèo giảm từ mức này trở lên so với đầu kỳ (80 % là đạt)',
  'targets.combinedReduction':
    'Hoặc đạt khi tổng số hộ nghèo và cận nghèo giảm NHIỀU HƠN mức này (đúng 50 % là chưa đạt)',
  deadline: 'Ngày/tháng; báo cáo nộp từ ngày này trở đi là trễ hạn',
  'deadline.timeZone': 'Múi giờ tính hạn nộp',
  'deadline.utcOffsetMinutes': 'Việt Nam: 420 (UTC+7)',
};

export const GENERAL_HEADER = ['Mục', 'Giá trị', 'Ghi chú'];
export const UNITS_HEADER = [
  'Đơn vị',
  'Trang tính',
  'E-mail cán bộ nhập liệu (cách nhau bởi dấu phẩy)',
];
export const COMMUNES_HEADER = ['Đơn vị', 'Xã, phường, thị trấn'];
export const ANALYSTS_HEADER = ['E-mail'];
export const AWARDS_HEADER = ['Hình thức', 'Cấp quyết định', 'Thứ hạng', 'Cấp'];
export const WEIGHTS_HEADER = ['Tiêu chí', 'Trọng số (điểm, tổng = 100)'];
export const RULES_HEADER = ['Quy tắc', 'Giá trị'];
export const POVERTY_HEADER = [
  'Mã',
  'Nghị định',
  'Từ năm',
  'Đến năm',
  'Chuẩn nghèo nông thôn (đồng/người/tháng)',
  'Chuẩn nghèo thành thị (đồng/người/tháng)',
  'Chuẩn mức sống trung bình nông thôn (đồng/người/tháng)',
  'Chuẩn mức sống trung bình thành thị (đồng/người/tháng)',
  'Số chỉ số thiếu hụt tối thiểu',
];

/** Help texts of the data validations of Cấu hình. */
export const CONFIG_HELP = {
  level: 'Chọn cấp khen thưởng trong danh sách.',
  award: 'Chọn một hình thức trong bảng HÌNH THỨC KHEN THƯỞNG.',
  count: 'Nhập số nguyên không âm.',
};

/** Where the cells the formulas and readers rely on sit on Cấu hình (1-based rows, A1 refs). */
export interface ConfigCells {
  poorTarget: string;
  combinedTarget: string;
  deadline: string;
  /** Last row with content. */
  lastRow: number;
}

/** Cấu hình as the setup writes it: plain JSON, so that the build can store it in SetupData. */
export interface ConfigGrid {
  /** Rows from A1, at most CONFIG_COLUMNS cells each (writeConfigGrid pads them with blanks). */
  values: (string | number)[][];
  /** Cells (1-based) holding a date as yyyy-mm-dd text, written as a date. */
  dates: { row: number; column: number }[];
  cells: ConfigCells;
  titleRow: number;
  noteRow: number;
  sectionRows: number[];
  headerRows: number[];
  /** A1 ranges by number format */
  formats: { format: string; ranges: string[] }[];
  /** A1 range of the "Cấp" cells of the award table */
  awardLevelRange: string;
  /** A1 range of the award names */
  awardNameRange: string;
  /** First row of the QUY TẮC ĐỀ XUẤT values (column B, one row per RULE_ROWS entry) */
  firstRuleRow: number;
  /** A1 range of the notes column of THÔNG TIN CHUNG */
  generalNoteRange: string;
  help: typeof CONFIG_HELP;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function generalValue(config: Config, row: GeneralRow): string | number {
  switch (row.key) {
    case 'province':
      return asText(config.province);
    case 'planNumber':
      return asText(config.planNumber);
    case 'planDate':
      return ISO_DATE.test(config.planDate) ? config.planDate : asText(config.planDate);
    case 'movementName':
      return asText(config.movementName);
    case 'baselineYear':
      return config.baselineYear;
    case 'years':
      return asText([...config.years].sort((a, b) => a - b).join(', '));
    case 'midTermYear':
      return config.midTermYear;
    case 'finalYear':
      return config.finalYear;
    case 'targets.poorReduction':
      return config.targets.poorReduction;
    case 'targets.combinedReduction':
      return config.targets.combinedReduction;
    case 'deadline':
      return asText(formatDayMonth(config.deadline.day, config.deadline.month));
    case 'deadline.timeZone':
      return asText(config.deadline.timeZone);
    case 'deadline.utcOffsetMinutes':
      return config.deadline.utcOffsetMinutes;
    default:
      return '';
  }
}

/** The whole Cấu hình grid for a configuration (pure). */
export function configGrid(config: Config): ConfigGrid {
  const rows: (string | number)[][] = [];
  const push = (cells: (string | number)[]): number => rows.push(cells);
  const sectionRows: number[] = [];
  const headerRows: number[] = [];
  const dates: ConfigGrid['dates'] = [];
  const fmt = new Map<string, string[]>();
  const addFormat = (format: string, range: string) =>
    fmt.set(format, [...(fmt.get(format) ?? []), range]);
  const section = (key: ConfigSectionKey, header: string[]) => {
    if (rows.length > 0) push([]);
    sectionRows.push(push([CONFIG_SECTION[key]]));
    headerRows.push(push(header));
  };

  const titleRow = push([CONFIG_TITLE]);
  const noteRow = push([CONFIG_NOTE]);
  section('general', GENERAL_HEADER);
  const cells: ConfigCells = { poorTarget: '', combinedTarget: '', deadline: '', lastRow: 0 };
  let firstGeneral = 0;
  for (const g of GENERAL_ROWS) {
    const value = generalValue(config, g);
    const r = push([g.label, value, GENERAL_NOTES[g.key] ?? '']);
    if (!firstGeneral) firstGeneral = r;
    if (g.kind === 'percent') addFormat('0%', `B${r}`);
    if (g.kind === 'year' || g.kind === 'integer') addFormat('0', `B${r}`);
    if (g.kind === 'date') {
      addFormat('dd/MM/yyyy', `B${r}`);
      // asText's apostrophe keeps any other text from looking like a date here.
      if (ISO_DATE.test(String(value))) dates.push({ row: r, column: 2 });
    }
    if (g.key === 'targets.poorReduction') cells.poorTarget = `B${r}`;
    if (g.key === 'targets.combinedReduction') cells.combinedTarget = `B${r}`;
    if (g.key === 'deadline') cells.deadline = `B${r}`;
  }
  const generalNoteRange = `C${firstGeneral}:C${rows.length}`;

  section('units', UNITS_HEADER);
  for (const u of config.units) push([asText(u.name), asText(u.tab), asText(u.editors.join(', '))]);

  section('communes', COMMUNES_HEADER);
  for (const u of config.units) for (const c of u.communes) push([asText(u.name), asText(c)]);

  section('analysts', ANALYSTS_HEADER);
  for (const e of config.analysts) push([asText(e)]);
  // Room to type the first e-mails without inserting rows.
  if (config.analysts.length === 0) push([]);

  section('awards', AWARDS_HEADER);
  const firstAward = rows.length + 1;
  for (const a of config.awards) {
    const r = push([asText(a.name), asText(a.authority), a.rank, AWARD_LEVEL_LABEL[a.level]]);
    addFormat('0', `C${r}`);
  }
  const lastAward = rows.length;
  const awardLevelRange = `D${firstAward}:D${Math.max(firstAward, lastAward) + 5}`;
  const awardNameRange = `A${firstAward}:A${Math.max(firstAward, lastAward)}`;

  section('weights', WEIGHTS_HEADER);
  for (const w of WEIGHT_ROWS) {
    const r = push([w.label, config.weights[w.key]]);
    addFormat('0', `B${r}`);
  }

  section('rules', RULES_HEADER);
  const firstRuleRow = rows.length + 1;
  for (const rule of RULE_ROWS) {
    const v = config.shortlistRules[rule.key];
    const r = push([rule.label, typeof v === 'string' ? asText(v) : v]);
    if (typeof v !== 'string') addFormat('0', `B${r}`);
  }

  section('poverty', POVERTY_HEADER);
  for (const s of config.povertyStandards) {
    const r = push([
      asText(s.id),
      asText(s.decree),
      s.fromYear,
      s.toYear,
      s.incomeLine.rural,
      s.incomeLine.urban,
      s.middleIncomeLine.rural,
      s.middleIncomeLine.urban,
      s.minDeficits,
    ]);
    addFormat('0', `C${r}:D${r}`);
    addFormat('#,##0', `E${r}:H${r}`);
    addFormat('0', `I${r}`);
  }
  cells.lastRow = rows.length;
  return {
    values: rows,
    dates,
    cells,
    titleRow,
    noteRow,
    sectionRows,
    headerRows,
    formats: [...fmt.entries()].map(([format, ranges]) => ({ format, ranges })),
    awardLevelRange,
    awardNameRange,
    firstRuleRow,
    generalNoteRange,
    help: CONFIG_HELP,
  };
}
