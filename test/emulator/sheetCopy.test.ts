/**
 * Spreadsheet.insertSheet(name, index, {template}) and Sheet.getRangeList, as the product uses
 * them (docs/EMULATOR.md §9): the reference says "all data from the template sheet object is
 * copied to the new sheet"; a RangeList formats several ranges in one call. Values are worked
 * out by hand.
 */
import { createContext } from '../../tools/emulator/context';
import {
  FakeSpreadsheet,
  createSpreadsheetApp,
  type FakeConditionalFormatRuleBuilder,
  type FakeDataValidationBuilder,
} from '../../tools/emulator/spreadsheet';

function setup() {
  const ctx = createContext({ owner: 'owner@example.org' });
  const ss = new FakeSpreadsheet(ctx);
  const app = createSpreadsheetApp(ctx, ss, () => null) as {
    newDataValidation(): FakeDataValidationBuilder;
    newConditionalFormatRule(): FakeConditionalFormatRuleBuilder;
  };
  return { ctx, ss, app };
}

describe('insertSheet with a template', () => {
  test('the copy has the contents, formats, validations, merges, sizes and conditional formats, its formulas on its own cells', () => {
    const { ss, app } = setup();
    const t = ss.insertSheet('Mẫu');
    t.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      ['x', 'y'],
    ]);
    t.getRange('C1').setFormula('=SUM(A1:B2)');
    t.getRange('A1:B1').setNumberFormat('0.0').setFontWeight('bold');
    t.getRange('A4:B4').merge();
    t.setColumnWidth(2, 210);
    t.setFrozenRows(1);
    t.getRange('D1:D3').setDataValidation(
      app.newDataValidation().requireValueInList(['Có', 'Không'], true).build(),
    );
    t.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('x')
        .setBackground('#ff0000')
        .setRanges([t.getRange('A3:B3')])
        .build(),
    ]);
    ss.setNamedRange('TEN', t.getRange('A1:B2'));
    t.addDeveloperMetadata('gn.sheet', 'mẫu');

    const copy = ss.insertSheet('Bản sao', 0, { template: t });
    expect(ss.getSheets()[0].getName()).toBe('Bản sao');
    expect(copy.getRange('A1:C3').getValues()).toEqual([
      [1, 2, 10],
      [3, 4, ''],
      ['x', 'y', ''],
    ]);
    expect(copy.getRange('C1').getFormula()).toBe('=SUM(A1:B2)');
    copy.getRange('A1').setValue(11); // the copy's formula reads the copy
    expect([copy.getRange('C1').getValue(), t.getRange('C1').getValue()]).toEqual([20, 10]);
    expect(copy.getRange('A1').getNumberFormat()).toBe('0.0');
    expect(copy.getRange('B1').getFontWeight()).toBe('bold');
    expect(copy.getRange('A4:B4').isPartOfMerge()).toBe(true);
    expect(copy.getColumnWidth(2)).toBe(210);
    expect(copy.getFrozenRows()).toBe(1);
    expect(copy.getRange('D2').getDataValidation()?.getCriteriaValues()).toEqual([
      ['Có', 'Không'],
      true,
    ]);
    const rules = copy.getConditionalFormatRules();
    expect(
      rules.map((r) => r.getRanges().map((g) => [g.getSheet().getName(), g.getA1Notation()])),
    ).toEqual([[['Bản sao', 'A3:B3']]]);
    // What belongs to the spreadsheet stays with the template: named ranges and metadata.
    expect(ss.getRangeByName('TEN')!.getSheet().getName()).toBe('Mẫu');
    expect(copy.getDeveloperMetadata()).toEqual([]);
  });

  test('deleting rows of the copy shrinks its formulas and merges, not the template', () => {
    const { ss } = setup();
    const t = ss.insertSheet('Mẫu');
    t.getRange('A1:A5').setValues([[1], [2], [3], [4], [5]]);
    t.getRange('A6').setFormula('=SUM(A1:A5)');
    t.getRange('B6:C6').merge();
    const copy = ss.insertSheet('Bản sao', 1, { template: t });
    copy.deleteRows(4, 2);
    expect(copy.getRange('A4').getFormula()).toBe('=SUM(A1:A3)');
    expect(copy.getRange('A4').getValue()).toBe(6);
    expect(copy.getRange('B4:C4').isPartOfMerge()).toBe(true);
    expect(t.getRange('A6').getValue()).toBe(15);
  });

  test('a template that is not a sheet of this spreadsheet is refused', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('X', 0, { template: 'Mẫu' })).toThrow();
  });
});

describe('Sheet.getRangeList', () => {
  test('one call formats every range; the call is counted once', () => {
    const { ctx, ss } = setup();
    const sheet = ss.insertSheet('T');
    ctx.counter.reset();
    sheet.getRangeList(['A1', 'B2:C3']).setFontWeight('bold').setNumberFormat('0%');
    expect(ctx.counter.snapshot()).toEqual({
      'Sheet.getRangeList': 1,
      'RangeList.setFontWeight': 1,
      'RangeList.setNumberFormat': 1,
    });
    expect(sheet.getRange('C3').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
  });

  test('an empty list is refused', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('T').getRangeList([])).toThrow();
  });
});
