// The CLI's CSV: what cannot be read ends with a Vietnamese message naming the file (and the
// line), exit code 1 and no output written (earlier outputs stay as they were); what can be read
// (BOM, CRLF, quotes) reads exactly as the plain file; bad rows inside it are reported per unit
// with their tab and cell, and every other unit is consolidated exactly as from a clean file.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary, UnitInput } from '../../src/core/types';
import { COMMUNE_COLUMNS, CsvError, readCommuneCsv, readNominationCsv } from '../../tools/csvInput';
import { consolidate } from '../core/helpers';
import {
  DEFAULT_CONFIG,
  districtRow,
  ensureBuilt,
  figuresOf,
  sampleRows,
  UNITS,
  VIETNAMESE,
  YEAR,
  type CommuneYearRow,
} from './harness';

/** Four units are enough for the CLI (its run also prints a PDF, which takes a while). */
const CSV_UNITS = [0, 1, 2, 3].map((i) => UNITS[i].name);
const rows = sampleRows().filter((r) => CSV_UNITS.includes(r.district));

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvOf = (list: CommuneYearRow[], eol = '\n') =>
  [
    COMMUNE_COLUMNS.join(','),
    ...list.map((r) => COMMUNE_COLUMNS.map((c) => field(r[c])).join(',')),
  ].join(eol) + eol;

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'gn-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const strip = (list: CommuneYearRow[]) => list.map(({ line: _line, ...r }) => r);

/** A field of the clean file as Sheets reads it once typed: whole numbers become numbers. */
const typed = (field: string): unknown => (/^\d+$/.test(field.trim()) ? Number(field) : field);

describe('what can be read reads exactly as the plain file', () => {
  const plain = () => strip(readCommuneCsv(file('plain.csv', csvOf(rows))));
  test.each([
    ['a UTF-8 BOM', () => '\uFEFF' + csvOf(rows)],
    ['CRLF line ends', () => csvOf(rows, '\r\n')],
    [
      'a BOM and CRLF, every field quoted',
      () =>
        '\uFEFF' +
        [
          COMMUNE_COLUMNS.join(','),
          ...rows.map((r) => COMMUNE_COLUMNS.map((c) => `"${r[c]}"`).join(',')),
        ].join('\r\n') +
        '\r\n',
    ],
    [
      'upper-case headers with spaces, columns in another order',
      () => {
        const order = [...COMMUNE_COLUMNS].reverse();
        return [
          order.map((c) => ` ${c.toUpperCase()} `).join(','),
          ...rows.map((r) => order.map((c) => field(r[c])).join(',')),
        ].join('\n');
      },
    ],
    [
      'no line break at the end, blank lines between rows',
      () => csvOf(rows).trimEnd().replace(/\n/g, '\n\n'),
    ],
  ])('%s', (_name, make) => {
    expect(strip(readCommuneCsv(file('variant.csv', make())))).toEqual(plain());
  });

  test('quoted fields keep commas, quotes and line breaks', () => {
    const path = file(
      'quoted.csv',
      'id,district,type,name,commune,achievement,award,year\r\n"ĐC-1","Huyện Gia Lộc","Tập thể","Hội ""Vì người nghèo"", xã A","","Dòng 1\r\nDòng 2, có dấu phẩy","Giấy khen",2025\r\n',
    );
    const [n] = readNominationCsv(path);
    expect(n.name).toBe('Hội "Vì người nghèo", xã A');
    expect(n.achievement).toBe('Dòng 1\r\nDòng 2, có dấu phẩy');
    expect(n.year).toBe('2025');
  });
});

/** Files that cannot be read at all, with what the message must say. */
const FATAL: { name: string; make: () => string; says: RegExp; cli?: true }[] = [
  {
    name: 'a missing file',
    make: () => join(dir, 'không-có.csv'),
    says: /Không tìm thấy tệp ".*không-có\.csv"/,
    cli: true,
  },
  { name: 'a directory', make: () => dir, says: /là một thư mục, không phải tệp CSV/ },
  { name: 'an empty file', make: () => file('empty.csv', ''), says: /Tệp ".*empty\.csv" trống/ },
  {
    name: 'a header and no data',
    make: () => file('header.csv', COMMUNE_COLUMNS.join(',') + '\n'),
    says: /chỉ có dòng tiêu đề, không có dòng số liệu nào/,
  },
  {
    name: 'a missing column',
    make: () => file('missing.csv', csvOf(rows).replace('near_poor,', 'near_poor_x,')),
    says: /dòng 1 \(tiêu đề\): thiếu cột "near_poor"/,
    cli: true,
  },
  {
    name: 'a column twice',
    make: () => file('twice.csv', csvOf(rows).replace('poor_new,', 'poor,')),
    says: /cột "poor" xuất hiện hai lần/,
  },
  {
    name: 'semicolons (Excel in Vietnamese)',
    make: () => file('semicolon.csv', csvOf(rows).replace(/,/g, ';')),
    says: /dùng dấu chấm phẩy \(;\) để phân cách cột/,
    cli: true,
  },
  {
    name: 'not UTF-8 (Windows-1258)',
    make: () =>
      file(
        'cp1258.csv',
        Buffer.from(
          `${COMMUNE_COLUMNS.join(',')}\nHuy\xEA\u0323n Gia L\xF4\u0323c,X\xE3 A,2025,1,0,0,,,,\n`,
          'latin1',
        ),
      ),
    says: /không phải văn bản UTF-8/,
    cli: true,
  },
  {
    name: 'UTF-16 (Excel "Unicode Text")',
    make: () =>
      file(
        'utf16.csv',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(rows), 'utf16le')]),
      ),
    says: /mã hóa UTF-16/,
  },
  {
    name: 'an unclosed quote',
    make: () =>
      file(
        'quote.csv',
        csvOf(rows.slice(0, 3)) +
          '"Huyện Gia Lộc,Xã A,2025,1,0,0,,,,\n' +
          csvOf(rows.slice(3, 5)).split('\n').slice(1).join('\n'),
      ),
    says: /dòng 5 mở dấu ngoặc kép/,
    cli: true,
  },
];

describe('what cannot be read: a Vietnamese message naming the file', () => {
  test.each(FATAL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const path = c.make();
    let error: unknown = null;
    try {
      readCommuneCsv(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    const message = (error as Error).message;
    expect(message).toMatch(c.says);
    expect(message).toMatch(VIETNAMESE);
    expect(message).toContain(path);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tools/cli.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('through the CLI: exit code 1, the message, no output written, earlier outputs untouched', async () => {
  const runs = await Promise.all(
    FATAL.filter((c) => c.cli).map(async (c, i) => {
      const out = join(dir, `out-${i}`);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'summary.json'), '{"earlier": true}\n');
      const run = await cli(['consolidate', '--data', c.make(), '--out', out]);
      return { c, out, run };
    }),
  );
  for (const { c, out, run } of runs) {
    expect({ case: c.name, code: run.code }).toEqual({ case: c.name, code: 1 });
    expect({ case: c.name, stderr: run.stderr }).toEqual({
      case: c.name,
      stderr: expect.stringMatching(c.says),
    });
    expect(run.stderr).toMatch(/^Lỗi: /);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(run.stdout).not.toMatch(/Đã ghi/);
    expect(readdirSync(out)).toEqual(['summary.json']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"earlier": true}\n');
  }
  expect(runs.length).toBe(5);
}, 120_000);

/** A realistic messy file: BOM, CRLF, quotes, and three bad lines. */
/** A realistic messy file: BOM, CRLF, every field quoted, and bad lines (line numbers kept). */
function messyRows(): {
  list: CommuneYearRow[];
  bad: string;
  unknownLine: number;
  outsideLine: number;
} {
  const list = rows.map((r) => ({ ...r }));
  const bad = CSV_UNITS[2];
  const target = list.find((r) => r.district === bad && r.year === String(YEAR))!;
  target.households = '12 hộ';
  list.push({ ...list[0], district: 'Huyện Không Có', commune: 'Xã A' });
  const unknownLine = list.length + 1;
  list.push({ ...list.find((r) => r.district === CSV_UNITS[1])!, year: '2030' });
  return { list, bad, unknownLine, outsideLine: list.length + 1 };
}

const messy = messyRows();
let messyRun: Promise<Run> | null = null;
/** One CLI run on the messy file, shared by the tests below. */
function runMessy(): Promise<Run> {
  if (!messyRun) {
    const quoted = [
      COMMUNE_COLUMNS.join(','),
      ...messy.list.map((r) =>
        COMMUNE_COLUMNS.map((c) => `"${r[c].replace(/"/g, '""')}"`).join(','),
      ),
    ].join('\r\n');
    messyRun = cli([
      'consolidate',
      '--data',
      file('messy.csv', `\uFEFF${quoted}\r\n`),
      '--out',
      join(dir, 'out-messy'),
    ]);
  }
  return messyRun;
}

test('a messy but readable file through the CLI: bad rows reported per unit, the others as from a clean file', async () => {
  const { bad, unknownLine } = messy;
  const out = join(dir, 'out-messy');
  const runP = runMessy();

  // The clean file straight through the core (no sheet at all): what the units must show.
  const cleanRows = readCommuneCsv(file('clean.csv', csvOf(rows)));
  const inputs: UnitInput[] = DEFAULT_CONFIG.units.map((u) => ({
    unit: u.name,
    sheet: u.tab,
    rows: cleanRows
      .filter((r) => r.district === u.name)
      .map((r) => ({
        unit: u.name,
        sheet: u.tab,
        commune: r.commune,
        year: typed(r.year),
        households: typed(r.households),
        poor: typed(r.poor),
        nearPoor: typed(r.near_poor),
        poorExited: typed(r.poor_exited),
        poorReturned: typed(r.poor_returned),
        poorNew: typed(r.poor_new),
        mergedInto: r.merged_into,
        cells: {
          commune: 'B',
          year: 'C',
          households: 'D',
          poor: 'E',
          nearPoor: 'F',
          poorExited: 'G',
          poorReturned: 'H',
          poorNew: 'I',
          mergedInto: 'J',
        },
      })),
    criteria: [],
    nominations: [],
    submissions: [],
    layoutProblems: [],
  }));
  const clean = consolidate(DEFAULT_CONFIG, inputs, YEAR, 'x').summary;

  const run = await runP;
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    `Dòng ${unknownLine}: đơn vị "Huyện Không Có" không có trong Cấu hình`,
  );
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  for (const unit of CSV_UNITS.filter((u) => u !== bad)) {
    expect({ unit, ...figuresOf(districtRow(summary, unit)) }).toEqual({
      unit,
      ...figuresOf(districtRow(clean, unit)),
    });
  }
  const row = districtRow(summary, bad);
  expect(row.provisional).toBe(true);
  const error = row.errors.find((e) => e.message.includes('tổng số hộ ("12 hộ") không phải là số'));
  expect(error).toBeDefined();
  expect(error!.message).toMatch(new RegExp(`^Trang "${bad}", ô ${error!.cell}: `));
  for (const f of ['workbook.xlsx', 'summary.json', 'shortlist.json'])
    expect(existsSync(join(out, f))).toBe(true);
}, 180_000);

test('a row for a year outside the period is reported with its line, not dropped silently', async () => {
  const run = await runMessy();
  expect(run.stderr).toMatch(new RegExp(`Dòng ${messy.outsideLine}: .*2030`));
}, 180_000);
