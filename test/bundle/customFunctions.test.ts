// The four custom functions called through the compiled bundle (dist/Code.js, built by
// `npm run build`) inside the emulator, as Sheets would call them: one call per range.
// GN_BUNDLE=path/to/Code.js tests another build.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Emulator } from '../../tools/emulator';
import type { Bundle } from '../../tools/emulator/harness';

const CODE = process.env.GN_BUNDLE ?? 'dist/Code.js';
const NAMES = ['GN_GIAM', 'GN_DAT', 'GN_TIENDO', 'GN_PHANLOAI'];

let bundle: Bundle;
let emu: Emulator;

/** Loads a module of the emulator, saying clearly which one is missing. */
async function load<T>(path: string, get: () => Promise<T>): Promise<T> {
  try {
    return await get();
  } catch (e) {
    throw new Error(`Emulator module "${path}" cannot be loaded: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

beforeAll(async () => {
  const { Emulator: Emu } = await load('tools/emulator', () => import('../../tools/emulator'));
  const { loadBundle } = await load(
    'tools/emulator/harness',
    () => import('../../tools/emulator/harness'),
  );
  if (!existsSync(resolve(CODE))) throw new Error(`${CODE} is missing: run "npm run build" first.`);
  emu = new Emu({ user: 'a@x.vn', language: 'vi' });
  bundle = loadBundle(emu, CODE);
});

/** The message of what a call threw, whatever realm the error comes from. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { message?: unknown }).message ?? e);
  }
  throw new Error('expected the call to throw');
}

test('the four custom functions are top-level functions with their @customfunction JSDoc', () => {
  const top = bundle.topLevelFunctions();
  for (const name of NAMES) {
    if (!top.includes(name))
      throw new Error(
        `${name} is not a top-level function of ${CODE}: export it from src/server/index.ts`,
      );
  }
  const source = readFileSync(resolve(CODE), 'utf8');
  for (const name of NAMES) {
    const at = source.indexOf(`\nfunction ${name}(`);
    const doc = source.slice(source.lastIndexOf('/**', at), at);
    expect(doc).toContain('@customfunction');
    expect(doc).toContain('@param');
  }
  expect(source).toMatch(/@param \{number\|Array<Array<number>>\} baseline Số hộ nghèo đầu kỳ/);
});

describe('GN_GIAM', () => {
  test('single values, blank when the baseline is 0', () => {
    expect(bundle.call('GN_GIAM', 10, 2)).toBe(0.8);
    expect(bundle.call('GN_GIAM', 0, 2)).toBe('');
    expect(bundle.call('GN_GIAM', '', 2)).toBe('');
  });
  test('same-shaped ranges → same-shaped result', () => {
    expect(bundle.call('GN_GIAM', [[10], [20]], [[2], [5]])).toEqual([[0.8], [0.75]]);
  });
  test('1,000-row ranges in one call, no service call', () => {
    const base = Array.from({ length: 1000 }, (_, i) => [i + 1, 100]);
    const cur = Array.from({ length: 1000 }, (_, i) => [0, i % 101]);
    const r = bundle.call('GN_GIAM', base, cur) as number[][];
    expect(r).toHaveLength(1000);
    expect(r[999]).toEqual([1, (100 - (999 % 101)) / 100]);
    expect(r.every((x) => x.length === 2)).toBe(true);
  });
  test.each([
    ['text', 'abc', 'nhận được "abc"'],
    ['negative', -1, 'nhận được "-1"'],
    ['decimal', 2.5, 'nhận được "2.5"'],
    ['boolean', true, 'nhận được "true"'],
    ['formula error', '#REF!', 'nhận được "#REF!"'],
  ])('bad input (%s) names the argument and the cell', (_kind, value, text) => {
    const msg = thrown(() => bundle.call('GN_GIAM', [[10], [20], [30]], [[1], [2], [value]]));
    expect(msg).toContain(
      'GN_GIAM: đối số thứ 2 (current) ở hàng 3, cột 1 phải là số nguyên không âm',
    );
    expect(msg).toContain(text);
  });
  test('bad input: a date', () => {
    const msg = thrown(() => bundle.call('GN_GIAM', new Date('2024-03-01T00:00:00Z'), 1));
    expect(msg).toContain('GN_GIAM: đối số thứ 1 (baseline) phải là số nguyên không âm');
  });
  test('shape mismatch', () => {
    expect(thrown(() => bundle.call('GN_GIAM', [[1], [2]], [[1], [2], [3]]))).toBe(
      'GN_GIAM: các vùng ô phải cùng kích thước: đối số thứ 1 (baseline) có 2 hàng × 1 cột, đối số thứ 2 (current) có 3 hàng × 1 cột.',
    );
  });
});

describe('GN_DAT, GN_TIENDO, GN_PHANLOAI', () => {
  test('target rule at the edges', () => {
    expect(bundle.call('GN_DAT', 5, 1, 0, 0)).toBe('Đạt'); // 80 % exactly
    expect(bundle.call('GN_DAT', 100, 90, 100, 10)).toBe('Chưa đạt'); // combined 50 % exactly
    expect(bundle.call('GN_DAT', 500, 400, 500, 99)).toBe('Đạt'); // combined 50,1 %
    expect(bundle.call('GN_TIENDO', 100, 90, 100, 10)).toBe(1);
    expect(bundle.call('GN_TIENDO', [[50], ['']], [[40], [1]], [[50], [1]], [[20], [1]])).toEqual([
      [0.8],
      [''],
    ]);
  });
  test('1,000-row ranges with a broadcast value', () => {
    const pb = Array.from({ length: 1000 }, () => [10]);
    // 10 → 2: poor −80 % (Đạt); 10 → 6: poor and combined both −40 % (Chưa đạt).
    const p = Array.from({ length: 1000 }, (_, i) => [i % 2 === 0 ? 2 : 6]);
    const r = bundle.call('GN_DAT', pb, p, 0, 0) as string[][];
    expect(r).toHaveLength(1000);
    expect(r[0]).toEqual(['Đạt']);
    expect(r[1]).toEqual(['Chưa đạt']);
  });
  test('classification and its bad input', () => {
    expect(bundle.call('GN_PHANLOAI', 1_500_000, 3, 'nông thôn')).toBe('Hộ nghèo');
    expect(
      bundle.call(
        'GN_PHANLOAI',
        [[1_500_001], [2_000_000]],
        [[3], [1]],
        [['nông thôn'], ['thành thị']],
      ),
    ).toEqual([['Hộ có mức sống trung bình'], ['Hộ cận nghèo']]);
    expect(thrown(() => bundle.call('GN_PHANLOAI', 1, 3, 'vùng cao'))).toContain(
      'đối số thứ 3 (area) phải là "nông thôn" hoặc "thành thị"',
    );
    expect(thrown(() => bundle.call('GN_DAT', 1, 'x', 1, 1))).toContain(
      'GN_DAT: đối số thứ 2 (poor)',
    );
    expect(thrown(() => bundle.call('GN_TIENDO', 1, 1, 1, -2))).toContain(
      'GN_TIENDO: đối số thứ 4 (nearPoor)',
    );
  });
  test('no service is touched', () => {
    const calls = (emu as unknown as { ctx?: { counter?: { total?: () => number } } }).ctx?.counter;
    if (calls && typeof calls.total === 'function') expect(calls.total()).toBe(0);
  });
});
