/**
 * .xlsx export and import (exceljs). Two layers:
 * - a neutral workbook description (`XlsxWorkbook`) written and read by `writeWorkbook` /
 *   `readWorkbook`, independent of the spreadsheet model;
 * - `saveXlsx(emu, path)` / `loadXlsx(path, opts)`, which translate between that description and
 *   the emulator's spreadsheet through its uncounted `internal` API.
 *
 * What is written: every sheet in order; values (numbers, text, booleans; dates as serials with
 * their number format); formulas with their computed results as cached values (so a reader that
 * does not recalculate shows the same numbers); error values; number formats; bold/italic/
 * underline/strikethrough, font colour, size and family, background, alignment, wrap; notes;
 * frozen panes; hidden gridlines; column widths and row heights; merges; hidden sheets; tab
 * colours; data validations; conditional formats (as expression rules, colour scales); defined
 * names from named ranges; a page setup when the caller puts one on the description (Apps Script
 * has no page-setup API, so the emulator holds none). Charts are not exported: a sheet that has
 * charts gets a note on A1 saying so.
 * Protections and developer metadata are not exported.
 *
 * What is read back: values, formulas (with their cached results), number formats, basic styles,
 * notes, frozen panes, hidden gridlines, column widths, merges, hidden sheets and defined names
 * (as named ranges).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import { Emulator, type EmulatorOptions } from './index';
import { dateToSerial } from './spreadsheet/dates';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  GENERAL_FORMAT,
  type CellStyle,
  type SheetModel,
  type SpreadsheetModel,
} from './spreadsheet/model';
import { defineNamedRange } from './spreadsheet/namedRange';
import { FakeRange } from './spreadsheet/range';
import type { GridRect } from './spreadsheet/rect';
import type { FakeDataValidation } from './spreadsheet/validation';
import { errorString, type StoredInput } from './spreadsheet/values';

// ---------------------------------------------------------------------------------------------
// Neutral description

export type XlsxScalar = number | string | boolean | null;
export type XlsxValue = XlsxScalar | { error: string };

export interface XlsxStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** '#rrggbb' */
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  /** '#rrggbb' */
  background?: string;
  /** 'justify' exists in .xlsx (not in Google Sheets): only the print tools set it. */
  horizontalAlignment?: 'left' | 'center' | 'right' | 'justify';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
}

export interface XlsxCell {
  /** 1-based. */
  row: number;
  col: number;
  /** The value; for a formula, its computed result (the cached value). */
  value: XlsxValue;
  /** Formula text without the leading '='. */
  formula?: string;
  numberFormat?: string;
  style?: XlsxStyle;
  note?: string;
}

export interface XlsxValidation {
  /** A1 range on the sheet, e.g. 'B5:B200'. */
  range: string;
  rule: ExcelJS.DataValidation;
}

export interface XlsxConditionalFormat {
  /** Space-separated A1 ranges. */
  ref: string;
  rules: ExcelJS.ConditionalFormattingRule[];
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
  frozenRows: number;
  frozenColumns: number;
  /** Column (1-based) → width in pixels; only the non-default ones. */
  columnWidths: Record<number, number>;
  /** Row (1-based) → height in pixels; only the non-default ones. */
  rowHeights: Record<number, number>;
  /** A1 ranges. */
  merges: string[];
  validations: XlsxValidation[];
  conditionalFormats: XlsxConditionalFormat[];
  hidden: boolean;
  /** '#rrggbb' or null. */
  tabColor: string | null;
  /** Charts the sheet has (not exported; noted on A1). */
  chartCount: number;
  /** Gridlines hidden in the view (Sheet.setHiddenGridlines). */
  hiddenGridlines?: boolean;
  /**
   * Print settings (paper size, orientation, fit to width, margins), written as is. The emulator
   * has none: a caller that wants a printable sheet sets it on the description before writing.
   */
  pageSetup?: Partial<ExcelJS.PageSetup>;
}

export interface XlsxName {
  name: string;
  /** Sheet name (unquoted). */
  sheet: string;
  /** A1 range on that sheet, e.g. 'B3' or 'B3:C9' (no '$'). */
  range: string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  names: XlsxName[];
}

export function emptySheet(name: string): XlsxSheet {
  return {
    name,
    cells: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    rowHeights: {},
    merges: [],
    validations: [],
    conditionalFormats: [],
    hidden: false,
    tabColor: null,
    chartCount: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Small conversions

export const CHARTS_NOT_EXPORTED = (n: number): string =>
  `This sheet has ${n} chart${n === 1 ? '' : 's'} in the emulator; charts are not exported to .xlsx.`;

/** Functions Excel stores with the `_xlfn.` prefix (added after Excel 2007). */
const XLFN = [
  'IFNA',
  'IFS',
  'SWITCH',
  'MAXIFS',
  'MINIFS',
  'CONCAT',
  'TEXTJOIN',
  'XLOOKUP',
  'XMATCH',
  'FILTER',
  'UNIQUE',
  'SORT',
  'SORTBY',
  'SEQUENCE',
  'STDEV.S',
  'STDEV.P',
  'VAR.S',
  'VAR.P',
  'FLOOR.MATH',
  'CEILING.MATH',
  'ISOWEEKNUM',
  'DAYS',
  'NUMBERVALUE',
  'RANK.EQ',
  'RANK.AVG',
  'PERCENTILE.INC',
  'PERCENTILE.EXC',
  'QUARTILE.INC',
  'QUARTILE.EXC',
  'MODE.SNGL',
  'XOR',
  'LET',
];
const XLFN_RE = new RegExp(
  `(?<![A-Za-z0-9_.])(${XLFN.map((f) => f.replace('.', '\\.')).join('|')})\\(`,
  'gi',
);

/** Walk a formula outside string literals (and quoted sheet names), transforming the code parts. */
function mapFormulaCode(formula: string, fn: (code: string) => string): string {
  let out = '';
  let code = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      out += fn(code);
      code = '';
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    code += c;
    i++;
  }
  return out + fn(code);
}

export function toExcelFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return mapFormulaCode(body, (code) =>
    code.replace(XLFN_RE, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`),
  );
}

export function fromExcelFormula(formula: string): string {
  return '=' + mapFormulaCode(formula, (code) => code.replace(/_xlfn\.|_xlws\./gi, ''));
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  purple: '#800080',
  lime: '#00ff00',
  navy: '#000080',
  maroon: '#800000',
  teal: '#008080',
  aqua: '#00ffff',
  fuchsia: '#ff00ff',
  olive: '#808000',
};

/** '#rgb', '#rrggbb' or a basic CSS name → '#rrggbb'; anything else → undefined. */
export function normalizeColor(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return '#' + [...c.slice(1)].map((x) => x + x).join('');
  return NAMED_COLORS[c];
}

function argb(color: string): string {
  return 'FF' + color.slice(1).toUpperCase();
}

function fromArgb(value: string | undefined): string | undefined {
  if (!value || !/^[0-9A-Fa-f]{8}$/.test(value)) return undefined;
  return '#' + value.slice(2).toLowerCase();
}

/** Sheets column widths are pixels; xlsx widths are characters of the default font (~7 px + 5 px padding). */
export function pxToChars(px: number): number {
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

export function charsToPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function absolute(range: string): string {
  return range
    .split(':')
    .map((part) => part.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$$$1$$$2'))
    .join(':');
}

function excelNumFmt(format: string): string {
  return format;
}

function toExcelStyle(style: XlsxStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.underline) font.underline = true;
  if (style.strike) font.strike = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontFamily) font.name = style.fontFamily;
  if (Object.keys(font).length > 0) out.font = font;
  if (style.background)
    out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
  if (style.verticalAlignment) alignment.vertical = style.verticalAlignment;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  return out;
}

function fromExcelStyle(cell: ExcelJS.Cell): XlsxStyle | undefined {
  const style: XlsxStyle = {};
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  if (font?.underline) style.underline = true;
  if (font?.strike) style.strike = true;
  const color = fromArgb(font?.color?.argb);
  if (color && color !== '#000000') style.fontColor = color;
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = fromArgb(fill.fgColor?.argb);
    if (bg) style.background = bg;
  }
  const alignment = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  const h = alignment?.horizontal;
  if (h === 'left' || h === 'center' || h === 'right' || h === 'justify')
    style.horizontalAlignment = h;
  const v = alignment?.vertical;
  if (v === 'top' || v === 'middle' || v === 'bottom') style.verticalAlignment = v;
  if (alignment?.wrapText) style.wrap = true;
  return Object.keys(style).length > 0 ? style : undefined;
}

// ---------------------------------------------------------------------------------------------
// Write

function excelValue(cell: XlsxCell): ExcelJS.CellValue {
  const v = cell.value;
  if (cell.formula !== undefined) {
    const formula = toExcelFormula(cell.formula);
    if (v === null || v === '') return { formula } as ExcelJS.CellFormulaValue;
    const result = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (v !== null && typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

export function buildWorkbook(book: XlsxWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vì người nghèo (emulator)';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    });
    const view: Partial<ExcelJS.WorksheetViewCommon & ExcelJS.WorksheetViewFrozen> = {};
    if (sheet.frozenRows > 0 || sheet.frozenColumns > 0) {
      Object.assign(view, {
        state: 'frozen',
        xSplit: sheet.frozenColumns,
        ySplit: sheet.frozenRows,
      });
    }
    if (sheet.hiddenGridlines) view.showGridLines = false;
    if (Object.keys(view).length > 0) ws.views = [view as ExcelJS.WorksheetView];
    if (sheet.pageSetup) ws.pageSetup = { ...ws.pageSetup, ...sheet.pageSetup };
    for (const [col, px] of Object.entries(sheet.columnWidths))
      ws.getColumn(Number(col)).width = pxToChars(px);
    for (const [row, px] of Object.entries(sheet.rowHeights))
      ws.getRow(Number(row)).height = px * 0.75;
    for (const cell of sheet.cells) {
      const target = ws.getCell(cell.row, cell.col);
      target.value = excelValue(cell);
      if (cell.numberFormat) target.numFmt = excelNumFmt(cell.numberFormat);
      if (cell.style) Object.assign(target, toExcelStyle(cell.style));
      if (cell.note) target.note = cell.note;
    }
    if (sheet.chartCount > 0) {
      const a1 = ws.getCell(1, 1);
      const existing = typeof a1.note === 'string' ? a1.note + '\n' : '';
      a1.note = existing + CHARTS_NOT_EXPORTED(sheet.chartCount);
    }
    for (const merge of sheet.merges) ws.mergeCells(merge);
    const validations = (
      ws as unknown as {
        dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
      }
    ).dataValidations;
    for (const v of sheet.validations) validations.add(v.range, v.rule);
    for (const cf of sheet.conditionalFormats)
      ws.addConditionalFormatting({ ref: cf.ref, rules: cf.rules });
  }
  for (const n of book.names)
    wb.definedNames.add(`${quoteSheetName(n.sheet)}!${absolute(n.range)}`, n.name);
  return wb;
}

export async function writeWorkbook(book: XlsxWorkbook, path: string): Promise<void> {
  await buildWorkbook(book).xlsx.writeFile(path);
}

// ---------------------------------------------------------------------------------------------
// Read

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** exceljs turns date-formatted numbers into Dates read as UTC; back to the serial. */
function serialOf(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function scalarOf(value: unknown): XlsxValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return serialOf(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('result' in o) return scalarOf(o.result);
  }
  return String(value);
}

function readCell(cell: ExcelJS.Cell, row: number, col: number): XlsxCell | null {
  const raw = cell.value;
  const out: XlsxCell = { row, col, value: null };
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula;
    if (formula) out.formula = fromExcelFormula(formula).slice(1);
    out.value = scalarOf(cell.result);
  } else if (cell.type !== ExcelJS.ValueType.Merge) {
    out.value = scalarOf(raw);
  }
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== 'General') out.numberFormat = numFmt;
  const style = fromExcelStyle(cell);
  if (style) out.style = style;
  const note = cell.note;
  if (typeof note === 'string' && note) out.note = note;
  else if (note && typeof note === 'object' && Array.isArray(note.texts))
    out.note = note.texts.map((t) => t.text).join('');
  if (
    out.value === null &&
    out.formula === undefined &&
    !out.numberFormat &&
    !out.style &&
    !out.note
  )
    return null;
  return out;
}

function parseNameRef(ref: string): { sheet: string; range: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, range: m[3].replace(/\$/g, '') };
}

export function readExcelWorkbook(wb: ExcelJS.Workbook): XlsxWorkbook {
  const sheets: XlsxSheet[] = [];
  wb.eachSheet((ws) => {
    const sheet = emptySheet(ws.name);
    sheet.hidden = ws.state !== 'visible';
    const view = (ws.views as ExcelJS.WorksheetView[] | null | undefined)?.[0] as
      Partial<ExcelJS.WorksheetViewCommon & ExcelJS.WorksheetViewFrozen> | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }
    if (view?.showGridLines === false) sheet.hiddenGridlines = true;
    for (let c = 1; c <= ws.columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width !== undefined) sheet.columnWidths[c] = charsToPx(width);
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) sheet.rowHeights[r] = Math.round(row.height / 0.75);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const read = readCell(cell, r, c);
        if (read) sheet.cells.push(read);
      });
    });
    const merges = (ws.model as { merges?: string[] }).merges;
    sheet.merges = merges ? [...merges] : [];
    const tab = fromArgb(ws.properties.tabColor?.argb);
    sheet.tabColor = tab ?? null;
    sheets.push(sheet);
  });
  const names: XlsxName[] = [];
  for (const defined of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const ref = defined.ranges[0];
    const parsed = ref === undefined ? null : parseNameRef(ref);
    if (parsed && !defined.name.startsWith('_xlnm.')) names.push({ name: defined.name, ...parsed });
  }
  return { sheets, names };
}

export async function readWorkbook(path: string): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return readExcelWorkbook(wb);
}

// ---------------------------------------------------------------------------------------------
// Sheets rules → Excel rules (pure; the adapter resolves ranges to A1 text)

/** A validation as the spreadsheet model describes it (criteria names are Apps Script's). */
export interface SheetsValidation {
  criteria: string | null;
  values: readonly unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A conditional format rule as the spreadsheet model describes it. */
export interface SheetsConditionalRule {
  criteria: string | null;
  values: readonly unknown[];
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
  };
  gradient: {
    min?: { color: string; type: string; value: string };
    mid?: { color: string; type: string; value: string };
    max?: { color: string; type: string; value: string };
  } | null;
}

export interface RuleContext {
  /** Top-left cell of the range the rule applies to, e.g. 'F5' (relative formulas anchor there). */
  anchor: string;
  /** `'Sheet'!$A$1:$A$9` for a Range value (VALUE_IN_RANGE). */
  rangeRef(range: unknown): string;
  /** Date → serial in the spreadsheet's time zone. */
  dateSerial(date: Date): number;
}

function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function stripEquals(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

/** Split `a,b(c,d),e` at top-level commas (outside parentheses and strings). */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (!quoted && depth === 0 && c === ',') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Recognise a custom formula meaning "a whole number in [min, max]", e.g.
 * `=AND(ISNUMBER(F5), F5>=0, F5=INT(F5))`, and return its bounds.
 */
export function wholeNumberBounds(formula: string): { min: number; max: number | null } | null {
  const f = stripEquals(formula).replace(/\s+/g, '').toUpperCase();
  const m = /^AND\((.*)\)$/.exec(f);
  if (!m) return null;
  const ref = '(\\$?[A-Z]{1,3}\\$?\\d+)';
  const num = '(-?\\d+(?:\\.\\d+)?)';
  let cell: string | null = null;
  const same = (r: string): boolean => {
    cell ??= r;
    return cell === r;
  };
  let integral = false;
  let min: number | null = null;
  let max: number | null = null;
  for (const part of splitArgs(m[1])) {
    let x: RegExpExecArray | null;
    if ((x = new RegExp(`^ISNUMBER\\(${ref}\\)$`).exec(part)) && same(x[1])) continue;
    if ((x = new RegExp(`^${ref}=INT\\(${ref}\\)$`).exec(part)) && x[1] === x[2] && same(x[1]))
      integral = true;
    else if ((x = new RegExp(`^INT\\(${ref}\\)=${ref}$`).exec(part)) && x[1] === x[2] && same(x[1]))
      integral = true;
    else if ((x = new RegExp(`^MOD\\(${ref},1\\)=0$`).exec(part)) && same(x[1])) integral = true;
    else if (
      (x = new RegExp(`^${ref}=ROUND\\(${ref},0\\)$`).exec(part)) &&
      x[1] === x[2] &&
      same(x[1])
    )
      integral = true;
    else if ((x = new RegExp(`^${ref}>=${num}$`).exec(part)) && same(x[1])) min = Number(x[2]);
    else if ((x = new RegExp(`^${ref}<=${num}$`).exec(part)) && same(x[1])) max = Number(x[2]);
    else return null;
  }
  return integral && min !== null ? { min, max } : null;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  DATE_AFTER: 'greaterThan',
  DATE_BEFORE: 'lessThan',
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

/** The Excel form of a Sheets data validation, or null when it has no criteria. */
export function validationToExcel(
  v: SheetsValidation,
  rc: RuleContext,
): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  const a = rc.anchor;
  const custom = (formula: string): ExcelJS.DataValidation => ({
    ...base,
    type: 'custom',
    formulae: [formula],
  });
  const values = v.values;
  const criteria = v.criteria;
  if (criteria === null) return null;
  if (criteria in NUMBER_OPERATORS) {
    return {
      ...base,
      type: 'decimal',
      operator: NUMBER_OPERATORS[criteria],
      formulae: values.map(Number),
    };
  }
  if (criteria in DATE_OPERATORS) {
    return {
      ...base,
      type: 'date',
      operator: DATE_OPERATORS[criteria],
      formulae: values.map((d) =>
        d instanceof Date || Object.prototype.toString.call(d) === '[object Date]'
          ? rc.dateSerial(d as Date)
          : Number(d),
      ),
    };
  }
  switch (criteria) {
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [0] };
    case 'TEXT_CONTAINS':
      return custom(`ISNUMBER(SEARCH(${quoteText(String(values[0]))},${a}))`);
    case 'TEXT_DOES_NOT_CONTAIN':
      return custom(`ISERROR(SEARCH(${quoteText(String(values[0]))},${a}))`);
    case 'TEXT_EQUAL_TO':
      return custom(`EXACT(${a},${quoteText(String(values[0]))})`);
    case 'TEXT_IS_VALID_EMAIL':
      return custom(`ISNUMBER(SEARCH("?@?*.?*",${a}))`);
    case 'TEXT_IS_VALID_URL':
      return custom(`OR(LEFT(${a},7)="http://",LEFT(${a},8)="https://")`);
    case 'VALUE_IN_LIST': {
      const items = Array.isArray(values[0]) ? (values[0] as unknown[]).map(String) : [];
      return { ...base, type: 'list', formulae: [quoteText(items.join(','))] };
    }
    case 'VALUE_IN_RANGE':
      return { ...base, type: 'list', formulae: [rc.rangeRef(values[0])] };
    case 'CHECKBOX': {
      const items = values.length > 0 ? values.map(String) : ['TRUE', 'FALSE'];
      return { ...base, type: 'list', formulae: [quoteText(items.join(','))] };
    }
    case 'CUSTOM_FORMULA': {
      const formula = String(values[0] ?? '');
      const whole = wholeNumberBounds(formula);
      if (whole) {
        return whole.max === null
          ? { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [whole.min] }
          : { ...base, type: 'whole', operator: 'between', formulae: [whole.min, whole.max] };
      }
      return custom(toExcelFormula(formula));
    }
    default:
      return null;
  }
}

function cfValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toUpperCase();
  const s = String(value);
  if (s.startsWith('=')) return `(${toExcelFormula(s)})`;
  return /^-?\d+(\.\d+)?$/.test(s) ? s : quoteText(s);
}

/** The condition of a Sheets boolean rule as an Excel expression anchored at `anchor`. */
export function conditionExpression(
  criteria: string,
  values: readonly unknown[],
  anchor: string,
): string | null {
  const a = anchor;
  const [x, y] = values.map(cfValue);
  const filled = `${a}<>""`;
  switch (criteria) {
    case 'CELL_EMPTY':
      return `LEN(${a})=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(${a})>0`;
    case 'NUMBER_BETWEEN':
      return `AND(${filled},${a}>=${x},${a}<=${y})`;
    case 'NUMBER_NOT_BETWEEN':
      return `AND(${filled},OR(${a}<${x},${a}>${y}))`;
    case 'NUMBER_EQUAL_TO':
      return `AND(${filled},${a}=${x})`;
    case 'NUMBER_NOT_EQUAL_TO':
      return `AND(${filled},${a}<>${x})`;
    case 'NUMBER_GREATER_THAN':
      return `AND(${filled},${a}>${x})`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `AND(${filled},${a}>=${x})`;
    case 'NUMBER_LESS_THAN':
      return `AND(${filled},${a}<${x})`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `AND(${filled},${a}<=${x})`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${x},${a}))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${x},${a}))`;
    case 'TEXT_EQUAL_TO':
      return `${a}=${x}`;
    case 'TEXT_NOT_EQUAL_TO':
      return `${a}<>${x}`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${a},LEN(${x}))=${x}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${a},LEN(${x}))=${x}`;
    case 'CUSTOM_FORMULA':
      return toExcelFormula(String(values[0] ?? ''));
    default:
      return null;
  }
}

const CFVO_TYPES: Record<string, ExcelJS.CfvoTypes> = {
  NUMBER: 'num',
  PERCENT: 'percent',
  PERCENTILE: 'percentile',
  MIN: 'min',
  MAX: 'max',
};

/** The Excel form of a Sheets conditional format rule, or null when it cannot be expressed. */
export function conditionalToExcel(
  rule: SheetsConditionalRule,
  anchor: string,
  priority: number,
): ExcelJS.ConditionalFormattingRule | null {
  if (rule.gradient) {
    const points = [rule.gradient.min, rule.gradient.mid, rule.gradient.max].filter(
      (p): p is NonNullable<typeof p> => p !== undefined,
    );
    if (points.length < 2) return null;
    return {
      type: 'colorScale',
      priority,
      cfvo: points.map((p) => {
        const type = CFVO_TYPES[p.type] ?? 'num';
        return type === 'min' || type === 'max' ? { type } : { type, value: Number(p.value) };
      }),
      color: points.map((p) => ({ argb: argb(normalizeColor(p.color) ?? '#ffffff') })),
    };
  }
  if (!rule.criteria) return null;
  const expression = conditionExpression(rule.criteria, rule.values, anchor);
  if (expression === null) return null;
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  const f = rule.format;
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.strikethrough) font.strike = true;
  if (f.underline) font.underline = true;
  const fontColor = normalizeColor(f.fontColor);
  if (fontColor) font.color = { argb: argb(fontColor) };
  if (Object.keys(font).length > 0) style.font = font;
  const background = normalizeColor(f.background);
  if (background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } };
  return { type: 'expression', priority, formulae: [expression], style };
}

// ---------------------------------------------------------------------------------------------
// The emulator's spreadsheet ⇄ the neutral description

function a1(rect: GridRect): string {
  const tl = `${columnLetters(rect.c1)}${rect.r1}`;
  const br = `${columnLetters(rect.c2)}${rect.r2}`;
  return tl === br ? tl : `${tl}:${br}`;
}

export function parseA1(range: string): GridRect {
  const cell = (s: string): { r: number; c: number } => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(s);
    if (!m) throw new Error(`Emulator: cannot read the range "${range}"`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]), c };
  };
  const [from, to = from] = range.split(':');
  const a = cell(from);
  const b = cell(to);
  return {
    r1: Math.min(a.r, b.r),
    c1: Math.min(a.c, b.c),
    r2: Math.max(a.r, b.r),
    c2: Math.max(a.c, b.c),
  };
}

function styleToXlsx(style: CellStyle | undefined, wrap: boolean): XlsxStyle | undefined {
  if (!style) return undefined;
  const out: XlsxStyle = {};
  if (style.fontWeight === 'bold') out.bold = true;
  if (style.fontStyle === 'italic') out.italic = true;
  if (style.fontLine === 'underline') out.underline = true;
  if (style.fontLine === 'line-through') out.strike = true;
  const fontColor = normalizeColor(style.fontColor);
  if (fontColor && fontColor !== '#000000') out.fontColor = fontColor;
  if (style.fontSize && style.fontSize !== 10) out.fontSize = style.fontSize;
  if (style.fontFamily && style.fontFamily !== 'Arial') out.fontFamily = style.fontFamily;
  const background = normalizeColor(style.background);
  if (background && background !== '#ffffff') out.background = background;
  const h = style.horizontalAlignment?.toLowerCase();
  if (h === 'left' || h === 'center' || h === 'right') out.horizontalAlignment = h;
  const v = style.verticalAlignment?.toLowerCase();
  if (v === 'top' || v === 'middle' || v === 'bottom') out.verticalAlignment = v;
  if (wrap) out.wrap = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

function styleFromXlsx(style: XlsxStyle): CellStyle {
  const out: CellStyle = {};
  if (style.bold) out.fontWeight = 'bold';
  if (style.italic) out.fontStyle = 'italic';
  if (style.underline) out.fontLine = 'underline';
  if (style.strike) out.fontLine = 'line-through';
  if (style.fontColor) out.fontColor = style.fontColor;
  if (style.fontSize) out.fontSize = style.fontSize;
  if (style.fontFamily) out.fontFamily = style.fontFamily;
  if (style.background) out.background = style.background;
  if (style.horizontalAlignment) out.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment) out.verticalAlignment = style.verticalAlignment;
  if (style.wrap) out.wrapStrategy = 'WRAP';
  return out;
}

function modelOf(emu: Emulator): SpreadsheetModel {
  return emu.spreadsheet.internal;
}

function sheetToXlsx(model: SpreadsheetModel, sheet: SheetModel): XlsxSheet {
  const out = emptySheet(sheet.name);
  const lastRow = Math.min(sheet.maxRows, Math.max(sheet.lastRow(), sheet.meta.length));
  let lastCol = sheet.lastColumn();
  for (const row of sheet.meta) if (row) lastCol = Math.max(lastCol, row.length);
  lastCol = Math.min(lastCol, sheet.maxCols);
  if (lastRow > 0 && lastCol > 0) {
    const rect: GridRect = { r1: 1, c1: 1, r2: lastRow, c2: lastCol };
    const raw = sheet.readRaw(rect);
    const formulas = sheet.readCanonicalFormulas(rect);
    for (let r = 1; r <= lastRow; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const meta = sheet.metaAt(r, c);
        const formula = formulas[r - 1]?.[c - 1] ?? '';
        const v = raw[r - 1]?.[c - 1] ?? null;
        let value: XlsxValue;
        if (v instanceof DetailedCellError) value = { error: errorString(v.value) };
        else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
          value = v;
        else value = null;
        const cell: XlsxCell = { row: r, col: c, value };
        if (formula !== '') cell.formula = formula.slice(1);
        let numberFormat = meta?.numberFormat;
        if (numberFormat === undefined && typeof v === 'number')
          numberFormat = inferredDateFormat(model, sheet, r, c);
        if (numberFormat && numberFormat !== GENERAL_FORMAT) cell.numberFormat = numberFormat;
        const style = styleToXlsx(meta?.style, meta?.style?.wrapStrategy === 'WRAP');
        if (style) cell.style = style;
        if (meta?.note) cell.note = meta.note;
        if (
          value === null &&
          cell.formula === undefined &&
          !cell.numberFormat &&
          !cell.style &&
          !cell.note
        )
          continue;
        out.cells.push(cell);
      }
    }
  }
  out.frozenRows = sheet.frozenRows;
  out.frozenColumns = sheet.frozenColumns;
  sheet.columnWidths.forEach((w, i) => {
    if (w !== undefined && w !== DEFAULT_COLUMN_WIDTH) out.columnWidths[i + 1] = w;
  });
  sheet.rowHeights.forEach((h, i) => {
    if (h !== undefined && h !== DEFAULT_ROW_HEIGHT) out.rowHeights[i + 1] = h;
  });
  out.merges = sheet.merges.map(a1);
  out.hidden = sheet.hidden;
  if (sheet.gridlinesHidden) out.hiddenGridlines = true;
  out.tabColor = normalizeColor(sheet.tabColor) ?? null;
  out.chartCount = sheet.charts.length;
  const rangeRef = (range: unknown): string => {
    if (range instanceof FakeRange)
      return `${quoteSheetName(range.model.name)}!${absolute(a1(range.rect))}`;
    throw new Error('Emulator: a validation refers to something that is not a Range');
  };
  const dateSerial = (d: Date): number => dateToSerial(d, model.timeZone);
  const blocks = sheet.validations();
  const anchors = new Map<FakeDataValidation, string>();
  for (const block of blocks) {
    if (!anchors.has(block.rule))
      anchors.set(block.rule, `${columnLetters(block.rect.c1)}${block.rect.r1}`);
    const anchor = anchors.get(block.rule) ?? 'A1';
    // Rule formulas in the file format's canonical syntax, whatever the spreadsheet locale.
    const canonical = block.rule.canonicalFormula;
    const spec = canonical === null ? block.rule.spec : { ...block.rule.spec, values: [canonical] };
    const rule = validationToExcel(spec, { anchor, rangeRef, dateSerial });
    if (rule) out.validations.push({ range: a1(block.rect), rule });
  }
  sheet.conditionalRules.forEach((rule, i) => {
    const ranges = rule.spec.ranges.filter((r) => r.model === sheet);
    if (ranges.length === 0) return;
    const anchor = `${columnLetters(ranges[0].rect.c1)}${ranges[0].rect.r1}`;
    const canonical = rule.canonicalFormula;
    const spec = canonical === null ? rule.spec : { ...rule.spec, values: [canonical] };
    const excel = conditionalToExcel(spec, anchor, i + 1);
    if (excel)
      out.conditionalFormats.push({ ref: ranges.map((r) => a1(r.rect)).join(' '), rules: [excel] });
  });
  return out;
}

/** A date format for numbers HyperFormula computed as dates (e.g. `=DATE(...)`) with no format set. */
function inferredDateFormat(
  model: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  col: number,
): string | undefined {
  const type = model.hf.getCellValueDetailedType({ sheet: sheet.hfId, row: row - 1, col: col - 1 });
  if (type === 'NUMBER_DATE') return model.loc.defaultDate;
  if (type === 'NUMBER_DATETIME') return model.loc.defaultDateTime;
  if (type === 'NUMBER_TIME') return model.loc.defaultTime;
  return undefined;
}

/** Describe the emulator's spreadsheet as a workbook. */
export function workbookOf(emu: Emulator): XlsxWorkbook {
  const model = modelOf(emu);
  return {
    sheets: model.sheets.map((sheet) => sheetToXlsx(model, sheet)),
    names: model.namedRanges.map((n) => ({ name: n.name, sheet: n.sheet.name, range: a1(n.rect) })),
  };
}

export async function saveXlsx(emu: Emulator, path: string): Promise<void> {
  await writeWorkbook(workbookOf(emu), path);
}

function storedInput(cell: XlsxCell): StoredInput {
  if (cell.formula !== undefined) return { raw: `=${cell.formula}`, formula: true, filled: true };
  const v = cell.value;
  if (v === null) return { raw: null, formula: false, filled: false };
  if (typeof v === 'object') return { raw: v.error, formula: false, filled: true };
  if (typeof v === 'string') return { raw: `'${v}`, formula: false, filled: true };
  return { raw: v, formula: false, filled: true };
}

/** Fill the emulator's spreadsheet from a workbook description (replacing its sheets). */
export function fillFromWorkbook(emu: Emulator, book: XlsxWorkbook): void {
  const model = modelOf(emu);
  const previous = [...model.sheets];
  previous.forEach((s, i) => model.renameSheet(s, `\u0000old${i}`));
  for (const xs of book.sheets) {
    const sheet = model.addSheet(xs.name);
    let maxRow = 0;
    let maxCol = 0;
    for (const cell of xs.cells) {
      maxRow = Math.max(maxRow, cell.row);
      maxCol = Math.max(maxCol, cell.col);
    }
    for (const m of xs.merges) {
      const r = parseA1(m);
      maxRow = Math.max(maxRow, r.r2);
      maxCol = Math.max(maxCol, r.c2);
    }
    sheet.maxRows = Math.max(sheet.maxRows, maxRow);
    sheet.maxCols = Math.max(sheet.maxCols, maxCol);
    sheet.frozenRows = xs.frozenRows;
    sheet.frozenColumns = xs.frozenColumns;
    sheet.hidden = xs.hidden;
    sheet.gridlinesHidden = xs.hiddenGridlines === true;
    sheet.tabColor = xs.tabColor;
    for (const [col, px] of Object.entries(xs.columnWidths))
      sheet.columnWidths[Number(col) - 1] = px;
    for (const [row, px] of Object.entries(xs.rowHeights)) sheet.rowHeights[Number(row) - 1] = px;
    sheet.merges = xs.merges.map(parseA1);
  }
  for (const old of previous) model.deleteSheet(old);
  // Contents after every sheet exists, so cross-sheet formulas resolve.
  book.sheets.forEach((xs) => {
    const sheet = model.sheetByName(xs.name);
    if (!sheet) return;
    for (const cell of xs.cells) {
      sheet.storeInputs({ r1: cell.row, c1: cell.col, r2: cell.row, c2: cell.col }, [
        [storedInput(cell)],
      ]);
      if (cell.numberFormat) sheet.ensureMeta(cell.row, cell.col).numberFormat = cell.numberFormat;
      if (cell.style) sheet.ensureMeta(cell.row, cell.col).style = styleFromXlsx(cell.style);
      if (cell.note) sheet.ensureMeta(cell.row, cell.col).note = cell.note;
    }
  });
  for (const n of book.names) {
    const sheet = model.sheetByName(n.sheet);
    if (sheet) defineNamedRange(model, n.name, sheet, parseA1(n.range));
  }
  model.activeSheet = model.sheets[0] ?? null;
}

export async function loadXlsx(path: string, opts: EmulatorOptions = {}): Promise<Emulator> {
  const book = await readWorkbook(path);
  const emu = new Emulator(opts);
  fillFromWorkbook(emu, book);
  return emu;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice (optional): does the file open, and what does it compute?

/** Path of LibreOffice's `soffice`, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const p of [
    '/usr/bin/soffice',
    '/usr/local/bin/soffice',
    '/usr/bin/libreoffice',
    '/opt/libreoffice/program/soffice',
  ]) {
    if (existsSync(p)) return p;
  }
  return null;
}

/** A LibreOffice profile that always recalculates formulas on load (its default keeps cached values). */
const ALWAYS_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Open an .xlsx in headless LibreOffice and return the first sheet as UTF-8 CSV; null when
 * LibreOffice is not installed. With `recalculate` (default) LibreOffice recomputes every formula
 * instead of showing the cached results, so the CSV says what LibreOffice computes. Throws when
 * LibreOffice cannot convert the file.
 */
export function libreOfficeCsv(xlsxPath: string, recalculate = true): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const out = mkdtempSync(join(tmpdir(), 'emu-soffice-'));
  if (recalculate) {
    mkdirSync(join(out, 'profile', 'user'), { recursive: true });
    writeFileSync(join(out, 'profile', 'user', 'registrymodifications.xcu'), ALWAYS_RECALC);
  }
  execFileSync(
    soffice,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${out}/profile`,
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      out,
      xlsxPath,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const csv = join(out, basename(xlsxPath).replace(/\.xlsx$/i, '.csv'));
  if (!existsSync(csv)) throw new Error(`LibreOffice did not convert ${xlsxPath}`);
  return readFileSync(csv, 'utf8');
}
