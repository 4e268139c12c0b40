/**
 * Session and User (reference: developers.google.com/apps-script/reference/base/{session, user}).
 * The active user is `ctx.user` ('' when identity is withheld); the effective user is the same
 * unless the emulator runs the script with the owner's authority (installable trigger,
 * "execute as me").
 */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';

export interface SessionConfig {
  /** Manifest `timeZone` (`Session.getScriptTimeZone()`), separate from the spreadsheet's. */
  scriptTimeZone: string;
  /** `Session.getActiveUserLocale()`, e.g. 'vi'. */
  userLocale: string;
  /** When true, `getEffectiveUser()` is the owner (trigger created by the owner, web app as me). */
  runAsOwner: boolean;
  /** Used to derive `getTemporaryActiveUserKey()`. */
  scriptId: string;
}

/**
 * The account whose authority runs the script (SHEETS-FACTS §8): the owner for "execute as me"
 * (`runAsOwner`), otherwise the user running it, who is the trigger's creator in a trigger run.
 */
export function effectiveUser(ctx: EmulatorContext, config: SessionConfig): string {
  return config.runAsOwner ? ctx.owner : ctx.user;
}

export class User {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.ctx.counter.hit('User.getEmail');
    return this.email;
  }

  /** Deprecated in Apps Script; same as getEmail. */
  getUserLoginId(): string {
    this.ctx.counter.hit('User.getUserLoginId');
    return this.email;
  }
}

export class Session {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly config: SessionConfig,
  ) {}

  getActiveUser(): User {
    this.ctx.counter.hit('Session.getActiveUser');
    return new User(this.ctx, this.ctx.user);
  }

  getEffectiveUser(): User {
    this.ctx.counter.hit('Session.getEffectiveUser');
    return new User(this.ctx, effectiveUser(this.ctx, this.config));
  }

  getActiveUserLocale(): string {
    this.ctx.counter.hit('Session.getActiveUserLocale');
    return this.config.userLocale;
  }

  getScriptTimeZone(): string {
    this.ctx.counter.hit('Session.getScriptTimeZone');
    return this.config.scriptTimeZone;
  }

  /** Deprecated in Apps Script; same as getScriptTimeZone. */
  getTimeZone(): string {
    this.ctx.counter.hit('Session.getTimeZone');
    return this.config.scriptTimeZone;
  }

  /** Stable per (script, user), reveals nothing about the user. */
  getTemporaryActiveUserKey(): string {
    this.ctx.counter.hit('Session.getTemporaryActiveUserKey');
    return createHash('sha256')
      .update(`${this.config.scriptId}\n${this.ctx.user}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
