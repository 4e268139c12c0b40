// Criteria blocks (plan 2396, criteria b): parsed per year, bad values listed as problems.
import type { Config } from './config';
import { CRITERIA_FIELDS, type CriteriaKey } from './fields';
import { makeProblem } from './problems';
import type { Criteria, Problem, RawCriteria } from './types';
import { isBlank, isFormulaError, parseCount, parseYear, parseYesNo, showValue } from './values';

const YES_NO = CRITERIA_FIELDS.filter((f) => f.kind === 'yesNo').map((f) => f.key);
const AMOUNTS = CRITERIA_FIELDS.filter((f) => f.kind !== 'yesNo').map((f) => f.key);
const WHOLE = new Set(CRITERIA_FIELDS.filter((f) => f.kind === 'whole').map((f) => f.key));
type CriteriaField = CriteriaKey;

const CRITERIA_LABELS = Object.fromEntries(CRITERIA_FIELDS.map((f) => [f.key, f.label])) as Record<
  CriteriaField,
  string
>;

export interface CriteriaResult {
  criteria: Criteria[];
  problems: Problem[];
}

function cellOf(raw: RawCriteria, f: CriteriaField, index: number): string {
  const c: unknown = raw.cells && typeof raw.cells === 'object' ? raw.cells[f] : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c : `tiêu chí dòng ${index + 1}`;
}

/** Parses the criteria blocks of a unit. A block with nothing filled means "no criteria". */
export function validateCriteria(
  config: Config,
  unitName: string,
  sheetName: string,
  list: RawCriteria[],
): CriteriaResult {
  const problems: Problem[] = [];
  const parsed: { c: Criteria; cell: string }[] = [];
  list.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object') return;
    const fields = [...YES_NO, ...AMOUNTS];
    if (fields.every((f) => isBlank(raw[f]))) return;
    const sheet = typeof raw.sheet === 'string' && raw.sheet ? raw.sheet : sheetName;
    const yp = parseYear(raw.year);
    const firstCell = cellOf(raw, 'planIssued', index);
    if (yp.kind !== 'ok' || !config.years.includes(yp.value)) {
      problems.push(
        makeProblem(
          sheet,
          firstCell,
          `khối tiêu chí có năm ${showValue(raw.year)} không thuộc các năm ${config.years.join(', ')} của giai đoạn; khối này không được chấm điểm.`,
          yp.kind === 'ok' ? yp.value : undefined,
        ),
      );
      return;
    }
    const year = yp.value;
    const c: Criteria = {
      unit: unitName,
      year,
      planIssued: null,
      budgetAllocated: null,
      budgetSettled: null,
      reportsOnTime: null,
      resourcesMobilised: null,
      initiatives: null,
    };
    for (const f of YES_NO) {
      const p = parseYesNo(raw[f]);
      if (p.kind === 'ok') Object.assign(c, { [f]: p.value });
      else if (p.kind === 'error')
        problems.push(
          makeProblem(
            sheet,
            cellOf(raw, f, index),
            `${CRITERIA_LABELS[f]} năm ${year}${isFormulaError(raw[f]) ? '' : ` (${showValue(raw[f])})`} ${p.text}.`,
            year,
          ),
        );
    }
    for (const f of AMOUNTS) {
      const p = parseCount(raw[f], WHOLE.has(f));
      if (p.kind === 'ok') Object.assign(c, { [f]: p.value });
      else if (p.kind === 'error')
        problems.push(
          makeProblem(
            sheet,
            cellOf(raw, f, index),
            `${CRITERIA_LABELS[f]} năm ${year}${isFormulaError(raw[f]) ? '' : ` (${showValue(raw[f])})`} ${p.text}.`,
            year,
          ),
        );
    }
    parsed.push({ c, cell: firstCell });
  });
  const criteria: Criteria[] = [];
  for (const p of parsed) {
    const same = parsed.filter((q) => q.c.year === p.c.year);
    if (same.length === 1) {
      criteria.push(p.c);
      continue;
    }
    problems.push(
      makeProblem(
        sheetName,
        p.cell,
        `có ${same.length} khối tiêu chí cho năm ${p.c.year} (ô ${same.map((q) => q.cell).join(', ')}); không khối nào được chấm điểm. Hãy giữ một khối.`,
        p.c.year,
      ),
    );
  }
  return { criteria, problems };
}

/** True when at least one criterion of the year has a value. */
export function hasAnyCriterion(c: Criteria): boolean {
  return [...YES_NO, ...AMOUNTS].some((f) => c[f] !== null);
}
