// Turns the values of one unit tab (one batched read) into the core's raw records, keeping the
// A1 cell of every field. The structure comes from the locator (unitLocator.ts), which finds its
// way by the labels and header texts, so rows or columns that people insert do not shift what is
// read.
import {
  COUNT_KEYS,
  CRITERIA_FIELDS,
  MOVEMENT_COUNTS,
  REQUIRED_COUNTS,
  type CriteriaKey,
} from '../core/fields';
import { rowNoun } from '../core/config';
import { nameFromCell } from '../core/names';
import { makeProblem, shortText } from '../core/problems';
import type {
  CountField,
  Problem,
  RawCommuneYear,
  RawCriteria,
  RawNomination,
  Submission,
  UnitInput,
} from '../core/types';
import { isBlank } from '../core/values';
import {
  a1,
  blockTitle,
  FIELD_HEADER,
  NOMINATION_COLUMNS,
  UNIT_TEXT,
  isSpacerLabel,
  unitWords,
  type BlockField,
  type NominationKey,
} from './layout';
import { labelOf, locateUnitTab, type Grid, type UnitTabLocation } from './unitLocator';

const RUN_SETUP = 'Hãy chạy "Khởi tạo / cập nhật sổ"';
const KEPT = 'số liệu đã nhập không bị xóa.';
const RESTORE_HEADERS = `${RUN_SETUP} để khôi phục tiêu đề; ${KEPT}`;

/** A1 cell of a 0-based grid position. */
const where = (row: number, column: number): string => a1(row + 1, column + 1);

/** year → field → 0-based column, of the blocks that are read. */
type Blocks = Map<number, Partial<Record<BlockField, number>>>;

export interface UnitReadContext {
  unit: string;
  sheet: string;
  baselineYear: number;
  /** Cấu hình's words for the rows ("xã, phường, thị trấn", "thôn, tổ dân phố"): the rows'
   * column header (layout.ts unitWords) and the noun of the messages. */
  rowLevel: string;
  years: number[];
  submissions: Submission[];
  /** The unit's communes in Cấu hình (normalised): each should have its row in the table. */
  communes?: readonly string[];
  /** An agency's tab: no commune table, only the criteria and nominations blocks. */
  agency?: boolean;
}

/** Everything on one unit tab as raw records for the core. Never throws. */
export function readUnitGrid(grid: Grid, ctx: UnitReadContext): UnitInput {
  const input: UnitInput = {
    unit: ctx.unit,
    sheet: ctx.sheet,
    rows: [],
    criteria: [],
    nominations: [],
    submissions: ctx.submissions,
    layoutProblems: [],
  };
  const at = locateUnitTab(grid, ctx.baselineYear, unitWords(ctx.rowLevel).communeHeader);
  if (ctx.agency) {
    for (const [row, title] of [
      [at.criteriaTitleRow, UNIT_TEXT.criteriaTitle],
      [at.nominationsTitleRow, UNIT_TEXT.nominationsTitle],
    ] as const)
      if (row < 0)
        input.layoutProblems.push(
          makeProblem(
            ctx.sheet,
            'A1',
            `không tìm thấy dòng "${title}" ở cột A, nên chưa đọc được khối này của trang. ${RUN_SETUP} để khôi phục; ${KEPT}`,
          ),
        );
    input.criteria = readCriteria(grid, at.criteriaTitleRow, ctx);
    input.nominations = readNominations(grid, at.nominationsTitleRow, ctx);
    return input;
  }
  if (at.headerRow < 0) {
    input.layoutProblems.push(
      makeProblem(
        ctx.sheet,
        'A4',
        `không tìm thấy dòng tiêu đề bảng số liệu (ô "${UNIT_TEXT.numberHeader}" ở cột A, thường là ô A4), nên chưa đọc được số liệu nào của trang. ${RESTORE_HEADERS}`,
      ),
    );
    return input;
  }
  const blocks = readableBlocks(grid, at, ctx, input.layoutProblems);
  readCommuneRows(grid, at, blocks, ctx, input);
  input.criteria = readCriteria(grid, at.criteriaTitleRow, ctx);
  input.nominations = readNominations(grid, at.nominationsTitleRow, ctx);
  return input;
}

// ---------------------------------------------------------------------------------------------
// The year blocks

/**
 * The blocks to read, with a problem for each block title outside the period (not read) and each
 * block missing columns: one missing a required column is not read, one missing a movement column
 * is read without its movement.
 */
function readableBlocks(
  grid: Grid,
  at: UnitTabLocation,
  ctx: UnitReadContext,
  problems: Problem[],
): Blocks {
  const { header, headerRow } = at;
  const blocks: Blocks = new Map(header.blocks);
  const configured = [ctx.baselineYear, ...ctx.years];
  for (const [year, column] of header.titles) {
    if (configured.includes(year)) continue;
    // A block of a year outside the period (a title typed over): read nothing from it, say so once.
    blocks.delete(year);
    problems.push(
      makeProblem(
        ctx.sheet,
        where(headerRow, column),
        `khối cột "${shortText(labelOf(grid[headerRow]?.[column]))}" là của năm ${year}, không thuộc năm đầu kỳ ${ctx.baselineYear} hay các năm ${ctx.years.join(', ')} của giai đoạn; số liệu trong khối này không được đọc. Hãy sửa lại tiêu đề khối hoặc chạy "Khởi tạo / cập nhật sổ".`,
      ),
    );
  }
  for (const year of configured) {
    const problem = missingColumns(at, blocks, year, ctx);
    if (problem) problems.push(problem);
  }
  for (const [year, block] of [...blocks]) {
    if (REQUIRED_COUNTS.some((f) => block[f] === undefined)) blocks.delete(year);
    else if (MOVEMENT_COUNTS.some((f) => block[f] === undefined)) {
      const kept = { ...block };
      for (const f of MOVEMENT_COUNTS) delete kept[f];
      blocks.set(year, kept);
    }
  }
  return blocks;
}

/** The problem of a configured year whose block or some of its input columns are missing. */
function missingColumns(
  at: UnitTabLocation,
  blocks: Blocks,
  year: number,
  ctx: UnitReadContext,
): Problem | null {
  const block = blocks.get(year);
  const isBaseline = year === ctx.baselineYear;
  const expected = isBaseline ? REQUIRED_COUNTS : COUNT_KEYS;
  const missing = expected.filter((f) => block?.[f] === undefined);
  if (missing.length === 0) return null;
  const { headerRow } = at;
  const title = at.header.titles.get(year);
  const name = blockTitle({ year, isBaseline });
  const cell = title === undefined ? where(headerRow, 0) : where(headerRow + 1, title);
  const what =
    block === undefined && title === undefined
      ? `không tìm thấy khối cột "${name}" (tiêu đề khối ở dòng ${headerRow + 1}), nên chưa đọc được số liệu năm ${year}`
      : `khối "${name}" thiếu cột ${missing.map((f) => `"${FIELD_HEADER[f]}"`).join(', ')} (tiêu đề cột ở dòng ${headerRow + 2}) của năm ${year}, nên chưa đọc được các cột này`;
  return { ...makeProblem(ctx.sheet, cell, `${what}. ${RESTORE_HEADERS}`), year };
}

// ---------------------------------------------------------------------------------------------
// The commune rows

/** Every commune row of the table into `input.rows`, and the configured communes with no row. */
function readCommuneRows(
  grid: Grid,
  at: UnitTabLocation,
  blocks: Blocks,
  ctx: UnitReadContext,
  input: UnitInput,
): void {
  const { header } = at;
  const present = new Set<string>();
  for (let r = at.firstCommuneRow; r <= at.lastCommuneRow; r++) {
    const row = grid[r] ?? [];
    if (isSpacerLabel(labelOf(row[0]))) continue;
    const commune = row[header.communeColumn];
    const name = nameFromCell(commune);
    if (name !== null) present.add(name);
    const anyInput = [...blocks.values()].some((block) =>
      COUNT_KEYS.some((f) => block[f] !== undefined && !isBlank(row[block[f] as number])),
    );
    if (isBlank(commune) && !anyInput) continue;
    // Without the total label, the blank rows below the spacer are the total row itself.
    if (isBlank(commune) && at.totalRow < 0 && at.spacerRow >= 0 && r > at.spacerRow) continue;
    const problem = mergerWithoutSuccessor(row, r, at, ctx);
    if (problem) input.layoutProblems.push(problem);
    for (const [year, block] of blocks) {
      const record = communeYear(row, r, year, block, at, ctx);
      if (record) input.rows.push(record);
    }
  }
  // A configured commune without a row (deleted by hand, or added on Cấu hình since setup) has
  // no figures in any year: say which, where setup would put it back.
  const addAt = where(
    at.spacerRow >= 0 ? at.spacerRow : at.lastCommuneRow + 1,
    header.communeColumn,
  );
  const noun = rowNoun(ctx);
  for (const c of ctx.communes ?? []) {
    if (!present.has(c))
      input.layoutProblems.push(
        makeProblem(
          ctx.sheet,
          addAt,
          `không có dòng của ${c} trong bảng số liệu (dòng bị xóa, hoặc ${noun} mới thêm trên trang "Cấu hình"). ${RUN_SETUP} để thêm lại dòng của ${noun}; ${KEPT}`,
        ),
      );
  }
}

/** A last year filled in without the commune it merged into. */
function mergerWithoutSuccessor(
  row: readonly unknown[],
  r: number,
  at: UnitTabLocation,
  ctx: UnitReadContext,
): Problem | null {
  const { mergedIntoColumn, mergedYearColumn, communeColumn } = at.header;
  const mergedInto = mergedIntoColumn >= 0 ? row[mergedIntoColumn] : '';
  const mergedYear = mergedYearColumn >= 0 ? row[mergedYearColumn] : '';
  if (isBlank(mergedYear) || !isBlank(mergedInto)) return null;
  const noun = rowNoun(ctx);
  return makeProblem(
    ctx.sheet,
    where(r, mergedIntoColumn >= 0 ? mergedIntoColumn : mergedYearColumn),
    `${noun} "${shortText(labelOf(row[communeColumn]))}" có năm báo cáo cuối ${shortText(String(mergedYear), 20)} nhưng chưa ghi sáp nhập vào ${noun} nào. Hãy ghi tên ${noun} nhận sáp nhập hoặc xóa năm báo cáo cuối.`,
  );
}

/** One commune's figures for one year block, or null when the block is blank on that row. */
function communeYear(
  row: readonly unknown[],
  r: number,
  year: number,
  block: Partial<Record<BlockField, number>>,
  at: UnitTabLocation,
  ctx: UnitReadContext,
): RawCommuneYear | null {
  const { communeColumn, mergedIntoColumn, mergedYearColumn } = at.header;
  const mergedInto = mergedIntoColumn >= 0 ? row[mergedIntoColumn] : '';
  const mergedYear = mergedYearColumn >= 0 ? row[mergedYearColumn] : '';
  const blank = COUNT_KEYS.every((f) => block[f] === undefined || isBlank(row[block[f] as number]));
  const isMergeYear = !isBlank(mergedInto) && !isBlank(mergedYear) && Number(mergedYear) === year;
  if (blank && !isMergeYear) return null;
  const values = {} as Record<CountField, unknown>;
  const cells = {} as Record<CountField, string>;
  for (const f of COUNT_KEYS) {
    const c = block[f];
    values[f] = c === undefined ? '' : row[c];
    cells[f] = where(r, c ?? 0);
  }
  return {
    unit: ctx.unit,
    sheet: ctx.sheet,
    commune: row[communeColumn],
    year,
    ...values,
    mergedInto: isMergeYear ? mergedInto : '',
    cells: {
      commune: where(r, communeColumn),
      year: where(at.headerRow, block.households ?? 0),
      ...cells,
      mergedInto: where(r, mergedIntoColumn >= 0 ? mergedIntoColumn : 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The criteria and nominations blocks

/** Criteria rows are found by label within a few rows of where setup puts them. */
const CRITERIA_SEARCH_ROWS = CRITERIA_FIELDS.length + 5;

/** One record per year column of the criteria block (years of the period only). */
function readCriteria(grid: Grid, titleRow: number, ctx: UnitReadContext): RawCriteria[] {
  if (titleRow < 0) return [];
  const rowOf = new Map<string, number>();
  const end = Math.min(grid.length, titleRow + 2 + CRITERIA_SEARCH_ROWS);
  for (let r = titleRow + 2; r < end; r++) {
    const label = labelOf(grid[r]?.[0]);
    if (label) rowOf.set(label, r);
  }
  const out: RawCriteria[] = [];
  (grid[titleRow + 1] ?? []).forEach((cell, c) => {
    const year = typeof cell === 'number' ? cell : Number(labelOf(cell));
    if (c === 0 || !ctx.years.includes(year)) return;
    const values = {} as Record<CriteriaKey, unknown>;
    const cells = {} as Record<CriteriaKey, string>;
    for (const { key, rowLabel } of CRITERIA_FIELDS) {
      const r = rowOf.get(rowLabel);
      values[key] = r === undefined ? '' : grid[r]?.[c];
      cells[key] = r === undefined ? where(titleRow, c) : where(r, c);
    }
    out.push({ unit: ctx.unit, sheet: ctx.sheet, year, ...values, cells });
  });
  return out;
}

/** Every filled row of the nominations block, its columns found by their headers. */
function readNominations(grid: Grid, titleRow: number, ctx: UnitReadContext): RawNomination[] {
  if (titleRow < 0) return [];
  const headers = (grid[titleRow + 1] ?? []).map(labelOf);
  const out: RawNomination[] = [];
  for (let r = titleRow + 2; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const values = {} as Record<NominationKey, unknown>;
    const cells = {} as Record<NominationKey, string>;
    for (const { key, header } of NOMINATION_COLUMNS) {
      const c = headers.indexOf(header);
      values[key] = c < 0 ? '' : row[c];
      cells[key] = where(r, c < 0 ? 0 : c);
    }
    if (NOMINATION_COLUMNS.some(({ key }) => key !== 'id' && !isBlank(values[key])))
      out.push({ unit: ctx.unit, sheet: ctx.sheet, ...values, cells });
  }
  return out;
}
