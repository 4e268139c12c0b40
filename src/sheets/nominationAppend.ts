// The sidebar's "add a nomination": one row appended to the nominations block of a unit tab,
// found by the locator (unitLocator.ts), with an id of the form ĐC-<year>-<unit>-<n>. The caller
// checks the nomination and holds the document lock.
import type { Config } from '../core/config';
import { normalizeName } from '../core/names';
import { asText } from './cellText';
import {
  NOMINATION_COLUMNS,
  UNIT_TEXT,
  columnLetter,
  unitRangeName,
  type NominationKey,
} from './layout';
import { locateUnitTab, type Grid } from './unitLocator';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Ends the messages about a tab the setup should have made. */
export const ASK_SETUP = 'Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ".';

/** A nomination as the sidebar's form sends it. */
export interface NominationFields {
  year: number;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
}

export type AppendResult = { ok: true; id: string; row: number } | { ok: false; message: string };

/** Where the next nomination goes (0-based row of `grid`) and the ids already used. */
function nextNominationRow(
  grid: Grid,
  baselineYear: number,
): { row: number; ids: Set<string> } | null {
  const title = locateUnitTab(grid, baselineYear).nominationsTitleRow;
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
 * Adds rows at the end of a unit tab so that `row` exists, and sets the tab's named range again
 * on whole columns: Sheets keeps an `A:X` range over rows added at the end, most likely, but
 * nothing documents it, and a range that stopped short would make the next append overwrite
 * this one. One call more, only when the tab grows.
 */
function growUnitTab(ss: Spreadsheet, unitIndex: number, range: Range, row: number): void {
  const sheet = range.getSheet();
  const max = sheet.getMaxRows();
  if (row <= max) return;
  sheet.insertRowsAfter(max, row - max);
  ss.setNamedRange(
    unitRangeName(unitIndex),
    sheet.getRange(`A:${columnLetter(range.getLastColumn())}`),
  );
}

/** Appends one nomination row to unit `index`'s tab: 1 read, at most 4 calls more. */
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
  const next = nextNominationRow(range.getValues(), config.baselineYear);
  if (!next)
    return {
      ok: false,
      message: `Trang "${unit.tab}" thiếu khối "${UNIT_TEXT.nominationsTitle}". ${ASK_SETUP}`,
    };
  const sheet = range.getSheet();
  const row = next.row + 1;
  growUnitTab(ss, index, range, row);
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
