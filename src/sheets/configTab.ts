// The tab "Cấu hình": the configuration laid out as editable Vietnamese tables, and the parser
// that reads it back. The parser finds everything by section titles and labels (never by fixed
// row numbers), so analysts may add rows to a table or move a section.
import { AWARD_LEVELS, parseConfig, type AwardLevel, type Config } from '../core/config';
import { nameFromCell, normalizeName } from '../core/names';
import type { Problem } from '../core/types';
import { pad2 } from '../core/format';
import { isBlank } from '../core/values';
import { configGrid, type ConfigCells, type ConfigGrid } from './configGrid';
import {
  AWARD_LEVEL_LABEL,
  CONFIG_COLUMNS,
  CONFIG_SECTION,
  GENERAL_ROWS,
  NAMED,
  RULE_ROWS,
  SHEET,
  WEIGHT_ROWS,
  a1,
  columnLetter,
  type ConfigSectionKey as SectionKey,
  type GeneralRow,
} from './layout';
import { ensureNamedRange } from './sheetFinder';

export { CONFIG_SECTION, type ConfigCells };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SECTION_ORDER = Object.keys(CONFIG_SECTION) as SectionKey[];

function isDate(v: unknown): v is Date {
  return (
    Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Sets the named ranges of Cấu hình: the two targets, the deadline and the whole table. */
export function nameConfigRanges(ss: Spreadsheet, sheet: Sheet, cells: ConfigCells): void {
  ensureNamedRange(ss, NAMED.poorTarget, sheet, sheet.getRange(cells.poorTarget));
  ensureNamedRange(ss, NAMED.combinedTarget, sheet, sheet.getRange(cells.combinedTarget));
  ensureNamedRange(ss, NAMED.deadline, sheet, sheet.getRange(cells.deadline));
  ensureNamedRange(ss, NAMED.config, sheet, sheet.getRange(`A:${columnLetter(CONFIG_COLUMNS)}`));
}

/**
 * Lays `grid` (configGrid.ts; the setup's comes from SetupData) out on `sheet` (cleared first
 * when it has content): one setValues for the whole grid, formats by range lists, then the
 * named ranges.
 */
export function writeConfigGrid(sheet: Sheet, grid: ConfigGrid): ConfigCells {
  const ss = sheet.getParent();
  if (sheet.getLastRow() > 0) sheet.clear();
  const needRows = grid.values.length + 20;
  const maxRows = sheet.getMaxRows();
  if (maxRows < needRows) sheet.insertRowsAfter(maxRows, needRows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < CONFIG_COLUMNS)
    sheet.insertColumnsAfter(maxColumns, CONFIG_COLUMNS - maxColumns);

  const values: unknown[][] = grid.values.map((row) => [
    ...row,
    ...new Array(CONFIG_COLUMNS - row.length).fill(''),
  ]);
  for (const { row, column } of grid.dates) {
    const [y, m, d] = String(values[row - 1][column - 1])
      .split('-')
      .map(Number);
    values[row - 1][column - 1] = new Date(y, m - 1, d);
  }
  const block = sheet.getRange(1, 1, values.length, CONFIG_COLUMNS);
  block.setValues(values);
  for (const { format, ranges } of grid.formats)
    for (const r of ranges) sheet.getRange(r).setNumberFormat(format);

  // Bold titles and headers, coloured bands: two batched calls over the whole block.
  const sections = new Set(grid.sectionRows);
  const headers = new Set(grid.headerRows);
  const rowsOf = <T>(f: (row: number) => T): T[][] =>
    values.map((_, i) => new Array<T>(CONFIG_COLUMNS).fill(f(i + 1)));
  block.setFontWeights(
    rowsOf((r) => (r === grid.titleRow || sections.has(r) || headers.has(r) ? 'bold' : 'normal')),
  );
  block.setBackgrounds(
    rowsOf((r) => (sections.has(r) ? '#c9daf8' : headers.has(r) ? '#eeeeee' : null)),
  );
  sheet.getRange(a1(grid.titleRow, 1)).setFontSize(14);
  sheet.getRange(a1(grid.noteRow, 1)).setFontStyle('italic');
  sheet.getRange(grid.generalNoteRange).setFontColor('#666666');
  [330, 260, 300].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  sheet.setColumnWidths(4, CONFIG_COLUMNS - 3, 150);
  sheet.setFrozenRows(grid.titleRow);

  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  sheet.getRange(grid.awardLevelRange).setDataValidation(
    rule()
      .requireValueInList(
        AWARD_LEVELS.map((l) => AWARD_LEVEL_LABEL[l]),
        true,
      )
      .setHelpText(grid.help.level)
      .build(),
  );
  const awardRule = rule()
    .requireValueInRange(sheet.getRange(grid.awardNameRange), true)
    .setHelpText(grid.help.award)
    .build();
  const countRule = rule()
    .requireNumberGreaterThanOrEqualTo(0)
    .setHelpText(grid.help.count)
    .build();
  sheet
    .getRange(grid.firstRuleRow, 2, RULE_ROWS.length, 1)
    .setDataValidations(RULE_ROWS.map((r) => [r.key === 'unitTopN' ? countRule : awardRule]));
  nameConfigRanges(ss, sheet, grid.cells);
  return grid.cells;
}

/** Lays any configuration out on `sheet` (tools; the setup writes the build's grid of the defaults). */
export function writeConfigSheet(sheet: Sheet, config: Config): ConfigCells {
  return writeConfigGrid(sheet, configGrid(config));
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ReadConfigResult =
  { ok: true; config: Config; cells: ConfigCells } | { ok: false; problems: Problem[] };

const fold = (v: unknown): string =>
  typeof v === 'string' ? normalizeName(v).toUpperCase() : typeof v === 'number' ? String(v) : '';
const stripParen = (s: string): string => s.replace(/\s*\(.*\)\s*$/, '').trim();

/** A number from a cell: numbers as they are, text as Vietnamese or plain notation; else the value. */
function toNumber(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return v;
  const s = v.replace(/\s+/g, '');
  if (s === '') return undefined;
  let t = s;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : v;
}

function toPercent(v: unknown): unknown {
  if (typeof v === 'string') {
    const m = /^\s*([^%]+?)\s*%\s*$/.exec(v);
    if (m) {
      const n = toNumber(m[1]);
      return typeof n === 'number' ? n / 100 : v;
    }
  }
  const n = toNumber(v);
  // "80" typed in a cell that lost its percent format means 80 %.
  if (typeof n === 'number' && n > 1 && n <= 100) return n / 100;
  return n;
}

function toText(v: unknown): unknown {
  if (typeof v === 'string') return normalizeName(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isBlank(v)) return '';
  return v;
}

/** A cell as text: '' for anything but text and finite numbers. */
const cellText = (v: unknown): string => nameFromCell(v) ?? '';

function splitList(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  return v
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface Section {
  key: SectionKey;
  titleRow: number; // 0-based index into values
  /** 0-based indexes of the data rows (after the header row, blank rows skipped) */
  rows: number[];
}

/** Parses the Cấu hình grid (first row = row 1, first column = A). Pure. */
export function readConfigValues(values: unknown[][]): ReadConfigResult {
  const problems: Problem[] = [];
  const cellMap = new Map<string, string>();
  const at = (row0: number, col1: number) => a1(row0 + 1, col1);
  const own = (cell: string, label: string, text: string) =>
    problems.push({
      sheet: SHEET.config,
      cell,
      message: `Trang "${SHEET.config}", ô ${cell}, mục "${label}": ${text}. Hãy sửa lại trên trang "${SHEET.config}".`,
    });
  const get = (row0: number, col0: number): unknown => values[row0]?.[col0] ?? '';
  const missing = (key: SectionKey, cell: string, label: string) =>
    own(cell, label, `thiếu dòng "${label}" trong bảng ${CONFIG_SECTION[key]}`);

  // Sections by title in column A, in any order.
  const titles = new Map<string, SectionKey>(
    SECTION_ORDER.map((k) => [fold(CONFIG_SECTION[k]), k] as [string, SectionKey]),
  );
  const starts: { key: SectionKey; row: number }[] = [];
  values.forEach((row, i) => {
    const key = titles.get(fold(row[0]));
    if (key && !starts.some((s) => s.key === key)) starts.push({ key, row: i });
  });
  const sections = new Map<SectionKey, Section>();
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].row : values.length;
    const rows: number[] = [];
    let headerSeen = false;
    for (let r = s.row + 1; r < end; r++) {
      const row = values[r] ?? [];
      if (row.every(isBlank)) continue;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      rows.push(r);
    }
    sections.set(s.key, { key: s.key, titleRow: s.row, rows });
    cellMap.set(s.key, at(s.row, 1));
  });
  for (const key of SECTION_ORDER) {
    if (!sections.has(key)) {
      own(
        'A1',
        CONFIG_SECTION[key],
        `không tìm thấy bảng có tiêu đề "${CONFIG_SECTION[key]}" ở cột A`,
      );
    }
  }
  const rowsOf = (key: SectionKey): number[] => sections.get(key)?.rows ?? [];

  // THÔNG TIN CHUNG: rows by label.
  const general = new Map<string, unknown>();
  const generalCell = new Map<string, string>();
  const byLabel = new Map<string, GeneralRow>();
  for (const g of GENERAL_ROWS) {
    byLabel.set(fold(g.label), g);
    byLabel.set(fold(stripParen(g.label)), g);
  }
  for (const r of rowsOf('general')) {
    const g = byLabel.get(fold(get(r, 0))) ?? byLabel.get(fold(stripParen(cellText(get(r, 0)))));
    if (g && !general.has(g.key)) {
      general.set(g.key, get(r, 1));
      generalCell.set(g.key, at(r, 2));
    }
  }
  const generalTitle = cellMap.get('general') ?? 'A1';
  const input: Record<string, unknown> = {};
  const targets: Record<string, unknown> = {};
  const deadline: Record<string, unknown> = {};
  for (const g of GENERAL_ROWS) {
    const cell = generalCell.get(g.key) ?? generalTitle;
    const raw = general.get(g.key);
    if (!general.has(g.key) && sections.has('general')) {
      missing('general', generalTitle, g.label);
      continue;
    }
    switch (g.kind) {
      case 'text':
        setPath(g.key, toText(raw));
        break;
      case 'year':
      case 'integer':
        setPath(g.key, toNumber(raw));
        break;
      case 'percent':
        setPath(g.key, toPercent(raw));
        break;
      case 'date': {
        const iso = toIsoDate(raw);
        if (iso === null) own(cell, g.label, 'phải là ngày dạng dd/MM/yyyy, ví dụ 12/08/2022');
        else setPath(g.key, iso);
        break;
      }
      case 'years': {
        const list = toYears(raw);
        if (list === null)
          own(
            cell,
            g.label,
            'phải là các năm cách nhau bởi dấu phẩy, ví dụ 2022, 2023, 2024, 2025',
          );
        else setPath(g.key, list);
        break;
      }
      case 'dayMonth': {
        const dm = toDayMonth(raw);
        if (dm === null) own(cell, g.label, 'phải là ngày/tháng, ví dụ 30/11');
        else {
          deadline.day = dm.day;
          deadline.month = dm.month;
        }
        break;
      }
    }
    // 'deadline.day' and 'deadline.month' fall back to 'deadline' (cellOf below).
    cellMap.set(g.key, cell);
  }
  if (generalCell.has('targets.poorReduction'))
    cellMap.set('targets', generalCell.get('targets.poorReduction')!);
  input.targets = targets;
  input.deadline = deadline;

  function setPath(key: string, value: unknown): void {
    if (key.startsWith('targets.')) targets[key.slice(8)] = value;
    else if (key.startsWith('deadline.')) deadline[key.slice(9)] = value;
    else input[key] = value;
  }

  // ĐƠN VỊ
  const units: { name: unknown; tab: unknown; editors: string[]; communes: unknown[] }[] = [];
  const unitIndex = new Map<string, number>();
  for (const r of rowsOf('units')) {
    const name = toText(get(r, 0));
    const tabRaw = toText(get(r, 1));
    const i = units.length;
    units.push({
      name,
      tab: tabRaw === '' ? name : tabRaw,
      editors: splitList(get(r, 2)),
      communes: [],
    });
    if (typeof name === 'string' && name !== '' && !unitIndex.has(name)) unitIndex.set(name, i);
    cellMap.set(`units[${i + 1}]`, at(r, 1));
    cellMap.set(`units[${i + 1}].tab`, at(r, tabRaw === '' ? 1 : 2));
    cellMap.set(`units[${i + 1}].editors`, at(r, 3));
    cellMap.set(`units[${i + 1}].communes`, cellMap.get('communes') ?? at(r, 1));
  }
  cellMap.set('units.communes', cellMap.get('communes') ?? cellMap.get('units') ?? 'A1');

  // DANH MỤC XÃ
  for (const r of rowsOf('communes')) {
    const unitName = cellText(get(r, 0));
    const commune = toText(get(r, 1));
    if (unitName === '') {
      own(at(r, 1), 'Danh mục xã', `dòng có xã "${cellText(commune)}" nhưng thiếu tên đơn vị`);
      continue;
    }
    const i = unitIndex.get(unitName);
    if (i === undefined) {
      own(
        at(r, 1),
        'Danh mục xã',
        `đơn vị "${unitName}" không có trong bảng ${CONFIG_SECTION.units}`,
      );
      continue;
    }
    if (commune === '') {
      own(at(r, 2), 'Danh mục xã', `thiếu tên xã của đơn vị "${unitName}"`);
      continue;
    }
    const list = units[i].communes;
    list.push(commune);
    cellMap.set(`units[${i + 1}].communes[${list.length}]`, at(r, 2));
  }

  // CÁN BỘ TỔNG HỢP
  const analysts: string[] = [];
  for (const r of rowsOf('analysts')) {
    for (const e of splitList(get(r, 0))) {
      analysts.push(e);
      cellMap.set(`analysts[${analysts.length}]`, at(r, 1));
    }
  }

  // HÌNH THỨC KHEN THƯỞNG
  const levelByLabel = new Map<string, AwardLevel>();
  for (const l of AWARD_LEVELS) {
    levelByLabel.set(fold(AWARD_LEVEL_LABEL[l]), l);
    levelByLabel.set(fold(l), l);
  }
  const awards = rowsOf('awards').map((r, i) => {
    const n = i + 1;
    cellMap.set(`awards[${n}]`, at(r, 1));
    cellMap.set(`awards[${n}].authority`, at(r, 2));
    cellMap.set(`awards[${n}].rank`, at(r, 3));
    cellMap.set(`awards[${n}].level`, at(r, 4));
    const levelRaw = get(r, 3);
    const level = levelByLabel.get(fold(levelRaw));
    if (level === undefined) {
      own(
        at(r, 4),
        'Cấp khen thưởng',
        `phải là một trong: ${AWARD_LEVELS.map((l) => `"${AWARD_LEVEL_LABEL[l]}"`).join(', ')}`,
      );
    }
    return {
      name: toText(get(r, 0)),
      authority: toText(get(r, 1)),
      rank: toNumber(get(r, 2)),
      level: level ?? levelRaw,
    };
  });

  // TRỌNG SỐ CHẤM ĐIỂM, QUY TẮC ĐỀ XUẤT: label / value rows.
  const labelled = (
    key: 'weights' | 'rules',
    table: readonly { key: string; label: string }[],
    path: string,
    read: (key: string, value: unknown) => unknown,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const byLabel = new Map(table.map((row) => [fold(row.label), row.key]));
    for (const r of rowsOf(key)) {
      const k = byLabel.get(fold(get(r, 0)));
      if (k && !(k in out)) {
        out[k] = read(k, get(r, 1));
        cellMap.set(`${path}.${k}`, at(r, 2));
      }
    }
    for (const row of table) {
      if (!(row.key in out) && sections.has(key)) missing(key, cellMap.get(key) ?? 'A1', row.label);
    }
    return out;
  };
  const weights = labelled('weights', WEIGHT_ROWS, 'weights', (_, v) => toNumber(v));
  const rules = labelled('rules', RULE_ROWS, 'shortlistRules', (k, v) =>
    k === 'unitTopN' ? toNumber(v) : toText(v),
  );
  if (cellMap.has('rules')) cellMap.set('shortlistRules', cellMap.get('rules')!);

  // CHUẨN NGHÈO
  const povertyStandards = rowsOf('poverty').map((r, i) => {
    const n = i + 1;
    const fields = [
      'decree',
      'fromYear',
      'toYear',
      'incomeLine.rural',
      'incomeLine.urban',
      'middleIncomeLine.rural',
      'middleIncomeLine.urban',
      'minDeficits',
    ];
    fields.forEach((f, k) => cellMap.set(`povertyStandards[${n}].${f}`, at(r, k + 2)));
    cellMap.set(`povertyStandards[${n}]`, at(r, 1));
    return {
      id: toText(get(r, 0)),
      decree: toText(get(r, 1)),
      fromYear: toNumber(get(r, 2)),
      toYear: toNumber(get(r, 3)),
      incomeLine: { rural: toNumber(get(r, 4)), urban: toNumber(get(r, 5)) },
      middleIncomeLine: { rural: toNumber(get(r, 6)), urban: toNumber(get(r, 7)) },
      minDeficits: toNumber(get(r, 8)),
    };
  });
  if (cellMap.has('poverty')) cellMap.set('povertyStandards', cellMap.get('poverty')!);

  input.units = units;
  input.analysts = analysts;
  input.awards = awards;
  input.weights = weights;
  input.shortlistRules = rules;
  input.povertyStandards = povertyStandards;

  // A path without a cell of its own takes its parent's: units[1].name → units[1], awards.name → awards.
  const cellOf = (path: string): string => {
    let p = path;
    for (;;) {
      const c = cellMap.get(p);
      if (c) return c;
      const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === p || shorter === '') return cellMap.get(p.split(/[.[]/)[0]) ?? 'A1';
      p = shorter;
    }
  };
  const parsed = parseConfig(input, cellOf);
  if (!parsed.ok) {
    const reported = new Set(problems.map((p) => p.cell));
    for (const p of parsed.problems) {
      if (reported.has(p.cell)) continue;
      const prefix = `Trang "${SHEET.config}", `;
      const message = p.message.startsWith(prefix)
        ? `${prefix}ô ${p.cell}, ${p.message.slice(prefix.length)}`
        : `Trang "${SHEET.config}", ô ${p.cell}: ${p.message}`;
      problems.push({ ...p, sheet: SHEET.config, message });
    }
  }
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };
  const lastRow = values.reduce((last, row, i) => (row.some((v) => !isBlank(v)) ? i + 1 : last), 0);
  return {
    ok: true,
    config: parsed.config,
    cells: {
      poorTarget: generalCell.get('targets.poorReduction')!,
      combinedTarget: generalCell.get('targets.combinedReduction')!,
      deadline: generalCell.get('deadline')!,
      lastRow,
    },
  };
}

function toIsoDate(v: unknown): string | null {
  if (isDate(v)) return `${v.getFullYear()}-${pad2(v.getMonth() + 1)}-${pad2(v.getDate())}`;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const d = new Date(Math.round((v - 25569) * 86400000));
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function toYears(v: unknown): number[] | null {
  if (typeof v === 'number') return Number.isInteger(v) ? [v] : null;
  if (typeof v !== 'string') return null;
  const parts = v.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const years = parts.map((p) => (/^\d{4}$/.test(p) ? Number(p) : NaN));
  return years.every((y) => Number.isInteger(y)) ? years : null;
}

function toDayMonth(v: unknown): { day: number; month: number } | null {
  if (isDate(v)) return { day: v.getDate(), month: v.getMonth() + 1 };
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{2,4})?\s*$/.exec(v);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month };
}

/** Reads Cấu hình with one batched read of the named range GN_CAU_HINH (or the tab's data). */
export function readConfigFromSheet(ss: Spreadsheet, sheet: Sheet | null): ReadConfigResult {
  const named = ss.getRangeByName(NAMED.config);
  if (named && (!sheet || named.getSheet().getSheetId() === sheet.getSheetId())) {
    return readConfigValues(named.getValues());
  }
  if (sheet) return readConfigValues(sheet.getDataRange().getValues());
  return {
    ok: false,
    problems: [
      {
        sheet: SHEET.config,
        cell: 'A1',
        message: `Không tìm thấy trang "${SHEET.config}". Hãy chạy menu Vì người nghèo → Khởi tạo / cập nhật sổ.`,
      },
    ],
  };
}

/** Reads the configuration from Cấu hình: `ss.getRangeByName(GN_CAU_HINH).getValues()` and the pure parser. */
export function readConfig(ss: Spreadsheet): ReadConfigResult {
  return readConfigFromSheet(ss, null);
}
