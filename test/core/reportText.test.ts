// The yearly report's sentences, from figures worked out by hand; changing the data changes them.
import { REPORT_HEADINGS, reportSlotCount, reportText, type Submission } from '../../src/core';
import { GL, TM, config, consolidate, hpn, unit } from './helpers';

// Gia Lộc (3 communes): poor 100 → 20 (80,0 %, exactly the target), near-poor 100 → 45.
// Thanh Miện (2 communes): baseline poor 50, near-poor 60; in 2025 only Đoàn Tùng (30 → 5).
const gl = () => [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
  hpn(GL, 'Xã Gia Xuyên', 2025, 810, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];
const tm = () => [
  hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
  hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 5, 10),
];
const submitted = (u: string, at: string): Submission => ({
  unit: u,
  year: 2025,
  submittedAt: at,
  email: 'x@y.vn',
  status: 'submitted',
});

function report(tmRows = tm(), submissions: Submission[] = [], year = 2025) {
  const result = consolidate(
    config,
    [unit(GL, gl(), { submissions }), unit(TM, tmRows)],
    year,
    '2025-12-01T00:00:00Z',
  );
  return reportText(config, result.summary, result.shortlist);
}
const TARGET =
  'giảm ít nhất 80 % số hộ nghèo, hoặc giảm trên 50 % tổng số hộ nghèo và hộ cận nghèo so với đầu kỳ';

test('one string per slot; headings where the report tab makes them bold', () => {
  const text = report();
  expect(text).toHaveLength(reportSlotCount(config));
  expect(REPORT_HEADINGS.map((i) => text[i].split('.')[0])).toEqual(['I', 'II', 'III', 'IV']);
  expect(text.slice(0, 3)).toEqual([
    'TỈNH HẢI DƯƠNG',
    'Hải Dương, ngày … tháng … năm …',
    'Kết quả thực hiện Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” năm 2025',
  ]);
  expect(text[3]).toContain('Thực hiện Kế hoạch số 2396/KH-UBND ngày 12/08/2022');
  expect(text[text.length - 1]).toMatch(/\.\/\.$/);
});

test('a provisional province: the figures, why it is provisional, units by result', () => {
  const text = report();
  // Province: poor 20 + 5 = 25 of 150 → (150 − 25)/150 = 83,3 %; near-poor 45 + 10 = 55;
  // poor + near-poor 80 of 310 → 230/310 = 74,2 %. Thanh Miện has 1 of 2 communes: provisional.
  expect(text[5]).toBe(
    `1. Toàn tỉnh: cuối năm 2025 còn 25 hộ nghèo, giảm 83,3 % so với đầu kỳ (150 hộ cuối năm 2021) và 55 hộ cận nghèo; ` +
      `tổng số hộ nghèo và hộ cận nghèo giảm 74,2 % (đầu kỳ 310 hộ). So với mục tiêu của Kế hoạch (${TARGET}), ` +
      `số liệu hiện có đạt mục tiêu, nhưng kết quả toàn tỉnh còn tạm tính do 1 đơn vị chưa đủ hoặc còn lỗi số liệu (4/5 xã, phường, thị trấn có số liệu hợp lệ).`,
  );
  expect(text[6]).toBe(
    '2. Cấp huyện: 1/2 đơn vị đạt mục tiêu, gồm Huyện Gia Lộc (giảm 80,0 % hộ nghèo).',
  );
  expect(text[7]).toBe('- Không có đơn vị có đủ số liệu nào chưa đạt mục tiêu.');
  expect(text[8]).toBe(
    '- 1 đơn vị có số liệu tạm tính, chưa được xét: Huyện Thanh Miện (1/2 xã có số liệu).',
  );
  // Communes: Gia Tân 84 %, Gia Xuyên combined 57,1 %, Thống Nhất 80 %, Đoàn Tùng 83,3 %.
  expect(text[9]).toBe(
    '3. Cấp xã: 4/4 xã, phường, thị trấn có số liệu hợp lệ năm 2025 đạt mục tiêu (toàn tỉnh có 5 xã, phường, thị trấn).',
  );
  // Units are listed in rank order (score, progress, then reductions: Thanh Miện ranks first).
  expect(text[11]).toBe(
    '0/2 đơn vị đã nộp báo cáo năm 2025 đúng hạn (trước ngày 30/11/2025); 2 đơn vị chưa nộp: Huyện Thanh Miện, Huyện Gia Lộc.',
  );
  // Outlook: the province's 2025 is provisional and no other year is reported; Gia Lộc's 2025 is
  // the final year itself (attained); Thanh Miện has only its baseline.
  expect(text[13]).toBe('Chưa đủ số liệu để dự báo cho toàn tỉnh.');
  expect(text[14]).toBe(
    'Ở cấp huyện, theo tốc độ hiện nay, 1/2 đơn vị dự kiến đạt mục tiêu vào năm 2025; 1 đơn vị chưa đủ số liệu để dự báo: Huyện Thanh Miện.',
  );
  // Awards: the rules propose Gia Lộc (unit award: not eligible, its criteria and report are
  // unknown) and its 3 communes + Đoàn Tùng (commune award, the district chairmen's: other
  // authority, not counted as the province's).
  expect(text[16]).toBe(
    'Tổng hợp 5 đề xuất khen thưởng năm 2025 (0 đề cử của các đơn vị, 5 đề xuất theo kết quả thực hiện mục tiêu), trong đó 0 đề xuất đủ điều kiện (có danh sách kèm theo), gồm:',
  );
  expect(text.slice(17, 23)).toEqual([
    '- Huân chương Lao động: không có.',
    '- Bằng khen của Thủ tướng Chính phủ: không có.',
    '- Bằng khen của Bộ Lao động - Thương binh và Xã hội: không có.',
    '- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: không có.',
    '- Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội: không có.',
    '- Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố: không có.',
  ]);
});

test('the sentences follow the data: Thanh Miện completes its figures and reports', () => {
  const before = report();
  // Hồng Quang 2025: 20 → 3 poor, 4 near-poor. Thanh Miện: 50 → 8 poor (84,0 %). Province: 28 of
  // 150 poor → 81,3 %; near-poor 59; 87 of 310 → 71,9 %. Every unit complete: attained.
  const after = report(
    [...tm(), hpn(TM, 'Xã Hồng Quang', 2025, 400, 3, 4)],
    [submitted(GL, '2025-11-29T18:00:00Z')],
  );
  expect(after[5]).not.toBe(before[5]);
  expect(after[5]).toBe(
    `1. Toàn tỉnh: cuối năm 2025 còn 28 hộ nghèo, giảm 81,3 % so với đầu kỳ (150 hộ cuối năm 2021) và 59 hộ cận nghèo; ` +
      `tổng số hộ nghèo và hộ cận nghèo giảm 71,9 % (đầu kỳ 310 hộ). So với mục tiêu của Kế hoạch (${TARGET}), toàn tỉnh đã đạt mục tiêu.`,
  );
  // In rank order: both at progress 1, Thanh Miện's 84 % poor reduction ranks above Gia Lộc's 80 %.
  expect(after[6]).toBe(
    '2. Cấp huyện: 2/2 đơn vị đạt mục tiêu, gồm Huyện Thanh Miện (giảm 84,0 % hộ nghèo), Huyện Gia Lộc (giảm 80,0 % hộ nghèo).',
  );
  expect(after[8]).toBe('- Tất cả các đơn vị đã có đủ số liệu hợp lệ.');
  // Gia Lộc's report was made on 30/11 at 01:00 Hà Nội time: late.
  expect(after[11]).toBe(
    '0/2 đơn vị đã nộp báo cáo năm 2025 đúng hạn (trước ngày 30/11/2025); 1 đơn vị nộp muộn: Huyện Gia Lộc; 1 đơn vị chưa nộp: Huyện Thanh Miện.',
  );
  expect(after[13]).toBe(
    'Năm 2025 là năm cuối giai đoạn: kết quả toàn tỉnh nêu trên là kết quả cuối kỳ.',
  );
  expect(after[14]).toBe(
    'Ở cấp huyện, theo tốc độ hiện nay, 2/2 đơn vị dự kiến đạt mục tiêu vào năm 2025.',
  );
});

test('a unit that falls short, and the outlook in mid-period', () => {
  // 2023: Gia Lộc 100 → 60 poor (40 %), 100 → 90 near-poor (combined 25 %): not attained.
  // Thanh Miện 50 → 20 poor, 60 → 60 (combined 27,3 %). Province 150 → 80 poor, 160 → 150.
  // Pace 2021 → 2023: factor (80/150)^(1/2) = 0.730297 (−27,0 % a year); 2025: 80 × 80/150 =
  // 42.7 → 43 poor (−71,3 %); near-poor (150/160)^(1/2) → 150 × 150/160 = 140.6 → 141.
  // Combined (310 − 184)/310 = 40,6 %: not attained. Needed 1 − (30/80)^(1/2) = 38,8 % a year.
  const rows2023 = [
    hpn(GL, 'Xã Gia Tân', 2023, 1000, 30, 50),
    hpn(GL, 'Xã Gia Xuyên', 2023, 800, 20, 30),
    hpn(GL, 'Xã Thống Nhất', 2023, 500, 10, 10),
  ];
  const tm2023 = [
    hpn(TM, 'Xã Đoàn Tùng', 2023, 600, 10, 40),
    hpn(TM, 'Xã Hồng Quang', 2023, 400, 10, 20),
  ];
  const result = consolidate(
    config,
    [unit(GL, [...gl().slice(0, 3), ...rows2023]), unit(TM, [...tm().slice(0, 2), ...tm2023])],
    2023,
    'x',
  );
  const text = reportText(config, result.summary, result.shortlist);
  expect(text[6]).toBe('2. Cấp huyện: 0/2 đơn vị đạt mục tiêu.');
  expect(text[7]).toBe(
    // Ranked by progress: Thanh Miện 60/80 = 0,75 before Gia Lộc 0,5.
    '- 2 đơn vị chưa đạt mục tiêu: Huyện Thanh Miện (giảm 60,0 % hộ nghèo, giảm 27,3 % hộ nghèo và cận nghèo), Huyện Gia Lộc (giảm 40,0 % hộ nghèo, giảm 25,0 % hộ nghèo và cận nghèo).',
  );
  expect(text[13]).toBe(
    'Theo tốc độ bình quân giai đoạn 2021 - 2023 (các năm có đủ số liệu; số hộ nghèo giảm 27,0 % mỗi năm), đến cuối năm 2025 toàn tỉnh dự kiến còn khoảng 43 hộ nghèo và 141 hộ cận nghèo ' +
      '(số hộ nghèo giảm 71,3 % so với đầu kỳ), chưa đạt mục tiêu; để đạt mục tiêu, số hộ nghèo cần giảm bình quân 38,8 % mỗi năm đến năm 2025.',
  );
});
