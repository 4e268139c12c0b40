/**
 * LockService (reference: developers.google.com/apps-script/reference/lock/{lock, lock-service}).
 * Locks belong to an execution: the harness begins one per call and releases what it still holds
 * at the end ("locks are released when the script terminates"). Time is virtual: a lock held by
 * another execution is never freed while we wait, so `waitLock` throws at once and `tryLock`
 * returns false at once; every attempt is recorded.
 */
import type { EmulatorContext } from '../context';
import { serviceError, signatureError } from './common';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'document' | 'script' | `user:${string}`;

export interface LockAttempt {
  scope: LockScope;
  method: 'tryLock' | 'waitLock';
  timeoutMs: number;
  execution: number;
  result: 'acquired' | 'already-held' | 'timeout';
}

/** Execution 0 is the test itself (calls made outside `bundle.call`). */
const AMBIENT = 0;

export class LockManager {
  readonly attempts: LockAttempt[] = [];
  private readonly holders = new Map<LockScope, number>();
  private readonly stack: number[] = [];
  private nextExecution = 1;
  private nextOther = -1;

  /** Start an execution; services called from now on act for it. */
  beginExecution(): number {
    const id = this.nextExecution++;
    this.stack.push(id);
    return id;
  }

  /** End an execution: release every lock it still holds (script end). Returns their scopes. */
  endExecution(id: number): LockScope[] {
    const at = this.stack.lastIndexOf(id);
    if (at >= 0) this.stack.splice(at, 1);
    return this.releaseAll(id);
  }

  get currentExecution(): number {
    return this.stack.at(-1) ?? AMBIENT;
  }

  /** Which execution holds a lock (undefined if free). */
  holder(scope: LockScope): number | undefined {
    return this.holders.get(scope);
  }

  isHeld(scope: LockScope): boolean {
    return this.holders.has(scope);
  }

  /** Simulate another execution holding the document lock until the returned function runs. */
  holdDocumentLock(): () => void {
    return this.holdAsOther('document');
  }

  holdScriptLock(): () => void {
    return this.holdAsOther('script');
  }

  holdUserLock(email: string): () => void {
    return this.holdAsOther(`user:${email}`);
  }

  /** Release every lock of the current execution (an alert or prompt suspends the script). */
  releaseCurrent(): LockScope[] {
    return this.releaseAll(this.currentExecution);
  }

  /** @internal used by Lock */
  acquire(scope: LockScope, method: LockAttempt['method'], timeoutMs: number): boolean {
    const execution = this.currentExecution;
    const holder = this.holders.get(scope);
    let result: LockAttempt['result'];
    if (holder === undefined) {
      this.holders.set(scope, execution);
      result = 'acquired';
    } else {
      result = holder === execution ? 'already-held' : 'timeout';
    }
    this.attempts.push({ scope, method, timeoutMs, execution, result });
    return result !== 'timeout';
  }

  /** @internal used by Lock */
  release(scope: LockScope): void {
    if (this.holders.get(scope) === this.currentExecution) this.holders.delete(scope);
  }

  private holdAsOther(scope: LockScope): () => void {
    const holder = this.holders.get(scope);
    if (holder !== undefined)
      throw new Error(`Emulator: the ${scope} lock is already held by execution ${holder}`);
    const id = this.nextOther--;
    this.holders.set(scope, id);
    return () => {
      if (this.holders.get(scope) === id) this.holders.delete(scope);
    };
  }

  private releaseAll(execution: number): LockScope[] {
    const released: LockScope[] = [];
    for (const [scope, holder] of this.holders) {
      if (holder === execution) released.push(scope);
    }
    for (const scope of released) this.holders.delete(scope);
    return released;
  }
}

function checkTimeout(method: string, timeout: unknown): number {
  if (typeof timeout !== 'number' || Number.isNaN(timeout)) throw signatureError(method, [timeout]);
  return Math.trunc(timeout);
}

export class Lock {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly manager: LockManager,
    private readonly scope: LockScope,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.ctx.counter.hit('Lock.tryLock');
    const timeout = checkTimeout('Lock.tryLock', timeoutInMillis);
    return this.manager.acquire(this.scope, 'tryLock', timeout);
  }

  waitLock(timeoutInMillis: number): void {
    this.ctx.counter.hit('Lock.waitLock');
    const timeout = checkTimeout('Lock.waitLock', timeoutInMillis);
    if (!this.manager.acquire(this.scope, 'waitLock', timeout)) throw serviceError(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    this.ctx.counter.hit('Lock.hasLock');
    return this.manager.holder(this.scope) === this.manager.currentExecution;
  }

  releaseLock(): void {
    this.ctx.counter.hit('Lock.releaseLock');
    this.manager.release(this.scope);
  }
}

export class LockService {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly manager: LockManager,
  ) {}

  /** The script is bound to the spreadsheet, so there is always a containing document. */
  getDocumentLock(): Lock {
    this.ctx.counter.hit('LockService.getDocumentLock');
    return new Lock(this.ctx, this.manager, 'document');
  }

  getScriptLock(): Lock {
    this.ctx.counter.hit('LockService.getScriptLock');
    return new Lock(this.ctx, this.manager, 'script');
  }

  getUserLock(): Lock {
    this.ctx.counter.hit('LockService.getUserLock');
    return new Lock(this.ctx, this.manager, `user:${this.ctx.user}`);
  }
}
