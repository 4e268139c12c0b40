// Command line for the offline workbook (PRODUCT.md "Offline"): runs the compiled bundle in the
// local emulator.
//   template [--config FILE.json] --out FILE.xlsx
//   demo [--out DIR]
//   consolidate --data FILE.csv [--nominations FILE.csv] [--criteria FILE.csv]
//               [--reports FILE.csv] [--config FILE.json] [--year YYYY] --out DIR
// --config: the configuration (the `Config` of src/core/config.ts, docs/CONFIG.md) instead of
// the default Hải Dương 2021-2025 one.
// demo and consolidate write workbook.xlsx, summary.json, shortlist.json, report.pdf (the
// "Báo cáo năm" tab printed by headless LibreOffice), review.pdf in a review year and annex.pdf
// (the "Danh sách đề nghị khen thưởng" tab); the PDFs are skipped with a warning when
// LibreOffice is missing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../src/core/config';
import { formatInt, formatPercent } from '../src/core/format';
import type { ShortlistEntry, Summary } from '../src/core/types';
import { SHEET } from '../src/sheets/layout';
import {
  readCommuneCsv,
  readCriteriaCsv,
  readNominationCsv,
  readReportCsv,
  CsvError,
} from './csvInput';
import { buildDemoWorkbook } from './demo/demoWorkbook';
import { SAMPLE_LABEL } from './demo/sampleData';
import { workbookOf, writeWorkbook } from './emulator/xlsx';
import { A4_PORTRAIT, preparePrint, sheetPdf } from './reportPdf';
import {
  exportResults,
  newWorkbook,
  recordReportRows,
  runConsolidateMenu,
  typeCommuneRows,
  typeCriteriaRows,
  typeNominations,
  type CellOrigins,
  type TypingProblem,
  type Workbook,
} from './workbookDriver';

class UsageError extends Error {}

const USAGE = `Cách dùng:
  npm run cli -- template [--config FILE.json] --out FILE.xlsx
  npm run cli -- demo [--out DIR]
  npm run cli -- consolidate --data FILE.csv [--nominations FILE.csv] [--criteria FILE.csv]
                 [--reports FILE.csv] [--config FILE.json] [--year YYYY] --out DIR`;

/** The options each command accepts; anything else is refused. */
const COMMANDS = {
  template: ['config', 'out'],
  demo: ['out'],
  consolidate: ['data', 'nominations', 'criteria', 'reports', 'config', 'year', 'out'],
} as const;

/** A configuration file that cannot be used: its problems, one per line, in Vietnamese. */
class ConfigFileError extends Error {}

/** The configuration of `--config FILE.json`, validated by the schema of Cấu hình; else the default. */
function loadConfig(file: string | undefined): Config {
  if (file === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigFileError(`không đọc được tệp cấu hình ${file}. Hãy kiểm tra đường dẫn.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigFileError(
      `tệp cấu hình ${file} không phải JSON hợp lệ (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const parsed = parseConfig(json);
  if (parsed.ok) return parsed.config;
  const lines = parsed.problems.map((p) => `  - ${p.cell}: ${p.message}`).join('\n');
  throw new ConfigFileError(
    `tệp cấu hình ${file} có ${parsed.problems.length} lỗi (mục, rồi lời nhắn như trên trang "Cấu hình"):\n${lines}`,
  );
}

/** "tỉnh Hải Dương, giai đoạn 2022-2025, 12 đơn vị cấp huyện" in the configuration's words. */
function configDescription(config: Config): string {
  return `${config.words.provinceNoun} ${config.province}, giai đoạn ${config.years[0]}-${config.finalYear}, ${config.units.length} đơn vị cấp ${config.words.unitLevel}`;
}
type Command = keyof typeof COMMANDS;

/** The command and its options, parsed strictly: an unknown or misspelt flag is refused. */
function parseCommandLine(argv: string[]): { command: Command; options: Map<string, string> } {
  const [command = '', ...rest] = argv;
  if (!(command in COMMANDS))
    throw new UsageError(command ? `Lệnh không hợp lệ: "${command}".` : 'Thiếu lệnh.');
  const allowed = COMMANDS[command as Command];
  const spec = Object.fromEntries(allowed.map((name) => [name, { type: 'string' as const }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(argumentProblem(error, allowed));
  }
  const options = new Map<string, string>();
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'string') options.set(name, value);
  return { command: command as Command, options };
}

/** Node's parseArgs errors (English, with a code) said in Vietnamese. */
function argumentProblem(error: unknown, allowed: readonly string[]): string {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  const accepted = `Lệnh này nhận: ${allowed.map((o) => `--${o}`).join(', ')}.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Tham số không hợp lệ: "${flag}". ${accepted}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Thiếu giá trị cho ${flag}.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `Giá trị không thuộc tham số nào: "${/'([^']*)'/.exec(message ?? '')?.[1] ?? ''}". ${accepted}`;
  return `Tham số không hợp lệ. ${accepted}`;
}

function step(message: string): void {
  process.stdout.write(`• ${message}\n`);
}

function printSummary(summary: Summary): void {
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const result = (r: { provisional: boolean; attained: boolean }) =>
    r.provisional ? 'Tạm tính' : r.attained ? 'Đạt' : 'Chưa đạt';
  const status = { on_time: 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp' } as const;
  const lines = [
    [
      'Hạng',
      'Đơn vị',
      'Hộ nghèo',
      'Cận nghèo',
      'Giảm nghèo',
      'Giảm N+CN',
      'Kết quả',
      'Báo cáo',
      'Lỗi',
    ],
    ...summary.districts.map((d) => [
      String(d.rank),
      d.name,
      formatInt(d.poor),
      formatInt(d.nearPoor),
      pct(d.poorReduction),
      pct(d.combinedReduction),
      result(d),
      status[d.reportStatus],
      String(d.errors.length),
    ]),
    [
      '',
      summary.total.name,
      formatInt(summary.total.poor),
      formatInt(summary.total.nearPoor),
      pct(summary.total.poorReduction),
      pct(summary.total.combinedReduction),
      result(summary.total),
      '',
      '',
    ],
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const right = new Set([0, 2, 3, 4, 5, 8]);
  for (const l of lines) {
    process.stdout.write(
      l
        .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ') + '\n',
    );
  }
}

/** Problems of the CLI's files that belong to a unit are listed with that unit's errors, as in the sheet. */
function withFileProblems<S extends Summary>(summary: S, problems: TypingProblem[]): S {
  const districts = summary.districts.map((d) => {
    const own = problems.filter((p) => p.unit === d.name);
    if (own.length === 0) return d;
    return {
      ...d,
      errors: [...d.errors, ...own.map((p) => ({ cell: `dòng ${p.line}`, message: p.message }))],
    };
  });
  return { ...summary, districts };
}

/** The last row of a printed tab that holds text (the annex's reference rows below are blank). */
function lastFilledRow(book: ReturnType<typeof workbookOf>, name: string): number {
  const sheet = book.sheets.find((s) => s.name === name);
  return (sheet?.cells ?? []).reduce(
    (last, c) =>
      c.value !== '' && c.value !== null && c.value !== undefined ? Math.max(last, c.row) : last,
    1,
  );
}

/** Prints a tab with the page setup preparePrint gave it. */
async function printTab(
  book: ReturnType<typeof workbookOf>,
  tab: string,
  pdf: string,
): Promise<void> {
  const setup = book.sheets.find((s) => s.name === tab)?.pageSetup ?? A4_PORTRAIT;
  const printed = await sheetPdf(book, tab, pdf, setup, lastFilledRow(book, tab));
  const orientation = setup.orientation === 'landscape' ? 'ngang' : 'đứng';
  if (printed) step(`Đã ghi ${pdf} (trang "${tab}", khổ A4 ${orientation})`);
  else
    process.stderr.write(
      `Cảnh báo: không tìm thấy LibreOffice (lệnh soffice) nên chưa tạo ${basename(pdf)}. Các tệp khác đã được ghi đầy đủ; ` +
        `cài gói libreoffice-calc-nogui rồi chạy lại lệnh để có bản PDF của trang "${tab}".\n`,
    );
}

async function writeOutputs(
  wb: Workbook,
  dir: string,
  year: number,
  fileProblems: TypingProblem[] = [],
): Promise<{ summary: Summary; shortlist: ShortlistEntry[] }> {
  mkdirSync(dir, { recursive: true });
  const exported = exportResults(wb, year);
  const summary = withFileProblems(exported.summary, fileProblems);
  const shortlist = exported.shortlist;
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileSync(join(dir, 'shortlist.json'), JSON.stringify(shortlist, null, 2) + '\n');
  const book = workbookOf(wb.emu);
  preparePrint(book);
  await writeWorkbook(book, join(dir, 'workbook.xlsx'));
  step(`Đã ghi ${join(dir, 'workbook.xlsx')}, summary.json, shortlist.json`);
  await printTab(book, SHEET.report, join(dir, 'report.pdf'));
  await printTab(book, SHEET.annex, join(dir, 'annex.pdf'));
  // In the mid-term and final years the review report (sơ kết, tổng kết) is printed too.
  if (summary.review) await printTab(book, SHEET.review, join(dir, 'review.pdf'));
  return { summary, shortlist };
}

async function template(options: Map<string, string>): Promise<void> {
  const out = options.get('out');
  if (!out) throw new UsageError('Thiếu --out FILE.xlsx.');
  const file = options.get('config');
  const config = loadConfig(file);
  step(
    `Khởi tạo sổ theo cấu hình ${file ? `trong ${file}` : 'mặc định'} (${configDescription(config)})…`,
  );
  const wb = newWorkbook({ config: file ? config : undefined });
  mkdirSync(resolve(out, '..'), { recursive: true });
  const book = workbookOf(wb.emu);
  preparePrint(book);
  await writeWorkbook(book, out);
  step(`Đã ghi ${out}`);
}

function consolidateAndReport(wb: Workbook, year: number): void {
  const message = runConsolidateMenu(wb, year);
  for (const line of message.split('\n')) if (line.trim()) step(line);
}

async function demo(options: Map<string, string>): Promise<void> {
  const dir = options.get('out') ?? 'out/demo';
  const year = DEFAULT_CONFIG.finalYear;
  process.stdout.write(`${SAMPLE_LABEL}\n`);
  const wb = buildDemoWorkbook(step);
  const { summary } = await writeOutputs(wb, dir, year);
  process.stdout.write(`\n${SAMPLE_LABEL} — năm ${year}\n`);
  printSummary(summary);
}

async function consolidateCommand(options: Map<string, string>): Promise<void> {
  const data = options.get('data');
  const out = options.get('out');
  if (!data || !out) throw new UsageError('Cần --data FILE.csv và --out DIR.');
  const configFile = options.get('config');
  const config = loadConfig(configFile);
  if (configFile) step(`Cấu hình: ${configFile} (${configDescription(config)})`);
  const yearText = options.get('year');
  const year = yearText === undefined ? null : Number(yearText);
  if (year !== null && !config.years.includes(year)) {
    throw new UsageError(
      `--year ${yearText}: năm phải thuộc giai đoạn ${config.years.join(', ')}${configFile ? ` của ${configFile}` : ''}.`,
    );
  }
  const rows = readCommuneCsv(data);
  step(`Đọc ${rows.length} dòng số liệu từ ${data}`);
  const nominationsFile = options.get('nominations');
  const nominations = nominationsFile ? readNominationCsv(nominationsFile) : [];
  const criteriaFile = options.get('criteria');
  const criteria = criteriaFile ? readCriteriaCsv(criteriaFile) : [];
  const reportsFile = options.get('reports');
  const reports = reportsFile ? readReportCsv(reportsFile) : [];
  if (!criteriaFile || !reportsFile)
    step(
      `Không có ${[criteriaFile ? '' : '--criteria', reportsFile ? '' : '--reports'].filter(Boolean).join(' và ')}: tiêu chí và báo cáo năm của các đơn vị được coi là chưa có, nên không đơn vị nào đủ điều kiện khen thưởng theo quy tắc.`,
    );
  const wb = newWorkbook({ config: configFile ? config : undefined });
  const origins: CellOrigins = new Map();
  const problems = [
    ...typeCommuneRows(wb, rows, config.baselineYear, config.years, origins),
    ...typeNominations(wb, nominations),
  ];
  const fileProblems = [
    ...typeCriteriaRows(wb, config, criteria),
    ...recordReportRows(wb, config, reports, `tệp ${basename(reportsFile ?? '')}`),
  ];
  for (const p of [...problems, ...fileProblems]) process.stderr.write(`Cảnh báo: ${p.message}\n`);
  const latest = Math.max(
    ...rows.map((r) => Number(r.year)).filter((y) => config.years.includes(y)),
    config.years[0],
  );
  const chosen = year ?? latest;
  step(`Tổng hợp năm ${chosen}…`);
  consolidateAndReport(wb, chosen);
  const { summary } = await writeOutputs(wb, out, chosen, fileProblems);
  printSummary(summary);
  printRowErrors(config, summary, origins, data);
}

/**
 * The errors of the summary that belong to a CSV line, with that line: each typed cell knows
 * its line; a commune's name cell holds every year of that commune, so the year the message
 * names picks the line.
 */
function printRowErrors(
  config: Config,
  summary: Summary,
  origins: CellOrigins,
  file: string,
): void {
  for (const d of summary.districts) {
    const tab = config.units.find((u) => u.name === d.name)?.tab ?? d.name;
    for (const e of d.errors) {
      const at = `${tab}!${e.cell}`;
      const years = [...e.message.matchAll(/năm (\d{4})/g)].map((m) => m[1]);
      const line = origins.get(at) ?? years.map((y) => origins.get(`${at}|${y}`)).find(Boolean);
      if (line) process.stderr.write(`Dòng ${line} của tệp ${file}: ${e.message}\n`);
    }
  }
}

async function main(): Promise<void> {
  const { command, options } = parseCommandLine(process.argv.slice(2));
  if (command === 'template') return template(options);
  if (command === 'demo') return demo(options);
  return consolidateCommand(options);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`Lỗi: ${error.message}\n${USAGE}\n`);
  else if (error instanceof CsvError || error instanceof ConfigFileError)
    process.stderr.write(`Lỗi: ${error.message}\n`);
  else
    process.stderr.write(
      `Lỗi không mong đợi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(error instanceof UsageError ? 2 : 1);
});
