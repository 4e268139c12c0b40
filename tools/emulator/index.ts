/**
 * The local Apps Script emulator: one spreadsheet, the services a bound script (or an Editor
 * add-on) sees, and the knobs a test turns: who is calling and in which language, the virtual
 * clock and the installable triggers it fires, answers to dialogs, locks held elsewhere, the
 * manifest's scopes. `loadBundle` (harness.ts) runs the compiled `dist/Code.js` against
 * `emu.globals()`. docs/EMULATOR.md lists the behaviours and their sources.
 */
import {
  createContext,
  hasFileAccess,
  type AuthModeName,
  type Deployment,
  type EmulatorContext,
} from './context';
import type { CallCounter } from './counter';
import type { Language } from './messages';
import {
  Charts,
  HtmlFiles,
  HtmlService,
  LockManager,
  LockService,
  LogRecorder,
  Logger,
  MailApp,
  MailStore,
  PropertiesService,
  PropertyStores,
  ScriptApp,
  Session,
  TriggerStore,
  UiRecorder,
  User,
  Utilities,
  UtilitiesState,
  clockEvent,
  createConsole,
  guardService,
  type SessionConfig,
  type TriggerState,
} from './services';
import { effectiveUser } from './services/session';
import { FakeSpreadsheet, createSpreadsheetApp } from './spreadsheet';

export interface EmulatorOptions {
  /** Owner of the spreadsheet and of the bound script (default 'owner@example.com'). */
  owner?: string;
  /** Who runs the next executions (default: the owner). '' = identity withheld. */
  user?: string;
  /** Accounts with edit access to the file (the owner is implied). */
  fileEditors?: string[];
  /** Virtual clock: a fixed start (moved by `advance`/`setNow`) or a function. Default: now, frozen. */
  now?: Date | (() => Date);
  /** Spreadsheet time zone (default 'Asia/Ho_Chi_Minh'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'vi_VN'). */
  locale?: string;
  /**
   * Formulas follow the spreadsheet locale's syntax (SHEETS-FACTS §14): in vi_VN `;` between
   * arguments and `,` decimals, a `,` between arguments is `#ERROR!`. Default false: every
   * formula is read and shown in the en_US syntax whatever the locale (today's behaviour).
   */
  localeFormulas?: boolean;
  spreadsheetName?: string;
  /** Manifest time zone, `Session.getScriptTimeZone()` (default 'Asia/Ho_Chi_Minh'). */
  scriptTimeZone?: string;
  /** `Session.getActiveUserLocale()` (default 'vi'). */
  userLocale?: string;
  /** Language of every user's Google account; service errors are thrown in it (default 'en'). */
  language?: Language;
  /** Languages of particular accounts (others: `language`). */
  userLanguages?: Record<string, Language>;
  /** The file is in a shared drive: `getOwner()` is null, nobody has an owner's rights. */
  sharedDrive?: boolean;
  /** A script bound to the spreadsheet (default) or an Editor add-on. */
  deployment?: Deployment;
  /**
   * The manifest's `oauthScopes`. Default: read from the `appsscript.json` next to the bundle
   * (`loadBundle`); none declared (null) means nothing is checked.
   */
  oauthScopes?: string[] | null;
}

/** The globals a script sees (besides the standard JavaScript built-ins). */
export interface EmulatorGlobals {
  SpreadsheetApp: unknown;
  HtmlService: HtmlService;
  LockService: LockService;
  PropertiesService: PropertiesService;
  Session: Session;
  Utilities: Utilities;
  Charts: typeof Charts;
  Logger: Logger;
  ScriptApp: ScriptApp;
  MailApp: MailApp;
  console: ReturnType<typeof createConsole>;
}

/** What the harness gives the emulator so that it can run the script's functions itself. */
export interface ScriptRunner {
  /** True if the script defines this top-level function. */
  has(name: string): boolean;
  /** One execution of a top-level function as the current user (ctx set by the emulator). */
  run(name: string, args: unknown[]): unknown;
}

/** One run of a trigger or of an event function (onOpen, onInstall) started by the emulator. */
export interface TriggerRun {
  /** The installable trigger's id; null for a simple trigger or onInstall. */
  uid: string | null;
  handler: string;
  /** The account it ran as. */
  user: string;
  authMode: AuthModeName;
  /** Virtual time of the run. */
  at: Date;
  event: Record<string, unknown>;
  /** What the function threw (the run failed), or null. */
  error: Error | null;
}

interface RunSetting {
  user: string;
  authMode: AuthModeName;
  /** False: no active document (an add-on's time-driven trigger). */
  document: boolean;
  /** False: `SpreadsheetApp.getUi()` throws (no UI in time-driven triggers). */
  ui: boolean;
}

/** A trigger that keeps firing past this many runs in one `advanceTo` is a test mistake. */
const MAX_RUNS_PER_ADVANCE = 100_000;

export class Emulator {
  readonly ctx: EmulatorContext;
  readonly spreadsheet: FakeSpreadsheet;
  /** Menus, alerts, prompts, sidebars and dialogs shown; answer queues. */
  readonly ui: UiRecorder;
  /** Lock ownership by execution; `holdDocumentLock()` simulates another execution. */
  readonly locks: LockManager;
  /** The property stores (document, script, per user), for tests to read and seed. */
  readonly properties: PropertyStores;
  /** HTML files of the project and the template compiler. */
  readonly html: HtmlFiles;
  /** `Logger.log` lines and `console.*` calls of the script. */
  readonly logs: LogRecorder;
  /** Script time zone, user locale, run-as-owner, script id. */
  readonly session: SessionConfig;
  /** Every installable trigger of the project (all users). */
  readonly triggers: TriggerStore;
  /** Messages sent with MailApp and the quota used. */
  readonly mail: MailStore;
  /** Every trigger and event run started by the emulator, oldest first. */
  readonly triggerRuns: TriggerRun[] = [];
  private clockMs: number | null = null;
  private clockFn: (() => Date) | null = null;
  private cachedGlobals: EmulatorGlobals | null = null;
  private readonly utilitiesState = new UtilitiesState();
  private script: ScriptRunner | null = null;
  private readonly scopesFixed: boolean;

  constructor(opts: EmulatorOptions = {}) {
    const owner = opts.owner ?? 'owner@example.com';
    this.ctx = createContext({
      owner,
      user: opts.user ?? owner,
      fileEditors: new Set(opts.fileEditors ?? []),
      timeZone: opts.timeZone ?? 'Asia/Ho_Chi_Minh',
      locale: opts.locale ?? 'vi_VN',
      localeFormulas: opts.localeFormulas ?? false,
      sharedDrive: opts.sharedDrive ?? false,
      defaultLanguage: opts.language ?? 'en',
      languages: new Map(Object.entries(opts.userLanguages ?? {})),
      now: () => this.now(),
      advanceClock: (ms) => this.moveClock(ms),
      auth: {
        deployment: opts.deployment ?? 'bound',
        manifestScopes: opts.oauthScopes ?? null,
      },
    });
    this.scopesFixed = opts.oauthScopes !== undefined;
    if (typeof opts.now === 'function') this.clockFn = opts.now;
    else this.clockMs = (opts.now ?? new Date()).getTime();
    this.locks = new LockManager();
    this.properties = new PropertyStores();
    this.html = new HtmlFiles();
    this.logs = new LogRecorder();
    this.triggers = new TriggerStore();
    this.mail = new MailStore();
    this.session = {
      scriptTimeZone: opts.scriptTimeZone ?? 'Asia/Ho_Chi_Minh',
      userLocale: opts.userLocale ?? 'vi',
      runAsOwner: false,
      scriptId: 'emulated-script-id',
    };
    this.spreadsheet = new FakeSpreadsheet(this.ctx, opts.spreadsheetName);
    this.ui = new UiRecorder(
      this.ctx,
      () => this.locks.releaseCurrent(),
      () => this.spreadsheet.toasts,
    );
  }

  /** The call counter ('Class.method' → count). */
  get calls(): CallCounter {
    return this.ctx.counter;
  }

  /** HTML files by name without `.html` (the harness fills it from the bundle's directory). */
  get htmlFiles(): Map<string, string> {
    return this.html.files;
  }

  /** `Session.getEffectiveUser()` is the owner while true (installable trigger, web app as me). */
  get runAsOwner(): boolean {
    return this.session.runAsOwner;
  }

  set runAsOwner(value: boolean) {
    this.session.runAsOwner = value;
  }

  // ---- the virtual clock ----

  /** The virtual time every service reads. */
  now(): Date {
    return this.clockFn ? this.clockFn() : new Date(this.clockMs ?? 0);
  }

  /** Jump to a time (forwards or backwards) without firing triggers. */
  setNow(date: Date): void {
    this.clockFn = null;
    this.clockMs = date.getTime();
  }

  /** Let `ms` pass: time-driven triggers due meanwhile run, in order, each at its time. */
  advance(ms: number): TriggerRun[] {
    return this.advanceTo(new Date(this.now().getTime() + ms));
  }

  /**
   * Let time pass until `date`: every time-driven trigger due meanwhile runs at its due time,
   * as its owner (see `runClockTrigger`), then the clock stops at `date`. Needs a loaded script
   * when a trigger is due.
   */
  advanceTo(date: Date): TriggerRun[] {
    const until = date.getTime();
    const runs: TriggerRun[] = [];
    for (let t = this.triggers.nextDue(until); t; t = this.triggers.nextDue(until)) {
      if (runs.length >= MAX_RUNS_PER_ADVANCE)
        throw new Error(`Emulator: more than ${MAX_RUNS_PER_ADVANCE} trigger runs in one advance`);
      this.setNow(new Date(Math.max(t.nextRun ?? until, this.now().getTime())));
      runs.push(this.runClockTrigger(t));
    }
    this.setNow(new Date(Math.max(until, this.now().getTime())));
    return runs;
  }

  /** Run the time-driven triggers due now (or earlier), in order. */
  runDueTriggers(): TriggerRun[] {
    return this.advanceTo(this.now());
  }

  /** Moves the clock while a script runs (lock waits, `Utilities.sleep`): no trigger fires. */
  private moveClock(ms: number): void {
    this.setNow(new Date(this.now().getTime() + ms));
  }

  // ---- who is calling ----

  /** Who runs the next executions ('' = identity withheld). Does not grant file access. */
  setUser(email: string): void {
    this.ctx.user = email;
  }

  /** The language of an account (or, without `email`, of every account not set otherwise). */
  setLanguage(language: Language, email?: string): void {
    if (email === undefined) this.ctx.defaultLanguage = language;
    else this.ctx.languages.set(email, language);
  }

  /** Give accounts edit access to the file. */
  shareWith(...emails: string[]): void {
    for (const email of emails) this.ctx.fileEditors.add(email);
  }

  /** Remove accounts' edit access to the file. */
  unshare(...emails: string[]): void {
    for (const email of emails) this.ctx.fileEditors.delete(email);
  }

  /** `emu.setUiAvailable(false)`: `SpreadsheetApp.getUi()` throws, as in a trigger. */
  setUiAvailable(available: boolean): void {
    this.ui.setAvailable(available);
  }

  // ---- scopes ----

  /** The manifest's `oauthScopes` (null: none declared). An explicit constructor option wins. */
  setManifestScopes(scopes: string[] | null): void {
    if (!this.scopesFixed) this.ctx.auth.manifestScopes = scopes === null ? null : [...scopes];
  }

  /** An account declines some of the manifest's scopes (granular consent). */
  withholdScopes(email: string, ...scopes: string[]): void {
    const set = this.ctx.auth.withheld.get(email) ?? new Set<string>();
    for (const s of scopes) set.add(s);
    this.ctx.auth.withheld.set(email, set);
  }

  /** An account grants scopes it had withheld (all of them without arguments). */
  grantScopes(email: string, ...scopes: string[]): void {
    const set = this.ctx.auth.withheld.get(email);
    if (!set) return;
    if (scopes.length === 0) set.clear();
    for (const s of scopes) set.delete(s);
  }

  /** Run `fn` as the owner (setup helpers in tests), restoring the user afterwards. */
  asOwner<T>(fn: () => T): T {
    return this.as(this.ctx.owner, fn);
  }

  /** Run `fn` as `email`, restoring the user afterwards. */
  as<T>(email: string, fn: () => T): T {
    const previous = this.ctx.user;
    this.ctx.user = email;
    try {
      return fn();
    } finally {
      this.ctx.user = previous;
    }
  }

  /** Run `fn` as one execution: its locks are released when it ends, even if it throws. */
  execution<T>(fn: () => T): T {
    const id = this.locks.beginExecution();
    try {
      return fn();
    } finally {
      this.locks.endExecution(id);
    }
  }

  // ---- events the emulator starts: opening the file, installing the add-on, triggers ----

  /** @internal the harness attaches the loaded script. */
  attachScript(script: ScriptRunner): void {
    this.script = script;
  }

  /**
   * A user opens the spreadsheet (SHEETS-FACTS §9): for a user with edit access, the simple
   * `onOpen(e)` runs as that user in `authMode` (LIMITED; NONE for an add-on installed but not
   * enabled in this file), with `e = {authMode, source, user}`; then every installable on-open
   * trigger of this spreadsheet runs as its creator in FULL, with `triggerUid`. A user without
   * edit access (or the withheld identity '') opens nothing.
   */
  openSpreadsheet(opts: { user?: string; authMode?: 'NONE' | 'LIMITED' } = {}): TriggerRun[] {
    const user = opts.user ?? this.ctx.user;
    const runs: TriggerRun[] = [];
    if (!hasFileAccess(this.ctx, user)) return runs;
    const authMode = opts.authMode ?? 'LIMITED';
    const source = this.spreadsheet;
    if (this.requireScript().has('onOpen')) {
      const event = { authMode, source, user: new User(this.ctx, user) };
      runs.push(this.runEvent(null, 'onOpen', event, { user, authMode, document: true, ui: true }));
    }
    for (const t of this.triggers.all) {
      if (t.eventType !== 'ON_OPEN' || t.sourceId !== source.internal.id) continue;
      const event = { authMode: 'FULL', source, triggerUid: t.uid, user: new User(this.ctx, user) };
      const setting: RunSetting = { user: t.owner, authMode: 'FULL', document: true, ui: true };
      runs.push(this.runEvent(t.uid, t.handler, event, setting));
      this.triggers.ran(t);
    }
    return runs;
  }

  /** A user installs the add-on: `onInstall(e)` runs as that user in FULL, `e = {authMode}`. */
  installAddon(opts: { user?: string } = {}): TriggerRun[] {
    const user = opts.user ?? this.ctx.user;
    if (!this.requireScript().has('onInstall')) return [];
    const event = { authMode: 'FULL' };
    return [
      this.runEvent(null, 'onInstall', event, { user, authMode: 'FULL', document: true, ui: true }),
    ];
  }

  /**
   * A time-driven trigger fires: its handler runs as the trigger's creator (the active and the
   * effective user), in FULL, without a UI, with the time-driven event object. A bound script
   * still has its container as the active spreadsheet; an add-on has no active document.
   */
  private runClockTrigger(t: TriggerState): TriggerRun {
    const event = clockEvent(t.uid, this.now());
    const setting: RunSetting = {
      user: t.owner,
      authMode: 'FULL',
      document: this.ctx.auth.deployment === 'bound',
      ui: false,
    };
    const run = this.runEvent(t.uid, t.handler, event, setting);
    this.triggers.ran(t);
    return run;
  }

  private requireScript(): ScriptRunner {
    if (!this.script) throw new Error('Emulator: load a script (loadBundle) before firing events');
    return this.script;
  }

  /** One execution in a given setting; what it throws is recorded, not rethrown. */
  private runEvent(
    uid: string | null,
    handler: string,
    event: Record<string, unknown>,
    setting: RunSetting,
  ): TriggerRun {
    const script = this.requireScript();
    const ctx = this.ctx;
    const saved = {
      user: ctx.user,
      mode: ctx.auth.mode,
      document: ctx.auth.documentContext,
      ui: this.ui.available,
      runAsOwner: this.session.runAsOwner,
    };
    ctx.user = setting.user;
    ctx.auth.mode = setting.authMode;
    ctx.auth.documentContext = setting.document;
    this.ui.setAvailable(setting.ui);
    this.session.runAsOwner = false;
    const run: TriggerRun = {
      uid,
      handler,
      user: setting.user,
      authMode: setting.authMode,
      at: this.now(),
      event,
      error: null,
    };
    try {
      script.run(handler, [event]);
    } catch (e) {
      // The script's errors come from its own realm: not `instanceof` the host's Error.
      const isError = Object.prototype.toString.call(e) === '[object Error]';
      run.error = isError ? (e as Error) : new Error(String(e));
    } finally {
      ctx.user = saved.user;
      ctx.auth.mode = saved.mode;
      ctx.auth.documentContext = saved.document;
      this.ui.setAvailable(saved.ui);
      this.session.runAsOwner = saved.runAsOwner;
    }
    this.triggerRuns.push(run);
    return run;
  }

  /** The service globals, created once per emulator (calls are authorized: services/auth.ts). */
  globals(): EmulatorGlobals {
    if (!this.cachedGlobals) {
      const ctx = this.ctx;
      const session = this.session;
      const triggerHost = {
        ctx,
        store: this.triggers,
        scriptId: session.scriptId,
        spreadsheetId: () => this.spreadsheet.internal.id,
        scriptTimeZone: () => session.scriptTimeZone,
        deployment: () => ctx.auth.deployment,
      };
      const sender = () => effectiveUser(ctx, session);
      this.cachedGlobals = {
        SpreadsheetApp: guardService(
          ctx,
          'SpreadsheetApp',
          createSpreadsheetApp(ctx, this.spreadsheet, () => this.ui.getUi()),
        ),
        HtmlService: guardService(ctx, 'HtmlService', new HtmlService(ctx, this.html)),
        LockService: guardService(ctx, 'LockService', new LockService(ctx, this.locks)),
        PropertiesService: guardService(
          ctx,
          'PropertiesService',
          new PropertiesService(ctx, this.properties),
        ),
        Session: guardService(ctx, 'Session', new Session(ctx, session)),
        Utilities: new Utilities(ctx, this.utilitiesState),
        Charts,
        Logger: new Logger(ctx, this.logs),
        ScriptApp: guardService(ctx, 'ScriptApp', new ScriptApp(triggerHost)),
        MailApp: guardService(ctx, 'MailApp', new MailApp(ctx, this.mail, sender)),
        console: createConsole(this.logs),
      };
    }
    return this.cachedGlobals;
  }

  /** Write the spreadsheet as .xlsx (values, formulas with cached results, formats, names). */
  async saveXlsx(path: string): Promise<void> {
    const { saveXlsx } = await import('./xlsx');
    await saveXlsx(this, path);
  }

  /** A new emulator whose spreadsheet is read from an .xlsx file. */
  static async loadXlsx(path: string, opts: EmulatorOptions = {}): Promise<Emulator> {
    const { loadXlsx } = await import('./xlsx');
    return loadXlsx(path, opts);
  }
}

export { createContext, type EmulatorContext } from './context';
export { CallCounter } from './counter';
export {
  Button,
  ButtonSet,
  LOCK_TIMEOUT,
  PROPERTY_QUOTA,
  UI_UNAVAILABLE,
  type ButtonName,
  type LockAttempt,
  type LockScope,
  type RecordedAlert,
  type RecordedDialog,
  type RecordedMenu,
  type RecordedMenuItem,
  type RecordedPrompt,
} from './services';
export * as services from './services';
export type { AuthModeName, Deployment } from './context';
export { MESSAGES, english, localize, message, type Language, type MessageId } from './messages';
export { MAX_TRIGGERS_PER_USER, SCOPES, type SentMail, type TriggerState } from './services';
export {
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  SheetModel,
  SpreadsheetModel,
  createSpreadsheetApp,
  type NamedRangeInfo,
  type Toast,
} from './spreadsheet';
export { loadBundle, loadScript, type Bundle, type LoadOptions } from './harness';
