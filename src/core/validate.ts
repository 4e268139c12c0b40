// Validation of everything read from one unit's tab: the reading step, done once per tab (the
// sheets reader validates each tab as it reads it); the consolidation works on its result.
import { findUnit, type Config, type UnitConfig } from './config';
import { validateCriteria } from './criteria';
import { normalizeName } from './names';
import { validateNominations } from './nominations';
import { makeProblem, sortProblems } from './problems';
import { validateRows } from './records';
import type {
  CommuneYear,
  Criteria,
  Merger,
  Nomination,
  Problem,
  Submission,
  UnitInput,
} from './types';

export interface ValidatedUnit {
  /** The configured name of the unit. */
  unit: string;
  sheet: string;
  /** The unit's communes as configured (normalised), in Cấu hình order. */
  communes: string[];
  /** Valid commune-year rows only. */
  records: CommuneYear[];
  /** Every problem of the tab, sorted by year then cell. */
  problems: Problem[];
  /**
   * The problems that make figures provisional: layout problems and commune-year rows.
   * Criteria and nomination problems are listed in `problems` but do not change figures.
   */
  figureProblems: Problem[];
  criteria: Criteria[];
  nominations: Nomination[];
  mergers: Merger[];
  /** The unit's submitted reports, as the reader found them. */
  submissions: Submission[];
}

function arr<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Validates one unit's tab; never throws. The reader only reads tabs of configured units; a unit
 * name that is not in Cấu hình (from a direct caller) gets a problem and no commune, so none of
 * its rows is consolidated.
 */
export function validateUnit(config: Config, input: UnitInput): ValidatedUnit {
  const name = typeof input.unit === 'string' ? normalizeName(input.unit) : String(input.unit);
  const sheet = typeof input.sheet === 'string' && input.sheet ? input.sheet : name;
  const configured = findUnit(config, name);
  const unit: UnitConfig = configured ?? {
    name,
    tab: sheet,
    editors: [],
    communes: [],
  };
  const rows = validateRows(config, unit, arr(input.rows), sheet);
  const crit = validateCriteria(config, unit.name, sheet, arr(input.criteria));
  const noms = validateNominations(config, unit, sheet, arr(input.nominations));
  const layout = arr(input.layoutProblems).filter((p) => p && typeof p === 'object');
  const notConfigured = configured
    ? []
    : [
        makeProblem(
          sheet,
          'A1',
          `đơn vị "${name}" không có trong danh sách đơn vị trên trang "Cấu hình"; dữ liệu của trang này không được tổng hợp.`,
        ),
      ];
  const figureProblems = sortProblems([...layout, ...notConfigured, ...rows.problems]);
  return {
    unit: unit.name,
    sheet,
    communes: unit.communes.map(normalizeName),
    records: rows.records,
    problems: sortProblems([...figureProblems, ...crit.problems, ...noms.problems]),
    figureProblems,
    criteria: crit.criteria,
    nominations: noms.nominations,
    mergers: rows.mergers,
    submissions: arr(input.submissions),
  };
}
