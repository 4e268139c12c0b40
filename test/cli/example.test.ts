// The example "Hải Phòng 2026-2030" (examples/hai-phong-2026-2030.json) end to end through the
// CLI: 114 communes, wards and special zones as units, illustrative villages as rows, the city's
// words in the summary and the yearly report. Expected values worked out by hand below.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, consolidate, ensureBuilt } from './cliFixture';
import { parseConfig } from '../../src/core/config';
import { SHEET } from '../../src/sheets/layout';
import { readWorkbook } from '../../tools/emulator/xlsx';

const EXAMPLE = 'examples/hai-phong-2026-2030.json';
const dir = mkdtempSync(join(tmpdir(), 'gn-example-'));
/** "tỉnh" or "huyện" as a word (not inside another word). */
const PROVINCE_WORDS = /(^|[^\p{L}])(tỉnh|huyện)(?=$|[^\p{L}])/iu;

const TN = 'Phường Thủy Nguyên';
const VILLAGES = ['Dương Quan', 'Thuỷ Đường', 'Hoa Động', 'An Lư', 'Thủy Hà'].map(
  (v) => `Tổ dân phố ${v} (minh họa)`,
);

beforeAll(() => ensureBuilt());

test('the example is a valid configuration of the 114 units of 1/7/2025', () => {
  const parsed = parseConfig(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const c = parsed.config;
  expect(c.units).toHaveLength(114);
  expect(c.units.filter((u) => u.name.startsWith('Phường '))).toHaveLength(45);
  expect(c.units.filter((u) => u.name.startsWith('Xã '))).toHaveLength(67);
  expect(c.units.filter((u) => u.name.startsWith('Đặc khu '))).toHaveLength(2);
  expect(c.units.find((u) => u.name === TN)?.communes).toEqual(VILLAGES);
  expect(c.units.every((u) => u.communes.every((v) => v.endsWith('(minh họa)')))).toBe(true);
  expect([c.baselineYear, c.years, c.finalYear]).toEqual([
    2025,
    [2026, 2027, 2028, 2029, 2030],
    2030,
  ]);
  expect(c.povertyStandards.map((s) => [s.decree, s.fromYear, s.toYear])).toEqual([
    ['07/2021/NĐ-CP', 2022, 2026],
    ['351/2025/NĐ-CP', 2027, 2030],
  ]);
  expect(c.povertyStandards[1].middleIncomeLine).toEqual({ rural: null, urban: null });
  expect(c.inactiveUnits.every((u) => u.kind === 'agency')).toBe(true);
});

test('consolidate --config: the city’s units, villages and words', async () => {
  // Phường Thủy Nguyên, 5 villages: baseline (end-2025) 10 poor and 10 near-poor each, so 50 and
  // 50; 2026: 2 poor each = 10, (50 − 10) / 50 = 0.8 → attained, complete, not provisional.
  // The headers are the aliases `unit` and `area`.
  const lines = [
    'unit,area,year,households,poor,near_poor,poor_exited,poor_returned,poor_new,merged_into',
  ];
  for (const v of VILLAGES) {
    lines.push(`${TN},${v},2025,200,10,10,,,,`);
    lines.push(`${TN},${v},2026,200,2,10,,,,`);
  }
  const data = join(dir, 'data.csv');
  writeFileSync(data, lines.join('\n') + '\n');
  const out = join(dir, 'out');
  const run = consolidate({ config: EXAMPLE, data, year: 2026, out });
  expect(run.stderr).not.toContain('Lỗi');
  expect(run.status).toBe(0);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(summary.province).toBe('Hải Phòng');
  expect([summary.year, summary.baselineYear]).toEqual([2026, 2025]);
  expect(summary.districts).toHaveLength(114);
  const tn = summary.districts.find((d: { name: string }) => d.name === TN);
  expect([tn.communes, tn.communesReported, tn.poorBaseline, tn.poor]).toEqual([5, 5, 50, 10]);
  expect(tn.poorReduction).toBeCloseTo(0.8, 12);
  expect([tn.attained, tn.provisional, tn.communesAttained]).toEqual([true, false, 5]);
  expect(summary.total.name).toBe('Toàn thành phố');
  expect([summary.total.poor, summary.total.poorBaseline]).toEqual([10, 50]);
  // 113 units did not report: the city's result is provisional.
  expect(summary.total.provisional).toBe(true);

  const book = await readWorkbook(join(out, 'workbook.xlsx'));
  const texts = (tab: string) =>
    (book.sheets.find((s) => s.name === tab)?.cells ?? [])
      .map((c) => c.value)
      .filter((v): v is string => typeof v === 'string');
  const report = texts(SHEET.report);
  expect(report.join('\n')).toContain('ỦY BAN NHÂN DÂN');
  expect(report.join('\n')).toContain('THÀNH PHỐ HẢI PHÒNG');
  expect(report.join('\n')).toContain('Hải Phòng, ngày');
  for (const tab of [SHEET.report, SHEET.summary, SHEET.shortlist, SHEET.annex])
    expect(texts(tab).filter((t) => PROVINCE_WORDS.test(t))).toEqual([]);
  expect(texts(SHEET.summary)).toContain('Toàn thành phố');
  expect(texts(SHEET.shortlist)).toContain(
    'III. THUỘC THẨM QUYỀN CẤP KHÁC (không tính vào đề xuất của thành phố)',
  );
  expect(texts(SHEET.annex).join('\n')).toContain(
    'Kèm theo báo cáo của Ủy ban nhân dân thành phố Hải Phòng',
  );
  // The unit tab names its rows by the city's words.
  const tab = texts(TN);
  for (const header of ['Thôn, tổ dân phố', 'Sáp nhập vào thôn', 'Kiểm tra tên thôn'])
    expect(tab).toContain(header);
  expect(tab).toContain('↑ Chèn thêm thôn phía trên dòng này');
  expect(tab).not.toContain('Xã, phường, thị trấn');
  expect(tab).toEqual(expect.arrayContaining(VILLAGES));
  // So does the guide (the summary tab's own name and the menu item named after it aside, which
  // are fixed).
  const guide = texts(SHEET.guide).map((t) =>
    t.replaceAll(`"${SHEET.summary}"`, '""').replaceAll(`"${SHEET.summary}…"`, '""'),
  );
  expect(guide.filter((t) => PROVINCE_WORDS.test(t))).toEqual([]);
  expect(guide.join('\n')).toContain('nút "Tổng hợp toàn thành phố năm 2030" trên thanh bên');
  expect(guide).toContain(
    '• Thêm thôn: cán bộ tổng hợp ghi thôn mới vào trang "Cấu hình" rồi chạy "Khởi tạo / cập nhật sổ"; dòng của thôn đó được chèn phía trên dòng "↑ Chèn thêm thôn phía trên dòng này". Cán bộ cấp xã không chèn, xóa dòng trên trang của mình (trang được bảo vệ); đề cử mới ghi vào các dòng trống của bảng đề cử.',
  );
}, 600_000);

test('--year must lie in the configured period; a bad file is refused in Vietnamese', () => {
  const data = join(dir, 'empty.csv');
  writeFileSync(data, 'unit,area,year,households,poor,near_poor\n');
  const baseline = consolidate({ config: EXAMPLE, data, year: 2025, out: join(dir, 'x') });
  expect(baseline.status).toBe(2);
  expect(baseline.stderr).toContain(
    '--year 2025: năm phải thuộc giai đoạn 2026, 2027, 2028, 2029, 2030',
  );
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({ ...JSON.parse(readFileSync(EXAMPLE, 'utf8')), finalYear: 2031 }),
  );
  const run = consolidate({ config: bad, data, out: join(dir, 'y') });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('năm tổng kết (2031) phải là một năm của giai đoạn');
});

test('a configuration file that cannot be read or is not JSON is refused in Vietnamese', () => {
  const missing = join(dir, 'nope.json');
  const noFile = cli('template', '--config', missing, '--out', join(dir, 't1.xlsx'));
  expect(noFile.status).toBe(1);
  expect(noFile.stderr).toBe(
    `Lỗi: không đọc được tệp cấu hình ${missing}. Hãy kiểm tra đường dẫn.\n`,
  );
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, 'province: Hải Phòng\n');
  const bad = cli('template', '--config', notJson, '--out', join(dir, 't2.xlsx'));
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(
    new RegExp(`^Lỗi: tệp cấu hình ${notJson} không phải JSON hợp lệ \\([\\s\\S]+\\)\\.\\n$`),
  );
});
