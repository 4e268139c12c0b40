import type { EmulatorContext } from '../context';

/**
 * Per-spreadsheet environment shared by every emulated object: the context, the call counter
 * gate (so setup helpers can run without counting) and the Date factory (so Dates can be made
 * in the script's realm when the model runs under node:vm).
 */
export class Env {
  private suspended = 0;
  /** Makes the Date objects returned by reads; the vm harness may replace it. */
  makeDate: (ms: number) => Date = (ms) => new Date(ms);

  constructor(readonly ctx: EmulatorContext) {}

  /** Counts one public Apps Script call, e.g. 'Range.getValues'. */
  hit(method: string): void {
    if (this.suspended === 0) this.ctx.counter.hit(method);
    else this.ctx.counter.enter();
  }

  withoutCounting<T>(fn: () => T): T {
    this.suspended++;
    try {
      return fn();
    } finally {
      this.suspended--;
    }
  }

  asOwner<T>(fn: () => T): T {
    const previous = this.ctx.user;
    this.ctx.user = this.ctx.owner;
    try {
      return fn();
    } finally {
      this.ctx.user = previous;
    }
  }
}
