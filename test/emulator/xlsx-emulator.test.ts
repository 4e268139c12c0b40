import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../tools/emulator';
import { CHARTS_NOT_EXPORTED, libreOfficeCsv } from '../../tools/emulator/xlsx';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NOW = new Date('2025-11-29T17:00:00Z');

/** A small workbook built through the Apps Script API, as the add-on would. */
function buildWorkbook(): Emulator {
  const emu = new Emulator({ now: NOW });
  const app = emu.globals().SpreadsheetApp as unknown as App;
  const ss = emu.spreadsheet as unknown as Spreadsheet;
  const summary = ss.getSheets()[0].setName('Tổng hợp');
  const config = ss.insertSheet('Cấu hình');
  config
    .getRange('A1:B1')
    .setValues([['Tham số', 'Giá trị']])
    .setFontWeight('bold')
    .setBackground('#d9ead3');
  config.getRange('A3:B3').setValues([['Mục tiêu', 0.8]]);
  config.getRange('B3').setNumberFormat('0%');
  config.getRange('B4').setValue("'=không phải công thức");
  config.getRange('B5').setValue(NOW).setNumberFormat('dd/mm/yyyy');
  config.getRange('D1:E1').merge();
  config.setFrozenRows(1);
  config.setColumnWidth(1, 180);
  ss.setNamedRange('MUC_TIEU', config.getRange('B3'));

  summary.getRange('A1:A2').setValues([[10], [0.9]]);
  summary.getRange('B1').setFormula('=MUC_TIEU*2');
  summary.getRange('B2').setFormula('=IF(AND(A2<>"",A2>=MUC_TIEU),"Đạt","Chưa đạt")');
  summary.getRange('B3').setFormula('=A1/0');
  summary.getRange('B4').setFormula("='Cấu hình'!B3+1");
  summary
    .getRange('C2:C50')
    .setDataValidation(
      app
        .newDataValidation()
        .requireFormulaSatisfied('=AND(ISNUMBER(C2),C2>=0,C2=INT(C2))')
        .setAllowInvalid(false)
        .setHelpText('Nhập số nguyên ≥ 0')
        .build(),
    );
  summary
    .getRange('D2:D50')
    .setDataValidation(app.newDataValidation().requireValueInList(['Có', 'Không']).build());
  summary.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(0.8)
      .setBackground('#b7e1cd')
      .setRanges([summary.getRange('A1:A10')])
      .build(),
  ]);
  summary.insertChart(
    summary
      .newChart()
      .addRange(summary.getRange('A1:B4'))
      .setChartType(Charts.ChartType.COLUMN)
      .setPosition(1, 6, 0, 0)
      .build(),
  );
  summary.setFrozenRows(1);
  return emu;
}

const Charts = { ChartType: { COLUMN: 'COLUMN' } } as unknown as GoogleAppsScript.Charts.Charts;

async function saved(emu: Emulator): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'emu-xlsx-')), 'so-vi-nguoi-ngheo.xlsx');
  await emu.saveXlsx(path);
  return path;
}

describe('Emulator.saveXlsx', () => {
  test('the file has values, formulas with cached results, text starting with =, names, validations, notes', async () => {
    const emu = buildWorkbook();
    const before = emu.calls.total();
    const path = await saved(emu);
    expect(emu.calls.total()).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Cấu hình']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const config = wb.getWorksheet('Cấu hình')!;
    expect(summary.getCell('B1').value).toEqual({ formula: 'MUC_TIEU*2', result: 1.6 });
    expect(summary.getCell('B2').value).toEqual({
      formula: 'IF(AND(A2<>"",A2>=MUC_TIEU),"Đạt","Chưa đạt")',
      result: 'Đạt',
    });
    expect(summary.getCell('B3').value).toEqual({ formula: 'A1/0', result: { error: '#DIV/0!' } });
    expect(summary.getCell('B4').value).toEqual({ formula: "'Cấu hình'!B3+1", result: 1.8 });
    expect(config.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(config.getCell('B4').value).toBe('=không phải công thức');
    expect(config.getCell('B3').numFmt).toBe('0%');
    expect(config.getCell('A1').font).toMatchObject({ bold: true });
    expect(config.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFD9EAD3' } });
    expect(wb.definedNames.model).toEqual([{ name: 'MUC_TIEU', ranges: ["'Cấu hình'!$B$3"] }]);
    const validations = (
      summary as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(validations.C2).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      prompt: 'Nhập số nguyên ≥ 0',
      errorStyle: 'stop',
    });
    expect(validations.D50).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(summary.getCell('A1').note).toBe(CHARTS_NOT_EXPORTED(1));
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(config.getColumn(1).width).toBeCloseTo(25, 0);
    expect((config.model as { merges: string[] }).merges).toEqual(['D1:E1']);
    const cf = (
      summary.model as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf[0].ref).toBe('A1:A10');
    expect(cf[0].rules[0].formulae).toEqual(['AND(A1<>"",A1>=0.8)']);
  });

  test('LibreOffice opens it, recalculates and agrees', async () => {
    const csv = libreOfficeCsv(await saved(buildWorkbook()));
    if (csv === null) {
      console.warn('LibreOffice (soffice) not found: skipping the "opens in LibreOffice" check');
      return;
    }
    const rows = csv.trim().split(/\r?\n/);
    expect(rows.slice(0, 3)).toEqual(['10,1.6', '0.9,Đạt', ',#DIV/0!']);
    // LibreOffice gives a formula the percent format of the cell it refers to ('Cấu hình'!B3 is 0%):
    // the value is the same 1.8, shown as 180.00%.
    expect(rows[3]).toMatch(/^,(1\.8|180(\.0+)?%)$/);
  });
});

describe('Emulator.loadXlsx', () => {
  test('values, formulas (recomputed), text, dates, formats, frozen panes and named ranges come back', async () => {
    const path = await saved(buildWorkbook());
    const emu = await Emulator.loadXlsx(path, { now: NOW });
    const ss = emu.spreadsheet as unknown as Spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Tổng hợp', 'Cấu hình']);
    const summary = ss.getSheetByName('Tổng hợp')!;
    const config = ss.getSheetByName('Cấu hình')!;
    expect(summary.getRange('B1:B4').getFormulas()).toEqual([
      ['=MUC_TIEU*2'],
      ['=IF(AND(A2<>"",A2>=MUC_TIEU),"Đạt","Chưa đạt")'],
      ['=A1/0'],
      ["='Cấu hình'!B3+1"],
    ]);
    expect(summary.getRange('A1:B4').getValues()).toEqual([
      [10, 1.6],
      [0.9, 'Đạt'],
      ['', '#DIV/0!'],
      ['', 1.8],
    ]);
    expect(config.getRange('B4').getValue()).toBe('=không phải công thức');
    expect(config.getRange('B4').getFormula()).toBe('');
    expect(config.getRange('B3').getNumberFormat()).toBe('0%');
    expect((config.getRange('B5').getValue() as Date).getTime()).toBe(
      Date.parse('2025-11-29T17:00:00Z'),
    );
    expect(config.getRange('B5').getDisplayValue()).toBe('30/11/2025');
    expect(config.getFrozenRows()).toBe(1);
    expect(summary.getFrozenRows()).toBe(1);
    expect(config.getColumnWidth(1)).toBe(180);
    expect(ss.getRangeByName('MUC_TIEU')?.getA1Notation()).toBe('B3');
    config.getRange('B3').setValue(0.5);
    expect(summary.getRange('B1').getValue()).toBe(1);
  });
});
