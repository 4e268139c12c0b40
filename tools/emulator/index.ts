/**
 * The local Apps Script emulator: one spreadsheet, the services a bound script sees, and the
 * knobs a test turns (who is calling, the clock, answers to dialogs, locks held elsewhere).
 * `loadBundle` (harness.ts) runs the compiled `dist/Code.js` against `emu.globals()`.
 */
import { createContext, type EmulatorContext } from './context';
import type { CallCounter } from './counter';
import {
  Charts,
  HtmlFiles,
  HtmlService,
  LockManager,
  LockService,
  LogRecorder,
  Logger,
  PropertiesService,
  PropertyStores,
  ScriptApp,
  Session,
  UiRecorder,
  Utilities,
  UtilitiesState,
  createConsole,
  type SessionConfig,
} from './services';
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
  spreadsheetName?: string;
  /** Manifest time zone, `Session.getScriptTimeZone()` (default 'Asia/Ho_Chi_Minh'). */
  scriptTimeZone?: string;
  /** `Session.getActiveUserLocale()` (default 'vi'). */
  userLocale?: string;
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
  console: ReturnType<typeof createConsole>;
}

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
  private clockMs: number | null = null;
  private clockFn: (() => Date) | null = null;
  private cachedGlobals: EmulatorGlobals | null = null;
  private readonly utilitiesState = new UtilitiesState();

  constructor(opts: EmulatorOptions = {}) {
    const owner = opts.owner ?? 'owner@example.com';
    this.ctx = createContext({
      owner,
      user: opts.user ?? owner,
      fileEditors: new Set(opts.fileEditors ?? []),
      timeZone: opts.timeZone ?? 'Asia/Ho_Chi_Minh',
      locale: opts.locale ?? 'vi_VN',
      now: () => this.now(),
    });
    if (typeof opts.now === 'function') this.clockFn = opts.now;
    else this.clockMs = (opts.now ?? new Date()).getTime();
    this.locks = new LockManager();
    this.properties = new PropertyStores();
    this.html = new HtmlFiles();
    this.logs = new LogRecorder();
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

  /** The virtual time every service reads. */
  now(): Date {
    return this.clockFn ? this.clockFn() : new Date(this.clockMs ?? 0);
  }

  setNow(date: Date): void {
    this.clockFn = null;
    this.clockMs = date.getTime();
  }

  advance(ms: number): void {
    if (this.clockFn) {
      this.clockMs = this.clockFn().getTime();
      this.clockFn = null;
    }
    this.clockMs = (this.clockMs ?? 0) + ms;
  }

  /** Who runs the next executions ('' = identity withheld). Does not grant file access. */
  setUser(email: string): void {
    this.ctx.user = email;
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

  /** Run `fn` as the owner (setup helpers in tests), restoring the user afterwards. */
  asOwner<T>(fn: () => T): T {
    const previous = this.ctx.user;
    this.ctx.user = this.ctx.owner;
    try {
      return fn();
    } finally {
      this.ctx.user = previous;
    }
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

  /** The service globals, created once per emulator. */
  globals(): EmulatorGlobals {
    if (!this.cachedGlobals) {
      const ctx = this.ctx;
      this.cachedGlobals = {
        SpreadsheetApp: createSpreadsheetApp(ctx, this.spreadsheet, () => this.ui.getUi()),
        HtmlService: new HtmlService(ctx, this.html),
        LockService: new LockService(ctx, this.locks),
        PropertiesService: new PropertiesService(ctx, this.properties),
        Session: new Session(ctx, this.session),
        Utilities: new Utilities(ctx, this.utilitiesState),
        Charts,
        Logger: new Logger(ctx, this.logs),
        ScriptApp: new ScriptApp(ctx, this.session.scriptId),
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
