import { GN_DAT, GN_GIAM, GN_PHANLOAI, GN_TIENDO } from '../../src/server/customFunctions';

describe('GN_GIAM', () => {
  test('single values', () => {
    expect(GN_GIAM(10, 2)).toBe(0.8); // (10 − 2)/10
    expect(GN_GIAM(1000, 150)).toBe(0.85);
    expect(GN_GIAM(10, 15)).toBe(-0.5);
    expect(GN_GIAM(0, 3)).toBe(''); // baseline 0 → blank
    expect(GN_GIAM('', 3)).toBe('');
  });
  test('same-shaped ranges give a same-shaped result; single values broadcast', () => {
    expect(GN_GIAM([[10], [20]], [[2], [5]])).toEqual([[0.8], [0.75]]);
    expect(GN_GIAM([[10, 20]], 5)).toEqual([[0.5, 0.75]]);
    expect(GN_GIAM([[10], ['']], [[1], [1]])).toEqual([[0.9], ['']]);
    expect(GN_GIAM([[10]], [[4], [5]])).toEqual([[0.6], [0.5]]); // 1×1 range broadcasts
  });
  test('bad input: which argument and which cell', () => {
    expect(() => GN_GIAM([[10], [20], [30]], [[1], [2], ['abc']])).toThrow(
      'GN_GIAM: đối số thứ 2 (current) ở hàng 3, cột 1 phải là số nguyên không âm, nhận được "abc".',
    );
    expect(() => GN_GIAM(-1, 2)).toThrow(
      'GN_GIAM: đối số thứ 1 (baseline) phải là số nguyên không âm, nhận được "-1".',
    );
    expect(() => GN_GIAM(2.5, 2)).toThrow('đối số thứ 1 (baseline)');
    expect(() => GN_GIAM(true, 2)).toThrow('nhận được "true"');
    expect(() => GN_GIAM(new Date('2024-01-01'), 2)).toThrow('nhận được "2024-01-01"');
    expect(() => GN_GIAM('#N/A', 2)).toThrow('nhận được "#N/A"');
  });
  test('shape mismatch and missing argument throw', () => {
    expect(() => GN_GIAM([[1], [2]], [[1], [2], [3]])).toThrow(
      'GN_GIAM: các vùng ô phải cùng kích thước: đối số thứ 1 (baseline) có 2 hàng × 1 cột, đối số thứ 2 (current) có 3 hàng × 1 cột.',
    );
    expect(() => GN_GIAM([[1, 2], [3]], 1)).toThrow('không phải là một vùng ô hình chữ nhật');
    expect(() => (GN_GIAM as (a: unknown) => unknown)(5)).toThrow(
      'GN_GIAM: cần 2 đối số (baseline, current), thiếu đối số thứ 2.',
    );
  });
});

describe('GN_DAT and GN_TIENDO', () => {
  test('80 % exactly attains; 50 % exactly does not; 50,1 % does', () => {
    expect(GN_DAT(5, 1, 0, 0)).toBe('Đạt'); // 4/5
    expect(GN_DAT(100, 90, 100, 10)).toBe('Chưa đạt'); // combined 100/200
    expect(GN_TIENDO(100, 90, 100, 10)).toBe(1);
    expect(GN_DAT(500, 400, 500, 99)).toBe('Đạt'); // combined 501/1000
    expect(GN_DAT(0, 0, 0, 0)).toBe('Đạt');
    expect(GN_TIENDO(50, 40, 50, 20)).toBeCloseTo(0.8, 12); // combined 0.4/0.5
  });
  test('ranges', () => {
    expect(GN_DAT([[5], [10]], [[1], [9]], 0, 0)).toEqual([['Đạt'], ['Chưa đạt']]);
    // poor 10 → 6: 0.4/0.8 = 0.5; combined (20 − 16)/20 = 0.2 → 0.4; max 0.5. With near-poor 0,
    // combined equals the poor reduction: 0.4/0.5 = 0.8.
    expect(GN_TIENDO([[10], ['']], [[6], [1]], [[10], [0]], [[10], [0]])).toEqual([[0.5], ['']]);
    expect(GN_TIENDO([[10]], [[6]], [[0]], [[0]])).toEqual([[0.8]]);
  });
  test('bad input names the argument', () => {
    expect(() => GN_DAT(10, 2, 'mười', 1)).toThrow(
      'GN_DAT: đối số thứ 3 (nearPoorBaseline) phải là số nguyên không âm, nhận được "mười".',
    );
    expect(() => GN_TIENDO([[1, 2]], [[1, 2]], [[1]], [[1], [2]])).toThrow(
      'các vùng ô phải cùng kích thước',
    );
  });
});

describe('GN_PHANLOAI', () => {
  test('classes at the boundaries of the 2022-2025 standard', () => {
    expect(GN_PHANLOAI(1_500_000, 3, 'nông thôn')).toBe('Hộ nghèo');
    expect(GN_PHANLOAI(1_500_000, 2, 'nông thôn')).toBe('Hộ cận nghèo');
    expect(GN_PHANLOAI(1_500_001, 3, 'nông thôn')).toBe('Hộ có mức sống trung bình');
    expect(GN_PHANLOAI(2_250_001, 3, 'nông thôn')).toBe('Hộ không nghèo');
    expect(GN_PHANLOAI(2_000_000, 3, ' Thành thị ')).toBe('Hộ nghèo');
    expect(GN_PHANLOAI([[1_000_000], [4_000_000]], [[4], [0]], 'thành thị')).toEqual([
      ['Hộ nghèo'],
      ['Hộ không nghèo'],
    ]);
  });
  test('bad input', () => {
    expect(() => GN_PHANLOAI(1_000_000, 3, 'miền núi')).toThrow(
      'GN_PHANLOAI: đối số thứ 3 (area) phải là "nông thôn" hoặc "thành thị", nhận được "miền núi".',
    );
    expect(() => GN_PHANLOAI(1_000_000, 13, 'nông thôn')).toThrow(
      'đối số thứ 2 (deficitCount) phải là số nguyên từ 0 đến 12',
    );
    expect(() => GN_PHANLOAI(-5, 1, 'nông thôn')).toThrow('đối số thứ 1 (incomePerPersonMonth)');
  });
});

test('1,000-row ranges in one call', () => {
  const b = Array.from({ length: 1000 }, (_, i) => [i + 1]);
  const c = Array.from({ length: 1000 }, () => [0]);
  const r = GN_GIAM(b, c) as number[][];
  expect(r).toHaveLength(1000);
  expect(r.every((x) => x[0] === 1)).toBe(true);
});

describe('GN_PHANLOAI by year', () => {
  test('a blank year cell is the same as no year: the 2022-2025 standard', () => {
    // Rural, 2.000.000 đồng a month, 3 deficits. Decree 07/2021: above the 1,5 million poor line,
    // under the 2,25 million middle-income line → "Hộ có mức sống trung bình". Decree 351/2025
    // (2027): under the 2,2 million line with 3 deficits → "Hộ nghèo". A blank year must not
    // blank the result.
    expect(GN_PHANLOAI(2_000_000, 3, 'nông thôn', '')).toBe('Hộ có mức sống trung bình');
    expect(
      GN_PHANLOAI([[2_000_000], [2_000_000]], [[3], [3]], 'nông thôn', [[''], [2027]]),
    ).toEqual([['Hộ có mức sống trung bình'], ['Hộ nghèo']]);
  });
  test('2026 is still Decree 07/2021; 2027 uses Decree 351/2025 lines (2.2 / 2.8 million)', () => {
    expect(GN_PHANLOAI(2_000_000, 3, 'nông thôn', 2026)).toBe('Hộ có mức sống trung bình');
    expect(GN_PHANLOAI(2_000_000, 3, 'nông thôn', 2027)).toBe('Hộ nghèo');
    expect(GN_PHANLOAI(2_200_000, 2, 'nông thôn', 2027)).toBe('Hộ cận nghèo');
    expect(GN_PHANLOAI(2_800_000, 3, 'thành thị', 2030)).toBe('Hộ nghèo');
  });
  test('above the 2027 line it says the decree gives no middle-income line', () => {
    expect(GN_PHANLOAI(2_200_001, 3, 'nông thôn', 2027)).toBe(
      'Hộ không nghèo (Nghị định 351/2025/NĐ-CP không quy định chuẩn hộ có mức sống trung bình)',
    );
    expect(GN_PHANLOAI(9_000_000, 0, 'thành thị', 2028)).toMatch(/^Hộ không nghèo \(/);
  });
  test('a year without a standard is refused', () => {
    expect(() => GN_PHANLOAI(1_000_000, 3, 'nông thôn', 2031)).toThrow(
      'GN_PHANLOAI: đối số thứ 4 (year) phải là một năm từ 2022 đến 2030 (năm có chuẩn nghèo), nhận được "2031".',
    );
  });
});
