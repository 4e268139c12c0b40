// Who decides: each form has a class on Cấu hình. Failing conditions make an entry not eligible
// whatever its class; otherwise `higher` forms are forwarded (to_higher_level, with the prior
// awards they normally require listed for analysts), `province` forms are the province's own
// (eligible), `other` forms belong to another authority (other_authority, not counted). Which
// subject types may receive each form is on Cấu hình (defaults from Law 06/2022/QH15).
import { DEFAULT_CONFIG, type Config } from '../../src/core';
import {
  BK_BO,
  BK_TINH,
  BK_TTG,
  GK_HUYEN,
  GK_SO,
  HCLD,
  U,
  byId,
  fixtureConfig,
  nom,
  shortlistOf,
  unitInput,
} from './shortlistFixture';

const person = (id: string, award: string, extra = {}) =>
  nom(U.ok, id, 'Cá nhân', `Cán bộ ${id}`, award, extra);

describe('the class of each default form', () => {
  const list = shortlistOf([
    unitInput(U.ok, {
      nominations: [
        person('H1', HCLD),
        person('H2', BK_TTG),
        person('H3', BK_BO),
        person('H4', BK_TINH),
        person('H5', GK_SO),
        person('H6', GK_HUYEN),
      ],
    }),
  ]);

  test.each([
    ['H1', 'to_higher_level', 'Chủ tịch nước'],
    ['H2', 'to_higher_level', 'Thủ tướng Chính phủ'],
    ['H3', 'to_higher_level', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội'],
    ['H4', 'eligible', 'Chủ tịch Ủy ban nhân dân tỉnh'],
    ['H5', 'eligible', 'Giám đốc Sở Lao động - Thương binh và Xã hội'],
    ['H6', 'other_authority', 'Chủ tịch Ủy ban nhân dân cấp huyện'],
  ])('%s → %s (%s)', (id, status, authority) => {
    const e = byId(list, id);
    expect(e).toMatchObject({ status, authority, unmet: [], duplicateOf: null });
    expect(e.eligible).toBe(status === 'eligible');
  });

  test('a form above the province: "trình cấp trên xét", the prior awards listed for analysts', () => {
    const e = byId(list, 'H2');
    expect(e.reason).toMatch(
      /^Trình cấp trên xét: hình thức này do Thủ tướng Chính phủ quyết định/,
    );
    expect(e.reason).toContain('Khen thưởng đã có');
    expect(e.reason).toContain('Bằng khen cấp bộ, ngành hoặc cấp tỉnh');
  });

  test("another authority: listed apart, not counted as the province's", () => {
    expect(byId(list, 'H6').reason).toContain('không tính vào đề xuất của tỉnh');
  });

  test('grouped by form, highest first', () => {
    const ranks = list.map(
      (e) => DEFAULT_CONFIG.awards.find((a) => a.name === e.award)?.rank ?? 99,
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

test('failing conditions: not eligible whatever the class', () => {
  const list = shortlistOf([
    unitInput(U.ok, {
      nominations: [
        person('F1', HCLD, { achievement: '' }),
        person('F2', GK_HUYEN, { achievement: '' }),
        person('F3', 'Cờ thi đua của Chính phủ'),
      ],
    }),
  ]);
  expect(byId(list, 'F1')).toMatchObject({ status: 'not_eligible', unmet: ['achievement'] });
  expect(byId(list, 'F2')).toMatchObject({ status: 'not_eligible', unmet: ['achievement'] });
  expect(byId(list, 'F3')).toMatchObject({
    status: 'not_eligible',
    unmet: ['award_unknown'],
    authority: '',
    award: 'Cờ thi đua của Chính phủ',
  });
  expect(byId(list, 'F3').reason).toContain('không có trong danh mục');
  expect(byId(list, 'F3').reason.split('không có trong danh mục')).toHaveLength(2);
  expect(list[list.length - 1].id).toBe('F3');
});

describe('which subject types a form may receive', () => {
  test('Huân chương Lao động: individuals, collectives and enterprises, not households', () => {
    const list = shortlistOf([
      unitInput(U.ok, {
        nominations: [
          nom(U.ok, 'T1', 'Hộ gia đình', 'Hộ ông Trần Văn Bảo', HCLD),
          nom(U.ok, 'T2', 'Doanh nghiệp, hợp tác xã', 'HTX Nông nghiệp An Phú', HCLD),
          nom(U.ok, 'T3', 'Hộ gia đình', 'Hộ bà Lê Thị Cúc', BK_TTG),
        ],
      }),
    ]);
    expect(byId(list, 'T1')).toMatchObject({ status: 'not_eligible', unmet: ['type_not_allowed'] });
    expect(byId(list, 'T1').reason).toContain(
      'Huân chương Lao động không dành cho đối tượng "Hộ gia đình"',
    );
    expect(byId(list, 'T2').status).toBe('to_higher_level');
    expect(byId(list, 'T3').status).toBe('to_higher_level');
  });

  test('Cấu hình decides: a form limited to individuals refuses a collective, the rule proposal too', () => {
    const config: Config = {
      ...fixtureConfig,
      awards: fixtureConfig.awards.map((a) =>
        a.name === BK_TINH ? { ...a, subjectTypes: ['Cá nhân'] } : a,
      ),
    };
    const list = shortlistOf([unitInput(U.ok)], config);
    expect(byId(list, 'DX-2025-DV-HUYEN-AN-PHU')).toMatchObject({
      status: 'not_eligible',
      unmet: ['type_not_allowed'],
    });
  });

  test('a type that is none of the four: type_not_allowed', () => {
    const list = shortlistOf([
      unitInput(U.ok, { nominations: [nom(U.ok, 'T4', 'Đoàn thể', 'Hội Phụ nữ huyện', BK_TINH)] }),
    ]);
    expect(byId(list, 'T4').unmet).toEqual(['type_not_allowed']);
  });
});
