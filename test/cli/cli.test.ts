// The CLI contract of PRODUCT.md, run as a user would: a child process on CSV files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { findSoffice } from '../../tools/emulator/xlsx';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, consolidate, ensureBuilt, type CliRun } from './cliFixture';

const dir = mkdtempSync(join(tmpdir(), 'gn-cli-'));

const HEADER =
  'district,commune,year,households,poor,near_poor,poor_exited,poor_returned,poor_new,merged_into';

beforeAll(() => ensureBuilt());

test('consolidate writes the three files with the shapes of PRODUCT.md', () => {
  // Huyện Bình Giang, two communes: baseline poor 40 + 60 = 100, near-poor 50 + 50 = 100;
  // 2025: poor 10 + 10 = 20 → poor reduction (100 − 20) / 100 = 0.8, attained at commune
  // level too; the unit is provisional because its other 14 communes did not report.
  const csv = [
    HEADER,
    'Huyện Bình Giang,Thị trấn Kẻ Sặt,2021,1000,40,50,,,,',
    'Huyện Bình Giang,Xã Vĩnh Hưng,2021,1200,60,50,,,,',
    'Huyện Bình Giang,Thị trấn Kẻ Sặt,2025,1010,10,30,,,,',
    '"Huyện Bình Giang","Xã Vĩnh Hưng",2025,1210,10,30,,,,',
  ].join('\r\n');
  const data = join(dir, 'data.csv');
  writeFileSync(data, '\uFEFF' + csv);
  const nominations = join(dir, 'nominations.csv');
  writeFileSync(
    nominations,
    'id,district,type,name,commune,achievement,award,year\n' +
      'N1,Huyện Bình Giang,Cá nhân,"Lê Thị C, cán bộ",Xã Vĩnh Hưng,Tận tụy với hộ nghèo,Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố,2025\n'.replace(
        'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
        '"Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố"',
      ),
  );
  const out = join(dir, 'out');
  const run = consolidate({ data, nominations, year: 2025, out });
  expect(run.stderr).not.toContain('Lỗi');
  expect(run.status).toBe(0);
  for (const f of ['workbook.xlsx', 'summary.json', 'shortlist.json'])
    expect(existsSync(join(out, f))).toBe(true);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(Object.keys(summary).sort()).toEqual(
    expect.arrayContaining([
      'baselineYear',
      'districts',
      'generatedAt',
      'province',
      'total',
      'year',
    ]),
  );
  expect(summary.province).toBe('Hải Dương');
  expect(summary.year).toBe(2025);
  expect(summary.baselineYear).toBe(2021);
  expect(new Date(summary.generatedAt).toISOString()).toBe(summary.generatedAt);
  expect(summary.districts).toHaveLength(12);
  const bg = summary.districts.find((d: { name: string }) => d.name === 'Huyện Bình Giang');
  expect(bg).toMatchObject({
    communes: 16,
    communesReported: 2,
    households: 2220,
    poorBaseline: 100,
    nearPoorBaseline: 100,
    poor: 20,
    nearPoor: 60,
    poorReduction: 0.8,
    combinedReduction: 0.6, // (200 − 80) / 200
    attained: false,
    provisional: true,
    communesAttained: 2,
    reportStatus: 'missing',
    errors: [],
  });
  for (const key of ['rank', 'progress', 'score']) expect(bg).toHaveProperty(key);

  const shortlist = JSON.parse(readFileSync(join(out, 'shortlist.json'), 'utf8'));
  const n1 = shortlist.find((e: { id: string }) => e.id === 'N1');
  expect(Object.keys(n1).sort()).toEqual(
    [
      'authority',
      'award',
      'district',
      'duplicateOf',
      'eligible',
      'evidence',
      'id',
      'name',
      'reason',
      'status',
      'type',
      'unmet',
    ].sort(),
  );
  expect(n1.name).toBe('Lê Thị C, cán bộ');
  // The district chairmen's Giấy khen is another authority's: listed apart, not the province's.
  expect(n1).toMatchObject({
    status: 'other_authority',
    eligible: false,
    unmet: [],
    duplicateOf: null,
  });
  // Without --criteria and --reports the CLI says that criteria and reports are unknown.
  expect(run.stdout).toContain('Không có --criteria và --reports');
});

test('an unreadable CSV ends with a Vietnamese message and a non-zero exit', () => {
  const missing = consolidate({ data: join(dir, 'nope.csv'), out: join(dir, 'x') });
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain('Không tìm thấy tệp');

  const noColumn = join(dir, 'no-column.csv');
  writeFileSync(
    noColumn,
    'district,commune,year,households,poor\nHuyện Gia Lộc,Xã Gia Tân,2025,10,1\n',
  );
  const r1 = consolidate({ data: noColumn, out: join(dir, 'y') });
  expect(r1.status).not.toBe(0);
  expect(r1.stderr).toContain('thiếu cột "near_poor"');

  const latin1 = join(dir, 'latin1.csv');
  writeFileSync(
    latin1,
    Buffer.from(`${HEADER}\nHuy\xean Gia L\xf4c,X\xe3,2025,10,1,1,,,,\n`, 'latin1'),
  );
  const r2 = consolidate({ data: latin1, out: join(dir, 'z') });
  expect(r2.status).not.toBe(0);
  expect(r2.stderr).toContain('không phải văn bản UTF-8');
});

test('bad usage prints the usage in Vietnamese', () => {
  const r = cli('consolidate', '--data');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('Cách dùng');
});

test('an unknown or misspelt flag is refused with the usage and exit code 2, nothing written', () => {
  const out = join(dir, 'flags');
  const data = join(dir, 'flags.csv');
  writeFileSync(data, `${HEADER}\nHuyện Gia Lộc,Xã Gia Tân,2025,10,1,1,,,,\n`);
  const misspelt = cli('consolidate', '--data', data, '--nominatons', data, '--out', out);
  expect(misspelt.status).toBe(2);
  expect(misspelt.stderr).toContain('Tham số không hợp lệ: "--nominatons"');
  expect(misspelt.stderr).toContain('Cách dùng:');
  expect(existsSync(out)).toBe(false);

  const noValue = cli('consolidate', '--data', '--out', out);
  expect(noValue.status).toBe(2);
  expect(noValue.stderr).toContain('Thiếu giá trị cho --data');

  const stray = cli('template', 'out.xlsx');
  expect(stray.status).toBe(2);
  expect(stray.stderr).toContain('Giá trị không thuộc tham số nào: "out.xlsx"');
});

test('CSV fields are data: text stays text, counts are numbers, a commune twice goes on the tab twice', async () => {
  // Huyện Gia Lộc, Xã Gia Tân: baseline 2021 and 2025; 2025 is given twice (lines 4 and 5).
  const data = join(dir, 'data-as-data.csv');
  writeFileSync(
    data,
    [
      HEADER,
      'Huyện Gia Lộc,Xã Gia Tân,2021,1000,40,50,,,,',
      'Huyện Gia Lộc,Xã Gia Khánh,2021,900,30,20,,,,',
      'Huyện Gia Lộc,Xã Gia Tân,2025,1010,10,30,,,,',
      'Huyện Gia Lộc,Xã Gia Tân,2025,1010,12,30,,,,',
      'Huyện Gia Lộc,Xã Gia Khánh,2025,15/11/2025,8,20,,,,',
    ].join('\n'),
  );
  const payloads = [
    '=HYPERLINK("http://example.com";"bấm vào đây")',
    '+84912345678',
    '-Trần Văn A',
    '@Nguyễn Thị B',
  ];
  const nominations = join(dir, 'data-as-data-nominations.csv');
  writeFileSync(
    nominations,
    'id,district,type,name,commune,achievement,award,year\n' +
      payloads
        .map(
          (name, i) =>
            `P${i + 1},Huyện Gia Lộc,Cá nhân,"${name.replace(/"/g, '""')}",,"${name.replace(/"/g, '""')}",Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội,2025`,
        )
        .join('\n') +
      '\n',
  );
  const out = join(dir, 'out-data');
  const run = consolidate({ data, nominations, year: 2025, out });
  expect(run.status).toBe(0);

  // Every payload is the nominee's name as typed, never a formula.
  const shortlist = JSON.parse(readFileSync(join(out, 'shortlist.json'), 'utf8'));
  for (const [i, name] of payloads.entries()) {
    expect(shortlist.find((e: { id: string }) => e.id === `P${i + 1}`).name).toBe(name);
  }
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, 'workbook.xlsx'));
  const tab = book.getWorksheet('Huyện Gia Lộc')!;
  const texts: string[] = [];
  tab.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && payloads.includes(cell.value)) texts.push(cell.value);
      if (cell.formula) expect(String(cell.formula)).not.toMatch(/HYPERLINK|84912345678/);
    }),
  );
  expect(texts).toHaveLength(payloads.length * 2); // name and achievement of each nomination

  // The commune given twice for 2025 is on two rows, both in error, each named with its CSV line.
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const gl = summary.districts.find((d: { name: string }) => d.name === 'Huyện Gia Lộc');
  const twice = gl.errors.filter((e: { message: string }) =>
    e.message.includes('có 2 dòng số liệu cho năm 2025'),
  );
  expect(twice).toHaveLength(2);
  expect(new Set(twice.map((e: { cell: string }) => e.cell)).size).toBe(2);
  expect(run.stderr).toMatch(/Dòng 4 của tệp .*có 2 dòng số liệu cho năm 2025/);
  expect(run.stderr).toMatch(/Dòng 5 của tệp .*có 2 dòng số liệu cho năm 2025/);
  // Neither copy is summed: Gia Tân is not reported in 2025.
  expect(gl.poor).toBe(0);

  // A date in a count column stays the text it was: "not a number", named with its line.
  const date = gl.errors.find((e: { message: string }) => e.message.includes('15/11/2025'));
  expect(date.message).toMatch(/không phải là số/);
  expect(run.stderr).toMatch(/Dòng 6 của tệp .*15\/11\/2025/);
});

describe('--criteria and --reports: the eligibility of units, worked by hand', () => {
  // Gia Lộc and Nam Sách: every commune 2021 poor 10, near-poor 10; 2025 poor 2, near-poor 8.
  // Each unit: poor −80 % (exactly the target: attained), complete, no error.
  const units = ['Huyện Gia Lộc', 'Huyện Nam Sách'];
  const out = join(dir, 'eligibility');
  const DRIVE = 'https://drive.google.com/file/d/1AbC/view';
  let run: CliRun;
  beforeAll(() => {
    const rows = units.flatMap((u) =>
      DEFAULT_CONFIG.units
        .find((x) => x.name === u)!
        .communes.flatMap((c) => [`${u},${c},2021,500,10,10,,,,`, `${u},${c},2025,510,2,8,,,,`]),
    );
    writeFileSync(join(dir, 'e-data.csv'), [HEADER, ...rows].join('\n'));
    writeFileSync(
      join(dir, 'e-criteria.csv'),
      [
        'unit,year,plan_issued,budget_allocated,budget_settled_on_time,other_reports_on_time,resources_million_vnd,initiatives',
        'Huyện Gia Lộc,2025,có,x,TRUE,Có,120,3',
        'Huyện Nam Sách,2025,Không,Có,Có,Có,,',
        'Huyện Thanh Hà,2025,Có,Có,Có,Có,,',
        'Huyện Thanh Hà,2025,Có,Có,Có,Không,,',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'e-reports.csv'),
      [
        'district,year,submitted_at,figures,document_number,document_date,document_link',
        // Gia Lộc: preliminary figures on 20/11, official ones after the deadline: the first counts.
        // Its narrative report's date is typed yyyy-mm-dd and stored dd/mm/yyyy, as the sidebar does.
        `Huyện Gia Lộc,2025,20/11/2025 09:30,sơ bộ,15/BC-UBND,2025-11-20,${DRIVE}`,
        'Huyện Gia Lộc,2025,2025-12-02T08:00:00+07:00,chính thức,,,',
        // Nam Sách: 30/11 00:00 in Hà Nội is late.
        'Huyện Nam Sách,2025,2025-11-30T00:00:00+07:00,,,,',
        'Huyện Thanh Hà,2025,ngày mai,,,,',
        // Narrative reports the sidebar refuses: the submissions count (on time), the reports
        // do not, and each is an error of its unit naming its line (lines 6, 7, 8).
        `Huyện Kim Thành,2025,20/11/2025 10:00,,16/BC-UBND,31/02/2025,${DRIVE}`,
        'Huyện Cẩm Giàng,2025,20/11/2025 10:00,,17/BC-UBND,20/11/2025,https://example.org/bc',
        `Huyện Ninh Giang,2025,20/11/2025 10:00,,,20/11/2025,${DRIVE}`,
      ].join('\n'),
    );
    run = consolidate({
      data: join(dir, 'e-data.csv'),
      criteria: join(dir, 'e-criteria.csv'),
      reports: join(dir, 'e-reports.csv'),
      year: 2025,
      out,
    });
  });

  test('report status from the submissions; eligibility from the criteria and the reports', () => {
    expect(run.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const d = (name: string) => summary.districts.find((x: { name: string }) => x.name === name);
    expect([d('Huyện Gia Lộc').reportStatus, d('Huyện Nam Sách').reportStatus]).toEqual([
      'on_time',
      'late',
    ]);
    expect([d('Huyện Gia Lộc').attained, d('Huyện Nam Sách').attained]).toEqual([true, true]);
    // The optional columns land in summary.json: Gia Lộc's latest figures are official, its
    // narrative report the one given with the preliminary figures; the others said nothing.
    expect(d('Huyện Gia Lộc').figuresStatus).toBe('official');
    expect(d('Huyện Gia Lộc').narrativeReport).toEqual({
      number: '15/BC-UBND',
      date: '20/11/2025',
      link: DRIVE,
    });
    expect([d('Huyện Nam Sách').figuresStatus, d('Huyện Nam Sách').narrativeReport]).toEqual([
      null,
      null,
    ]);
    expect([d('Huyện Tứ Kỳ').figuresStatus, d('Huyện Tứ Kỳ').narrativeReport]).toEqual([
      null,
      null,
    ]);
    const shortlist = JSON.parse(readFileSync(join(out, 'shortlist.json'), 'utf8'));
    const e = (id: string) => shortlist.find((x: { id: string }) => x.id === id);
    expect(e('DX-2025-DV-HUYEN-GIA-LOC')).toMatchObject({
      status: 'eligible',
      eligible: true,
      unmet: [],
    });
    expect(e('DX-2025-DV-HUYEN-NAM-SACH')).toMatchObject({
      status: 'not_eligible',
      unmet: ['plan', 'report_late'],
    });
  });

  test('a unit-year given twice and an unreadable time are errors listed for the unit', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const th = summary.districts.find((x: { name: string }) => x.name === 'Huyện Thanh Hà');
    expect(th.reportStatus).toBe('missing');
    expect(th.errors.map((x: { message: string }) => x.message)).toEqual([
      expect.stringContaining(
        'Tệp tiêu chí, các dòng 4, 5: tiêu chí năm 2025 của Huyện Thanh Hà được ghi 2 lần',
      ),
      expect.stringContaining(
        'Tệp báo cáo, dòng 5 (Huyện Thanh Hà, năm 2025): thời điểm nộp "ngày mai" không đọc được',
      ),
    ]);
    expect(run.stderr).toContain('Cảnh báo: Tệp tiêu chí, các dòng 4, 5');
  });

  test('a narrative report the sidebar would refuse is an error of its unit, naming the line', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const d = (name: string) => summary.districts.find((x: { name: string }) => x.name === name);
    const kept = 'lần nộp được ghi nhận không kèm báo cáo thuyết minh.';
    const expected: [string, number, string][] = [
      ['Huyện Kim Thành', 6, 'ngày văn bản "31/02/2025" không phải là một ngày có thật'],
      ['Huyện Cẩm Giàng', 7, 'đường dẫn phải là địa chỉ Google Drive hoặc Google Tài liệu'],
      ['Huyện Ninh Giang', 8, 'thiếu số văn bản'],
    ];
    for (const [unit, line, problem] of expected) {
      expect([d(unit).reportStatus, d(unit).narrativeReport]).toEqual(['on_time', null]);
      expect(d(unit).errors).toEqual([
        {
          cell: `dòng ${line}`,
          message: expect.stringMatching(
            new RegExp(`^Tệp báo cáo, dòng ${line} \\(${unit}, năm 2025\\): .*${problem}`),
          ),
        },
      ]);
      expect(d(unit).errors[0].message).toContain(kept);
    }
    expect(run.stderr).toContain('Cảnh báo: Tệp báo cáo, dòng 6 (Huyện Kim Thành, năm 2025)');
  });

  (findSoffice() !== null || process.env.CI === 'true' ? test : test.skip)(
    'annex.pdf: the eligible entries, on A4 landscape',
    () => {
      const pdf = join(out, 'annex.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
      expect(text).toContain('Huyện Gia Lộc');
      expect(text).not.toContain('Huyện Nam Sách');
    },
  );

  (findSoffice() !== null || process.env.CI === 'true' ? test : test.skip)(
    'review.pdf: 2025 is the final year, so the final review (tổng kết) is printed, A4 portrait',
    () => {
      const pdf = join(out, 'review.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Tổng kết Phong trào thi đua');
      expect(text).toContain('Huyện Gia Lộc: năm 2025 đạt');
    },
  );
});

test('--config: a unit whose tab is named apart from the unit gets its rows and nominations', () => {
  // Huyện Bình Giang on a tab called "Bình Giang": one commune, baseline poor 40, 2025 poor 8,
  // (40 − 8) / 40 = 80 %; the nomination lands on that tab and reaches the shortlist.
  const config = {
    ...DEFAULT_CONFIG,
    units: DEFAULT_CONFIG.units.map((u) =>
      u.name === 'Huyện Bình Giang' ? { ...u, tab: 'Bình Giang' } : u,
    ),
  };
  const file = join(dir, 'tab-apart.json');
  writeFileSync(file, JSON.stringify(config));
  const data = join(dir, 'tab-apart.csv');
  writeFileSync(
    data,
    [
      HEADER,
      'Huyện Bình Giang,Thị trấn Kẻ Sặt,2021,1000,40,50,,,,',
      'Huyện Bình Giang,Thị trấn Kẻ Sặt,2025,1010,8,30,,,,',
    ].join('\n'),
  );
  const nominations = join(dir, 'tab-apart-nominations.csv');
  writeFileSync(
    nominations,
    'id,district,type,name,commune,achievement,award,year\n' +
      'N9,Huyện Bình Giang,Cá nhân,Lê Thị C,Thị trấn Kẻ Sặt,Tận tụy với hộ nghèo,Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội,2025\n',
  );
  const out = join(dir, 'out-tab-apart');
  const run = consolidate({ config: file, data, nominations, year: 2025, out });
  expect(run.stderr).not.toContain('không có trong Cấu hình');
  expect(run.status).toBe(0);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const bg = summary.districts.find((x: { name: string }) => x.name === 'Huyện Bình Giang');
  expect([bg.poorBaseline, bg.poor, bg.poorReduction]).toEqual([40, 8, 0.8]);
  const shortlist = JSON.parse(readFileSync(join(out, 'shortlist.json'), 'utf8'));
  expect(shortlist.map((e: { name: string }) => e.name)).toContain('Lê Thị C');
});
