/** Apps Script `Sheet`. Every public method counts one call as 'Sheet.<method>'. */
import { FakeRangeList } from './rangeList';
import { parseA1 } from './a1';
import { cloneChartSpec, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import { FakeConditionalFormatRule } from './conditional';
import { MSG, signatureError, sheetsError } from './errors';
import {
  addMetadata,
  FakeDeveloperMetadataFinder,
  metadataApi,
  metadataArgs,
  type FakeDeveloperMetadata,
} from './metadata';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type ProtectionState,
  type SheetModel,
} from './model';
import { FakeNamedRange } from './namedRange';
import { protectionApi, type FakeProtection } from './protection';
import { checkedRect, FakeRange, makeRange } from './range';
import type { Dimension } from './rect';
import type { FakeSpreadsheet } from './spreadsheet';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Resolves an A1/R1C1 reference (no sheet prefix) on a sheet; 'Range not found' when invalid. */
export function rangeFromA1(sheet: SheetModel, ref: string): FakeRange {
  const p = parseA1(ref);
  const wholeRows = p.c1 === undefined;
  const wholeColumns = p.r1 === undefined;
  const r1 = p.r1 ?? 1;
  const c1 = p.c1 ?? 1;
  const r2 = p.r2 ?? sheet.maxRows;
  const c2 = p.c2 ?? sheet.maxCols;
  if (r2 > sheet.maxRows || c2 > sheet.maxCols) throw sheetsError(MSG.outsideSheet);
  return makeRange(sheet, { r1, c1, r2, c2 }, { wholeRows, wholeColumns });
}

export class FakeSheet {
  constructor(
    /**
     * Non-Apps-Script exporter/importer API (not counted): the sheet's model. See
     * SheetModel: cells(), validations(), merges, columnWidths, rowHeights, hiddenColumns,
     * frozenRows, frozenColumns, conditionalRules, charts, maxRows, maxCols, writeCells().
     */
    readonly internal: SheetModel,
  ) {
    internal.api = this;
  }

  private hit(method: string): void {
    this.internal.ss.env.hit(`Sheet.${method}`);
  }

  getName(): string {
    this.hit('getName');
    return this.internal.name;
  }

  setName(name: unknown): this {
    this.hit('setName');
    if (typeof name !== 'string') throw signatureError('Sheet', 'setName', [name]);
    this.internal.ss.renameSheet(this.internal, name);
    return this;
  }

  getSheetId(): number {
    this.hit('getSheetId');
    return this.internal.sheetId;
  }

  getIndex(): number {
    this.hit('getIndex');
    return this.internal.ss.sheets.indexOf(this.internal) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.hit('getParent');
    return this.internal.ss.api;
  }

  getType(): string {
    this.hit('getType');
    return 'GRID';
  }

  /** getRange(a1) | getRange(row, column[, numRows[, numColumns]]). */
  /** getRangeList(a1Notations): ranges of this sheet to format in one call each (rangeList.ts). */
  getRangeList(a1Notations: unknown): FakeRangeList {
    this.hit('getRangeList');
    if (
      !Array.isArray(a1Notations) ||
      a1Notations.length === 0 ||
      !a1Notations.every((a) => typeof a === 'string')
    )
      throw signatureError('Sheet', 'getRangeList', [a1Notations]);
    const ranges = (a1Notations as string[]).map((a) => rangeFromA1(this.internal, a));
    return new FakeRangeList(this.internal.ss.env, ranges);
  }

  getRange(...args: unknown[]): FakeRange {
    this.hit('getRange');
    const [a, b, c, d] = args;
    if (args.length === 1 && typeof a === 'string') return rangeFromA1(this.internal, a);
    if (args.length >= 2 && args.length <= 4 && args.every(isNum)) {
      const rect = checkedRect(
        this.internal,
        Math.trunc(a as number),
        Math.trunc(b as number),
        c === undefined ? 1 : Math.trunc(c as number),
        d === undefined ? 1 : Math.trunc(d as number),
      );
      return makeRange(this.internal, rect);
    }
    throw signatureError('Sheet', 'getRange', args);
  }

  getDataRange(): FakeRange {
    this.hit('getDataRange');
    const m = this.internal;
    return makeRange(m, {
      r1: 1,
      c1: 1,
      r2: Math.max(1, m.lastRow()),
      c2: Math.max(1, m.lastColumn()),
    });
  }

  getLastRow(): number {
    this.hit('getLastRow');
    return this.internal.lastRow();
  }

  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.internal.lastColumn();
  }

  getMaxRows(): number {
    this.hit('getMaxRows');
    return this.internal.maxRows;
  }

  getMaxColumns(): number {
    this.hit('getMaxColumns');
    return this.internal.maxCols;
  }

  /** Appends a row after the last row with content (adding a grid row when needed). */
  appendRow(rowContents: unknown): this {
    this.hit('appendRow');
    if (!Array.isArray(rowContents)) throw signatureError('Sheet', 'appendRow', [rowContents]);
    const m = this.internal;
    const values = rowContents as unknown[];
    if (values.length === 0) return this;
    const row = m.lastRow() + 1;
    if (row > m.maxRows) m.insert('row', row, 1, null);
    if (values.length > m.maxCols) m.insert('col', m.maxCols + 1, values.length - m.maxCols, null);
    m.writeBlock({ r1: row, r2: row, c1: 1, c2: values.length }, [values], 'value');
    return this;
  }

  // ---- rows and columns ----

  private max(dim: Dimension): number {
    return dim === 'row' ? this.internal.maxRows : this.internal.maxCols;
  }

  private outOfBounds(dim: Dimension): Error {
    return sheetsError(dim === 'row' ? MSG.rowsOutOfBounds : MSG.columnsOutOfBounds);
  }

  /** Inserts before `before` (1..max+1 allowed), inheriting formats from `inheritFrom`. */
  private insertAt(
    method: string,
    dim: Dimension,
    before: unknown,
    count: unknown,
    inherit: 'before' | 'after',
  ): void {
    if (!isNum(before) || !isNum(count)) throw signatureError('Sheet', method, [before, count]);
    const at = Math.trunc(before);
    const n = Math.trunc(count);
    if (n < 1) throw sheetsError(dim === 'row' ? MSG.rowsAtLeastOne : MSG.colsAtLeastOne);
    if (at < 1 || at > this.max(dim) + 1) throw this.outOfBounds(dim);
    const source = inherit === 'before' ? at - 1 : at;
    this.internal.insert(dim, at, n, source >= 1 && source <= this.max(dim) ? source : null);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.hit('insertRows');
    this.insertAt('insertRows', 'row', rowIndex, numRows, 'after');
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.hit('insertRowsBefore');
    this.insertAt('insertRowsBefore', 'row', beforePosition, howMany, 'after');
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.hit('insertRowsAfter');
    this.insertAt(
      'insertRowsAfter',
      'row',
      isNum(afterPosition) ? afterPosition + 1 : afterPosition,
      howMany,
      'before',
    );
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    this.hit('insertRowBefore');
    this.insertAt('insertRowBefore', 'row', beforePosition, 1, 'after');
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this.hit('insertRowAfter');
    this.insertAt(
      'insertRowAfter',
      'row',
      isNum(afterPosition) ? afterPosition + 1 : afterPosition,
      1,
      'before',
    );
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.hit('insertColumns');
    this.insertAt('insertColumns', 'col', columnIndex, numColumns, 'after');
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.hit('insertColumnsBefore');
    this.insertAt('insertColumnsBefore', 'col', beforePosition, howMany, 'after');
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.hit('insertColumnsAfter');
    this.insertAt(
      'insertColumnsAfter',
      'col',
      isNum(afterPosition) ? afterPosition + 1 : afterPosition,
      howMany,
      'before',
    );
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    this.hit('insertColumnBefore');
    this.insertAt('insertColumnBefore', 'col', beforePosition, 1, 'after');
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    this.hit('insertColumnAfter');
    this.insertAt(
      'insertColumnAfter',
      'col',
      isNum(afterPosition) ? afterPosition + 1 : afterPosition,
      1,
      'before',
    );
    return this;
  }

  private deleteAt(method: string, dim: Dimension, position: unknown, count: unknown): void {
    if (!isNum(position) || !isNum(count)) throw signatureError('Sheet', method, [position, count]);
    const start = Math.trunc(position);
    const n = Math.trunc(count);
    const max = this.max(dim);
    if (n < 1 || start < 1 || start + n - 1 > max) throw this.outOfBounds(dim);
    const frozen = dim === 'row' ? this.internal.frozenRows : this.internal.frozenColumns;
    if (start <= frozen + 1 && start + n - 1 >= max)
      throw sheetsError(dim === 'row' ? MSG.deleteAllRows : MSG.deleteAllColumns);
    this.internal.remove(dim, start, n);
  }

  deleteRow(rowPosition: number): this {
    this.hit('deleteRow');
    this.deleteAt('deleteRow', 'row', rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.hit('deleteRows');
    this.deleteAt('deleteRows', 'row', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.hit('deleteColumn');
    this.deleteAt('deleteColumn', 'col', columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.hit('deleteColumns');
    this.deleteAt('deleteColumns', 'col', columnPosition, howMany);
  }

  // ---- frozen panes, sizes, visibility ----

  setFrozenRows(rows: number): void {
    this.hit('setFrozenRows');
    if (!isNum(rows) || rows < 0) throw signatureError('Sheet', 'setFrozenRows', [rows]);
    if (rows >= this.internal.maxRows) throw sheetsError(MSG.freezeAllRows);
    this.internal.frozenRows = Math.trunc(rows);
  }
  getFrozenRows(): number {
    this.hit('getFrozenRows');
    return this.internal.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.hit('setFrozenColumns');
    if (!isNum(columns) || columns < 0)
      throw signatureError('Sheet', 'setFrozenColumns', [columns]);
    if (columns >= this.internal.maxCols) throw sheetsError(MSG.freezeAllColumns);
    this.internal.frozenColumns = Math.trunc(columns);
  }
  getFrozenColumns(): number {
    this.hit('getFrozenColumns');
    return this.internal.frozenColumns;
  }

  private checkSpan(dim: Dimension, start: number, count: number): void {
    if (
      !isNum(start) ||
      !isNum(count) ||
      start < 1 ||
      count < 1 ||
      start + count - 1 > this.max(dim)
    )
      throw this.outOfBounds(dim);
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.hit('setColumnWidth');
    this.checkSpan('col', columnPosition, 1);
    this.internal.columnWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.hit('setColumnWidths');
    this.checkSpan('col', startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.internal.columnWidths[c - 1] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.hit('getColumnWidth');
    this.checkSpan('col', columnPosition, 1);
    return this.internal.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this.hit('setRowHeight');
    this.checkSpan('row', rowPosition, 1);
    this.internal.rowHeights[rowPosition - 1] = height;
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.hit('setRowHeights');
    this.checkSpan('row', startRow, numRows);
    for (let r = startRow; r < startRow + numRows; r++) this.internal.rowHeights[r - 1] = height;
    return this;
  }
  getRowHeight(rowPosition: number): number {
    this.hit('getRowHeight');
    this.checkSpan('row', rowPosition, 1);
    return this.internal.rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }

  /** Widths from the longest display text of each column (about 7 px a character). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.hit('autoResizeColumns');
    this.checkSpan('col', startColumn, numColumns);
    this.autoResize(startColumn, numColumns);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    this.hit('autoResizeColumn');
    this.checkSpan('col', columnPosition, 1);
    this.autoResize(columnPosition, 1);
    return this;
  }
  private autoResize(start: number, count: number): void {
    const m = this.internal;
    const last = Math.max(1, m.lastRow());
    const texts = m.readDisplayValues({ r1: 1, r2: last, c1: start, c2: start + count - 1 });
    for (let j = 0; j < count; j++) {
      const longest = texts.reduce((max, row) => Math.max(max, row[j].length), 0);
      m.columnWidths[start + j - 1] = Math.max(21, Math.min(800, longest * 7 + 12));
    }
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.hit('hideColumns');
    this.checkSpan('col', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.internal.hiddenColumns[c - 1] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.hit('showColumns');
    this.checkSpan('col', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.internal.hiddenColumns[c - 1] = undefined;
  }
  hideColumn(column: FakeRange): void {
    this.hit('hideColumn');
    for (let c = column.rect.c1; c <= column.rect.c2; c++)
      this.internal.hiddenColumns[c - 1] = true;
  }
  unhideColumn(column: FakeRange): void {
    this.hit('unhideColumn');
    for (let c = column.rect.c1; c <= column.rect.c2; c++)
      this.internal.hiddenColumns[c - 1] = undefined;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.hit('isColumnHiddenByUser');
    return this.internal.hiddenColumns[columnPosition - 1] === true;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.hit('hideRows');
    this.checkSpan('row', rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.internal.hiddenRows[r - 1] = true;
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.hit('showRows');
    this.checkSpan('row', rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.internal.hiddenRows[r - 1] = undefined;
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.hit('isRowHiddenByUser');
    return this.internal.hiddenRows[rowPosition - 1] === true;
  }

  setTabColor(color: string | null): this {
    this.hit('setTabColor');
    this.internal.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.hit('getTabColor');
    return this.internal.tabColor;
  }
  isSheetHidden(): boolean {
    this.hit('isSheetHidden');
    return this.internal.hidden;
  }
  hideSheet(): this {
    this.hit('hideSheet');
    this.internal.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hit('showSheet');
    this.internal.hidden = false;
    return this;
  }
  setHiddenGridlines(hideGridlines: boolean): this {
    this.hit('setHiddenGridlines');
    this.internal.gridlinesHidden = hideGridlines;
    return this;
  }
  hasHiddenGridlines(): boolean {
    this.hit('hasHiddenGridlines');
    return this.internal.gridlinesHidden;
  }

  activate(): this {
    this.hit('activate');
    const ss = this.internal.ss;
    ss.activeSheet = this.internal;
    ss.activeRange = null;
    return this;
  }

  getActiveRange(): FakeRange {
    this.hit('getActiveRange');
    const ss = this.internal.ss;
    const rect =
      ss.activeSheet === this.internal && ss.activeRange
        ? ss.activeRange
        : { r1: 1, c1: 1, r2: 1, c2: 1 };
    return makeRange(this.internal, rect);
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.hit('setActiveRange');
    const ss = this.internal.ss;
    ss.activeSheet = range.model;
    ss.activeRange = { ...range.rect };
    return range;
  }

  // ---- clearing ----

  private clearWhole(contents: boolean, formats: boolean): void {
    const m = this.internal;
    const rect = m.whole();
    m.ss.assertCanEdit(m, rect);
    if (contents) m.clearContents(rect);
    if (formats) m.clearMeta(rect, ['numberFormat', 'style']);
  }

  /** clear() = contents and formats; options {contentsOnly, formatOnly}. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.hit('clear');
    const only = options && (options.contentsOnly || options.formatOnly);
    this.clearWhole(!only || options?.contentsOnly === true, !only || options?.formatOnly === true);
    return this;
  }
  clearContents(): this {
    this.hit('clearContents');
    this.clearWhole(true, false);
    return this;
  }
  clearFormats(): this {
    this.hit('clearFormats');
    this.clearWhole(false, true);
    return this;
  }
  clearNotes(): this {
    this.hit('clearNotes');
    const m = this.internal;
    m.ss.assertCanEdit(m, m.whole());
    m.clearMeta(m.whole(), ['note']);
    return this;
  }

  // ---- protection ----

  /** Returns the sheet's existing SHEET protection if any (SHEETS-FACTS §4). */
  protect(): FakeProtection {
    this.hit('protect');
    const ss = this.internal.ss;
    const existing = ss.protections.find((p) => p.type === 'SHEET' && p.sheet === this.internal);
    if (existing) return protectionApi(ss, existing);
    const state: ProtectionState = {
      type: 'SHEET',
      sheet: this.internal,
      rect: this.internal.whole(),
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

  getProtections(type: unknown): FakeProtection[] {
    this.hit('getProtections');
    if (type !== 'RANGE' && type !== 'SHEET')
      throw signatureError('Sheet', 'getProtections', [type]);
    const ss = this.internal.ss;
    return ss.protections
      .filter((p) => p.sheet === this.internal && p.type === type)
      .map((p) => protectionApi(ss, p));
  }

  // ---- named ranges ----

  getNamedRanges(): FakeNamedRange[] {
    this.hit('getNamedRanges');
    const ss = this.internal.ss;
    return ss.namedRanges
      .filter((n) => n.sheet === this.internal)
      .map((n) => new FakeNamedRange(ss.env, ss, n));
  }

  // ---- developer metadata ----

  addDeveloperMetadata(...args: unknown[]): this {
    this.hit('addDeveloperMetadata');
    addMetadata(
      this.internal.ss,
      { type: 'SHEET', sheet: this.internal },
      metadataArgs('Sheet', args),
    );
    return this;
  }

  /** Metadata located on the sheet itself. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.hit('getDeveloperMetadata');
    const ss = this.internal.ss;
    return ss.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this.internal)
      .map((m) => metadataApi(ss, m));
  }

  /** Finds metadata on the sheet and its rows/columns. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.hit('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.internal.ss.env, this.internal.ss, {
      kind: 'sheet',
      sheet: this.internal,
    });
  }

  // ---- conditional formats ----

  setConditionalFormatRules(rules: unknown): void {
    this.hit('setConditionalFormatRules');
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof FakeConditionalFormatRule)) {
      throw signatureError('Sheet', 'setConditionalFormatRules', [rules]);
    }
    const m = this.internal;
    m.ss.assertCanEdit(m, m.whole());
    const list = rules as FakeConditionalFormatRule[];
    const canonical = list.map((r) =>
      r.spec.criteria === 'CUSTOM_FORMULA' ? m.ss.ruleFormula(r.spec.values[0]) : null,
    );
    list.forEach((r, i) => {
      const formula = canonical[i];
      if (formula !== null) r.canonicalFormula = formula;
    });
    m.conditionalRules = [...list];
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.hit('getConditionalFormatRules');
    return [...this.internal.conditionalRules];
  }

  clearConditionalFormatRules(): void {
    this.hit('clearConditionalFormatRules');
    this.internal.conditionalRules = [];
  }

  // ---- charts ----

  newChart(): FakeEmbeddedChartBuilder {
    this.hit('newChart');
    return new FakeEmbeddedChartBuilder(this.internal.ss.env);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.hit('insertChart');
    if (!(chart instanceof FakeEmbeddedChart))
      throw signatureError('Sheet', 'insertChart', [chart]);
    const spec = cloneChartSpec(chart.spec);
    spec.chartId = this.internal.ss.nextChartId++;
    this.internal.charts.push(spec);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.hit('getCharts');
    const env = this.internal.ss.env;
    return this.internal.charts.map((c) => new FakeEmbeddedChart(env, cloneChartSpec(c)));
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.hit('removeChart');
    this.internal.charts = this.internal.charts.filter((c) => c.chartId !== chart.spec.chartId);
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.hit('updateChart');
    const i = this.internal.charts.findIndex((c) => c.chartId === chart.spec.chartId);
    if (i < 0) throw sheetsError(MSG.chartNotFound);
    this.internal.charts[i] = cloneChartSpec(chart.spec);
  }
}
