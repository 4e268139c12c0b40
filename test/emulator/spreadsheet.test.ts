/**
 * Spreadsheet model of the emulator: strictness cases cite SHEETS-FACTS.md (§n) or the Apps
 * Script reference. Values asserted here are worked out by hand.
 */
import { createContext, type EmulatorContext } from '../../tools/emulator/context';
import {
  FakeSpreadsheet,
  createSpreadsheetApp,
  type FakeDataValidationBuilder,
} from '../../tools/emulator/spreadsheet';

function setup(init: Parameters<typeof createContext>[0] = {}): {
  ctx: EmulatorContext;
  ss: FakeSpreadsheet;
} {
  const ctx = createContext({ owner: 'owner@example.org', ...init });
  return { ctx, ss: new FakeSpreadsheet(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an exception');
}

describe('setValues shape (SHEETS-FACTS §1)', () => {
  test('row count mismatch throws the exact message, rows checked before columns', () => {
    const { ss } = setup();
    const range = ss.getActiveSheet().getRange(1, 1, 3, 2);
    const e = thrown(() => range.setValues([[1, 2, 3]]));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  test('column mismatch and a ragged row report the offending row length', () => {
    const { ss } = setup();
    const range = ss.getActiveSheet().getRange('A1:D2');
    expect(
      thrown(() =>
        range.setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      ).message,
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(
      thrown(() =>
        range.setValues([
          [1, 2, 3, 4],
          [1, 2],
        ]),
      ).message,
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 4.',
    );
    // Nothing was written by the failed calls.
    expect(range.getValues()).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
  });

  test('getRange argument checks (§1)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(thrown(() => sheet.getRange(1, 1, 0, 1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(1, 1, 1, 0)).message).toBe(
      'The number of columns in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe(
      'The starting row of the range is too small.',
    );
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe(
      'The starting column of the range is too small.',
    );
    expect(thrown(() => sheet.getRange(1000, 1, 2, 1)).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange('B')).message).toBe('Range not found');
    expect(sheet.getRange('C5:B2').getA1Notation()).toBe('B2:C5');
    expect(sheet.getRange('5:7').getA1Notation()).toBe('5:7');
    expect(sheet.getRange('D:F').getNumRows()).toBe(1000);
  });

  test('more than 50,000 characters in a cell throws (§1)', () => {
    const { ss } = setup();
    expect(
      thrown(() => ss.getActiveSheet().getRange('A1').setValue('x'.repeat(50_001))).message,
    ).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
  });
});

describe('values and formulas (SHEETS-FACTS §1)', () => {
  test('a formula written with setFormulas is computed and getValues returns the result', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:B2').setValues([
      [2, 3],
      [4, 5],
    ]);
    sheet.getRange('C1:C2').setFormulas([['=A1*B1'], ['=SUM(A1:B2)']]);
    expect(sheet.getRange('C1:C2').getValues()).toEqual([[6], [14]]);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1*B1');
    sheet.getRange('D1:D2').setFormulas([['=A1'], ['']]);
    expect(sheet.getRange('D2').getValue()).toBe('');
    expect(sheet.getRange('D2').getFormula()).toBe('');
  });

  test('a string starting with "=" becomes a formula; "\'=..." stays text', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:C1').setValues([[10, '=A1+1', "'=A1"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[10, 11, '=A1']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1+1', '']]);
    sheet.getRange('D1').setValue("'123");
    expect(sheet.getRange('D1').getValue()).toBe('123');
  });

  test('strings are parsed as if typed in vi_VN; null writes empty', () => {
    const { ss } = setup({ locale: 'vi_VN' });
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:F1').setValues([['TRUE', '12', '1.234', '12,5', 'abc', null]]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[true, 12, 1234, 12.5, 'abc', '']]);
    sheet.getRange('A2').setValue('15/01/2024');
    const d = sheet.getRange('A2').getValue() as Date;
    // 15/01/2024 00:00 in Asia/Ho_Chi_Minh (UTC+7).
    expect(d.toISOString()).toBe('2024-01-14T17:00:00.000Z');
  });

  test('en_US parses "1,234" as a number', () => {
    const { ss } = setup({ locale: 'en_US' });
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:B1').setValues([['1,234', '12.5']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1234, 12.5]]);
  });

  test('a written Date is read back as the same instant (§12)', () => {
    const { ss } = setup();
    const when = new Date('2024-03-10T02:15:00Z');
    const cell = ss.getActiveSheet().getRange('A1').setValue(when);
    expect((cell.getValue() as Date).getTime()).toBe(when.getTime());
    expect(cell.getDisplayValue()).toBe('10/03/2024 09:15:00');
  });

  test('error cells read as their error string (§1)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:C1').setFormulas([['=1/0', '=NOSUCHFN(1)', '=NA()']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#DIV/0!', '#NAME?', '#N/A']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#DIV/0!');
  });

  test('setFormula on a block fills it with relative references (Apps Script reference)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  test('getLastRow/getDataRange follow content; empty sheet is A1 (§2)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C7').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    sheet.getRange('C7').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('display values in vi_VN (SHEETS-FACTS §1)', () => {
  test('number formats use "." for thousands and "," for decimals', () => {
    const { ss } = setup({ locale: 'vi_VN' });
    const sheet = ss.getActiveSheet();
    const r = sheet.getRange('A1:H1');
    r.setValues([[1234, 0.853, 0.853, 12.5, 1234567.891, 0.5, true, 'văn bản']]);
    r.setNumberFormats([['#,##0', '0.0%', '0.0 %', '0.0', '#,##0.00', '0%', '0', '@']]);
    expect(r.getDisplayValues()).toEqual([
      ['1.234', '85,3%', '85,3 %', '12,5', '1.234.567,89', '50%', 'TRUE', 'văn bản'],
    ]);
    sheet.getRange('A2').setValue(12.5);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('12,5');
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.###############');
  });

  test('date formats', () => {
    const { ss } = setup({ locale: 'vi_VN' });
    const cell = ss.getActiveSheet().getRange('A1');
    cell.setValue(new Date('2024-02-05T01:07:00Z'));
    cell.setNumberFormat('dd/MM/yyyy');
    expect(cell.getDisplayValue()).toBe('05/02/2024');
    cell.setNumberFormat('dd/MM/yyyy HH:mm');
    expect(cell.getDisplayValue()).toBe('05/02/2024 08:07');
    cell.setNumberFormat('HH:mm');
    expect(cell.getDisplayValue()).toBe('08:07');
  });
});

describe('sheets (SHEETS-FACTS §2)', () => {
  test('insertSheet with an existing name throws the exact message; setName too', () => {
    const { ss } = setup();
    const a = ss.insertSheet('Tổng hợp');
    expect(ss.getActiveSheet().getName()).toBe('Tổng hợp');
    const e = thrown(() => ss.insertSheet('Tổng hợp'));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(
      'A sheet with the name "Tổng hợp" already exists. Please enter another name.',
    );
    const b = ss.insertSheet('Khác');
    expect(thrown(() => b.setName('Tổng hợp')).message).toBe(
      'A sheet with the name "Tổng hợp" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Không có')).toBeNull();
    expect(ss.getSheetByName('Tổng hợp')).toBe(a);
    expect([a.getMaxRows(), a.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('deleteRows bounds and frozen-row messages', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(thrown(() => sheet.deleteRows(999, 5)).message).toBe('Those rows are out of bounds.');
    expect(thrown(() => sheet.deleteRows(1, 1000)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(thrown(() => sheet.setFrozenRows(1000)).message).toBe(
      "You can't freeze all visible rows on the sheet.",
    );
  });

  test('growing past 10,000,000 cells throws (§2)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(thrown(() => sheet.insertRowsAfter(1000, 400_000)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('named ranges and cross-sheet formulas (SHEETS-FACTS §3)', () => {
  test('a named range on a Vietnamese-named sheet works in formulas and survives a rename', () => {
    const { ss } = setup();
    const config = ss.insertSheet('Cấu hình');
    config.getRange('B3').setValue(0.8);
    ss.setNamedRange('MUC_TIEU_NGHEO', config.getRange('B3'));
    const unit = ss.insertSheet('Xã Hòa Bình');
    unit.getRange('F5:F7').setValues([[0.85], [0.5], ['']]);
    unit.getRange('G5:G7').setFormula('=IF(AND(F5<>"",F5>=MUC_TIEU_NGHEO),"Đạt","Chưa đạt")');
    unit.getRange('H5').setFormula("='Cấu hình'!$B$3*100");
    expect(unit.getRange('G5:G7').getValues()).toEqual([['Đạt'], ['Chưa đạt'], ['Chưa đạt']]);
    expect(unit.getRange('H5').getValue()).toBe(80);
    config.setName('Cấu hình chung');
    config.getRange('B3').setValue(0.4);
    expect(unit.getRange('G5:G6').getValues()).toEqual([['Đạt'], ['Đạt']]);
    expect(unit.getRange('H5').getFormula()).toBe("='Cấu hình chung'!$B$3*100");
    expect(ss.getRangeByName('MUC_TIEU_NGHEO')?.getA1Notation()).toBe('B3');
    expect(ss.getRangeByName('Cấu hình chung!MUC_TIEU_NGHEO')?.getSheet().getName()).toBe(
      'Cấu hình chung',
    );
    expect(ss.getRangeByName('KHONG_CO')).toBeNull();
  });

  test('invalid names are refused; removeNamedRange of an absent name throws', () => {
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange('A1');
    for (const bad of ['1abc', 'TRUE', 'A1', 'R1C1', 'có dấu', 'a b'])
      expect(() => ss.setNamedRange(bad, r)).toThrow();
    expect(() => ss.removeNamedRange('NOPE')).toThrow();
  });
});

describe('rows and columns keep formulas, metadata and names right', () => {
  test('insert/delete rows (SHEETS-FACTS §3)', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.getRange('3:3').addDeveloperMetadata('unit', 'xa-3');
    sheet.getRange('2:2').addDeveloperMetadata('unit', 'xa-2');
    ss.setNamedRange('TOTAL', sheet.getRange('B1'));
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('B3').getFormula()).toBe('=SUM(A3:A5)');
    expect(sheet.getRange('B3').getValue()).toBe(6);
    expect(ss.getRangeByName('TOTAL')?.getA1Notation()).toBe('B3');
    const found = ss.createDeveloperMetadataFinder().withKey('unit').withValue('xa-3').find();
    expect(found).toHaveLength(1);
    expect(found[0].getLocation().getRow()?.getRow()).toBe(5);
    sheet.deleteRow(4); // the row that held '2' and its metadata
    expect(sheet.getRange('B3').getValue()).toBe(4);
    expect(sheet.getRange('B3').getFormula()).toBe('=SUM(A3:A4)');
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withKey('unit')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['xa-3']);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withValue('xa-3')
        .find()[0]
        .getLocation()
        .getRow()
        ?.getA1Notation(),
    ).toBe('4:4');
  });

  test('columns shift formats and validations', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('B1').setValue(5).setNumberFormat('0.00').setBackground('#ff0000');
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('5,00');
    expect(sheet.getRange('C1').getBackground()).toBe('#ff0000');
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });
});

describe('protection (SHEETS-FACTS §4)', () => {
  const PROTECTED =
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

  function protectedSetup() {
    const { ctx, ss } = setup({ fileEditors: new Set(['chair@example.org', 'unit@example.org']) });
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    const protection = sheet.getRange('A1:B2').protect().setDescription('Tổng hợp');
    protection.addEditor('chair@example.org');
    protection.removeEditors(
      protection.getEditors().filter((u) => u.getEmail() !== 'chair@example.org'),
    );
    return { ctx, ss, sheet, protection };
  }

  test('a user who is not an editor cannot write, and nothing changes', () => {
    const { ctx, sheet } = protectedSetup();
    ctx.user = 'unit@example.org';
    const e = thrown(() => sheet.getRange('A1:C1').setValues([[9, 9, 9]]));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(PROTECTED);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1, 2, '']]);
    expect(() => sheet.getRange('B2').clearContent()).toThrow(PROTECTED);
    expect(() => sheet.deleteRow(2)).toThrow(PROTECTED);
    expect(() => sheet.insertRowAfter(1)).toThrow(PROTECTED);
    sheet.getRange('C1').setValue('ok'); // outside the protection
    ctx.user = '';
    expect(() => sheet.getRange('A1').setValue(0)).toThrow(PROTECTED);
  });

  test('an editor and the owner can write', () => {
    const { ctx, sheet, protection } = protectedSetup();
    ctx.user = 'chair@example.org';
    sheet.getRange('A1').setValue(10);
    expect(protection.canEdit()).toBe(true);
    ctx.user = 'owner@example.org';
    sheet.getRange('B1').setValue(20);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[10, 20]]);
    ctx.user = 'unit@example.org';
    expect(protection.canEdit()).toBe(false);
    expect(() => protection.getEditors()).toThrow();
  });

  test('a new protection mirrors the file; getEditors excludes the owner', () => {
    const { ctx, ss } = setup();
    const p = ss.getActiveSheet().getRange('A1').protect();
    expect(p.getEditors()).toHaveLength(0);
    expect(p.getDescription()).toBe('');
    ctx.user = 'stranger@example.org';
    expect(p.canEdit()).toBe(false);
    ctx.fileEditors.add('stranger@example.org');
    expect(p.canEdit()).toBe(true);
  });

  test('removeEditors never removes the owner or the current user; warning-only allows everyone', () => {
    const { ctx, ss } = setup({ fileEditors: new Set(['a@example.org']) });
    ctx.user = 'a@example.org';
    const p = ss.getActiveSheet().getRange('A1').protect();
    p.removeEditors(['a@example.org', 'owner@example.org']);
    expect(p.canEdit()).toBe(true);
    p.setWarningOnly(true);
    ctx.user = 'b@example.org';
    ss.getActiveSheet().getRange('A1').setValue(1);
  });

  test('sheet protection: protect() returns the existing one, unprotected ranges stay editable', () => {
    const { ctx, ss } = setup({ fileEditors: new Set(['unit@example.org']) });
    const sheet = ss.getActiveSheet();
    const p = sheet.protect();
    expect(sheet.protect()).toBe(p);
    p.removeEditors(p.getEditors());
    p.setUnprotectedRanges([sheet.getRange('C2:C10')]);
    expect(() => ss.getActiveSheet().getRange('A1').protect().setUnprotectedRanges([])).toThrow();
    ctx.user = 'unit@example.org';
    sheet.getRange('C3:C4').setValues([[1], [2]]);
    expect(() => sheet.getRange('C10:C11').setValues([[1], [2]])).toThrow(PROTECTED);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
  });
});

describe('data validation (SHEETS-FACTS §5)', () => {
  test('builder defaults, criteria and no requireWholeNumber', () => {
    const { ctx, ss } = setup();
    const app = createSpreadsheetApp(ctx, ss, () => null) as {
      newDataValidation(): FakeDataValidationBuilder;
    };
    const builder = app.newDataValidation();
    // Apps Script has no requireWholeNumber: calling it is a TypeError.
    expect(() =>
      (builder as unknown as { requireWholeNumber(): unknown }).requireWholeNumber(),
    ).toThrow(TypeError);
    const rule = builder.requireNumberBetween(0, 100).build();
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBeNull();
    expect(rule.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(rule.getCriteriaValues()).toEqual([0, 100]);
    const list = app
      .newDataValidation()
      .requireValueInList(['Có', 'Không'], true)
      .setAllowInvalid(false)
      .setHelpText('Chọn')
      .build();
    expect(list.getCriteriaValues()).toEqual([['Có', 'Không'], true]);
    expect(list.getAllowInvalid()).toBe(false);
    // §0 signature message.
    expect(thrown(() => app.newDataValidation().requireDate('x' as never)).message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.",
    );
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:A3').setDataValidation(list);
    expect(sheet.getRange('A2').getDataValidation()).toBe(list);
    // Script writes are not checked against validation.
    sheet.getRange('A2').setValue('Khác');
    expect(sheet.getRange('A2').getValue()).toBe('Khác');
    expect(sheet.internal.validations()).toEqual([
      { rect: { r1: 1, c1: 1, r2: 3, c2: 1 }, rule: list },
    ]);
    sheet.getRange('A1:A3').setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });
});

describe('developer metadata (SHEETS-FACTS §3)', () => {
  test('a single cell throws the exact message; whole rows and columns work', () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    const e = thrown(() => sheet.getRange('B2').addDeveloperMetadata('k', 'v'));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
    sheet.getRange('D:D').addDeveloperMetadata('col', 'tỷ lệ');
    sheet.addDeveloperMetadata('kind', 'unit');
    ss.addDeveloperMetadata('schema', '1');
    const col = sheet.getRange('D:D').getDeveloperMetadata();
    expect(col.map((m) => [m.getKey(), m.getValue(), m.getLocation().getLocationType()])).toEqual([
      ['col', 'tỷ lệ', 'COLUMN'],
    ]);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['schema']);
    expect(sheet.getDeveloperMetadata()[0].getVisibility()).toBe('DOCUMENT');
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withLocationType('SHEET')
        .find()[0]
        .getLocation()
        .getSheet(),
    ).toBe(sheet);
    const id = col[0].getId();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()).toHaveLength(1);
    col[0].remove();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()).toHaveLength(0);
  });
});

describe('conditional formats and charts (SHEETS-FACTS §5)', () => {
  test('rules are replaced; charts are records', () => {
    const { ctx, ss } = setup();
    const app = createSpreadsheetApp(ctx, ss, () => null) as {
      newConditionalFormatRule(): import('../../tools/emulator/spreadsheet').FakeConditionalFormatRuleBuilder;
    };
    const sheet = ss.getActiveSheet();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$F5>=0.8')
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A5:H20')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.setConditionalFormatRules([rule, rule]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    expect(rule.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$F5>=0.8']);
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B5'))
      .setChartType('COLUMN')
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Tỷ lệ')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getOptions().get('title')).toBe('Tỷ lệ');
    expect(inserted.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(inserted.modify().setOption('title', 'Mới').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Mới');
    const bar = sheet.newChart().asBarChart().setTitle('x');
    expect((bar as unknown as { setXAxisRange?: unknown }).setXAxisRange).toBeUndefined();
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('call counting', () => {
  test('each public call counts once, internal helpers do not', () => {
    const { ctx, ss } = setup();
    const app = createSpreadsheetApp(ctx, ss, () => 'ui') as {
      getActiveSpreadsheet(): FakeSpreadsheet;
      getUi(): unknown;
    };
    ss.getActiveSheet().insertColumnsAfter(26, 34);
    ctx.counter.reset();
    const active = app.getActiveSpreadsheet();
    const sheet = active.getSheetByName(ss.getSheets()[0].getName());
    sheet
      ?.getRange(1, 1, 200, 60)
      .setValues(
        Array.from({ length: 200 }, (_, i) => Array.from({ length: 60 }, (_, j) => i * 60 + j)),
      );
    sheet?.getRange('A1:BH200').getValues();
    sheet?.getRange('A1').getValue();
    expect(app.getUi()).toBe('ui');
    expect(ctx.counter.snapshot()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Spreadsheet.getSheetByName': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.getValue': 1,
    });
    ss.internal.withoutCounting(() => ss.getActiveSheet().getRange('A1').getValue());
    expect(ctx.counter.get('Range.getValue')).toBe(1);
  });

  test('toasts are recorded', () => {
    const { ctx, ss } = setup({ now: () => new Date('2024-05-01T00:00:00Z') });
    ss.toast('Đã tổng hợp', 'Xong');
    ss.toast('Khác', undefined, -1);
    expect(ss.toasts).toEqual([
      {
        message: 'Đã tổng hợp',
        title: 'Xong',
        timeoutSeconds: 5,
        at: new Date('2024-05-01T00:00:00Z'),
      },
      { message: 'Khác', title: '', timeoutSeconds: -1, at: new Date('2024-05-01T00:00:00Z') },
    ]);
    expect(ctx.counter.get('Spreadsheet.toast')).toBe(2);
  });
});
