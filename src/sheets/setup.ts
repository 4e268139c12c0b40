// "Khởi tạo / cập nhật sổ": creates every missing tab in order (Hướng dẫn, Cấu hình, the unit
// tabs in the order of Cấu hình, then the three output tabs) and repairs the existing ones.
// Idempotent; never erases or moves anyone's data.
import { rowNoun, type Config } from '../core/config';
import type { Problem } from '../core/types';
import {
  nameConfigRanges,
  readConfigFromSheet,
  writeConfigGrid,
  type ConfigCells,
} from './configTab';
import { writeGuideSheet } from './guideTab';
import { SHEET, SHEET_TAG, unitSheetTag, unitWords } from './layout';
import { prepareOutputTabs } from './outputTabs';
import type { RunClock } from './runClock';
import { fillText, type SetupData } from './setupData';
import type { SetupText } from './setupText';
import {
  findOrCreateSheet,
  findSheet,
  indexSheets,
  type FoundSheet,
  type SheetIndex,
} from './sheetFinder';
import {
  buildUnitTab,
  makeUnitRules,
  repairUnitTab,
  type UnitRules,
  type UnitTabOutcome,
} from './unitTab';
import { UnitTabCopier } from './unitTabCopy';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  /** Tabs created by this run, in order. */
  created: string[];
  /** Existing tabs brought up to date (formulas, validations, formats). */
  repaired: string[];
  /** Tabs renamed back to the name Cấu hình gives them: "old" → "new". */
  renamed: { from: string; to: string }[];
  /** Unit tabs of the previous release's layout, upgraded in place (new "Kiểm tra" columns). */
  upgraded: string[];
  /** Communes of Cấu hình appended to a unit tab. */
  addedCommunes: { tab: string; communes: string[] }[];
  /** Tabs that could not be repaired (their layout was changed by hand), with the reason. */
  skipped: { tab: string; problem: string }[];
  /** True when Cấu hình was written from the defaults. */
  configWritten: boolean;
}

export type SetupResult =
  | {
      ok: true;
      config: Config;
      report: SetupReport;
      /** Set when the run stopped at its time budget: the first unit tab (0-based) left to do. */
      stoppedAt?: number;
    }
  | { ok: false; problems: Problem[] };

/** Where a run starts (a previous run stopped there) and the clock that may stop it. */
export interface SetupRun {
  from: number;
  clock: RunClock | null;
}

/** Cấu hình as read, or null when it is missing or empty (then setup writes the defaults). */
export type ExistingConfig = { config: Config; cells: ConfigCells } | null;

/** Reads Cấu hình when it exists and has content (one batched read). */
export function existingConfig(
  ss: Spreadsheet,
  index: SheetIndex,
): { ok: true; existing: ExistingConfig } | { ok: false; problems: Problem[] } {
  const sheet = findSheet(ss, index, SHEET_TAG.config, SHEET.config);
  if (!sheet || sheet.getLastRow() === 0) return { ok: true, existing: null };
  const read = readConfigFromSheet(ss, sheet);
  return read.ok ? { ok: true, existing: { config: read.config, cells: read.cells } } : read;
}

/**
 * The spreadsheet's locale and time zone as Cấu hình says ("Định dạng vùng", "Múi giờ"), set
 * before any formula is written. Formulas are written with `;` and no decimal literal, so they
 * parse in any locale (formulaText.ts); the locale decides how numbers and dates are shown and
 * typed. Each is set only when it differs.
 */
function applyLocale(ss: Spreadsheet, cfg: Config): void {
  if (ss.getSpreadsheetLocale() !== cfg.locale) ss.setSpreadsheetLocale(cfg.locale);
  if (ss.getSpreadsheetTimeZone() !== cfg.deadline.timeZone)
    ss.setSpreadsheetTimeZone(cfg.deadline.timeZone);
}

/** Default sheets of a new spreadsheet ("Sheet1", "Trang tính1"), left empty. */
const DEFAULT_SHEET = /^(Sheet|Trang tính|Trang tinh)\s?\d+$/i;

const emptyReport = (): SetupReport => ({
  created: [],
  repaired: [],
  renamed: [],
  upgraded: [],
  addedCommunes: [],
  skipped: [],
  configWritten: false,
});

/** Records a tab that was created or renamed back. */
function noteFound(report: SetupReport, found: FoundSheet): void {
  if (found.status === 'created') report.created.push(found.sheet.getName());
  if (found.status === 'renamed')
    report.renamed.push({ from: found.previousName ?? '', to: found.sheet.getName() });
}

/**
 * The unit tabs, in the order of Cấu hình, after 0-based `position`, from `run.from` on (those
 * before were done by the run that stopped). Returns the unit where the clock stopped it (each
 * run does at least one), or null when every tab is done.
 */
function setupUnitTabs(
  ss: Spreadsheet,
  index: SheetIndex,
  cfg: Config,
  data: SetupData,
  report: SetupReport,
  position: number,
  run: SetupRun,
): number | null {
  const rules = makeUnitRules(cfg, data.text.unit);
  const copier = new UnitTabCopier(ss, cfg, rules, index, run.from);
  try {
    return setupEachUnitTab(ss, index, cfg, rules, copier, report, position, run);
  } finally {
    copier.finish();
  }
}

/** setupUnitTabs' loop; new unit tabs are copies when `copier` says so. */
function setupEachUnitTab(
  ss: Spreadsheet,
  index: SheetIndex,
  cfg: Config,
  rules: UnitRules,
  copier: UnitTabCopier,
  report: SetupReport,
  position: number,
  run: SetupRun,
): number | null {
  let last = position;
  for (let i = 0; i < cfg.units.length; i++) {
    const unit = cfg.units[i];
    if (i < run.from) {
      last = findSheet(ss, index, unitSheetTag(unit.name), unit.tab)?.getIndex() ?? last;
      continue;
    }
    if (i > run.from && run.clock?.over()) return i;
    const copy = copier.creator(i);
    const tag = unitSheetTag(unit.name);
    const found = findOrCreateSheet(ss, index, tag, unit.tab, last, copy ?? undefined);
    noteFound(report, found);
    const outcome: UnitTabOutcome =
      found.status === 'created'
        ? copy
          ? { action: 'built', addedCommunes: [] }
          : buildUnitTab(found.sheet, cfg, i, rules)
        : repairUnitTab(found.sheet, cfg, i, rules);
    const name = found.sheet.getName();
    if (outcome.action === 'repaired' && found.status !== 'created') report.repaired.push(name);
    if (outcome.action === 'built' && found.status !== 'created') report.created.push(name);
    if (outcome.upgraded) report.upgraded.push(name);
    if (outcome.addedCommunes.length > 0)
      report.addedCommunes.push({ tab: name, communes: outcome.addedCommunes });
    if (outcome.action === 'skipped')
      report.skipped.push({ tab: name, problem: outcome.problem ?? '' });
    last = found.sheet.getIndex();
  }
  return null;
}

/** The output tabs, by the consolidation's own module: created or repaired. */
function setupOutputTabs(
  ss: Spreadsheet,
  index: SheetIndex,
  cfg: Config,
  report: SetupReport,
): void {
  const before = new Set(ss.getSheets().map((s) => s.getSheetId()));
  const names = prepareOutputTabs(ss, cfg, index);
  const fresh = new Set(
    ss
      .getSheets()
      .filter((s) => !before.has(s.getSheetId()))
      .map((s) => s.getName()),
  );
  report.created.push(...names.filter((n) => fresh.has(n)));
  report.repaired.push(...names.filter((n) => !fresh.has(n)));
}

/** The empty default sheet of a new spreadsheet is no longer needed. */
function removeDefaultSheet(ss: Spreadsheet, index: SheetIndex): void {
  for (const sheet of ss.getSheets()) {
    if (
      !index.taggedIds.has(sheet.getSheetId()) &&
      DEFAULT_SHEET.test(sheet.getName()) &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0 &&
      ss.getNumSheets() > 1
    ) {
      ss.deleteSheet(sheet);
    }
  }
}

/**
 * Runs the setup on `ss`. With an invalid Cấu hình nothing is changed and the problems are
 * returned. `data` gives the guide's and the unit tabs' texts, and the defaults and their Cấu hình
 * grid written on a missing or empty Cấu hình. `given` carries Cấu hình when the caller already read it (then it is not read again).
 */
export function runSetup(
  ss: Spreadsheet,
  data: SetupData,
  given?: { existing: ExistingConfig; index: SheetIndex },
  run: SetupRun = { from: 0, clock: null },
): SetupResult {
  const index = given?.index ?? indexSheets(ss);
  let existing: ExistingConfig;
  if (given) existing = given.existing;
  else {
    const read = existingConfig(ss, index);
    if (!read.ok) return read;
    existing = read.existing;
  }
  const report = emptyReport();
  const cfg: Config = existing?.config ?? data.defaults;
  applyLocale(ss, cfg);

  // Hướng dẫn: written again on every run (it is the add-on's own text).
  const guide = findOrCreateSheet(ss, index, SHEET_TAG.guide, SHEET.guide, 0);
  noteFound(report, guide);
  writeGuideSheet(guide.sheet, cfg, data.guide);

  // Cấu hình: written only when missing or empty; otherwise only its named ranges are checked.
  const configTab = findOrCreateSheet(
    ss,
    index,
    SHEET_TAG.config,
    SHEET.config,
    guide.sheet.getIndex(),
  );
  noteFound(report, configTab);
  if (!existing) {
    writeConfigGrid(configTab.sheet, data.configGrid);
    report.configWritten = true;
  } else nameConfigRanges(ss, configTab.sheet, existing.cells);

  const stoppedAt = setupUnitTabs(ss, index, cfg, data, report, configTab.sheet.getIndex(), run);
  if (stoppedAt !== null) return { ok: true, config: cfg, report, stoppedAt };
  if (run.clock?.over()) return { ok: true, config: cfg, report, stoppedAt: cfg.units.length };
  setupOutputTabs(ss, index, cfg, report);
  if (report.created.length > 0) removeDefaultSheet(ss, index);
  return { ok: true, config: cfg, report };
}

/**
 * The Vietnamese summary shown at the end of the setup; `text` is SetupData.text.summary, `words`
 * Cấu hình's (they name the unit tabs' rows).
 */
export function setupSummary(
  report: SetupReport,
  text: SetupText['summary'],
  words: Config['words'],
): string {
  const lines: string[] = [];
  const tabs = (list: string[]) => ({ count: list.length, tabs: list.join(', ') });
  const { nameCheckHeader } = unitWords(words.rowLevel);
  if (report.created.length > 0) lines.push(fillText(text.created, tabs(report.created)));
  if (report.configWritten) lines.push(text.configWritten);
  if (report.repaired.length > 0) lines.push(fillText(text.repaired, tabs(report.repaired)));
  for (const r of report.renamed) lines.push(fillText(text.renamed, r));
  if (report.upgraded.length > 0)
    lines.push(fillText(text.upgraded, { ...tabs(report.upgraded), nameCheck: nameCheckHeader }));
  for (const a of report.addedCommunes)
    lines.push(
      fillText(text.addedCommunes, {
        tab: a.tab,
        count: a.communes.length,
        row: rowNoun(words),
        communes: a.communes.join(', '),
      }),
    );
  for (const s of report.skipped) lines.push(fillText(text.skipped, s));
  lines.push(text.kept);
  return lines.join('\n');
}
