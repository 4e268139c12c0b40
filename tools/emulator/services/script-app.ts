/**
 * ScriptApp (reference: developers.google.com/apps-script/reference/script/script-app): installable
 * triggers (triggers.ts), authorization info, and the `Charts` enums that the spreadsheet's chart
 * builder takes.
 */
import type { AuthModeName, EmulatorContext } from '../context';
import { english } from '../messages';
import { authorizationRequired, grantedScopes } from './auth';
import { makeEnum, serviceError, signatureError } from './common';
import {
  EventType,
  Trigger,
  TriggerBuilder,
  TriggerSource,
  WeekDay,
  type TriggerHost,
} from './triggers';

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED']);
export { EventType, TriggerSource, WeekDay };

/** `ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes])`. */
export class AuthorizationInfo {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly required: boolean,
    private readonly scriptId: string,
    private readonly authorized: string[] | null,
  ) {}

  getAuthorizationStatus(): 'REQUIRED' | 'NOT_REQUIRED' {
    this.ctx.counter.hit('AuthorizationInfo.getAuthorizationStatus');
    return this.required ? 'REQUIRED' : 'NOT_REQUIRED';
  }

  /** A URL while authorization is required; null otherwise (reference). */
  getAuthorizationUrl(): string | null {
    this.ctx.counter.hit('AuthorizationInfo.getAuthorizationUrl');
    return this.required ? `https://script.google.com/macros/d/${this.scriptId}/authorize` : null;
  }

  /** The authorized scopes (of those asked about, when a list was given). */
  getAuthorizedScopes(): string[] | null {
    this.ctx.counter.hit('AuthorizationInfo.getAuthorizedScopes');
    return this.authorized === null ? null : [...this.authorized];
  }
}

export interface ScriptAppHost extends TriggerHost {
  scriptId: string;
}

function isAuthMode(value: unknown): value is AuthModeName {
  return typeof value === 'string' && value in AuthMode;
}

export class ScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;

  constructor(private readonly host: ScriptAppHost) {}

  private get ctx(): EmulatorContext {
    return this.host.ctx;
  }

  getScriptId(): string {
    this.ctx.counter.hit('ScriptApp.getScriptId');
    return this.host.scriptId;
  }

  /** The emulator has no OAuth; a script that needs a token cannot run offline. */
  getOAuthToken(): string {
    this.ctx.counter.hit('ScriptApp.getOAuthToken');
    throw serviceError(english('oauthTokenUnavailable'));
  }

  newTrigger(functionName: unknown): TriggerBuilder {
    this.ctx.counter.hit('ScriptApp.newTrigger');
    if (typeof functionName !== 'string')
      throw signatureError('ScriptApp.newTrigger', [functionName]);
    return new TriggerBuilder(this.host, functionName);
  }

  /** The current user's installable triggers of this project. */
  getProjectTriggers(): Trigger[] {
    this.ctx.counter.hit('ScriptApp.getProjectTriggers');
    return this.host.store.ofUser(this.ctx.user).map((t) => new Trigger(this.ctx, t));
  }

  /** The current user's triggers of this project on that spreadsheet (clock triggers are not). */
  getUserTriggers(document: unknown): Trigger[] {
    this.ctx.counter.hit('ScriptApp.getUserTriggers');
    if (typeof document !== 'object' || document === null || !('getId' in document))
      throw signatureError('ScriptApp.getUserTriggers', [document]);
    const id = String((document as { getId: () => unknown }).getId());
    return this.host.store
      .ofUser(this.ctx.user)
      .filter((t) => t.sourceId === id)
      .map((t) => new Trigger(this.ctx, t));
  }

  /** Removes one of the current user's triggers (an unknown or deleted one: nothing happens). */
  deleteTrigger(trigger: unknown): void {
    this.ctx.counter.hit('ScriptApp.deleteTrigger');
    if (!(trigger instanceof Trigger)) throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    if (trigger.state.owner === this.ctx.user) this.host.store.remove(trigger.state.uid);
  }

  /** REQUIRED while the user has not granted every scope of the manifest (or of the list). */
  getAuthorizationInfo(authMode: unknown, oAuthScopes?: unknown): AuthorizationInfo {
    this.ctx.counter.hit('ScriptApp.getAuthorizationInfo');
    const args = oAuthScopes === undefined ? [authMode] : [authMode, oAuthScopes];
    const scopes = Array.isArray(oAuthScopes) ? (oAuthScopes as unknown[]).map(String) : undefined;
    if (!isAuthMode(authMode) || (oAuthScopes !== undefined && scopes === undefined))
      throw signatureError('ScriptApp.getAuthorizationInfo', args);
    const granted = grantedScopes(this.ctx, this.ctx.user);
    const asked = scopes ?? granted;
    const authorized =
      asked === null ? null : asked.filter((s) => granted === null || granted.includes(s));
    return new AuthorizationInfo(
      this.ctx,
      authorizationRequired(this.ctx, authMode, scopes),
      this.host.scriptId,
      authorized,
    );
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
