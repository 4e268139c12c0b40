/**
 * ScriptApp, minimal (reference: developers.google.com/apps-script/reference/script/script-app),
 * and the `Charts` enums that the spreadsheet's chart builder takes.
 */
import type { EmulatorContext } from '../context';
import { makeEnum, serviceError } from './common';

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);

export class ScriptApp {
  readonly AuthMode = AuthMode;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly scriptId: string,
  ) {}

  getScriptId(): string {
    this.ctx.counter.hit('ScriptApp.getScriptId');
    return this.scriptId;
  }

  /** The emulator has no OAuth; a script that needs a token cannot run offline. */
  getOAuthToken(): string {
    this.ctx.counter.hit('ScriptApp.getOAuthToken');
    throw serviceError('ScriptApp.getOAuthToken is not available in the emulator.');
  }

  getProjectTriggers(): unknown[] {
    this.ctx.counter.hit('ScriptApp.getProjectTriggers');
    return [];
  }
}

export const ChartType = makeEnum([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
export const ChartHiddenDimensionStrategy = makeEnum([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
export const ChartMergeStrategy = makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS']);
export const Position = makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE', 'IN', 'LEFT', 'LABELED']);
export const Orientation = makeEnum(['HORIZONTAL', 'VERTICAL']);

/** `Charts`: only its enums (charts themselves are built through `sheet.newChart()`). */
export const Charts = Object.freeze({
  ChartType,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  Position,
  Orientation,
});
