// The native formulas of a unit's tab (pure text, canonical syntax: formulaText.ts turns `,`
// into `;` when they are written). They apply the reader's rules (core/records.ts, figures.ts)
// row by row, so the tab and the summary tell one truth (docs/DECISIONS.md 39):
//
// - column "Kiểm tra tên xã" (per row, after the last block): 1 when the commune is listed for this unit in Cấu hình's
//   DANH MỤC XÃ (named ranges GN_XA_DON_VI / GN_XA_TEN, the unit's name in the total row's
//   column C), 0 when it is not (or blank), -1 when its successor ("Sáp nhập vào xã", with a
//   last year) is not a commune of the unit or is itself;
// - column "Kiểm tra" of each block (per row): -1 when the row has nothing for the year, 0 when
//   its figures are in error (text, decimal, negative, over 10^9, blank required count, partial
//   movement, poor + near-poor over households, broken movement identity, the commune twice in
//   the year, after its merger, a bad name or successor, or the block's headers changed), 1 when
//   valid; its cell on the total row checks the block's headers (1 when as setup wrote them);
// - the year's figures, reductions, result ("Lỗi" for a row in error) and progress of each row;
// - the total row sums the valid rows (SUMIF over "Kiểm tra") and reads "Tạm tính" when the
//   summary marks the unit provisional: a row in error in the year or the baseline, an expected
//   commune without a valid row, a commune without a valid baseline row, a last year without its
//   successor, or figures typed on a row that has no formulas (a row inserted by hand).
//
// They use only functions of Google Sheets, Excel, LibreOffice and HyperFormula (IF, AND, OR,
// NOT, IFERROR, ISNUMBER, ISLOGICAL, TRIM, LEFT, COUNT, COUNTA, COUNTIF, COUNTIFS, SUMIF, SUMIFS, SUM,
// MOD, MIN, MAX), reference each input cell on its own (columns inserted inside a block stay out
// of every check), test for a blank before comparing (`"" >= 0.8` is TRUE in LibreOffice) and
// hold no decimal literal and no text typed by a person.
import { COUNT_FIELDS } from '../core/fields';
import {
  FIELD_HEADER,
  NAMED,
  UNIT_TEXT,
  blockTitle,
  columnLetter,
  type BlockField,
  type UnitLayout,
  type YearBlock,
} from './layout';

export const RESULT_TEXT = {
  attained: 'Đạt',
  notAttained: 'Chưa đạt',
  provisional: 'Tạm tính',
  error: 'Lỗi',
} as const;

/** Largest count accepted, as in core/values.ts MAX_COUNT (1e9), without a decimal literal. */
export const MAX_COUNT_TEXT = '10^9';

const T1 = NAMED.poorTarget;
const T2 = NAMED.combinedTarget;
const q = (s: string): string => `"${s}"`;
const INPUTS: readonly BlockField[] = COUNT_FIELDS.map((f) => f.key);

/** A rectangle of formulas to write with one setFormulas call. */
export interface FormulaBlock {
  row: number;
  column: number;
  formulas: string[][];
}

/** Column letter of a block's field. */
function col(block: YearBlock, field: BlockField): string {
  const c = block.column[field];
  if (c === undefined) throw new Error(`block ${block.year} has no ${field} column`);
  return columnLetter(c);
}

/** The columns and spans every formula of one tab refers to. */
class Refs {
  readonly t: number;
  readonly base: YearBlock;
  /** Spans of the names, successors, last years and name checks. */
  readonly names: string;
  readonly intos: string;
  readonly lastYears: string;
  readonly checks: string;
  /** The unit's name (a value setup writes) and its configured communes, on the total row. */
  readonly unitName: string;
  readonly communeCount: string;
  constructor(readonly L: UnitLayout) {
    this.t = L.totalRow;
    this.base = L.blocks[0];
    [this.names, this.intos, this.lastYears, this.checks] = [
      L.communeColumn,
      L.mergedIntoColumn,
      L.mergedYearColumn,
      L.nameCheckColumn,
    ].map((c) => this.span(columnLetter(c)));
    this.unitName = `$${columnLetter(L.mergedIntoColumn)}$${this.t}`;
    this.communeCount = `$${columnLetter(L.mergedYearColumn)}$${this.t}`;
  }
  /** The commune rows of a column, down to the spacer row (rows inserted above it fall inside). */
  span(letter: string): string {
    return `$${letter}$${this.L.firstCommuneRow}:$${letter}$${this.L.spacerRow}`;
  }
  spanOf(block: YearBlock, field: BlockField): string {
    return this.span(col(block, field));
  }
  /** Row `r` of the name, successor, last year or name check column (column fixed). */
  name = (r: number) => `$${columnLetter(this.L.communeColumn)}${r}`;
  into = (r: number) => `$${columnLetter(this.L.mergedIntoColumn)}${r}`;
  lastYear = (r: number) => `$${columnLetter(this.L.mergedYearColumn)}${r}`;
  check = (r: number) => `$${columnLetter(this.L.nameCheckColumn)}${r}`;
  inputs(block: YearBlock): BlockField[] {
    return INPUTS.filter((f) => block.column[f] !== undefined);
  }
}

/**
 * A cell's text as a criterion of COUNTIF/SUMIFS: its first 255 characters (Excel's limit for a
 * criterion; no commune name is that long, so a longer text still matches none).
 */
const crit = (cell: string): string => `LEFT(${cell},255)`;

/** How often `cell`'s trimmed text is listed for this unit on Cấu hình. */
function listed(R: Refs, cell: string): string {
  return `IFERROR(COUNTIFS(${NAMED.communeUnits},${R.unitName},${NAMED.communeNames},${crit(`TRIM(${cell})`)}),0)`;
}

/** "Kiểm tra tên xã" of row `r`: 1 ok, 0 name not on Cấu hình (or blank), -1 bad successor. */
function nameCheckFormula(L: UnitLayout, r: number): string {
  const R = new Refs(L);
  const [b, c, d] = [R.name(r), R.into(r), R.lastYear(r)];
  return (
    `=IF(TRIM(${b})="",0,IF(${listed(R, b)}=0,0,IF(OR(TRIM(${c})="",${d}=""),1,` +
    `IF(AND(${listed(R, c)}>0,TRIM(${c})<>TRIM(${b})),1,-1))))`
  );
}

/** The checks of a row's counts once they are known to be numbers (not booleans, not text). */
function countChecks(cells: string[], block: YearBlock): string[] {
  const [h, p, n] = cells;
  const all = cells.join(',');
  const checks = [
    `COUNT(${h},${p},${n})=3`,
    `MIN(${all})>=0`,
    `MAX(${all})<=${MAX_COUNT_TEXT}`,
    `SUM(${cells.map((x) => `MOD(${x},1)`).join(',')})=0`,
    `${p}+${n}<=${h}`,
  ];
  if (!block.isBaseline) checks.splice(1, 0, `MOD(COUNT(${cells.slice(3).join(',')}),3)=0`);
  return checks;
}

/** The commune has another row with figures in this block (every copy is then in error). */
function duplicate(R: Refs, block: YearBlock, r: number, cells: string[]): string {
  const name = crit(R.name(r));
  const others = R.inputs(block)
    .map((f) => `COUNTIFS(${R.names},${name},${R.spanOf(block, f)},"<>")`)
    .join('+');
  return `IF(COUNTIF(${R.names},${name})<2,1,${others}=COUNTA(${cells.join(',')}))`;
}

/**
 * The movement identity against the previous year's valid row: poor = previous poor (plus the
 * poor of communes merged into this one that year) − exited + returned + new.
 */
function identity(R: Refs, block: YearBlock, prev: YearBlock, r: number): string {
  const [p, x, ret, nw] = ['poor', 'poorExited', 'poorReturned', 'poorNew'].map(
    (f) => `${col(block, f as BlockField)}${r}`,
  );
  const sp = `${col(prev, 'status')}${r}`;
  const merged = `SUMIFS(${R.spanOf(prev, 'poor')},${R.intos},${crit(R.name(r))},${R.lastYears},${prev.year},${R.spanOf(prev, 'status')},1)`;
  return `IF(AND(COUNT(${x},${ret},${nw})=3,${sp}=1),${p}=${col(prev, 'poor')}${r}+${merged}-${x}+${ret}+${nw},1)`;
}

/** "Kiểm tra" of row `r` in `block`: -1 nothing typed, 0 in error, 1 valid. */
function statusFormula(L: UnitLayout, block: YearBlock, prev: YearBlock | null, r: number): string {
  const R = new Refs(L);
  const cells = R.inputs(block).map((f) => `${col(block, f)}${r}`);
  const all = cells.join(',');
  const [c, d, e, y] = [R.into(r), R.lastYear(r), R.check(r), block.year];
  const headers = `$${col(block, 'status')}$${R.t}`;
  const rules = [
    ...countChecks(cells, block),
    // the merger's own row names a known successor; no row after the merger year
    `OR(${d}<>${y},${e}=1)`,
    `OR(${e}<>1,TRIM(${c})="",NOT(ISNUMBER(${d})),${d}>=${y})`,
    duplicate(R, block, r, cells),
  ];
  if (prev) rules.push(identity(R, block, prev, r));
  const notNumbers = [`COUNT(${all})<COUNTA(${all})`, ...cells.map((x) => `ISLOGICAL(${x})`)];
  return (
    `=IF(AND(COUNTA(${all})=0,OR(${d}<>${y},TRIM(${c})="")),-1,` +
    `IF(OR(${headers}<>1,${e}=0,${notNumbers.join(',')}),0,IF(AND(${rules.join(',')}),1,0)))`
  );
}

/** The poor (and near-poor) baseline of row `r`'s commune plus its predecessors' before `year`. */
function baselineOf(R: Refs, r: number, year: number, fields: BlockField[]): string {
  const own = fields.map((f) => `${col(R.base, f)}${r}`).join('+');
  const preds = fields.map(
    (f) =>
      `SUMIFS(${R.spanOf(R.base, f)},${R.intos},${crit(R.name(r))},${R.lastYears},"<${year}",${R.checks},1,${R.spanOf(R.base, 'status')},1)`,
  );
  return `IF(${col(R.base, 'status')}${r}=1,${own},0)+${preds.join('+')}`;
}

/** The target rule on a row's (or the total's) reduction cells, poor and near-poor. */
function attains(p: string, n: string, pr: string, cr: string): string {
  return `OR(AND(${pr}<>"",${pr}>=${T1}),AND(${cr}<>"",${cr}>${T2}),AND(${cr}="",${p}+${n}=0))`;
}

function progress(p: string, n: string, pr: string, cr: string): string {
  return (
    `IF(AND(${pr}="",${cr}=""),IF(${p}+${n}=0,1,0),` +
    `MIN(1,MAX(0,IF(${pr}="",0,${pr}/${T1}),IF(${cr}="",0,${cr}/${T2}))))`
  );
}

/** Formulas of one commune row for one year block: rate … progress, then "Kiểm tra". */
function communeYearFormulas(
  L: UnitLayout,
  block: YearBlock,
  prev: YearBlock,
  r: number,
): string[] {
  const R = new Refs(L);
  const [h, p, n, pr, cr, s] = [
    'households',
    'poor',
    'nearPoor',
    'poorReduction',
    'combinedReduction',
    'status',
  ].map((f) => `${col(block, f as BlockField)}${r}`);
  const valid = `${s}<>1`;
  const pb = baselineOf(R, r, block.year, ['poor']);
  const cb = baselineOf(R, r, block.year, ['poor', 'nearPoor']);
  const predecessors = (extra: string) =>
    `COUNTIFS(${R.intos},${crit(R.name(r))},${R.lastYears},"<${block.year}",${R.checks},1${extra})`;
  const baselineComplete =
    `${col(R.base, 'status')}${r}=1,` +
    `${predecessors('')}=${predecessors(`,${R.spanOf(R.base, 'status')},1`)}`;
  return [
    `=IF(${valid},"",IF(${h}=0,"",${p}/${h}))`,
    `=IF(${valid},"",IFERROR((${pb}-${p})/(${pb}),""))`,
    `=IF(${valid},"",IFERROR((${cb}-${p}-${n})/(${cb}),""))`,
    `=IF(${valid},IF(${s}=0,${q(RESULT_TEXT.error)},""),IF(AND(${baselineComplete},${attains(p, n, pr, cr)}),${q(RESULT_TEXT.attained)},${q(RESULT_TEXT.notAttained)}))`,
    `=IF(${valid},"",${progress(p, n, pr, cr)})`,
    statusFormula(L, block, prev, r),
  ];
}

/** Formulas of one commune row in the baseline block: rate, then "Kiểm tra". */
function communeBaselineFormulas(L: UnitLayout, r: number): string[] {
  const base = L.blocks[0];
  const [h, p, s] = ['households', 'poor', 'status'].map(
    (f) => `${col(base, f as BlockField)}${r}`,
  );
  return [`=IF(${s}<>1,"",IF(${h}=0,"",${p}/${h}))`, statusFormula(L, base, null, r)];
}

/** The block's headers as setup wrote them (1) or not (0): its cell on the total row. */
function headersFormula(L: UnitLayout, block: YearBlock): string {
  const title = L.headerRow;
  const fields = L.headerRow + 1;
  const at = (c: number, row: number) => `$${columnLetter(c)}$${row}`;
  const checks = [
    `${at(L.numberColumn, title)}=${q(UNIT_TEXT.numberHeader)}`,
    `${at(block.firstColumn, title)}=${q(blockTitle(block))}`,
    ...(['households', 'poor', 'nearPoor'] as const).map(
      (f) => `${at(block.column[f]!, fields)}=${q(FIELD_HEADER[f])}`,
    ),
  ];
  return `=IFERROR(IF(AND(${checks.join(',')}),1,0),0)`;
}

/** Figures typed on rows that have no formulas (inserted by hand): the reader reads them. */
function unchecked(R: Refs, block: YearBlock): string {
  return R.inputs(block)
    .map((f) => `COUNTIFS(${R.spanOf(block, 'status')},"",${R.spanOf(block, f)},"<>")`)
    .join('+');
}

/** "Tạm tính" exactly when the summary marks the unit provisional for `block`'s year. */
function provisional(R: Refs, block: YearBlock): string {
  const s = R.spanOf(block, 'status');
  const sb = R.spanOf(R.base, 'status');
  const merged = `COUNTIFS(${R.checks},1,${R.intos},"<>",${R.lastYears},"<${block.year}")`;
  return [
    `COUNTIF(${s},0)>0`,
    `COUNTIF(${sb},0)>0`,
    `COUNTIF(${s},1)<${R.communeCount}-${merged}`,
    `COUNTIF(${sb},1)<${R.communeCount}`,
    `COUNTIFS(${R.lastYears},"<>",${R.intos},"")>0`,
    `${unchecked(R, block)}${block.isBaseline ? '' : `+${unchecked(R, R.base)}`}>0`,
  ].join(',');
}

/** The total row's formula of one field of a year block. */
function totalFormula(R: Refs, block: YearBlock, field: BlockField): string {
  const t = R.t;
  const at = (f: BlockField) => (block.column[f] === undefined ? '' : `${col(block, f)}${t}`);
  const [h, p, n, pr, cr] = (
    ['households', 'poor', 'nearPoor', 'poorReduction', 'combinedReduction'] as const
  ).map(at);
  const reported = `COUNTIF(${R.spanOf(block, 'status')},1)`;
  const [pb, nb] = [`$${col(R.base, 'poor')}$${t}`, `$${col(R.base, 'nearPoor')}$${t}`];
  switch (field) {
    case 'poorRate':
      return `=IF(${h}=0,"",${p}/${h})`;
    case 'poorReduction':
      return `=IF(OR(${reported}=0,${pb}=0),"",(${pb}-${p})/${pb})`;
    case 'combinedReduction':
      return `=IF(OR(${reported}=0,${pb}+${nb}=0),"",(${pb}+${nb}-${p}-${n})/(${pb}+${nb}))`;
    case 'result':
      return (
        `=IF(OR(${provisional(R, block)}),${q(RESULT_TEXT.provisional)},` +
        `IF(AND(${reported}>0,${attains(p, n, pr, cr)}),${q(RESULT_TEXT.attained)},${q(RESULT_TEXT.notAttained)}))`
      );
    case 'progress':
      return `=IF(${reported}=0,0,${progress(p, n, pr, cr)})`;
    case 'status':
      return headersFormula(R.L, block);
    default:
      // a count: the sum over the valid rows
      return `=SUMIF(${R.spanOf(block, 'status')},1,${R.spanOf(block, field)})`;
  }
}

/**
 * The total row from "Năm báo cáo cuối" to the layout's last column: the number of communes
 * configured for the unit, every block's totals, then the worst name check. (Column C holds the
 * unit's name, a value: unitTab.ts writes it.)
 */
function totalRowFormulas(L: UnitLayout): string[] {
  const R = new Refs(L);
  const out = [`=COUNTIF(${NAMED.communeUnits},${R.unitName})`];
  for (const block of L.blocks)
    for (const field of block.fields) out.push(totalFormula(R, block, field));
  out.push(`=IF(COUNT(${R.checks})=0,1,MIN(${R.checks}))`);
  return out;
}

const isInput = (f: BlockField): boolean => INPUTS.includes(f);

/** Columns of a block that hold formulas on commune rows (contiguous: rate … "Kiểm tra"). */
export function formulaColumns(block: YearBlock): { first: number; count: number } {
  const cols = block.fields
    .filter((f) => !isInput(f))
    .map((f) => block.column[f]!)
    .sort((a, b) => a - b);
  return { first: cols[0], count: cols.length };
}

/**
 * Every formula of the tab as rectangles: the name check column, per block its formula columns
 * over the commune rows (none when there are no commune rows), and the total row.
 */
export function unitFormulaBlocks(L: UnitLayout): FormulaBlock[] {
  const blocks: FormulaBlock[] = [];
  const rows: number[] = [];
  for (let r = L.firstCommuneRow; r < L.spacerRow; r++) rows.push(r);
  if (rows.length > 0) {
    blocks.push({
      row: L.firstCommuneRow,
      column: L.nameCheckColumn,
      formulas: rows.map((r) => [nameCheckFormula(L, r)]),
    });
    L.blocks.forEach((block, i) => {
      const prev = L.blocks[i - 1];
      blocks.push({
        row: L.firstCommuneRow,
        column: formulaColumns(block).first,
        formulas: rows.map((r) =>
          block.isBaseline ? communeBaselineFormulas(L, r) : communeYearFormulas(L, block, prev, r),
        ),
      });
    });
  }
  blocks.push({
    row: L.totalRow,
    column: L.mergedYearColumn,
    formulas: [totalRowFormulas(L)],
  });
  return blocks;
}
