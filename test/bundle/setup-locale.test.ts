// Issue 13.1: formulas in the spreadsheet's locale. Setup sets the locale and time zone that
// Cấu hình gives ("Định dạng vùng", "Múi giờ") and writes every formula with `;` between
// arguments and no decimal literal, which vi_VN and en_US both parse; a formula with `,` between
// arguments is #ERROR! in vi_VN. The demo workbook computes the same values in both locales.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SHEET } from '../../src/sheets/layout';
import { sheetFormula } from '../../src/sheets/formulaText';
import { buildDemoWorkbook } from '../../tools/demo/demoWorkbook';
import type { Workbook as DriverWorkbook } from '../../tools/workbookDriver';
import { newWorkbook, tabCells, type, valuesOf } from './setupFixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every tab's values, as the script reads them (locale-independent), by tab name. */
function allValues(wb: DriverWorkbook): Map<string, unknown[][]> {
  const ss = wb.emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return wb.emu.asOwner(
    () => new Map(ss.getSheets().map((s: Sheet) => [s.getName(), s.getDataRange().getValues()])),
  );
}

test('the demo workbook gives the same values in vi_VN and en_US, without one error cell', () => {
  const vi = allValues(buildDemoWorkbook(undefined, { locale: 'vi_VN' }));
  const en = allValues(buildDemoWorkbook(undefined, { locale: 'en_US' }));
  expect([...vi.keys()]).toEqual([...en.keys()]);
  const errors: string[] = [];
  for (const [tab, values] of vi) {
    expect({ tab, values: en.get(tab) }).toEqual({ tab, values });
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && /^#(ERROR!|REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!)/.test(v))
          errors.push(`${tab}!R${r + 1}C${c + 1} ${v}`);
      }),
    );
  }
  expect(errors).toEqual([]);
}, 300_000);

describe('the locale of a spreadsheet', () => {
  test('setup sets the locale and the time zone of Cấu hình', () => {
    const w = newWorkbook({ locale: 'en_US' });
    w.peek(() => w.ss.setSpreadsheetTimeZone('America/New_York'));
    w.setup();
    expect(w.peek(() => [w.ss.getSpreadsheetLocale(), w.ss.getSpreadsheetTimeZone()])).toEqual([
      'vi_VN',
      'Asia/Ho_Chi_Minh',
    ]);
    // Formulas read back in vi_VN syntax and compute.
    const s = w.sheet('Huyện Gia Lộc');
    const G = tabCells(18);
    expect(w.peek(() => s.getRange(G.at(2022, 'households', 25)).getFormula())).toBe(
      '=SUMIF($U$6:$U$24;1;$J$6:$J$24)',
    );
  });

  test('a formula with `,` between arguments is #ERROR! in vi_VN; the same with `;` computes', () => {
    const w = newWorkbook();
    w.setup();
    const s = w.sheet('Huyện Gia Lộc');
    const previous = '=IF(COUNT($E$6:$E$23)=0,"",SUM($E$6:$E$23))'; // as the last release wrote
    w.peek(() => s.getRange('CA1:CA2').setFormulas([[previous], [sheetFormula(previous)]]));
    expect(valuesOf(w, s, 'CA1:CA2')).toEqual([['#ERROR!'], ['']]);
  });

  test('another locale on Cấu hình: setup switches to it and rewrites no formula', () => {
    const w = newWorkbook();
    w.setup();
    const cfg = w.sheet(SHEET.config);
    const rows = valuesOf(w, cfg, 'A1:A30').map((r) => r[0]);
    const localeRow = rows.indexOf('Định dạng vùng (locale)') + 1;
    expect(valuesOf(w, cfg, `B${localeRow}`)).toEqual([['vi_VN']]);
    const s = w.sheet('Huyện Gia Lộc');
    type(w, s, 'E6:G6', [[1000, 100, 60]]);
    const before = valuesOf(w, s, 'A1:BF30');
    type(w, cfg, `B${localeRow}`, [['en_US']]);
    w.emu.calls.reset();
    w.setup();
    expect(w.peek(() => w.ss.getSpreadsheetLocale())).toBe('en_US');
    expect(w.emu.calls.get('Range.setFormulas')).toBe(0);
    expect(valuesOf(w, s, 'A1:BF30')).toEqual(before);
    expect(w.peek(() => s.getRange('H6').getFormula())).toBe('=IF(I6<>1,"",IF(E6=0,"",F6/E6))');
  });

  test('a Cấu hình of an earlier release, without the locale row: vi_VN applies', () => {
    const w = newWorkbook({ locale: 'en_US' });
    w.setup();
    const cfg = w.sheet(SHEET.config);
    const rows = valuesOf(w, cfg, 'A1:A30').map((r) => r[0]);
    const localeRow = rows.indexOf('Định dạng vùng (locale)') + 1;
    w.peek(() => cfg.deleteRow(localeRow));
    w.peek(() => w.ss.setSpreadsheetLocale('en_US'));
    const alert = w.setup();
    expect(alert.message).not.toContain('có lỗi');
    expect(w.peek(() => w.ss.getSpreadsheetLocale())).toBe('vi_VN');
    expect(DEFAULT_CONFIG.locale).toBe('vi_VN');
  });
});
