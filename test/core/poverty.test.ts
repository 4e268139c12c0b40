import { DEFAULT_CONFIG, classifyHousehold, standardForYear } from '../../src/core';

const s2022 = standardForYear(DEFAULT_CONFIG, 2025)!;

test('standardForYear', () => {
  expect(s2022.decree).toBe('07/2021/NĐ-CP');
  expect(standardForYear(DEFAULT_CONFIG, 2026)?.decree).toBe('07/2021/NĐ-CP');
  expect(standardForYear(DEFAULT_CONFIG, 2027)?.decree).toBe('351/2025/NĐ-CP');
  expect(standardForYear(DEFAULT_CONFIG, 2021)).toBeUndefined();
});

test.each([
  // rural line 1,500,000; middle 2,250,000; 3 deficits
  [1_500_000, 3, 'nông thôn', 'Hộ nghèo'], // at the line, 3 deficits
  [1_500_000, 2, 'nông thôn', 'Hộ cận nghèo'], // at the line, 2 deficits
  [1_500_001, 3, 'nông thôn', 'Hộ có mức sống trung bình'], // just above the line
  [2_250_000, 12, 'nông thôn', 'Hộ có mức sống trung bình'], // at the middle line
  [2_250_001, 0, 'nông thôn', 'Hộ không nghèo'],
  [0, 0, 'nông thôn', 'Hộ cận nghèo'],
  // urban line 2,000,000; middle 3,000,000
  [2_000_000, 3, 'thành thị', 'Hộ nghèo'],
  [1_800_000, 1, 'thành thị', 'Hộ cận nghèo'],
  [2_000_001, 5, 'thành thị', 'Hộ có mức sống trung bình'],
  [3_000_000, 0, 'thành thị', 'Hộ có mức sống trung bình'],
  [3_000_001, 0, 'thành thị', 'Hộ không nghèo'],
  [1_600_000, 4, 'nông thôn', 'Hộ có mức sống trung bình'], // above the rural line, below urban
] as const)('%i VND, %i deficits, %s → %s', (income, d, area, expected) => {
  expect(classifyHousehold(s2022, income, d, area)).toBe(expected);
});

test('2027-2030 standard lines', () => {
  const s = standardForYear(DEFAULT_CONFIG, 2028)!;
  expect(classifyHousehold(s, 2_200_000, 3, 'nông thôn')).toBe('Hộ nghèo');
  // Decree 351/2025 gives no middle-income line: the class says so instead of inventing one.
  expect(classifyHousehold(s, 2_200_001, 3, 'nông thôn')).toBe(
    'Hộ không nghèo (Nghị định 351/2025/NĐ-CP không quy định chuẩn hộ có mức sống trung bình)',
  );
  expect(classifyHousehold(s, 2_800_000, 2, 'thành thị')).toBe('Hộ cận nghèo');
});
