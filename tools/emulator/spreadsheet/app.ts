/** The `SpreadsheetApp` global. Every method counts one call as 'SpreadsheetApp.<method>'. */
import { hasFileAccess, type EmulatorContext } from '../context';
import { english } from '../messages';
import {
  BooleanCriteria,
  FakeConditionalFormatRuleBuilder,
  InterpolationType,
} from './conditional';
import { signatureError } from '../services/common';
import { sheetsError } from './errors';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './metadata';
import { ProtectionType } from './protection';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';

export const BorderStyle = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;

export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' } as const;
export const SheetType = { GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE' } as const;

export function createSpreadsheetApp(
  ctx: EmulatorContext,
  ss: FakeSpreadsheet,
  getUi: () => unknown,
): object {
  const env = ss.internal.env;
  const hit = (m: string) => env.hit(`SpreadsheetApp.${m}`);
  // Calls below delegate to the spreadsheet without counting its own methods twice.
  const quiet = <T>(fn: () => T): T => env.withoutCounting(fn);
  /** The container, or null where there is none (an add-on's time-driven trigger). */
  const active = <T>(fn: () => T): T | null => (ctx.auth.documentContext ? quiet(fn) : null);
  const open = (id: string): FakeSpreadsheet => {
    if (id !== ss.internal.id) throw sheetsError(english('openByIdFailed'));
    if (!hasFileAccess(ctx, ctx.user)) throw sheetsError(english('documentAccessDenied'));
    return ss;
  };
  return {
    getActiveSpreadsheet: (): FakeSpreadsheet | null => {
      hit('getActiveSpreadsheet');
      return active(() => ss);
    },
    getActive: (): FakeSpreadsheet | null => {
      hit('getActive');
      return active(() => ss);
    },
    getActiveSheet: (): FakeSheet | null => {
      hit('getActiveSheet');
      return active(() => ss.getActiveSheet());
    },
    setActiveSheet: (sheet: FakeSheet): FakeSheet => {
      hit('setActiveSheet');
      return quiet(() => ss.setActiveSheet(sheet));
    },
    getActiveRange: (): FakeRange | null => {
      hit('getActiveRange');
      return active(() => ss.getActiveRange());
    },
    setActiveRange: (range: FakeRange): FakeRange => {
      hit('setActiveRange');
      return quiet(() => ss.setActiveRange(range));
    },
    getCurrentCell: (): FakeRange | null => {
      hit('getCurrentCell');
      return active(() => ss.getActiveCell());
    },
    /** The emulated spreadsheet by its id (needs the `spreadsheets` scope and file access). */
    openById: (id: unknown): FakeSpreadsheet => {
      hit('openById');
      if (typeof id !== 'string') throw signatureError('SpreadsheetApp.openById', [id]);
      return open(id);
    },
    openByUrl: (url: unknown): FakeSpreadsheet => {
      hit('openByUrl');
      if (typeof url !== 'string') throw signatureError('SpreadsheetApp.openByUrl', [url]);
      const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? '';
      return open(id);
    },
    flush: (): void => {
      hit('flush');
    },
    getUi: (): unknown => {
      hit('getUi');
      return getUi();
    },
    newDataValidation: (): FakeDataValidationBuilder => {
      hit('newDataValidation');
      return new FakeDataValidationBuilder(env);
    },
    newConditionalFormatRule: (): FakeConditionalFormatRuleBuilder => {
      hit('newConditionalFormatRule');
      return new FakeConditionalFormatRuleBuilder(env);
    },
    ProtectionType,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    BorderStyle,
    WrapStrategy,
    DataValidationCriteria,
    InterpolationType,
    BooleanCriteria,
    Dimension,
    SheetType,
  };
}
