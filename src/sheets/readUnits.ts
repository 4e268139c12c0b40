// Reads every unit tab with one batched read each (a named range over the tab's columns, so
// renamed tabs and inserted rows are still covered): 2 service calls per tab, plus 2 for a tab
// whose data has problems, to name its tab as it is called now in the messages.
import type { Config } from '../core/config';
import { normalizeName } from '../core/names';
import type { Submission, UnitInput } from '../core/types';
import { validateUnit, type ValidatedUnit } from '../core/validate';
import { unitRangeName } from './layout';
import { readUnitGrid } from './unitReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface UnitRead {
  input: UnitInput;
  /** the range read, to ask for the real tab name only when a message needs it */
  range: GoogleAppsScript.Spreadsheet.Range | null;
  /** the input validated (readUnit validates anyway, to know whether messages need the tab's name) */
  validated: ValidatedUnit;
}

export function missingTabInput(
  config: Config,
  index: number,
  submissions: Submission[],
): UnitInput {
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
  const read = (sheet: string) =>
    readUnitGrid(grid, {
      unit: unit.name,
      sheet,
      baselineYear: config.baselineYear,
      years: config.years,
      submissions: own,
      communes: unit.communes.map(normalizeName),
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
