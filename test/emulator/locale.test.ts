import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../../tools/emulator';
import type {
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
} from '../../tools/emulator/spreadsheet';
import { readWorkbook, workbookOf } from '../../tools/emulator/xlsx';

const NOW = new Date('2025-11-20T02:00:00Z');

/** The SpreadsheetApp builders this file uses. */
interface RuleApp {
  newDataValidation(): FakeDataValidationBuilder;
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder;
}

function sheetOf(opts: EmulatorOptions) {
  const emu = new Emulator({ now: NOW, ...opts });
  const ss = emu.spreadsheet;
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:A2').setValues([[2], [3]]);
  return { emu, ss, sheet };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('formulas in a decimal-comma locale (vi_VN, localeFormulas)', () => {
  const vi = () => sheetOf({ locale: 'vi_VN', localeFormulas: true });

  test("';' separates arguments; the formula reads back with ';'", () => {
    const { sheet } = vi();
    sheet.getRange('B1').setFormula('=SUM(A1;A2)');
    expect(sheet.getRange('B1').getValue()).toBe(5);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1;A2)');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('5');
  });

  test("',' between arguments is a parse error: #ERROR! in values and display values, formula kept as written", () => {
    const { sheet } = vi();
    sheet.getRange('B1').setFormula('=SUM(A1,A2)');
    sheet.getRange('B2').setValue('=IF(A1>1,"có","không")');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['#ERROR!'], ['#ERROR!']]);
    expect(sheet.getRange('B1:B2').getDisplayValues()).toEqual([['#ERROR!'], ['#ERROR!']]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([
      ['=SUM(A1,A2)'],
      ['=IF(A1>1,"có","không")'],
    ]);
  });

  test("decimal literals use ',': '0,5' is one half, '1,5;2' two arguments, '0.5' does not parse", () => {
    const { sheet } = vi();
    sheet.getRange('B1:B3').setFormulas([['=A1*0,5'], ['=SUM(1,5;2)'], ['=A1*0.5']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[1], [3.5], ['#ERROR!']]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=A1*0,5'], ['=SUM(1,5;2)']]);
  });

  test("commas and semicolons inside strings and quoted sheet names are left alone; arrays use '\\' and ';'", () => {
    const { ss, sheet } = vi();
    ss.insertSheet('Cấu hình, năm; 2025').getRange('A1').setValue(7);
    sheet.getRange('C1').setFormula('=A1&",;"');
    sheet.getRange('C2').setFormula("='Cấu hình, năm; 2025'!A1+1");
    sheet.getRange('D1').setFormula('=SUM({1\\2;3\\4})');
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['2,;'], [8]]);
    expect(sheet.getRange('D1').getValue()).toBe(10);
    expect(sheet.getRange('D1').getFormula()).toBe('=SUM({1\\2;3\\4})');
  });

  test('a formula referring to a cell with a parse error shows the error too', () => {
    const { sheet } = vi();
    sheet.getRange('B1').setFormula('=SUM(A1,A2)');
    sheet.getRange('B2').setFormula('=B1+1');
    expect(sheet.getRange('B2').getValue()).toBe('#ERROR!');
  });

  test('setSpreadsheetLocale: later formulas parse in the new locale; existing ones keep their meaning and read back in its form', () => {
    const { ss, sheet } = vi();
    sheet.getRange('B1').setFormula('=IF(A1>1;0,5;1,25)');
    sheet.getRange('B2').setFormula('=SUM(A1,A2)'); // did not parse in vi_VN
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    expect(sheet.getRange('B1').getFormula()).toBe('=IF(A1>1,0.5,1.25)');
    expect(sheet.getRange('B1').getValue()).toBe(0.5);
    expect(sheet.getRange('B2').getFormula()).toBe('=SUM(A1,A2)');
    expect(sheet.getRange('B2').getValue()).toBe('#ERROR!');
    sheet.getRange('B3').setFormula('=SUM(A1,A2)');
    expect(sheet.getRange('B3').getValue()).toBe(5);
    ss.setSpreadsheetLocale('de_DE');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
      ['=IF(A1>1;0,5;1,25)'],
      ['=SUM(A1,A2)'],
      ['=SUM(A1;A2)'],
    ]);
  });

  test('setSpreadsheetLocale and setSpreadsheetTimeZone check their argument types and zones', () => {
    const { ss } = vi();
    expect(thrown(() => ss.setSpreadsheetLocale(5)).message).toBe(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.setSpreadsheetLocale.",
    );
    expect(thrown(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).message).toBe(
      'Invalid argument: timeZone',
    );
    ss.setSpreadsheetTimeZone('Asia/Bangkok');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Bangkok');
  });

  test('data-validation and conditional-format custom formulas follow the locale: a "," formula is refused', () => {
    const emu = new Emulator({ now: NOW, locale: 'vi_VN', localeFormulas: true });
    const app = emu.globals().SpreadsheetApp as unknown as RuleApp;
    const s = emu.spreadsheet.getSheets()[0];
    const ok = app
      .newDataValidation()
      .requireFormulaSatisfied('=AND(ISNUMBER(A1);A1>=0,5)')
      .build();
    const bad = app
      .newDataValidation()
      .requireFormulaSatisfied('=AND(ISNUMBER(A1),A1>=0.5)')
      .build();
    s.getRange('B1').setDataValidation(ok);
    expect(s.getRange('B1').getDataValidation()?.getCriteriaValues()).toEqual([
      '=AND(ISNUMBER(A1);A1>=0,5)',
    ]);
    expect(thrown(() => s.getRange('B2').setDataValidation(bad)).message).toBe(
      'Invalid ConditionValue.userEnteredValue: =AND(ISNUMBER(A1),A1>=0.5)',
    );
    expect(s.getRange('B2').getDataValidation()).toBeNull();
    const range = s.getRange('C1:C9');
    const rule = (formula: string) =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground('#fce8e6')
        .setRanges([range])
        .build();
    const cfOk = rule('=AND($C1<>"";$C1<0,5)');
    const cfBad = rule('=AND($C1<>"",$C1<0.5)');
    expect(thrown(() => s.setConditionalFormatRules([cfOk, cfBad])).message).toBe(
      'Invalid ConditionValue.userEnteredValue: =AND($C1<>"",$C1<0.5)',
    );
    expect(s.getConditionalFormatRules()).toEqual([]);
    s.setConditionalFormatRules([cfOk]);
    emu.spreadsheet.setSpreadsheetLocale('en_US');
    expect(s.getConditionalFormatRules()[0].getBooleanCondition()?.getCriteriaValues()).toEqual([
      '=AND($C1<>"",$C1<0.5)',
    ]);
    expect(s.getRange('B1').getDataValidation()?.getCriteriaValues()).toEqual([
      '=AND(ISNUMBER(A1),A1>=0.5)',
    ]);
  });
});

describe('formulas in en_US', () => {
  test("both ',' and ';' separate arguments; ';' is stored as ','", () => {
    const { sheet } = sheetOf({ locale: 'en_US', localeFormulas: true });
    sheet.getRange('B1:B2').setFormulas([['=SUM(A1;A2)'], ['=SUM(A1,A2)*0.5']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[5], [2.5]]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=SUM(A1,A2)'], ['=SUM(A1,A2)*0.5']]);
    sheet.getRange('C1').setFormula('={1,2;3,4}');
    expect(sheet.getRange('C1:D2').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test('without localeFormulas (the default) every locale reads formulas as en_US does', () => {
    const { emu, sheet } = sheetOf({});
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe('vi_VN');
    sheet.getRange('B1:B2').setFormulas([['=SUM(A1,A2)'], ['=SUM(A1;A2)']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[5], [5]]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=SUM(A1,A2)'], ['=SUM(A1,A2)']]);
    // Display values still follow the locale.
    sheet.getRange('C1').setFormula('=A1/4');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('0,5');
  });
});

describe('.xlsx keeps the file format canonical form whatever the locale', () => {
  test('export writes "," and "." ; loading shows the locale form again', async () => {
    const { emu, sheet } = sheetOf({ locale: 'vi_VN', localeFormulas: true });
    sheet.getRange('B1').setFormula('=IF(A1>1;0,5;1)');
    sheet.getRange('B2').setFormula('=SUM(A1,A2)'); // #ERROR!: no canonical form
    const app = emu.globals().SpreadsheetApp as unknown as RuleApp;
    sheet
      .getRange('C1:C5')
      .setDataValidation(
        app.newDataValidation().requireFormulaSatisfied('=AND(ISNUMBER(C1);C1>=0,5)').build(),
      );
    const path = join(mkdtempSync(join(tmpdir(), 'emu-locale-')), 'book.xlsx');
    await emu.saveXlsx(path);
    const book = await readWorkbook(path);
    const cells = book.sheets[0].cells;
    expect(cells.find((c) => c.row === 1 && c.col === 2)).toMatchObject({
      formula: 'IF(A1>1,0.5,1)',
      value: 0.5,
    });
    expect(cells.find((c) => c.row === 2 && c.col === 2)).toMatchObject({
      value: { error: '#ERROR!' },
    });
    expect(cells.find((c) => c.row === 2 && c.col === 2)?.formula).toBeUndefined();
    expect(workbookOf(emu).sheets[0].validations).toEqual([
      {
        range: 'C1:C5',
        rule: expect.objectContaining({ type: 'custom', formulae: ['AND(ISNUMBER(C1),C1>=0.5)'] }),
      },
    ]);
    const back = await Emulator.loadXlsx(path, { locale: 'vi_VN', localeFormulas: true });
    const loaded = back.spreadsheet.getSheets()[0];
    expect(loaded.getRange('B1').getFormula()).toBe('=IF(A1>1;0,5;1)');
    expect(loaded.getRange('B1').getValue()).toBe(0.5);
  });
});
