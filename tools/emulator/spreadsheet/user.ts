import type { Env } from './env';

/** Apps Script `User` (only the e-mail is modelled). */
export class FakeUser {
  constructor(
    private readonly env: Env,
    readonly email: string,
  ) {}

  getEmail(): string {
    this.env.hit('User.getEmail');
    return this.email;
  }

  /** Deprecated in Apps Script, kept for old code. */
  getUserLoginId(): string {
    this.env.hit('User.getUserLoginId');
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

/** E-mail of a `User` (any object with getEmail) or a string; an internal read, not counted. */
export function emailOf(env: Env, user: unknown): string {
  if (typeof user === 'string') return user;
  if (user instanceof FakeUser) return user.email;
  if (typeof user === 'object' && user !== null && 'getEmail' in user) {
    const getEmail = (user as { getEmail: unknown }).getEmail;
    if (typeof getEmail === 'function')
      return env.withoutCounting(() => String(getEmail.call(user)));
  }
  return String(user);
}
