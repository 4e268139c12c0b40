// Menu "Kiểm tra cài đặt" (analysts): checks in the live spreadsheet what the emulator assumes
// and the add-on relies on, and changes nothing: the locale and time zones; that every formula
// cell of the unit tabs, the summary and the report shows no error value; that each named range
// lies on the tab tagged for it; that the protections are what Cấu hình says; that the workbook's
// layout version is this add-on's; that the approvals agree with the analysts' ledger. It costs
// about what a consolidation and an unchanged protection run cost together (every tab read once,
// every protection once).
import type { Config } from '../core/config';
import { NAMED, SHEET, unitRangeName } from '../sheets/layout';
import { LAYOUT_VERSION, layoutVersionOf } from '../sheets/layoutVersion';
import {
  checkProtections,
  type LocatedUnitTab,
  type SetupProblem,
} from '../sheets/protectionCheck';
import { checkNamedRanges, checkSettings, formulaErrors } from '../sheets/setupCheck';
import { analystSheets, approvedYears } from '../sheets/protectionApply';
import { indexSheets } from '../sheets/sheetFinder';
import { unitTabOf } from '../sheets/protection';
import { setupProgressOf, unfinishedSetupMessage } from '../sheets/setupProgress';
import { parseSubmissions } from '../sheets/submissions';
import { unitTabLayout } from '../sheets/unitLocator';
import { ownerEmailOf } from './access';
import { runAsAnalyst } from './entryPoint';
import { checkApprovals } from './consolidate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Kiểm tra cài đặt';
const SHOWN = 40;

/** The layout version setup recorded, against this add-on's. */
function layoutVersionProblems(properties: Record<string, string>): SetupProblem[] {
  const version = layoutVersionOf(properties);
  if (version === LAYOUT_VERSION) return [];
  return [
    {
      sheet: SHEET.config,
      cell: 'A1',
      message:
        version === null
          ? `Sổ chưa ghi phiên bản bố cục (được khởi tạo bởi phiên bản cũ của tiện ích). Hãy chạy "Khởi tạo / cập nhật sổ".`
          : `Bố cục của sổ là phiên bản ${version}, tiện ích này cần phiên bản ${LAYOUT_VERSION}. Hãy chạy "Khởi tạo / cập nhật sổ".`,
    },
  ];
}

/** A setup stopped at its time budget and not yet resumed to the end. */
function unfinishedSetup(properties: Record<string, string>): SetupProblem[] {
  const message = unfinishedSetupMessage(setupProgressOf(properties));
  return message ? [{ sheet: SHEET.config, cell: 'A1', message }] : [];
}

/** Every unit tab read once: its formula errors, and its layout for the protection check. */
function checkUnitTabs(
  ss: Spreadsheet,
  config: Config,
  approved: (unit: string) => number[],
  skip: Set<string>,
  located: LocatedUnitTab[],
): SetupProblem[] {
  const problems: SetupProblem[] = [];
  config.units.forEach((unit, index) => {
    // A named range that is missing or on another tab is reported by checkNamedRanges.
    const range = skip.has(unitRangeName(index)) ? null : ss.getRangeByName(unitRangeName(index));
    if (!range) return;
    const values = range.getValues();
    problems.push(...formulaErrors(range, values));
    const layout = unitTabLayout(config, values, unit.kind);
    const sheet = range.getSheet();
    const name = sheet.getName();
    if (layout.ok) {
      const tab = unitTabOf(sheet, layout.layout, values);
      located.push({ index, sheet: name, tab, approvedYears: approved(unit.name) });
      return;
    }
    problems.push({
      sheet: name,
      cell: 'A1',
      message: `Không đọc được bố cục trang của ${unit.name} (${layout.problem}), nên chưa kiểm tra được vùng bảo vệ của trang. Hãy chạy "Khởi tạo / cập nhật sổ".`,
    });
  });
  return problems;
}

/** The summary's and the report's formula cells (values read with them). */
function checkOutputFormulas(ss: Spreadsheet): SetupProblem[] {
  return [NAMED.summary, NAMED.report].flatMap((name) => {
    const range = ss.getRangeByName(name);
    return range ? formulaErrors(range, range.getValues()) : [];
  });
}

/** Every check, in the order the report lists them. Changes nothing. */
export function selfCheckProblems(ss: Spreadsheet, config: Config): SetupProblem[] {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const submissions = parseSubmissions(properties);
  const approved = (unit: string) => approvedYears(submissions, unit);
  const index = indexSheets(ss);
  const located: LocatedUnitTab[] = [];
  const analystTabs = analystSheets(ss, index);
  const named = checkNamedRanges(ss, config, index);
  return [
    ...checkSettings(ss, config),
    ...layoutVersionProblems(properties),
    ...unfinishedSetup(properties),
    ...checkUnitTabs(ss, config, approved, named.misplaced, located),
    ...checkOutputFormulas(ss),
    ...named.problems,
    ...checkProtections(ss, config, located, analystTabs, ownerEmailOf(ss)),
    ...checkApprovals(ss, config, submissions).map((m) => ({
      sheet: SHEET.approvals,
      cell: 'A1',
      message: m.message,
    })),
  ];
}

function reportText(problems: SetupProblem[]): string {
  if (problems.length === 0)
    return 'Không thấy vấn đề nào: ngôn ngữ và múi giờ, công thức, vùng được đặt tên, vùng bảo vệ và phiên bản bố cục đều đúng như tiện ích cần.';
  const lines = problems
    .slice(0, SHOWN)
    .map((p) => `• Trang "${p.sheet}", ô ${p.cell}: ${p.message}`);
  if (problems.length > SHOWN) lines.push(`… và ${problems.length - SHOWN} vấn đề khác.`);
  return `Có ${problems.length} vấn đề (chưa có gì bị thay đổi):\n${lines.join('\n')}`;
}

export function menuSelfCheck(): void {
  runAsAnalyst(TITLE, ({ ss, config }) => reportText(selfCheckProblems(ss, config)));
}
