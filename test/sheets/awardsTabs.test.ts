// The pure parts of the award tabs and records: the stored submission records (new and former),
// the shortlist tab's analysts' columns found by their headers, the annex's rows, and the award
// table of Cấu hình (its new columns, and the levels a former Cấu hình wrote).
import { configGrid } from '../../src/sheets/configGrid';
import { readConfigValues } from '../../src/sheets/configReader';
import { annexBlock } from '../../src/sheets/annexTab';
import {
  isRejected,
  readAnalystNotes,
  shortlistValues,
  ANNEX_FIRST_COLUMN,
} from '../../src/sheets/shortlistTab';
import { parseSubmissions, storedSubmission } from '../../src/sheets/submissions';
import {
  DEFAULT_CONFIG,
  countedSubmission,
  withEvent,
  type AnnexItem,
  type ShortlistEntry,
  type Submission,
} from '../../src/core';

const GL = 'Huyện Gia Lộc';

describe('stored submission records', () => {
  test('a record with its history round-trips; the events decide', () => {
    let r = withEvent(undefined, GL, 2025, {
      type: 'submitted',
      at: '2025-11-20T02:00:00.000Z',
      by: 'a@x.vn',
      figures: 'preliminary',
    });
    r = withEvent(r, GL, 2025, {
      type: 'submitted',
      at: '2025-12-02T02:00:00.000Z',
      by: 'a@x.vn',
      figures: 'official',
    });
    const [key, value] = storedSubmission(r as Submission);
    expect(key).toBe(`gn.submission|${GL}|2025`);
    const [read] = parseSubmissions({ [key]: value });
    expect(read).toMatchObject({ submittedAt: '2025-12-02T02:00:00.000Z', figures: 'official' });
    expect(countedSubmission(read)?.at).toBe('2025-11-20T02:00:00.000Z');
    // What a reader of the state alone (the former version) finds: the latest state.
    expect(JSON.parse(value)).toMatchObject({
      unit: GL,
      year: 2025,
      status: 'submitted',
      email: 'a@x.vn',
    });
  });

  test('a record written before the history was kept is read as its state', () => {
    const former = JSON.stringify({
      unit: GL,
      year: 2025,
      submittedAt: '2025-11-20T02:00:00.000Z',
      email: 'a@x.vn',
      status: 'returned',
      reviewedAt: '2025-11-21T02:00:00.000Z',
      returnReason: 'thiếu',
    });
    const [read] = parseSubmissions({ [`gn.submission|${GL}|2025`]: former });
    expect(read).toMatchObject({ status: 'returned', returnReason: 'thiếu' });
    expect(countedSubmission(read)).toBeUndefined();
  });

  test('damaged values are ignored (not submitted)', () => {
    const list = parseSubmissions({
      'gn.submission|A|2025': '{not json',
      'gn.submission|B|2025': JSON.stringify({ unit: 'B', year: 2025, events: [{ type: 'x' }] }),
      'gn.submission|C|2025': JSON.stringify({ unit: 'C', year: 2025, events: [] }),
      'gn.other': '{}',
    });
    expect(list).toEqual([]);
  });
});

describe('the shortlist tab', () => {
  const entry = (id: string, status: ShortlistEntry['status']): ShortlistEntry => ({
    id,
    district: GL,
    type: 'Tập thể',
    name: `Tên ${id}`,
    award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
    status,
    eligible: status === 'eligible',
    unmet: [],
    duplicateOf: null,
    reason: 'r',
    evidence: 'e',
  });
  const item = (id: string): AnnexItem => ({
    id,
    award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
    awardClass: 'province',
    name: `Tên ${id}`,
    position: 'Tỉnh Hải Dương',
    achievement: 'Thành tích',
  });

  test("the analysts' columns of a former layout (Đủ điều kiện, 11 columns) are read by header", () => {
    const former = [
      ['ĐỀ XUẤT…'],
      [''],
      [''],
      [
        'Mã',
        'Đơn vị',
        'Loại',
        'Tên tập thể, cá nhân',
        'Hình thức đề nghị',
        'Cấp quyết định',
        'Đủ điều kiện',
        'Lý do',
        'Căn cứ (số liệu)',
        'Quyết định',
        'Ghi chú',
      ],
      ['', '', '', 'BẰNG KHEN…', '', '', '', '', '', '', ''],
      [
        'X1',
        GL,
        'Tập thể',
        'Tên X1',
        'B',
        'C',
        'Đủ điều kiện',
        'r',
        'e',
        'Không đồng ý',
        'hồ sơ thiếu',
      ],
    ];
    const notes = readAnalystNotes(former);
    expect([...notes.keys()]).toEqual(['X1']);
    expect(notes.get('X1')).toMatchObject({
      decision: 'Không đồng ý',
      note: 'hồ sơ thiếu',
      prior: '',
    });
  });

  test('decisions that reject: Không…, Loại, Từ chối, Trả lại; others do not', () => {
    for (const d of ['Không đồng ý', 'không', ' KHÔNG ĐỀ NGHỊ', 'Loại', 'từ chối', 'Trả lại hồ sơ'])
      expect(isRejected(d)).toBe(true);
    for (const d of ['Đồng ý', 'Chờ bổ sung hồ sơ', '', null, 1]) expect(isRejected(d)).toBe(false);
  });

  test("the note above the list names every word that rejects, as the annex's note does", () => {
    const values = shortlistValues(DEFAULT_CONFIG, 2025, [entry('K1', 'eligible')], new Map(), 0);
    expect(values[1][0]).toBe(
      'Cột "Quyết định", "Ghi chú" và "Khen thưởng đã có" dành cho cán bộ tổng hợp; nội dung đã nhập được giữ nguyên mỗi lần tổng hợp lại. Quyết định bắt đầu bằng "Không", "Loại", "Từ chối" hoặc "Trả lại" đưa đề xuất ra khỏi "Danh sách đề nghị khen thưởng" ở lần tổng hợp sau.',
    );
  });

  test("the annex's rows beside the list leave out what analysts rejected", () => {
    const typed = new Map([['K2', { decision: 'Không đồng ý', note: '', prior: '', kept: {} }]]);
    const values = shortlistValues(
      DEFAULT_CONFIG,
      2025,
      [entry('K1', 'eligible'), entry('K2', 'eligible')],
      typed,
      0,
      [item('K1'), item('K2')],
    );
    const annex = values.map((row) => row.slice(ANNEX_FIRST_COLUMN - 1));
    const names = annex.map((r) => r[1]);
    expect(names).toContain("'Tên K1");
    expect(names).not.toContain("'Tên K2");
    // The decision typed on K2 is kept on its row.
    const k2 = values.find((r) => r[0] === "'K2")!;
    expect(k2[9]).toBe("'Không đồng ý");
  });

  test('annex rows: the subtitle, then a title per form (I, II…) and its entries (1, 2…)', () => {
    const rows = annexBlock(
      DEFAULT_CONFIG,
      2025,
      [item('A'), item('B'), { ...item('C'), award: 'Huân chương Lao động', awardClass: 'higher' }],
      100,
    );
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      [`'Phong trào thi đua "${DEFAULT_CONFIG.movementName}" năm 2025`, undefined],
      ['I', "'BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH (tỉnh khen thưởng)"],
      ["'1", "'Tên A"],
      ["'2", "'Tên B"],
      ['II', "'HUÂN CHƯƠNG LAO ĐỘNG (trình cấp trên xét)"],
      ["'1", "'Tên C"],
    ]);
    const cut = annexBlock(DEFAULT_CONFIG, 2025, [item('A'), item('B'), item('C')], 4);
    expect(cut).toHaveLength(4);
    expect(cut[3][1]).toBe('\'… và 2 đề nghị khác: xem trang "Đề xuất khen thưởng".');
  });
});

describe('the award table of Cấu hình', () => {
  test('the default grid reads back to the default awards (classes, types, quotas, prior awards)', () => {
    const grid = configGrid(DEFAULT_CONFIG);
    const values = grid.values.map((row) =>
      row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
    );
    for (const { row, column } of grid.dates) {
      const [y, m, d] = String(values[row - 1][column - 1])
        .split('-')
        .map(Number);
      values[row - 1][column - 1] = new Date(y, m - 1, d) as unknown as string;
    }
    const read = readConfigValues(values);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.config.awards).toEqual(DEFAULT_CONFIG.awards);
    expect(read.config.shortlistRules).toEqual(DEFAULT_CONFIG.shortlistRules);
  });

  test('a former table (levels, no types, quota or prior awards) still reads: classes from levels', () => {
    const grid = configGrid(DEFAULT_CONFIG);
    const values = grid.values.map((row) =>
      row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
    );
    for (const { row, column } of grid.dates) {
      const [y, m, d] = String(values[row - 1][column - 1])
        .split('-')
        .map(Number);
      values[row - 1][column - 1] = new Date(y, m - 1, d) as unknown as string;
    }
    const start = values.findIndex((r) => r[0] === 'HÌNH THỨC KHEN THƯỞNG');
    const levels = [
      'Nhà nước',
      'Chính phủ',
      'Bộ, ngành Trung ương',
      'Tỉnh',
      'Sở, ngành tỉnh',
      'Huyện',
    ];
    values[start + 1] = ['Hình thức', 'Cấp quyết định', 'Thứ hạng', 'Cấp'];
    levels.forEach((level, i) => {
      values[start + 2 + i] = [...values[start + 2 + i].slice(0, 3), level];
    });
    const read = readConfigValues(values);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.config.awards.map((a) => a.class)).toEqual([
      'higher',
      'higher',
      'higher',
      'province',
      'province',
      'other',
    ]);
    expect(read.config.awards.every((a) => a.subjectTypes.length === 4 && a.quota === null)).toBe(
      true,
    );
  });

  test('a bad class or subject type is a problem naming the cell', () => {
    const grid = configGrid(DEFAULT_CONFIG);
    const values = grid.values.map((row) =>
      row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
    );
    for (const { row, column } of grid.dates) {
      const [y, m, d] = String(values[row - 1][column - 1])
        .split('-')
        .map(Number);
      values[row - 1][column - 1] = new Date(y, m - 1, d) as unknown as string;
    }
    const start = values.findIndex((r) => r[0] === 'HÌNH THỨC KHEN THƯỞNG');
    values[start + 2] = [
      ...values[start + 2].slice(0, 3),
      'Trung ương',
      'Cá nhân; Đoàn thể',
      '',
      '',
    ];
    const read = readConfigValues(values);
    expect(read.ok).toBe(false);
    const messages = read.ok ? [] : read.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`ô D${start + 3}, mục "Thẩm quyền xét"`),
        expect.stringContaining(`ô E${start + 3}, mục "Đối tượng được khen"`),
      ]),
    );
  });
});
