// Printing the offline workbook: "Báo cáo năm" as an A4 portrait PDF (report.pdf) and any tab as
// a PDF for pictures of the README, through headless LibreOffice.
//
// Apps Script has no page-setup API, so the emulator holds none: the print settings are put on
// the workbook description (tools/emulator/xlsx.ts) before it is written. Excel and LibreOffice
// do not grow a row to fit the wrapped text of a merged cell (Google Sheets does), so the heights
// of the report's rows are worked out here from the text and the Times New Roman (Liberation
// Serif) advance widths.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { SHEET } from '../src/sheets/layout';
import { BODY_ROW } from '../src/sheets/reportTab';
import {
  findSoffice,
  parseA1,
  writeWorkbook,
  type XlsxSheet,
  type XlsxWorkbook,
} from './emulator/xlsx';

const MARGINS = { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 };
/** A4 (paperSize 9) portrait, one page wide, margins 30/15/20/20 mm as for administrative documents. */
export const A4_PORTRAIT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: MARGINS,
};
export const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  ...A4_PORTRAIT,
  orientation: 'landscape',
  margins: { ...MARGINS, left: 0.5, right: 0.5 },
};

// Times-Roman advance widths (1/1000 em) of ASCII 32…126, from the standard AFM; Liberation
// Serif has the same metrics. Letters with Vietnamese marks take their base letter's width.
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
  556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
  722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
  278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/**
 * Width of `text` in points, in Times New Roman at `size` pt (bold about 6 % wider). Other fonts
 * (Arial, the Sheets default) are counted 12 % wider, a little more than they are.
 */
export function textWidth(text: string, size: number, bold = false, serif = true): number {
  let units = 0;
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch;
    const code = base.charCodeAt(0);
    units +=
      code >= 32 && code <= 126
        ? TIMES[code - 32]
        : base === '…' || base === '―' || base === '—'
          ? 1000
          : 500;
  }
  return (units / 1000) * size * (bold ? 1.06 : 1) * (serif ? 1 : 1.12);
}

/** Lines `text` takes when wrapped at spaces into `width` points (a word longer than a line breaks). */
export function wrappedLines(
  text: string,
  width: number,
  size: number,
  bold = false,
  serif = true,
): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const w = textWidth(word, size, bold, serif);
      const space = used > 0 ? textWidth(' ', size, bold, serif) : 0;
      if (used > 0 && used + space + w > width) {
        lines++;
        used = w;
      } else used += space + w;
      while (used > width) {
        lines++;
        used -= width;
      }
    }
  }
  return lines;
}

const DEFAULT_COLUMN_PX = 100;
const DEFAULT_ROW_PX = 21;

/**
 * Row heights (pixels) for the wrapped cells of a sheet, merged ones included: the tallest cell of
 * each row sets it. 8 pt are kept free on each line (LibreOffice then breaks the sample report
 * where this estimate does) and 6 px pad each row.
 */
function fitWrappedRows(sheet: XlsxSheet): void {
  const px = (c: number) => sheet.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  const merges = sheet.merges.map(parseA1);
  const needed = new Map<number, number>();
  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    const size = cell.style?.fontSize ?? 10;
    const merge = merges.find((m) => m.r1 === cell.row && m.c1 === cell.col);
    let widthPx = 0;
    for (let c = cell.col; c <= (merge ? merge.c2 : cell.col); c++) widthPx += px(c);
    const serif = /times/i.test(cell.style?.fontFamily ?? '');
    const lines = cell.style?.wrap
      ? wrappedLines(cell.value, widthPx * 0.75 - 3, size, cell.style?.bold, serif)
      : 1;
    const height = Math.ceil((lines * size * 1.17) / 0.75 + 6);
    needed.set(cell.row, Math.max(needed.get(cell.row) ?? DEFAULT_ROW_PX, height));
  }
  for (const [row, h] of needed) sheet.rowHeights[row] = h;
}

/**
 * A workbook holding only the tab `name` with the values its formulas show (what is printed),
 * rows after `lastRow` left out. Validations and names are dropped; colours (conditional formats) stay.
 */
export function valuesOnly(book: XlsxWorkbook, name: string, lastRow = Infinity): XlsxWorkbook {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`Không có trang "${name}" trong sổ.`);
  const keep = (r: number) => r <= lastRow;
  return {
    names: [],
    sheets: [
      {
        ...sheet,
        hidden: false,
        // Values only; the Sheets default font (Arial 10) spelt out, since an xlsx default is Calibri 11.
        cells: sheet.cells
          .filter((c) => keep(c.row))
          .map(({ formula: _formula, ...c }) => ({
            ...c,
            style: { fontFamily: 'Arial', fontSize: 10, ...c.style },
          })),
        merges: sheet.merges.filter((m) => keep(parseA1(m).r2)),
        validations: [],
        conditionalFormats: sheet.conditionalFormats.filter((f) =>
          f.ref.split(' ').every((r) => keep(parseA1(r).r1)),
        ),
        chartCount: 0,
      },
    ],
  };
}

/** A LibreOffice profile whose locale is Vietnamese, so numbers print as 1.234 and 85,3 %. */
const VIETNAMESE_LOCALE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
`;

/**
 * Converts an .xlsx to PDF with headless LibreOffice (a fresh Vietnamese-locale profile under
 * /tmp). Returns false when LibreOffice is not installed; throws when the conversion fails.
 */
export function libreOfficePdf(xlsxPath: string, pdfPath: string): boolean {
  // GN_SOFFICE=none behaves as if LibreOffice were missing (the tests check that path with it).
  const soffice = process.env.GN_SOFFICE === 'none' ? null : findSoffice();
  if (!soffice) return false;
  const dir = mkdtempSync(join(tmpdir(), 'gn-pdf-'));
  try {
    mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
    writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), VIETNAMESE_LOCALE);
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        xlsxPath,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const made = join(dir, basename(xlsxPath).replace(/\.xlsx$/i, '.pdf'));
    if (!existsSync(made)) throw new Error(`LibreOffice không chuyển được ${xlsxPath} sang PDF.`);
    copyFileSync(made, pdfPath);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Pixels of one xlsx width unit ("one character of the default font", Calibri 11) in the
 * LibreOffice of this machine: it measures the digit 0 of the font fontconfig puts in Calibri's
 * place. With Carlito (Calibri's metric twin) that is Excel's 7 px; with DejaVu Sans, the usual
 * fallback on Debian, about 9.3 px, and the page would shrink by a quarter to fit.
 */
export function libreOfficeCharPx(): number {
  const digitEm: Record<string, number> = {
    Carlito: 0.507,
    Calibri: 0.507,
    'DejaVu Sans': 0.636,
    'Liberation Sans': 0.556,
    Arimo: 0.556,
  };
  try {
    const family = execFileSync('fc-match', ['-f', '%{family[0]}', 'Calibri'], { stdio: 'pipe' })
      .toString()
      .trim();
    return Math.max(7, ((digitEm[family] ?? 0.507) * 11 * 96) / 72);
  } catch {
    return 7;
  }
}

/** Prints one tab of the workbook description to a PDF: values only, with `pageSetup`. */
export async function sheetPdf(
  book: XlsxWorkbook,
  name: string,
  pdfPath: string,
  pageSetup: Partial<ExcelJS.PageSetup>,
  lastRow = Infinity,
): Promise<boolean> {
  const one = valuesOnly(book, name, lastRow);
  const sheet = one.sheets[0];
  sheet.pageSetup = { ...pageSetup, ...sheet.pageSetup };
  // Column widths as LibreOffice will count them here, so the page prints at 100 %.
  const unit = libreOfficeCharPx();
  for (const c of Object.keys(sheet.columnWidths).map(Number))
    sheet.columnWidths[c] = Math.round((7 * sheet.columnWidths[c]) / unit + 5);
  const dir = mkdtempSync(join(tmpdir(), 'gn-print-'));
  try {
    const xlsx = join(dir, 'in.xlsx');
    await writeWorkbook(one, xlsx);
    return libreOfficePdf(xlsx, pdfPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The body of a report tab justified, as Decree 30/2020/NĐ-CP asks: the paragraphs merged across
 * the page from BODY_ROW down. Google Sheets has no justified alignment (src/sheets/reportTab.ts);
 * .xlsx has, and LibreOffice prints it.
 */
export function justifyBody(sheet: XlsxSheet): void {
  const merged = new Set(
    sheet.merges
      .map(parseA1)
      .filter((m) => m.r1 === m.r2 && m.c1 === 1 && m.c2 > 1 && m.r1 >= BODY_ROW)
      .map((m) => m.r1),
  );
  for (const cell of sheet.cells)
    if (cell.col === 1 && merged.has(cell.row))
      cell.style = { ...cell.style, horizontalAlignment: 'justify' };
}

/**
 * Print settings of the workbook's printable tabs: the reports (A4 portrait, body justified, rows
 * fitted), the summary and the annex (A4 landscape, rows as tall as their wrapped text).
 */
export function preparePrint(book: XlsxWorkbook): void {
  for (const name of [SHEET.report, SHEET.review]) {
    const report = book.sheets.find((s) => s.name === name);
    if (!report) continue;
    report.pageSetup = A4_PORTRAIT;
    justifyBody(report);
    fitWrappedRows(report);
  }
  for (const name of [SHEET.summary, SHEET.annex]) {
    const wide = book.sheets.find((s) => s.name === name);
    if (!wide) continue;
    wide.pageSetup = A4_LANDSCAPE;
    fitWrappedRows(wide);
  }
}
