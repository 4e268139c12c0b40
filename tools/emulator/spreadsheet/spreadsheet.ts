/** Apps Script `Spreadsheet`. Every public method counts one call as 'Spreadsheet.<method>'. */
import { splitSheetPrefix } from './a1';
import type { EmulatorContext } from '../context';
import { MSG, signatureError, sheetsError } from './errors';
import {
  addMetadata,
  FakeDeveloperMetadataFinder,
  metadataApi,
  metadataArgs,
  type FakeDeveloperMetadata,
} from './metadata';
import { type SheetModel, SpreadsheetModel, type Toast } from './model';
import {
  defineNamedRange,
  FakeNamedRange,
  findNamed,
  namedRangeRange,
  removeNamed,
} from './namedRange';
import { protectionApi, type FakeProtection } from './protection';
import { FakeConditionalFormatRule } from './conditional';
import { makeRange, type FakeRange } from './range';
import { FakeSheet, rangeFromA1 } from './sheet';
import { emailOf, FakeUser } from './user';
import { english } from '../messages';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class FakeSpreadsheet {
  /**
   * Non-Apps-Script API (harness, xlsx export/import, tests); never counted. See SpreadsheetModel:
   * hf, sheets, namedRanges, metadata, protections, toasts, withoutCounting(fn), asOwner(fn),
   * setDateFactory(fn), namedRangeInfos(), sheetObjects(), protectionObjects(), addSheet(name).
   */
  readonly internal: SpreadsheetModel;

  constructor(ctx: EmulatorContext, name = 'Sổ Vì người nghèo') {
    const model = new SpreadsheetModel(ctx, name);
    model.api = this;
    this.internal = model;
    model.activeSheet = model.addSheet(model.defaultSheetName());
  }

  /** Toasts shown so far: {message, title, timeoutSeconds, at}. */
  get toasts(): Toast[] {
    return this.internal.toasts;
  }

  private get m(): SpreadsheetModel {
    return this.internal;
  }

  private hit(method: string): void {
    this.m.env.hit(`Spreadsheet.${method}`);
  }

  private activeModel(): SheetModel {
    const s = this.m.activeSheet ?? this.m.sheets[0];
    this.m.activeSheet = s;
    return s;
  }

  getId(): string {
    this.hit('getId');
    return this.m.id;
  }
  getName(): string {
    this.hit('getName');
    return this.m.name;
  }
  rename(newName: string): void {
    this.hit('rename');
    this.m.name = String(newName);
  }
  getUrl(): string {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.m.id}/edit`;
  }

  getSheets(): FakeSheet[] {
    this.hit('getSheets');
    return this.m.sheets.map((s) => s.api);
  }
  getNumSheets(): number {
    this.hit('getNumSheets');
    return this.m.sheets.length;
  }
  /** Exact (case-sensitive) name; the leftmost on duplicates; null if absent. */
  getSheetByName(name: string): FakeSheet | null {
    this.hit('getSheetByName');
    return this.m.sheetByName(String(name))?.api ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.hit('getSheetById');
    return this.m.sheets.find((s) => s.sheetId === id)?.api ?? null;
  }

  /**
   * insertSheet() | (index) | (name) | (name, index) | (name, index, options) | (index, options) |
   * (options). `options.template`, a sheet of this spreadsheet: the new sheet is its copy
   * (SpreadsheetModel.duplicateSheet; its conditional format rules re-pointed at the copy).
   */
  insertSheet(...args: unknown[]): FakeSheet {
    this.hit('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    let template: FakeSheet | undefined;
    for (const a of args) {
      if (typeof a === 'string' && name === undefined && index === undefined) name = a;
      else if (typeof a === 'number' && index === undefined) index = a;
      else if (typeof a === 'object' && a !== null) {
        const t = (a as { template?: unknown }).template;
        if (t === undefined) continue;
        if (!(t instanceof FakeSheet) || t.internal.ss !== this.m || t.internal.deleted)
          throw signatureError('Spreadsheet', 'insertSheet', args);
        template = t;
      } else throw signatureError('Spreadsheet', 'insertSheet', args);
    }
    const sheetName = name ?? this.m.defaultSheetName();
    const at = index ?? this.m.sheets.length;
    const model = template
      ? this.m.duplicateSheet(template.internal, sheetName, at)
      : this.m.addSheet(sheetName, at);
    if (template) {
      const from = template.internal;
      model.conditionalRules = from.conditionalRules.map((rule) => {
        const ranges = rule.spec.ranges.map((r) =>
          r.model === from ? makeRange(model, r.rect, r.flags) : r,
        );
        const copy = new FakeConditionalFormatRule(this.m.env, { ...rule.spec, ranges });
        copy.canonicalFormula = rule.canonicalFormula;
        return copy;
      });
    }
    const sheet = model.api;
    this.m.activeSheet = sheet.internal;
    this.m.activeRange = null;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.hit('deleteSheet');
    if (!(sheet instanceof FakeSheet)) throw signatureError('Spreadsheet', 'deleteSheet', [sheet]);
    this.m.deleteSheet(sheet.internal);
  }

  getActiveSheet(): FakeSheet {
    this.hit('getActiveSheet');
    return this.activeModel().api;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.hit('setActiveSheet');
    this.m.activeSheet = sheet.internal;
    this.m.activeRange = null;
    return sheet;
  }
  getActiveRange(): FakeRange {
    this.hit('getActiveRange');
    const s = this.activeModel();
    return makeRange(s, this.m.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 });
  }
  getActiveCell(): FakeRange {
    this.hit('getActiveCell');
    const s = this.activeModel();
    const r = this.m.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
    return makeRange(s, { r1: r.r1, c1: r.c1, r2: r.r1, c2: r.c1 });
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.hit('setActiveRange');
    this.m.activeSheet = range.model;
    this.m.activeRange = { ...range.rect };
    return range;
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    this.hit('setActiveSelection');
    const r = typeof range === 'string' ? this.resolveA1(range) : range;
    this.m.activeSheet = r.model;
    this.m.activeRange = { ...r.rect };
    return r;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.hit('moveActiveSheet');
    const s = this.activeModel();
    const list = this.m.sheets;
    if (!Number.isInteger(pos) || pos < 1 || pos > list.length) throw sheetsError(MSG.outsideSheet);
    list.splice(list.indexOf(s), 1);
    list.splice(pos - 1, 0, s);
  }

  private resolveA1(a1: string): FakeRange {
    const { sheetName, ref } = splitSheetPrefix(a1);
    const sheet = sheetName === undefined ? this.activeModel() : this.m.sheetByName(sheetName);
    if (!sheet) throw sheetsError(MSG.rangeNotFound);
    return rangeFromA1(sheet, ref);
  }

  /** 'Sheet!A1' (or active sheet without a prefix). */
  getRange(a1Notation: unknown): FakeRange {
    this.hit('getRange');
    if (typeof a1Notation !== 'string')
      throw signatureError('Spreadsheet', 'getRange', [a1Notation]);
    return this.resolveA1(a1Notation);
  }

  // ---- named ranges ----

  /** Accepts 'Name' or 'Sheet Name!Name' (no quotes); null if absent. */
  getRangeByName(name: string): FakeRange | null {
    this.hit('getRangeByName');
    const text = String(name);
    const bang = text.lastIndexOf('!');
    const bare = bang >= 0 ? text.slice(bang + 1) : text;
    const named = findNamed(this.m, bare);
    if (!named) return null;
    if (bang >= 0 && named.sheet.name !== text.slice(0, bang)) return null;
    return namedRangeRange(named);
  }

  /** Creates the named range, or moves an existing one (any case) to this range. */
  setNamedRange(name: string, range: FakeRange): void {
    this.hit('setNamedRange');
    if (
      typeof name !== 'string' ||
      typeof range !== 'object' ||
      range === null ||
      !('rect' in range)
    ) {
      throw signatureError('Spreadsheet', 'setNamedRange', [name, range]);
    }
    defineNamedRange(this.m, name, range.model, range.rect, range.flags);
  }

  getNamedRanges(): FakeNamedRange[] {
    this.hit('getNamedRanges');
    return this.m.namedRanges.map((n) => new FakeNamedRange(this.m.env, this.m, n));
  }

  removeNamedRange(name: string): void {
    this.hit('removeNamedRange');
    const named = findNamed(this.m, String(name));
    if (!named) throw sheetsError(MSG.namedRangeMissing(String(name)));
    removeNamed(this.m, named);
  }

  // ---- developer metadata ----

  addDeveloperMetadata(...args: unknown[]): this {
    this.hit('addDeveloperMetadata');
    addMetadata(this.m, { type: 'SPREADSHEET' }, metadataArgs('Spreadsheet', args));
    return this;
  }

  /** Metadata located on the spreadsheet itself. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.hit('getDeveloperMetadata');
    return this.m.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => metadataApi(this.m, m));
  }

  /** Finds metadata anywhere in the spreadsheet. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.hit('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.m.env, this.m, { kind: 'spreadsheet' });
  }

  // ---- toast, locale, time zone ----

  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.hit('toast');
    this.m.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
      at: this.m.ctx.now(),
    });
  }

  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.m.ctx.timeZone;
  }
  /** A long zone ID ('Asia/Ho_Chi_Minh'); cell dates keep their wall-clock serials. */
  setSpreadsheetTimeZone(timezone: unknown): void {
    this.hit('setSpreadsheetTimeZone');
    if (typeof timezone !== 'string')
      throw signatureError('Spreadsheet', 'setSpreadsheetTimeZone', [timezone]);
    if (!isTimeZone(timezone)) throw sheetsError(english('invalidArgument', 'timeZone'));
    this.m.ctx.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.m.ctx.locale;
  }
  /**
   * Later formulas are parsed in the new locale's syntax; existing formulas keep their meaning
   * and read back in the new syntax (a formula that did not parse stays as written).
   */
  setSpreadsheetLocale(locale: unknown): void {
    this.hit('setSpreadsheetLocale');
    if (typeof locale !== 'string')
      throw signatureError('Spreadsheet', 'setSpreadsheetLocale', [locale]);
    this.m.ctx.locale = locale;
  }

  // ---- protections and sharing ----

  getProtections(type: unknown): FakeProtection[] {
    this.hit('getProtections');
    if (type !== 'RANGE' && type !== 'SHEET')
      throw signatureError('Spreadsheet', 'getProtections', [type]);
    return this.m.protections.filter((p) => p.type === type).map((p) => protectionApi(this.m, p));
  }

  /** "The owner of the document, or null for a document in a shared drive" (reference). */
  getOwner(): FakeUser | null {
    this.hit('getOwner');
    if (this.m.ctx.sharedDrive) return null;
    return new FakeUser(this.m.env, this.m.ctx.owner);
  }
  /** Owner first (in a shared drive: the creator, an editor like others), then the file editors. */
  getEditors(): FakeUser[] {
    this.hit('getEditors');
    const ctx = this.m.ctx;
    return [ctx.owner, ...[...ctx.fileEditors].filter((e) => e !== ctx.owner)].map(
      (e) => new FakeUser(this.m.env, e),
    );
  }
  addEditor(user: unknown): this {
    this.hit('addEditor');
    this.m.ctx.fileEditors.add(emailOf(this.m.env, user));
    return this;
  }
  addEditors(users: unknown): this {
    this.hit('addEditors');
    if (!Array.isArray(users)) throw signatureError('Spreadsheet', 'addEditors', [users]);
    for (const u of users as unknown[]) this.m.ctx.fileEditors.add(emailOf(this.m.env, u));
    return this;
  }
  removeEditor(user: unknown): this {
    this.hit('removeEditor');
    this.m.ctx.fileEditors.delete(emailOf(this.m.env, user));
    return this;
  }
  getViewers(): FakeUser[] {
    this.hit('getViewers');
    return [];
  }
}
