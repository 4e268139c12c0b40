/**
 * Developer metadata (SHEETS-FACTS §3): on the spreadsheet, a sheet, or whole rows/columns.
 * ROW/COLUMN metadata move with their rows/columns and die with them (see model.afterDelete).
 */
import type { Env } from './env';
import { MSG, signatureError, sheetsError } from './errors';
import type { MetadataLocation, MetadataState, SheetModel, SpreadsheetModel } from './model';
import { makeRange, type FakeRange } from './range';
import type { FakeSheet } from './sheet';

export const DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const;
export const DeveloperMetadataLocationType = {
  SPREADSHEET: 'SPREADSHEET',
  SHEET: 'SHEET',
  ROW: 'ROW',
  COLUMN: 'COLUMN',
  RANGE: 'RANGE',
} as const;

type Visibility = 'DOCUMENT' | 'PROJECT';

function isVisibility(v: unknown): v is Visibility {
  return v === 'DOCUMENT' || v === 'PROJECT';
}

/** Resolves the overloads (key), (key, value), (key, visibility), (key, value, visibility). */
export function metadataArgs(
  className: string,
  args: unknown[],
): { key: string; value: string | null; visibility: Visibility } {
  const [key, second, third] = args;
  if (typeof key !== 'string' || args.length > 3)
    throw signatureError(className, 'addDeveloperMetadata', args);
  if (args.length === 1) return { key, value: null, visibility: 'DOCUMENT' };
  if (args.length === 2) {
    if (isVisibility(second)) return { key, value: null, visibility: second };
    if (typeof second === 'string') return { key, value: second, visibility: 'DOCUMENT' };
    throw signatureError(className, 'addDeveloperMetadata', args);
  }
  if (typeof second !== 'string' || !isVisibility(third))
    throw signatureError(className, 'addDeveloperMetadata', args);
  return { key, value: second, visibility: third };
}

export function addMetadata(
  ss: SpreadsheetModel,
  location: MetadataLocation,
  args: { key: string; value: string | null; visibility: Visibility },
): MetadataState {
  const state: MetadataState = { id: ss.nextMetadataId++, ...args, location };
  ss.metadata.push(state);
  return state;
}

const wrappers = new WeakMap<MetadataState, FakeDeveloperMetadata>();

export function metadataApi(ss: SpreadsheetModel, state: MetadataState): FakeDeveloperMetadata {
  let m = wrappers.get(state);
  if (!m) {
    m = new FakeDeveloperMetadata(ss.env, ss, state);
    wrappers.set(state, m);
  }
  return m;
}

function spanRect(sheet: SheetModel, loc: { type: 'ROW' | 'COLUMN'; start: number; end: number }) {
  return loc.type === 'ROW'
    ? { r1: loc.start, r2: loc.end, c1: 1, c2: sheet.maxCols }
    : { r1: 1, r2: sheet.maxRows, c1: loc.start, c2: loc.end };
}

export class FakeDeveloperMetadataLocation {
  constructor(
    private readonly env: Env,
    private readonly ss: SpreadsheetModel,
    private readonly location: MetadataLocation,
  ) {}

  getLocationType(): string {
    this.env.hit('DeveloperMetadataLocation.getLocationType');
    return this.location.type;
  }

  getSpreadsheet(): unknown {
    this.env.hit('DeveloperMetadataLocation.getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.ss.api : null;
  }

  getSheet(): FakeSheet | null {
    this.env.hit('DeveloperMetadataLocation.getSheet');
    return this.location.type === 'SHEET' ? this.location.sheet.api : null;
  }

  getRow(): FakeRange | null {
    this.env.hit('DeveloperMetadataLocation.getRow');
    const l = this.location;
    return l.type === 'ROW' ? makeRange(l.sheet, spanRect(l.sheet, l), { wholeRows: true }) : null;
  }

  getColumn(): FakeRange | null {
    this.env.hit('DeveloperMetadataLocation.getColumn');
    const l = this.location;
    return l.type === 'COLUMN'
      ? makeRange(l.sheet, spanRect(l.sheet, l), { wholeColumns: true })
      : null;
  }
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly env: Env,
    private readonly ss: SpreadsheetModel,
    /** Exporter view (not an Apps Script member). */
    readonly state: MetadataState,
  ) {}

  getId(): number {
    this.env.hit('DeveloperMetadata.getId');
    return this.state.id;
  }
  getKey(): string {
    this.env.hit('DeveloperMetadata.getKey');
    return this.state.key;
  }
  setKey(key: string): this {
    this.env.hit('DeveloperMetadata.setKey');
    this.state.key = String(key);
    return this;
  }
  getValue(): string | null {
    this.env.hit('DeveloperMetadata.getValue');
    return this.state.value;
  }
  setValue(value: string): this {
    this.env.hit('DeveloperMetadata.setValue');
    this.state.value = value === null ? null : String(value);
    return this;
  }
  getVisibility(): Visibility {
    this.env.hit('DeveloperMetadata.getVisibility');
    return this.state.visibility;
  }
  setVisibility(visibility: unknown): this {
    this.env.hit('DeveloperMetadata.setVisibility');
    if (!isVisibility(visibility))
      throw signatureError('DeveloperMetadata', 'setVisibility', [visibility]);
    this.state.visibility = visibility;
    return this;
  }
  getLocation(): FakeDeveloperMetadataLocation {
    this.env.hit('DeveloperMetadata.getLocation');
    return new FakeDeveloperMetadataLocation(this.env, this.ss, {
      ...this.state.location,
    } as MetadataLocation);
  }
  remove(): void {
    this.env.hit('DeveloperMetadata.remove');
    this.ss.metadata = this.ss.metadata.filter((m) => m !== this.state);
  }
  moveToRow(range: FakeRange): this {
    this.env.hit('DeveloperMetadata.moveToRow');
    if (range.rect.r1 !== range.rect.r2) throw sheetsError(MSG.moveToRowSingle);
    this.state.location = {
      type: 'ROW',
      sheet: range.model,
      start: range.rect.r1,
      end: range.rect.r1,
    };
    return this;
  }
  moveToColumn(range: FakeRange): this {
    this.env.hit('DeveloperMetadata.moveToColumn');
    if (range.rect.c1 !== range.rect.c2) throw sheetsError(MSG.moveToColumnSingle);
    this.state.location = {
      type: 'COLUMN',
      sheet: range.model,
      start: range.rect.c1,
      end: range.rect.c1,
    };
    return this;
  }
  moveToSheet(sheet: FakeSheet): this {
    this.env.hit('DeveloperMetadata.moveToSheet');
    this.state.location = { type: 'SHEET', sheet: sheet.internal };
    return this;
  }
  moveToSpreadsheet(): this {
    this.env.hit('DeveloperMetadata.moveToSpreadsheet');
    this.state.location = { type: 'SPREADSHEET' };
    return this;
  }
}

/** Scope of a finder: the whole spreadsheet, one sheet, or one range. */
export type FinderScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheet: SheetModel }
  | {
      kind: 'range';
      sheet: SheetModel;
      r1: number;
      r2: number;
      c1: number;
      c2: number;
      wholeRows: boolean;
      wholeColumns: boolean;
    };

/** Exact location of a whole-row/whole-column range, or null. */
export function rangeLocation(
  scope: Extract<FinderScope, { kind: 'range' }>,
): MetadataLocation | null {
  const s = scope.sheet;
  if (scope.wholeRows || (scope.c1 === 1 && scope.c2 === s.maxCols))
    return { type: 'ROW', sheet: s, start: scope.r1, end: scope.r2 };
  if (scope.wholeColumns || (scope.r1 === 1 && scope.r2 === s.maxRows))
    return { type: 'COLUMN', sheet: s, start: scope.c1, end: scope.c2 };
  return null;
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET') return true;
  if (a.type === 'SHEET') return b.type === 'SHEET' && a.sheet === b.sheet;
  return (
    (b.type === 'ROW' || b.type === 'COLUMN') &&
    a.sheet === b.sheet &&
    a.start === b.start &&
    a.end === b.end
  );
}

function intersectsScope(
  m: MetadataState,
  scope: Extract<FinderScope, { kind: 'range' }>,
): boolean {
  const l = m.location;
  if (l.type !== 'ROW' && l.type !== 'COLUMN') return false;
  if (l.sheet !== scope.sheet) return false;
  return l.type === 'ROW'
    ? l.start <= scope.r2 && scope.r1 <= l.end
    : l.start <= scope.c2 && scope.c1 <= l.end;
}

/** Metadata in a scope: exact location for ranges unless `intersecting`. */
export function metadataInScope(
  ss: SpreadsheetModel,
  scope: FinderScope,
  intersecting: boolean,
): MetadataState[] {
  if (scope.kind === 'spreadsheet') return [...ss.metadata];
  if (scope.kind === 'sheet')
    return ss.metadata.filter((m) => 'sheet' in m.location && m.location.sheet === scope.sheet);
  if (intersecting) return ss.metadata.filter((m) => intersectsScope(m, scope));
  const loc = rangeLocation(scope);
  return loc ? ss.metadata.filter((m) => sameLocation(m.location, loc)) : [];
}

export class FakeDeveloperMetadataFinder {
  private key: string | null = null;
  private value: string | null = null;
  private id: number | null = null;
  private locationType: string | null = null;
  private visibility: Visibility | null = null;
  private intersecting = false;

  constructor(
    private readonly env: Env,
    private readonly ss: SpreadsheetModel,
    private readonly scope: FinderScope,
  ) {}

  withKey(key: string): this {
    this.env.hit('DeveloperMetadataFinder.withKey');
    this.key = key;
    return this;
  }
  withValue(value: string): this {
    this.env.hit('DeveloperMetadataFinder.withValue');
    this.value = value;
    return this;
  }
  withId(id: number): this {
    this.env.hit('DeveloperMetadataFinder.withId');
    this.id = id;
    return this;
  }
  withLocationType(type: string): this {
    this.env.hit('DeveloperMetadataFinder.withLocationType');
    this.locationType = String(type);
    return this;
  }
  withVisibility(visibility: unknown): this {
    this.env.hit('DeveloperMetadataFinder.withVisibility');
    if (!isVisibility(visibility))
      throw signatureError('DeveloperMetadataFinder', 'withVisibility', [visibility]);
    this.visibility = visibility;
    return this;
  }
  onIntersectingLocations(): this {
    this.env.hit('DeveloperMetadataFinder.onIntersectingLocations');
    this.intersecting = true;
    return this;
  }
  find(): FakeDeveloperMetadata[] {
    this.env.hit('DeveloperMetadataFinder.find');
    return metadataInScope(this.ss, this.scope, this.intersecting)
      .filter(
        (m) =>
          (this.key === null || m.key === this.key) &&
          (this.value === null || m.value === this.value) &&
          (this.id === null || m.id === this.id) &&
          (this.locationType === null || m.location.type === this.locationType) &&
          (this.visibility === null || m.visibility === this.visibility),
      )
      .map((m) => metadataApi(this.ss, m));
  }
}
