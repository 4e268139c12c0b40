// The CLI run as a user runs it: a child process of `npx tsx tools/cli.ts` on files, with the
// bundle (dist/Code.js) built once for the test files that need it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export { ensureBuilt } from '../bundle/setupFixture';

export type CliRun = SpawnSyncReturns<string>;

/** Any command line (a bad one included): the exit status, stdout and stderr. */
export function cli(...args: string[]): CliRun {
  return spawnSync('npx', ['tsx', 'tools/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 300_000,
  });
}

/** The files and year of `consolidate`, each given only when set. */
export interface ConsolidateArgs {
  data: string;
  out: string;
  nominations?: string;
  criteria?: string;
  reports?: string;
  config?: string;
  year?: number;
}

/** `consolidate --data … --out …` with the flags of `args`, as PRODUCT.md spells them. */
export function consolidate(args: ConsolidateArgs): CliRun {
  const flags = Object.entries(args).flatMap(([flag, value]) =>
    value === undefined ? [] : [`--${flag}`, String(value)],
  );
  return cli('consolidate', ...flags);
}
