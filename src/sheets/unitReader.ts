// Turns the values of one unit tab (one batched read) into the core's raw records, keeping the
// A1 cell of every field. It finds its way by the header texts, not by fixed positions, so rows
// or columns that people insert do not shift what is read.
import { nameFromCell, normalizeName } from '../core/names';
import { makeProblem, shortText } from '../core/problems';
import type {
  Problem,
  RawCommuneYear,
  RawCriteria,
  RawNomination,
  RecordField,
  Submission,
  UnitInput,
} from '../core/types';
import {
  a1,
  CRITERIA_ROWS,
  FIELD_HEADER,
  INPUT_FIELDS,
  NOMINATION_COLUMNS,
  UNIT_TEXT,
  type BlockField,
  type NominationKey,
} from './layout';

const RUN_SETUP = 'Hãy chạy "Khởi tạo / cập nhật sổ"';
const KEPT = 'số liệu đã nhập không bị xóa.';
const RESTORE_HEADERS = `${RUN_SETUP} để khôi phục tiêu đề; ${KEPT}`;

type Grid = unknown[][];

const REQUIRED_FIELDS: BlockField[] = ['households', 'poor', 'nearPoor'];
const MOVEMENT_FIELDS: BlockField[] = ['poorExited', 'poorReturned', 'poorNew'];

const text = (value: unknown): string => (typeof value === 'string' ? normalizeName(value) : '');
const isBlank = (value: unknown): boolean =>
  value === '' ||
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '');

function findRow(grid: Grid, from: number, label: string, column = 0): number {
  for (let r = from; r < grid.length; r++) if (text(grid[r]?.[column]) === label) return r;
  return -1;
}

interface ParsedHeader {
  /** year → field → 0-based column */
  blocks: Map<number, Partial<Record<BlockField, number>>>;
  /** 0-based column of each block title, by year (also for years outside the configuration) */
  titles: Map<number, number>;
  communeColumn: number;
  mergedIntoColumn: number;
  mergedYearColumn: number;
}

const FIELD_BY_HEADER = new Map<string, BlockField>(
  Object.entries(FIELD_HEADER).map(([field, header]) => [header, field as BlockField]),
);

/** Reads the two header rows: block titles carry the year, the second row names the fields. */
function parseHeader(titles: unknown[], fields: unknown[], baselineYear: number): ParsedHeader {
  const blocks = new Map<number, Partial<Record<BlockField, number>>>();
  let currentYear: number | null = null;
  const header: ParsedHeader = {
    blocks,
    titles: new Map(),
    communeColumn: 1,
    mergedIntoColumn: -1,
    mergedYearColumn: -1,
  };
  const width = Math.max(titles.length, fields.length);
  for (let c = 0; c < width; c++) {
    const title = text(titles[c]);
    if (title) {
      const match = /(\d{4})\)?$/.exec(title);
      currentYear = match ? Number(match[1]) : null;
      if (title.startsWith('Đầu kỳ')) currentYear = match ? Number(match[1]) : baselineYear;
      if (currentYear !== null && !header.titles.has(currentYear))
        header.titles.set(currentYear, c);
    }
    const name = text(fields[c]) || title;
    if (name === UNIT_TEXT.communeHeader) header.communeColumn = c;
    else if (name === UNIT_TEXT.mergedIntoHeader) header.mergedIntoColumn = c;
    else if (name === UNIT_TEXT.mergedYearHeader) header.mergedYearColumn = c;
    const field = FIELD_BY_HEADER.get(text(fields[c]));
    if (field && currentYear !== null) {
      const block = blocks.get(currentYear) ?? {};
      if (block[field] === undefined) block[field] = c;
      blocks.set(currentYear, block);
    }
  }
  return header;
}

export interface UnitReadContext {
  unit: string;
  sheet: string;
  baselineYear: number;
  years: number[];
  submissions: Submission[];
  /** The unit's communes in Cấu hình (normalised): each should have its row in the table. */
  communes?: readonly string[];
}

/** Everything on one unit tab as raw records for the core. Never throws. */
export function readUnitGrid(grid: Grid, ctx: UnitReadContext): UnitInput {
  const layoutProblems: Problem[] = [];
  const input: UnitInput = {
    unit: ctx.unit,
    sheet: ctx.sheet,
    rows: [],
    criteria: [],
    nominations: [],
    submissions: ctx.submissions,
    layoutProblems,
  };
  const where = (row: number, column: number) => a1(row + 1, column + 1);

  const headerRow = findRow(grid, 0, UNIT_TEXT.numberHeader);
  if (headerRow < 0) {
    layoutProblems.push(
      makeProblem(
        ctx.sheet,
        'A4',
        `không tìm thấy dòng tiêu đề bảng số liệu (ô "${UNIT_TEXT.numberHeader}" ở cột A, thường là ô A4), nên chưa đọc được số liệu nào của trang. ${RESTORE_HEADERS}`,
      ),
    );
    return input;
  }
  const header = parseHeader(grid[headerRow] ?? [], grid[headerRow + 1] ?? [], ctx.baselineYear);
  const configured = [ctx.baselineYear, ...ctx.years];
  for (const [year, column] of header.titles) {
    if (configured.includes(year)) continue;
    // A block of a year outside the period (a title typed over): read nothing from it, say so once.
    header.blocks.delete(year);
    layoutProblems.push(
      makeProblem(
        ctx.sheet,
        where(headerRow, column),
        `khối cột "${shortText(text(grid[headerRow]?.[column]))}" là của năm ${year}, không thuộc năm đầu kỳ ${ctx.baselineYear} hay các năm ${ctx.years.join(', ')} của giai đoạn; số liệu trong khối này không được đọc. Hãy sửa lại tiêu đề khối hoặc chạy "Khởi tạo / cập nhật sổ".`,
      ),
    );
  }
  for (const year of configured) {
    const block = header.blocks.get(year);
    const missing = INPUT_FIELDS.filter(
      (f) =>
        (year !== ctx.baselineYear || ['households', 'poor', 'nearPoor'].includes(f)) &&
        block?.[f] === undefined,
    );
    if (missing.length === 0) continue;
    const title = header.titles.get(year);
    const blockTitle =
      year === ctx.baselineYear ? UNIT_TEXT.baselineTitle(year) : UNIT_TEXT.yearTitle(year);
    const cell = title === undefined ? where(headerRow, 0) : where(headerRow + 1, title);
    const what =
      block === undefined && title === undefined
        ? `không tìm thấy khối cột "${blockTitle}" (tiêu đề khối ở dòng ${headerRow + 1}), nên chưa đọc được số liệu năm ${year}`
        : `khối "${blockTitle}" thiếu cột ${missing.map((f) => `"${FIELD_HEADER[f]}"`).join(', ')} (tiêu đề cột ở dòng ${headerRow + 2}) của năm ${year}, nên chưa đọc được các cột này`;
    layoutProblems.push({ ...makeProblem(ctx.sheet, cell, `${what}. ${RESTORE_HEADERS}`), year });
  }

  // Blocks missing a required column are not read (the layout problem above says why); a block
  // missing one of the movement columns is read without its movement.
  for (const [year, block] of [...header.blocks]) {
    if (REQUIRED_FIELDS.some((f) => block[f] === undefined)) header.blocks.delete(year);
    else if (MOVEMENT_FIELDS.some((f) => block[f] === undefined))
      for (const f of MOVEMENT_FIELDS) delete block[f];
  }

  // The table ends above "Tổng cộng"; if someone cleared that label, above the criteria block,
  // and rows without a commune name below the spacer row are then the total row itself.
  const sectionEnd = [UNIT_TEXT.criteriaTitle, UNIT_TEXT.nominationsTitle]
    .map((label) => findRow(grid, headerRow + 2, label))
    .filter((r) => r >= 0)
    .reduce((m, r) => Math.min(m, r), grid.length);
  const labelledTotal = findRow(grid, headerRow + 2, UNIT_TEXT.total);
  const totalRow = labelledTotal >= 0 && labelledTotal < sectionEnd ? labelledTotal : -1;
  const spacerRow = findRow(grid, headerRow + 2, UNIT_TEXT.spacer);
  const lastCommuneRow = totalRow < 0 ? sectionEnd - 1 : totalRow - 1;
  const present = new Set<string>();
  for (let r = headerRow + 2; r <= lastCommuneRow; r++) {
    const row = grid[r] ?? [];
    if (text(row[0]) === UNIT_TEXT.spacer) continue;
    const commune = row[header.communeColumn];
    const name = nameFromCell(commune);
    if (name !== null) present.add(name);
    const mergedInto = header.mergedIntoColumn >= 0 ? row[header.mergedIntoColumn] : '';
    const mergedYear = header.mergedYearColumn >= 0 ? row[header.mergedYearColumn] : '';
    const anyInput = [...header.blocks.values()].some((block) =>
      INPUT_FIELDS.some((f) => block[f] !== undefined && !isBlank(row[block[f] as number])),
    );
    if (isBlank(commune) && !anyInput) continue;
    if (isBlank(commune) && totalRow < 0 && spacerRow >= 0 && r > spacerRow) continue;
    if (!isBlank(mergedYear) && isBlank(mergedInto)) {
      layoutProblems.push(
        makeProblem(
          ctx.sheet,
          where(
            r,
            header.mergedIntoColumn >= 0 ? header.mergedIntoColumn : header.mergedYearColumn,
          ),
          `xã "${shortText(text(commune))}" có năm báo cáo cuối ${shortText(String(mergedYear), 20)} nhưng chưa ghi sáp nhập vào xã nào. Hãy ghi tên xã nhận sáp nhập hoặc xóa năm báo cáo cuối.`,
        ),
      );
    }
    for (const [year, block] of header.blocks) {
      const blank = INPUT_FIELDS.every(
        (f) => block[f] === undefined || isBlank(row[block[f] as number]),
      );
      const isMergeYear =
        !isBlank(mergedInto) && (isBlank(mergedYear) ? false : Number(mergedYear) === year);
      if (blank && !isMergeYear) continue;
      const cellOf = (f: BlockField) =>
        block[f] === undefined ? where(r, 0) : where(r, block[f] as number);
      const valueOf = (f: BlockField) => (block[f] === undefined ? '' : row[block[f] as number]);
      const cells: Record<RecordField, string> = {
        commune: where(r, header.communeColumn),
        year: where(headerRow, block.households ?? 0),
        households: cellOf('households'),
        poor: cellOf('poor'),
        nearPoor: cellOf('nearPoor'),
        poorExited: cellOf('poorExited'),
        poorReturned: cellOf('poorReturned'),
        poorNew: cellOf('poorNew'),
        mergedInto: where(r, header.mergedIntoColumn >= 0 ? header.mergedIntoColumn : 0),
      };
      input.rows.push({
        unit: ctx.unit,
        sheet: ctx.sheet,
        commune,
        year,
        households: valueOf('households'),
        poor: valueOf('poor'),
        nearPoor: valueOf('nearPoor'),
        poorExited: valueOf('poorExited'),
        poorReturned: valueOf('poorReturned'),
        poorNew: valueOf('poorNew'),
        mergedInto: isMergeYear ? mergedInto : '',
        cells,
      } satisfies RawCommuneYear);
    }
  }

  // A configured commune without a row (deleted by hand, or added on Cấu hình since setup) has
  // no figures in any year: say which, where setup would put it back.
  const addAt = where(spacerRow >= 0 ? spacerRow : lastCommuneRow + 1, header.communeColumn);
  for (const c of ctx.communes ?? []) {
    if (!present.has(c))
      layoutProblems.push(
        makeProblem(
          ctx.sheet,
          addAt,
          `không có dòng của ${c} trong bảng số liệu (dòng bị xóa, hoặc xã mới thêm trên trang "Cấu hình"). ${RUN_SETUP} để thêm lại dòng của xã; ${KEPT}`,
        ),
      );
  }
  readCriteria(grid, lastCommuneRow, ctx, input);
  readNominations(grid, lastCommuneRow, ctx, input);
  return input;
}

function readCriteria(grid: Grid, from: number, ctx: UnitReadContext, input: UnitInput): void {
  const titleRow = findRow(grid, from, UNIT_TEXT.criteriaTitle);
  if (titleRow < 0) return;
  const yearRow = grid[titleRow + 1] ?? [];
  const labels = new Map<string, number>();
  for (
    let r = titleRow + 2;
    r < Math.min(grid.length, titleRow + 2 + CRITERIA_ROWS.length + 5);
    r++
  ) {
    const label = text(grid[r]?.[0]);
    if (label) labels.set(label, r);
  }
  yearRow.forEach((cell, c) => {
    const year = typeof cell === 'number' ? cell : Number(text(cell));
    if (c === 0 || !ctx.years.includes(year)) return;
    const value = (key: (typeof CRITERIA_ROWS)[number]['key']) => {
      const label = CRITERIA_ROWS.find((row) => row.key === key)?.label ?? '';
      const r = labels.get(label);
      return r === undefined
        ? { v: '' as unknown, cell: a1(titleRow + 1, c + 1) }
        : { v: grid[r]?.[c], cell: a1(r + 1, c + 1) };
    };
    const get = Object.fromEntries(CRITERIA_ROWS.map((row) => [row.key, value(row.key)]));
    input.criteria.push({
      unit: ctx.unit,
      sheet: ctx.sheet,
      year,
      planIssued: get.planIssued.v,
      budgetAllocated: get.budgetAllocated.v,
      budgetSettled: get.budgetSettled.v,
      reportsOnTime: get.reportsOnTime.v,
      resourcesMobilised: get.resourcesMobilised.v,
      initiatives: get.initiatives.v,
      cells: {
        planIssued: get.planIssued.cell,
        budgetAllocated: get.budgetAllocated.cell,
        budgetSettled: get.budgetSettled.cell,
        reportsOnTime: get.reportsOnTime.cell,
        resourcesMobilised: get.resourcesMobilised.cell,
        initiatives: get.initiatives.cell,
      },
    } satisfies RawCriteria);
  });
}

function readNominations(grid: Grid, from: number, ctx: UnitReadContext, input: UnitInput): void {
  const titleRow = findRow(grid, from, UNIT_TEXT.nominationsTitle);
  if (titleRow < 0) return;
  const headers = (grid[titleRow + 1] ?? []).map(text);
  const column = {} as Record<NominationKey, number>;
  for (const { key, header } of NOMINATION_COLUMNS) column[key] = headers.indexOf(header);
  for (let r = titleRow + 2; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const get = (key: NominationKey) => (column[key] < 0 ? '' : row[column[key]]);
    const filled = NOMINATION_COLUMNS.some(({ key }) => key !== 'id' && !isBlank(get(key)));
    if (!filled) continue;
    const cell = (key: NominationKey) => a1(r + 1, (column[key] < 0 ? 0 : column[key]) + 1);
    input.nominations.push({
      unit: ctx.unit,
      sheet: ctx.sheet,
      id: get('id'),
      type: get('type'),
      name: get('name'),
      commune: get('commune'),
      achievement: get('achievement'),
      award: get('award'),
      year: get('year'),
      cells: {
        id: cell('id'),
        type: cell('type'),
        name: cell('name'),
        commune: cell('commune'),
        achievement: cell('achievement'),
        award: cell('award'),
        year: cell('year'),
      },
    } satisfies RawNomination);
  }
}
