/**
 * Apps Script `Range`. A Range is a fixed rectangle of a sheet (it does not move when rows are
 * inserted later), as in Apps Script. Every public method counts one call as 'Range.<method>'.
 */
import { cellA1, columnToLetters } from './a1';
import { MSG, signatureError, sheetsError } from './errors';
import { GENERAL_FORMAT } from './format';
import {
  addMetadata,
  FakeDeveloperMetadataFinder,
  metadataApi,
  metadataArgs,
  metadataInScope,
  rangeLocation,
  type FakeDeveloperMetadata,
  type FinderScope,
} from './metadata';
import type { BorderSpec, CellMeta, CellStyle, ProtectionState, SheetModel } from './model';
import { FakeProtection, protectionApi } from './protection';
import { contains, type GridRect, intersects } from './rect';
import type { FakeSheet } from './sheet';
import type { FakeDataValidation } from './validation';
import { FakeDataValidationBuilder } from './validation';
import type { AppsValue, StoredInput } from './values';

export interface RangeFlags {
  /** Whole rows ("5:7"): the columns are unbounded. */
  wholeRows?: boolean;
  /** Whole columns ("D:F"): the rows are unbounded. */
  wholeColumns?: boolean;
}

export function makeRange(sheet: SheetModel, rect: GridRect, flags: RangeFlags = {}): FakeRange {
  return new FakeRange(sheet, { ...rect }, flags);
}

/** Validates numeric getRange/offset arguments (SHEETS-FACTS §1 messages). */
export function checkedRect(
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): GridRect {
  if (row < 1) throw sheetsError(MSG.startRowTooSmall);
  if (col < 1) throw sheetsError(MSG.startColTooSmall);
  if (numRows < 1) throw sheetsError(MSG.rowsAtLeastOne);
  if (numCols < 1) throw sheetsError(MSG.colsAtLeastOne);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
    throw sheetsError(MSG.outsideSheet);
  return { r1: row, c1: col, r2: row + numRows - 1, c2: col + numCols - 1 };
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

type Style = keyof CellStyle;

export class FakeRange {
  constructor(
    /** The sheet's model (exporters; not an Apps Script member). */
    readonly model: SheetModel,
    /** The rectangle, 1-based inclusive (exporters; not an Apps Script member). */
    readonly rect: GridRect,
    /** Whole rows/columns (exporters, named ranges; not an Apps Script member). */
    readonly flags: RangeFlags = {},
  ) {}

  private hit(method: string): void {
    this.model.ss.env.hit(`Range.${method}`);
  }

  private get rows(): number {
    return this.rect.r2 - this.rect.r1 + 1;
  }

  private get cols(): number {
    return this.rect.c2 - this.rect.c1 + 1;
  }

  /** Checks a 2-D argument against the range: rows first, then each row's length (SHEETS-FACTS §1). */
  private checkShape(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
      throw signatureError('Range', method, [data]);
    const rows = data as unknown[][];
    if (rows.length !== this.rows) throw sheetsError(MSG.rowsMismatch(rows.length, this.rows));
    for (const row of rows)
      if (row.length !== this.cols) throw sheetsError(MSG.colsMismatch(row.length, this.cols));
    return rows;
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this.rows }, () => new Array<T>(this.cols).fill(value));
  }

  // ---- geometry ----

  getA1Notation(): string {
    this.hit('getA1Notation');
    const { r1, c1, r2, c2 } = this.rect;
    if (this.flags.wholeRows) return `${r1}:${r2}`;
    if (this.flags.wholeColumns) return `${columnToLetters(c1)}:${columnToLetters(c2)}`;
    return r1 === r2 && c1 === c2 ? cellA1(r1, c1) : `${cellA1(r1, c1)}:${cellA1(r2, c2)}`;
  }
  getRow(): number {
    this.hit('getRow');
    return this.rect.r1;
  }
  getRowIndex(): number {
    this.hit('getRowIndex');
    return this.rect.r1;
  }
  getColumn(): number {
    this.hit('getColumn');
    return this.rect.c1;
  }
  getColumnIndex(): number {
    this.hit('getColumnIndex');
    return this.rect.c1;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.rows;
  }
  getHeight(): number {
    this.hit('getHeight');
    return this.rows;
  }
  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.cols;
  }
  getWidth(): number {
    this.hit('getWidth');
    return this.cols;
  }
  getLastRow(): number {
    this.hit('getLastRow');
    return this.rect.r2;
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.rect.c2;
  }
  getSheet(): FakeSheet {
    this.hit('getSheet');
    return this.model.api;
  }
  getGridId(): number {
    this.hit('getGridId');
    return this.model.sheetId;
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.hit('offset');
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    if (!args.every(isInt)) throw signatureError('Range', 'offset', args);
    const rect = checkedRect(
      this.model,
      this.rect.r1 + rowOffset,
      this.rect.c1 + columnOffset,
      numRows ?? this.rows,
      numColumns ?? this.cols,
    );
    return makeRange(this.model, rect);
  }

  getCell(row: number, column: number): FakeRange {
    this.hit('getCell');
    if (!isInt(row) || !isInt(column)) throw signatureError('Range', 'getCell', [row, column]);
    if (row < 1 || column < 1 || row > this.rows || column > this.cols)
      throw sheetsError(MSG.outsideSheet);
    const r = this.rect.r1 + row - 1;
    const c = this.rect.c1 + column - 1;
    return makeRange(this.model, { r1: r, c1: c, r2: r, c2: c });
  }

  activate(): this {
    this.hit('activate');
    this.model.ss.activeSheet = this.model;
    this.model.ss.activeRange = { ...this.rect };
    return this;
  }

  isBlank(): boolean {
    this.hit('isBlank');
    for (let r = this.rect.r1; r <= this.rect.r2; r++)
      for (let c = this.rect.c1; c <= this.rect.c2; c++)
        if (this.model.isFilled(r, c)) return false;
    return true;
  }

  // ---- values and formulas ----

  getValue(): AppsValue {
    this.hit('getValue');
    return this.model.readValues({ ...this.rect, r2: this.rect.r1, c2: this.rect.c1 })[0][0];
  }

  getValues(): AppsValue[][] {
    this.hit('getValues');
    return this.model.readValues(this.rect);
  }

  getDisplayValue(): string {
    this.hit('getDisplayValue');
    return this.model.readDisplayValues({ ...this.rect, r2: this.rect.r1, c2: this.rect.c1 })[0][0];
  }

  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    return this.model.readDisplayValues(this.rect);
  }

  getFormula(): string {
    this.hit('getFormula');
    return this.model.readFormulas({ ...this.rect, r2: this.rect.r1, c2: this.rect.c1 })[0][0];
  }

  getFormulas(): string[][] {
    this.hit('getFormulas');
    return this.model.readFormulas(this.rect);
  }

  getFormulasR1C1(): (string | null)[][] {
    this.hit('getFormulasR1C1');
    // R1C1 text is not modelled: formulas are returned in A1, empty cells as null.
    return this.model.readFormulas(this.rect).map((row) => row.map((f) => (f === '' ? null : f)));
  }

  /** Writes one value or formula in every cell; a formula is filled with relative references adjusted. */
  private writeSame(value: unknown, mode: 'value' | 'formula'): void {
    const m = this.model;
    m.ss.assertCanEdit(m, this.rect);
    const first = m.parseWrite(value, this.rect.r1, this.rect.c1, 'value');
    if (mode === 'formula' && (value === '' || value === null || value === undefined)) {
      m.storeInputs(
        this.rect,
        this.fill<StoredInput>({ raw: null, formula: false, filled: false }),
      );
      return;
    }
    if (!first.formula || (this.rows === 1 && this.cols === 1)) {
      m.writeBlock(this.rect, this.fill(value), mode);
      return;
    }
    const topLeft: GridRect = { ...this.rect, r2: this.rect.r1, c2: this.rect.c1 };
    m.storeInputs(topLeft, [[first]]);
    // Fill like a paste (relative references move), doubling the pasted block each time.
    const hf = m.hf;
    const at = (r: number, c: number) => ({ sheet: m.hfId, row: r - 1, col: c - 1 });
    let width = 1;
    while (width < this.cols) {
      const n = Math.min(width, this.cols - width);
      hf.copy({
        start: at(this.rect.r1, this.rect.c1),
        end: at(this.rect.r1, this.rect.c1 + n - 1),
      });
      hf.paste(at(this.rect.r1, this.rect.c1 + width));
      width += n;
    }
    let height = 1;
    while (height < this.rows) {
      const n = Math.min(height, this.rows - height);
      hf.copy({
        start: at(this.rect.r1, this.rect.c1),
        end: at(this.rect.r1 + n - 1, this.rect.c2),
      });
      hf.paste(at(this.rect.r1 + height, this.rect.c1));
      height += n;
    }
    m.storeFilled(this.rect, true);
  }

  setValue(value: unknown): this {
    this.hit('setValue');
    this.writeSame(value, 'value');
    return this;
  }

  setValues(values: unknown): this {
    this.hit('setValues');
    const rows = this.checkShape('setValues', values);
    this.model.writeBlock(this.rect, rows, 'value');
    return this;
  }

  setFormula(formula: unknown): this {
    this.hit('setFormula');
    if (typeof formula !== 'string') throw signatureError('Range', 'setFormula', [formula]);
    this.writeSame(formula, 'formula');
    return this;
  }

  setFormulas(formulas: unknown): this {
    this.hit('setFormulas');
    const rows = this.checkShape('setFormulas', formulas);
    this.model.writeBlock(this.rect, rows, 'formula');
    return this;
  }

  // ---- clearing ----

  private clearParts(parts: {
    contents?: boolean;
    formats?: boolean;
    validations?: boolean;
    notes?: boolean;
  }): void {
    const m = this.model;
    m.ss.assertCanEdit(m, this.rect);
    if (parts.contents) m.clearContents(this.rect);
    const fields: (keyof CellMeta)[] = [];
    if (parts.formats) fields.push('numberFormat', 'style');
    if (parts.validations) fields.push('validation');
    if (parts.notes) fields.push('note');
    if (fields.length > 0) m.clearMeta(this.rect, fields);
  }

  /** clear() = contents and formats; options commentsOnly/contentsOnly/formatOnly/validationsOnly. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    this.hit('clear');
    if (
      !options ||
      !(
        options.commentsOnly ||
        options.contentsOnly ||
        options.formatOnly ||
        options.validationsOnly
      )
    ) {
      this.clearParts({ contents: true, formats: true });
    } else {
      this.clearParts({
        contents: options.contentsOnly,
        formats: options.formatOnly,
        validations: options.validationsOnly,
        notes: options.commentsOnly,
      });
    }
    return this;
  }

  clearContent(): this {
    this.hit('clearContent');
    this.clearParts({ contents: true });
    return this;
  }

  clearFormat(): this {
    this.hit('clearFormat');
    this.clearParts({ formats: true });
    return this;
  }

  clearNote(): this {
    this.hit('clearNote');
    this.clearParts({ notes: true });
    return this;
  }

  clearDataValidations(): this {
    this.hit('clearDataValidations');
    this.clearParts({ validations: true });
    return this;
  }

  // ---- number formats and styles ----

  getNumberFormat(): string {
    this.hit('getNumberFormat');
    return this.model.metaAt(this.rect.r1, this.rect.c1)?.numberFormat ?? GENERAL_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.hit('getNumberFormats');
    return this.mapCells((meta) => meta?.numberFormat ?? GENERAL_FORMAT);
  }

  setNumberFormat(format: unknown): this {
    this.hit('setNumberFormat');
    if (typeof format !== 'string') throw signatureError('Range', 'setNumberFormat', [format]);
    this.model.updateMeta(this.rect, (meta) => {
      meta.numberFormat = format;
    });
    return this;
  }

  setNumberFormats(formats: unknown): this {
    this.hit('setNumberFormats');
    const rows = this.checkShape('setNumberFormats', formats);
    this.model.updateMeta(this.rect, (meta, r, c) => {
      meta.numberFormat = String(rows[r - this.rect.r1][c - this.rect.c1]);
    });
    return this;
  }

  private mapCells<T>(fn: (meta: CellMeta | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const row: T[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++)
        row.push(fn(this.model.metaAt(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  private setStyle<K extends Style>(key: K, value: CellStyle[K] | null | undefined): void {
    this.model.updateMeta(this.rect, (meta) => {
      if (value === null || value === undefined) {
        if (meta.style) delete meta.style[key];
      } else {
        meta.style = { ...(meta.style ?? {}), [key]: value };
      }
    });
  }

  private setStyles<K extends Style>(
    method: string,
    key: K,
    values: unknown,
    conv: (v: unknown) => CellStyle[K] | null,
  ): void {
    const rows = this.checkShape(method, values);
    this.model.updateMeta(this.rect, (meta, r, c) => {
      const v = conv(rows[r - this.rect.r1][c - this.rect.c1]);
      if (v === null || v === undefined) {
        if (meta.style) delete meta.style[key];
      } else meta.style = { ...(meta.style ?? {}), [key]: v };
    });
  }

  private getStyle<K extends Style>(
    key: K,
    fallback: NonNullable<CellStyle[K]>,
  ): NonNullable<CellStyle[K]> {
    return this.model.metaAt(this.rect.r1, this.rect.c1)?.style?.[key] ?? fallback;
  }

  private getStyleGrid<K extends Style>(
    key: K,
    fallback: NonNullable<CellStyle[K]>,
  ): NonNullable<CellStyle[K]>[][] {
    return this.mapCells((meta) => meta?.style?.[key] ?? fallback);
  }

  setFontWeight(weight: string | null): this {
    this.hit('setFontWeight');
    this.setStyle('fontWeight', weight === 'normal' ? null : weight);
    return this;
  }
  setFontWeights(weights: unknown): this {
    this.hit('setFontWeights');
    this.setStyles('setFontWeights', 'fontWeight', weights, (v) =>
      v === null || v === 'normal' ? null : String(v),
    );
    return this;
  }
  getFontWeight(): string {
    this.hit('getFontWeight');
    return this.getStyle('fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    this.hit('getFontWeights');
    return this.getStyleGrid('fontWeight', 'normal');
  }
  setFontStyle(style: string | null): this {
    this.hit('setFontStyle');
    this.setStyle('fontStyle', style === 'normal' ? null : style);
    return this;
  }
  getFontStyle(): string {
    this.hit('getFontStyle');
    return this.getStyle('fontStyle', 'normal');
  }
  setFontColor(color: string | null): this {
    this.hit('setFontColor');
    this.setStyle('fontColor', color);
    return this;
  }
  setFontColors(colors: unknown): this {
    this.hit('setFontColors');
    this.setStyles('setFontColors', 'fontColor', colors, (v) => (v === null ? null : String(v)));
    return this;
  }
  getFontColor(): string {
    this.hit('getFontColor');
    return this.getStyle('fontColor', '#000000');
  }
  setFontSize(size: number): this {
    this.hit('setFontSize');
    if (!isInt(size)) throw signatureError('Range', 'setFontSize', [size]);
    this.setStyle('fontSize', size);
    return this;
  }
  getFontSize(): number {
    this.hit('getFontSize');
    return this.getStyle('fontSize', 10);
  }
  setFontFamily(family: string | null): this {
    this.hit('setFontFamily');
    this.setStyle('fontFamily', family);
    return this;
  }
  getFontFamily(): string {
    this.hit('getFontFamily');
    return this.getStyle('fontFamily', 'Arial');
  }
  setFontLine(line: string | null): this {
    this.hit('setFontLine');
    this.setStyle('fontLine', line === 'none' ? null : line);
    return this;
  }
  setBackground(color: string | null): this {
    this.hit('setBackground');
    this.setStyle('background', color);
    return this;
  }
  setBackgrounds(colors: unknown): this {
    this.hit('setBackgrounds');
    this.setStyles('setBackgrounds', 'background', colors, (v) =>
      v === null || v === '' ? null : String(v),
    );
    return this;
  }
  getBackground(): string {
    this.hit('getBackground');
    return this.getStyle('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return this.getStyleGrid('background', '#ffffff');
  }
  setHorizontalAlignment(alignment: string | null): this {
    this.hit('setHorizontalAlignment');
    this.setStyle('horizontalAlignment', alignment === 'normal' ? null : alignment);
    return this;
  }
  setHorizontalAlignments(alignments: unknown): this {
    this.hit('setHorizontalAlignments');
    this.setStyles('setHorizontalAlignments', 'horizontalAlignment', alignments, (v) =>
      v === null || v === 'normal' ? null : String(v),
    );
    return this;
  }
  getHorizontalAlignment(): string {
    this.hit('getHorizontalAlignment');
    return this.getStyle('horizontalAlignment', 'general');
  }
  setVerticalAlignment(alignment: string | null): this {
    this.hit('setVerticalAlignment');
    this.setStyle('verticalAlignment', alignment);
    return this;
  }
  getVerticalAlignment(): string {
    this.hit('getVerticalAlignment');
    return this.getStyle('verticalAlignment', 'bottom');
  }
  setWrap(wrap: boolean): this {
    this.hit('setWrap');
    this.setStyle('wrapStrategy', wrap ? 'WRAP' : 'OVERFLOW');
    return this;
  }
  getWrap(): boolean {
    this.hit('getWrap');
    return this.getStyle('wrapStrategy', 'OVERFLOW') === 'WRAP';
  }
  setWrapStrategy(strategy: string): this {
    this.hit('setWrapStrategy');
    this.setStyle('wrapStrategy', String(strategy));
    return this;
  }
  getWrapStrategy(): string {
    this.hit('getWrapStrategy');
    return this.getStyle('wrapStrategy', 'OVERFLOW');
  }

  /** setBorder(top, left, bottom, right, vertical, horizontal[, color, style]); null = unchanged, false = none. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    this.hit('setBorder');
    const { r1, r2, c1, c2 } = this.rect;
    this.model.updateMeta(this.rect, (meta, r, c) => {
      const b: BorderSpec = { ...(meta.style?.borders ?? {}) };
      const sides: [keyof BorderSpec, boolean | null][] = [
        ['top', r === r1 ? top : horizontal],
        ['bottom', r === r2 ? bottom : horizontal],
        ['left', c === c1 ? left : vertical],
        ['right', c === c2 ? right : vertical],
      ];
      for (const [side, on] of sides)
        if (on !== null && on !== undefined) (b as Record<string, unknown>)[side] = on;
      if (color !== undefined) b.color = color;
      if (style !== undefined) b.style = style === null ? null : String(style);
      meta.style = { ...(meta.style ?? {}), borders: b };
    });
    return this;
  }

  // ---- merges ----

  private mergeRects(rects: GridRect[]): void {
    const m = this.model;
    m.ss.assertCanEdit(m, this.rect);
    for (const rect of rects) {
      for (const existing of m.merges)
        if (intersects(existing, rect) && !contains(rect, existing))
          throw sheetsError(MSG.partialMerge);
    }
    for (const rect of rects) {
      if (rect.r1 === rect.r2 && rect.c1 === rect.c2) continue;
      m.merges = m.merges.filter((e) => !contains(rect, e));
      m.merges.push({ ...rect });
      // Sheets keeps only the top-left value of a merge.
      for (let r = rect.r1; r <= rect.r2; r++) {
        const start = r === rect.r1 ? rect.c1 + 1 : rect.c1;
        if (start > rect.c2) continue;
        m.clearContents({ r1: r, r2: r, c1: start, c2: rect.c2 });
      }
    }
  }

  merge(): this {
    this.hit('merge');
    this.mergeRects([this.rect]);
    return this;
  }

  mergeAcross(): this {
    this.hit('mergeAcross');
    const rects: GridRect[] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++)
      rects.push({ r1: r, r2: r, c1: this.rect.c1, c2: this.rect.c2 });
    this.mergeRects(rects);
    return this;
  }

  mergeVertically(): this {
    this.hit('mergeVertically');
    const rects: GridRect[] = [];
    for (let c = this.rect.c1; c <= this.rect.c2; c++)
      rects.push({ r1: this.rect.r1, r2: this.rect.r2, c1: c, c2: c });
    this.mergeRects(rects);
    return this;
  }

  breakApart(): this {
    this.hit('breakApart');
    const m = this.model;
    m.ss.assertCanEdit(m, this.rect);
    for (const e of m.merges)
      if (intersects(e, this.rect) && !contains(this.rect, e)) throw sheetsError(MSG.partialMerge);
    m.merges = m.merges.filter((e) => !contains(this.rect, e));
    return this;
  }

  getMergedRanges(): FakeRange[] {
    this.hit('getMergedRanges');
    return this.model.merges
      .filter((e) => intersects(e, this.rect))
      .map((e) => makeRange(this.model, e));
  }

  isPartOfMerge(): boolean {
    this.hit('isPartOfMerge');
    return this.model.merges.some((e) => intersects(e, this.rect));
  }

  // ---- data validation ----

  /** A rule argument; a custom formula is checked in the spreadsheet's formula syntax. */
  private asRule(method: string, rule: unknown): FakeDataValidation | null {
    if (rule === null) return null;
    if (typeof rule === 'object' && rule !== null && 'spec' in rule && 'getCriteriaType' in rule) {
      const v = rule as FakeDataValidation;
      if (v.spec.criteria === 'CUSTOM_FORMULA') {
        const canonical = this.model.ss.ruleFormula(v.spec.values[0]);
        if (canonical !== null) v.canonicalFormula = canonical;
      }
      return v;
    }
    throw signatureError('Range', method, [rule]);
  }

  setDataValidation(rule: unknown): this {
    this.hit('setDataValidation');
    const v = this.asRule('setDataValidation', rule);
    if (v === null) {
      this.model.ss.assertCanEdit(this.model, this.rect);
      this.model.clearMeta(this.rect, ['validation']);
    } else {
      this.model.updateMeta(this.rect, (meta) => {
        meta.validation = v;
      });
    }
    return this;
  }

  setDataValidations(rules: unknown): this {
    this.hit('setDataValidations');
    const rows = this.checkShape('setDataValidations', rules);
    const parsed = rows.map((row) => row.map((r) => this.asRule('setDataValidations', r)));
    this.model.updateMeta(this.rect, (meta, r, c) => {
      const v = parsed[r - this.rect.r1][c - this.rect.c1];
      if (v === null) delete meta.validation;
      else meta.validation = v;
    });
    return this;
  }

  getDataValidation(): FakeDataValidation | null {
    this.hit('getDataValidation');
    return this.model.metaAt(this.rect.r1, this.rect.c1)?.validation ?? null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.hit('getDataValidations');
    return this.mapCells((meta) => meta?.validation ?? null);
  }

  /** Checkbox validation and FALSE in every cell. */
  insertCheckboxes(): this {
    this.hit('insertCheckboxes');
    const env = this.model.ss.env;
    const rule = env.withoutCounting(() =>
      new FakeDataValidationBuilder(env).requireCheckbox().build(),
    );
    this.model.updateMeta(this.rect, (meta) => {
      meta.validation = rule;
    });
    this.model.writeBlock(this.rect, this.fill(false), 'value');
    return this;
  }

  check(): this {
    this.hit('check');
    this.model.writeBlock(this.rect, this.fill(true), 'value');
    return this;
  }

  uncheck(): this {
    this.hit('uncheck');
    this.model.writeBlock(this.rect, this.fill(false), 'value');
    return this;
  }

  // ---- notes ----

  setNote(note: string | null): this {
    this.hit('setNote');
    if (note === null || note === '') {
      this.model.ss.assertCanEdit(this.model, this.rect);
      this.model.clearMeta(this.rect, ['note']);
    } else
      this.model.updateMeta(this.rect, (meta) => {
        meta.note = String(note);
      });
    return this;
  }

  setNotes(notes: unknown): this {
    this.hit('setNotes');
    const rows = this.checkShape('setNotes', notes);
    this.model.updateMeta(this.rect, (meta, r, c) => {
      const v = rows[r - this.rect.r1][c - this.rect.c1];
      if (v === null || v === '' || v === undefined) delete meta.note;
      else meta.note = String(v);
    });
    return this;
  }

  getNote(): string {
    this.hit('getNote');
    return this.model.metaAt(this.rect.r1, this.rect.c1)?.note ?? '';
  }

  getNotes(): string[][] {
    this.hit('getNotes');
    return this.mapCells((meta) => meta?.note ?? '');
  }

  // ---- protection ----

  protect(): FakeProtection {
    this.hit('protect');
    const ss = this.model.ss;
    const state: ProtectionState = {
      type: 'RANGE',
      sheet: this.model,
      rect: { ...this.rect },
      description: '',
      warningOnly: false,
      mirrorsFile: true,
      editors: new Set(),
      creator: ss.ctx.user,
      domainEdit: false,
      unprotected: [],
      rangeName: null,
    };
    ss.protections.push(state);
    return protectionApi(ss, state);
  }

  // ---- developer metadata ----

  private scope(): Extract<FinderScope, { kind: 'range' }> {
    return {
      kind: 'range',
      sheet: this.model,
      ...this.rect,
      wholeRows: this.flags.wholeRows === true,
      wholeColumns: this.flags.wholeColumns === true,
    };
  }

  /** Whole rows or whole columns only (SHEETS-FACTS §3). */
  addDeveloperMetadata(...args: unknown[]): this {
    this.hit('addDeveloperMetadata');
    const parsed = metadataArgs('Range', args);
    const location = rangeLocation(this.scope());
    if (!location) throw sheetsError(MSG.metadataRange);
    addMetadata(this.model.ss, location, parsed);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.hit('getDeveloperMetadata');
    const ss = this.model.ss;
    return metadataInScope(ss, this.scope(), false).map((m) => metadataApi(ss, m));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.hit('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.model.ss.env, this.model.ss, this.scope());
  }

  // ---- copy ----

  /** copyTo(destination[, options {contentsOnly, formatOnly}]): formulas are re-based like a paste. */
  copyTo(destination: FakeRange, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    this.hit('copyTo');
    const src = this.model;
    const dst = destination.model;
    const target: GridRect = {
      r1: destination.rect.r1,
      c1: destination.rect.c1,
      r2: destination.rect.r1 + this.rows - 1,
      c2: destination.rect.c1 + this.cols - 1,
    };
    if (target.r2 > dst.maxRows || target.c2 > dst.maxCols) throw sheetsError(MSG.outsideSheet);
    dst.ss.assertCanEdit(dst, target);
    const formatsOnly = options?.formatOnly === true;
    const contentsOnly = options?.contentsOnly === true;
    if (!formatsOnly) {
      const hf = src.hf;
      hf.copy({
        start: { sheet: src.hfId, row: this.rect.r1 - 1, col: this.rect.c1 - 1 },
        end: { sheet: src.hfId, row: this.rect.r2 - 1, col: this.rect.c2 - 1 },
      });
      hf.paste({ sheet: dst.hfId, row: target.r1 - 1, col: target.c1 - 1 });
      for (let i = 0; i < this.rows; i++)
        for (let j = 0; j < this.cols; j++)
          dst.markFilled(
            target.r1 + i,
            target.c1 + j,
            src.isFilled(this.rect.r1 + i, this.rect.c1 + j),
          );
    }
    if (!contentsOnly) {
      const metas = this.mapCells((meta) => meta);
      dst.updateMeta(
        target,
        (meta, r, c) => {
          const from = metas[r - target.r1][c - target.c1];
          delete meta.numberFormat;
          delete meta.style;
          delete meta.validation;
          if (from?.numberFormat !== undefined) meta.numberFormat = from.numberFormat;
          if (from?.style) meta.style = { ...from.style };
          if (from?.validation) meta.validation = from.validation;
        },
        true,
      );
    }
  }
}

export type { StoredInput };
