// Setup builds one template unit tab per run and copies it for every other new unit tab
// (src/sheets/unitTabCopy.ts, docs/DECISIONS.md 57). A copied tab must be the tab setup builds
// when it builds one alone: here the province is set up (12 copies of a template laid out for
// the unit with the most communes), then one unit's tab is deleted and setup run again, which
// builds that single tab directly. Both versions are compared cell by cell: values, formulas,
// number formats, styles, data validations (the successor list on the tab's own rows), merges,
// column widths, frozen rows and columns, conditional formats, the tab's size, its tag and its
// named range. Two units: Huyện Gia Lộc (18 communes: the copy loses rows) and the unit with the
// most communes (the copy keeps every row).
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SHEET_KEY, unitRangeName } from '../../src/sheets/layout';
import { TEMPLATE_TAB } from '../../src/sheets/unitTabCopy';
import { FakeRange } from '../../tools/emulator/spreadsheet/range';
import type { FakeSheet } from '../../tools/emulator/spreadsheet/sheet';
import { newWorkbook, quietly, workbookSnapshot, type Workbook } from '../../tools/workbookDriver';
import { ensureBuilt } from './setupFixture';

const rect = (r: FakeRange) =>
  `${r.model.name}!R${r.rect.r1}C${r.rect.c1}:R${r.rect.r2}C${r.rect.c2}`;
const plain = (v: unknown): unknown => (v instanceof FakeRange ? rect(v) : v);

/** Everything setup writes on a tab, as the emulator holds it (uncounted, as the owner). */
function describeTab(wb: Workbook, name: string) {
  return quietly(wb, () =>
    wb.emu.asOwner(() => {
      const ss = wb.emu.spreadsheet;
      const sheet = ss.getSheetByName(name) as unknown as FakeSheet;
      const m = sheet.internal;
      const cells: unknown[] = [];
      for (let r = 1; r <= m.maxRows; r++)
        for (let c = 1; c <= m.maxCols; c++) {
          const meta = m.metaAt(r, c);
          if (!meta) continue;
          const v = meta.validation;
          cells.push({
            at: [r, c],
            format: meta.numberFormat,
            style: meta.style,
            note: meta.note,
            validation: v && {
              ...v.spec,
              values: v.spec.values.map(plain),
              formula: v.canonicalFormula,
            },
          });
        }
      const named = ss.getRangeByName(
        unitRangeName(DEFAULT_CONFIG.units.findIndex((u) => u.tab === name)),
      );
      return {
        size: [m.maxRows, m.maxCols],
        contents: workbookSnapshot(wb).tabs.find((t) => t.name === name),
        cells,
        merges: m.merges,
        widths: [...m.columnWidths],
        heights: [...m.rowHeights],
        frozen: [m.frozenRows, m.frozenColumns],
        conditional: m.conditionalRules.map((rule) => ({
          ...rule.spec,
          ranges: rule.spec.ranges.map(rect),
          formula: rule.canonicalFormula,
        })),
        tags: sheet
          .getDeveloperMetadata()
          .filter((d) => d.getKey() === SHEET_KEY)
          .map((d) => d.getValue()),
        named: named && [named.getSheet().getName(), named.getA1Notation()],
      };
    }),
  );
}

/** Deletes `tab` and runs setup again: the only missing tab is built on its own. */
function rebuildAlone(wb: Workbook, tab: string): void {
  quietly(wb, () =>
    wb.emu.asOwner(() => {
      const ss = wb.emu.spreadsheet;
      ss.deleteSheet(ss.getSheetByName(tab)!);
    }),
  );
  wb.emu.calls.reset();
  wb.bundle.call('menuSetup');
  // Built directly: no template tab, hence more than one call of the kind copies never make.
  expect(wb.emu.calls.get('Range.merge')).toBeGreaterThan(0);
}

const most = [...DEFAULT_CONFIG.units].sort((a, b) => b.communes.length - a.communes.length)[0];
const CASES = [
  ['Huyện Gia Lộc', 'a copy that lost rows'],
  [most.tab, 'the copy of the template unit itself'],
];

let wb: Workbook;
/** The copies as the first setup left them (a later setup run repairs every tab). */
const copied = new Map<string, ReturnType<typeof describeTab>>();
beforeAll(() => {
  ensureBuilt();
  wb = newWorkbook();
  for (const [tab] of CASES) copied.set(tab, describeTab(wb, tab));
});

test('the first setup made every unit tab and left no template tab behind', () => {
  const names = quietly(wb, () =>
    wb.emu.asOwner(() => wb.emu.spreadsheet.getSheets().map((s) => s.getName())),
  );
  for (const unit of DEFAULT_CONFIG.units) expect(names).toContain(unit.tab);
  expect(names).not.toContain(TEMPLATE_TAB);
});

test.each(CASES)('%s (%s) is the tab setup builds alone', (tab) => {
  rebuildAlone(wb, tab);
  const built = describeTab(wb, tab);
  const copy = copied.get(tab)!;
  expect(copy.contents).toEqual(built.contents);
  expect(copy.cells).toEqual(built.cells);
  expect(copy.merges).toEqual(built.merges);
  expect(copy).toEqual(built);
});
