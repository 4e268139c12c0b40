// What the unit tabs collect beyond the summary's figures, summed for the report: the movement of
// poor households (exited, returned, new), the implementation plans, the initiatives and the
// resources mobilised. Pure.
import type { ValidatedUnit } from './validate';

export interface YearActivity {
  year: number;
  /** Sums over the communes whose three movement fields are filled for the year. */
  exited: number;
  returned: number;
  newPoor: number;
  communesWithMovement: number;
  /** Communes with a valid row for the year. */
  communesReported: number;
  /** Units with a criteria block for the year, and what they declared. */
  unitsWithCriteria: number;
  plansIssued: number;
  initiatives: number;
  /** Million VND. */
  resources: number;
  units: number;
}

export function yearActivity(units: readonly ValidatedUnit[], year: number): YearActivity {
  const out: YearActivity = {
    year,
    exited: 0,
    returned: 0,
    newPoor: 0,
    communesWithMovement: 0,
    communesReported: 0,
    unitsWithCriteria: 0,
    plansIssued: 0,
    initiatives: 0,
    resources: 0,
    units: units.length,
  };
  for (const unit of units) {
    for (const r of unit.records) {
      if (r.year !== year) continue;
      out.communesReported++;
      if (r.poorExited === null || r.poorReturned === null || r.poorNew === null) continue;
      out.communesWithMovement++;
      out.exited += r.poorExited;
      out.returned += r.poorReturned;
      out.newPoor += r.poorNew;
    }
    const c = unit.criteria.find((x) => x.year === year);
    if (!c) continue;
    out.unitsWithCriteria++;
    if (c.planIssued === true) out.plansIssued++;
    out.initiatives += c.initiatives ?? 0;
    out.resources += c.resourcesMobilised ?? 0;
  }
  return out;
}
