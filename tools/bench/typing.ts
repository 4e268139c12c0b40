// Data entry for the 120-unit workbook, faster than tools/workbookDriver.ts typeCommuneRows but
// writing the same cells with the same text: it reads every unit tab once, then makes the same
// one write per unit and year block, with HyperFormula's recalculation batched per tab
// (lazyRecalc). `checkTypingEquivalence` proves on a small workbook that both paths leave
// identical tabs (values and formulas).
import { normalizeName } from '../../src/core/names';
import { UNIT_TEXT, isSpacerLabel, unitLayout } from '../../src/sheets/layout';
import type { Emulator } from '../emulator';
import {
  csvNumber,
  csvText,
  typeCommuneRows,
  type CommuneYearRow,
  type Workbook,
} from '../workbookDriver';
import { hyperFormulaOf, lazyRecalc } from './lazyRecalc';

interface RangeApi {
  getValues(): unknown[][];
  setValues(values: unknown[][]): unknown;
  getFormulas(): string[][];
}
interface SheetApi {
  getRange(row: number, column: number, rows?: number, columns?: number): RangeApi;
  getLastRow(): number;
  getLastColumn(): number;
  getName(): string;
}
interface SpreadsheetApi {
  getSheetByName(name: string): SheetApi | null;
  getSheets(): SheetApi[];
}

const api = (emu: Emulator) => emu.spreadsheet as unknown as SpreadsheetApi;

/** Types the rows block by block, as typeCommuneRows does, with one recalculation at the end. */
export function typeCommuneRowsBatched(
  wb: Workbook,
  rows: CommuneYearRow[],
  baselineYear: number,
  years: number[],
): void {
  const layout = unitLayout(baselineYear, years, 0);
  const byDistrict = new Map<string, CommuneYearRow[]>();
  for (const row of rows) {
    const key = normalizeName(row.district);
    const list = byDistrict.get(key);
    if (list) list.push(row);
    else byDistrict.set(key, [row]);
  }
  wb.emu.asOwner(() => {
    // Reads first (nothing is pending, so nothing is recalculated), then every write in one batch.
    const plans = [...byDistrict].map(([district, list]) => {
      const sheet = api(wb.emu).getSheetByName(district);
      if (!sheet) throw new Error(`bench: no tab "${district}"`);
      const grid = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
      const rowOf = new Map<string, number>();
      for (let r = layout.firstCommuneRow - 1; r < grid.length; r++) {
        const a = String(grid[r][0] ?? '');
        if (isSpacerLabel(a) || a === UNIT_TEXT.total) break;
        rowOf.set(normalizeName(String(grid[r][1] ?? '')), r + 1);
      }
      const placed = list.map((row) => {
        const at = rowOf.get(normalizeName(row.commune));
        if (at === undefined)
          throw new Error(`bench: commune "${row.commune}" is not on tab "${district}"`);
        return { row, at };
      });
      return { sheet, grid, placed };
    });
    const restore = lazyRecalc(wb.emu);
    const hf = hyperFormulaOf(wb.emu);
    const flush = () => {
      if (hf.isEvaluationSuspended()) hf.resumeEvaluation();
    };
    try {
      for (const { sheet, grid, placed } of plans) {
        const first = layout.firstCommuneRow;
        const last = Math.max(...placed.map((p) => p.at), first);
        for (const block of layout.blocks) {
          const inputs = block.isBaseline ? 3 : 6;
          const current = grid
            .slice(first - 1, last)
            .map((r) => r.slice(block.firstColumn - 1, block.firstColumn - 1 + inputs));
          let touched = false;
          for (const { row, at } of placed) {
            if (Number(row.year) !== block.year) continue;
            const typed = [
              row.households,
              row.poor,
              row.near_poor,
              row.poor_exited,
              row.poor_returned,
              row.poor_new,
            ];
            current[at - first] = typed.slice(0, inputs).map(csvNumber);
            touched = true;
          }
          if (touched)
            sheet.getRange(first, block.firstColumn, current.length, inputs).setValues(current);
        }
        for (const { row, at } of placed) {
          if (row.merged_into.trim() !== '')
            sheet
              .getRange(at, 3, 1, 2)
              .setValues([[csvText(row.merged_into), csvNumber(row.year)]]);
        }
        // Recalculated tab by tab: one batch for the whole workbook grows HyperFormula's change
        // list until the final recalculation costs more than typing unbatched.
        flush();
      }
    } finally {
      restore();
    }
  });
}

/** Every tab's values and formulas (not counted). */
export function workbookContents(
  emu: Emulator,
): Record<string, { values: unknown[][]; formulas: string[][] }> {
  const out: Record<string, { values: unknown[][]; formulas: string[][] }> = {};
  emu.spreadsheet.internal.withoutCounting(() =>
    emu.asOwner(() => {
      for (const sheet of api(emu).getSheets()) {
        const rows = Math.max(1, sheet.getLastRow());
        const cols = Math.max(1, sheet.getLastColumn());
        const range = sheet.getRange(1, 1, rows, cols);
        out[sheet.getName()] = {
          values: range
            .getValues()
            .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
          formulas: range.getFormulas(),
        };
      }
    }),
  );
  return out;
}

/** Types the same rows both ways into two fresh workbooks and reports the first difference. */
export function checkTypingEquivalence(
  make: () => Workbook,
  rows: CommuneYearRow[],
  baselineYear: number,
  years: number[],
): { identical: boolean; difference?: string } {
  const a = make();
  typeCommuneRows(a, rows, baselineYear, years);
  const b = make();
  typeCommuneRowsBatched(b, rows, baselineYear, years);
  const ca = workbookContents(a.emu);
  const cb = workbookContents(b.emu);
  const names = new Set([...Object.keys(ca), ...Object.keys(cb)]);
  for (const name of names) {
    const x = JSON.stringify(ca[name] ?? null);
    const y = JSON.stringify(cb[name] ?? null);
    if (x !== y) return { identical: false, difference: `tab "${name}" differs` };
  }
  return { identical: true };
}
