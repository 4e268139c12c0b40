// CPU profile of a piece of the bench, taken in-process with the inspector, and attributed by
// where the code lives: HyperFormula, the emulator, the compiled bundle, the core, the rest.
import { Session } from 'node:inspector/promises';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Runs `fn` under the sampling profiler (interval in µs) and returns the profile. */
export async function profile(fn: () => void, intervalUs = 200): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    try {
      fn();
    } finally {
      // stop below
    }
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    return p;
  } finally {
    session.disconnect();
  }
}

/** Self time (ms) per key, where `key` maps a call frame to a bucket (or null to skip). */
export function selfTime(
  p: CpuProfile,
  key: (frame: ProfileNode['callFrame']) => string | null,
): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    if (!node) continue;
    const k = key(node.callFrame);
    if (k === null) continue;
    out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  return out;
}

/** The profiler's own work (serialising the profile when it stops) and idle time. */
export function isProfilerOverhead(frame: ProfileNode['callFrame']): boolean {
  return (
    (frame.url === '' && frame.functionName === 'dispatch') ||
    frame.functionName === '(idle)' ||
    frame.functionName === '(program)'
  );
}

/** Where a frame's code lives (null: the profiler's own overhead, left out). */
export function area(frame: ProfileNode['callFrame']): string | null {
  const url = frame.url;
  if (isProfilerOverhead(frame)) return null;
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('node_modules/hyperformula') || url.includes('node_modules/chevrotain'))
    return 'HyperFormula';
  if (url.includes('/tools/emulator/')) return 'emulator';
  if (url.includes('/dist/Code.js')) return 'bundle (dist/Code.js)';
  if (url.includes('/src/core/') || url.includes('/out/bench/core.cjs')) return 'core';
  if (url.includes('/src/')) return 'src (other)';
  if (url.includes('/tools/')) return 'bench/driver';
  return 'other';
}

/** The `n` functions with the most self time, as "ms  name (file:line)". */
export function topFunctions(
  p: CpuProfile,
  n: number,
  filter: (frame: ProfileNode['callFrame']) => boolean = () => true,
): { name: string; ms: number }[] {
  const times = selfTime(p, (f) =>
    isProfilerOverhead(f)
      ? null
      : filter(f)
        ? `${f.functionName || '(anonymous)'} (${f.url.replace(/^.*\/work\/main\//, '').replace(/^.*node_modules\//, '')}:${f.lineNumber + 1})`
        : '(filtered)',
  );
  times.delete('(filtered)');
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
}

/** For the samples whose leaf is `functionName`, the most frequent caller chains (ms). */
export function callersOf(
  p: CpuProfile,
  functionName: string,
  depth = 3,
  n = 3,
): { chain: string; ms: number }[] {
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const chains = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const leaf = byId.get(p.samples[i]);
    if (!leaf || leaf.callFrame.functionName !== functionName) continue;
    const names: string[] = [];
    let cur = parent.get(leaf.id);
    while (cur !== undefined && names.length < depth) {
      names.push(byId.get(cur)?.callFrame.functionName || '(anonymous)');
      cur = parent.get(cur);
    }
    const key = names.join(' ← ');
    chains.set(key, (chains.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  return [...chains]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([chain, ms]) => ({ chain: `${functionName} ← ${chain}`, ms: Math.round(ms * 10) / 10 }));
}
