// Issue 14: every output tells one truth. For every case of the corpus (cases/) and for the
// clean tabs, the total row of each unit tab (computed by the emulator, then again by
// LibreOffice from the .xlsx) equals the summary's row (exportResults, the figures of the
// consolidation) in households, poor, near-poor and result, for every unit. Where a native
// formula cannot see the problem the case is listed in KNOWN_DIFFERENCES with the reason, and
// the test checks that the difference is really there (a stale entry fails).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Row, Summary } from '../../src/core/types';
import { a1, unitLayout, type BlockField } from '../../src/sheets/layout';
import { RESULT_TEXT } from '../../src/sheets/unitFormulas';
import { STRUCTURE_CASES } from './cases/structure';
import { VALUE_CASES } from './cases/values';
import { backToBaseline, makeCtx, type Case } from './corpus';
import {
  BASELINE_YEAR,
  DEFAULT_CONFIG,
  UNITS,
  YEAR,
  api,
  buildBaseline,
  ensureBuilt,
  exportResults,
  peek,
  type Baseline,
  type Workbook,
} from './harness';
import { KNOWN_DIFFERENCES, LIBREOFFICE_DIFFERENCES } from './knownDifferences';
import { cached, libreOfficeRecalc, libreOfficeTest } from './libreoffice';

const FIELDS = ['households', 'poor', 'nearPoor', 'result'] as const;
type Field = (typeof FIELDS)[number];
type Totals = Record<Field, unknown>;

/** The summary row as the total row shows it. */
function fromSummary(row: Row): Totals {
  const result = row.provisional
    ? RESULT_TEXT.provisional
    : row.attained
      ? RESULT_TEXT.attained
      : RESULT_TEXT.notAttained;
  return { households: row.households, poor: row.poor, nearPoor: row.nearPoor, result };
}

const rangeName = (unit: number, field: Field) => `TEST_TONG_${unit + 1}_${field}`;

/**
 * Names the YEAR cells of every unit's total row (test-only named ranges: they move with the
 * rows and columns a case inserts or deletes, so the total row is found whatever the case did).
 */
function nameTotalCells(wb: Workbook): void {
  peek(wb, () => {
    const ss = api(wb) as ReturnType<typeof api> & {
      setNamedRange(name: string, range: unknown): void;
    };
    UNITS.forEach((u, i) => {
      const L = unitLayout(BASELINE_YEAR, DEFAULT_CONFIG.years, u.communes.length);
      const block = L.blocks.find((b) => b.year === YEAR)!;
      const sheet = ss.getSheetByName(u.tab);
      if (!sheet) return;
      for (const f of FIELDS)
        if (!ss.getRangeByName(rangeName(i, f)))
          ss.setNamedRange(
            rangeName(i, f),
            sheet.getRange(a1(L.totalRow, block.column[f as BlockField]!)),
          );
    });
  });
}

interface Located {
  sheet: string;
  cells: Record<Field, string>;
  values: Totals;
}

/** Each unit's total row (YEAR) on its tab, or null when the tab is gone. */
function tabTotals(wb: Workbook): (Located | null)[] {
  return peek(wb, () =>
    UNITS.map((_, i) => {
      const ranges = FIELDS.map((f) => api(wb).getRangeByName(rangeName(i, f)));
      if (ranges.some((r) => !r)) return null;
      let sheet = '';
      const cells = {} as Record<Field, string>;
      const values = {} as Totals;
      FIELDS.forEach((f, k) => {
        const r = ranges[k]!;
        sheet = r.getSheet().getName();
        cells[f] = r.getA1Notation();
        values[f] = r.getValues()[0][0];
      });
      return { sheet, cells, values };
    }),
  );
}

type Undo = (fn: () => void) => void;

interface Recorded {
  name: string;
  file: string;
  tabs: (Located | null)[];
  summary: Totals[];
  known: string | null;
  victim: number;
}

const cases: Case[] = [...VALUE_CASES, ...STRUCTURE_CASES];
const recorded: Recorded[] = [];
let base: Baseline;
let dir: string;

beforeAll(() => {
  ensureBuilt();
  base = buildBaseline();
  nameTotalCells(base.wb);
  dir = mkdtempSync(join(tmpdir(), 'gn-tab-truth-'));
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
}, 180_000);

afterAll(() => {
  mkdirSync(join('out', 'robustness'), { recursive: true });
  writeFileSync(
    join('out', 'robustness', 'tab-truth.json'),
    JSON.stringify(
      recorded.map((r) => ({ name: r.name, outcome: r.known ?? 'match' })),
      null,
      2,
    ) + '\n',
  );
  rmSync(dir, { recursive: true, force: true });
});

/** Compares every unit; the victim of a known difference must differ (else the entry is stale). */
function compare(r: Recorded, tabs: (Totals | null)[], known = r.known): string[] {
  const problems: string[] = [];
  UNITS.forEach((u, i) => {
    const tab = tabs[i];
    const want = r.summary[i];
    const same = tab !== null && FIELDS.every((f) => tab[f] === want[f]);
    if (known !== null && i === r.victim) {
      if (same) problems.push(`${u.name}: listed as a known difference, yet the tab agrees`);
    } else if (!same)
      problems.push(`${u.name}: tab ${JSON.stringify(tab)}, summary ${JSON.stringify(want)}`);
  });
  return problems;
}

async function check(name: string, victim: number, apply: (wb: Workbook, undo: Undo) => void) {
  const wb = base.wb;
  const undos: (() => void)[] = [];
  let failure: unknown = null;
  try {
    apply(wb, (fn) => undos.push(fn));
    const { summary } = exportResults(wb, YEAR) as { summary: Summary };
    const file = join(dir, 'in', `case-${String(recorded.length + 1).padStart(2, '0')}.xlsx`);
    await wb.emu.saveXlsx(file);
    const r: Recorded = {
      name,
      file,
      tabs: tabTotals(wb),
      summary: UNITS.map((u) => fromSummary(summary.districts.find((d) => d.name === u.name)!)),
      known: KNOWN_DIFFERENCES[name] ?? null,
      victim,
    };
    recorded.push(r);
    expect(
      compare(
        r,
        r.tabs.map((t) => t?.values ?? null),
      ),
    ).toEqual([]);
  } catch (error) {
    failure = error;
  } finally {
    try {
      for (const fn of undos.reverse()) fn();
    } catch (error) {
      failure ??= error;
    }
    const left = backToBaseline(base, wb, victim, null);
    if (left.length > 0) {
      base = buildBaseline();
      nameTotalCells(base.wb);
      failure ??= new Error(`the case was not undone: tabs ${left.join(', ')} differ`);
    }
  }
  if (failure) throw failure;
}

test('clean tabs: every unit, every year of the period', async () => {
  const wb = base.wb;
  for (const year of DEFAULT_CONFIG.years) {
    const { summary } = exportResults(wb, year);
    const got = peek(wb, () =>
      UNITS.map((u) => {
        const L = unitLayout(BASELINE_YEAR, DEFAULT_CONFIG.years, u.communes.length);
        const block = L.blocks.find((b) => b.year === year)!;
        const row = api(wb)
          .getSheetByName(u.tab)!
          .getRange(L.totalRow, 1, 1, L.lastColumn)
          .getValues()[0];
        return Object.fromEntries(FIELDS.map((f) => [f, row[block.column[f]! - 1]]));
      }),
    );
    const want = UNITS.map((u) => fromSummary(summary.districts.find((d) => d.name === u.name)!));
    expect({ year, totals: got }).toEqual({ year, totals: want });
  }
  await check('clean tabs', -1, () => undefined);
}, 120_000);

cases.forEach((c) => {
  test(`${c.name}`, async () => {
    await check(c.name, c.unit, (wb, onUndo) => {
      const ctx = makeCtx(wb, c.unit);
      onUndo(() => {
        ctx.undo();
        nameTotalCells(wb);
      });
      try {
        c.apply(ctx);
      } catch (error) {
        if (c.expect.kind !== 'refused') throw error;
      }
    });
  }, 120_000);
});

test('the known differences are cases of the corpus', () => {
  const names = new Set(cases.map((c) => c.name));
  const listed = [...Object.keys(KNOWN_DIFFERENCES), ...Object.keys(LIBREOFFICE_DIFFERENCES)];
  expect(listed.filter((n) => !names.has(n))).toEqual([]);
});

libreOfficeTest('the LibreOffice tab-truth check')(
  'LibreOffice recalculates every case to the same totals',
  async () => {
    expect(recorded.length).toBe(cases.length + 1);
    const converted = libreOfficeRecalc(
      recorded.map((r) => r.file),
      join(dir, 'out'),
    );
    const problems: string[] = [];
    for (const [k, r] of recorded.entries()) {
      const lo = new ExcelJS.Workbook();
      await lo.xlsx.readFile(converted[k]);
      const tabs = r.tabs.map((t) => {
        if (t === null) return null;
        const ws = lo.getWorksheet(t.sheet);
        if (!ws) return null;
        return Object.fromEntries(FIELDS.map((f) => [f, cached(ws.getCell(t.cells[f]))])) as Totals;
      });
      const known = r.known ?? LIBREOFFICE_DIFFERENCES[r.name] ?? null;
      for (const p of compare(r, tabs, known)) problems.push(`${r.name} — ${p}`);
    }
    expect(problems).toEqual([]);
  },
  900_000,
);
