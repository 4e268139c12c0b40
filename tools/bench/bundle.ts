// The compiled bundle: its size, the time to evaluate its global scope in a fresh node:vm
// context (what every custom-function call and menu click pays in Apps Script), and the four
// custom functions over a 10,000-row range, each called once through the bundle as Sheets would.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { Emulator, loadBundle, loadScript } from '../emulator';
import { median, round } from './core';

export interface BundleResult {
  path: string;
  bytes: number;
  kib: number;
  gzipBytes: number;
  /** Median of `loads` fresh contexts (compile + new context + top level), ms. */
  loadMs: number;
  /** The first load in this process (V8's compilation cache still cold), ms. */
  firstLoadMs: number;
  loadRunsMs: number[];
  /** Median of `loads` loads of a source V8 has never seen (a unique comment appended): full parse and compile every time, ms. */
  coldLoadMs: number;
  loads: number;
}

export interface CustomFunctionResult {
  name: string;
  rows: number;
  /** One call through the bundle (fresh global scope included), median of `runs`, ms. */
  callMs: number;
  /** callMs minus the median global-scope load. */
  functionMs: number;
  msPer1000Rows: number;
  functionMsPer1000Rows: number;
  runs: number;
  /** First cell of the result, to show the call did its work. */
  sample: unknown;
}

export function benchBundle(codePath: string, loads = 20): BundleResult {
  const source = readFileSync(codePath);
  const runs: number[] = [];
  for (let i = 0; i < loads; i++) {
    const emu = new Emulator({ user: 'a@x.vn' });
    runs.push(loadBundle(emu, codePath).loadMs);
  }
  const text = source.toString('utf8');
  const cold: number[] = [];
  for (let i = 0; i < loads; i++) {
    const emu = new Emulator({ user: 'a@x.vn' });
    cold.push(
      loadScript(emu, `${text}\n// bench ${Date.now()}-${i}\n`, { filename: codePath }).loadMs,
    );
  }
  return {
    path: codePath,
    bytes: statSync(codePath).size,
    kib: round(statSync(codePath).size / 1024, 1),
    gzipBytes: gzipSync(source).length,
    loadMs: round(median(runs)),
    firstLoadMs: round(runs[0]),
    loadRunsMs: runs.map((x) => round(x)),
    coldLoadMs: round(median(cold)),
    loads,
  };
}

function column<T>(rows: number, f: (i: number) => T): T[][] {
  return Array.from({ length: rows }, (_, i) => [f(i)]);
}

/** Deterministic inputs: realistic commune figures, one blank row in a hundred. */
function inputs(rows: number): Record<string, unknown[][][]> {
  const blank = (i: number) => i % 100 === 99;
  const pb = column(rows, (i) => (blank(i) ? '' : 20 + (i % 180)));
  const p = column(rows, (i) =>
    blank(i) ? '' : Math.floor((20 + (i % 180)) * (0.1 + (i % 7) / 10)),
  );
  const nb = column(rows, (i) => (blank(i) ? '' : 30 + (i % 150)));
  const n = column(rows, (i) =>
    blank(i) ? '' : Math.floor((30 + (i % 150)) * (0.3 + (i % 5) / 10)),
  );
  const income = column(rows, (i) => (blank(i) ? '' : 900_000 + ((i * 7919) % 3_000_000)));
  const deficits = column(rows, (i) => (blank(i) ? '' : i % 6));
  const area = column(rows, (i) => (blank(i) ? '' : i % 3 === 0 ? 'thành thị' : 'nông thôn'));
  return {
    GN_GIAM: [pb, p],
    GN_DAT: [pb, p, nb, n],
    GN_TIENDO: [pb, p, nb, n],
    GN_PHANLOAI: [income, deficits, area],
  };
}

export function benchCustomFunctions(
  codePath: string,
  loadMs: number,
  rows = 10_000,
  runs = 5,
): CustomFunctionResult[] {
  const emu = new Emulator({ user: 'a@x.vn' });
  const bundle = loadBundle(emu, codePath);
  const args = inputs(rows);
  return Object.entries(args).map(([name, a]) => {
    let result: unknown = null;
    bundle.call(name, ...a); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      result = bundle.call(name, ...a);
      times.push(performance.now() - t);
    }
    const callMs = median(times);
    const functionMs = Math.max(0, callMs - loadMs);
    const out = result as unknown[][];
    if (!Array.isArray(out) || out.length !== rows)
      throw new Error(
        `bench: ${name} returned ${Array.isArray(out) ? out.length : typeof out} rows, expected ${rows}`,
      );
    return {
      name,
      rows,
      callMs: round(callMs),
      functionMs: round(functionMs),
      msPer1000Rows: round(callMs / (rows / 1000)),
      functionMsPer1000Rows: round(functionMs / (rows / 1000)),
      runs,
      sample: out[0]?.[0],
    };
  });
}

/**
 * What dist/Code.js is made of: the same esbuild options as tools/build.ts with a metafile,
 * bytes of minified output per input, grouped (zod, src/core, src/sheets, src/server...).
 */
export function bundleComposition(): {
  groups: Record<string, number>;
  largest: { input: string; bytes: number }[];
  wrappersAndHeaderBytes: number;
} {
  const result = buildSync({
    entryPoints: [resolve('src/server/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__GN',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs).map(([input, v]) => ({
    input,
    bytes: v.bytesInOutput,
  }));
  const group = (path: string) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (m) return `npm:${m[1]}`;
    const s = /^src\/([^/]+)\//.exec(path);
    return s ? `src/${s[1]}` : path;
  };
  const groups: Record<string, number> = {};
  for (const i of inputs) groups[group(i.input)] = (groups[group(i.input)] ?? 0) + i.bytes;
  const sortedGroups = Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1]));
  const total = result.outputFiles[0].contents.length;
  return {
    groups: sortedGroups,
    largest: inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 12),
    wrappersAndHeaderBytes: statSync('dist/Code.js').size - total,
  };
}
