// One entry per subject per year: the unit, a commune (any collective with that commune), or a
// person, household or enterprise matched within its unit and type after normalising names. A
// rule proposal and a nomination of the same subject and form are one entry (the nomination);
// several forms: the highest eligible one is kept, the others are duplicates; nothing is counted
// twice. Quotas, when Cấu hình sets them, cut the weakest entries of a form.
import type { Config } from '../../src/core';
import {
  BK_TINH,
  BK_TTG,
  GK_HUYEN,
  GK_SO,
  U,
  byId,
  communesOf,
  fixtureConfig,
  nom,
  shortlistOf,
  unitInput,
} from './shortlistFixture';

const [OK1, OK2] = communesOf(U.ok);

describe('a rule proposal and a nomination of the same subject and form are one entry', () => {
  test('a commune collective, whatever its free-text name: the nomination, with the rule evidence', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'N1', 'Tập thể', `Ủy ban nhân dân ${OK1.toLowerCase()}`, GK_HUYEN, {
            commune: OK1,
          }),
        ],
      }),
    ]);
    const ruleId = 'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-1';
    expect(list.find((e) => e.id === ruleId)).toBeUndefined();
    const e = byId(list, 'N1');
    expect(e).toMatchObject({
      name: `Ủy ban nhân dân ${OK1.toLowerCase()}`,
      status: 'other_authority',
      unmet: [],
    });
    // Xã An Phú 1: poor 30 → 5.
    expect(e.evidence).toContain('(từ 30 xuống 5 hộ)');
    expect(e.reason).toContain(`Đã gộp đề xuất theo quy tắc ${ruleId}`);
    // The other commune's rule proposal stays.
    expect(byId(list, 'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-2').status).toBe('other_authority');
    expect(list.filter((e) => e.award === GK_HUYEN)).toHaveLength(2);
  });

  test('the unit, named in another case and spacing; an empty summary is filled by the rule', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'N2', 'Tập thể', '  huyện   an phú ', BK_TINH, { achievement: '' }),
        ],
      }),
    ]);
    expect(list.find((e) => e.id === 'DX-2025-DV-HUYEN-AN-PHU')).toBeUndefined();
    expect(byId(list, 'N2')).toMatchObject({ status: 'eligible', eligible: true, unmet: [] });
  });

  test('a collective with no commune named as a commune of the unit is that commune', () => {
    const list = shortlistOf([
      unitInput(U.ok, { nominations: [nom(U.ok, 'N3', 'Tập thể', OK2, GK_HUYEN)] }),
    ]);
    expect(list.find((e) => e.id === 'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-2')).toBeUndefined();
    expect(byId(list, 'N3').status).toBe('other_authority');
  });
});

describe('one subject, several forms: the highest eligible form is kept', () => {
  test("the unit for the Prime Minister's Bằng khen and the province's: the other is a duplicate", () => {
    const list = shortlistOf([
      unitInput(U.ok, { nominations: [nom(U.ok, 'N4', 'Tập thể', U.ok, BK_TTG)] }),
    ]);
    expect(byId(list, 'N4')).toMatchObject({
      status: 'to_higher_level',
      eligible: false,
      duplicateOf: null,
    });
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU')).toMatchObject({
      status: 'duplicate',
      eligible: false,
      unmet: [],
      duplicateOf: 'N4',
    });
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU').reason).toContain(
      'Trùng đối tượng với đề xuất N4',
    );
  });

  test('a person named twice (case, spaces, NFD) within one unit and type: the higher form kept', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'P1', 'Cá nhân', 'Nguyễn Văn An', GK_SO),
          nom(U.ok, 'P2', 'Cá nhân', ' nguyễn  văn an'.normalize('NFD'), BK_TINH),
        ],
      }),
    ]);
    expect(byId(list, 'P2')).toMatchObject({ status: 'eligible', duplicateOf: null });
    expect(byId(list, 'P1')).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'P2',
      eligible: false,
    });
  });

  test('the same name in another unit, or as another type, is another subject', () => {
    const list = shortlistOf([
      unitInput(U.ok, { nominations: [nom(U.ok, 'P3', 'Cá nhân', 'Nguyễn Văn An', GK_SO)] }),
      unitInput(U.plan, {
        nominations: [
          nom(U.plan, 'P4', 'Cá nhân', 'Nguyễn Văn An', BK_TINH),
          nom(U.plan, 'P5', 'Hộ gia đình', 'Nguyễn Văn An', GK_SO),
        ],
      }),
    ]);
    for (const id of ['P3', 'P4', 'P5']) expect(byId(list, id).status).toBe('eligible');
  });

  test('a not eligible entry keeps its status and reason; the subject is kept at its lower form', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'P6', 'Cá nhân', 'Lê Thị Bình', BK_TINH, { achievement: '' }),
          nom(U.ok, 'P7', 'Cá nhân', 'Lê Thị Bình', GK_SO),
        ],
      }),
    ]);
    expect(byId(list, 'P6')).toMatchObject({
      status: 'not_eligible',
      unmet: ['achievement'],
      duplicateOf: null,
    });
    expect(byId(list, 'P6').reason).toBe('Không đủ điều kiện: thiếu tóm tắt thành tích.');
    expect(byId(list, 'P7')).toMatchObject({ status: 'eligible', duplicateOf: null });
  });

  test('an entry of another authority duplicates a kept entry of the same subject', () => {
    // Xã An Phú 1 nominated for the province's Bằng khen; the rule proposes the district's Giấy khen.
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [nom(U.ok, 'C1', 'Tập thể', 'Đảng bộ xã', BK_TINH, { commune: OK1 })],
      }),
    ]);
    expect(byId(list, 'C1').status).toBe('eligible');
    expect(byId(list, 'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-1')).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'C1',
    });
  });

  test('nothing is counted twice: each subject has at most one counted entry', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'Q1', 'Tập thể', U.ok, BK_TTG),
          nom(U.ok, 'Q2', 'Tập thể', U.ok, GK_SO),
          nom(U.ok, 'Q3', 'Tập thể', 'UBND xã', BK_TINH, { commune: OK1 }),
          nom(U.ok, 'Q4', 'Tập thể', 'Hội Nông dân xã', GK_SO, { commune: OK1 }),
        ],
      }),
    ]);
    const counted = list.filter((e) =>
      ['eligible', 'to_higher_level', 'other_authority'].includes(e.status),
    );
    expect(counted.map((e) => e.id).sort()).toEqual([
      'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-2',
      'Q1',
      'Q3',
    ]);
    expect(byId(list, 'Q2').duplicateOf).toBe('Q1');
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU').duplicateOf).toBe('Q1');
    expect(byId(list, 'Q4').duplicateOf).toBe('Q3');
    expect(byId(list, 'DX-2025-XA-HUYEN-AN-PHU-XA-AN-PHU-1').duplicateOf).toBe('Q3');
  });
});

describe('a quota on Cấu hình', () => {
  const withQuota = (award: string, quota: number): Config => ({
    ...fixtureConfig,
    awards: fixtureConfig.awards.map((a) => (a.name === award ? { ...a, quota } : a)),
  });

  test('no quota by default: every eligible unit is proposed', () => {
    const list = shortlistOf([unitInput(U.ok), unitInput(U.plan)]);
    expect(list.filter((e) => e.award === BK_TINH && e.status === 'eligible')).toHaveLength(2);
  });

  test('beyond the quota, by strength of evidence then name: not eligible with quota', () => {
    // An Phú and Bình Minh both reduce poor households by 82 %: by name, An Phú first.
    const list = shortlistOf([unitInput(U.plan), unitInput(U.ok)], withQuota(BK_TINH, 1));
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU').status).toBe('eligible');
    const cut = byId(list, 'DX-2025-DV-HUYEN-BINH-MINH');
    expect(cut).toMatchObject({ status: 'not_eligible', unmet: ['quota'] });
    expect(cut.reason).toContain(`vượt số lượng tối đa 1 đề nghị "${BK_TINH}" mỗi năm`);
  });

  test('stronger evidence first; a subject cut by a quota is still kept at a lower form', () => {
    // Bình Minh's commune 2 row poor 4 → 2: unit poor 50 → 7 (86 %), stronger than An Phú's 82 %.
    const strong = unitInput(U.plan, {
      nominations: [nom(U.plan, 'B1', 'Tập thể', U.plan, GK_SO)],
    });
    strong.rows = strong.rows.map((r) =>
      r.year === 2025 && r.commune === communesOf(U.plan)[1] ? { ...r, poor: 2 } : r,
    );
    const weak = unitInput(U.ok, { nominations: [nom(U.ok, 'A1', 'Tập thể', U.ok, GK_SO)] });
    const list = shortlistOf([weak, strong], withQuota(BK_TINH, 1));
    expect(byId(list, 'DX-2025-DV-HUYEN-BINH-MINH').status).toBe('eligible');
    expect(byId(list, 'B1')).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'DX-2025-DV-HUYEN-BINH-MINH',
    });
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU').unmet).toEqual(['quota']);
    expect(byId(list, 'A1')).toMatchObject({ status: 'eligible', duplicateOf: null });
  });

  test('duplicates take no place in a quota', () => {
    const list = shortlistOf(
      [
        unitInput(U.ok, {
          nominations: [
            nom(U.ok, 'D1', 'Cá nhân', 'Phạm Văn Cường', BK_TINH),
            nom(U.ok, 'D2', 'Cá nhân', 'Phạm Văn Cường', GK_SO),
            nom(U.ok, 'D3', 'Cá nhân', 'Võ Thị Dung', GK_SO),
          ],
        }),
      ],
      withQuota(GK_SO, 1),
    );
    expect(byId(list, 'D2').status).toBe('duplicate');
    expect(byId(list, 'D3').status).toBe('eligible');
  });
});
