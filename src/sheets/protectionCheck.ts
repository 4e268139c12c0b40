// "Kiểm tra cài đặt": are the protections what Cấu hình says? Read-only: the add-on's protections
// (descriptions starting "gn:", protection.ts) are read once and compared with what "Phân quyền
// các trang tính" would make now: each protection's tab, cells, editors and warning mode.
import { rowNoun, type Config } from '../core/config';
import {
  editorKeys,
  isOwnProtection,
  lower,
  protectionTag,
  tagParts,
  type Area,
  type UnitTab,
  type WantedProtection,
} from './protection';
import { analystTabProtection, unitTabProtections } from './protectionApply';
import { a1, columnLetter } from './layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupProblem {
  sheet: string;
  cell: string;
  message: string;
}

/** One protection as it is, or as it should be. */
interface Seen {
  sheet: string;
  /** The A1 range of a range protection; '' for a sheet protection */
  cells: string;
  /** The A1 ranges a sheet protection leaves open, sorted and joined by ','; '' for none. */
  open: string;
  editors: string[];
  warningOnly: boolean;
}

/** A unit tab found and located (the self-check reads it for the formulas anyway). */
export interface LocatedUnitTab {
  index: number;
  /** The tab's name, already read. */
  sheet: string;
  tab: UnitTab;
  approvedYears: number[];
}

const areaA1 = (x: Area) =>
  x.rows === 1 && x.columns === 1
    ? a1(x.row, x.column)
    : `${a1(x.row, x.column)}:${columnLetter(x.column + x.columns - 1)}${x.row + x.rows - 1}`;

/**
 * What "Phân quyền các trang tính" makes for the located unit tabs and the analysts' tabs
 * (protectionApply.ts: the same wanted protections). The owner is never listed among a
 * protection's editors (SHEETS-FACTS.md §4): left out here too.
 */
function expected(
  config: Config,
  units: LocatedUnitTab[],
  analystTabs: Sheet[],
  owner: string | null,
): Map<string, Seen[]> {
  const editorsOf = (emails: readonly string[]): string[] =>
    editorKeys(emails).filter((e) => owner === null || e !== lower(owner));
  const out = new Map<string, Seen[]>();
  const add = (sheet: string, w: WantedProtection) =>
    out.set(w.tag, [
      ...(out.get(w.tag) ?? []),
      {
        sheet,
        cells: w.area ? areaA1(w.area) : '',
        open: w.open.map(areaA1).sort().join(','),
        editors: editorsOf(w.editors),
        warningOnly: w.warningOnly,
      },
    ]);
  for (const u of units)
    for (const w of unitTabProtections(u.tab, config, u.index, u.approvedYears)) add(u.sheet, w);
  for (const sheet of analystTabs) {
    const name = sheet.getName();
    add(name, analystTabProtection(sheet, name, config));
  }
  return out;
}

/** The add-on's protections as they are, by description (one read per protection property). */
function actual(ss: Spreadsheet, problems: SetupProblem[]): Map<string, Seen[]> {
  const out = new Map<string, Seen[]>();
  const types = [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE];
  for (const type of types) {
    for (const p of ss.getProtections(type)) {
      const tag = protectionTag(p.getDescription());
      if (!isOwnProtection(tag)) continue;
      const range = p.getRange();
      const sheet = range.getSheet().getName();
      let editors: string[];
      try {
        editors = p.getEditors().map((u) => lower(u.getEmail()));
      } catch (e) {
        // A service refusal (named "Exception" in every language): the runner may not read it.
        if ((e as Error)?.name !== 'Exception') throw e;
        problems.push({
          sheet,
          cell: range.getA1Notation(),
          message: `Bạn không đọc được danh sách người được sửa vùng bảo vệ này: bạn chưa có quyền sửa nó. Hãy chạy "Phân quyền các trang tính" bằng tài khoản đã phân quyền lần trước.`,
        });
        continue;
      }
      const seen: Seen = {
        sheet,
        cells: type === SpreadsheetApp.ProtectionType.SHEET ? '' : range.getA1Notation(),
        open:
          type === SpreadsheetApp.ProtectionType.SHEET
            ? p
                .getUnprotectedRanges()
                .map((r) => r.getA1Notation())
                .sort()
                .join(',')
            : '',
        editors: editors.sort(),
        warningOnly: p.isWarningOnly(),
      };
      out.set(tag, [...(out.get(tag) ?? []), seen]);
    }
  }
  return out;
}

const key = (s: Seen) => `${s.sheet}|${s.cells}|${s.open}|${s.warningOnly}`;

/** A problem on the protection `s`'s tab, at its cells (A1 for a whole sheet). */
const problemAt = (s: Seen, message: string): SetupProblem => ({
  sheet: s.sheet,
  cell: s.cells || 'A1',
  message,
});

/** The Vietnamese description of a protection, by its tag; `row`: the rows' noun of Cấu hình. */
export function protectionWhat(tag: string, row: string): string {
  const kind = tagParts(tag)[0];
  return (
    {
      unit: 'quyền sửa các ô nhập liệu của trang (cán bộ của đơn vị và cán bộ tổng hợp)',
      locked: `vùng chỉ cán bộ tổng hợp sửa (công thức, tiêu đề, tên ${row}, dòng tổng)`,
      status: 'dòng trạng thái nộp báo cáo (chỉ cảnh báo)',
      approved: 'số liệu của năm đã duyệt (đã khóa)',
      analysts: 'trang chỉ cán bộ tổng hợp sửa',
    }[kind] ?? tag
  );
}

/** What the protection `s` is for (`what`: protectionWhat's), and its cells when it covers a range. */
const whatAt = (what: string, s: Seen): string => `${what}${s.cells ? ` (${s.cells})` : ''}`;

/** Editors that differ between what is and what Cấu hình says (warning-only ones have none). */
function editorProblems(want: Seen, have: Seen, what: string): SetupProblem[] {
  if (want.warningOnly) return [];
  const missing = want.editors.filter((e) => !have.editors.includes(e));
  const extra = have.editors.filter((e) => !want.editors.includes(e));
  const out: SetupProblem[] = [];
  if (missing.length > 0)
    out.push(
      problemAt(
        want,
        `${what}: ${missing.join(', ')} có trên trang "Cấu hình" nhưng chưa được quyền sửa.`,
      ),
    );
  if (extra.length > 0)
    out.push(
      problemAt(
        want,
        `${what}: ${extra.join(', ')} vẫn được quyền sửa dù trang "Cấu hình" không ghi.`,
      ),
    );
  return out;
}

/**
 * The differences between the add-on's protections and what Cấu hình says, each naming its tab
 * and cells, and what to run. `owner`: the file's owner (null in a shared drive). Changes nothing.
 */
export function checkProtections(
  ss: Spreadsheet,
  config: Config,
  units: LocatedUnitTab[],
  analystTabs: Sheet[],
  owner: string | null,
): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const want = expected(config, units, analystTabs, owner);
  const have = actual(ss, problems);
  const row = rowNoun(config.words);
  for (const [tag, list] of want) {
    const what = protectionWhat(tag, row);
    const found = new Map((have.get(tag) ?? []).map((s) => [key(s), s]));
    for (const w of list) {
      const h = found.get(key(w));
      if (!h) {
        problems.push(problemAt(w, `Thiếu vùng bảo vệ: ${whatAt(what, w)}.`));
        continue;
      }
      found.delete(key(w));
      problems.push(...editorProblems(w, h, what));
    }
    for (const h of found.values())
      problems.push(
        problemAt(h, `Vùng bảo vệ không còn đúng với trang "Cấu hình": ${whatAt(what, h)}.`),
      );
    have.delete(tag);
  }
  // A unit tab that could not be located (reported on its own) is not compared.
  const located = new Set(units.map((u) => config.units[u.index].name));
  const unlocatedUnit = (tag: string) => {
    const [kind, unit] = tagParts(tag);
    return kind !== 'analysts' && !located.has(unit) && config.units.some((u) => u.name === unit);
  };
  for (const [tag, list] of have) {
    if (unlocatedUnit(tag)) continue;
    for (const h of list)
      problems.push(
        problemAt(
          h,
          `Vùng bảo vệ thừa so với trang "Cấu hình": ${whatAt(protectionWhat(tag, row), h)}.`,
        ),
      );
  }
  return problems;
}
