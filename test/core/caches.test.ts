// The caches behind the core's speed (memoised names, shared collator, name indexes, record
// indexes, the trend's totals): each must give exactly what the plain computation gives.
import {
  allYears,
  compareVi,
  consolidate,
  countsOf,
  findAward,
  findUnit,
  normalizeName,
  slug,
  unitCompleteness,
  unitYearFigures,
  unitYearCounts,
  validateUnit,
  type Config,
  type ValidatedUnit,
} from '../../src/core';
import { GL, TM, config, hpn, row, unit } from './helpers';

const plainNormalize = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

describe('normalizeName memo', () => {
  test('same result on first and later calls, for short and long texts', () => {
    const names = [
      '  Xã\u00a0Gia   Tân ',
      'Xa\u0303 Gia Tân', // NFD
      'x'.repeat(5000) + '  y',
      '',
      ' ',
    ];
    for (const n of names) {
      expect(normalizeName(n)).toBe(plainNormalize(n));
      expect(normalizeName(n)).toBe(plainNormalize(n));
    }
  });

  test('stays right after the memo is emptied (more names than it holds)', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 60_000; i++)
      if (normalizeName(` Xã  ${i} `) !== `Xã ${i}`) wrong.push(String(i));
    expect(wrong).toEqual([]);
    expect(normalizeName(' Xã  1 ')).toBe('Xã 1');
    expect(slug(' Xã  Gia Tân ')).toBe('XA-GIA-TAN');
    expect(slug(' Xã  Gia Tân ')).toBe('XA-GIA-TAN');
  });
});

describe('compareVi', () => {
  const names = [
    'Xã Đoàn Tùng',
    'Xã Dân Chủ',
    'Xã Gia Tân',
    'Xã gia tân',
    'Xã Ân Thi',
    'Xã An Thanh',
    'Phường Ái Quốc',
    'Thị trấn Nam Sách',
    'Xã Ứng Hòe',
    'Xã Ưng Hòa',
    'Xã Uy Nỗ',
    'Xã Ô Mễ',
    'Xã Ơ Rê',
    'Xã O Ro',
    '',
    'Xã 10',
    'Xã 9',
  ];

  test('orders exactly as localeCompare(…, "vi")', () => {
    for (const a of names)
      for (const b of names) expect(compareVi(a, b)).toBe(a.localeCompare(b, 'vi'));
  });

  test('falls back to localeCompare when Intl.Collator throws', () => {
    const original = Intl.Collator;
    let tried = 0;
    const throwing = function () {
      tried++;
      throw new RangeError('no collator');
    } as unknown as typeof Intl.Collator;
    Object.defineProperty(Intl, 'Collator', {
      value: throwing,
      configurable: true,
      writable: true,
    });
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../src/core/names') as typeof import('../../src/core/names');
        expect(fresh.compareVi('Xã Đoàn Tùng', 'Xã Dân Chủ')).toBe(
          'Xã Đoàn Tùng'.localeCompare('Xã Dân Chủ', 'vi'),
        );
        expect(fresh.compareVi('a', 'a')).toBe(0);
      });
      expect(tried).toBe(1); // tried once, then the fallback is remembered
    } finally {
      Object.defineProperty(Intl, 'Collator', {
        value: original,
        configurable: true,
        writable: true,
      });
    }
  });
});

describe('findUnit / findAward indexes', () => {
  const plainFind = <T extends { name: string }>(list: readonly T[], name: string) =>
    list.find((x) => plainNormalize(x.name) === plainNormalize(name));

  test('the first entry with the normalised name, as a linear search finds it', () => {
    const c: Config = {
      ...config,
      units: [
        { name: ' Huyện  A ', tab: 'A1', editors: [], communes: [] },
        { name: 'Huyện A', tab: 'A2', editors: [], communes: [] },
        { name: 'Huyện B', tab: 'B', editors: [], communes: [] },
      ],
    };
    for (const q of ['Huyện A', ' Huyện\u00a0A', 'Huyện B', 'Huyện C', ''])
      expect(findUnit(c, q)).toBe(plainFind(c.units, q));
    expect(findUnit(c, 'Huyện A')?.tab).toBe('A1');
    for (const a of c.awards) expect(findAward(c, `  ${a.name} `)).toBe(a);
    expect(findAward(c, 'Bằng khen lạ')).toBeUndefined();
  });

  test('a new list, or a list that grew, is indexed again', () => {
    const c: Config = { ...config, units: [...config.units] };
    expect(findUnit(c, 'Huyện Mới')).toBeUndefined();
    c.units.push({ name: 'Huyện Mới', tab: 'M', editors: [], communes: [] });
    expect(findUnit(c, 'Huyện Mới')?.tab).toBe('M');
    const other: Config = {
      ...c,
      units: [{ name: 'Huyện Khác', tab: 'K', editors: [], communes: [] }],
    };
    expect(findUnit(other, 'Huyện Mới')).toBeUndefined();
    expect(findUnit(other, 'Huyện Khác')?.tab).toBe('K');
    expect(findUnit(c, 'Huyện Mới')?.tab).toBe('M');
  });
});

test('allYears: the baseline, then the period years ascending, sorted or not', () => {
  expect(allYears(config)).toEqual([2021, 2022, 2023, 2024, 2025]);
  expect(allYears({ ...config, years: [2024, 2022, 2025, 2023] })).toEqual([
    2021, 2022, 2023, 2024, 2025,
  ]);
  const a = allYears(config);
  a.push(1);
  expect(allYears(config)).toEqual([2021, 2022, 2023, 2024, 2025]);
});

describe('figures from the record index', () => {
  // Gia Xuyên merged into Gia Tân in 2023: from 2024 Gia Tân's baseline includes Gia Xuyên's.
  const rows = () => [
    hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
    hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
    hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
    hpn(GL, 'Xã Gia Tân', 2023, 1000, 30, 40),
    row(GL, 'Xã Gia Xuyên', 2023, {
      households: 800,
      poor: 20,
      nearPoor: 20,
      mergedInto: 'Xã Gia Tân',
    }),
    hpn(GL, 'Xã Gia Tân', 2025, 1800, 10, 20),
    hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
  ];

  // Worked out by hand from the rows above. Every valid baseline row counts in the baseline
  // (poor 50 + 40 + 10, near-poor 60 + 30 + 10); Gia Xuyên is expected up to its merger year.
  const ALL = ['Xã Gia Tân', 'Xã Gia Xuyên', 'Xã Thống Nhất'];
  const AFTER = ['Xã Gia Tân', 'Xã Thống Nhất'];
  const byHand: Record<
    number,
    { expected: string[]; reported: string[]; households: number; poor: number }
  > = {
    2021: { expected: ALL, reported: ALL, households: 2300, poor: 100 },
    2022: { expected: ALL, reported: [], households: 0, poor: 0 },
    2023: { expected: ALL, reported: ['Xã Gia Tân', 'Xã Gia Xuyên'], households: 1800, poor: 50 },
    2024: { expected: AFTER, reported: [], households: 0, poor: 0 },
    2025: { expected: AFTER, reported: AFTER, households: 2305, poor: 12 },
  };

  test("match the figures worked out by hand; the trend's counts match the full figures", () => {
    const v = validateUnit(config, unit(GL, rows()));
    expect(v.mergers).toHaveLength(1);
    for (const year of allYears(config)) {
      const f = unitYearFigures(config, v, year);
      expect(f).toMatchObject({ ...byHand[year], poorBaseline: 100, nearPoorBaseline: 100 });
      expect(unitYearCounts(config, v, year)).toEqual(countsOf(f));
      if (year === 2025) {
        const tan = f.communes.find((x) => x.commune === 'Xã Gia Tân')!;
        expect(tan.predecessors).toEqual(['Xã Gia Xuyên']);
        expect(tan.poorBaseline).toBe(90);
        expect(tan.nearPoorBaseline).toBe(90);
      }
    }
  });

  test('records added to the same array after a first call are seen', () => {
    const v = validateUnit(config, unit(GL, rows()));
    expect(unitYearFigures(config, v, 2024).reported).toEqual([]);
    v.records.push({ ...v.records[0], year: 2024, poor: 7 });
    expect(unitYearFigures(config, v, 2024).reported).toEqual(['Xã Gia Tân']);
    expect(unitYearFigures(config, v, 2024).poor).toBe(7);
    expect(unitCompleteness(config, v).find((x) => x.year === 2024)?.reported).toBe(1);
    const copy: ValidatedUnit = { ...v, records: v.records.filter((r) => r.year !== 2024) };
    expect(unitYearFigures(config, copy, 2024).reported).toEqual([]);
  });
});

test('the trend and outlooks equal those computed from the full figures of every year', () => {
  const inputs = [
    unit(GL, [
      hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
      hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
      hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
      hpn(GL, 'Xã Gia Tân', 2023, 1000, 20, 30),
      hpn(GL, 'Xã Gia Xuyên', 2023, 800, 20, 20),
      hpn(GL, 'Xã Thống Nhất', 2023, 500, 5, 5),
      hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
    ]),
    unit(TM, [
      hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
      hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
      hpn(TM, 'Xã Đoàn Tùng', 2023, 600, 10, 10),
      hpn(TM, 'Xã Hồng Quang', 2023, 400, 5, 5),
    ]),
  ];
  const r = consolidate(config, inputs, 2025, '2025-12-01T00:00:00.000Z');
  const known = r.validated.filter((v) => v.known);
  expect(r.summary.trend.map((t) => t.year)).toEqual([2021, 2023, 2025]);
  for (const t of r.summary.trend) {
    const fs = known.map((v) => unitYearFigures(config, v, t.year));
    expect(t.poor).toBe(fs.reduce((s, f) => s + f.poor, 0));
    expect(t.nearPoor).toBe(fs.reduce((s, f) => s + f.nearPoor, 0));
    expect(t.households).toBe(fs.reduce((s, f) => s + f.households, 0));
    expect(t.provisional).toBe(fs.some((f) => f.provisional));
  }
  // Thanh Miện reported fully in 2023 (not provisional): its outlook projects from 2021–2023.
  expect(r.summary.districts.find((d) => d.name === TM)?.outlook).not.toBeNull();
});
