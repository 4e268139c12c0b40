// The native formulas of a unit's tab (pure text). They must compute the same in Google Sheets,
// Excel, LibreOffice and HyperFormula, so they use only IF, AND, OR, NOT, ISNUMBER, SUM, SUMIF,
// COUNT, COUNTA, COUNTIF, MIN and MAX, and always test for a blank before comparing: in
// LibreOffice and Excel `"" >= 0.8` is TRUE (text sorts after numbers).
//
// Rules (PRODUCT.md): poorReduction = (pb − p)/pb, blank when pb = 0 or p blank;
// combined = ((pb + nb) − (p + n))/(pb + nb), blank when that base is 0 (or p, n blank);
// "Đạt" iff poorReduction ≥ target (80 % attains) or combined > target (50 % does not), or both
// baselines are 0 and p + n = 0; progress = MIN(1, MAX(0, pr/t1, cr/t2)) with blanks as 0
// (1 when both baselines are 0 and attained), blank when the year's poor is blank.
// A commune's baselines include its merged predecessors (rows whose "Sáp nhập vào xã" names it).
import { NAMED, columnLetter, type UnitLayout, type YearBlock } from './layout';

export const RESULT_TEXT = {
  attained: 'Đạt',
  notAttained: 'Chưa đạt',
  provisional: 'Tạm tính',
} as const;

const T1 = NAMED.poorTarget;
const T2 = NAMED.combinedTarget;
const q = (s: string): string => `"${s}"`;

/** A rectangle of formulas to write with one setFormulas call. */
export interface FormulaBlock {
  row: number;
  column: number;
  formulas: string[][];
}

function col(block: YearBlock, field: keyof YearBlock['column']): string {
  const c = block.column[field];
  if (c === undefined) throw new Error(`block ${block.year} has no ${field} column`);
  return columnLetter(c);
}

/** Whole-column span of the commune rows, from the first commune row to the spacer row. */
function span(layout: UnitLayout, column: string): string {
  return `$${column}$${layout.firstCommuneRow}:$${column}$${layout.spacerRow}`;
}

/** Result and progress from the row's reduction cells (pr, cr), poor and near-poor cells. */
function resultFormula(p: string, n: string, pr: string, cr: string): string {
  return (
    `IF(OR(AND(${pr}<>"",${pr}>=${T1}),AND(${cr}<>"",${cr}>${T2}),` +
    `AND(ISNUMBER(${n}),${pr}="",${cr}="",SUM(${p},${n})=0)),${q(RESULT_TEXT.attained)},${q(RESULT_TEXT.notAttained)})`
  );
}

function progressFormula(p: string, n: string, pr: string, cr: string): string {
  return (
    `IF(AND(ISNUMBER(${n}),${pr}="",${cr}=""),IF(SUM(${p},${n})=0,1,0),` +
    `MIN(1,MAX(0,IF(${pr}="",0,${pr}/${T1}),IF(${cr}="",0,${cr}/${T2}))))`
  );
}

function rateFormula(guard: string, h: string, p: string): string {
  return `=IF(OR(${guard}NOT(ISNUMBER(${p})),NOT(ISNUMBER(${h}))),"",IF(${h}=0,"",${p}/${h}))`;
}

/** Formulas of one commune row for one year block: rate, reductions, result, progress. */
export function communeYearFormulas(layout: UnitLayout, block: YearBlock, row: number): string[] {
  const base = layout.blocks[0];
  const name = `$${columnLetter(layout.communeColumn)}${row}`;
  const merged = span(layout, columnLetter(layout.mergedIntoColumn));
  const bp = col(base, 'poor');
  const bn = col(base, 'nearPoor');
  const pbExpr = `SUM($${bp}${row},SUMIF(${merged},${name},${span(layout, bp)}))`;
  const cbExpr =
    `SUM($${bp}${row},$${bn}${row},SUMIF(${merged},${name},${span(layout, bp)}),` +
    `SUMIF(${merged},${name},${span(layout, bn)}))`;
  const h = `${col(block, 'households')}${row}`;
  const p = `${col(block, 'poor')}${row}`;
  const n = `${col(block, 'nearPoor')}${row}`;
  const pr = `${col(block, 'poorReduction')}${row}`;
  const cr = `${col(block, 'combinedReduction')}${row}`;
  const noName = `${name}="",`;
  return [
    rateFormula(noName, h, p),
    `=IF(OR(${noName}NOT(ISNUMBER(${p}))),"",IF(${pbExpr}=0,"",(${pbExpr}-${p})/${pbExpr}))`,
    `=IF(OR(${noName}NOT(ISNUMBER(${p})),NOT(ISNUMBER(${n}))),"",IF(${cbExpr}=0,"",(${cbExpr}-${p}-${n})/${cbExpr}))`,
    `=IF(OR(${noName}NOT(ISNUMBER(${p}))),"",${resultFormula(p, n, pr, cr)})`,
    `=IF(OR(${noName}NOT(ISNUMBER(${p}))),"",${progressFormula(p, n, pr, cr)})`,
  ];
}

/** Poor rate of one commune row in the baseline block. */
export function communeBaselineFormula(layout: UnitLayout, row: number): string {
  const base = layout.blocks[0];
  const name = `$${columnLetter(layout.communeColumn)}${row}`;
  return rateFormula(
    `${name}="",`,
    `${col(base, 'households')}${row}`,
    `${col(base, 'poor')}${row}`,
  );
}

/** The total row, from the first column of the baseline block to the layout's last column. */
export function totalRowFormulas(layout: UnitLayout): string[] {
  const t = layout.totalRow;
  const out: string[] = [];
  const sumOf = (c: string) => `=IF(COUNT(${span(layout, c)})=0,"",SUM(${span(layout, c)}))`;
  const base = layout.blocks[0];
  const bp = col(base, 'poor');
  const bn = col(base, 'nearPoor');
  const pbExpr = `SUM($${bp}$${t})`;
  const cbExpr = `SUM($${bp}$${t},$${bn}$${t})`;
  const communes = span(layout, columnLetter(layout.communeColumn));
  const lastYear = span(layout, columnLetter(layout.mergedYearColumn));
  for (const block of layout.blocks) {
    for (const field of block.fields) {
      const c = col(block, field);
      const h = `${col(block, 'households')}${t}`;
      const p = `${col(block, 'poor')}${t}`;
      switch (field) {
        case 'households':
        case 'poor':
        case 'nearPoor':
        case 'poorExited':
        case 'poorReturned':
        case 'poorNew':
          out.push(sumOf(c));
          break;
        case 'poorRate':
          out.push(rateFormula('', h, p));
          break;
        case 'poorReduction':
          out.push(`=IF(NOT(ISNUMBER(${p})),"",IF(${pbExpr}=0,"",(${pbExpr}-${p})/${pbExpr}))`);
          break;
        case 'combinedReduction': {
          const n = `${col(block, 'nearPoor')}${t}`;
          out.push(
            `=IF(OR(NOT(ISNUMBER(${p})),NOT(ISNUMBER(${n}))),"",IF(${cbExpr}=0,"",(${cbExpr}-${p}-${n})/${cbExpr}))`,
          );
          break;
        }
        case 'result': {
          const n = `${col(block, 'nearPoor')}${t}`;
          const pr = `${col(block, 'poorReduction')}${t}`;
          const cr = `${col(block, 'combinedReduction')}${t}`;
          const expected = `COUNTA(${communes})-COUNTIF(${lastYear},"<${block.year}")`;
          out.push(
            `=IF(NOT(ISNUMBER(${p})),"",IF(COUNT(${span(layout, col(block, 'poor'))})<${expected},` +
              `${q(RESULT_TEXT.provisional)},${resultFormula(p, n, pr, cr)}))`,
          );
          break;
        }
        case 'progress': {
          const n = `${col(block, 'nearPoor')}${t}`;
          const pr = `${col(block, 'poorReduction')}${t}`;
          const cr = `${col(block, 'combinedReduction')}${t}`;
          out.push(`=IF(NOT(ISNUMBER(${p})),"",${progressFormula(p, n, pr, cr)})`);
          break;
        }
      }
    }
  }
  return out;
}

/** Columns of a year block that hold formulas on commune rows (contiguous: rate … progress). */
export function formulaColumns(block: YearBlock): { first: number; count: number } {
  const cols = block.fields
    .filter(
      (f) =>
        !['households', 'poor', 'nearPoor', 'poorExited', 'poorReturned', 'poorNew'].includes(f),
    )
    .map((f) => block.column[f]!)
    .sort((a, b) => a - b);
  return { first: cols[0], count: cols.length };
}

/**
 * Every formula of the tab as rectangles: per block the formula columns over the commune rows
 * (none when there are no commune rows), and the whole total row.
 */
export function unitFormulaBlocks(layout: UnitLayout): FormulaBlock[] {
  const blocks: FormulaBlock[] = [];
  const rows: number[] = [];
  for (let r = layout.firstCommuneRow; r < layout.spacerRow; r++) rows.push(r);
  if (rows.length > 0) {
    for (const block of layout.blocks) {
      const { first } = formulaColumns(block);
      blocks.push({
        row: layout.firstCommuneRow,
        column: first,
        formulas: rows.map((r) =>
          block.isBaseline
            ? [communeBaselineFormula(layout, r)]
            : communeYearFormulas(layout, block, r),
        ),
      });
    }
  }
  blocks.push({
    row: layout.totalRow,
    column: layout.blocks[0].firstColumn,
    formulas: [totalRowFormulas(layout)],
  });
  return blocks;
}
