// Reads the Cấu hình grid back into a configuration. Everything is found by section titles and
// row labels (configLabels.ts), never by fixed row numbers, so analysts may add rows to a table
// or move a section. One finder for the sections, one parser per section; every value keeps the
// cell it came from, so the schema's messages name it.
import {
  AWARD_CLASSES,
  NOMINATION_TYPES,
  parseConfig,
  type AwardClass,
  type Config,
} from '../core/config';
import type { Problem } from '../core/types';
import { isBlank } from '../core/values';
import type { ConfigCells } from './configGrid';
import type { NoteKey, ReportNote } from '../core/reportNotes';
import {
  AWARD_CLASS_LABEL,
  FORMER_LEVEL_CLASS,
  CONFIG_SECTION,
  OPTIONAL_SECTIONS,
  GENERAL_ROWS,
  RULE_ROWS,
  WEIGHT_ROWS,
  UNIT_ACTIVE_LABEL,
  UNIT_KIND_LABEL,
  TABLE_COLUMNS,
  columnOf,
  communeRanges,
  type ConfigSectionKey as SectionKey,
  type GeneralRow,
  type TableColumn,
  type TableKey,
} from './configLabels';
import {
  cellText,
  fold,
  splitList,
  stripParen,
  toDayMonth,
  toIsoDate,
  toNumber,
  toPercent,
  toText,
  toYears,
  toDays,
} from './configValues';
import {
  NOTE_BY_LABEL,
  NOTE_COLUMNS,
  REPORT_ROWS,
  WORD_ROWS,
  splitRecipients,
} from './configWords';
import { SHEET, a1 } from './layout';

export type ReadConfigResult =
  | { ok: true; config: Config; cells: ConfigCells; notes: ReportNote[] }
  | { ok: false; problems: Problem[] };

type Grid = readonly (readonly unknown[])[];
type Input = Record<string, unknown>;

const SECTION_ORDER = Object.keys(CONFIG_SECTION) as SectionKey[];

interface Section {
  /** 0-based row of the title */
  titleRow: number;
  /** 0-based indexes of the data rows (after the header row, blank rows skipped) */
  rows: number[];
}

/** What the parsers share: the grid, its sections, the problems so far and each path's cell. */
interface Reading {
  values: Grid;
  sections: Map<SectionKey, Section>;
  problems: Problem[];
  /** Config path ("units[2].tab") → A1 cell. */
  cells: Map<string, string>;
}

const get = (x: Reading, row0: number, col0: number): unknown => x.values[row0]?.[col0] ?? '';
const at = (row0: number, col0: number): string => a1(row0 + 1, col0 + 1);
const rowsOf = (x: Reading, key: SectionKey): number[] => x.sections.get(key)?.rows ?? [];
const mark = (x: Reading, path: string, row0: number, col0: number): void => {
  x.cells.set(path, at(row0, col0));
};

/** Sets `path` ("incomeLine.rural") in `target`, making the inner object when needed. */
function setPath(target: Input, path: string, value: unknown): void {
  const [head, tail] = path.split('.');
  if (tail === undefined) target[head] = value;
  else ((target[head] ??= {}) as Input)[tail] = value;
}

/**
 * The data rows of a list table, each with its cells by column key; every cell is marked under
 * its path: the first column under the item itself ("units[2]"), the others under its fields
 * ("units[2].tab").
 */
function listRows<T extends TableKey>(x: Reading, table: T, path: string) {
  const columns: readonly TableColumn<T>[] = TABLE_COLUMNS[table];
  return rowsOf(x, table).map((r, i) => {
    const item = `${path}[${i + 1}]`;
    const value = {} as Record<TableColumn<T>, unknown>;
    columns.forEach((key, c) => {
      value[key] = get(x, r, c);
      mark(x, c === 0 ? item : `${item}.${key}`, r, c);
    });
    return { item, value };
  });
}

function own(x: Reading, cell: string, label: string, text: string): void {
  x.problems.push({
    sheet: SHEET.config,
    cell,
    message: `Trang "${SHEET.config}", ô ${cell}, mục "${label}": ${text}. Hãy sửa lại trên trang "${SHEET.config}".`,
  });
}

const missingRow = (x: Reading, key: SectionKey, cell: string, label: string): void =>
  own(x, cell, label, `thiếu dòng "${label}" trong bảng ${CONFIG_SECTION[key]}`);

/** Sections by their title in column A, in any order; each ends at the next title found. */
function findSections(values: Grid): Map<SectionKey, Section> {
  const titles = new Map<string, SectionKey>(
    SECTION_ORDER.map((k) => [fold(CONFIG_SECTION[k]), k]),
  );
  const starts: { key: SectionKey; row: number }[] = [];
  values.forEach((row, i) => {
    const key = titles.get(fold(row[0]));
    if (key && !starts.some((s) => s.key === key)) starts.push({ key, row: i });
  });
  const sections = new Map<SectionKey, Section>();
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].row : values.length;
    const filled: number[] = [];
    for (let r = s.row + 1; r < end; r++) if (!(values[r] ?? []).every(isBlank)) filled.push(r);
    // The first filled row is the table's header.
    sections.set(s.key, { titleRow: s.row, rows: filled.slice(1) });
  });
  return sections;
}

/** The value of one THÔNG TIN CHUNG row, parsed by its kind, into `input` (or a problem). */
function putGeneral(x: Reading, input: Input, g: GeneralRow, raw: unknown, cell: string): void {
  const set = (value: unknown) => setPath(input, g.key, value);
  switch (g.kind) {
    case 'text':
      return set(toText(raw));
    case 'year':
    case 'integer':
      return set(toNumber(raw));
    case 'percent':
      return set(toPercent(raw));
    case 'date': {
      const iso = toIsoDate(raw);
      if (iso === null) own(x, cell, g.label, 'phải là ngày dạng dd/MM/yyyy, ví dụ 12/08/2022');
      else set(iso);
      return;
    }
    case 'years': {
      const list = toYears(raw);
      if (list === null)
        own(
          x,
          cell,
          g.label,
          'phải là các năm cách nhau bởi dấu phẩy, ví dụ 2022, 2023, 2024, 2025',
        );
      else set(list);
      return;
    }
    case 'days': {
      const days = toDays(raw);
      if (days === null)
        own(x, cell, g.label, 'phải là các số ngày cách nhau bởi dấu phẩy, ví dụ 14, 7, 3, 1, -1');
      else set(days);
      return;
    }
    case 'dayMonth': {
      const dm = toDayMonth(raw);
      if (dm === null) own(x, cell, g.label, 'phải là ngày/tháng, ví dụ 30/11');
      else Object.assign(input.deadline as Input, dm);
    }
  }
}

/** THÔNG TIN CHUNG: rows by label (with or without the label's parenthesis). */
function readGeneral(x: Reading, input: Input): Map<string, string> {
  const byLabel = new Map<string, GeneralRow>();
  for (const g of GENERAL_ROWS) {
    byLabel.set(fold(g.label), g);
    byLabel.set(fold(stripParen(g.label)), g);
  }
  const found = new Map<string, { raw: unknown; cell: string }>();
  for (const r of rowsOf(x, 'general')) {
    const label = get(x, r, 0);
    const g = byLabel.get(fold(label)) ?? byLabel.get(fold(stripParen(cellText(label))));
    if (g && !found.has(g.key)) found.set(g.key, { raw: get(x, r, 1), cell: at(r, 1) });
  }
  const title = x.cells.get('general') ?? 'A1';
  // targets.* and deadline.* go into these, placed after the plain keys (as the schema lists them).
  const general: Input = { targets: {}, deadline: {} };
  for (const g of GENERAL_ROWS) {
    const cell = found.get(g.key)?.cell ?? title;
    if (!found.has(g.key) && g.optional) continue;
    if (!found.has(g.key) && x.sections.has('general')) {
      missingRow(x, 'general', title, g.label);
      continue;
    }
    putGeneral(x, general, g, found.get(g.key)?.raw, cell);
    // 'deadline.day' and 'deadline.month' fall back to 'deadline' (cellOf below).
    x.cells.set(g.key, cell);
  }
  const { targets, deadline, ...plain } = general;
  Object.assign(input, plain, { targets, deadline });
  const generalCell = new Map([...found].map(([key, f]) => [key, f.cell]));
  if (generalCell.has('targets.poorReduction'))
    x.cells.set('targets', generalCell.get('targets.poorReduction')!);
  return generalCell;
}

interface UnitDraft {
  name: unknown;
  tab: unknown;
  editors: string[];
  communes: unknown[];
  kind?: unknown;
  active?: unknown;
}

/**
 * "Loại": blank or "Địa bàn" → area; "Cơ quan, tổ chức" → agency; anything else is a problem
 * naming the labels the cell takes (and is passed on as typed, its cell already reported).
 */
function unitKind(x: Reading, cell: string, value: unknown): unknown {
  const t = fold(cellText(value));
  if (t === '' || t === fold(UNIT_KIND_LABEL.area)) return undefined;
  if (t === fold(UNIT_KIND_LABEL.agency)) return 'agency';
  const labels = Object.values(UNIT_KIND_LABEL).map((l) => `"${l}"`);
  own(x, cell, 'Loại đơn vị', `phải là một trong: ${labels.join(', ')}`);
  return cellText(value);
}

/** "Tham gia": blank, "Có", x or TRUE → taking part; "Không" or FALSE → not; else a problem. */
function unitActive(x: Reading, cell: string, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? undefined : false;
  const t = fold(cellText(value));
  if (t === '' || t === fold(UNIT_ACTIVE_LABEL.yes) || t === 'X' || t === 'TRUE') return undefined;
  if (t === fold(UNIT_ACTIVE_LABEL.no) || t === 'FALSE') return false;
  const { yes, no } = UNIT_ACTIVE_LABEL;
  own(x, cell, 'Tham gia', `phải là "${yes}" hoặc "${no}"`);
  return cellText(value);
}

/** ĐƠN VỊ; the index of each unit's first row by name. */
function readUnits(x: Reading): { units: UnitDraft[]; byName: Map<string, number> } {
  const units: UnitDraft[] = [];
  const byName = new Map<string, number>();
  for (const { item, value } of listRows(x, 'units', 'units')) {
    const name = toText(value.name);
    const tab = toText(value.tab);
    const n = units.push({
      name,
      tab: tab === '' ? name : tab,
      editors: splitList(value.editors),
      communes: [],
      kind: unitKind(x, x.cells.get(`${item}.kind`)!, value.kind),
      active: unitActive(x, x.cells.get(`${item}.active`)!, value.active),
    });
    if (typeof name === 'string' && name !== '' && !byName.has(name)) byName.set(name, n - 1);
    const nameCell = x.cells.get(item)!;
    // A unit without a tab name gets a tab named after it: its name's cell answers for both.
    if (tab === '') x.cells.set(`${item}.tab`, nameCell);
    x.cells.set(`${item}.communes`, x.cells.get('communes') ?? nameCell);
  }
  x.cells.set('units.communes', x.cells.get('communes') ?? x.cells.get('units') ?? 'A1');
  return { units, byName };
}

/** DANH MỤC XÃ: each row adds a commune to its unit. */
function readCommunes(x: Reading, units: UnitDraft[], byName: Map<string, number>): void {
  const [UNIT, COMMUNE] = [columnOf('communes', 'unit'), columnOf('communes', 'commune')];
  const label = 'Danh mục xã';
  for (const r of rowsOf(x, 'communes')) {
    const unitName = cellText(get(x, r, UNIT));
    const commune = toText(get(x, r, COMMUNE));
    const i = byName.get(unitName);
    if (unitName === '')
      own(x, at(r, UNIT), label, `dòng có xã "${cellText(commune)}" nhưng thiếu tên đơn vị`);
    else if (i === undefined)
      own(
        x,
        at(r, UNIT),
        label,
        `đơn vị "${unitName}" không có trong bảng ${CONFIG_SECTION.units}`,
      );
    else if (commune === '') own(x, at(r, COMMUNE), label, `thiếu tên xã của đơn vị "${unitName}"`);
    else {
      const n = units[i].communes.push(commune);
      mark(x, `units[${i + 1}].communes[${n}]`, r, COMMUNE);
    }
  }
}

/** CÁN BỘ TỔNG HỢP: e-mails, several per cell allowed. */
function readAnalysts(x: Reading): string[] {
  const analysts: string[] = [];
  const EMAIL = columnOf('analysts', 'email');
  for (const r of rowsOf(x, 'analysts')) {
    for (const e of splitList(get(x, r, EMAIL))) {
      analysts.push(e);
      mark(x, `analysts[${analysts.length}]`, r, EMAIL);
    }
  }
  return analysts;
}

/** The class by its Vietnamese name, its code, or the level a former Cấu hình wrote. */
function classReader(): (v: unknown) => AwardClass | undefined {
  const byLabel = new Map<string, AwardClass>();
  for (const c of AWARD_CLASSES) {
    byLabel.set(fold(AWARD_CLASS_LABEL[c]), c);
    byLabel.set(fold(c), c);
  }
  for (const [label, c] of Object.entries(FORMER_LEVEL_CLASS)) byLabel.set(fold(label), c);
  return (v) => byLabel.get(fold(v));
}

/** "Tập thể; Cá nhân" → the types (blank: [], any type); null when one is not a type. */
function subjectTypes(v: unknown): string[] | null {
  const text = typeof v === 'string' ? v : '';
  if (text.trim() === '') return [];
  const byFold = new Map(NOMINATION_TYPES.map((t) => [fold(t), t]));
  const types = text
    .split(/[;\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => byFold.get(fold(t)));
  return types.every((t) => t !== undefined) ? [...new Set(types as string[])] : null;
}

/** HÌNH THỨC KHEN THƯỞNG: one form per row; blank quota: none; blank types: any. */
function readAwards(x: Reading): Input[] {
  const classOf = classReader();
  return listRows(x, 'awards', 'awards').map(({ item, value }) => {
    const awardClass = classOf(value.class);
    if (awardClass === undefined) {
      const names = AWARD_CLASSES.map((c) => `"${AWARD_CLASS_LABEL[c]}"`).join(', ');
      own(x, x.cells.get(`${item}.class`)!, 'Thẩm quyền xét', `phải là một trong: ${names}`);
    }
    const types = subjectTypes(value.subjectTypes);
    if (types === null)
      own(
        x,
        x.cells.get(`${item}.subjectTypes`)!,
        'Đối tượng được khen',
        `phải là các loại đối tượng cách nhau bởi dấu chấm phẩy: ${NOMINATION_TYPES.join('; ')} (để trống: mọi loại)`,
      );
    return {
      name: toText(value.name),
      authority: toText(value.authority),
      rank: toNumber(value.rank),
      class: awardClass ?? value.class,
      subjectTypes: types ?? [],
      quota: isBlank(value.quota) ? null : toNumber(value.quota),
      priorAwards: cellText(value.priorAwards),
    };
  });
}

/** A required label / value table (TRỌNG SỐ CHẤM ĐIỂM, QUY TẮC ĐỀ XUẤT): every row must be there. */
function readLabelled(
  x: Reading,
  key: 'weights' | 'rules',
  table: readonly { key: string; label: string }[],
  path: string,
  read: (key: string, value: unknown) => unknown,
): Input {
  const out = readOptional(x, key, table, read, path);
  for (const row of table) {
    if (!(row.key in out) && x.sections.has(key))
      missingRow(x, key, x.cells.get(key) ?? 'A1', row.label);
  }
  return out;
}

/** The columns of CHUẨN NGHÈO that hold text; the others hold numbers. */
const POVERTY_TEXT: readonly string[] = ['id', 'decree'];

/** CHUẨN NGHÈO: one standard per row. */
function readPoverty(x: Reading): Input[] {
  return listRows(x, 'poverty', 'povertyStandards').map(({ value }) => {
    const standard: Input = {};
    for (const key of TABLE_COLUMNS.poverty) {
      const number = toNumber(value[key]);
      // A blank middle-income line: the decree gives none (Decree 351/2025).
      const blankLine = key.startsWith('middleIncomeLine.') && number === undefined;
      setPath(
        standard,
        key,
        POVERTY_TEXT.includes(key) ? toText(value[key]) : blankLine ? null : number,
      );
    }
    return standard;
  });
}

/** The cell of a config path; a path without a cell of its own takes its parent's. */
function cellOf(cells: Map<string, string>, path: string): string {
  let p = path;
  for (;;) {
    const c = cells.get(p);
    if (c) return c;
    const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === p || shorter === '') return cells.get(p.split(/[.[]/)[0]) ?? 'A1';
    p = shorter;
  }
}

/** Every section into the raw configuration the schema checks. */
function readSections(x: Reading): { input: Input; generalCell: Map<string, string> } {
  for (const key of SECTION_ORDER) {
    const title = x.sections.get(key);
    if (title) mark(x, key, title.titleRow, 0);
  }
  for (const key of SECTION_ORDER) {
    if (!x.sections.has(key) && !OPTIONAL_SECTIONS.has(key)) {
      const title = CONFIG_SECTION[key];
      own(x, 'A1', title, `không tìm thấy bảng có tiêu đề "${title}" ở cột A`);
    }
  }
  const input: Input = {};
  const generalCell = readGeneral(x, input);
  const { units, byName } = readUnits(x);
  readCommunes(x, units, byName);
  input.units = units;
  input.analysts = readAnalysts(x);
  input.awards = readAwards(x);
  input.weights = readLabelled(x, 'weights', WEIGHT_ROWS, 'weights', (_, v) => toNumber(v));
  input.shortlistRules = readLabelled(x, 'rules', RULE_ROWS, 'shortlistRules', (_, v) => toText(v));
  if (x.cells.has('rules')) x.cells.set('shortlistRules', x.cells.get('rules')!);
  input.povertyStandards = readPoverty(x);
  if (x.cells.has('poverty')) x.cells.set('povertyStandards', x.cells.get('poverty')!);
  input.words = readOptional(x, 'words', WORD_ROWS, (_, v) => toText(v));
  input.report = readOptional(x, 'report', REPORT_ROWS, (k, v) =>
    k === 'recipients'
      ? splitRecipients(typeof v === 'string' ? v : '')
      : k === 'signerTitle'
        ? keepLines(v)
        : toText(v),
  );
  return { input, generalCell };
}

/**
 * A label / value table (TỪ NGỮ HÀNH CHÍNH, BÁO CÁO NĂM…): the rows found, marked at `path`; a row or
 * the whole table left out takes the default (parseConfig).
 */
function readOptional<K extends string>(
  x: Reading,
  key: 'weights' | 'rules' | 'words' | 'report',
  table: readonly { key: K; label: string }[],
  read: (key: K, value: unknown) => unknown,
  path: string = key,
): Input {
  const out: Input = {};
  const byLabel = new Map(table.map((row) => [fold(row.label), row.key]));
  for (const r of rowsOf(x, key)) {
    const k = byLabel.get(fold(get(x, r, 0)));
    if (k && !(k in out)) {
      out[k] = read(k, get(x, r, 1));
      mark(x, `${path}.${k}`, r, 1);
    }
  }
  return out;
}

/** Text whose line breaks matter (paragraphs, a two-line title): each line normalised. */
function keepLines(v: unknown): string {
  if (typeof v !== 'string') return cellText(v);
  return v
    .split(/\r?\n/)
    .map((line) => cellText(line))
    .filter((line) => line !== '')
    .join('\n');
}

/** NỘI DUNG BÁO CÁO: the paragraphs analysts typed, by year and section; blank rows are skipped. */
function readNotes(x: Reading, years: readonly number[]): ReportNote[] {
  const notes: ReportNote[] = [];
  const byLabel = new Map([...NOTE_BY_LABEL].map(([label, k]) => [fold(label), k]));
  const label = CONFIG_SECTION.notes;
  for (const r of rowsOf(x, 'notes')) {
    const text = keepLines(get(x, r, NOTE_COLUMNS.text));
    if (text === '') continue;
    const year = toNumber(get(x, r, NOTE_COLUMNS.year));
    const key: NoteKey | undefined = byLabel.get(fold(get(x, r, NOTE_COLUMNS.section)));
    if (typeof year !== 'number' || !years.includes(year))
      own(
        x,
        at(r, NOTE_COLUMNS.year),
        label,
        `năm phải là một năm của giai đoạn (${years.join(', ')})`,
      );
    else if (!key)
      own(
        x,
        at(r, NOTE_COLUMNS.section),
        label,
        `mục phải là một trong: ${[...NOTE_BY_LABEL.keys()].map((l) => `"${l}"`).join(', ')}`,
      );
    else notes.push({ year, key, text });
  }
  return notes;
}

/** The DANH MỤC XÃ columns, from the row under its header to the row before the next title. */
function communeTable(x: Reading): Pick<ConfigCells, 'communeUnits' | 'communeNames'> {
  const section = x.sections.get('communes');
  const titles = [...x.sections.values()].map((s) => s.titleRow);
  if (!section) return communeRanges(1, 1);
  const next = Math.min(...titles.filter((r) => r > section.titleRow), x.values.length);
  // 0-based title row → 1-based: the header is on title + 2, the data from title + 3.
  return communeRanges(section.titleRow + 3, next);
}

/** Parses the Cấu hình grid (first row = row 1, first column = A). Pure. */
export function readConfigValues(values: Grid): ReadConfigResult {
  const x: Reading = { values, sections: findSections(values), problems: [], cells: new Map() };
  const { input, generalCell } = readSections(x);
  const parsed = parseConfig(input, (path) => cellOf(x.cells, path));
  if (!parsed.ok) {
    const reported = new Set(x.problems.map((p) => p.cell));
    const prefix = `Trang "${SHEET.config}", `;
    for (const p of parsed.problems) {
      if (reported.has(p.cell)) continue;
      const message = p.message.startsWith(prefix)
        ? `${prefix}ô ${p.cell}, ${p.message.slice(prefix.length)}`
        : `Trang "${SHEET.config}", ô ${p.cell}: ${p.message}`;
      x.problems.push({ ...p, sheet: SHEET.config, message });
    }
  }
  const notes = parsed.ok ? readNotes(x, parsed.config.years) : [];
  if (x.problems.length > 0 || !parsed.ok) return { ok: false, problems: x.problems };
  const lastRow = values.reduce((last, row, i) => (row.some((v) => !isBlank(v)) ? i + 1 : last), 0);
  return {
    ok: true,
    config: parsed.config,
    cells: {
      poorTarget: generalCell.get('targets.poorReduction')!,
      combinedTarget: generalCell.get('targets.combinedReduction')!,
      deadline: generalCell.get('deadline')!,
      ...communeTable(x),
      lastRow,
    },
    notes,
  };
}
