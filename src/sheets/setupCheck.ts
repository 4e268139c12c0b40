// "Kiểm tra cài đặt": what the emulator assumes, checked in the live spreadsheet. Read-only
// checks of the settings, the formula cells and the named ranges; protectionCheck.ts compares the
// protections. Each problem names its tab and cell.
import type { Config } from '../core/config';
import { a1, NAMED, NAMED_TAG, SHEET, SHEET_TAG, unitRangeName, unitSheetTag } from './layout';
import type { SheetIndex } from './sheetFinder';
import type { SetupProblem } from './protectionCheck';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The spreadsheet's locale and time zone, and the script's time zone (3 calls). */
export function checkSettings(ss: Spreadsheet, config: Config): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const at = (message: string) => problems.push({ sheet: SHEET.config, cell: 'A1', message });
  const locale = ss.getSpreadsheetLocale();
  const wantLocale = config.locale;
  if (locale !== wantLocale)
    at(
      `Ngôn ngữ và vùng của bảng tính là "${locale}", nhưng công thức của sổ được viết cho "${wantLocale}". Hãy chọn lại trong Tệp › Cài đặt › Ngôn ngữ và vùng, rồi chạy "Khởi tạo / cập nhật sổ".`,
    );
  const zone = config.deadline.timeZone;
  const sheetZone = ss.getSpreadsheetTimeZone();
  if (sheetZone !== zone)
    at(
      `Múi giờ của bảng tính là "${sheetZone}", không phải "${zone}" như trang "Cấu hình": ngày giờ trong ô sẽ lệch. Hãy chọn lại trong Tệp › Cài đặt › Múi giờ.`,
    );
  const scriptZone = Session.getScriptTimeZone();
  if (scriptZone !== zone)
    at(
      `Múi giờ của tiện ích là "${scriptZone}", không phải "${zone}". Hãy nhờ người quản trị tiện ích sửa tệp appsscript.json ("timeZone").`,
    );
  return problems;
}

const ERROR_VALUE = /^#(ERROR!|REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!)$/;

/**
 * Every formula cell of `range` that shows an error value (#ERROR!, #REF!…), e.g. a formula
 * written with `,` between arguments in a vi_VN spreadsheet. `values` is the range's values,
 * already read by the caller; one more call for the formulas, three for the position and name.
 */
export function formulaErrors(range: Range, values: unknown[][]): SetupProblem[] {
  const formulas = range.getFormulas();
  const problems: SetupProblem[] = [];
  let where: { sheet: string; row: number; column: number } | null = null;
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      const value = values[r]?.[c];
      if (formula === '' || typeof value !== 'string' || !ERROR_VALUE.test(value)) return;
      where ??= {
        sheet: range.getSheet().getName(),
        row: range.getRow(),
        column: range.getColumn(),
      };
      problems.push({
        sheet: where.sheet,
        cell: a1(where.row + r, where.column + c),
        message: `Công thức cho lỗi ${value}. Hãy chạy "Khởi tạo / cập nhật sổ" để viết lại công thức; nếu vẫn lỗi, kiểm tra ngôn ngữ và vùng của bảng tính.`,
      });
    }),
  );
  return problems;
}

/** The tag of the tab each of the add-on's named ranges must lie on. */
function expectedTags(config: Config): Map<string, string> {
  const tags = new Map<string, string>(
    (Object.keys(NAMED) as (keyof typeof NAMED)[]).map((k) => [NAMED[k], NAMED_TAG[k]]),
  );
  config.units.forEach((u, i) => tags.set(unitRangeName(i), unitSheetTag(u.name)));
  return tags;
}

/** What a tag names, for people. */
function tabOf(config: Config, tag: string): string {
  const fixed = (Object.keys(SHEET_TAG) as (keyof typeof SHEET_TAG)[]).find(
    (k) => SHEET_TAG[k] === tag,
  );
  if (fixed) return `trang "${SHEET[fixed]}"`;
  const unit = config.units.find((u) => unitSheetTag(u.name) === tag);
  return unit ? `trang của ${unit.name}` : tag;
}

/**
 * Each of the add-on's named ranges exists and lies on the tab tagged for it (developer metadata,
 * sheetFinder.ts): a named range that someone moved makes the readers read the wrong tab.
 * `misplaced`: the names that lie elsewhere (their tab is not checked further).
 */
export function checkNamedRanges(
  ss: Spreadsheet,
  config: Config,
  index: SheetIndex,
): { problems: SetupProblem[]; misplaced: Set<string> } {
  const problems: SetupProblem[] = [];
  const misplaced = new Set<string>();
  const tags = expectedTags(config);
  const found = new Map<string, Range>();
  for (const named of ss.getNamedRanges()) found.set(named.getName(), named.getRange());
  for (const [name, tag] of tags) {
    const range = found.get(name);
    const tagged = index.byTag.get(tag) ?? [];
    if (!range) {
      problems.push({
        sheet: tagged[0]?.getName() ?? SHEET.config,
        cell: 'A1',
        message: `Thiếu vùng được đặt tên "${name}" (${tabOf(config, tag)}). Hãy chạy "Khởi tạo / cập nhật sổ".`,
      });
      continue;
    }
    const sheet = range.getSheet();
    const id = sheet.getSheetId();
    if (tagged.some((s) => s.getSheetId() === id)) continue;
    misplaced.add(name);
    problems.push({
      sheet: sheet.getName(),
      cell: range.getA1Notation(),
      message: `Vùng được đặt tên "${name}" nằm trên trang "${sheet.getName()}", không phải ${tabOf(config, tag)}${tagged.length > 0 ? '' : ' (không tìm thấy trang đó)'}. Hãy chạy "Khởi tạo / cập nhật sổ" để đặt lại vùng.`,
    });
  }
  return { problems, misplaced };
}
