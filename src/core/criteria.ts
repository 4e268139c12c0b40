// Criteria blocks (plan 2396, criteria b): parsed per year, bad values listed as problems.
import type { Config } from './config';
import { makeProblem } from './problems';
import type { Criteria, Problem, RawCriteria } from './types';
import { isBlank, isFormulaError, parseCount, parseYear, parseYesNo, showValue } from './values';

const YES_NO = ['planIssued', 'budgetAllocated', 'budgetSettled', 'reportsOnTime'] as const;
const AMOUNTS = ['resourcesMobilised', 'initiatives'] as const;
type CriteriaField = (typeof YES_NO)[number] | (typeof AMOUNTS)[number];

export const CRITERIA_LABELS: Record<CriteriaField, string> = {
  planIssued: 'tiêu chí ban hành kế hoạch thực hiện',
  budgetAllocated: 'tiêu chí bố trí kinh phí',
  budgetSettled: 'tiêu chí quyết toán kinh phí đúng hạn',
  reportsOnTime: 'tiêu chí báo cáo định kỳ, đột xuất đúng hạn',
  resourcesMobilised: 'nguồn lực huy động (triệu đồng)',
  initiatives: 'số sáng kiến, mô hình',
};

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
      if (p.kind === 'ok') c[f] = p.value;
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
      const p = parseCount(raw[f], f === 'initiatives');
      if (p.kind === 'ok') c[f] = p.value;
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
