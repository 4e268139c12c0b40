// The yearly report's sentences, from figures worked out by hand; changing the data changes them.
import {
  INDENT,
  reportSlotKinds,
  reportSlots,
  yearActivity,
  type ReportNote,
  type Submission,
} from '../../src/core';
import { GL, TM, config, consolidate, criteria, hpn, row, unit, validatedUnits } from './helpers';
import type { ShortlistStatus } from '../../src/core/types';

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

/** The report's slots by kind, the indent taken off (every body paragraph and heading has it). */
function report(
  tmRows = tm(),
  submissions: Submission[] = [],
  year = 2025,
  notes: ReportNote[] = [],
) {
  const inputs = [unit(GL, gl(), { submissions }), unit(TM, tmRows)];
  const result = consolidate(config, inputs, year, '2025-12-01T00:00:00Z');
  const activity = yearActivity(validatedUnits(config, inputs), year);
  const slots = reportSlots(config, { ...result, activity, notes });
  return slots.map(([, text]) => text.split(INDENT).join(''));
}
const TARGET =
  'giảm ít nhất 80% số hộ nghèo, hoặc giảm trên 50% tổng số hộ nghèo và hộ cận nghèo so với đầu kỳ';
/** Slots: 0-3 the head, 4 introduction, 5 heading I, 6 direction, 7 heading II, 8-17 items 1-7. */
const S = { intro: 4, direction: 6, province: 8, units: 9, notAttained: 10, provisional: 11 };
const S2 = { communes: 12, movement: 13, models: 14, reports: 15, outlook: 16, awards: 23 };

const DIRECTION_NOTE =
  '(Cán bộ tổng hợp viết nội dung này trên trang "Cấu hình", bảng NỘI DUNG BÁO CÁO, năm 2025, mục "Công tác chỉ đạo, tuyên truyền".)';

test('the form of Decree 30: issuing body, place and date, title unbroken inside the name, recipients and signer from Cấu hình', () => {
  const text = report();
  const kinds = reportSlotKinds(config);
  expect(text).toHaveLength(kinds.length);
  expect(text.slice(0, 4)).toEqual([
    'ỦY BAN NHÂN DÂN',
    'TỈNH HẢI DƯƠNG',
    'Hải Dương, ngày … tháng … năm …',
    'Kết quả thực hiện Phong trào thi đua\n“Vì người nghèo - Không để ai bị bỏ lại phía sau” năm 2025',
  ]);
  expect(kinds.flatMap((k, i) => (k === 'heading' ? [text[i].split('.')[0]] : []))).toEqual([
    'I',
    'II',
    'III',
    'IV',
    'V',
  ]);
  expect(text[S.intro]).toContain(
    'Thực hiện Kế hoạch số 2396/KH-UBND ngày 12/08/2022 của Ủy ban nhân dân tỉnh về tổ chức thực hiện',
  );
  expect(text[S.intro]).toContain(
    'do Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh) tổng hợp, phối hợp Sở Lao động - Thương binh và Xã hội, Ủy ban nhân dân tỉnh Hải Dương báo cáo',
  );
  expect(text[kinds.indexOf('recipients')]).toBe(
    'Nơi nhận:\n- Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);\n- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n' +
      '- Chủ tịch, các Phó Chủ tịch UBND tỉnh;\n- Sở Nội vụ;\n- Lưu: VT, KGVX.',
  );
  // Title, four lines of signing space, the name (blank by default: the clerk writes it).
  expect(text[kinds.indexOf('signer')]).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\n\n');
  expect(text[kinds.indexOf('recipients') - 1]).toMatch(
    /kính báo cáo Bộ Nội vụ \(Ban Thi đua - Khen thưởng Trung ương\)\.\/\.$/,
  );
});

test('a provisional province in the final year: the figures, why, units by result, and no forecast', () => {
  const text = report();
  // Province: poor 20 + 5 = 25 of 150 → (150 − 25)/150 = 83,3%; near-poor 45 + 10 = 55;
  // poor + near-poor 80 of 310 → 230/310 = 74,2%. Thanh Miện has 1 of 2 communes: provisional.
  expect(text[S.province]).toBe(
    `1. Kết quả giảm nghèo: cuối năm 2025, toàn tỉnh còn 25 hộ nghèo, giảm 83,3% so với đầu kỳ (150 hộ cuối năm 2021) và 55 hộ cận nghèo; ` +
      `tổng số hộ nghèo và hộ cận nghèo giảm 74,2% (đầu kỳ 310 hộ). So với mục tiêu của Kế hoạch (${TARGET}), ` +
      `số liệu hiện có đạt mục tiêu, nhưng kết quả của toàn tỉnh còn tạm tính do 1 đơn vị chưa đủ hoặc còn lỗi số liệu (4/5 xã, phường, thị trấn có số liệu hợp lệ).`,
  );
  expect(text.slice(S.units, S.provisional + 1)).toEqual([
    '2. Các đơn vị cấp huyện: 1/2 đơn vị đạt mục tiêu, gồm huyện Gia Lộc (giảm 80,0% hộ nghèo).',
    '- Không có đơn vị có đủ số liệu nào chưa đạt mục tiêu.',
    '- 1 đơn vị có số liệu tạm tính, chưa được xét: huyện Thanh Miện (1/2 xã, phường, thị trấn có số liệu).',
  ]);
  // Communes: Gia Tân 84%, Gia Xuyên combined 57,1%, Thống Nhất 80%, Đoàn Tùng 83,3%.
  expect(text[S2.communes]).toBe(
    '3. Các xã, phường, thị trấn: 4/4 xã, phường, thị trấn có số liệu hợp lệ năm 2025 đạt mục tiêu (toàn tỉnh có 5 xã, phường, thị trấn).',
  );
  // Units are listed in rank order (score, progress, then reductions: Thanh Miện ranks first).
  expect(text[S2.reports]).toBe(
    '6. Tình hình báo cáo: 0/2 đơn vị đã nộp báo cáo năm 2025 đúng hạn (trước ngày 30/11/2025); 2 đơn vị chưa nộp: huyện Thanh Miện, huyện Gia Lộc.',
  );
  // 2025 is the final year: its figures are the result, nothing is projected.
  expect(text[S2.outlook]).toBe(
    '7. Kết quả cuối giai đoạn: năm 2025 là năm cuối của giai đoạn 2021 - 2025; kết quả nêu tại mục 1 và mục 2 là kết quả cuối kỳ, được xác định khi các đơn vị có đủ số liệu hợp lệ.',
  );
  expect(text.join('\n')).not.toMatch(/dự kiến|dự báo|sẽ còn/i);
  expect(text[S.direction]).toBe(
    `${DIRECTION_NOTE}\nCác đơn vị chưa báo cáo tiêu chí thi đua năm 2025.`,
  );
});

test('the sentences follow the data: Thanh Miện completes its figures, Gia Lộc reports late', () => {
  const before = report();
  // Hồng Quang 2025: 20 → 3 poor, 4 near-poor. Thanh Miện: 50 → 8 poor (84,0%). Province: 28 of
  // 150 poor → 81,3%; near-poor 59; 87 of 310 → 71,9%. Every unit complete: attained.
  const after = report(
    [...tm(), hpn(TM, 'Xã Hồng Quang', 2025, 400, 3, 4)],
    [submitted(GL, '2025-11-29T18:00:00Z')],
  );
  expect(after[S.province]).not.toBe(before[S.province]);
  expect(after[S.province]).toBe(
    `1. Kết quả giảm nghèo: cuối năm 2025, toàn tỉnh còn 28 hộ nghèo, giảm 81,3% so với đầu kỳ (150 hộ cuối năm 2021) và 59 hộ cận nghèo; ` +
      `tổng số hộ nghèo và hộ cận nghèo giảm 71,9% (đầu kỳ 310 hộ). So với mục tiêu của Kế hoạch (${TARGET}), toàn tỉnh đã đạt mục tiêu.`,
  );
  // In rank order: both at progress 1, Thanh Miện's 84% poor reduction ranks above Gia Lộc's 80%.
  expect(after[S.units]).toBe(
    '2. Các đơn vị cấp huyện: 2/2 đơn vị đạt mục tiêu, gồm huyện Thanh Miện (giảm 84,0% hộ nghèo), huyện Gia Lộc (giảm 80,0% hộ nghèo).',
  );
  expect(after[S.provisional]).toBe('- Tất cả các đơn vị đã có đủ số liệu hợp lệ.');
  // Gia Lộc reported on 30/11 at 01:00 Hà Nội time: late.
  expect(after[S2.reports]).toBe(
    '6. Tình hình báo cáo: 0/2 đơn vị đã nộp báo cáo năm 2025 đúng hạn (trước ngày 30/11/2025); 1 đơn vị nộp muộn: huyện Gia Lộc; 1 đơn vị chưa nộp: huyện Thanh Miện.',
  );
  expect(after[S2.outlook]).toBe(
    '7. Kết quả cuối giai đoạn: năm 2025 là năm cuối của giai đoạn 2021 - 2025; kết quả nêu tại mục 1 và mục 2 là kết quả cuối kỳ.',
  );
});

test('before the final year the outlook is a projection at the current pace, and says so', () => {
  // 2023: Gia Lộc 100 → 60 poor (40%), 100 → 90 near-poor (combined 25%): not attained.
  // Thanh Miện 50 → 20 poor, 60 → 60 (combined 27,3%). Province 150 → 80 poor, 160 → 150.
  // Pace 2021 → 2023: factor (80/150)^(1/2) = 0.730297 (−27,0% a year); 2025: 80 × 80/150 =
  // 42.7 → 43 poor (−71,3%); near-poor (150/160)^(1/2) → 150 × 150/160 = 140.6 → 141.
  // Combined (310 − 184)/310 = 40,6%: not attained. Needed 1 − (30/80)^(1/2) = 38,8% a year.
  // Units: Gia Lộc 60 × 0.6 = 36 poor in 2025 (64%), near-poor 90 × 0.9 = 81 (combined 41,5%):
  // not attained, needs 1 − (20/60)^(1/2) = 42,3% a year; Thanh Miện 20 × 0.4 = 8 (84%): attained.
  const rows2023 = [
    hpn(GL, 'Xã Gia Tân', 2023, 1000, 30, 50),
    hpn(GL, 'Xã Gia Xuyên', 2023, 800, 20, 30),
    hpn(GL, 'Xã Thống Nhất', 2023, 500, 10, 10),
  ];
  const tm2023 = [
    hpn(TM, 'Xã Đoàn Tùng', 2023, 600, 10, 40),
    hpn(TM, 'Xã Hồng Quang', 2023, 400, 10, 20),
  ];
  const inputs = [
    unit(GL, [...gl().slice(0, 3), ...rows2023]),
    unit(TM, [...tm().slice(0, 2), ...tm2023]),
  ];
  const result = consolidate(config, inputs, 2023, 'x');
  const activity = yearActivity(validatedUnits(config, inputs), 2023);
  const text = reportSlots(config, { ...result, activity, notes: [] }).map(([, t]) =>
    t.split(INDENT).join(''),
  );
  expect(text[S.units]).toBe('2. Các đơn vị cấp huyện: 0/2 đơn vị đạt mục tiêu.');
  expect(text[S.notAttained]).toBe(
    // Ranked by progress: Thanh Miện 60/80 = 0,75 before Gia Lộc 0,5.
    '- 2 đơn vị chưa đạt mục tiêu: huyện Thanh Miện (giảm 60,0% hộ nghèo, giảm 27,3% hộ nghèo và cận nghèo), huyện Gia Lộc (giảm 40,0% hộ nghèo, giảm 25,0% hộ nghèo và cận nghèo).',
  );
  expect(text[S2.outlook]).toBe(
    '7. Dự báo đến năm 2025 (tính theo tốc độ giảm nghèo bình quân hiện nay, không phải kết quả thực hiện): ' +
      'nếu giữ tốc độ bình quân giai đoạn 2021 - 2023 (số hộ nghèo giảm 27,0% mỗi năm), đến cuối năm 2025 toàn tỉnh sẽ còn khoảng 43 hộ nghèo và 141 hộ cận nghèo ' +
      '(số hộ nghèo giảm 71,3% so với đầu kỳ), chưa đạt mục tiêu; để đạt mục tiêu, số hộ nghèo cần giảm bình quân 38,8% mỗi năm đến năm 2025. ' +
      'Ở cấp huyện, theo tốc độ hiện nay, 1/2 đơn vị dự kiến đạt mục tiêu vào năm 2025; 1 đơn vị dự kiến chưa đạt: huyện Gia Lộc (cần giảm 42,3% số hộ nghèo mỗi năm).',
  );
});

test('what the tabs collect is summed in: movement, plans, initiatives, resources; analysts write the rest', () => {
  const mv = (
    commune: string,
    p: number,
    np: number,
    exited: number,
    returned: number,
    added: number,
  ) =>
    row(GL, commune, 2025, {
      households: 1000,
      poor: p,
      nearPoor: np,
      poorExited: exited,
      poorReturned: returned,
      poorNew: added,
    });
  // Gia Tân 50 − 45 + 2 + 1 = 8; Gia Xuyên 40 − 32 + 1 + 1 = 10; Thống Nhất without movement.
  const rows = [
    ...gl().slice(0, 3),
    mv('Xã Gia Tân', 8, 20, 45, 2, 1),
    mv('Xã Gia Xuyên', 10, 20, 32, 1, 1),
    hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
  ];
  const inputs = [
    unit(GL, rows, {
      criteria: [
        criteria(GL, 2025, { planIssued: 'Có', initiatives: 3, resourcesMobilised: 120.5 }),
      ],
    }),
    unit(TM, tm()),
  ];
  const notes: ReportNote[] = [
    {
      year: 2025,
      key: 'direction',
      text: 'Tỉnh ủy ban hành chỉ thị.\nCác huyện phát động thi đua.',
    },
    { year: 2024, key: 'shortcomings', text: 'Của năm khác.' },
  ];
  const result = consolidate(config, inputs, 2025, 'x');
  const slots = reportSlots(config, {
    ...result,
    activity: yearActivity(validatedUnits(config, inputs), 2025),
    notes,
  });
  const text = slots.map(([, t]) => t.split(INDENT).join(''));
  // Communes reported in 2025: Gia Lộc's 3 and Đoàn Tùng; 2 of them record the movement.
  expect(text[S2.movement]).toBe(
    '4. Biến động hộ nghèo trong năm 2025: 77 hộ thoát nghèo, 3 hộ tái nghèo, 2 hộ nghèo phát sinh (số liệu của 2/4 xã, phường, thị trấn có ghi biến động).',
  );
  expect(text[S.direction]).toBe(
    'Tỉnh ủy ban hành chỉ thị.\nCác huyện phát động thi đua.\n1/2 đơn vị đã ban hành kế hoạch thực hiện phong trào năm 2025 (theo báo cáo của 1/2 đơn vị).',
  );
  // Every paragraph of a slot starts with the first-line indent.
  expect(slots[S.direction][1].split('\n').every((line) => line.startsWith(INDENT))).toBe(true);
  expect(text[S2.models]).toBe(
    '5. Mô hình, sáng kiến, nguồn lực: (Cán bộ tổng hợp viết nội dung này trên trang "Cấu hình", bảng NỘI DUNG BÁO CÁO, năm 2025, mục "Mô hình, sáng kiến, nguồn lực".)\n' +
      'Các đơn vị có 3 mô hình, sáng kiến; huy động 120,5 triệu đồng cho công tác giảm nghèo (theo báo cáo của 1/2 đơn vị).',
  );
  // A note of another year is not this year's.
  expect(text[18]).toBe(
    '(Cán bộ tổng hợp viết nội dung này trên trang "Cấu hình", bảng NỘI DUNG BÁO CÁO, năm 2025, mục "Tồn tại, hạn chế và nguyên nhân".)',
  );
});

test('award proposals: eligible and to_higher_level counted by form and type, other authorities apart', () => {
  const result = consolidate(config, [unit(GL, gl()), unit(TM, tm())], 2025, 'x');
  const entry = (id: string, award: string, type: string, status: ShortlistStatus) => ({
    id,
    district: GL,
    type,
    name: id,
    award,
    authority: '',
    eligible: status === 'eligible',
    reason: '',
    evidence: '',
    status,
    unmet: [],
    duplicateOf: status === 'duplicate' ? 'B' : null,
  });
  const shortlist = [
    entry('A', 'Bằng khen của Thủ tướng Chính phủ', 'Tập thể', 'to_higher_level'),
    entry('B', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Tập thể', 'eligible'),
    entry('C', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Cá nhân', 'eligible'),
    entry('D', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Cá nhân', 'not_eligible'),
    entry('E', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Cá nhân', 'duplicate'),
    entry(
      'F',
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
      'Tập thể',
      'other_authority',
    ),
    entry(
      'G',
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
      'Tập thể',
      'other_authority',
    ),
  ];
  const activity = yearActivity([], 2025);
  const text = reportSlots(config, { ...result, shortlist, activity, notes: [] }).map(([, t]) =>
    t.split(INDENT).join(''),
  );
  expect(text[S2.awards]).toBe(
    'Trên cơ sở kết quả năm 2025, Ủy ban nhân dân tỉnh tổng hợp 3 đề xuất khen thưởng đủ điều kiện hoặc trình cấp trên xét (Danh sách đề nghị khen thưởng kèm theo): ' +
      'Bằng khen của Thủ tướng Chính phủ: 1 (1 tập thể), trình Thủ tướng Chính phủ xét; Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 2 (1 tập thể, 1 cá nhân). ' +
      'Ngoài ra có 2 đề xuất Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố thuộc thẩm quyền Chủ tịch Ủy ban nhân dân cấp huyện, không tính vào đề nghị của tỉnh Hải Dương.',
  );
});

test('every administrative word comes from Cấu hình (Hải Phòng after the 2025 reform)', () => {
  const hp = {
    ...config,
    province: 'Hải Phòng',
    words: {
      issuingBody: 'Ủy ban nhân dân thành phố Hải Phòng',
      provinceNoun: 'thành phố',
      place: 'Hải Phòng',
      unitLevel: 'xã',
      rowLevel: 'thôn, tổ dân phố',
      provinceRow: 'Toàn thành phố',
      emulationDepartment: 'Sở Nội vụ',
      povertyDepartment: 'Sở Nội vụ',
    },
    // The city's forms: the departments' are now Home Affairs', and rows are proposed for the
    // Giấy khen of the commune chairmen (another authority).
    awards: config.awards.map((a) =>
      a.class === 'other'
        ? { ...a, name: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã', authority: 'Chủ tịch UBND xã' }
        : a.name.includes('Lao động - Thương binh')
          ? { ...a, name: a.name.replace('Lao động - Thương binh và Xã hội', 'Nội vụ') }
          : a,
    ),
    shortlistRules: {
      ...config.shortlistRules,
      communeAward: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã',
    },
    report: {
      signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      signerName: 'Nguyễn Văn A',
      recipients: ['Bộ Nội vụ'],
      draftingUnit: '',
    },
  };
  const inputs = [unit(GL, gl()), unit(TM, tm())];
  const result = consolidate(hp, inputs, 2025, 'x');
  expect(result.summary.total.name).toBe('Toàn thành phố');
  const slots = reportSlots(hp, { ...result, activity: yearActivity([], 2025), notes: [] });
  const text = slots.map(([, t]) => t.split(INDENT).join(''));
  expect(text.slice(0, 3)).toEqual([
    'ỦY BAN NHÂN DÂN',
    'THÀNH PHỐ HẢI PHÒNG',
    'Hải Phòng, ngày … tháng … năm …',
  ]);
  expect(text[S.province]).toContain('cuối năm 2025, toàn thành phố còn 25 hộ nghèo');
  expect(text[S.units]).toMatch(/^2\. Các đơn vị cấp xã: /);
  expect(text[S2.communes]).toBe(
    '3. Các thôn, tổ dân phố: 4/4 thôn, tổ dân phố có số liệu hợp lệ năm 2025 đạt mục tiêu (toàn thành phố có 5 thôn, tổ dân phố).',
  );
  expect(text[slots.length - 2]).toBe('Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.');
  expect(text[slots.length - 1]).toBe(
    'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nNguyễn Văn A',
  );
  expect(text[slots.length - 3]).toMatch(
    /của thành phố Hải Phòng, Ủy ban nhân dân thành phố kính báo cáo Bộ Nội vụ\.\/\.$/,
  );
  expect(text.join('\n')).not.toMatch(/Sở Lao động|TỈNH|Toàn tỉnh|toàn tỉnh|cấp huyện|xã, phường/);
});
