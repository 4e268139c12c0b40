// Properties of the core over hostile values (fast-check): whatever people type, including
// texts longer than a cell can hold, every message names its tab and cell, stays short enough to
// be written into one cell, and no text of the summary or shortlist can exceed a cell.
import fc from 'fast-check';
import { type RawCommuneYear, type RawNomination, type UnitInput } from '../../src/core';
import { MAX_MESSAGE } from '../../src/core/problems';
import { GL, config, consolidate, row, unit } from '../core/helpers';

/** A cell holds at most 50,000 characters; the add-on writes text with a leading apostrophe. */
const CELL_LIMIT = 50_000 - 1;

const huge = fc.constantFrom(
  'x'.repeat(60_000),
  'Xã '.padEnd(50_001, 'a'),
  `=${'1+'.repeat(30_000)}1`,
  '\u200b'.repeat(50_000),
  ' '.repeat(70_000),
);
const text = fc.oneof(
  huge,
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    'Xã Gia Tân',
    'xã gia tân',
    'Xã Gia\u200bTân',
    'Gia Tân',
    '12 hộ',
    '1.234',
    '#REF!',
    '',
  ),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date(),
  fc.constant(null),
  fc.constant(undefined),
);

const commune = fc.record({
  commune: fc.oneof(text, fc.constantFrom(...config.units[0].communes)),
  year: fc.oneof(fc.constantFrom(2021, 2022, 2025), value),
  households: value,
  poor: value,
  nearPoor: value,
  poorExited: value,
  poorReturned: value,
  poorNew: value,
  mergedInto: fc.oneof(fc.constant(''), text),
});

const nomination = fc.record({
  id: text,
  type: text,
  name: text,
  commune: text,
  achievement: text,
  award: text,
  year: fc.oneof(fc.constant(2025), value),
});

function input(rows: RawCommuneYear[], noms: RawNomination[]): UnitInput {
  return { ...unit(GL, rows), nominations: noms };
}

const CELL_REF = /^Trang "Huyện Gia Lộc", ô [A-Z]+[1-9]\d*: /;

test('every message names the tab and the cell and fits in a cell; no output text exceeds a cell', () => {
  fc.assert(
    fc.property(
      fc.array(commune, { maxLength: 8 }),
      fc.array(nomination, { maxLength: 4 }),
      (communes, noms) => {
        const rows = communes.map((c, i) => row(GL, c.commune, c.year, c, i + 6));
        const raw = noms.map((n, i): RawNomination => ({
          unit: GL,
          sheet: GL,
          ...n,
          cells: {
            id: `A${40 + i}`,
            year: `B${40 + i}`,
            type: `C${40 + i}`,
            name: `D${40 + i}`,
            commune: `E${40 + i}`,
            achievement: `F${40 + i}`,
            award: `G${40 + i}`,
          },
        }));
        const { summary, shortlist } = consolidate(
          config,
          [input(rows, raw)],
          2025,
          '2025-11-25T03:00:00Z',
        );
        for (const d of summary.districts) {
          for (const e of d.errors) {
            expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
            expect(e.message).toMatch(CELL_REF);
            expect(e.message).toContain(`ô ${e.cell}:`);
          }
        }
        for (const entry of shortlist) {
          for (const [key, v] of Object.entries(entry)) {
            if (typeof v === 'string')
              expect({ key, length: v.length <= CELL_LIMIT }).toEqual({ key, length: true });
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('a nomination with over-long texts is kept, cut, and not eligible until shortened', () => {
  const raw: RawNomination = {
    unit: GL,
    sheet: GL,
    id: 'ĐC-1',
    year: 2025,
    type: 'Cá nhân',
    name: 'Ông '.padEnd(50_000, 'A'),
    commune: '',
    achievement: 'Thành tích '.padEnd(50_000, '.'),
    award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    cells: {
      id: 'A40',
      year: 'B40',
      type: 'C40',
      name: 'D40',
      commune: 'E40',
      achievement: 'F40',
      award: 'G40',
    },
  };
  const { summary, shortlist } = consolidate(config, [input([], [raw])], 2025, 'x');
  const entry = shortlist.find((e) => e.id === 'ĐC-1')!;
  expect(entry.eligible).toBe(false);
  expect(entry.name.length).toBe(301);
  expect(entry.reason).toContain('nội dung quá dài');
  const messages = summary.districts[0].errors.map((e) => e.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^Trang "Huyện Gia Lộc", ô D40: .*tên tập thể, cá nhân quá dài \(50\.000 ký tự, tối đa 300\)/,
      ),
      expect.stringMatching(
        /^Trang "Huyện Gia Lộc", ô F40: .*tóm tắt thành tích quá dài \(50\.000 ký tự, tối đa 2\.000\)/,
      ),
    ]),
  );
});
