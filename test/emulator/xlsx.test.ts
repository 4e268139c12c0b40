import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  CHARTS_NOT_EXPORTED,
  conditionalToExcel,
  emptySheet,
  fromExcelFormula,
  libreOfficeCsv,
  readWorkbook,
  toExcelFormula,
  validationToExcel,
  wholeNumberBounds,
  writeWorkbook,
  type RuleContext,
  type XlsxWorkbook,
} from '../../tools/emulator/xlsx';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'emu-xlsx-'));

const BOOK: XlsxWorkbook = {
  sheets: [
    {
      ...emptySheet('Cấu hình'),
      cells: [
        { row: 1, col: 1, value: 'Tham số', style: { bold: true, background: '#d9ead3' } },
        { row: 3, col: 1, value: 'Mục tiêu' },
        { row: 3, col: 2, value: 0.8, numberFormat: '0%' },
        { row: 4, col: 2, value: '=không phải công thức' },
        { row: 5, col: 2, value: 45991, numberFormat: 'dd/mm/yyyy' },
        { row: 6, col: 2, value: true },
      ],
      frozenRows: 1,
      columnWidths: { 1: 180 },
      merges: ['A1:B1'],
      chartCount: 2,
    },
    {
      ...emptySheet('Tổng hợp'),
      cells: [
        { row: 1, col: 1, value: 10 },
        { row: 2, col: 1, value: 1.6, formula: 'MUC_TIEU*2' },
        { row: 3, col: 1, value: { error: '#DIV/0!' }, formula: 'A1/0' },
        { row: 4, col: 1, value: 'Đạt', formula: 'IF(A1>=MUC_TIEU,"Đạt","Chưa đạt")' },
        { row: 5, col: 1, value: { error: '#N/A' } },
        { row: 6, col: 1, value: 'x', formula: 'IFNA(A5,"x")' },
      ],
      validations: [
        {
          range: 'B2:B100',
          rule: {
            type: 'whole',
            operator: 'greaterThanOrEqual',
            formulae: [0],
            allowBlank: true,
            showInputMessage: true,
            prompt: 'Số nguyên ≥ 0',
          },
        },
        { range: 'C2:C100', rule: { type: 'list', formulae: ['"Có,Không"'], allowBlank: true } },
      ],
      conditionalFormats: [
        {
          ref: 'A1:A10',
          rules: [
            {
              type: 'expression',
              priority: 1,
              formulae: ['AND(A1<>"",A1>=MUC_TIEU)'],
              style: { font: { bold: true } },
            },
          ],
        },
      ],
      frozenRows: 2,
      frozenColumns: 1,
    },
  ],
  names: [{ name: 'MUC_TIEU', sheet: 'Cấu hình', range: 'B3' }],
};

describe('xlsx workbook layer', () => {
  test('round trip: values, text starting with =, formulas with cached results, errors, formats, names', async () => {
    const path = join(tmp(), 'book.xlsx');
    await writeWorkbook(BOOK, path);
    const back = await readWorkbook(path);
    expect(back.sheets.map((s) => s.name)).toEqual(['Cấu hình', 'Tổng hợp']);
    const [config, summary] = back.sheets;
    const cell = (s: typeof config, r: number, c: number) =>
      s.cells.find((x) => x.row === r && x.col === c);
    expect(cell(config, 3, 2)).toMatchObject({ value: 0.8, numberFormat: '0%' });
    expect(cell(config, 4, 2)).toEqual({ row: 4, col: 2, value: '=không phải công thức' });
    expect(cell(config, 4, 2)?.formula).toBeUndefined();
    expect(cell(config, 5, 2)).toMatchObject({ value: 45991, numberFormat: 'dd/mm/yyyy' });
    expect(cell(config, 6, 2)?.value).toBe(true);
    expect(cell(config, 1, 1)?.style).toEqual({ bold: true, background: '#d9ead3' });
    expect(cell(config, 1, 1)?.note).toBe(CHARTS_NOT_EXPORTED(2));
    expect(config.frozenRows).toBe(1);
    expect(config.columnWidths[1]).toBe(180);
    expect(config.merges).toEqual(['A1:B1']);
    expect(cell(summary, 2, 1)).toMatchObject({ formula: 'MUC_TIEU*2', value: 1.6 });
    expect(cell(summary, 3, 1)).toMatchObject({ formula: 'A1/0', value: { error: '#DIV/0!' } });
    expect(cell(summary, 4, 1)).toMatchObject({
      formula: 'IF(A1>=MUC_TIEU,"Đạt","Chưa đạt")',
      value: 'Đạt',
    });
    expect(cell(summary, 5, 1)?.value).toEqual({ error: '#N/A' });
    expect(cell(summary, 6, 1)).toMatchObject({ formula: 'IFNA(A5,"x")', value: 'x' });
    expect([summary.frozenRows, summary.frozenColumns]).toEqual([2, 1]);
    expect(back.names).toEqual([{ name: 'MUC_TIEU', sheet: 'Cấu hình', range: 'B3' }]);
  });

  test('the file itself: text is a shared string, formulas carry <v>, validations and names are there', async () => {
    const path = join(tmp(), 'book.xlsx');
    await writeWorkbook(BOOK, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A2').value).toEqual({ formula: 'MUC_TIEU*2', result: 1.6 });
    expect(ws.getCell('A6').value).toEqual({ formula: '_xlfn.IFNA(A5,"x")', result: 'x' });
    expect(wb.getWorksheet('Cấu hình')!.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(validations.B2).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      prompt: 'Số nguyên ≥ 0',
    });
    expect(validations.C50).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(wb.definedNames.model).toEqual([{ name: 'MUC_TIEU', ranges: ["'Cấu hình'!$B$3"] }]);
  });

  test('reading a file written elsewhere: shared formulas are translated, missing views tolerated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    for (let r = 1; r <= 3; r++) ws.getCell(r, 1).value = r;
    ws.getCell('B1').value = {
      formula: 'A1*2',
      result: 2,
      shareType: 'shared',
      ref: 'B1:B3',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 6 } as ExcelJS.CellSharedFormulaValue;
    const path = join(tmp(), 'shared.xlsx');
    await wb.xlsx.writeFile(path);
    const back = await readWorkbook(path);
    expect(back.sheets[0].cells.filter((c) => c.col === 2)).toEqual([
      { row: 1, col: 2, value: 2, formula: 'A1*2' },
      { row: 2, col: 2, value: 4, formula: 'A2*2' },
      { row: 3, col: 2, value: 6, formula: 'A3*2' },
    ]);
  });

  test('LibreOffice opens the file and agrees with the cached values', async () => {
    const path = join(tmp(), 'tong-hop.xlsx');
    await writeWorkbook({ sheets: [BOOK.sheets[1], BOOK.sheets[0]], names: BOOK.names }, path);
    const csv = libreOfficeCsv(path);
    if (csv === null) {
      console.warn('LibreOffice (soffice) not found: skipping the "opens in LibreOffice" check');
      return;
    }
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toBe('10');
    expect(rows[1]).toBe('1.6');
    expect(rows[2]).toBe('#DIV/0!');
    expect(rows[3]).toBe('Đạt');
    expect(rows[5]).toBe('x');
  });

  test('libreOfficeCsv recalculates: a wrong cached result is corrected, unless asked not to', async () => {
    const path = join(tmp(), 'stale.xlsx');
    const sheet = {
      ...emptySheet('Tổng hợp'),
      cells: [
        { row: 1, col: 1, value: 2 },
        { row: 1, col: 2, value: 999, formula: 'A1*3' },
      ],
    };
    await writeWorkbook({ sheets: [sheet], names: [] }, path);
    const csv = libreOfficeCsv(path);
    if (csv === null) return;
    expect(csv.trim()).toBe('2,6');
    expect(libreOfficeCsv(path, false)?.trim()).toBe('2,999');
  });
});

describe('Sheets rules as Excel rules', () => {
  const rc: RuleContext = {
    anchor: 'F5',
    rangeRef: () => "'Danh mục'!$A$2:$A$30",
    dateSerial: (d) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000,
  };
  const base = { allowInvalid: false, helpText: null };

  test('whole number ≥ 0 written as a custom formula becomes an Excel whole-number rule', () => {
    expect(wholeNumberBounds('=AND(ISNUMBER(F5), F5>=0, F5=INT(F5))')).toEqual({
      min: 0,
      max: null,
    });
    expect(wholeNumberBounds('=AND(ISNUMBER(F5),F5>=0,MOD(F5,1)=0,F5<=100)')).toEqual({
      min: 0,
      max: 100,
    });
    expect(wholeNumberBounds('=AND(F5>=0, G5=INT(G5))')).toBeNull();
    expect(wholeNumberBounds('=AND(F5>=0, F5<G5)')).toBeNull();
    expect(
      validationToExcel(
        {
          ...base,
          criteria: 'CUSTOM_FORMULA',
          values: ['=AND(ISNUMBER(F5),F5>=0,F5=INT(F5))'],
          helpText: 'Nhập số nguyên',
        },
        rc,
      ),
    ).toEqual({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      showInputMessage: true,
      prompt: 'Nhập số nguyên',
    });
  });

  test('numbers, lists, ranges, checkboxes, custom formulas, allowInvalid', () => {
    expect(
      validationToExcel({ ...base, criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [0] }, rc),
    ).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(
      validationToExcel(
        { ...base, criteria: 'VALUE_IN_LIST', values: [['Có', 'Không "x"'], true] },
        rc,
      ),
    ).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không ""x"""'],
    });
    expect(
      validationToExcel({ ...base, criteria: 'VALUE_IN_RANGE', values: [{}, true] }, rc),
    ).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$30"],
    });
    expect(validationToExcel({ ...base, criteria: 'CHECKBOX', values: [] }, rc)).toMatchObject({
      formulae: ['"TRUE,FALSE"'],
    });
    expect(
      validationToExcel(
        { ...base, allowInvalid: true, criteria: 'CUSTOM_FORMULA', values: ['=F5<>""'] },
        rc,
      ),
    ).toMatchObject({
      type: 'custom',
      formulae: ['F5<>""'],
      errorStyle: 'warning',
    });
    expect(validationToExcel({ ...base, criteria: null, values: [] }, rc)).toBeNull();
  });

  test('conditional rules become expression rules anchored at the top-left cell', () => {
    expect(
      conditionalToExcel(
        {
          criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
          values: [0.8],
          format: { background: '#b7e1cd', bold: true },
          gradient: null,
        },
        'F5',
        1,
      ),
    ).toEqual({
      type: 'expression',
      priority: 1,
      formulae: ['AND(F5<>"",F5>=0.8)'],
      style: {
        font: { bold: true },
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFB7E1CD' } },
      },
    });
    expect(
      conditionalToExcel(
        {
          criteria: 'CUSTOM_FORMULA',
          values: ['=$G5="Đạt"'],
          format: { fontColor: 'red' },
          gradient: null,
        },
        'A5',
        2,
      ),
    ).toEqual({
      type: 'expression',
      priority: 2,
      formulae: ['$G5="Đạt"'],
      style: { font: { color: { argb: 'FFFF0000' } } },
    });
    expect(
      conditionalToExcel(
        { criteria: 'TEXT_CONTAINS', values: ['xã'], format: {}, gradient: null },
        'B2',
        3,
      ),
    ).toMatchObject({
      formulae: ['ISNUMBER(SEARCH("xã",B2))'],
    });
    expect(
      conditionalToExcel(
        {
          criteria: null,
          values: [],
          format: {},
          gradient: {
            min: { color: '#ffffff', type: 'MIN', value: '' },
            max: { color: '#57bb8a', type: 'MAX', value: '' },
          },
        },
        'B2',
        4,
      ),
    ).toEqual({
      type: 'colorScale',
      priority: 4,
      cfvo: [{ type: 'min' }, { type: 'max' }],
      color: [{ argb: 'FFFFFFFF' }, { argb: 'FF57BB8A' }],
    });
  });

  test('formula text: _xlfn prefixes outside strings and quoted sheet names', () => {
    expect(toExcelFormula('=IFNA(VLOOKUP(A1,\'IFS(\'!A:B,2,0),"IFS(x)")')).toBe(
      '_xlfn.IFNA(VLOOKUP(A1,\'IFS(\'!A:B,2,0),"IFS(x)")',
    );
    expect(fromExcelFormula('_xlfn.IFNA(A1,"_xlfn.x")')).toBe('=IFNA(A1,"_xlfn.x")');
    expect(toExcelFormula('=SUM(A1:A3)')).toBe('SUM(A1:A3)');
  });
});
