import { validateUnit, type Problem } from '../../src/core';
import { GL, config, criteria, hpn, nomination, row, unit } from './helpers';

const only = (problems: Problem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('commune-year rows', () => {
  test('valid rows become records; entirely blank rows are "not reported", not errors', () => {
    const v = validateUnit(
      config,
      unit(GL, [hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60), row(GL, 'Xã Gia Xuyên', 2021, {})]),
    );
    expect(v.problems).toEqual([]);
    expect(v.records).toEqual([
      {
        unit: GL,
        commune: 'Xã Gia Tân',
        year: 2021,
        households: 1000,
        poor: 50,
        nearPoor: 60,
        poorExited: null,
        poorReturned: null,
        poorNew: null,
        mergedInto: null,
      },
    ]);
  });

  test('poor > households: message names tab, cell, figures, year and commune', () => {
    const v = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2023, { households: 100, poor: 120, nearPoor: 0 }, 7)]),
    );
    const p = only(v.problems);
    expect(p).toEqual({
      sheet: GL,
      cell: 'D7',
      year: 2023,
      message:
        'Trang "Huyện Gia Lộc", ô D7: số hộ nghèo (120) lớn hơn tổng số hộ (100). Hãy kiểm tra lại số liệu năm 2023 của Xã Gia Tân.',
    });
    expect(v.records).toEqual([]);
  });

  test('near-poor > households and poor + near-poor > households', () => {
    const a = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2023, { households: 100, poor: 0, nearPoor: 101 }, 8)]),
    );
    expect(only(a.problems).cell).toBe('E8');
    expect(a.problems[0].message).toContain('số hộ cận nghèo (101) lớn hơn tổng số hộ (100)');
    // 60 + 50 = 110 > 100
    const b = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2023, { households: 100, poor: 60, nearPoor: 50 }, 9)]),
    );
    expect(only(b.problems).message).toContain('bằng 110, lớn hơn tổng số hộ (100)');
    // 50 + 50 = 100 is fine
    expect(
      validateUnit(config, unit(GL, [hpn(GL, 'Xã Gia Tân', 2023, 100, 50, 50)])).problems,
    ).toEqual([]);
  });

  test.each([
    ['12', 'là chữ, không phải số'],
    ['1.234', 'hãy gõ 1234'],
    [' 1,234 ', 'hãy gõ 1234'],
    [12.5, 'không phải là số nguyên'],
    [-3, 'là số âm'],
    [2e9, 'quá lớn'],
    [new Date('2023-01-02'), 'là ngày tháng'],
    [true, 'TRUE/FALSE'],
    ['#REF!', 'lỗi công thức (#REF!)'],
    ['abc', 'không phải là số'],
    [Number.NaN, 'không phải là số hợp lệ'],
  ])('households %p → error containing "%s"', (value, text) => {
    const v = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2022, { households: value, poor: 1, nearPoor: 1 }, 11)]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('C11');
    expect(p.message).toContain(text);
    expect(p.message).toContain('Trang "Huyện Gia Lộc", ô C11: tổng số hộ');
    expect(v.records).toEqual([]);
  });

  test('required fields blank when others are filled', () => {
    const v = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2022, { households: 100 }, 12)]),
    );
    expect(v.problems.map((p) => p.cell)).toEqual(['D12', 'E12']);
    expect(v.problems[0].message).toContain('số hộ nghèo còn trống');
  });

  test('commune twice in a year: every copy in error, neither summed', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(GL, 'Xã Gia Tân', 2022, { households: 100, poor: 5, nearPoor: 5 }, 13),
        row(
          GL,
          ' Xã  Gia Tân'.normalize('NFD'),
          2022,
          { households: 100, poor: 5, nearPoor: 5 },
          14,
        ),
        hpn(GL, 'Xã Gia Tân', 2023, 100, 4, 4),
      ]),
    );
    expect(v.problems.map((p) => p.cell)).toEqual(['A13', 'A14']);
    expect(v.problems[0].message).toContain('có 2 dòng số liệu cho năm 2022 (ô A13, A14)');
    expect(v.records.map((r) => r.year)).toEqual([2023]);
  });

  test('a unit not in Cấu hình (the reader never gives one): named at A1, no row kept', () => {
    const v = validateUnit(
      config,
      unit('Huyện Không Có', [
        row('Huyện Không Có', 'Xã A', 2022, { households: 1, poor: 0, nearPoor: 0 }, 15),
      ]),
    );
    expect(v.records).toEqual([]);
    expect(v.communes).toEqual([]);
    expect(v.problems.map((p) => [p.cell, p.year])).toEqual([
      ['A1', undefined],
      ['A15', 2022],
    ]);
    expect(v.problems[0].message).toContain(
      'đơn vị "Huyện Không Có" không có trong danh sách đơn vị trên trang "Cấu hình"',
    );
    expect(v.problems[1].message).toContain('xã "Xã A" không có trong danh sách xã');
  });

  test('year outside baseline + period', () => {
    const v = validateUnit(
      config,
      unit(GL, [row(GL, 'Xã Gia Tân', 2020, { households: 1, poor: 0, nearPoor: 0 }, 16)]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('B16');
    expect(p.message).toContain('năm 2020 không thuộc');
  });

  test('commune not configured; NFD/space variants of a configured one are fine', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(GL, 'Xã Gia Tan', 2022, { households: 1, poor: 0, nearPoor: 0 }, 17),
        hpn(GL, 'Xã   Gia Xuyên'.normalize('NFD'), 2022, 10, 1, 1),
      ]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('A17');
    expect(p.message).toContain('"Xã Gia Tan" không có trong danh sách xã của Huyện Gia Lộc');
    expect(p.message).toContain('Cấu hình');
    expect(v.records.map((r) => r.commune)).toEqual(['Xã Gia Xuyên']);
  });

  test('a commune name that is nearly right says what to type', () => {
    const named = (name: string, at: number) =>
      row(GL, name, 2022, { households: 10, poor: 1, nearPoor: 1 }, at);
    const v = validateUnit(
      config,
      unit(GL, [named('xã gia tân', 20), named('Gia Tan', 21), named('Xã Gia Tân\u200b', 22)]),
    );
    expect(v.problems.map((p) => p.cell)).toEqual(['A20', 'A21', 'A22']);
    expect(v.problems[0].message).toContain(
      'Tên xã khác "Xã Gia Tân" trên trang "Cấu hình" ở chữ hoa, chữ thường; hãy gõ đúng "Xã Gia Tân".',
    );
    expect(v.problems[1].message).toContain('Có phải là "Xã Gia Tân"?');
    expect(v.problems[2].message).toContain('có ký tự ẩn');
  });

  test('households ten times another year are flagged (an extra digit); less is not', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
        row(GL, 'Xã Gia Tân', 2022, { households: 10000, poor: 40, nearPoor: 50 }, 30),
        hpn(GL, 'Xã Gia Xuyên', 2021, 800, 40, 30),
        hpn(GL, 'Xã Gia Xuyên', 2022, 1700, 30, 30),
      ]),
    );
    const p = only(v.problems);
    expect([p.cell, p.year]).toEqual(['C30', 2022]);
    expect(p.message).toBe(
      'Trang "Huyện Gia Lộc", ô C30: tổng số hộ năm 2022 (10.000) gấp 10 lần trở lên số hộ của xã trong năm khác (1.000 hộ), khó có thể đúng. Có thể đã gõ thừa chữ số. Hãy kiểm tra lại ô C30. Hãy kiểm tra lại số liệu năm 2022 của Xã Gia Tân.',
    );
    // Gia Xuyên 800 → 1.700: more than 1.000 households apart but not ten times: kept.
    expect(v.records.map((r) => r.commune)).toEqual(['Xã Gia Tân', 'Xã Gia Xuyên', 'Xã Gia Xuyên']);
  });

  test('movement identity holds (baseline row is the previous year of 2022)', () => {
    // 2021: 50 poor; 2022: 50 − 20 + 2 + 3 = 35
    const v = validateUnit(
      config,
      unit(GL, [
        hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
        row(GL, 'Xã Gia Tân', 2022, {
          households: 1000,
          poor: 35,
          nearPoor: 60,
          poorExited: 20,
          poorReturned: 2,
          poorNew: 3,
        }),
      ]),
    );
    expect(v.problems).toEqual([]);
    expect(v.records).toHaveLength(2);
  });

  test('broken movement identity names the cells and the expected value', () => {
    // 50 − 20 + 2 + 3 = 35, but 36 typed
    const v = validateUnit(
      config,
      unit(GL, [
        hpn(GL, 'Xã Gia Tân', 2021, 1000, 50, 60),
        row(
          GL,
          'Xã Gia Tân',
          2022,
          { households: 1000, poor: 36, nearPoor: 60, poorExited: 20, poorReturned: 2, poorNew: 3 },
          21,
        ),
      ]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('D21');
    expect(p.year).toBe(2022);
    expect(p.message).toContain('(36)');
    expect(p.message).toContain('= 35');
    expect(p.message).toContain('F21');
    expect(p.message).toContain('G21');
    expect(p.message).toContain('H21');
    expect(v.records.map((r) => r.year)).toEqual([2021]);
  });

  test('movement not checked without a valid previous row', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(GL, 'Xã Gia Tân', 2023, {
          households: 1000,
          poor: 99,
          nearPoor: 60,
          poorExited: 20,
          poorReturned: 2,
          poorNew: 3,
        }),
      ]),
    );
    expect(v.problems).toEqual([]);
  });

  test('partly filled movement (2 of 3)', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(
          GL,
          'Xã Gia Tân',
          2022,
          { households: 1000, poor: 35, nearPoor: 60, poorExited: 20, poorReturned: 2 },
          22,
        ),
      ]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('H22');
    expect(p.message).toContain(
      'Hãy điền đủ cả ba số thoát nghèo, tái nghèo, phát sinh hoặc để trống cả ba',
    );
  });

  test('mergedInto must be a commune of the unit', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(
          GL,
          'Xã Gia Tân',
          2024,
          { households: 10, poor: 1, nearPoor: 1, mergedInto: 'Xã Đoàn Tùng' },
          23,
        ),
      ]),
    );
    const p = only(v.problems);
    expect(p.cell).toBe('I23');
    expect(p.message).toContain('xã được sáp nhập vào "Xã Đoàn Tùng" không có trong danh sách');
  });

  test('a merged-away commune has no rows after its merger year', () => {
    const v = validateUnit(
      config,
      unit(GL, [
        row(GL, 'Xã Gia Tân', 2024, {
          households: 10,
          poor: 1,
          nearPoor: 1,
          mergedInto: 'Xã Gia Xuyên',
        }),
        row(GL, 'Xã Gia Tân', 2025, { households: 10, poor: 1, nearPoor: 1 }, 25),
      ]),
    );
    expect(v.mergers).toEqual([{ commune: 'Xã Gia Tân', into: 'Xã Gia Xuyên', year: 2024 }]);
    const p = only(v.problems);
    expect(p.cell).toBe('A25');
    expect(p.message).toContain('đã sáp nhập vào Xã Gia Xuyên');
  });

  test('movement identity of a successor includes its predecessors', () => {
    // 2024: Gia Tân 10 poor (merges into Gia Xuyên), Gia Xuyên 20 poor.
    // 2025 Gia Xuyên: 20 + 10 − 5 + 0 + 1 = 26
    const v = validateUnit(
      config,
      unit(GL, [
        row(GL, 'Xã Gia Tân', 2024, {
          households: 100,
          poor: 10,
          nearPoor: 1,
          mergedInto: 'Xã Gia Xuyên',
        }),
        hpn(GL, 'Xã Gia Xuyên', 2024, 200, 20, 5),
        row(GL, 'Xã Gia Xuyên', 2025, {
          households: 300,
          poor: 26,
          nearPoor: 6,
          poorExited: 5,
          poorReturned: 0,
          poorNew: 1,
        }),
      ]),
    );
    expect(v.problems).toEqual([]);
  });

  test('layout problems are passed through', () => {
    const input = unit(GL, []);
    input.layoutProblems = [
      { sheet: GL, cell: 'A1', message: 'Trang "Huyện Gia Lộc", ô A1: thiếu tiêu đề.' },
    ];
    expect(validateUnit(config, input).problems).toEqual(input.layoutProblems);
  });
});

describe('criteria', () => {
  test('Có/Không/x/TRUE and numbers', () => {
    const v = validateUnit(
      config,
      unit(GL, [], {
        criteria: [
          criteria(GL, 2023, {
            planIssued: 'Có',
            budgetAllocated: 'không',
            budgetSettled: 'x',
            reportsOnTime: true,
            resourcesMobilised: 1250.5,
            initiatives: 3,
          }),
        ],
      }),
    );
    expect(v.problems).toEqual([]);
    expect(v.criteria).toEqual([
      {
        unit: GL,
        year: 2023,
        planIssued: true,
        budgetAllocated: false,
        budgetSettled: true,
        reportsOnTime: true,
        resourcesMobilised: 1250.5,
        initiatives: 3,
      },
    ]);
  });
  test('nothing filled means no criteria; bad values are problems', () => {
    const v = validateUnit(
      config,
      unit(GL, [], {
        criteria: [
          criteria(GL, 2022, {}),
          criteria(GL, 2023, { planIssued: 'có lẽ', initiatives: -1 }, 70),
        ],
      }),
    );
    expect(v.criteria).toHaveLength(1);
    expect(v.criteria[0].planIssued).toBeNull();
    expect(v.problems.map((p) => p.cell)).toEqual(['B70', 'B75']);
    expect(v.problems[0].message).toContain('phải là "Có" hoặc "Không"');
  });
});

describe('nominations', () => {
  const base = {
    type: 'Cá nhân',
    name: 'Nguyễn Văn A',
    achievement: 'Hỗ trợ 10 hộ thoát nghèo',
    award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    year: 2025,
  };
  test('a valid nomination without id gets a stable ĐV- id', () => {
    const a = validateUnit(config, unit(GL, [], { nominations: [nomination(GL, base)] }));
    const b = validateUnit(config, unit(GL, [], { nominations: [nomination(GL, base)] }));
    expect(a.problems).toEqual([]);
    expect(a.nominations[0].id).toMatch(/^ĐV-[0-9A-F]{8}$/);
    expect(a.nominations[0].id).toBe(b.nominations[0].id);
    const c = validateUnit(
      config,
      unit(GL, [], { nominations: [nomination(GL, { ...base, name: 'Nguyễn Văn B' })] }),
    );
    expect(c.nominations[0].id).not.toBe(a.nominations[0].id);
  });
  test('a given id is kept', () => {
    const v = validateUnit(
      config,
      unit(GL, [], { nominations: [nomination(GL, { ...base, id: 'GL-01' })] }),
    );
    expect(v.nominations[0].id).toBe('GL-01');
  });
  test('empty achievement is kept without a problem', () => {
    const v = validateUnit(
      config,
      unit(GL, [], { nominations: [nomination(GL, { ...base, achievement: '' })] }),
    );
    expect(v.problems).toEqual([]);
    expect(v.nominations[0].achievement).toBe('');
  });
  test('bad type, missing name, unknown award, year outside: kept with issues', () => {
    const v = validateUnit(
      config,
      unit(GL, [], {
        nominations: [
          nomination(
            GL,
            { type: 'Đoàn thể', name: '', achievement: 'x', award: 'Cờ thi đua', year: 2019 },
            90,
          ),
        ],
      }),
    );
    const n = v.nominations[0];
    expect(n.issues).toEqual([
      { code: 'type_not_allowed', text: 'loại đối tượng không hợp lệ' },
      { code: 'achievement', text: 'thiếu tên đối tượng' },
      { code: 'award_unknown', text: 'hình thức khen thưởng không có trong danh mục' },
      { code: 'achievement', text: 'năm đề nghị không thuộc giai đoạn' },
    ]);
    expect(v.problems.map((p) => p.cell).sort()).toEqual(['B90', 'C90', 'F90', 'G90']);
  });
  test('duplicate ids get a suffix and a problem', () => {
    const v = validateUnit(
      config,
      unit(GL, [], {
        nominations: [
          nomination(GL, { ...base, id: 'X' }, 90),
          nomination(GL, { ...base, id: 'X' }, 91),
        ],
      }),
    );
    expect(v.nominations.map((n) => n.id)).toEqual(['X', 'X-2']);
    expect(only(v.problems).cell).toBe('A91');
  });
});
