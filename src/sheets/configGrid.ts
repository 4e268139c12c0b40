// Cấu hình as the setup lays it out: the title, the notes, the table headers and the help texts
// (configLabels.ts) around the values of a configuration. Only the first setup writes Cấu hình,
// and always from the defaults, so tools/build.ts computes `configGrid(DEFAULT_CONFIG)` into
// dist/SetupData.html and this module stays out of dist/Code.js (configTab.ts writes the grid it
// is given).
import type { Config } from '../core/config';
import { formatDayMonth } from '../core/format';
import { asText } from './cellText';
import {
  AWARD_CLASS_LABEL,
  SUBJECT_TYPE_SEPARATOR,
  CONFIG_HELP,
  CONFIG_NOTE,
  CONFIG_SECTION,
  CONFIG_TITLE,
  GENERAL_NOTES,
  GENERAL_ROWS,
  RULE_ROWS,
  SECTION_HEADER,
  TABLE_COLUMNS,
  UNIT_ACTIVE_LABEL,
  UNIT_KIND_LABEL,
  WEIGHT_ROWS,
  type ConfigSectionKey,
  columnOf,
  communeRanges,
  type GeneralRow,
  type TableColumn,
} from './configLabels';
import { formatRuns, type Columns } from './columns';
import { NOTE_COLUMNS, REPORT_ROWS, WORD_ROWS } from './configWords';
import { NOTE_KEYS, NOTE_LABEL } from '../core/reportNotes';
import { columnLetter } from './layout';

/** Where the cells the formulas and readers rely on sit on Cấu hình (1-based rows, A1 refs). */
export interface ConfigCells {
  poorTarget: string;
  combinedTarget: string;
  deadline: string;
  /** The unit and commune columns of DANH MỤC XÃ (A1 ranges), down to the next section. */
  communeUnits: string;
  communeNames: string;
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
  /** A1 range of the "Thẩm quyền xét" cells of the award table */
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

/** Number formats of the poverty standards' columns (the others keep the default). */
const POVERTY_FORMAT: Partial<Record<TableColumn<'poverty'>, string>> = {
  fromYear: '0',
  toYear: '0',
  'incomeLine.rural': '#,##0',
  'incomeLine.urban': '#,##0',
  'middleIncomeLine.rural': '#,##0',
  'middleIncomeLine.urban': '#,##0',
  minDeficits: '0',
};

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
    case 'reminderDays':
      return asText(config.reminderDays.join(', '));
    case 'locale':
      return asText(config.locale);
    default:
      return '';
  }
}

/** The grid as it is being built: rows, and what the writer needs to know about them. */
class GridBuilder {
  readonly rows: (string | number)[][] = [];
  readonly sectionRows: number[] = [];
  readonly headerRows: number[] = [];
  readonly dates: ConfigGrid['dates'] = [];
  private readonly formats = new Map<string, string[]>();

  /** Appends a row; returns its 1-based number. */
  push(cells: (string | number)[]): number {
    return this.rows.push(cells);
  }

  format(format: string, range: string): void {
    this.formats.set(format, [...(this.formats.get(format) ?? []), range]);
  }

  /** A blank row (except first), the section's title and its header row. */
  section(key: ConfigSectionKey): void {
    if (this.rows.length > 0) this.push([]);
    this.sectionRows.push(this.push([CONFIG_SECTION[key]]));
    const header = SECTION_HEADER[key];
    this.headerRows.push(
      this.push(
        Array.isArray(header)
          ? header
          : (TABLE_COLUMNS[key as keyof typeof TABLE_COLUMNS] as readonly string[]).map(
              (c) => (header as Record<string, string>)[c],
            ),
      ),
    );
  }

  formatList(): ConfigGrid['formats'] {
    return [...this.formats.entries()].map(([format, ranges]) => ({ format, ranges }));
  }
}

/** THÔNG TIN CHUNG; returns the cells named ranges point at and the notes' range. */
function generalSection(g: GridBuilder, config: Config) {
  g.section('general');
  const cells: ConfigCells = {
    poorTarget: '',
    combinedTarget: '',
    deadline: '',
    communeUnits: '',
    communeNames: '',
    lastRow: 0,
  };
  let firstGeneral = 0;
  for (const row of GENERAL_ROWS) {
    const value = generalValue(config, row);
    const r = g.push([row.label, value, GENERAL_NOTES[row.key] ?? '']);
    if (!firstGeneral) firstGeneral = r;
    if (row.kind === 'percent') g.format('0%', `B${r}`);
    if (row.kind === 'year' || row.kind === 'integer') g.format('0', `B${r}`);
    if (row.kind === 'date') {
      g.format('dd/MM/yyyy', `B${r}`);
      // asText's apostrophe keeps any other text from looking like a date here.
      if (ISO_DATE.test(String(value))) g.dates.push({ row: r, column: 2 });
    }
    if (row.key === 'targets.poorReduction') cells.poorTarget = `B${r}`;
    if (row.key === 'targets.combinedReduction') cells.combinedTarget = `B${r}`;
    if (row.key === 'deadline') cells.deadline = `B${r}`;
  }
  return { cells, generalNoteRange: `C${firstGeneral}:C${g.rows.length}` };
}

/** ĐƠN VỊ, DANH MỤC XÃ and CÁN BỘ TỔNG HỢP; the communes' ranges into `cells`. */
function peopleSections(g: GridBuilder, config: Config, cells: ConfigCells): void {
  g.section('units');
  const every = [...config.units, ...config.inactiveUnits];
  for (const u of every)
    g.push([
      asText(u.name),
      asText(u.tab),
      asText(u.editors.join(', ')),
      UNIT_KIND_LABEL[u.kind ?? 'area'],
      u.active === false ? UNIT_ACTIVE_LABEL.no : UNIT_ACTIVE_LABEL.yes,
    ]);
  g.section('communes');
  const first = g.rows.length + 1;
  for (const u of every) for (const c of u.communes) g.push([asText(u.name), asText(c)]);
  // Down to the blank row before the next title: a row inserted there stays inside.
  Object.assign(cells, communeRanges(first, g.rows.length + 1));
  g.section('analysts');
  for (const e of config.analysts) g.push([asText(e)]);
  // Room to type the first e-mails without inserting rows.
  if (config.analysts.length === 0) g.push([]);
}

/** A row with each value in its table column (0-based), the columns between left blank. */
function rowIn<K extends string>(
  columns: Record<K, number>,
  values: Record<K, string | number>,
): (string | number)[] {
  const keys = Object.keys(columns) as K[];
  const row: (string | number)[] = new Array(Math.max(...keys.map((k) => columns[k])) + 1).fill('');
  for (const key of keys) row[columns[key]] = values[key];
  return row;
}

/** Rows under the award table that get its formats and its level's choices, for awards added later. */
const AWARD_ROOM = 5;

/** HÌNH THỨC KHEN THƯỞNG; returns the ranges of the levels and the names. */
function awardsSection(g: GridBuilder, config: Config) {
  g.section('awards');
  const first = g.rows.length + 1;
  const columns = Object.fromEntries(
    TABLE_COLUMNS.awards.map((key) => [key, columnOf('awards', key)]),
  ) as Record<TableColumn<'awards'>, number>;
  for (const a of config.awards)
    g.push(
      rowIn(columns, {
        name: asText(a.name),
        authority: asText(a.authority),
        rank: a.rank,
        class: AWARD_CLASS_LABEL[a.class],
        subjectTypes: asText(a.subjectTypes.join(SUBJECT_TYPE_SEPARATOR)),
        quota: a.quota ?? '',
        priorAwards: asText(a.priorAwards),
      }),
    );
  const last = Math.max(first, g.rows.length);
  const column = (key: TableColumn<'awards'>) => columnLetter(columns[key] + 1);
  const range = (key: TableColumn<'awards'>, to: number) =>
    `${column(key)}${first}:${column(key)}${to}`;
  // The rank and the quota as whole numbers: one range per column.
  g.format('0', range('rank', last));
  g.format('0', range('quota', last + AWARD_ROOM));
  return {
    awardLevelRange: range('class', last + AWARD_ROOM),
    awardNameRange: range('name', last),
  };
}

/** TRỌNG SỐ CHẤM ĐIỂM and QUY TẮC ĐỀ XUẤT; returns the first rule row. */
function scoringSections(g: GridBuilder, config: Config): number {
  g.section('weights');
  for (const w of WEIGHT_ROWS) g.format('0', `B${g.push([w.label, config.weights[w.key]])}`);
  g.section('rules');
  const firstRuleRow = g.rows.length + 1;
  for (const rule of RULE_ROWS) {
    const v = config.shortlistRules[rule.key];
    const r = g.push([rule.label, typeof v === 'string' ? asText(v) : v]);
    if (typeof v !== 'string') g.format('0', `B${r}`);
  }
  return firstRuleRow;
}

/** CHUẨN NGHÈO. */
function povertySection(g: GridBuilder, config: Config): void {
  g.section('poverty');
  const columns: Columns = Object.fromEntries(
    TABLE_COLUMNS.poverty.map((key) => [key, [SECTION_HEADER.poverty[key], POVERTY_FORMAT[key]]]),
  );
  for (const s of config.povertyStandards) {
    const r = g.push([
      asText(s.id),
      asText(s.decree),
      s.fromYear,
      s.toYear,
      s.incomeLine.rural,
      s.incomeLine.urban,
      s.middleIncomeLine.rural ?? '',
      s.middleIncomeLine.urban ?? '',
      s.minDeficits,
    ]);
    for (const { format, first, last } of formatRuns(columns)) {
      const from = `${columnLetter(first)}${r}`;
      g.format(format, first === last ? from : `${from}:${columnLetter(last)}${r}`);
    }
  }
}

/** TỪ NGỮ HÀNH CHÍNH, BÁO CÁO NĂM and NỘI DUNG BÁO CÁO (a row per year and section, to fill). */
function reportSections(g: GridBuilder, config: Config): void {
  g.section('words');
  for (const w of WORD_ROWS) g.push([w.label, asText(config.words[w.key]), w.note]);
  g.section('report');
  for (const r of REPORT_ROWS) {
    const v = config.report[r.key];
    g.push([r.label, asText(Array.isArray(v) ? v.join('; ') : v), r.note]);
  }
  g.section('notes');
  for (const year of [...config.years].sort((a, b) => a - b))
    for (const key of NOTE_KEYS)
      g.push(rowIn(NOTE_COLUMNS, { year, section: NOTE_LABEL[key], text: '' }));
}

/** The whole Cấu hình grid for a configuration (pure). */
export function configGrid(config: Config): ConfigGrid {
  const g = new GridBuilder();
  const titleRow = g.push([CONFIG_TITLE]);
  const noteRow = g.push([CONFIG_NOTE]);
  const { cells, generalNoteRange } = generalSection(g, config);
  peopleSections(g, config, cells);
  const { awardLevelRange, awardNameRange } = awardsSection(g, config);
  const firstRuleRow = scoringSections(g, config);
  povertySection(g, config);
  reportSections(g, config);
  cells.lastRow = g.rows.length;
  return {
    values: g.rows,
    dates: g.dates,
    cells,
    titleRow,
    noteRow,
    sectionRows: g.sectionRows,
    headerRows: g.headerRows,
    formats: g.formatList(),
    awardLevelRange,
    awardNameRange,
    firstRuleRow,
    generalNoteRange,
    help: CONFIG_HELP,
  };
}
