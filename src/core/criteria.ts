// Criteria blocks (plan 2396, criteria b): parsed per year, bad values listed as problems.
import type { Config } from './config';
import { CRITERIA_FIELDS, type CriteriaKey } from './fields';
import { makeProblem } from './problems';
import type { Criteria, Problem, RawCriteria } from './types';
import { isBlank, isFormulaError, parseCount, parseYear, parseYesNo, showValue } from './values';

export interface CriteriaResult {
  criteria: Criteria[];
  problems: Problem[];
}

function cellOf(raw: RawCriteria, f: CriteriaKey, index: number): string {
  const c: unknown = raw.cells && typeof raw.cells === 'object' ? raw.cells[f] : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c : `tiêu chí dòng ${index + 1}`;
}

/** One block's year and values; null (with a problem) when its year is not a period year. */
function parseBlock(
  config: Config,
  unitName: string,
  sheet: string,
  raw: RawCriteria,
  index: number,
  problems: Problem[],
): Criteria | null {
  const yp = parseYear(raw.year);
  if (yp.kind !== 'ok' || !config.years.includes(yp.value)) {
    problems.push(
      makeProblem(
        sheet,
        cellOf(raw, 'planIssued', index),
        `khối tiêu chí có năm ${showValue(raw.year)} không thuộc các năm ${config.years.join(', ')} của giai đoạn; khối này không được chấm điểm.`,
        yp.kind === 'ok' ? yp.value : undefined,
      ),
    );
    return null;
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
  for (const { key, kind, label } of CRITERIA_FIELDS) {
    const value = raw[key];
    const p = kind === 'yesNo' ? parseYesNo(value) : parseCount(value, kind === 'whole');
    if (p.kind === 'ok') Object.assign(c, { [key]: p.value });
    else if (p.kind === 'error') {
      const shown = isFormulaError(value) ? '' : ` (${showValue(value)})`;
      problems.push(
        makeProblem(
          sheet,
          cellOf(raw, key, index),
          `${label} năm ${year}${shown} ${p.text}.`,
          year,
        ),
      );
    }
  }
  return c;
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
    if (CRITERIA_FIELDS.every((f) => isBlank(raw[f.key]))) return;
    const sheet = typeof raw.sheet === 'string' && raw.sheet ? raw.sheet : sheetName;
    const c = parseBlock(config, unitName, sheet, raw, index, problems);
    if (c) parsed.push({ c, cell: cellOf(raw, 'planIssued', index) });
  });
  // Two blocks for the same year: neither is scored.
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
  return CRITERIA_FIELDS.some((f) => c[f.key] !== null);
}
