import { CallCounter } from './counter';

/**
 * State shared by every emulated service of one emulated document: who is calling, who owns
 * the file, the clock, and the call counter. The spreadsheet model reads the current user from
 * here to enforce protections; the services (Session, LockService...) read and change it.
 */
export interface EmulatorContext {
  counter: CallCounter;
  /** Owner of the spreadsheet (and of the bound script): can always edit. */
  owner: string;
  /** Accounts with edit access to the file (the owner is implied). */
  fileEditors: Set<string>;
  /** E-mail of the user running the current execution ('' = identity withheld). */
  user: string;
  /** Virtual clock: every service that needs "now" reads it (tests set it). */
  now(): Date;
  /** Spreadsheet time zone, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  /** Spreadsheet locale, e.g. 'vi_VN' (display values use its separators). */
  locale: string;
}

export function createContext(
  init: Partial<Omit<EmulatorContext, 'counter'>> = {},
): EmulatorContext {
  return {
    counter: new CallCounter(),
    owner: init.owner ?? 'owner@example.com',
    fileEditors: init.fileEditors ?? new Set<string>(),
    user: init.user ?? init.owner ?? 'owner@example.com',
    now: init.now ?? (() => new Date()),
    timeZone: init.timeZone ?? 'Asia/Ho_Chi_Minh',
    locale: init.locale ?? 'vi_VN',
  };
}
