// report.pdf from the CLI: the "Báo cáo năm" tab printed by headless LibreOffice on A4 portrait;
// without LibreOffice a Vietnamese warning, the other files, and exit code 0. The print settings
// travel in workbook.xlsx too. Without soffice the PDF test skips loudly, except under CI=true.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEET } from '../../src/sheets/layout';
import { findSoffice } from '../../tools/emulator/xlsx';
import { buildDemoWorkbook } from '../../tools/demo/demoWorkbook';
import { workbookOf } from '../../tools/emulator/xlsx';
import { A4_PORTRAIT, preparePrint, sheetPdf, wrappedLines } from '../../tools/reportPdf';

const dir = mkdtempSync(join(tmpdir(), 'gn-report-pdf-'));
const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync('npx', ['tsx', 'tools/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, ...env },
  });
const HAS_SOFFICE = findSoffice() !== null;
const UNDER_CI = process.env.CI === 'true';
if (!HAS_SOFFICE && !UNDER_CI)
  console.warn(
    'LibreOffice (soffice) not found: SKIPPING the report.pdf test (it runs under CI=true).',
  );
const withSoffice = HAS_SOFFICE || UNDER_CI ? test : test.skip;
const hasTool = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

const data = join(dir, 'data.csv');
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  writeFileSync(
    data,
    [
      'district,commune,year,households,poor,near_poor,poor_exited,poor_returned,poor_new,merged_into',
      'Huyện Bình Giang,Thị trấn Kẻ Sặt,2021,1000,40,50,,,,',
      'Huyện Bình Giang,Xã Vĩnh Hưng,2021,1200,60,50,,,,',
      'Huyện Bình Giang,Thị trấn Kẻ Sặt,2025,1010,10,30,,,,',
      'Huyện Bình Giang,Xã Vĩnh Hưng,2025,1210,10,30,,,,',
    ].join('\n'),
  );
});

withSoffice(
  'consolidate writes report.pdf: one A4 portrait report with its heading, figures and signature block',
  () => {
    const out = join(dir, 'with');
    const run = cli({}, 'consolidate', '--data', data, '--year', '2025', '--out', out);
    expect(run.status).toBe(0);
    const pdf = join(out, 'report.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (hasTool('pdftotext') && hasTool('pdfinfo')) {
      expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(
        /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/,
      );
      const text = execFileSync('pdftotext', [pdf, '-']).toString();
      for (const s of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'TỈNH HẢI DƯƠNG',
        'BÁO CÁO',
        'Nơi nhận:',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
      ])
        expect(text).toContain(s);
      // Bình Giang: 100 → 20 poor (80,0 %), provisional (2 of 16 communes).
      expect(text.replace(/\s+/g, ' ')).toContain(
        'huyện Bình Giang (2/16 xã, phường, thị trấn có số liệu)',
      );
    }
  },
);

test('without LibreOffice: a Vietnamese warning, no report.pdf, the other files, exit code 0', async () => {
  const out = join(dir, 'without');
  const run = cli(
    { GN_SOFFICE: 'none' },
    'consolidate',
    '--data',
    data,
    '--year',
    '2025',
    '--out',
    out,
  );
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('Cảnh báo: không tìm thấy LibreOffice');
  expect(existsSync(join(out, 'report.pdf'))).toBe(false);
  for (const f of ['workbook.xlsx', 'summary.json', 'shortlist.json'])
    expect(existsSync(join(out, f))).toBe(true);
  // workbook.xlsx carries the report's print settings: A4 (9), portrait, one page wide, no gridlines.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, 'workbook.xlsx'));
  const ws = wb.getWorksheet(SHEET.report)!;
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect((ws.views[0] as { showGridLines?: boolean }).showGridLines).toBe(false);
  // The paragraphs' rows are tall enough for their wrapped text (merged cells do not grow by themselves).
  // Row 14 holds "1. Kết quả giảm nghèo: …", several lines long.
  expect(ws.getRow(14).height).toBeGreaterThan(60);
});

test('line estimate: words wrap at spaces within the width; marks do not widen a letter', () => {
  // "aaaa" = 4 × 444 / 1000 em = 17.76 pt at 10 pt; a space 2.5 pt: two words take 38.02 pt.
  expect(wrappedLines('aaaa aaaa', 38.1, 10)).toBe(1);
  expect(wrappedLines('aaaa aaaa', 38, 10)).toBe(2);
  expect(wrappedLines('ấầẩẫ ậắằẳ', 38.1, 10)).toBe(1);
  expect(wrappedLines('aaaa\naaaa', 100, 10)).toBe(2);
});

withSoffice("the demo's report.pdf has the number of pages the README states", async () => {
  const readme = readFileSync('README.md', 'utf8');
  const stated = /the demo's `report\.pdf` has\s+\*\*(\d+) pages\*\*/.exec(readme);
  expect(stated).not.toBeNull();
  const book = workbookOf(buildDemoWorkbook().emu);
  preparePrint(book);
  const pdf = join(dir, 'demo-report.pdf');
  expect(await sheetPdf(book, SHEET.report, pdf, A4_PORTRAIT)).toBe(true);
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString());
  expect(pages?.[1]).toBe(stated![1]);
  // The body is justified in the .xlsx (Google Sheets has no justified alignment).
  const report = book.sheets.find((s) => s.name === SHEET.report)!;
  expect(
    report.cells.filter((c) => c.style?.horizontalAlignment === 'justify').length,
  ).toBeGreaterThan(15);
});
