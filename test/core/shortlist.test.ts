// The shortlist's rule proposals and nominations on the helpers' two units (Gia Lộc, Thanh
// Miện), which have no criteria and no submission unless a test gives them: their own rule
// proposals are then not eligible (criteria_unknown, report_missing). Worked by hand.
import { type ShortlistEntry, type Submission } from '../../src/core';
import { GL, TM, config, consolidate, criteria, hpn, nomination, row, unit } from './helpers';
import type { RawNomination } from '../../src/core';

const PROV = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
const DEPT = 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội';
const DIST = 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố';

// Gia Lộc attains (poor 100 → 20, exactly 80 %). Communes: Gia Tân 50 → 8 (84 %), Gia Xuyên
// 40 → 10 (75 %; combined 70 → 30, 57,1 %), Thống Nhất 10 → 2 (80 %).
const gl = () => [
  hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
  hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
  hpn(GL, 'Xã Thống Nhất', 2021, 500, 10, 10),
  hpn(GL, 'Xã Gia Tân', 2025, 1010, 8, 20),
  hpn(GL, 'Xã Gia Xuyên', 2025, 810, 10, 20),
  hpn(GL, 'Xã Thống Nhất', 2025, 505, 2, 5),
];
// Thanh Miện: Đoàn Tùng 30 → 5 (83,3 %), Hồng Quang 20 → 3 (85 %); unit 50 → 8 (84 %).
const tmComplete = () => [
  hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
  hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
  hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 5, 10),
  hpn(TM, 'Xã Hồng Quang', 2025, 400, 3, 4),
];
const tmIncomplete = () => tmComplete().slice(0, 3);

const run = (
  tmRows = tmComplete(),
  glNoms: RawNomination[] = [],
  tmNoms: RawNomination[] = [],
  cfg = config,
) =>
  consolidate(
    cfg,
    [unit(GL, gl(), { nominations: glNoms }), unit(TM, tmRows, { nominations: tmNoms })],
    2025,
    'x',
  ).shortlist;
const byId = (list: ShortlistEntry[], id: string) => list.find((e) => e.id === id)!;
const ach = 'Vận động 2 tỉ đồng, xây 20 nhà đại đoàn kết';

describe('rule proposals', () => {
  test('every attained unit → unit award; every attained commune → commune award, by poor reduction', () => {
    const list = run();
    expect(list.map((e) => e.id)).toEqual([
      // award rank 4: units by strength (Thanh Miện 84 % before Gia Lộc 80 %)
      'DX-2025-DV-HUYEN-THANH-MIEN',
      'DX-2025-DV-HUYEN-GIA-LOC',
      // award rank 6: communes by poor reduction 85 %, 84 %, 83,3 %, 80 %, 75 %
      'DX-2025-XA-HUYEN-THANH-MIEN-XA-HONG-QUANG',
      'DX-2025-XA-HUYEN-GIA-LOC-XA-GIA-TAN',
      'DX-2025-XA-HUYEN-THANH-MIEN-XA-DOAN-TUNG',
      'DX-2025-XA-HUYEN-GIA-LOC-XA-THONG-NHAT',
      'DX-2025-XA-HUYEN-GIA-LOC-XA-GIA-XUYEN',
    ]);
    const u = byId(list, 'DX-2025-DV-HUYEN-GIA-LOC');
    expect(u).toMatchObject({
      district: GL,
      type: 'Tập thể',
      name: GL,
      award: PROV,
      authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
      // No criteria typed, no report submitted: not eligible for the province's award.
      status: 'not_eligible',
      eligible: false,
      unmet: ['report_missing', 'criteria_unknown'],
    });
    expect(u.evidence).toBe(
      'giảm 80,0% hộ nghèo so với đầu kỳ (từ 100 xuống 20 hộ); giảm 67,5% hộ nghèo và cận nghèo so với đầu kỳ (từ 200 xuống 65 hộ)',
    );
    const c = byId(list, 'DX-2025-XA-HUYEN-GIA-LOC-XA-GIA-TAN');
    expect(c).toMatchObject({
      award: DIST,
      authority: 'Chủ tịch Ủy ban nhân dân cấp huyện',
      status: 'other_authority',
      eligible: false,
      unmet: [],
      name: 'Xã Gia Tân',
    });
    expect(c.evidence).toContain('giảm 84,0% hộ nghèo so với đầu kỳ (từ 50 xuống 8 hộ)');
  });

  test('communes of equal poor reduction: listed by name, numbered by combined reduction', () => {
    // Đoàn Tùng 30 → 6 and Hồng Quang 20 → 4 reduce poor households by 80 %, as Thống Nhất
    // 10 → 2. Combined: Hồng Quang 40 → 8 (80 %), Đoàn Tùng 70 → 16 (77,1 %), Thống Nhất 20 → 7
    // (65 %).
    const tm = [
      hpn(TM, 'Xã Đoàn Tùng', 2021, 600, 30, 40),
      hpn(TM, 'Xã Hồng Quang', 2021, 400, 20, 20),
      hpn(TM, 'Xã Đoàn Tùng', 2025, 600, 6, 10),
      hpn(TM, 'Xã Hồng Quang', 2025, 400, 4, 4),
    ];
    const communes = run(tm).filter((e) => e.id.includes('-XA-'));
    expect(communes.map((e) => [e.name, /thứ (\d)\/5/.exec(e.reason)?.[1]])).toEqual([
      ['Xã Gia Tân', '1'],
      ['Xã Đoàn Tùng', '3'],
      ['Xã Hồng Quang', '2'],
      ['Xã Thống Nhất', '4'],
      ['Xã Gia Xuyên', '5'],
    ]);
  });

  test('a provisional unit is never proposed; no "top N": every attained unit is', () => {
    expect(
      run(tmIncomplete())
        .filter((e) => e.id.includes('-DV-'))
        .map((e) => e.id),
    ).toEqual(['DX-2025-DV-HUYEN-GIA-LOC']);
    expect(run().filter((e) => e.id.includes('-DV-'))).toHaveLength(2);
  });

  test('a commune whose row is in error is neither counted as attained nor proposed (issue 14.6)', () => {
    // Gia Tân 2025 poor 8 with 5 households: poor above households, an error; the row is left
    // out, so Gia Lộc counts 2 attained communes (Gia Xuyên 75 % poor but 57,1 % combined,
    // Thống Nhất 80 %) and the rules propose those two only.
    const rows = gl();
    rows[3] = hpn(GL, 'Xã Gia Tân', 2025, 5, 8, 20);
    const r = consolidate(
      config,
      [
        unit(GL, rows, {
          nominations: [
            nomination(GL, {
              id: 'E1',
              type: 'Tập thể',
              name: 'UBND xã Gia Tân',
              commune: 'Xã Gia Tân',
              achievement: ach,
              award: DIST,
              year: 2025,
            }),
          ],
        }),
      ],
      2025,
      'x',
    );
    const d = r.summary.districts.find((x) => x.name === GL)!;
    expect([d.communesReported, d.communesAttained, d.provisional]).toEqual([2, 2, true]);
    expect(
      r.shortlist.filter((e) => e.id.includes('-XA-HUYEN-GIA-LOC-')).map((e) => e.name),
    ).toEqual(['Xã Thống Nhất', 'Xã Gia Xuyên']);
    expect(byId(r.shortlist, 'E1')).toMatchObject({
      status: 'not_eligible',
      unmet: ['provisional'],
    });
    expect(byId(r.shortlist, 'E1').reason).toContain('Xã Gia Tân chưa có số liệu hợp lệ năm 2025');
  });

  test('a commune listed twice in a year: both rows in error, neither counted nor proposed', () => {
    const rows = [
      ...gl(),
      row(GL, 'Xã Thống Nhất', 2025, { households: 505, poor: 2, nearPoor: 5 }),
    ];
    const r = consolidate(config, [unit(GL, rows)], 2025, 'x');
    const d = r.summary.districts.find((x) => x.name === GL)!;
    expect(d.communesAttained).toBe(2);
    expect(r.shortlist.some((e) => e.name === 'Xã Thống Nhất')).toBe(false);
  });
});

describe('nominations', () => {
  test('collective of a commune that attained: eligible, reason names the figures', () => {
    const list = run(tmComplete(), [
      nomination(GL, {
        id: 'N1',
        type: 'Tập thể',
        name: 'Đảng ủy xã Gia Tân',
        commune: 'Xã Gia Tân',
        achievement: ach,
        award: PROV,
        year: 2025,
      }),
    ]);
    const e = byId(list, 'N1');
    expect(e.eligible).toBe(true);
    expect(e.reason).toContain('Xã Gia Tân đạt mục tiêu năm 2025');
    expect(e.reason).toContain('giảm 84,0% hộ nghèo so với đầu kỳ');
  });

  test('collective of a commune that did not attain: not eligible', () => {
    // Gia Xuyên 2025: 35 poor, 30 near-poor: (40 − 35)/40 = 12,5 %; (70 − 65)/70 = 7,1 %
    const rows = gl();
    rows[4] = hpn(GL, 'Xã Gia Xuyên', 2025, 810, 35, 30);
    const list = consolidate(
      config,
      [
        unit(GL, rows, {
          nominations: [
            nomination(GL, {
              id: 'N2',
              type: 'Tập thể',
              name: 'UBND xã Gia Xuyên',
              commune: 'Xã Gia Xuyên',
              achievement: ach,
              award: PROV,
              year: 2025,
            }),
          ],
        }),
      ],
      2025,
      'x',
    ).shortlist;
    const e = byId(list, 'N2');
    expect(e.eligible).toBe(false);
    expect(e.reason).toContain('Xã Gia Xuyên chưa đạt mục tiêu năm 2025');
    expect(e.reason).toContain('giảm 12,5% hộ nghèo');
  });

  test('unit at exactly 50 % combined is not attained, so its collective is not eligible', () => {
    // Gia Xuyên 35/30 as above: unit poor 8 + 35 + 2 = 45 (55 %), near-poor 20 + 30 + 5 = 55,
    // combined (200 − 100)/200 = 50 % exactly → not attained.
    const rows = gl();
    rows[4] = hpn(GL, 'Xã Gia Xuyên', 2025, 810, 35, 30);
    const r = consolidate(
      config,
      [
        unit(GL, rows, {
          nominations: [
            nomination(GL, {
              id: 'N3',
              type: 'Tập thể',
              name: GL,
              achievement: ach,
              award: PROV,
              year: 2025,
            }),
          ],
        }),
      ],
      2025,
      'x',
    );
    const d = r.summary.districts.find((x) => x.name === GL)!;
    expect(d.combinedReduction).toBe(0.5);
    expect(d.attained).toBe(false);
    expect(d.progress).toBe(1);
    expect(byId(r.shortlist, 'N3')).toMatchObject({ eligible: false });
    expect(byId(r.shortlist, 'N3').reason).toContain(`${GL} chưa đạt mục tiêu năm 2025`);
  });

  test('the unit itself: eligible when attained and its criteria met, never while provisional', () => {
    const t1 = nomination(TM, {
      id: 'T1',
      type: 'Tập thể',
      name: TM,
      achievement: ach,
      award: PROV,
      year: 2025,
    });
    const yes = {
      planIssued: 'Có',
      budgetAllocated: 'Có',
      budgetSettled: 'Có',
      reportsOnTime: 'Có',
    };
    const report: Submission = {
      unit: TM,
      year: 2025,
      submittedAt: '2025-11-20T02:00:00Z',
      email: 'a@x.vn',
      status: 'submitted',
    };
    const ok = consolidate(
      config,
      [
        unit(GL, gl()),
        unit(TM, tmComplete(), {
          nominations: [t1],
          criteria: [criteria(TM, 2025, yes)],
          submissions: [report],
        }),
      ],
      2025,
      'x',
    ).shortlist;
    expect(byId(ok, 'T1')).toMatchObject({ status: 'eligible', eligible: true, unmet: [] });
    expect(byId(ok, 'T1').reason).toContain(`${TM} đạt mục tiêu năm 2025`);
    // The rule's proposal of Thanh Miện is the same subject and form: merged into T1.
    expect(ok.some((e) => e.id === 'DX-2025-DV-HUYEN-THANH-MIEN')).toBe(false);
    const prov = run(
      tmIncomplete(),
      [],
      [
        nomination(TM, {
          id: 'T1',
          type: 'Tập thể',
          name: TM,
          achievement: ach,
          award: PROV,
          year: 2025,
        }),
      ],
    );
    expect(byId(prov, 'T1').eligible).toBe(false);
    expect(byId(prov, 'T1').unmet).toEqual(['provisional', 'report_missing', 'criteria_unknown']);
    expect(byId(prov, 'T1').reason).toContain('tạm tính');
    expect(byId(prov, 'T1').evidence).toContain('(số liệu tạm tính)');
  });

  test('empty achievement → "thiếu tóm tắt thành tích"', () => {
    const e = byId(
      run(tmComplete(), [
        nomination(GL, {
          id: 'N4',
          type: 'Cá nhân',
          name: 'Nguyễn Văn A',
          achievement: '',
          award: PROV,
          year: 2025,
        }),
      ]),
      'N4',
    );
    expect(e.eligible).toBe(false);
    expect(e.reason).toContain('thiếu tóm tắt thành tích');
  });

  test('award not in the catalogue → not eligible, no authority, listed last', () => {
    const list = run(tmComplete(), [
      nomination(GL, {
        id: 'N5',
        type: 'Cá nhân',
        name: 'Nguyễn Văn A',
        achievement: ach,
        award: 'Cờ thi đua của Chính phủ',
        year: 2025,
      }),
    ]);
    const e = byId(list, 'N5');
    expect(e).toMatchObject({ eligible: false, authority: '', award: 'Cờ thi đua của Chính phủ' });
    expect(e.reason).toContain('hình thức khen thưởng không có trong danh mục');
    expect(list[list.length - 1].id).toBe('N5');
  });

  test('awards above the province: "trình cấp trên xét", prior awards left to analysts, listed first', () => {
    const list = run(tmComplete(), [
      nomination(GL, {
        id: 'N6',
        type: 'Cá nhân',
        name: 'Hộ ông Trần Văn B',
        achievement: ach,
        award: 'Huân chương Lao động',
        year: 2025,
      }),
      nomination(GL, {
        id: 'N7',
        type: 'Doanh nghiệp, hợp tác xã',
        name: 'HTX Gia Tân',
        achievement: ach,
        award: 'Bằng khen của Thủ tướng Chính phủ',
        year: 2025,
      }),
    ]);
    expect(list.slice(0, 2).map((e) => e.id)).toEqual(['N6', 'N7']);
    for (const id of ['N6', 'N7']) {
      expect(byId(list, id).reason).toContain('Trình cấp trên xét');
      expect(byId(list, id).reason).toContain('Khen thưởng đã có');
      expect(byId(list, id)).toMatchObject({ status: 'to_higher_level', eligible: false });
    }
    expect(byId(list, 'N6').authority).toBe('Chủ tịch nước');
  });

  test('individual with achievement is eligible; evidence is the achievement', () => {
    const e = byId(
      run(tmComplete(), [
        nomination(GL, {
          id: 'N8',
          type: 'Cá nhân',
          name: 'Nguyễn Văn A',
          achievement: ach,
          award: DEPT,
          year: 2025,
        }),
      ]),
      'N8',
    );
    expect(e).toMatchObject({
      status: 'eligible',
      eligible: true,
      evidence: ach,
      district: GL,
      type: 'Cá nhân',
    });
  });

  test('only the year’s nominations; an invalid year is listed as not eligible', () => {
    const list = run(tmComplete(), [
      nomination(GL, {
        id: 'N9',
        type: 'Cá nhân',
        name: 'A',
        achievement: ach,
        award: DIST,
        year: 2024,
      }),
      nomination(GL, {
        id: 'N10',
        type: 'Cá nhân',
        name: 'B',
        achievement: ach,
        award: DIST,
        year: 'năm nay',
      }),
    ]);
    expect(list.find((e) => e.id === 'N9')).toBeUndefined();
    expect(byId(list, 'N10')).toMatchObject({ status: 'not_eligible', unmet: ['achievement'] });
    expect(byId(list, 'N10').reason).toContain('năm đề nghị không thuộc giai đoạn');
  });

  test('within an award: counted entries first, then not eligible ones', () => {
    const list = run(tmComplete(), [
      nomination(GL, {
        id: 'A1',
        type: 'Cá nhân',
        name: 'An',
        achievement: '',
        award: DIST,
        year: 2025,
      }),
      nomination(GL, {
        id: 'A2',
        type: 'Cá nhân',
        name: 'Bình',
        achievement: ach,
        award: DIST,
        year: 2025,
      }),
    ]);
    const dist = list.filter((e) => e.award === DIST);
    expect(dist.map((e) => e.status)).toEqual([
      ...dist.slice(0, -1).map(() => 'other_authority'),
      'not_eligible',
    ]);
    expect(dist[dist.length - 1].id).toBe('A1');
  });
});
