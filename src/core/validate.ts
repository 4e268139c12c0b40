// Validation of everything read from one unit's tab.
import { findUnit, type Config } from './config';
import { validateCriteria } from './criteria';
import { normalizeName } from './names';
import { validateNominations } from './nominations';
import { makeProblem, sortProblems } from './problems';
import { validateRows } from './records';
import type { CommuneYear, Criteria, Merger, Nomination, Problem, UnitInput } from './types';

export interface ValidatedUnit {
  /** The configured name of the unit (or the name as given when it is not configured). */
  unit: string;
  sheet: string;
  /** False when the unit is not in Cấu hình: none of its rows is consolidated. */
  known: boolean;
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
}

function arr<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

/** Validates one unit's tab; never throws. */
export function validateUnit(config: Config, input: UnitInput): ValidatedUnit {
  const givenName = typeof input.unit === 'string' ? normalizeName(input.unit) : String(input.unit);
  const sheet = typeof input.sheet === 'string' && input.sheet ? input.sheet : givenName;
  const unit = findUnit(config, givenName);
  const unitName = unit ? unit.name : givenName;
  const rows = validateRows(config, unit, arr(input.rows), sheet);
  const crit = validateCriteria(config, unitName, sheet, arr(input.criteria));
  const noms = validateNominations(config, unit, unitName, sheet, arr(input.nominations));
  const layout = arr(input.layoutProblems).filter((p) => p && typeof p === 'object');
  const unitProblems: Problem[] = [];
  if (!unit && rows.problems.length === 0 && (crit.criteria.length || noms.nominations.length)) {
    unitProblems.push(
      makeProblem(
        sheet,
        'A1',
        `đơn vị "${givenName}" không có trong danh sách đơn vị trên trang "Cấu hình"; dữ liệu của trang này không được tổng hợp.`,
      ),
    );
  }
  const figureProblems = sortProblems([...layout, ...unitProblems, ...rows.problems]);
  return {
    unit: unitName,
    sheet,
    known: unit !== undefined,
    records: rows.records,
    problems: sortProblems([...figureProblems, ...crit.problems, ...noms.problems]),
    figureProblems,
    criteria: crit.criteria,
    nominations: noms.nominations,
    mergers: rows.mergers,
  };
}
