// The mid-term and final reviews (plan 2396 IV.3-4), from figures worked out by hand.
import { INDENT, reviewKind, reviewOf, reviewSlots } from '../../src/core';
import { GL, TM, config, consolidate, criteria, hpn, row, unit, validatedUnits } from './helpers';

// Gia Lộc: poor 100 (2021) → 60 (2022) → 40 (2023) → 20 (2025); near-poor 100 → 90 → 80 → 45.
// Thanh Miện: poor 50 → 30 (2022) → 10 (2023); 2025 only one of two communes (provisional).
const gl = [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2022, 1000, 30, 55),
  hpn(GL, 'Xã Gia Xuyên', 2022, 800, 25, 25),
  hpn(GL, 'Xã Thống Nhất', 2022, 500, 5, 10),
  row(GL, 'Xã Gia Tân', 2023, {
    households: 1000,
    poor: 20,
    nearPoor: 50,
    poorExited: 12,
    poorReturned: 1,
    poorNew: 1,
  }),
  hpn(GL, 'Xã Gia Xuyên', 2023, 800, 15, 20),
  hpn(GL, 'Xã Thống Nhất', 2023, 500, 5, 10),
  hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
  hpn(GL, 'Xã Gia Xuyên', 2025, 810, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];
const tm = [
  hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
  hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2022, 600, 20, 40),
  hpn(TM, 'Xã Hồng Quang', 2022, 400, 10, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2023, 600, 5, 30),
  hpn(TM, 'Xã Hồng Quang', 2023, 400, 5, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 5, 10),
];
const inputs = [
  unit(GL, gl, {
    criteria: [
      criteria(GL, 2022, { initiatives: 2, resourcesMobilised: 50 }),
      criteria(GL, 2023, { initiatives: 1, resourcesMobilised: 30 }, 70),
    ],
  }),
  unit(TM, tm),
];

function review(year: number) {
  const result = consolidate(config, inputs, year, 'x');
  return {
    result,
    review: reviewOf(config, validatedUnits(config, inputs), result.summary, result.shortlist),
  };
}

test('a review only in the mid-term and final years', () => {
  expect([2022, 2023, 2024, 2025].map((y) => reviewKind(config, y))).toEqual([
    null,
    'midterm',
    null,
    'final',
  ]);
  expect(review(2024).review).toBeNull();
});

test('mid-term 2023: each unit by year, the years it attained, the trend, the totals, the proposals', () => {
  const r = review(2023).review!;
  expect(r.kind).toBe('midterm');
  expect([r.fromYear, r.toYear]).toEqual([2021, 2023]);
  const [first, second] = r.units;
  // Thanh Miện 2023: 50 → 10 poor (80%): attained; 2022: 50 → 30 (40%), combined 110 → 90 (18,2%): not.
  expect(second.name).toBe(TM);
  expect(second.years.map((y) => [y.year, y.poor, y.attained])).toEqual([
    [2022, 30, false],
    [2023, 10, true],
  ]);
  expect(second.attainedYears).toEqual([2023]);
  expect(second.trend).toBe('down');
  // Gia Lộc 2023: 100 → 40 (60%), combined 200 → 120 (40%): not attained in either year.
  expect(first.name).toBe(GL);
  expect(first.years.map((y) => y.poor)).toEqual([60, 40]);
  expect(first.attainedYears).toEqual([]);
  expect([first.poorBaseline, first.nearPoorBaseline]).toEqual([100, 100]);
  // Province 2023: 150 → 50 (66,7%); combined 310 → 50 + 110 + ... = 50 + 130 = 180 (41,9%): not attained.
  expect(r.total.years.map((y) => [y.year, y.poor, y.attained])).toEqual([
    [2022, 90, false],
    [2023, 50, false],
  ]);
  // Movement of Gia Tân 2023 only; initiatives 2 + 1, resources 50 + 30 over 2022-2023.
  expect(r.totals).toEqual({ exited: 12, returned: 1, newPoor: 1, initiatives: 3, resources: 80 });
  expect(r.proposals.units).toEqual([TM]);
  const text = reviewSlots(config, r, review(2023).result.summary, []).map(([, t]) => t);
  expect(text.join('\n')).toContain(
    `${GL}: năm 2023 chưa đạt, giảm 60,0% hộ nghèo so với đầu kỳ; chưa năm nào đạt mục tiêu; số hộ nghèo giảm qua các năm.`,
  );
});

test('final 2025: a provisional unit is not proposed; the review report says tổng kết and projects nothing', () => {
  const { result, review: r } = review(2025);
  expect(r!.kind).toBe('final');
  expect(r!.units.map((u) => [u.name, u.attained, u.provisional, u.attainedYears])).toEqual([
    [GL, true, false, [2025]],
    [TM, false, true, [2023]],
  ]);
  expect(r!.proposals.units).toEqual([GL]);
  const slots = reviewSlots(config, r, result.summary, []);
  const text = slots.map(([, t]) => t.split(INDENT).join(''));
  expect(text[3]).toBe(
    'Tổng kết Phong trào thi đua\n“Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025',
  );
  expect(text.join('\n')).not.toMatch(/dự kiến|dự báo|sẽ còn/i);
  // The opening and closing sentences, as the yearly report words them.
  expect(text).toContain(
    'Thực hiện Kế hoạch số 2396/KH-UBND ngày 12/08/2022 của Ủy ban nhân dân tỉnh về tổ chức thực hiện ' +
      'Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025, ' +
      'Ủy ban nhân dân tỉnh Hải Dương báo cáo tổng kết Phong trào thi đua giai đoạn 2021 - 2025 như sau:',
  );
  expect(text).toContain(
    'Trên đây là báo cáo tổng kết Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025 ' +
      'của tỉnh Hải Dương, Ủy ban nhân dân tỉnh kính báo cáo Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)./.',
  );
  // One sentence per unit, its name first as written: Gia Lộc 100 → 20 poor (80,0%), attained in
  // 2025 only (2022: 40%, 2023: 60% with combined 40%), poor 60 → 40 → 20.
  const units = text.find((t) => t.startsWith('2. Các đơn vị'))!;
  expect(units).toContain(
    `${GL}: năm 2025 đạt, giảm 80,0% hộ nghèo so với đầu kỳ; đạt mục tiêu năm 2025; số hộ nghèo giảm qua các năm.`,
  );
  expect(units).toContain(`${TM}: năm 2025 tạm tính`);
  expect(units).not.toMatch(/\. [a-zđ]/);
  // Outside the review years: the same slots, a title that says so and a blank body.
  const other = reviewSlots(config, null, review(2024).result.summary, []);
  expect(other.map(([k]) => k)).toEqual(slots.map(([k]) => k));
  expect(other[3][1]).toBe(
    'Năm 2024 không có sơ kết, tổng kết (sơ kết năm 2023, tổng kết năm 2025)',
  );
});

test('the review leaves agencies out of the units: they have no figures', () => {
  const MTTQ = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương';
  const withAgency = {
    ...config,
    units: [
      ...config.units,
      { name: MTTQ, tab: 'MTTQ', editors: [], communes: [], kind: 'agency' as const },
    ],
  };
  const all = [...inputs, unit(MTTQ, [])];
  const result = consolidate(withAgency, all, 2023, 'x');
  const r = reviewOf(
    withAgency,
    validatedUnits(withAgency, all),
    result.summary,
    result.shortlist,
  )!;
  expect(r.units.map((u) => u.name)).toEqual([GL, TM]);
  // Only Thanh Miện attained in 2023 (test above): 1 of the 2 units with areas.
  const text = reviewSlots(withAgency, r, result.summary, []).map(([, t]) =>
    t.split(INDENT).join(''),
  );
  const units = text.find((t) => t.startsWith('2. Các đơn vị'))!;
  expect(units.startsWith('2. Các đơn vị cấp huyện: 1/2 đơn vị đạt mục tiêu năm 2023.')).toBe(true);
  expect(units).not.toContain(MTTQ);
});
