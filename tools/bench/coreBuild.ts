// Bundles the pure core for the bench the way tools/build.ts bundles dist/Code.js (esbuild,
// es2020, minified), so the time measured is that of the code that ships, not of tsx's
// on-the-fly transform (which adds keepNames wrappers to every closure).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import type { consolidateValidated } from '../../src/core/consolidate';
import type { unitYearFigures } from '../../src/core/figures';
import type { buildShortlist } from '../../src/core/shortlist';
import type { validateUnit } from '../../src/core/validate';

export interface CoreApi {
  validateUnit: typeof validateUnit;
  consolidateValidated: typeof consolidateValidated;
  unitYearFigures: typeof unitYearFigures;
  buildShortlist: typeof buildShortlist;
}

export function buildCore(outfile = 'out/bench/core.cjs'): CoreApi {
  const out = resolve(outfile);
  mkdirSync(dirname(out), { recursive: true });
  buildSync({
    entryPoints: [resolve('tools/bench/coreEntry.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: false,
    outfile: out,
    logLevel: 'error',
  });
  const load = createRequire(resolve('package.json'));
  delete load.cache[out];
  return load(out) as CoreApi;
}
