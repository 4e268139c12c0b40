// Reads every unit tab with one batched read each (a named range over the tab's columns, so
// renamed tabs and inserted rows are still covered): 2 service calls per tab, plus 2 for a tab
// whose data has problems, to name its tab as it is called now in the messages.
import type { Config } from '../core/config';
import { normalizeName } from '../core/names';
import type { Submission, UnitInput } from '../core/types';
import { validateUnit, type ValidatedUnit } from '../core/validate';
import { UNIT_TEXT, unitLayout, unitRangeName } from './layout';
import { readUnitGrid } from './unitReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface UnitRead {
  input: UnitInput;
  /** the range read, to ask for the real tab name only when a message needs it */
  range: GoogleAppsScript.Spreadsheet.Range | null;
  /** the input validated (readUnit validates anyway, to know whether messages need the tab's name) */
  validated: ValidatedUnit;
}

function missingTabInput(config: Config, index: number, submissions: Submission[]): UnitInput {
  const unit = config.units[index];
  return {
    unit: unit.name,
    sheet: unit.tab,
    rows: [],
    criteria: [],
    nominations: [],
    submissions,
    layoutProblems: [
      {
        sheet: unit.tab,
        cell: 'A1',
        message: `Không tìm thấy trang "${unit.tab}" của ${unit.name}. Hãy chạy "Khởi tạo / cập nhật sổ" để tạo lại trang (số liệu của các đơn vị khác không bị ảnh hưởng).`,
      },
    ],
  };
}

/**
 * The other configured unit whose title heads `grid`: the unit's named range lies on another
 * unit's tab (a named range redefined by hand or by an editor's script), whose figures would
 * otherwise be counted twice. Null when the title names this unit or no unit. No service call.
 */
function otherUnitsTab(config: Config, index: number, grid: unknown[][]): string | null {
  const names = config.units.map((u) => normalizeName(u.name));
  // Setup writes the title "<unit> — …" in column A of the layout's title row; rows inserted
  // above it move it down, so it is looked for down to the note's row.
  const { titleRow, noteRow } = unitLayout(config.baselineYear, config.years, 0);
  const separator = UNIT_TEXT.titleSeparator.trimEnd(); // a title cut after it is trimmed
  for (const row of grid.slice(titleRow - 1, noteRow)) {
    const title = normalizeName(String(row[0] ?? ''));
    const named = names.findIndex((n) => title === n || title.startsWith(n + separator));
    if (named >= 0) return named === index ? null : config.units[named].name;
  }
  return null;
}

function misplacedRangeInput(
  config: Config,
  index: number,
  submissions: Submission[],
  other: string,
  sheetName: string,
): UnitInput {
  const unit = config.units[index];
  return {
    ...missingTabInput(config, index, submissions),
    layoutProblems: [
      {
        sheet: unit.tab,
        cell: 'A1',
        message: `Vùng "${unitRangeName(index)}", nơi tiện ích đọc số liệu của ${unit.name}, đang nằm trên trang "${sheetName}" của ${other}. Số liệu của ${unit.name} chưa được đọc (để không tính trùng số liệu của ${other}). Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ" để đặt lại vùng này.`,
      },
    ],
  };
}

export function readUnit(
  ss: Spreadsheet,
  config: Config,
  index: number,
  submissions: Submission[],
): UnitRead {
  const unit = config.units[index];
  const own = submissions.filter((s) => s.unit === unit.name);
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) {
    const input = missingTabInput(config, index, own);
    return { input, range: null, validated: validateUnit(config, input) };
  }
  const grid = range.getValues();
  const other = otherUnitsTab(config, index, grid);
  if (other !== null) {
    const input = misplacedRangeInput(config, index, own, other, range.getSheet().getName());
    return { input, range, validated: validateUnit(config, input) };
  }
  const read = (sheet: string) =>
    readUnitGrid(grid, {
      unit: unit.name,
      sheet,
      baselineYear: config.baselineYear,
      rowLevel: config.words.rowLevel,
      years: config.years,
      submissions: own,
      communes: unit.communes.map(normalizeName),
      agency: unit.kind === 'agency',
    });
  const input = read(unit.tab);
  const validated = validateUnit(config, input);
  if (validated.problems.length === 0) return { input, range, validated };
  // Messages must name the tab as people see it, even if it was renamed since setup.
  const actual = range.getSheet().getName();
  if (actual === unit.tab) return { input, range, validated };
  const renamed = read(actual);
  return { input: renamed, range, validated: validateUnit(config, renamed) };
}
