/**
 * LockService (reference: developers.google.com/apps-script/reference/lock/{lock, lock-service}).
 * Locks belong to an execution: the harness begins one per call and releases what it still holds
 * at the end ("locks are released when the script terminates"). Time is the emulator's virtual
 * clock: a lock held by another execution (`holdDocumentLock()`) is freed at the time given
 * (`{ until }`) or never; waiting moves the clock to the release, or by the whole timeout when
 * the lock is not freed in time (then `tryLock` returns false and `waitLock` throws). Every
 * attempt is recorded.
 */
import type { EmulatorContext } from '../context';
import { english } from '../messages';
import { serviceError, signatureError } from './common';

export const LOCK_TIMEOUT = english('lockTimeout');

export type LockScope = 'document' | 'script' | `user:${string}`;

export interface LockAttempt {
  scope: LockScope;
  method: 'tryLock' | 'waitLock';
  timeoutMs: number;
  execution: number;
  result: 'acquired' | 'already-held' | 'timeout';
}

/** The virtual clock a wait moves (ms). */
export interface LockClock {
  now(): number;
  advance(ms: number): void;
}

interface Holder {
  execution: number;
  /** Virtual time at which another execution releases the lock (undefined: never). */
  until?: number;
}

/** Execution 0 is the test itself (calls made outside `bundle.call`). */
const AMBIENT = 0;

export class LockManager {
  readonly attempts: LockAttempt[] = [];
  private readonly holders = new Map<LockScope, Holder>();
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
    return this.holders.get(scope)?.execution;
  }

  isHeld(scope: LockScope): boolean {
    return this.holders.has(scope);
  }

  /**
   * Simulate another execution holding the document lock until the returned function runs, or
   * until the virtual time `until` (a waiter whose timeout reaches it gets the lock then).
   */
  holdDocumentLock(opts: { until?: Date } = {}): () => void {
    return this.holdAsOther('document', opts.until);
  }

  holdScriptLock(opts: { until?: Date } = {}): () => void {
    return this.holdAsOther('script', opts.until);
  }

  holdUserLock(email: string, opts: { until?: Date } = {}): () => void {
    return this.holdAsOther(`user:${email}`, opts.until);
  }

  /** Release every lock of the current execution (an alert or prompt suspends the script). */
  releaseCurrent(): LockScope[] {
    return this.releaseAll(this.currentExecution);
  }

  /** @internal used by Lock: waits on the virtual clock (see the module comment). */
  acquire(
    scope: LockScope,
    method: LockAttempt['method'],
    timeoutMs: number,
    clock?: LockClock,
  ): boolean {
    const execution = this.currentExecution;
    const holder = this.holders.get(scope);
    let result: LockAttempt['result'];
    if (holder === undefined) {
      this.holders.set(scope, { execution });
      result = 'acquired';
    } else if (holder.execution === execution) {
      result = 'already-held';
    } else {
      const now = clock?.now() ?? 0;
      const freedAt = holder.until;
      if (freedAt !== undefined && freedAt - now <= timeoutMs) {
        clock?.advance(Math.max(0, freedAt - now));
        this.holders.set(scope, { execution });
        result = 'acquired';
      } else {
        clock?.advance(Math.max(0, timeoutMs));
        result = 'timeout';
      }
    }
    this.attempts.push({ scope, method, timeoutMs, execution, result });
    return result !== 'timeout';
  }

  /** @internal used by Lock */
  release(scope: LockScope): void {
    if (this.holders.get(scope)?.execution === this.currentExecution) this.holders.delete(scope);
  }

  private holdAsOther(scope: LockScope, until?: Date): () => void {
    const holder = this.holders.get(scope);
    if (holder !== undefined)
      throw new Error(
        `Emulator: the ${scope} lock is already held by execution ${holder.execution}`,
      );
    const id = this.nextOther--;
    this.holders.set(scope, { execution: id, until: until?.getTime() });
    return () => {
      if (this.holders.get(scope)?.execution === id) this.holders.delete(scope);
    };
  }

  private releaseAll(execution: number): LockScope[] {
    const released: LockScope[] = [];
    for (const [scope, holder] of this.holders) {
      if (holder.execution === execution) released.push(scope);
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
    return this.manager.acquire(this.scope, 'tryLock', timeout, this.clock());
  }

  waitLock(timeoutInMillis: number): void {
    this.ctx.counter.hit('Lock.waitLock');
    const timeout = checkTimeout('Lock.waitLock', timeoutInMillis);
    if (!this.manager.acquire(this.scope, 'waitLock', timeout, this.clock()))
      throw serviceError(LOCK_TIMEOUT);
  }

  private clock(): LockClock {
    return { now: () => this.ctx.now().getTime(), advance: (ms) => this.ctx.advanceClock(ms) };
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

  /** null outside a containing document (an add-on's time-driven trigger; SHEETS-FACTS §6). */
  getDocumentLock(): Lock | null {
    this.ctx.counter.hit('LockService.getDocumentLock');
    if (!this.ctx.auth.documentContext) return null;
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
