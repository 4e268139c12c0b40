/**
 * The state behind the Apps Script objects. Nothing here counts calls: the public classes
 * (FakeSpreadsheet, FakeSheet, FakeRange, ...) count and delegate here.
 *
 * Values and formulas live in one HyperFormula instance per spreadsheet (one HF sheet per
 * sheet). Everything HyperFormula does not know (formats, notes, validations, merges, sizes,
 * protections, named ranges, developer metadata) lives in these models and is shifted by
 * row/column inserts and deletes.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { CellValue, RawCellContent } from 'hyperformula';
import { hasFileAccess, type EmulatorContext } from '../context';
import { MAX_COLUMNS, quoteSheetName } from './a1';
import type { ChartSpec } from './charts';
import type { FakeConditionalFormatRule } from './conditional';
import { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { serialToDate } from './dates';
import { Env } from './env';
import { MSG, sheetsError } from './errors';
import { formatKind, formatNumber, formatText, GENERAL_FORMAT } from './format';
import {
  formulaSyntaxFor,
  isUnparsed,
  ruleFormula,
  shownFormula,
  storedFormula,
  type FormulaSyntax,
} from './formulaSyntax';
import { localeInfo, type LocaleInfo } from './locale';
import {
  contains,
  type Dimension,
  type GridRect,
  intersects,
  rectAfterDelete,
  rectAfterInsert,
} from './rect';
import type { FakeDataValidation } from './validation';
import {
  type AppsValue,
  errorString,
  parseFormulaInput,
  parseInput,
  type StoredInput,
} from './values';

export const CELL_LIMIT = 10_000_000;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export interface BorderSpec {
  top?: boolean | null;
  left?: boolean | null;
  bottom?: boolean | null;
  right?: boolean | null;
  vertical?: boolean | null;
  horizontal?: boolean | null;
  color?: string | null;
  style?: string | null;
}

export interface CellStyle {
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapStrategy?: string;
  borders?: BorderSpec;
}

/** Everything a cell has besides its content. */
export interface CellMeta {
  numberFormat?: string;
  style?: CellStyle;
  note?: string;
  validation?: FakeDataValidation;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetModel; start: number; end: number };

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface NamedRangeInfo {
  name: string;
  sheetName: string;
  rect: GridRect;
  reference: string;
}

export interface NamedRangeState {
  name: string;
  sheet: SheetModel;
  rect: GridRect;
  /**
   * Defined from whole columns ('A:X') or whole rows ('5:7'): unbounded on that side, as a
   * Sheets GridRange without end index, so rows appended at the bottom belong to it.
   */
  wholeColumns?: boolean;
  wholeRows?: boolean;
}

export interface ProtectionState {
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  /** Protected cells for RANGE protections (a SHEET protection covers the whole sheet). */
  rect: GridRect;
  description: string;
  warningOnly: boolean;
  /** True until editors or domain edit are changed: permissions mirror the file. */
  mirrorsFile: boolean;
  editors: Set<string>;
  creator: string;
  domainEdit: boolean;
  unprotected: { sheet: SheetModel; rect: GridRect }[];
  rangeName: string | null;
}

type Row<T> = (T | undefined)[];

/** One cell as exporters see it. */
export interface ExportedCell {
  row: number;
  col: number;
  value: AppsValue;
  formula: string | null;
  numberFormat?: string;
  style?: CellStyle;
  note?: string;
  validation?: FakeDataValidation;
}

/** A rectangle sharing one validation rule (rule.spec has criteria, values, allowInvalid, helpText). */
export interface ValidationBlock {
  rect: GridRect;
  rule: FakeDataValidation;
}

function spliceInsert<T>(
  arr: Row<T>,
  index: number,
  count: number,
  fill?: (i: number) => T | undefined,
): void {
  if (index > arr.length && !fill) return;
  while (arr.length < index) arr.push(undefined);
  const items: (T | undefined)[] = [];
  for (let i = 0; i < count; i++) items.push(fill ? fill(i) : undefined);
  arr.splice(index, 0, ...items);
}

function spliceDelete<T>(arr: Row<T>, index: number, count: number): void {
  if (index < arr.length) arr.splice(index, count);
}

/** A cell's meta, as a copied sheet has it (the note too). */
function cloneMeta(meta: CellMeta): CellMeta {
  const out = cloneMetaForInsert(meta) ?? {};
  if (meta.note !== undefined) out.note = meta.note;
  return out;
}

function cloneMetaForInsert(meta: CellMeta | undefined): CellMeta | undefined {
  if (!meta) return undefined;
  const out: CellMeta = {};
  if (meta.numberFormat !== undefined) out.numberFormat = meta.numberFormat;
  if (meta.style)
    out.style = {
      ...meta.style,
      borders: meta.style.borders ? { ...meta.style.borders } : undefined,
    };
  if (meta.validation) out.validation = meta.validation;
  return Object.keys(out).length > 0 ? out : undefined;
}

export class SheetModel {
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLUMNS;
  /** Row-major, 0-based: meta[row-1][col-1]. */
  readonly meta: Row<Row<CellMeta>> = [];
  /** Row-major, 0-based: true where the cell has content (value or formula). */
  readonly filled: Row<Row<true>> = [];
  merges: GridRect[] = [];
  readonly columnWidths: Row<number> = [];
  readonly rowHeights: Row<number> = [];
  readonly hiddenColumns: Row<true> = [];
  readonly hiddenRows: Row<true> = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  gridlinesHidden = false;
  conditionalRules: FakeConditionalFormatRule[] = [];
  charts: ChartSpec[] = [];
  deleted = false;
  /** The public Apps Script object for this sheet (set by FakeSheet's constructor). */
  api!: FakeSheet;

  constructor(
    readonly ss: SpreadsheetModel,
    public name: string,
    readonly sheetId: number,
    readonly hfId: number,
  ) {}

  get hf(): HyperFormula {
    return this.ss.hf;
  }

  whole(): GridRect {
    return { r1: 1, c1: 1, r2: this.maxRows, c2: this.maxCols };
  }

  metaAt(row: number, col: number): CellMeta | undefined {
    return this.meta[row - 1]?.[col - 1];
  }

  ensureMeta(row: number, col: number): CellMeta {
    let r = this.meta[row - 1];
    if (!r) {
      r = [];
      this.meta[row - 1] = r;
    }
    let m = r[col - 1];
    if (!m) {
      m = {};
      r[col - 1] = m;
    }
    return m;
  }

  markFilled(row: number, col: number, on: boolean): void {
    let r = this.filled[row - 1];
    if (!r) {
      if (!on) return;
      r = [];
      this.filled[row - 1] = r;
    }
    r[col - 1] = on ? true : undefined;
  }

  storeFilled(rect: GridRect, on: boolean): void {
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) this.markFilled(r, c, on);
  }

  isFilled(row: number, col: number): boolean {
    return this.filled[row - 1]?.[col - 1] === true;
  }

  /** Last row with content (0 when empty). */
  lastRow(): number {
    for (let r = Math.min(this.filled.length, this.maxRows); r >= 1; r--) {
      const cells = this.filled[r - 1];
      if (cells && cells.some((v) => v === true)) return r;
    }
    return 0;
  }

  /** Last column with content (0 when empty). */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.filled) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (cells[c - 1] === true) {
          last = c;
          break;
        }
      }
    }
    return Math.min(last, this.maxCols);
  }

  private hfRange(rect: GridRect): {
    start: { sheet: number; row: number; col: number };
    end: { sheet: number; row: number; col: number };
  } {
    return {
      start: { sheet: this.hfId, row: rect.r1 - 1, col: rect.c1 - 1 },
      end: { sheet: this.hfId, row: rect.r2 - 1, col: rect.c2 - 1 },
    };
  }

  /** HyperFormula type of a computed number: 'date' | 'datetime' | 'time' | null. */
  private inferredDateKind(row: number, col: number): 'date' | 'datetime' | 'time' | null {
    const t = this.hf.getCellValueDetailedType({ sheet: this.hfId, row: row - 1, col: col - 1 });
    if (t === 'NUMBER_DATE') return 'date';
    if (t === 'NUMBER_DATETIME') return 'datetime';
    if (t === 'NUMBER_TIME') return 'time';
    return null;
  }

  private toApps(v: CellValue, row: number, col: number): AppsValue {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const fmt = this.metaAt(row, col)?.numberFormat;
      const isDate =
        fmt !== undefined ? formatKind(fmt) === 'date' : this.inferredDateKind(row, col) !== null;
      if (isDate) return this.ss.env.makeDate(serialToDate(v, this.ss.timeZone).getTime());
      return v;
    }
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (v instanceof DetailedCellError) return errorString(v.value);
    return String(v);
  }

  readValues(rect: GridRect): AppsValue[][] {
    const raw = this.hf.getRangeValues(this.hfRange(rect));
    return raw.map((cells, i) => cells.map((v, j) => this.toApps(v, rect.r1 + i, rect.c1 + j)));
  }

  displayOf(v: CellValue, row: number, col: number): string {
    if (v === null || v === undefined) return '';
    const loc = this.ss.loc;
    const fmt = this.metaAt(row, col)?.numberFormat;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return formatText(v, fmt);
    if (v instanceof DetailedCellError) return errorString(v.value);
    if (typeof v === 'number') {
      if (fmt !== undefined) return formatNumber(v, fmt, loc);
      const kind = this.inferredDateKind(row, col);
      if (kind === 'date') return formatNumber(v, loc.defaultDate, loc);
      if (kind === 'datetime') return formatNumber(v, loc.defaultDateTime, loc);
      if (kind === 'time') return formatNumber(v, loc.defaultTime, loc);
      return formatNumber(v, undefined, loc);
    }
    return String(v);
  }

  readDisplayValues(rect: GridRect): string[][] {
    const raw = this.hf.getRangeValues(this.hfRange(rect));
    return raw.map((cells, i) => cells.map((v, j) => this.displayOf(v, rect.r1 + i, rect.c1 + j)));
  }

  /** Formulas as `getFormulas()` shows them: in the spreadsheet locale's syntax, '' when none. */
  readFormulas(rect: GridRect): string[][] {
    const syntax = this.ss.formulaSyntax;
    return this.hf
      .getRangeFormulas(this.hfRange(rect))
      .map((cells) => cells.map((f) => (f === undefined ? '' : shownFormula(f, syntax))));
  }

  /**
   * Formulas in the canonical syntax of HyperFormula and the .xlsx format (exporters); '' when
   * none and for a formula that did not parse in its locale (it has no canonical form).
   */
  readCanonicalFormulas(rect: GridRect): string[][] {
    return this.hf
      .getRangeFormulas(this.hfRange(rect))
      .map((cells) => cells.map((f) => (f === undefined || isUnparsed(f) ? '' : f)));
  }

  /** A script's write of a value or formula, parsed as Sheets would (see values.ts). */
  parseWrite(value: unknown, row: number, col: number, mode: 'value' | 'formula'): StoredInput {
    const parse = mode === 'value' ? parseInput : parseFormulaInput;
    const input = parse(value, this.metaAt(row, col)?.numberFormat, this.ss.loc, this.ss.timeZone);
    if (input.formula && typeof input.raw === 'string')
      return { ...input, raw: storedFormula(input.raw, this.ss.formulaSyntax) };
    return input;
  }

  /** Raw HyperFormula values (exporters). */
  readRaw(rect: GridRect): CellValue[][] {
    return this.hf.getRangeValues(this.hfRange(rect));
  }

  /**
   * Writes a block of values (`mode` 'value': USER_ENTERED parsing; 'formula': setFormulas,
   * where '' empties). Throws before changing anything when a protection refuses the user.
   */
  writeBlock(
    rect: GridRect,
    values: readonly (readonly unknown[])[],
    mode: 'value' | 'formula',
  ): void {
    this.ss.assertCanEdit(this, rect);
    const inputs: StoredInput[][] = values.map((row, i) =>
      row.map((v, j) => this.parseWrite(v, rect.r1 + i, rect.c1 + j, mode)),
    );
    this.storeInputs(rect, inputs);
  }

  storeInputs(rect: GridRect, inputs: StoredInput[][]): void {
    // Host-realm arrays: rows built from a vm-realm array fail HyperFormula's `instanceof Array`.
    const raws: RawCellContent[][] = Array.from(inputs, (row) => Array.from(row, (s) => s.raw));
    this.hf.setCellContents({ sheet: this.hfId, row: rect.r1 - 1, col: rect.c1 - 1 }, raws);
    inputs.forEach((row, i) =>
      row.forEach((s, j) => {
        const r = rect.r1 + i;
        const c = rect.c1 + j;
        this.markFilled(r, c, s.filled);
        if (s.impliedFormat !== undefined) {
          const meta = this.ensureMeta(r, c);
          if (meta.numberFormat === undefined || formatKind(meta.numberFormat) === 'general')
            meta.numberFormat = s.impliedFormat;
        }
      }),
    );
  }

  /** Empties contents of a block (no protection check: callers check). */
  clearContents(rect: GridRect): void {
    const r2 = Math.min(rect.r2, Math.max(this.filled.length, 1));
    const probe: GridRect = { ...rect, r2: Math.max(rect.r1, r2) };
    const rows = probe.r2 - probe.r1 + 1;
    const cols = probe.c2 - probe.c1 + 1;
    const nulls: null[][] = Array.from({ length: rows }, () => new Array<null>(cols).fill(null));
    this.hf.setCellContents({ sheet: this.hfId, row: probe.r1 - 1, col: probe.c1 - 1 }, nulls);
    for (let r = probe.r1; r <= probe.r2; r++) {
      const cells = this.filled[r - 1];
      if (!cells) continue;
      for (let c = probe.c1; c <= probe.c2; c++) cells[c - 1] = undefined;
    }
  }

  /** Applies a change to the meta of every cell of a block (after a protection check). */
  updateMeta(
    rect: GridRect,
    fn: (meta: CellMeta, row: number, col: number) => void,
    checked = false,
  ): void {
    if (!checked) this.ss.assertCanEdit(this, rect);
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) fn(this.ensureMeta(r, c), r, c);
  }

  /** Removes meta fields from a block without creating empty meta objects. */
  clearMeta(rect: GridRect, fields: readonly (keyof CellMeta)[]): void {
    for (let r = rect.r1; r <= Math.min(rect.r2, this.meta.length); r++) {
      const cells = this.meta[r - 1];
      if (!cells) continue;
      for (let c = rect.c1; c <= Math.min(rect.c2, cells.length); c++) {
        const m = cells[c - 1];
        if (!m) continue;
        for (const f of fields) delete m[f];
        if (Object.keys(m).length === 0) cells[c - 1] = undefined;
      }
    }
  }

  // ---- exporter / importer API (not Apps Script, never counted) ----

  /**
   * Every cell with content or formatting, row by row: value as getValues() reads it ('' when
   * empty), formula ('=...', canonical syntax) or null, and number format, style, note and
   * validation if set.
   */
  *cells(): Generator<ExportedCell> {
    const rows = Math.min(Math.max(this.filled.length, this.meta.length), this.maxRows);
    for (let r = 1; r <= rows; r++) {
      const filled = this.filled[r - 1];
      const meta = this.meta[r - 1];
      const cols = new Set<number>();
      filled?.forEach((v, i) => v && cols.add(i + 1));
      meta?.forEach((v, i) => v && cols.add(i + 1));
      if (cols.size === 0) continue;
      const sorted = [...cols].filter((c) => c <= this.maxCols).sort((a, b) => a - b);
      if (sorted.length === 0) continue;
      const rect: GridRect = { r1: r, r2: r, c1: 1, c2: sorted[sorted.length - 1] };
      const values = this.readValues(rect)[0];
      const formulas = this.readCanonicalFormulas(rect)[0];
      for (const c of sorted) {
        const m = this.metaAt(r, c);
        const cell: ExportedCell = {
          row: r,
          col: c,
          value: values[c - 1],
          formula: formulas[c - 1] === '' ? null : formulas[c - 1],
        };
        if (m?.numberFormat !== undefined) cell.numberFormat = m.numberFormat;
        if (m?.style && Object.keys(m.style).length > 0) cell.style = m.style;
        if (m?.note !== undefined) cell.note = m.note;
        if (m?.validation) cell.validation = m.validation;
        yield cell;
      }
    }
  }

  /** Data validations grouped into rectangles of the same rule (runs per row, merged down). */
  validations(): ValidationBlock[] {
    const blocks: ValidationBlock[] = [];
    let open: ValidationBlock[] = [];
    for (let r = 1; r <= Math.min(this.meta.length, this.maxRows); r++) {
      const runs: ValidationBlock[] = [];
      const cells = this.meta[r - 1] ?? [];
      let c = 1;
      while (c <= Math.min(cells.length, this.maxCols)) {
        const rule = cells[c - 1]?.validation;
        if (!rule) {
          c++;
          continue;
        }
        let end = c;
        while (end + 1 <= cells.length && cells[end]?.validation === rule) end++;
        runs.push({ rect: { r1: r, r2: r, c1: c, c2: end }, rule });
        c = end + 1;
      }
      const next: ValidationBlock[] = [];
      for (const run of runs) {
        const above = open.find(
          (b) =>
            b.rule === run.rule &&
            b.rect.c1 === run.rect.c1 &&
            b.rect.c2 === run.rect.c2 &&
            b.rect.r2 === r - 1,
        );
        if (above) {
          above.rect.r2 = r;
          next.push(above);
        } else {
          blocks.push(run);
          next.push(run);
        }
      }
      open = next;
    }
    return blocks;
  }

  /**
   * Importer write: stores values as they are (strings stay text, never parsed), formulas as
   * given, Dates as serials; no protection check, no counting. Null cells are left untouched.
   */
  writeCells(
    row: number,
    col: number,
    cells: readonly (readonly ({ value?: AppsValue | null; formula?: string | null } | null)[])[],
  ): void {
    const tz = this.timeZoneOf();
    cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell === null) return;
        let input: StoredInput;
        if (cell.formula) input = { raw: cell.formula, formula: true, filled: true };
        else if (cell.value === null || cell.value === undefined || cell.value === '')
          input = { raw: null, formula: false, filled: false };
        else if (typeof cell.value === 'string')
          input = { raw: `'${cell.value}`, formula: false, filled: true };
        else
          input = parseInput(
            cell.value,
            this.metaAt(row + i, col + j)?.numberFormat,
            this.ss.loc,
            tz,
          );
        this.storeInputs({ r1: row + i, c1: col + j, r2: row + i, c2: col + j }, [[input]]);
      }),
    );
  }

  private timeZoneOf(): string {
    return this.ss.timeZone;
  }

  /** Inserts `count` rows/columns so that the first new one has index `at`. */
  insert(dim: Dimension, at: number, count: number, inheritFrom: number | null): void {
    this.ss.assertCellLimit(dim === 'row' ? count * this.maxCols : count * this.maxRows);
    this.ss.assertCanInsert(this, dim, at);
    if (dim === 'row') {
      this.hf.addRows(this.hfId, [at - 1, count]);
      const source = inheritFrom === null ? undefined : this.meta[inheritFrom - 1];
      spliceInsert(
        this.meta,
        at - 1,
        count,
        source ? () => source.map(cloneMetaForInsert) : undefined,
      );
      spliceInsert(this.filled, at - 1, count);
      spliceInsert(this.rowHeights, at - 1, count);
      spliceInsert(this.hiddenRows, at - 1, count);
      this.maxRows += count;
      if (at <= this.frozenRows) this.frozenRows += count;
    } else {
      this.hf.addColumns(this.hfId, [at - 1, count]);
      for (const cells of this.meta) {
        if (!cells) continue;
        const source = inheritFrom === null ? undefined : cells[inheritFrom - 1];
        spliceInsert(cells, at - 1, count, source ? () => cloneMetaForInsert(source) : undefined);
      }
      for (const cells of this.filled) if (cells) spliceInsert(cells, at - 1, count);
      const width = inheritFrom === null ? undefined : this.columnWidths[inheritFrom - 1];
      spliceInsert(this.columnWidths, at - 1, count, width === undefined ? undefined : () => width);
      spliceInsert(this.hiddenColumns, at - 1, count);
      this.maxCols += count;
      if (at <= this.frozenColumns) this.frozenColumns += count;
    }
    this.merges = this.merges.map((m) => rectAfterInsert(m, dim, at, count));
    this.ss.afterInsert(this, dim, at, count);
  }

  /** Deletes rows/columns [start, start+count-1] (bounds already checked by the caller). */
  remove(dim: Dimension, start: number, count: number): void {
    this.ss.assertCanDelete(this, dim, start, count);
    const end = start + count - 1;
    if (dim === 'row') {
      this.hf.removeRows(this.hfId, [start - 1, count]);
      spliceDelete(this.meta, start - 1, count);
      spliceDelete(this.filled, start - 1, count);
      spliceDelete(this.rowHeights, start - 1, count);
      spliceDelete(this.hiddenRows, start - 1, count);
      this.maxRows -= count;
      this.frozenRows -= Math.max(0, Math.min(end, this.frozenRows) - start + 1);
    } else {
      this.hf.removeColumns(this.hfId, [start - 1, count]);
      for (const cells of this.meta) if (cells) spliceDelete(cells, start - 1, count);
      for (const cells of this.filled) if (cells) spliceDelete(cells, start - 1, count);
      spliceDelete(this.columnWidths, start - 1, count);
      spliceDelete(this.hiddenColumns, start - 1, count);
      this.maxCols -= count;
      this.frozenColumns -= Math.max(0, Math.min(end, this.frozenColumns) - start + 1);
    }
    this.merges = this.merges.flatMap((m) => {
      const r = rectAfterDelete(m, dim, start, count);
      return r ? [r] : [];
    });
    this.ss.afterDelete(this, dim, start, count);
  }
}

export interface SpreadsheetOptions {
  name: string;
}

/** HyperFormula configuration: English function names, ',' arguments, '.' decimals, 1899-12-30 serials. */
export function createHyperFormula(loc: LocaleInfo): HyperFormula {
  return HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    language: 'enGB',
    functionArgSeparator: ',',
    decimalSeparator: '.',
    thousandSeparator: '',
    arrayColumnSeparator: ',',
    arrayRowSeparator: ';',
    nullDate: { year: 1899, month: 12, day: 30 },
    leapYear1900: false,
    dateFormats:
      loc.dateOrder === 'DMY'
        ? ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD']
        : ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
    caseSensitive: false,
    accentSensitive: true,
    useWildcards: true,
    useRegularExpressions: false,
    matchWholeCell: true,
    evaluateNullToZero: false,
    // Sheets returns raw doubles (0.1+0.2 → 0.30000000000000004) and exact date serials.
    smartRounding: false,
    maxRows: CELL_LIMIT,
    maxColumns: MAX_COLUMNS,
    undoLimit: 0,
    useColumnIndex: false,
  });
}

export class SpreadsheetModel {
  readonly env: Env;
  readonly hf: HyperFormula;
  readonly sheets: SheetModel[] = [];
  readonly namedRanges: NamedRangeState[] = [];
  readonly protections: ProtectionState[] = [];
  metadata: MetadataState[] = [];
  readonly toasts: Toast[] = [];
  activeSheet: SheetModel | null = null;
  activeRange: GridRect | null = null;
  readonly id: string;
  /** The public Apps Script object (set by FakeSpreadsheet's constructor). */
  api!: FakeSpreadsheet;
  private nextSheetId = 0;
  nextMetadataId = 100_001;
  nextChartId = 1;

  constructor(
    readonly ctx: EmulatorContext,
    public name: string,
  ) {
    this.env = new Env(ctx);
    this.hf = createHyperFormula(localeInfo(ctx.locale));
    this.id = `1EmUlAtOr${name.length.toString(36)}${Math.floor(ctx.now().getTime() / 1000).toString(36)}SpReAdShEeT`;
  }

  get timeZone(): string {
    return this.ctx.timeZone;
  }

  get loc(): LocaleInfo {
    return localeInfo(this.ctx.locale);
  }

  /** The syntax formulas are written and read in (the locale's when `ctx.localeFormulas`). */
  get formulaSyntax(): FormulaSyntax {
    return formulaSyntaxFor(this.ctx);
  }

  /**
   * A rule's custom formula checked in the spreadsheet's formula syntax: its canonical form, or
   * null when it is not a formula ('=…'). Throws when it does not parse in the locale (the
   * Sheets API refuses such rules: "Invalid ConditionValue.userEnteredValue", docs/EMULATOR.md).
   */
  ruleFormula(written: unknown): string | null {
    if (typeof written !== 'string' || !written.startsWith('=')) return null;
    const canonical = ruleFormula(written, this.formulaSyntax);
    if (canonical === null) throw sheetsError(MSG.invalidConditionValue(written));
    return canonical;
  }

  /**
   * The owner may edit everything; others what the protection allows ('' = unknown: nothing).
   * A file in a shared drive has no owner, so nobody passes a protection for being its owner.
   */
  permits(p: ProtectionState, user: string): boolean {
    if (user !== '' && user === this.ctx.owner && !this.ctx.sharedDrive) return true;
    if (p.warningOnly) return true;
    if (user === '') return false;
    if (p.mirrorsFile) return hasFileAccess(this.ctx, user) || user === p.creator;
    if (p.editors.has(user)) return true;
    return p.domainEdit && domainOf(user) === domainOf(this.ctx.owner);
  }

  /** True if a SHEET protection's unprotected ranges cover every cell of the rect. */
  private exempted(p: ProtectionState, rect: GridRect): boolean {
    if (p.type !== 'SHEET' || p.unprotected.length === 0) return false;
    const ranges = p.unprotected.filter((u) => u.sheet === p.sheet).map((u) => u.rect);
    if (ranges.some((u) => contains(u, rect))) return true;
    if (!ranges.some((u) => intersects(u, rect))) return false;
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = { r1: r, c1: c, r2: r, c2: c };
        if (!ranges.some((u) => contains(u, cell))) return false;
      }
    }
    return true;
  }

  private denying(sheet: SheetModel): ProtectionState[] {
    const user = this.ctx.user;
    return this.protections.filter((p) => p.sheet === sheet && !this.permits(p, user));
  }

  /** SHEETS-FACTS §4: a write is refused if any protection covering a cell denies the user. */
  assertCanEdit(sheet: SheetModel, rect: GridRect): void {
    if (this.protections.length === 0) return;
    for (const p of this.denying(sheet)) {
      const blocked = p.type === 'RANGE' ? intersects(p.rect, rect) : !this.exempted(p, rect);
      if (blocked) throw sheetsError(MSG.protectedCell);
    }
  }

  /** Inserting inside a protected range (or anywhere in a protected sheet) needs edit rights. */
  assertCanInsert(sheet: SheetModel, dim: Dimension, at: number): void {
    for (const p of this.denying(sheet)) {
      if (p.type === 'SHEET') throw sheetsError(MSG.protectedCell);
      const lo = dim === 'row' ? p.rect.r1 : p.rect.c1;
      const hi = dim === 'row' ? p.rect.r2 : p.rect.c2;
      if (lo < at && at <= hi) throw sheetsError(MSG.protectedCell);
    }
  }

  assertCanDelete(sheet: SheetModel, dim: Dimension, start: number, count: number): void {
    const band: GridRect =
      dim === 'row'
        ? { r1: start, r2: start + count - 1, c1: 1, c2: sheet.maxCols }
        : { r1: 1, r2: sheet.maxRows, c1: start, c2: start + count - 1 };
    for (const p of this.denying(sheet)) {
      const blocked = p.type === 'RANGE' ? intersects(p.rect, band) : !this.exempted(p, band);
      if (blocked) throw sheetsError(MSG.protectedCell);
    }
  }

  // ---- harness / exporter API (not Apps Script, never counted) ----

  /** Runs fn without counting calls (test setup, exporters using the public API). */
  withoutCounting<T>(fn: () => T): T {
    return this.env.withoutCounting(fn);
  }

  /** Runs fn as the owner (ctx.user temporarily set to ctx.owner). */
  asOwner<T>(fn: () => T): T {
    return this.env.asOwner(fn);
  }

  /** Replaces how Dates returned by reads are made (e.g. in the vm realm). */
  setDateFactory(make: (ms: number) => Date): void {
    this.env.makeDate = make;
  }

  /** The public Sheet objects in tab order. */
  sheetObjects(): FakeSheet[] {
    return this.sheets.map((s) => s.api);
  }

  /** Named ranges with their sheet name and absolute reference ('Sheet'!$A$1:$B$2). */
  namedRangeInfos(): NamedRangeInfo[] {
    return this.namedRanges.map((n) => ({
      name: n.name,
      sheetName: n.sheet.name,
      rect: { ...n.rect },
      reference: this.absoluteRef(n.sheet, n.rect).slice(1),
    }));
  }

  totalCells(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
  }

  assertCellLimit(added: number): void {
    if (this.totalCells() + added > CELL_LIMIT) throw sheetsError(MSG.cellLimit);
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  nameTaken(name: string, except?: SheetModel): boolean {
    const lower = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === lower);
  }

  defaultSheetName(): string {
    const base =
      this.loc.decimal === ',' && this.ctx.locale.startsWith('vi') ? 'Trang tính' : 'Sheet';
    let n = this.sheets.length + 1;
    while (this.nameTaken(`${base}${n}`)) n++;
    return `${base}${n}`;
  }

  /** Adds a sheet (no counting, no activation). */
  addSheet(name: string, index = this.sheets.length): SheetModel {
    if (name === '') throw sheetsError(MSG.sheetNameEmpty);
    if (this.nameTaken(name)) throw sheetsError(MSG.sheetExists(name));
    this.assertCellLimit(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const hfName = this.hf.addSheet(name);
    const hfId = this.hf.getSheetId(hfName);
    if (hfId === undefined) throw new Error(`HyperFormula lost sheet ${name}`);
    const sheetId = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const sheet = new SheetModel(this, name, sheetId, hfId);
    new FakeSheet(sheet); // sets sheet.api
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /**
   * A new sheet with everything `template` holds but what belongs to the spreadsheet (named
   * ranges, protections, developer metadata) and its charts: contents (formulas as written, so
   * references to the template's own cells become the copy's), formats, validations, notes,
   * merges, sizes, hidden rows and columns, frozen rows and columns, gridlines. Conditional
   * format rules hold ranges: the caller copies them (Spreadsheet.insertSheet's `template`,
   * docs/EMULATOR.md §9).
   */
  duplicateSheet(template: SheetModel, name: string, index: number): SheetModel {
    this.assertCellLimit(template.maxRows * template.maxCols);
    const sheet = this.addSheet(name, index);
    sheet.maxRows = template.maxRows;
    sheet.maxCols = template.maxCols;
    this.hf.setSheetContent(sheet.hfId, this.hf.getSheetSerialized(template.hfId));
    template.meta.forEach((row, r) => {
      if (row) sheet.meta[r] = row.map((m) => (m ? cloneMeta(m) : undefined));
    });
    template.filled.forEach((row, r) => {
      if (row) sheet.filled[r] = [...row];
    });
    sheet.merges = template.merges.map((m) => ({ ...m }));
    template.columnWidths.forEach((w, i) => (sheet.columnWidths[i] = w));
    template.rowHeights.forEach((h, i) => (sheet.rowHeights[i] = h));
    template.hiddenColumns.forEach((h, i) => (sheet.hiddenColumns[i] = h));
    template.hiddenRows.forEach((h, i) => (sheet.hiddenRows[i] = h));
    sheet.frozenRows = template.frozenRows;
    sheet.frozenColumns = template.frozenColumns;
    sheet.gridlinesHidden = template.gridlinesHidden;
    sheet.tabColor = template.tabColor;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === '') throw sheetsError(MSG.sheetNameEmpty);
    if (name === sheet.name) return;
    if (this.nameTaken(name, sheet)) throw sheetsError(MSG.sheetExists(name));
    this.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw sheetsError(MSG.deleteOnlySheet);
    for (const p of this.denying(sheet))
      if (p.type === 'SHEET' || p.sheet === sheet) throw sheetsError(MSG.protectedCell);
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.hf.removeSheet(sheet.hfId);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    removeWhere(this.namedRanges, (n) => n.sheet === sheet);
    removeWhere(this.protections, (p) => p.sheet === sheet);
    for (const p of this.protections)
      p.unprotected = p.unprotected.filter((u) => u.sheet !== sheet);
    this.metadata = this.metadata.filter(
      (m) => !('sheet' in m.location) || m.location.sheet !== sheet,
    );
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[Math.max(0, index - 1)] ?? null;
      this.activeRange = null;
    }
  }

  /** A1 expression for HyperFormula named expressions: ='Sheet'!$A$1:$B$2. */
  absoluteRef(sheet: SheetModel, rect: GridRect): string {
    const col = (c: number) => {
      let n = c;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    const a = `$${col(rect.c1)}$${rect.r1}`;
    const b = `$${col(rect.c2)}$${rect.r2}`;
    return `=${quoteSheetName(sheet.name)}!${a === b ? a : `${a}:${b}`}`;
  }

  /** An unbounded named range spans its sheet's current grid on its open side. */
  private spanOpenSides(n: NamedRangeState): void {
    const before = { ...n.rect };
    if (n.wholeColumns) n.rect = { ...n.rect, r1: 1, r2: n.sheet.maxRows };
    if (n.wholeRows) n.rect = { ...n.rect, c1: 1, c2: n.sheet.maxCols };
    if (before.r2 !== n.rect.r2 || before.c2 !== n.rect.c2)
      this.hf.changeNamedExpression(n.name, this.absoluteRef(n.sheet, n.rect));
  }

  afterInsert(sheet: SheetModel, dim: Dimension, at: number, count: number): void {
    for (const n of this.namedRanges) {
      if (n.sheet !== sheet) continue;
      n.rect = rectAfterInsert(n.rect, dim, at, count);
      this.spanOpenSides(n);
    }
    for (const p of this.protections) {
      if (p.sheet === sheet && p.type === 'RANGE') p.rect = rectAfterInsert(p.rect, dim, at, count);
      p.unprotected = p.unprotected.map((u) =>
        u.sheet === sheet ? { ...u, rect: rectAfterInsert(u.rect, dim, at, count) } : u,
      );
    }
    for (const m of this.metadata) {
      const loc = m.location;
      if ((loc.type === 'ROW' && dim === 'row') || (loc.type === 'COLUMN' && dim === 'col')) {
        if (loc.sheet !== sheet) continue;
        const r = rectAfterInsert({ r1: loc.start, r2: loc.end, c1: 1, c2: 1 }, 'row', at, count);
        loc.start = r.r1;
        loc.end = r.r2;
      }
    }
  }

  afterDelete(sheet: SheetModel, dim: Dimension, start: number, count: number): void {
    const shrink = (rect: GridRect) => rectAfterDelete(rect, dim, start, count);
    for (let i = this.namedRanges.length - 1; i >= 0; i--) {
      const n = this.namedRanges[i];
      if (n.sheet !== sheet) continue;
      const r = shrink(n.rect);
      if (r) {
        n.rect = r;
        this.spanOpenSides(n);
      } else this.namedRanges.splice(i, 1);
    }
    for (let i = this.protections.length - 1; i >= 0; i--) {
      const p = this.protections[i];
      p.unprotected = p.unprotected.flatMap((u) => {
        if (u.sheet !== sheet) return [u];
        const r = shrink(u.rect);
        return r ? [{ ...u, rect: r }] : [];
      });
      if (p.sheet !== sheet || p.type !== 'RANGE') continue;
      const r = shrink(p.rect);
      if (r) p.rect = r;
      else this.protections.splice(i, 1);
    }
    this.metadata = this.metadata.filter((m) => {
      const loc = m.location;
      if (
        !((loc.type === 'ROW' && dim === 'row') || (loc.type === 'COLUMN' && dim === 'col')) ||
        loc.sheet !== sheet
      )
        return true;
      const r = rectAfterDelete({ r1: loc.start, r2: loc.end, c1: 1, c2: 1 }, 'row', start, count);
      if (!r) return false;
      loc.start = r.r1;
      loc.end = r.r2;
      return true;
    });
  }
}

function removeWhere<T>(arr: T[], pred: (t: T) => boolean): void {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i])) arr.splice(i, 1);
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

export { GENERAL_FORMAT };
