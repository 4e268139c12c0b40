// Scores 0-100 from the year's criteria and the progress toward the target.
import type { Config } from './config';
import { hasAnyCriterion } from './criteria';
import type { Criteria } from './types';

export interface ScoreInput {
  unit: string;
  criteria: Criteria | undefined;
  progress: number;
}

/**
 * score = Σ weight of each yes/no criterion answered "Có"
 *       + weight.resourcesMobilised × resources / best unit's resources (0 when all are 0)
 *       + weight.initiatives × initiatives / best unit's initiatives (0 when all are 0)
 *       + weight.progress × progress,
 * rounded to 2 decimals; null when the unit filled no criterion for the year. The
 * reportsOnTime criterion is the value typed on the tab, not the sidebar submission.
 */
export function scoreUnits(config: Config, entries: ScoreInput[]): Map<string, number | null> {
  const w = config.weights;
  const filled = entries.filter((e) => e.criteria !== undefined && hasAnyCriterion(e.criteria));
  const best = (f: 'resourcesMobilised' | 'initiatives') =>
    filled.reduce((m, e) => Math.max(m, e.criteria?.[f] ?? 0), 0);
  const bestRes = best('resourcesMobilised');
  const bestInit = best('initiatives');
  const out = new Map<string, number | null>();
  for (const e of entries) {
    const c = e.criteria;
    if (!c || !hasAnyCriterion(c)) {
      out.set(e.unit, null);
      continue;
    }
    const yes = (v: boolean | null) => (v === true ? 1 : 0);
    const progress = Number.isFinite(e.progress) ? Math.min(1, Math.max(0, e.progress)) : 0;
    const raw =
      w.planIssued * yes(c.planIssued) +
      w.budgetAllocated * yes(c.budgetAllocated) +
      w.budgetSettled * yes(c.budgetSettled) +
      w.reportsOnTime * yes(c.reportsOnTime) +
      w.resourcesMobilised * (bestRes > 0 ? (c.resourcesMobilised ?? 0) / bestRes : 0) +
      w.initiatives * (bestInit > 0 ? (c.initiatives ?? 0) / bestInit : 0) +
      w.progress * progress;
    out.set(e.unit, Math.round(raw * 100) / 100);
  }
  return out;
}
