import { CallCounter } from './counter';
import type { Language } from './messages';

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';
export type Deployment = 'bound' | 'addon';

/** What the running script may do (services/auth.ts applies it). */
export interface AuthState {
  /** The current execution's `ScriptApp.AuthMode` (FULL outside executions and for menu items). */
  mode: AuthModeName;
  /** A script bound to the spreadsheet, or an Editor add-on (its own project). */
  deployment: Deployment;
  /**
   * `oauthScopes` of the manifest. null: none declared, so Apps Script asks for what the code
   * uses and every call is allowed (the emulator checks nothing).
   */
  manifestScopes: string[] | null;
  /** Scopes of the manifest a user has not granted (granular consent), by e-mail. */
  withheld: Map<string, Set<string>>;
  /** False where there is no active document (an add-on's time-driven trigger). */
  documentContext: boolean;
}

/**
 * State shared by every emulated service of one emulated document: who is calling, who owns
 * the file, the clock, and the call counter. The spreadsheet model reads the current user from
 * here to enforce protections; the services (Session, LockService...) read and change it.
 */
export interface EmulatorContext {
  counter: CallCounter;
  /**
   * Owner of the spreadsheet (and of the bound script): can always edit. For a file in a shared
   * drive (`sharedDrive`) the account that created it, with no owner's rights.
   */
  owner: string;
  /** Accounts with edit access to the file (the owner is implied). */
  fileEditors: Set<string>;
  /** E-mail of the user running the current execution ('' = identity withheld). */
  user: string;
  /** Virtual clock: every service that needs "now" reads it (tests set it). */
  now(): Date;
  /** Moves the virtual clock forward (a lock wait, `Utilities.sleep`). */
  advanceClock(ms: number): void;
  /** Spreadsheet time zone, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  /** Spreadsheet locale, e.g. 'vi_VN' (display values use its separators). */
  locale: string;
  /**
   * Formulas are parsed and shown in the syntax of `locale` (SHEETS-FACTS §14). False: always
   * the en_US syntax whatever the locale (the emulator's historical behaviour).
   */
  localeFormulas: boolean;
  /** The file is in a shared drive: `getOwner()` is null and nobody has an owner's rights. */
  sharedDrive: boolean;
  /** Language of each user's Google account; service errors are thrown in it. */
  languages: Map<string, Language>;
  /** Language of users not in `languages` (and of the withheld identity ''). */
  defaultLanguage: Language;
  auth: AuthState;
}

export function createContext(
  init: Partial<Omit<EmulatorContext, 'counter' | 'auth'>> & { auth?: Partial<AuthState> } = {},
): EmulatorContext {
  const ctx: EmulatorContext = {
    counter: new CallCounter(),
    owner: init.owner ?? 'owner@example.com',
    fileEditors: init.fileEditors ?? new Set<string>(),
    user: init.user ?? init.owner ?? 'owner@example.com',
    now: init.now ?? (() => new Date()),
    advanceClock: init.advanceClock ?? (() => undefined),
    timeZone: init.timeZone ?? 'Asia/Ho_Chi_Minh',
    locale: init.locale ?? 'vi_VN',
    localeFormulas: init.localeFormulas ?? false,
    sharedDrive: init.sharedDrive ?? false,
    languages: init.languages ?? new Map<string, Language>(),
    defaultLanguage: init.defaultLanguage ?? 'en',
    auth: {
      mode: 'FULL',
      deployment: 'bound',
      manifestScopes: null,
      withheld: new Map<string, Set<string>>(),
      documentContext: true,
      ...init.auth,
    },
  };
  ctx.counter.language = () => languageOf(ctx, ctx.user);
  return ctx;
}

/** The language of a user's account. */
export function languageOf(ctx: EmulatorContext, email: string): Language {
  return ctx.languages.get(email) ?? ctx.defaultLanguage;
}

/** True if the account may edit the file (owner or editor; in a shared drive, its members). */
export function hasFileAccess(ctx: EmulatorContext, email: string): boolean {
  return email !== '' && (email === ctx.owner || ctx.fileEditors.has(email));
}
