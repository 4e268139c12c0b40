import { DEFAULT_CONFIG, evaluateTarget } from '../../src/core';

const T = DEFAULT_CONFIG.targets;
const ev = (poorBaseline: number, poor: number, nearPoorBaseline = 0, nearPoor = 0) =>
  evaluateTarget(T, { poorBaseline, poor, nearPoorBaseline, nearPoor });

describe('evaluateTarget: poor branch (at least 80 %)', () => {
  test.each([
    // [baseline, poor]: (b − p) / b = 0.8 exactly, each must attain
    [5, 1], // 4/5 = 0.8
    [10, 2], // 8/10
    [100, 20], // 80/100
    [1000, 200], // 800/1000
    [15, 3], // 12/15 = 0.8 (0.8 × 15 = 12.000000000000002 in floats)
    [12345, 2469], // 9876/12345 = 0.8
  ])('%i → %i is exactly 80 % and attains', (b, p) => {
    const r = ev(b, p, 0, 0);
    expect(r.poorReduction).toBeCloseTo(0.8, 12);
    expect(r.attained).toBe(true);
    expect(r.progress).toBe(1);
  });

  test('3 → 1 is 66,7 %: not attained, progress 0.6667/0.8 = 0.8333', () => {
    // (3 − 1)/3 = 0.6667; near-poor baseline 0 so combined = (3 − 1)/3 too → 0.6667/0.5 > 1
    // → with near-poor counted the combined branch attains; check the poor branch alone:
    const r = ev(3, 1, 100, 100); // combined: (103 − 101)/103 = 0.0194
    expect(r.attained).toBe(false);
    expect(r.poorReduction).toBeCloseTo(2 / 3, 12);
    expect(r.progress).toBeCloseTo(2 / 3 / 0.8, 12);
  });

  test('1000 → 201 (79,9 %) does not attain on the poor branch', () => {
    // poor: 799/1000 = 0.799; combined with near-poor 1000 → 1000: (2000 − 1201)/2000 = 0.3995
    const r = ev(1000, 201, 1000, 1000);
    expect(r.attained).toBe(false);
    expect(r.progress).toBeCloseTo(0.799 / 0.8, 12);
  });
});

describe('evaluateTarget: combined branch (more than 50 %)', () => {
  test('exactly 50 % does not attain but shows progress 1', () => {
    // poor 100 → 90 (10 %), near-poor 100 → 10: combined (200 − 100)/200 = 0.5
    const r = ev(100, 90, 100, 10);
    expect(r.combinedReduction).toBe(0.5);
    expect(r.attained).toBe(false);
    expect(r.progress).toBe(1);
  });
  test('50,1 % attains', () => {
    // poor 500 → 400, near-poor 500 → 99: (1000 − 499)/1000 = 0.501
    const r = ev(500, 400, 500, 99);
    expect(r.combinedReduction).toBeCloseTo(0.501, 12);
    expect(r.attained).toBe(true);
    expect(r.progress).toBe(1);
  });
  test('combined 40 %: progress 0.4/0.5 = 0.8', () => {
    // poor 50 → 40 (20 % → 0.25), near-poor 50 → 20: (100 − 60)/100 = 0.4 → 0.8
    const r = ev(50, 40, 50, 20);
    expect(r.progress).toBeCloseTo(0.8, 12);
    expect(r.attained).toBe(false);
  });
});

describe('evaluateTarget: zero baselines', () => {
  test('poor baseline 0: poor branch null; combined branch decides', () => {
    // near-poor 10 → 4: (10 − 4)/10 = 0.6 > 0.5
    const r = ev(0, 0, 10, 4);
    expect(r.poorReduction).toBeNull();
    expect(r.combinedReduction).toBeCloseTo(0.6, 12);
    expect(r.attained).toBe(true);
  });
  test('poor baseline 0 and combined not enough: not attained', () => {
    const r = ev(0, 0, 10, 6); // 0.4
    expect(r.attained).toBe(false);
    expect(r.progress).toBeCloseTo(0.8, 12);
  });
  test('both baselines 0 and still 0: attained, progress 1', () => {
    expect(ev(0, 0, 0, 0)).toEqual({
      poorReduction: null,
      combinedReduction: null,
      attained: true,
      progress: 1,
    });
  });
  test('both baselines 0 but new poor households: not attained, progress 0', () => {
    expect(ev(0, 1, 0, 0)).toEqual({
      poorReduction: null,
      combinedReduction: null,
      attained: false,
      progress: 0,
    });
    expect(ev(0, 0, 0, 2).attained).toBe(false);
  });
  test('increase gives a negative reduction and progress 0', () => {
    const r = ev(10, 15, 10, 15); // (10 − 15)/10 = −0.5
    expect(r.poorReduction).toBe(-0.5);
    expect(r.progress).toBe(0);
    expect(r.attained).toBe(false);
  });
  test('uses the configured targets', () => {
    // target 0.9: 10 → 2 is 80 %, not enough
    const r = evaluateTarget(
      { poorReduction: 0.9, combinedReduction: 0.5 },
      { poorBaseline: 10, poor: 2, nearPoorBaseline: 0, nearPoor: 10 },
    );
    expect(r.attained).toBe(false);
    expect(r.progress).toBeCloseTo(0.8 / 0.9, 12);
  });
});
