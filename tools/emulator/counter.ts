/** Counts every emulated service call by "Class.method", so tests and the bench can assert them. */
export class CallCounter {
  private counts = new Map<string, number>();

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
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
