import { enterLanguage, type Language } from './messages';

/**
 * Counts every emulated service call by "Class.method", so tests and the bench can assert them.
 * Entering a service also makes its emulator's user language the one errors are thrown in
 * (messages.ts).
 */
export class CallCounter {
  private counts = new Map<string, number>();
  /** The language of the user running the emulator this counter belongs to. */
  language: () => Language = () => 'en';

  hit(method: string): void {
    this.enter();
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  /** A service of this emulator is entered without counting a call (setup helpers, exporters). */
  enter(): void {
    enterLanguage(this.language);
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Total number of calls, optionally only those whose name starts with a prefix. */
  total(prefix = ''): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (name.startsWith(prefix)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
