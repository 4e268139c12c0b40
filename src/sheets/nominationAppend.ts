// The sidebar's "add a nomination": one row appended to the nominations block of a unit tab,
// found by the locator (unitLocator.ts), with an id of the form ĐC-<year>-<unit>-<n>. The caller
// checks the nomination and holds the document lock.
import type { Config } from '../core/config';
import type { NominationInput } from '../shared/sidebarContract';
import { normalizeName } from '../core/names';
import { asText } from './cellText';
import {
  NOMINATION_COLUMNS,
  UNIT_TEXT,
  unitRangeName,
  unitWords,
  type NominationKey,
} from './layout';
import { canEditSheet, unitTabAllows } from './protection';
import { locateUnitTab, type Grid } from './unitLocator';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Ends the messages about a tab the setup should have made. */
export const ASK_SETUP = 'Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ".';

/** A nomination as the sidebar's form sends it, its unit aside. */
export type NominationFields = Omit<NominationInput, 'unit'>;

export type AppendResult = { ok: true; id: string; row: number } | { ok: false; message: string };

/** Where the next nomination goes (0-based row of `grid`) and the ids already used. */
function nextNominationRow(grid: Grid, config: Config): { row: number; ids: Set<string> } | null {
  const { communeHeader } = unitWords(config.words.rowLevel);
  const title = locateUnitTab(grid, config.baselineYear, communeHeader).nominationsTitleRow;
  if (title < 0) return null;
  const ids = new Set<string>();
  let row = title + 2;
  while (row < grid.length && grid[row].slice(0, NOMINATION_COLUMNS.length).some((v) => v !== '')) {
    ids.add(String(grid[row][0]));
    row++;
  }
  return { row, ids };
}

function nominationId(year: number, index: number, ids: Set<string>): string {
  const prefix = `ĐC-${year}-${String(index + 1).padStart(2, '0')}-`;
  let n = ids.size + 1;
  while (ids.has(`${prefix}${String(n).padStart(3, '0')}`)) n++;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/**
 * Adds rows at the end of a unit tab so that `row` exists: only someone who may edit the whole
 * sheet can (an analyst; district staff write into the blank rows setup keeps, docs/DECISIONS.md
 * 56). The tab's named range is never set again here: a district user must not redefine a named
 * range (an analyst's setup points it at the tagged tab). Setup defines it on whole columns
 * (`A:X`), which Sheets keeps open-ended, so it covers the new rows; if it does not (a range
 * someone bounded by hand), the nomination is not written, since the next read could not see it
 * and the next append would overwrite it. Two calls more, only when the tab grows. Returns false
 * when the range does not reach `row`.
 */
function growUnitTab(ss: Spreadsheet, unitIndex: number, range: Range, row: number): boolean {
  const sheet = range.getSheet();
  const max = sheet.getMaxRows();
  sheet.insertRowsAfter(max, row - max);
  const grown = ss.getRangeByName(unitRangeName(unitIndex));
  return grown !== null && grown.getLastRow() >= row;
}

/** Why the nomination cannot go on `row` (1-based), or null when it can (the tab grown if needed). */
function refusal(
  ss: Spreadsheet,
  config: Config,
  index: number,
  range: Range,
  row: number,
): string | null {
  const sheet = range.getSheet();
  const name = sheet.getName();
  // Only an analyst may add rows; district staff write into the blank rows setup keeps.
  if (row > sheet.getMaxRows() && !(canEditSheet(sheet) && growUnitTab(ss, index, range, row)))
    return `Trang "${name}" không còn dòng trống cho đề cử mới; đề cử chưa được thêm. Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ" rồi "Phân quyền các trang tính".`;
  const cells = { row, column: 1, rows: 1, columns: NOMINATION_COLUMNS.length };
  if (!unitTabAllows(sheet, config.units[index].name, cells))
    return `Bạn chưa có quyền sửa trang "${name}" (trang được bảo vệ, dòng ${row}), nên đề cử chưa được thêm; chưa có gì bị thay đổi. Hãy đề nghị cán bộ tổng hợp kiểm tra e-mail của bạn trên trang "Cấu hình" rồi chạy "Phân quyền các trang tính".`;
  return null;
}

/** Appends one nomination row to unit `index`'s tab: 1 read, the permission checks, 1 write. */
export function appendNomination(
  ss: Spreadsheet,
  config: Config,
  index: number,
  input: NominationFields,
): AppendResult {
  const unit = config.units[index];
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range)
    return {
      ok: false,
      message: `Không tìm thấy trang "${unit.tab}" của ${unit.name}. ${ASK_SETUP}`,
    };
  const next = nextNominationRow(range.getValues(), config);
  if (!next)
    return {
      ok: false,
      message: `Trang "${unit.tab}" thiếu khối "${UNIT_TEXT.nominationsTitle}". ${ASK_SETUP}`,
    };
  const sheet = range.getSheet();
  const row = next.row + 1;
  const refused = refusal(ss, config, index, range, row);
  if (refused) return { ok: false, message: refused };
  const id = nominationId(input.year, index, next.ids);
  const value: Record<NominationKey, string | number> = {
    id,
    year: input.year,
    type: input.type,
    name: normalizeName(input.name),
    commune: normalizeName(input.commune),
    achievement: input.achievement.trim(),
    award: input.award,
  };
  const values = NOMINATION_COLUMNS.map(({ key }) => value[key]);
  sheet
    .getRange(row, 1, 1, values.length)
    .setValues([values.map((v) => (typeof v === 'string' ? asText(v) : v))]);
  SpreadsheetApp.flush();
  return { ok: true, id, row };
}
