import {
  compareVi,
  formatDateTimeVi,
  formatDateVi,
  formatInt,
  formatPercent,
  normalizeName,
  sameName,
  slug,
} from '../../src/core';

test('normalizeName: NFC, trim, collapse spaces incl. NBSP', () => {
  expect(normalizeName('  Xã\u00a0 Gia   Tân ')).toBe('Xã Gia Tân');
  expect(normalizeName('Xã Gia Tân'.normalize('NFD'))).toBe('Xã Gia Tân'.normalize('NFC'));
  expect(sameName('Xã Gia Tân'.normalize('NFD'), 'Xã  Gia Tân')).toBe(true);
  expect(sameName('xã gia tân', 'Xã Gia Tân')).toBe(false); // case-sensitive
});

test('slug', () => {
  expect(slug('Huyện Gia Lộc')).toBe('HUYEN-GIA-LOC');
  expect(slug('Thị trấn Đoàn Tùng')).toBe('THI-TRAN-DOAN-TUNG');
});

test('compareVi: the Vietnamese alphabet (a ă â b c d đ), digits first, lower case first', () => {
  const names = [
    'Xã Đông',
    'Xã Dân',
    'Xã Ân',
    'Xã An',
    'Xã Bình',
    'Xã Ăn',
    'xã an',
    'Xã 10',
    'Xã 9',
  ];
  expect(names.sort(compareVi)).toEqual([
    'Xã 10',
    'Xã 9',
    'xã an',
    'Xã An',
    'Xã Ăn',
    'Xã Ân',
    'Xã Bình',
    'Xã Dân',
    'Xã Đông',
  ]);
});

test('formatInt', () => {
  expect(formatInt(1234)).toBe('1.234');
  expect(formatInt(0)).toBe('0');
  expect(formatInt(642000)).toBe('642.000');
  expect(formatInt(1234567)).toBe('1.234.567');
  expect(formatInt(-1234)).toBe('-1.234');
});

test('formatPercent', () => {
  expect(formatPercent(0.853, 1)).toBe('85,3%');
  expect(formatPercent(0.85, 1)).toBe('85,0%');
  expect(formatPercent(1, 0)).toBe('100%');
  expect(formatPercent(0.0193, 2)).toBe('1,93%');
  // 81,25 lies exactly halfway: it rounds up; -0,04 rounds to zero, shown without a sign.
  expect(formatPercent(0.8125, 1)).toBe('81,3%');
  expect(formatPercent(-0.0004, 1)).toBe('0,0%');
  expect(formatPercent(-0.25, 1)).toBe('-25,0%');
  expect(formatPercent(12.5, 1)).toBe('1.250,0%');
});

test('formatDateVi / formatDateTimeVi at +07:00', () => {
  expect(formatDateVi('2025-11-29T17:00:00Z', 420)).toBe('30/11/2025');
  expect(formatDateTimeVi('2025-11-29T16:59:00Z', 420)).toBe('29/11/2025 23:59');
  expect(formatDateTimeVi('2025-01-01T00:05:00+07:00', 420)).toBe('01/01/2025 00:05');
  expect(formatDateVi('không phải ngày', 420)).toBe('');
});
