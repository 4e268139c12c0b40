import fc from 'fast-check';
import { validateUnit, type RawCommuneYear, type UnitInput } from '../../src/core';
import { COUNT_FIELDS } from '../../src/core/fields';
import { GL, TM, config, consolidate, row, unit, type RowValues } from './helpers';

const units = [GL, TM, 'Huyện Lạ'];
const communes = [...config.units.flatMap((u) => u.communes), 'Xã Lạ', ''];

/** A row where every field may be anything at all. */
const anyRow = fc.record({
  unit: fc.constantFrom(...units),
  commune: fc.oneof(fc.constantFrom(...communes), fc.anything()),
  year: fc.oneof(fc.constantFrom(2021, 2022, 2023, 2024, 2025), fc.anything()),
  households: fc.anything(),
  poor: fc.anything(),
  nearPoor: fc.anything(),
  poorExited: fc.anything(),
  poorReturned: fc.anything(),
  poorNew: fc.anything(),
  mergedInto: fc.anything(),
});

/** A mostly plausible row, so that sums and mergers are exercised too. */
const count = fc.oneof(fc.nat(2000), fc.constant(''), fc.constantFrom('12', '1.234', -1, 2.5));
const plausibleRow = fc.record({
  unit: fc.constantFrom(GL, TM),
  commune: fc.constantFrom(...communes),
  year: fc.constantFrom(2021, 2022, 2023, 2024, 2025),
  households: fc.oneof(fc.integer({ min: 0, max: 5000 }), count),
  poor: count,
  nearPoor: count,
  poorExited: count,
  poorReturned: count,
  poorNew: count,
  mergedInto: fc.oneof(fc.constant(''), fc.constant(''), fc.constantFrom(...communes)),
});

type Gen = { unit: string; commune: unknown; year: unknown } & RowValues;
function toInputs(gens: Gen[]): UnitInput[] {
  const rows: RawCommuneYear[] = gens.map((g, i) => row(g.unit, g.commune, g.year, g, i + 2));
  return units.map((u) =>
    unit(
      u,
      rows.filter((r) => r.unit === u),
    ),
  );
}

const grid = fc.array(fc.oneof(anyRow, plausibleRow), { maxLength: 40 });

test('consolidate never throws, on any grid of arbitrary values', () => {
  fc.assert(
    fc.property(grid, fc.constantFrom(2021, 2022, 2023, 2024, 2025), (gens, year) => {
      const r = consolidate(config, toInputs(gens as Gen[]), year, '2025-01-01T00:00:00Z');
      expect(r.summary.districts).toHaveLength(2);
    }),
    { numRuns: 300 },
  );
});

test('consolidate never throws on arbitrary inputs, criteria and nominations', () => {
  fc.assert(
    fc.property(
      fc.anything(),
      fc.anything(),
      fc.anything(),
      fc.anything(),
      (rows, criteria, nominations, submissions) => {
        const input = {
          unit: GL,
          sheet: GL,
          rows,
          criteria,
          nominations,
          submissions,
          layoutProblems: [],
        } as unknown as UnitInput;
        consolidate(config, [input], 2025, 'x');
      },
    ),
    { numRuns: 200 },
  );
});

test('province totals equal the sums of the unit rows', () => {
  fc.assert(
    fc.property(grid, fc.constantFrom(2021, 2022, 2023, 2024, 2025), (gens, year) => {
      const { summary } = consolidate(config, toInputs(gens as Gen[]), year, 'x');
      const keys = [
        'households',
        'poor',
        'nearPoor',
        'poorBaseline',
        'nearPoorBaseline',
        'communes',
        'communesReported',
        'communesAttained',
      ] as const;
      for (const k of keys)
        expect(summary.total[k]).toBe(summary.districts.reduce((s, d) => s + d[k], 0));
      for (const d of summary.districts) {
        expect(d.communesReported).toBeLessThanOrEqual(d.communes);
        expect(d.progress).toBeGreaterThanOrEqual(0);
        expect(d.progress).toBeLessThanOrEqual(1);
        if (d.provisional) expect(d.attained).toBe(false);
      }
      if (summary.districts.some((d) => d.provisional)) expect(summary.total.attained).toBe(false);
    }),
    { numRuns: 300 },
  );
});

test('every invalid row yields at least one problem with a non-empty cell reference', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(anyRow, plausibleRow), { minLength: 1, maxLength: 20 }),
      (gens) => {
        const rows = (gens as Gen[]).map((g, i) => row(GL, g.commune, g.year, g, i + 2));
        const v = validateUnit(config, unit(GL, rows));
        const isEmpty = (r: RawCommuneYear) =>
          [...COUNT_FIELDS.map((c) => c.key), 'mergedInto' as const].every(
            (f) =>
              r[f] === '' ||
              r[f] === null ||
              r[f] === undefined ||
              (typeof r[f] === 'string' && (r[f] as string).trim() === ''),
          );
        const validCount = v.records.length;
        const nonEmpty = rows.filter((r) => !isEmpty(r));
        const rowNumbers = new Set(v.problems.map((p) => /\d+/.exec(p.cell)?.[0]));
        for (const p of v.problems) expect(p.cell.trim()).not.toBe('');
        // every non-empty row is either a record or has a problem on one of its cells
        let invalid = 0;
        for (const r of nonEmpty) {
          const n = /\d+/.exec(r.cells.commune)?.[0];
          if (rowNumbers.has(n)) invalid++;
        }
        expect(validCount + invalid).toBe(nonEmpty.length);
        for (const p of v.problems) expect(p.message).toMatch(/^Trang "Huyện Gia Lộc", ô /);
      },
    ),
    { numRuns: 300 },
  );
});
