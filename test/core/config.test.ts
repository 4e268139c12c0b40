import { DEFAULT_CONFIG, HAI_DUONG_COMMUNES, parseConfig, configSchema } from '../../src/core';

describe('DEFAULT_CONFIG', () => {
  test('parses and matches the plan', () => {
    const r = parseConfig(DEFAULT_CONFIG);
    expect(r.ok).toBe(true);
    expect(configSchema.safeParse(DEFAULT_CONFIG).success).toBe(true);
    expect(DEFAULT_CONFIG.targets).toEqual({ poorReduction: 0.8, combinedReduction: 0.5 });
    expect(DEFAULT_CONFIG.baselineYear).toBe(2021);
    expect(DEFAULT_CONFIG.years).toEqual([2022, 2023, 2024, 2025]);
  });
  test('12 units with official names, 235 communes, tab = name', () => {
    expect(DEFAULT_CONFIG.units).toHaveLength(12);
    expect(DEFAULT_CONFIG.units.reduce((n, u) => n + u.communes.length, 0)).toBe(235);
    expect(HAI_DUONG_COMMUNES.reduce((n, u) => n + u.communes.length, 0)).toBe(235);
    const names = DEFAULT_CONFIG.units.map((u) => u.name);
    for (const n of [
      'Thành phố Hải Dương',
      'Thành phố Chí Linh',
      'Thị xã Kinh Môn',
      'Huyện Nam Sách',
      'Huyện Gia Lộc',
      'Huyện Thanh Miện',
      'Huyện Bình Giang',
    ])
      expect(names).toContain(n);
    for (const u of DEFAULT_CONFIG.units) expect(u.tab).toBe(u.name);
    expect(DEFAULT_CONFIG.units.find((u) => u.name === 'Huyện Bình Giang')?.communes).toHaveLength(
      16,
    );
  });
  test('six award forms in order with exact names', () => {
    expect(DEFAULT_CONFIG.awards.map((a) => a.name)).toEqual([
      'Huân chương Lao động',
      'Bằng khen của Thủ tướng Chính phủ',
      'Bằng khen của Bộ Lao động - Thương binh và Xã hội',
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội',
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    ]);
    expect(DEFAULT_CONFIG.awards.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  test('weights sum to 100', () => {
    const w = DEFAULT_CONFIG.weights;
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('parseConfig problems', () => {
  const bad = (patch: Record<string, unknown>) => parseConfig({ ...DEFAULT_CONFIG, ...patch });
  test('wrong type: Vietnamese message on Cấu hình', () => {
    const r = bad({ baselineYear: 'hai nghìn' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].sheet).toBe('Cấu hình');
    expect(r.problems[0].cell).toBe('baselineYear');
    expect(r.problems[0].message).toContain('Năm đầu kỳ');
    expect(r.problems[0].message).toContain('phải là số');
  });
  test('cellOf maps paths to cells', () => {
    const r = parseConfig(
      { ...DEFAULT_CONFIG, targets: { poorReduction: 2, combinedReduction: 0.5 } },
      (p) => (p === 'targets.poorReduction' ? 'B7' : '?'),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].cell).toBe('B7');
  });
  test('weights must sum to 100', () => {
    const r = bad({ weights: { ...DEFAULT_CONFIG.weights, progress: 50 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('tổng các trọng số phải bằng 100');
  });
  test('shortlist award must be in the catalogue', () => {
    const r = bad({
      shortlistRules: { ...DEFAULT_CONFIG.shortlistRules, unitAward: 'Cờ thi đua' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('không có trong danh mục');
  });
  test('duplicate unit and mid-term year outside the period', () => {
    const r = bad({ units: [...DEFAULT_CONFIG.units, DEFAULT_CONFIG.units[0]], midTermYear: 2030 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const all = r.problems.map((p) => p.message).join('\n');
      expect(all).toContain('bị lặp lại');
      expect(all).toContain('năm sơ kết (2030)');
    }
  });
  test('not an object at all', () => {
    const r = parseConfig(42);
    expect(r.ok).toBe(false);
  });
  test('names are normalised (NFD → NFC, spaces)', () => {
    const nfd = { ...DEFAULT_CONFIG.units[0], name: '  Thành  phố Hải Dương '.normalize('NFD') };
    const r = parseConfig({ ...DEFAULT_CONFIG, units: [nfd, ...DEFAULT_CONFIG.units.slice(1)] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.config.units[0].name).toBe('Thành phố Hải Dương');
  });
});

describe('poverty standards per year', () => {
  const { DEFAULT_CONFIG: D, parseConfig: parse } =
    jest.requireActual<typeof import('../../src/core')>('../../src/core');
  test('Decree 351/2025 has no middle-income line (null), and is accepted', () => {
    const s = D.povertyStandards.find((p) => p.decree === '351/2025/NĐ-CP')!;
    expect(s.middleIncomeLine).toEqual({ rural: null, urban: null });
    expect(s.incomeLine).toEqual({ rural: 2_200_000, urban: 2_800_000 });
    expect(parse(D).ok).toBe(true);
  });
  test('two standards for one year are refused', () => {
    const [a, b] = D.povertyStandards;
    const r = parse({ ...D, povertyStandards: [a, { ...b, fromYear: 2026 }] });
    expect(!r.ok && r.problems[0].message).toContain(
      'chuẩn 2022-2026 và chuẩn 2027-2030 cùng áp dụng cho năm 2026',
    );
  });
});
