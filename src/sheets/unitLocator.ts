// Where everything sits on a unit tab as it is now: rows may have been inserted above any block,
// columns inserted inside the table, labels typed over. One pure locator over the tab's values
// from A1, used by every caller that needs the structure: the setup's repair and the protection
// (`unitTabLayout`: the layout, checked against the columns setup writes), the reader and the
// sidebar's nomination append (`locateUnitTab`).
//
// The rules, on column A below the header row ("STT"): the spacer row is the first spacer
// label; the criteria and nominations blocks start at the first row holding their title; the
// total row is the first "Tổng cộng" below the spacer (below the header when the spacer label is
// gone) that comes before both blocks. The commune table ends above the total row, or, when its
// label is gone, above the first block.
import type { Config, UnitKind } from '../core/config';
import { normalizeName } from '../core/names';
import {
  FIELD_HEADER,
  UNIT_TEXT,
  a1,
  agencyLayout,
  blockRows,
  blockTitle,
  isMergedIntoHeader,
  isNameCheckHeader,
  isSpacerLabel,
  legacyBlocks,
  unitLayout,
  unitWords,
  type BlockField,
  type UnitLayout,
  type YearBlock,
} from './layout';

export type Grid = readonly (readonly unknown[])[];

/** A cell as a label: text normalised, anything else ''. */
export const labelOf = (value: unknown): string =>
  typeof value === 'string' ? normalizeName(value) : '';

/** The table's columns as the header rows name them (0-based columns). */
export interface HeaderColumns {
  /** year → field → column */
  blocks: Map<number, Partial<Record<BlockField, number>>>;
  /** Column of each block title, by year (also for years outside the configuration). */
  titles: Map<number, number>;
  communeColumn: number;
  /** -1 when the header is missing */
  mergedIntoColumn: number;
  mergedYearColumn: number;
}

/** Rows of a unit tab as 0-based indexes into its grid; -1 where the label is not found. */
export interface UnitTabLocation {
  /** The block titles' row ("STT" in column A); the field names are on the next row. */
  headerRow: number;
  firstCommuneRow: number;
  spacerRow: number;
  totalRow: number;
  /** Last row of the commune table (may hold the spacer; never the total row). */
  lastCommuneRow: number;
  criteriaTitleRow: number;
  nominationsTitleRow: number;
  /** Empty when there is no header row. */
  header: HeaderColumns;
}

/** First row from `from` whose column A's label passes `test`, else -1. */
function findRow(grid: Grid, test: (label: string) => boolean, from: number): number {
  for (let r = Math.max(0, from); r < grid.length; r++) if (test(labelOf(grid[r]?.[0]))) return r;
  return -1;
}

/** First row from `from` whose column A is `label`, else -1. */
function findLabel(grid: Grid, label: string, from: number, to = grid.length): number {
  for (let r = Math.max(0, from); r < to; r++) if (labelOf(grid[r]?.[0]) === label) return r;
  return -1;
}

const FIELD_BY_HEADER = new Map<string, BlockField>(
  Object.entries(FIELD_HEADER).map(([field, header]) => [header, field as BlockField]),
);

/** The year a block title carries ("Năm 2023", "Đầu kỳ (rà soát cuối năm 2021)"), else null. */
function titleYear(title: string, baselineYear: number): number | null {
  const match = /(\d{4})\)?$/.exec(title);
  if (match) return Number(match[1]);
  return title.startsWith('Đầu kỳ') ? baselineYear : null;
}

/** Reads the two header rows: block titles carry the year, the second row names the fields. */
function headerColumns(
  titles: readonly unknown[],
  fields: readonly unknown[],
  baselineYear: number,
  communeHeader: string,
) {
  const header: HeaderColumns = {
    blocks: new Map(),
    titles: new Map(),
    communeColumn: 1,
    mergedIntoColumn: -1,
    mergedYearColumn: -1,
  };
  let currentYear: number | null = null;
  const width = Math.max(titles.length, fields.length);
  for (let c = 0; c < width; c++) {
    const title = labelOf(titles[c]);
    if (title) {
      currentYear = titleYear(title, baselineYear);
      if (currentYear !== null && !header.titles.has(currentYear))
        header.titles.set(currentYear, c);
    }
    const name = labelOf(fields[c]) || title;
    if (name === communeHeader) header.communeColumn = c;
    else if (isMergedIntoHeader(name)) header.mergedIntoColumn = c;
    else if (name === UNIT_TEXT.mergedYearHeader) header.mergedYearColumn = c;
    const field = FIELD_BY_HEADER.get(labelOf(fields[c]));
    if (field && currentYear !== null) {
      const block = header.blocks.get(currentYear) ?? {};
      if (block[field] === undefined) block[field] = c;
      header.blocks.set(currentYear, block);
    }
  }
  return header;
}

/**
 * Finds the rows and columns of a unit tab (`grid`: its values from A1). `communeHeader`: the
 * rows' column header (layout.ts unitWords: "Xã, phường, thị trấn", "Thôn, tổ dân phố"). Pure.
 */
export function locateUnitTab(
  grid: Grid,
  baselineYear: number,
  communeHeader: string,
): UnitTabLocation {
  const headerRow = findLabel(grid, UNIT_TEXT.numberHeader, 0);
  // Without a header the blocks below are still looked for from the top (the nomination append).
  const firstCommuneRow = headerRow < 0 ? 0 : headerRow + 2;
  const spacerRow = findRow(grid, isSpacerLabel, firstCommuneRow);
  const criteriaTitleRow = findLabel(grid, UNIT_TEXT.criteriaTitle, firstCommuneRow);
  const nominationsTitleRow = findLabel(grid, UNIT_TEXT.nominationsTitle, firstCommuneRow);
  const blocksStart = Math.min(
    ...[criteriaTitleRow, nominationsTitleRow, grid.length].filter((r) => r >= 0),
  );
  const totalFrom = spacerRow >= 0 ? spacerRow + 1 : firstCommuneRow;
  const totalRow = findLabel(grid, UNIT_TEXT.total, totalFrom, blocksStart);
  return {
    headerRow,
    firstCommuneRow,
    spacerRow,
    totalRow,
    lastCommuneRow: (totalRow < 0 ? blocksStart : totalRow) - 1,
    criteriaTitleRow,
    nominationsTitleRow,
    // Without a header row: no columns (grid[-1] is undefined).
    header: headerColumns(
      grid[headerRow] ?? [],
      grid[headerRow + 1] ?? [],
      baselineYear,
      communeHeader,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The layout of an existing tab, for the setup's repair and the protection: they write and lock
// the columns where setup puts them, so the header must be exactly as setup wrote it.

export type LayoutResult =
  | { ok: true; layout: UnitLayout; location: UnitTabLocation }
  /** `legacy`: the header is the previous release's, at 0-based row `headerRow` (upgradable). */
  | { ok: false; empty: boolean; problem: string; legacy?: { headerRow: number } };

/** How far down the header row may have moved (rows inserted above it) for a repair. */
const HEADER_SEARCH_ROWS = 20;

const isEmptyGrid = (grid: Grid): boolean =>
  grid.every((row) => row.every((v) => labelOf(v) === '' && typeof v !== 'number'));

/** The first header cell that differs from what setup writes for `blocks`, as a message. */
function headerMismatch(grid: Grid, headerRow: number, blocks: YearBlock[]): string | null {
  const cell = (r: number, c: number) => labelOf(grid[r]?.[c - 1]);
  for (const block of blocks) {
    const title = blockTitle(block);
    if (cell(headerRow, block.firstColumn) !== title) {
      return `ô ${a1(headerRow + 1, block.firstColumn)} phải là "${title}" (các cột đã bị thay đổi hoặc các năm trên trang "Cấu hình" đã đổi)`;
    }
    for (const field of block.fields) {
      const c = block.column[field]!;
      if (cell(headerRow + 1, c) !== FIELD_HEADER[field]) {
        return `ô ${a1(headerRow + 2, c)} phải là "${FIELD_HEADER[field]}" (các cột đã bị thay đổi)`;
      }
    }
  }
  return null;
}

/** 1-based row of a located 0-based `row`, or -1 when it was not found. */
const rowOf = (row: number): number => (row < 0 ? -1 : row + 1);

/**
 * The criteria and nominations blocks' rows (1-based; -1 when a block is missing), and the last
 * row of the nominations' blank rows (-1 without that block).
 */
const locatedBlockRows = (at: UnitTabLocation) =>
  blockRows(rowOf(at.criteriaTitleRow), rowOf(at.nominationsTitleRow));

/**
 * The layout of an existing tab (`grid`: its values from A1, at least the layout's columns
 * wide), or why it cannot be repaired. Pure.
 */
export function unitTabLayout(config: Config, grid: Grid, kind?: UnitKind): LayoutResult {
  if (kind === 'agency') return agencyTabLayout(config, grid);
  const fresh = unitLayout(config.baselineYear, config.years, 0);
  if (isEmptyGrid(grid)) return { ok: false, empty: true, problem: 'trang trống' };
  const bad = (problem: string): LayoutResult => ({ ok: false, empty: false, problem });
  const words = unitWords(config.words.rowLevel);
  const at = locateUnitTab(grid, config.baselineYear, words.communeHeader);
  if (at.headerRow < 0 || at.headerRow >= HEADER_SEARCH_ROWS)
    return bad(`không tìm thấy dòng tiêu đề (ô "${UNIT_TEXT.numberHeader}" ở cột A)`);
  const mismatch = headerMismatch(grid, at.headerRow, fresh.blocks);
  if (mismatch) {
    const legacy = legacyBlocks(config.baselineYear, config.years);
    const isLegacy =
      !isNameCheckHeader(labelOf(grid[at.headerRow]?.[fresh.nameCheckColumn - 1])) &&
      headerMismatch(grid, at.headerRow, legacy) === null;
    return isLegacy
      ? { ok: false, empty: false, problem: mismatch, legacy: { headerRow: at.headerRow } }
      : bad(mismatch);
  }
  if (at.spacerRow < 0) return bad(`không tìm thấy dòng "${words.spacer}" ở cột A`);
  if (at.totalRow < 0) return bad(`không tìm thấy dòng "${UNIT_TEXT.total}" ở cột A`);
  const { lastRow: nominationsEnd, ...blocks } = locatedBlockRows(at);
  const layout: UnitLayout = {
    ...fresh,
    headerRow: at.headerRow + 1,
    firstCommuneRow: at.firstCommuneRow + 1,
    communeCount: at.spacerRow - at.firstCommuneRow,
    spacerRow: at.spacerRow + 1,
    totalRow: at.totalRow + 1,
    ...blocks,
    lastRow: Math.max(grid.length, nominationsEnd < 0 ? at.totalRow + 1 : nominationsEnd),
  };
  return { ok: true, layout, location: at };
}

/**
 * The layout of an agency's tab (layout.ts `agencyLayout`: no commune table), its criteria and
 * nominations blocks found by their titles, or why it cannot be repaired. Pure.
 */
export function agencyTabLayout(config: Config, grid: Grid): LayoutResult {
  if (isEmptyGrid(grid)) return { ok: false, empty: true, problem: 'trang trống' };
  const at = locateUnitTab(
    grid,
    config.baselineYear,
    unitWords(config.words.rowLevel).communeHeader,
  );
  if (at.criteriaTitleRow < 0 || at.nominationsTitleRow < 0)
    return {
      ok: false,
      empty: false,
      problem: `không tìm thấy dòng "${UNIT_TEXT.criteriaTitle}" hoặc "${UNIT_TEXT.nominationsTitle}" ở cột A`,
    };
  const { lastRow, ...blocks } = locatedBlockRows(at);
  const layout: UnitLayout = {
    ...agencyLayout(config.baselineYear, config.years),
    ...blocks,
    lastRow: Math.max(grid.length, lastRow),
  };
  return { ok: true, layout, location: at };
}
