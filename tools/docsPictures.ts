// Pictures for the README: docs/report-page1.png (page 1 of report.pdf) and docs/summary.png
// (the summary tab: the top of an A4 landscape print), from the demo's workbook, printed by
// headless LibreOffice and rendered by pdftoppm (80 dpi; the wide summary at 150 dpi). Run: npx tsx tools/docsPictures.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/config';
import { SHEET } from '../src/sheets/layout';
import { summaryLayout } from '../src/sheets/summaryTab';
import { buildDemoWorkbook } from './demo/demoWorkbook';
import { workbookOf } from './emulator/xlsx';
import { A4_LANDSCAPE, A4_PORTRAIT, preparePrint, sheetPdf } from './reportPdf';

async function main(): Promise<void> {
  const book = workbookOf(buildDemoWorkbook().emu);
  preparePrint(book);
  const dir = mkdtempSync(join(tmpdir(), 'gn-docs-'));
  const png = async (
    sheet: string,
    setup: typeof A4_PORTRAIT,
    target: string,
    dpi: number,
    lastRow?: number,
    height?: number,
  ) => {
    const pdf = join(dir, 'page.pdf');
    if (!(await sheetPdf(book, sheet, pdf, setup, lastRow)))
      throw new Error('Cần LibreOffice (soffice) để vẽ hình.');
    const crop = height ? ['-x', '0', '-y', '0', '-W', '100000', '-H', String(height)] : [];
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      ...crop,
      '-singlefile',
      pdf,
      join(dir, 'page'),
    ]);
    renameSync(join(dir, 'page.png'), target);
    process.stdout.write(`Đã ghi ${target}\n`);
  };
  await png(SHEET.report, A4_PORTRAIT, 'docs/report-page1.png', 80);
  // The summary (21 columns: 150 dpi to stay legible) without the report's text below its error list.
  await png(
    SHEET.summary,
    A4_LANDSCAPE,
    'docs/summary.png',
    150,
    summaryLayout(DEFAULT_CONFIG).reportTitleRow - 1,
    760,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
