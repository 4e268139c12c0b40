// The unit tabs' formulas compute the same in LibreOffice as in the emulator (HyperFormula):
// build the workbook with the compiled bundle, type figures covering the edge cases, save it as
// .xlsx, let headless LibreOffice recalculate every formula on load and save it again, and
// compare every formula cell of every unit tab. One cached value is made wrong on purpose before
// LibreOffice opens the file: seeing it corrected proves LibreOffice really recalculated.
// Without soffice the test skips loudly, except under CI=true where it must run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { unitLayout } from '../../src/sheets/layout';
import { cached, libreOfficeRecalc, libreOfficeTest } from '../robustness/libreoffice';
import { newWorkbook, tabCells, type, valuesOf, type Workbook } from './setupFixture';

const run = libreOfficeTest('the LibreOffice formula check');

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9;
  return a === b;
}

/** Figures that cover the rules' edge cases on Huyện Gia Lộc and a merger on Thành phố Chí Linh. */
function typeEdgeCases(wb: Workbook): void {
  const G = tabCells(18);
  const gl = wb.sheet('Huyện Gia Lộc');
  // Baselines (E:G) for the 18 communes; row 7 all zero; row 8 poor baseline 0 only.
  const base = Array.from({ length: 18 }, (_, i) => [1000 + i, 100, 60]);
  base[1] = [0, 0, 0];
  base[2] = [500, 0, 4];
  type(wb, gl, 'E6:G23', base);
  // 2022: exactly 80 % (with a movement that holds), 79 %/55.625 %, exactly 50 %, negative, zero
  // households, text, a blank households, a blank poor, a movement that does not hold, a decimal.
  type(wb, gl, G.span(2022, 'households', 'poorNew', 6, 17), [
    [1000, 20, 50, 90, 5, 5],
    [0, 0, 0, '', '', ''],
    [400, 0, 1, '', '', ''],
    [1000, 21, 50, '', '', ''],
    [1000, 60, 20, '', '', ''],
    [1000, 120, 70, '', '', ''],
    [1000, 70, 50, '', '', ''],
    [1000, 10, 'không rõ', '', '', ''],
    ['', 5, 5, '', '', ''],
    [1000, '', 30, '', '', ''],
    [1000, 20, 50, 70, 0, 0],
    [1000, 20, 12.5, '', '', ''],
  ]);
  // 2023: every commune reports, so the total row is no longer provisional.
  type(
    wb,
    gl,
    G.span(2023, 'households', 'nearPoor', 6, 23),
    Array.from({ length: 18 }, (_, i) => [1000, i % 3 === 0 ? 10 : 25, 30]),
  );
  // 2024: a merger of rows 6 and 7 into row 8 after 2023 (C:D), and only some communes report.
  const communes = valuesOf(wb, gl, 'B8:B8')[0][0];
  type(wb, gl, 'C6:D7', [
    [communes, 2023],
    [communes, 2023],
  ]);
  type(wb, gl, G.span(2024, 'households', 'nearPoor', 8, 12), [
    [1400, 20, 40],
    [1000, 30, 30],
    [1000, 40, 30],
    [1000, 0, 0],
    [1000, 100, 100],
  ]);
  // Thành phố Chí Linh, 2025: two communes into the third, all others reporting.
  const cl = wb.sheet('Thành phố Chí Linh');
  const n = DEFAULT_CONFIG.units[1].communes.length;
  const C = tabCells(n);
  const L = C.L;
  type(
    wb,
    cl,
    `E${L.firstCommuneRow}:G${L.spacerRow - 1}`,
    Array.from({ length: n }, (_, i) => [900, 30 + i, 40]),
  );
  const successor = valuesOf(wb, cl, 'B8:B8')[0][0];
  type(wb, cl, 'C6:D7', [
    [successor, 2024],
    [successor, 2024],
  ]);
  type(
    wb,
    cl,
    C.span(2025, 'households', 'nearPoor', L.firstCommuneRow, L.spacerRow - 1),
    Array.from({ length: n }, (_, i) => (i < 2 ? ['', '', ''] : [950, 6 + (i % 4), 20])),
  );
}

run(
  'every formula of the unit tabs gives the same value in LibreOffice as in the emulator',
  async () => {
    const wb = newWorkbook();
    wb.setup();
    typeEdgeCases(wb);
    const dir = mkdtempSync(join(tmpdir(), 'gn-lo-'));
    const saved = join(dir, 'in', 'workbook.xlsx');
    mkdirSync(join(dir, 'in'));
    mkdirSync(join(dir, 'out'));
    await wb.emu.saveXlsx(saved);

    // The emulator's values of every formula cell of every unit tab.
    const expected = new Map<string, Map<string, unknown>>();
    for (const unit of DEFAULT_CONFIG.units) {
      const s = wb.sheet(unit.tab);
      const L = unitLayout(2021, DEFAULT_CONFIG.years, unit.communes.length);
      const range = wb.peek(() => s.getRange(1, 1, L.totalRow, L.lastColumn));
      const formulas = wb.peek(() => range.getFormulas());
      const values = wb.peek(() => range.getValues());
      const cells = new Map<string, unknown>();
      formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== '') cells.set(`${r + 1}:${c + 1}`, values[r][c]);
        }),
      );
      expected.set(unit.tab, cells);
    }
    const formulaCells = [...expected.values()].reduce((a, m) => a + m.size, 0);
    // per commune row: the name check, 2 baseline + 4 × 6 year formulas; total row: 55
    expect(formulaCells).toBe(235 * 27 + 12 * 55);

    // Break one cached result on purpose: LibreOffice must put the right value back.
    const tampered = new ExcelJS.Workbook();
    await tampered.xlsx.readFile(saved);
    const gl = tampered.getWorksheet('Huyện Gia Lộc')!;
    const q6 = gl.getCell('Q6'); // 2022, the poor reduction of row 6: (100 − 20) / 100
    const formula = (q6.value as { formula: string }).formula;
    expect(formula).toContain('SUMIFS');
    q6.value = { formula, result: 12345 } as ExcelJS.CellFormulaValue;
    await tampered.xlsx.writeFile(saved);
    expect(expected.get('Huyện Gia Lộc')!.get('6:17')).toBe(0.8);

    const [converted] = libreOfficeRecalc([saved], join(dir, 'out'));
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(converted);

    expect(cached(lo.getWorksheet('Huyện Gia Lộc')!.getCell('Q6'))).toBe(0.8);
    const mismatches: string[] = [];
    const seen = new Set<unknown>();
    for (const [tab, cells] of expected) {
      const ws = lo.getWorksheet(tab);
      if (!ws) throw new Error(`LibreOffice's file has no tab "${tab}"`);
      for (const [key, want] of cells) {
        const [r, c] = key.split(':').map(Number);
        const got = cached(ws.getCell(r, c));
        seen.add(want);
        if (!same(got, want))
          mismatches.push(
            `${tab}!R${r}C${c}: LibreOffice ${JSON.stringify(got)}, emulator ${JSON.stringify(want)}`,
          );
      }
    }
    rmSync(dir, { recursive: true, force: true });
    expect(mismatches).toEqual([]);
    // The edge cases were really exercised.
    for (const v of ['Đạt', 'Chưa đạt', 'Tạm tính', 'Lỗi', '', 1, 0, -1])
      expect(seen.has(v)).toBe(true);
  },
  600_000,
);
