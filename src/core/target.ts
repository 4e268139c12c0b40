// The target rule of plan 2396/KH-UBND: poor households fall by at least 80 % versus the
// baseline, or poor + near-poor households fall by more than 50 %.
import type { Targets } from './config';

export interface TargetFigures {
  poorBaseline: number;
  poor: number;
  nearPoorBaseline: number;
  nearPoor: number;
}

export interface TargetResult {
  /** (poorBaseline − poor) / poorBaseline; null when poorBaseline is 0. */
  poorReduction: number | null;
  /** combined reduction of poor + near-poor; null when both baselines are 0. */
  combinedReduction: number | null;
  attained: boolean;
  /** min(1, max(0, poorReduction / target, combinedReduction / target)), null counted as 0. */
  progress: number;
}

/** Tolerance for comparing a reduction with a target, relative to the baseline. */
function eps(base: number): number {
  return 1e-9 * Math.max(1, Math.abs(base));
}

/**
 * Evaluates the target rule on summed figures.
 *
 * Floating point: 0.8 is not exact in binary, so the comparisons are made on the counts,
 * `(base − current) ≥ target × base − ε` (poor, "at least") and
 * `(base − current) > target × base + ε` (combined, "more than"), with ε = 1e-9 × base.
 * So 5 → 1 (80 % exactly) attains, 1000 → 500 combined (50 % exactly) does not, 1000 → 499
 * (50,1 %) does. Reductions are returned unrounded.
 *
 * Zero baselines: a branch whose baseline is 0 has no reduction (null) and cannot attain.
 * When both baselines are 0 the unit attains iff poor = 0 and nearPoor = 0, and its progress
 * is then 1 (nothing left to reduce); otherwise progress is 0.
 */
export function evaluateTarget(targets: Targets, f: TargetFigures): TargetResult {
  const { poorBaseline, poor, nearPoorBaseline, nearPoor } = f;
  const pb = poorBaseline;
  const cb = poorBaseline + nearPoorBaseline;
  const c = poor + nearPoor;
  if (pb === 0 && cb === 0) {
    const attained = poor === 0 && nearPoor === 0;
    return { poorReduction: null, combinedReduction: null, attained, progress: attained ? 1 : 0 };
  }
  const poorReduction = pb !== 0 ? (pb - poor) / pb : null;
  const combinedReduction = cb !== 0 ? (cb - c) / cb : null;
  const poorDrop = pb - poor;
  const combinedDrop = cb - c;
  const poorAttained = pb !== 0 && poorDrop >= targets.poorReduction * pb - eps(pb);
  const combinedAttained = cb !== 0 && combinedDrop > targets.combinedReduction * cb + eps(cb);
  const combinedReached = cb !== 0 && combinedDrop >= targets.combinedReduction * cb - eps(cb);
  const poorRatio = poorAttained
    ? 1
    : poorReduction === null
      ? 0
      : poorReduction / targets.poorReduction;
  const combinedRatio = combinedReached
    ? 1
    : combinedReduction === null
      ? 0
      : combinedReduction / targets.combinedReduction;
  const progress = Math.min(1, Math.max(0, poorRatio, combinedRatio));
  return {
    poorReduction,
    combinedReduction,
    attained: poorAttained || combinedAttained,
    progress: Number.isFinite(progress) ? progress : 0,
  };
}
