// The shortcuts the core takes for speed give the answers of the long way, whatever the input.
import fc from 'fast-check';
import { validateUnit, type RawCommuneYear } from '../../src/core';
import { formatDecimal } from '../../src/core/format';
import { compareVi } from '../../src/core/names';
import { GL, config, row, unit } from './helpers';

describe('compareVi orders as the Vietnamese collator', () => {
  const collator = new Intl.Collator('vi');
  const sign = (x: number) => Math.sign(x);
  // Letters with and without diacritics (precomposed and combining), both cases, digits, spaces
  // and punctuation: the characters names are made of, and a few that are not.
  const piece = fc.constantFrom(
    ..."aAbBcCdDđĐeEêÊgGhHiIkKlLmMnNoOôÔơƠpPqQrRsStTuUưƯvVxXyYfFjJwWzZ0123456789 -.,()'",
    ...[
      'ă',
      'Ă',
      'â',
      'Â',
      'á',
      'à',
      'ả',
      'ã',
      'ạ',
      'ấ',
      'ế',
      'ữ',
      'Ư',
      '\u0300',
      '\u0301',
      '\u0303',
      '\u0309',
      '\u0323',
      '\u0306',
      '\u0302',
      '\u031b',
      '\u00a0',
      '\u200b',
    ],
  );
  const text = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
  const prefix = fc.constantFrom('', 'Xã ', 'Phường ', 'Thị trấn ', 'Xã Gia ', 'Đơn vị 0');

  test('on names that share a prefix and differ after it', () => {
    fc.assert(
      fc.property(prefix, text, text, (p, a, b) => {
        expect(sign(compareVi(p + a, p + b))).toBe(sign(collator.compare(p + a, p + b)));
      }),
      { numRuns: 20_000 },
    );
  });

  test('on the examples people meet', () => {
    const names = [
      'Xã Gia Tân',
      'Xã Gia Xuyên',
      'xã Gia Tân',
      'Xã Đoàn Tùng',
      'Xã Dân Chủ',
      'Xã Ăn',
      'Xã An',
      'Xã 10',
      'Xã 9',
      'Xã 01-002',
      'Xã 01-010',
    ];
    for (const a of names)
      for (const b of names) expect(sign(compareVi(a, b))).toBe(sign(collator.compare(a, b)));
  });
});

describe('formatDecimal(n, 1) writes what toFixed(1) rounds to', () => {
  const reference = (n: number) => {
    const fixed = Math.abs(n).toFixed(1);
    const [whole, frac] = fixed.split('.');
    const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
    return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
  };

  test('for every reduction of a baseline up to 300 households, in percent', () => {
    const wrong: string[] = [];
    for (let base = 1; base <= 300; base++) {
      for (let now = 0; now <= 2 * base; now++) {
        for (const pct of [((base - now) / base) * 100, -((base - now) / base) * 100]) {
          if (formatDecimal(pct, 1) !== reference(pct))
            wrong.push(`${pct}: ${formatDecimal(pct, 1)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('for any number, halves and values near 1.000 included', () => {
    const near = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -40_000, max: 40_000 }).map((k) => k / 20),
      fc.double({ min: 999.9, max: 1000.1, noNaN: true }),
    );
    fc.assert(
      fc.property(near, (n) => expect(formatDecimal(n, 1)).toBe(reference(n))),
      { numRuns: 50_000 },
    );
  });
});

describe('validation: a row read at a glance equals the same row read the long way', () => {
  const communes = config.units[0].communes;
  const counts = fc.record({
    households: fc.integer({ min: 100, max: 5000 }),
    poor: fc.integer({ min: 0, max: 40 }),
    nearPoor: fc.integer({ min: 0, max: 40 }),
    movement: fc.option(fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)), { nil: null }),
  });
  const rowsOf = (
    list: {
      commune: number;
      year: number;
      c: {
        households: number;
        poor: number;
        nearPoor: number;
        movement: [number, number, number] | null;
      };
    }[],
    longWay: boolean,
  ): RawCommuneYear[] =>
    list.map(({ commune, year, c }, i) =>
      row(
        GL,
        // Spaces around the name and the year as text: accepted, but only by the long way.
        longWay ? `  ${communes[commune]} ` : communes[commune],
        longWay ? String(year) : year,
        {
          households: c.households,
          poor: c.poor,
          nearPoor: c.nearPoor,
          poorExited: c.movement ? c.movement[0] : '',
          poorReturned: c.movement ? c.movement[1] : '',
          poorNew: c.movement ? c.movement[2] : '',
        },
        i + 5,
      ),
    );

  test('records, problems, mergers and the commune table', () => {
    const entry = fc.record({
      commune: fc.nat(communes.length - 1),
      year: fc.constantFrom(2021, 2022, 2023, 2024, 2025),
      c: counts,
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (list) => {
        const quick = validateUnit(config, unit(GL, rowsOf(list, false)));
        const slow = validateUnit(config, unit(GL, rowsOf(list, true)));
        expect(quick.records).toEqual(slow.records);
        expect(quick.problems).toEqual(slow.problems);
        expect(quick.mergers).toEqual(slow.mergers);
        expect(quick.table?.households).toEqual(slow.table?.households);
        expect(quick.table?.poor).toEqual(slow.table?.poor);
        expect(quick.table?.nearPoor).toEqual(slow.table?.nearPoor);
      }),
      { numRuns: 2_000 },
    );
  });
});
