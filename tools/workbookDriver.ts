// Drives the compiled bundle in the emulator the way people use the workbook: the analyst sets
// it up from the menu, district staff type their figures into their tab, reports are submitted
// from the sidebar, and the analyst runs "Tổng hợp toàn tỉnh…". Used by the CLI, the demo, the
// bench and the end-to-end tests.
import { Emulator, loadBundle, type Bundle, type Language, type RecordedAlert } from './emulator';
import { CONFIG_SECTION } from '../src/sheets/configTab';
import { TABLE_COLUMNS } from '../src/sheets/configLabels';
import {
  a1,
  isSpacerLabel,
  NOMINATION_COLUMNS,
  SHEET,
  UNIT_TEXT,
  unitLayout,
} from '../src/sheets/layout';
import { normalizeName } from '../src/core/names';
import { CRITERIA_FIELDS, type CriteriaKey } from '../src/core/fields';
import { unitTabLayout } from '../src/sheets/unitLocator';
import type { Config } from '../src/core/config';
import { withEvent } from '../src/core/submissionRecord';
import type { ShortlistEntry, Submission, SubmissionEvent } from '../src/core/types';
import { storedSubmission } from '../src/sheets/submissions';
import type {
  ExportedSummary,
  exportResults as exportResultsOnServer,
} from '../src/server/exportResults';
import { configGrid } from '../src/sheets/configGrid';
import { parseSetupData, SETUP_DATA_FILE, setupDataContent } from '../src/sheets/setupData';
import { narrativeDocument } from '../src/core/narrativeDocument';
import { figuresKind, submissionInstant, submittedEvent, typedCell } from './reportRows';

export const ANALYST = 'bantdkt@haiduong.gov.vn';

export interface CommuneYearRow {
  district: string;
  commune: string;
  year: string;
  households: string;
  poor: string;
  near_poor: string;
  poor_exited: string;
  poor_returned: string;
  poor_new: string;
  merged_into: string;
  /** 1-based line in the CSV, for messages */
  line?: number;
}

export interface NominationRow {
  id: string;
  district: string;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
  year: string;
  line?: number;
}

export interface CriteriaRow {
  district: string;
  year: string;
  plan_issued: string;
  budget_allocated: string;
  budget_settled_on_time: string;
  other_reports_on_time: string;
  resources_million_vnd: string;
  initiatives: string;
  line?: number;
}

export interface ReportRow {
  district: string;
  year: string;
  submitted_at: string;
  figures: string;
  document_number: string;
  document_date: string;
  document_link: string;
  line?: number;
}

export interface Workbook {
  emu: Emulator;
  bundle: Bundle;
}

type FakeSheet = {
  getRange(
    row: number,
    column: number,
    rows?: number,
    columns?: number,
  ): {
    getValues(): unknown[][];
    setValues(values: unknown[][]): unknown;
  };
  getName(): string;
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsBefore(row: number, count: number): unknown;
};
type FakeSpreadsheetApi = { getSheetByName(name: string): FakeSheet | null };

interface WorkbookOptions {
  codePath?: string;
  now?: Date;
  locale?: string;
  language?: Language;
  /** Set up from this configuration instead of the default one (`--config FILE.json`). */
  config?: Config;
}

/**
 * The analyst opens a new file holding the bundle, before any setup. A Vietnamese province's
 * spreadsheet is in vi_VN, where formulas parse with `;` between arguments and `,` decimals (the
 * emulator's `localeFormulas`); `locale: 'en_US'` gives an English one. Its users' Google
 * accounts are in Vietnamese (`language`, default 'vi'), so Apps Script's errors reach the code
 * in Vietnamese, as they do for the province's staff.
 */
export function openWorkbook(opts: WorkbookOptions = {}): Workbook {
  const emu = new Emulator({
    owner: ANALYST,
    user: ANALYST,
    now: opts.now ?? new Date('2025-11-20T02:00:00Z'),
    language: opts.language ?? 'vi',
    locale: opts.locale ?? 'vi_VN',
    localeFormulas: true,
  });
  const bundle = loadBundle(emu, opts.codePath ?? 'dist/Code.js');
  if (opts.config) useConfig(emu, opts.config);
  bundle.call('onOpen');
  return { emu, bundle };
}

/** A new workbook (openWorkbook) on which the analyst has run "Khởi tạo / cập nhật sổ". */
export function newWorkbook(opts: WorkbookOptions = {}): Workbook {
  const wb = openWorkbook(opts);
  wb.bundle.call('menuSetup');
  return wb;
}

/**
 * The first setup writes Cấu hình from dist/SetupData.html (src/sheets/setupData.ts): the
 * project's file with `config` as the defaults and its grid, as the build would have made it.
 */
function useConfig(emu: Emulator, config: Config): void {
  const content = emu.htmlFiles.get(SETUP_DATA_FILE);
  if (content === undefined)
    throw new Error(`${SETUP_DATA_FILE}.html is missing next to the bundle`);
  const data = parseSetupData(content);
  emu.htmlFiles.set(
    SETUP_DATA_FILE,
    setupDataContent({ ...data, defaults: config, configGrid: configGrid(config) }),
  );
}

function sheetOf(emu: Emulator, name: string): FakeSheet | null {
  return (emu.spreadsheet as unknown as FakeSpreadsheetApi).getSheetByName(name);
}

/**
 * The tab of each unit on Cấu hình (its "Tên trang tính" column, which may differ from the unit's
 * name), read once: the returned look-up gives the tab of the unit named `district`, or null when
 * Cấu hình does not list it.
 */
function unitSheets(wb: Workbook): (district: string) => FakeSheet | null {
  const grid = quietly(wb, () =>
    wb.emu.asOwner(
      () => wb.emu.spreadsheet.getSheetByName(CONFIG_TAB)?.getDataRange().getValues() ?? [],
    ),
  );
  const { first, last } = configSection(grid, UNITS_TITLE);
  const [name, tab] = [TABLE_COLUMNS.units.indexOf('name'), TABLE_COLUMNS.units.indexOf('tab')];
  const tabOf = new Map<string, string>();
  for (const row of grid.slice(first - 1, last)) {
    const key = normalizeName(String(row[name] ?? ''));
    if (!tabOf.has(key)) tabOf.set(key, String(row[tab] ?? '') || String(row[name]));
  }
  return (district) => {
    const found = tabOf.get(normalizeName(district));
    return found === undefined ? null : sheetOf(wb.emu, found);
  };
}

/**
 * A CSV field as the cell receives it. CSV fields are data, never typed input: a text field is
 * written with a leading apostrophe, so Sheets stores it as text (never a formula, a number or
 * a date: SHEETS-FACTS §1); a numeric field that is a plain decimal number (`120`, `-3`, `12.5`)
 * is written as that number, anything else as text, which the workbook then reports as "not a
 * number" at its cell.
 */
export function csvText(field: string): string {
  return field === '' ? '' : `'${field}`;
}

export function csvNumber(field: string): number | string {
  const t = field.trim();
  if (t === '') return '';
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : csvText(field);
}

/** Where each CSV line went: `Tab!A1` of every cell it filled → the line. */
export type CellOrigins = Map<string, number>;

export interface TypingProblem {
  line: number;
  message: string;
  /** The configured unit the problem belongs to, when it belongs to one (listed with its errors). */
  unit?: string;
}

/**
 * Types commune-year rows into the unit tabs, as district staff would (the cells receive the
 * CSV's text and Sheets parses it as typed). One write per unit and year block. Rows of a
 * district that has no tab cannot be typed anywhere: they are returned as problems.
 */
export function typeCommuneRows(
  wb: Workbook,
  rows: CommuneYearRow[],
  baselineYear: number,
  years: number[],
  origins: CellOrigins = new Map(),
): TypingProblem[] {
  const problems: TypingProblem[] = [];
  const byDistrict = new Map<string, CommuneYearRow[]>();
  for (const row of rows) {
    const key = normalizeName(row.district);
    byDistrict.set(key, [...(byDistrict.get(key) ?? []), row]);
  }
  const unitSheet = unitSheets(wb);
  wb.emu.asOwner(() => {
    for (const [district, list] of byDistrict) {
      const sheet = unitSheet(district);
      if (!sheet) {
        for (const row of list) {
          problems.push({
            line: row.line ?? 0,
            message: `Dòng ${row.line}: đơn vị "${row.district}" không có trong Cấu hình (không có trang tính tương ứng); dòng này chưa được nhập.`,
          });
        }
        continue;
      }
      // A year with no block on the tab cannot be typed anywhere: say so with the CSV line.
      const known = new Set([baselineYear, ...years].map(String));
      for (const row of list) {
        if (known.has(row.year.trim())) continue;
        problems.push({
          line: row.line ?? 0,
          message: `Dòng ${row.line}: năm "${row.year}" không thuộc đầu kỳ (${baselineYear}) hay các năm ${years.join(', ')} của giai đoạn; dòng này chưa được nhập.`,
        });
      }
      typeIntoSheet(
        sheet,
        list.filter((row) => known.has(row.year.trim())),
        baselineYear,
        years,
        origins,
      );
    }
  });
  return problems;
}

function typeIntoSheet(
  sheet: FakeSheet,
  rows: CommuneYearRow[],
  baselineYear: number,
  years: number[],
  origins: CellOrigins,
): void {
  const width = sheet.getLastColumn();
  let grid = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
  const layout = unitLayout(baselineYear, years, 0);
  const addRow = (name: string): number => {
    // The person inserts a row above the spacer and types the commune's name.
    const spacer = grid.findIndex((row) => isSpacerLabel(String(row[0] ?? ''))) + 1;
    sheet.insertRowsBefore(spacer, 1);
    sheet.getRange(spacer, 2, 1, 1).setValues([[csvText(name)]]);
    grid = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
    return spacer;
  };
  const rowsOf = (name: string): number[] => {
    const wanted = normalizeName(name);
    const found: number[] = [];
    for (let r = layout.firstCommuneRow - 1; r < grid.length; r++) {
      const a = String(grid[r][0] ?? '');
      if (isSpacerLabel(a) || a === UNIT_TEXT.total) break;
      if (normalizeName(String(grid[r][1] ?? '')) === wanted) found.push(r + 1);
    }
    return found;
  };
  // A commune given twice for a year goes on a second row: both copies are then in error, as
  // they would be had a person typed them (PRODUCT.md), never collapsed into one.
  const used = new Set<string>();
  const placed = rows.map((row) => {
    const free = rowsOf(row.commune).find((r) => !used.has(`${r}|${row.year.trim()}`));
    const at = free ?? addRow(row.commune);
    used.add(`${at}|${row.year.trim()}`);
    return { row, at };
  });
  const firstRow = layout.firstCommuneRow;
  const lastRow = Math.max(...placed.map((p) => p.at), firstRow);
  const tab = sheet.getName();
  for (const block of layout.blocks) {
    const inputs = block.isBaseline ? 3 : 6;
    const current = sheet
      .getRange(firstRow, block.firstColumn, lastRow - firstRow + 1, inputs)
      .getValues();
    let touched = false;
    for (const { row, at } of placed) {
      if (Number(row.year) !== block.year) continue;
      const typed = [
        row.households,
        row.poor,
        row.near_poor,
        row.poor_exited,
        row.poor_returned,
        row.poor_new,
      ].slice(0, inputs);
      current[at - firstRow] = typed.map(csvNumber);
      typed.forEach((_, k) =>
        origins.set(`${tab}!${a1(at, block.firstColumn + k)}`, row.line ?? 0),
      );
      touched = true;
    }
    if (touched)
      sheet.getRange(firstRow, block.firstColumn, current.length, inputs).setValues(current);
  }
  for (const { row, at } of placed) {
    origins.set(`${tab}!${a1(at, 2)}|${row.year.trim()}`, row.line ?? 0);
    if (row.merged_into.trim() === '') continue;
    sheet.getRange(at, 3, 1, 2).setValues([[csvText(row.merged_into), csvNumber(row.year)]]);
    origins.set(`${tab}!${a1(at, 3)}`, row.line ?? 0);
  }
}

/** Appends nominations to the nominations block of their unit's tab, as typed. */
export function typeNominations(wb: Workbook, rows: NominationRow[]): TypingProblem[] {
  const problems: TypingProblem[] = [];
  const unitSheet = unitSheets(wb);
  wb.emu.asOwner(() => {
    for (const row of rows) {
      const sheet = unitSheet(row.district);
      if (!sheet) {
        problems.push({
          line: row.line ?? 0,
          message: `Dòng ${row.line}: đơn vị "${row.district}" không có trong Cấu hình; đề cử này chưa được nhập.`,
        });
        continue;
      }
      const grid = sheet.getRange(1, 1, sheet.getLastRow(), NOMINATION_COLUMNS.length).getValues();
      const title = grid.findIndex((r) => String(r[0] ?? '') === UNIT_TEXT.nominationsTitle);
      let target = title + 2;
      while (target < grid.length && grid[target].some((v) => v !== '')) target++;
      const values = [
        csvText(row.id),
        csvNumber(row.year),
        csvText(row.type),
        csvText(row.name),
        csvText(row.commune),
        csvText(row.achievement),
        csvText(row.award),
      ];
      sheet.getRange(target + 1, 1, 1, values.length).setValues([values]);
    }
  });
  return problems;
}

/** The alerts shown while `fn` runs (a menu click, say), in order. */
export function alertsDuring(wb: Workbook, fn: () => unknown): RecordedAlert[] {
  const before = wb.emu.ui.alerts.length;
  fn();
  return wb.emu.ui.alerts.slice(before);
}

/** The messages of the alerts shown while `fn` runs, one a line. */
export function alertTextDuring(wb: Workbook, fn: () => unknown): string {
  return alertsDuring(wb, fn)
    .map((a) => a.message)
    .join('\n');
}

/** The analyst runs "Tổng hợp toàn tỉnh…" and answers the year prompt. Returns the final alert. */
export function runConsolidateMenu(wb: Workbook, year: number | null): string {
  wb.emu.ui.answerPrompt(year === null ? '' : String(year));
  return alertTextDuring(wb, () => wb.bundle.callAs(ANALYST, 'menuConsolidate'));
}

/** "exportResults" (the CLI's summary.json and shortlist) called by `by`; throws its refusal. */
export function exportResults(
  wb: Workbook,
  year: number,
  by: string = ANALYST,
): { summary: ExportedSummary; shortlist: ShortlistEntry[] } {
  const result = wb.bundle.callAs(by, 'exportResults', year) as ReturnType<
    typeof exportResultsOnServer
  >;
  if (!result.ok) throw new Error(result.message);
  return { summary: result.summary, shortlist: result.shortlist };
}

// ---------------------------------------------------------------------------------------------
// Criteria and reports from the CLI's files (PRODUCT.md "Offline")

/** The configured unit named `district` (normalised comparison), if any. */
function unitNamed(config: Config, district: string): Config['units'][number] | undefined {
  return config.units.find((u) => normalizeName(u.name) === normalizeName(district));
}

/** Rows grouped by configured unit and period year; the others are returned as problems. */
function byUnitYear<R extends { district: string; year: string; line?: number }>(
  config: Config,
  rows: R[],
  what: string,
): { groups: Map<string, { unit: string; year: number; rows: R[] }>; problems: TypingProblem[] } {
  const groups = new Map<string, { unit: string; year: number; rows: R[] }>();
  const problems: TypingProblem[] = [];
  for (const row of rows) {
    const unit = unitNamed(config, row.district);
    const line = row.line ?? 0;
    if (!unit) {
      problems.push({
        line,
        message: `Dòng ${line}: đơn vị "${row.district}" không có trong Cấu hình; ${what} này chưa được nhập.`,
      });
      continue;
    }
    const year = Number(row.year.trim());
    if (!config.years.includes(year)) {
      problems.push({
        line,
        unit: unit.name,
        message: `Dòng ${line}: năm "${row.year}" không thuộc các năm ${config.years.join(', ')} của giai đoạn; ${what} này của ${unit.name} chưa được nhập.`,
      });
      continue;
    }
    const key = `${unit.name}|${year}`;
    const group = groups.get(key) ?? { unit: unit.name, year, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return { groups, problems };
}

/** The criteria file's column of each criterion. */
const CRITERIA_CSV: Record<
  CriteriaKey,
  Exclude<keyof CriteriaRow, 'district' | 'year' | 'line'>
> = {
  planIssued: 'plan_issued',
  budgetAllocated: 'budget_allocated',
  budgetSettled: 'budget_settled_on_time',
  reportsOnTime: 'other_reports_on_time',
  resourcesMobilised: 'resources_million_vnd',
  initiatives: 'initiatives',
};

/**
 * Where `unit`'s criteria for `year` go: its tab (the one Cấu hình names), the first criteria row
 * and the year's column (1-based), the rows in CRITERIA_FIELDS order, found by the locator the
 * setup's repair and the protection use. Null when the tab, its criteria block or the year's
 * column is missing.
 */
export function criteriaCells(
  wb: Workbook,
  config: Config,
  unit: string,
  year: number,
): { sheet: FakeSheet; tab: string; row: number; column: number } | null {
  const sheet = unitSheets(wb)(unit);
  if (!sheet) return null;
  const grid = quietly(wb, () =>
    wb.emu.asOwner(() =>
      sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues(),
    ),
  );
  const kind = config.units.find((u) => normalizeName(u.name) === normalizeName(unit))?.kind;
  const found = unitTabLayout(config, grid, kind);
  if (!found.ok || found.layout.firstCriteriaRow < 0) return null;
  const { criteriaHeaderRow, criteriaYearColumn, firstCriteriaRow } = found.layout;
  const column = criteriaYearColumn + config.years.indexOf(year);
  if (Number(grid[criteriaHeaderRow - 1]?.[column - 1]) !== year) return null;
  return { sheet, tab: sheet.getName(), row: firstCriteriaRow, column };
}

/**
 * Types the criteria of each unit and year into its tab's criteria block, as district staff
 * would (the yes/no columns as typed: Có/Không, x, TRUE/FALSE). A unit-year given twice is an
 * error listed for the unit, and nothing is typed for it: its criteria stay unknown.
 */
export function typeCriteriaRows(
  wb: Workbook,
  config: Config,
  rows: CriteriaRow[],
): TypingProblem[] {
  const { groups, problems } = byUnitYear(config, rows, 'dòng tiêu chí');
  wb.emu.asOwner(() => {
    for (const { unit, year, rows: list } of groups.values()) {
      if (list.length > 1) {
        const lines = list.map((r) => r.line ?? 0);
        problems.push({
          line: lines[0],
          unit,
          message: `Tệp tiêu chí, các dòng ${lines.join(', ')}: tiêu chí năm ${year} của ${unit} được ghi ${list.length} lần, nên không biết lấy dòng nào; tiêu chí năm ${year} của đơn vị được coi là chưa có. Hãy giữ một dòng.`,
        });
        continue;
      }
      const at = criteriaCells(wb, config, unit, year);
      if (!at) continue;
      const r = list[0];
      const values = CRITERIA_FIELDS.map((f) => [typedCell(r[CRITERIA_CSV[f.key]] ?? '')]);
      at.sheet.getRange(at.row, at.column, values.length, 1).setValues(values);
    }
  });
  return problems;
}

/**
 * Records each unit's yearly report from the reports file in the document properties, as the
 * sidebar would: several rows for one unit and year are successive submissions, in time order.
 * A row whose time cannot be read is an error listed for the unit, and is left out; a bad
 * figures kind or narrative report (the sidebar's rule, core narrativeDocument) is an error too,
 * and the submission is recorded without it.
 */
export function recordReportRows(
  wb: Workbook,
  config: Config,
  rows: ReportRow[],
  source: string,
): TypingProblem[] {
  const { groups, problems } = byUnitYear(config, rows, 'dòng báo cáo');
  const offset = config.deadline.utcOffsetMinutes;
  for (const { unit, year, rows: list } of groups.values()) {
    const events: SubmissionEvent[] = [];
    for (const row of list) {
      const line = row.line ?? 0;
      const at = submissionInstant(row.submitted_at, offset);
      if (!at.ok) {
        problems.push({
          line,
          unit,
          message: `Tệp báo cáo, dòng ${line} (${unit}, năm ${year}): ${at.problem}; dòng này chưa được ghi nhận.`,
        });
        continue;
      }
      const figures = figuresKind(row.figures ?? '');
      if (figures === null)
        problems.push({
          line,
          unit,
          message: `Tệp báo cáo, dòng ${line} (${unit}, năm ${year}): cột figures "${row.figures}" phải là "sơ bộ" hoặc "chính thức"; lần nộp được ghi nhận không kèm loại số liệu.`,
        });
      const read = narrativeDocument(row.document_number, row.document_date, row.document_link);
      if ('problem' in read)
        problems.push({
          line,
          unit,
          message: `Tệp báo cáo, dòng ${line} (${unit}, năm ${year}): ${read.problem}; lần nộp được ghi nhận không kèm báo cáo thuyết minh.`,
        });
      const document = 'document' in read ? read.document : null;
      events.push(submittedEvent(at.at, source, figures ?? undefined, document));
    }
    events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let record: Submission | undefined;
    for (const e of events) record = withEvent(record, unit, year, e);
    if (record) {
      const [key, value] = storedSubmission(record);
      wb.emu.properties.document.set(key, value);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Access: Cấu hình typed by an analyst, protections, reading the workbook as a person would.

const CONFIG_TAB = SHEET.config;
const UNITS_TITLE = CONFIG_SECTION.units;
const ANALYSTS_TITLE = CONFIG_SECTION.analysts;

/** Runs `fn` without counting service calls (the test's or driver's own look-ups). */
export function quietly<T>(wb: Workbook, fn: () => T): T {
  return wb.emu.spreadsheet.internal.withoutCounting(fn);
}

/** Rows (1-based) of a Cấu hình section: from the row after its header to the row before the next title. */
function configSection(grid: unknown[][], title: string): { first: number; last: number } {
  const titles = new Set<string>(Object.values(CONFIG_SECTION));
  const start = grid.findIndex((r) => normalizeName(String(r[0] ?? '')) === title);
  if (start < 0) throw new Error(`Cấu hình has no section "${title}"`);
  let end = start + 1;
  while (end < grid.length && !titles.has(normalizeName(String(grid[end][0] ?? '')))) end++;
  // start + 1 is the header row; data rows follow it (0-based start + 2 = 1-based start + 3).
  let last = end; // 1-based row before the next title
  while (last > start + 2 && grid[last - 1].every((v) => v === '')) last--;
  return { first: start + 3, last: Math.max(last, start + 3) };
}

function configGridAs(wb: Workbook, by: string): { sheet: FakeSheetFull; grid: unknown[][] } {
  const sheet = wb.emu.as(by, () => wb.emu.spreadsheet.getSheetByName(CONFIG_TAB));
  if (!sheet) throw new Error('no tab Cấu hình: run setup first');
  return { sheet, grid: wb.emu.as(by, () => sheet.getDataRange().getValues()) };
}

type FakeSheetFull = NonNullable<ReturnType<Workbook['emu']['spreadsheet']['getSheetByName']>>;

/** An analyst types the editors' e-mails of `unit` on Cấu hình (column C of the units table). */
export function setEditors(
  wb: Workbook,
  unit: string,
  emails: string[],
  by: string = ANALYST,
): void {
  const { sheet, grid } = configGridAs(wb, by);
  const { first, last } = configSection(grid, UNITS_TITLE);
  for (let r = first; r <= last; r++) {
    if (normalizeName(String(grid[r - 1][0] ?? '')) !== normalizeName(unit)) continue;
    wb.emu.as(by, () => sheet.getRange(r, 3).setValue(emails.join(', ')));
    return;
  }
  throw new Error(`unit "${unit}" is not on Cấu hình`);
}

/** An analyst types a quota for an award form on Cấu hình (the awards table's quota column). */
export function setAwardQuota(
  wb: Workbook,
  award: string,
  quota: number | '',
  by: string = ANALYST,
): void {
  const { sheet, grid } = configGridAs(wb, by);
  const { first, last } = configSection(grid, CONFIG_SECTION.awards);
  const column = TABLE_COLUMNS.awards.indexOf('quota') + 1;
  for (let r = first; r <= last; r++) {
    if (normalizeName(String(grid[r - 1][0] ?? '')) !== normalizeName(award)) continue;
    wb.emu.as(by, () => sheet.getRange(r, column).setValue(quota));
    return;
  }
  throw new Error(`award "${award}" is not on Cấu hình`);
}

/**
 * An analyst types the analysts' e-mails on Cấu hình: all in the first row of the section
 * (the parser splits on commas), the section's other rows emptied.
 */
export function setAnalysts(wb: Workbook, emails: string[], by: string = ANALYST): void {
  const { sheet, grid } = configGridAs(wb, by);
  const { first, last } = configSection(grid, ANALYSTS_TITLE);
  const values = Array.from({ length: last - first + 1 }, (_, i) => [
    i === 0 ? emails.join(', ') : '',
  ]);
  wb.emu.as(by, () => sheet.getRange(first, 1, values.length, 1).setValues(values));
}

/** Menu "Phân quyền các trang tính" run by `by`; returns the alert's message. */
export function protectWorkbook(wb: Workbook, by: string = ANALYST): string {
  return alertTextDuring(wb, () => wb.bundle.callAs(by, 'menuProtect'));
}

/** `email` types `values` into `tab` at `a1` by hand (throws what Sheets throws, e.g. a protected cell). */
export function typeAs(
  wb: Workbook,
  email: string,
  tab: string,
  a1: string,
  values: unknown[][],
): void {
  wb.emu.as(email, () => {
    const sheet = wb.emu.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab "${tab}"`);
    sheet.getRange(a1).setValues(values);
  });
}

export interface WorkbookSnapshot {
  tabs: { name: string; values: unknown[][]; formulas: string[][] }[];
  properties: Record<string, string>;
  protections: {
    type: string;
    sheet: string;
    range: string;
    description: string;
    editors: string[];
    warningOnly: boolean;
    /** The A1 ranges a sheet protection leaves open, in the order they were set. */
    open: string[];
  }[];
}

/** Every tab's values and formulas, the document properties and the protections (not counted, as the owner). */
export function workbookSnapshot(wb: Workbook): WorkbookSnapshot {
  return quietly(wb, () =>
    wb.emu.asOwner(() => {
      const ss = wb.emu.spreadsheet;
      const tabs = ss.getSheets().map((s) => {
        const range = s.getDataRange();
        return {
          name: s.getName(),
          values: range.getValues() as unknown[][],
          formulas: range.getFormulas(),
        };
      });
      const protections = (['SHEET', 'RANGE'] as const).flatMap((type) =>
        ss.getProtections(type).map((p) => ({
          type,
          sheet: p.getRange().getSheet().getName(),
          range: p.getRange().getA1Notation(),
          description: p.getDescription(),
          editors: p
            .getEditors()
            .map((u) => u.getEmail())
            .sort(),
          warningOnly: p.isWarningOnly(),
          open: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
        })),
      );
      return { tabs, properties: Object.fromEntries(wb.emu.properties.document), protections };
    }),
  );
}
