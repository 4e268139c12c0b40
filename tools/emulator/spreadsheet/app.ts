/** The `SpreadsheetApp` global. Every method counts one call as 'SpreadsheetApp.<method>'. */
import type { EmulatorContext } from '../context';
import {
  BooleanCriteria,
  FakeConditionalFormatRuleBuilder,
  InterpolationType,
} from './conditional';
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
  void ctx;
  return {
    getActiveSpreadsheet: (): FakeSpreadsheet => {
      hit('getActiveSpreadsheet');
      return ss;
    },
    getActive: (): FakeSpreadsheet => {
      hit('getActive');
      return ss;
    },
    getActiveSheet: (): FakeSheet => {
      hit('getActiveSheet');
      return quiet(() => ss.getActiveSheet());
    },
    setActiveSheet: (sheet: FakeSheet): FakeSheet => {
      hit('setActiveSheet');
      return quiet(() => ss.setActiveSheet(sheet));
    },
    getActiveRange: (): FakeRange => {
      hit('getActiveRange');
      return quiet(() => ss.getActiveRange());
    },
    setActiveRange: (range: FakeRange): FakeRange => {
      hit('setActiveRange');
      return quiet(() => ss.setActiveRange(range));
    },
    getCurrentCell: (): FakeRange => {
      hit('getCurrentCell');
      return quiet(() => ss.getActiveCell());
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
