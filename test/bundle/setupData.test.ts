// dist/SetupData.html: what only the setup reads (the guide, DEFAULT_CONFIG and its Cấu hình
// grid, the texts only the setup writes or shows), kept out of dist/Code.js, which Apps Script
// evaluates on every execution.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { configGrid } from '../../src/sheets/configGrid';
import { CONFIG_NOTE, GENERAL_NOTES, SECTION_HEADER } from '../../src/sheets/configLabels';
import { guideLines } from '../../src/sheets/guideTab';
import { SHEET } from '../../src/sheets/layout';
import { parseSetupData, setupDataContent } from '../../src/sheets/setupData';
import { SETUP_TEXT } from '../../src/sheets/setupText';
import { unitGrid } from '../../src/sheets/unitTab';
import { guideRows } from '../../tools/build';

let code = '';
let content = '';
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  code = readFileSync('dist/Code.js', 'utf8');
  content = readFileSync('dist/SetupData.html', 'utf8');
});

test('holds DEFAULT_CONFIG, its Cấu hình, the unit texts and the guide as JSON, with nothing that reads as markup', () => {
  expect(content).not.toMatch(/[<>&]/);
  const data = parseSetupData(content);
  expect(data.defaults).toEqual(DEFAULT_CONFIG);
  expect(data.configGrid).toEqual(configGrid(DEFAULT_CONFIG));
  expect(data.text).toEqual(SETUP_TEXT);
  expect(data.guide[0]).toMatch(/^# HƯỚNG DẪN/);
  expect(data.guide).toContain(`• "${SHEET.guide}": trang này.`);
});

test('every placeholder of the guide is filled in', () => {
  const lines = guideLines(DEFAULT_CONFIG, parseSetupData(content).guide);
  for (const line of lines) expect(line.text).not.toMatch(/[{}]/);
  expect(lines[0]).toEqual({
    text: 'HƯỚNG DẪN SỬ DỤNG SỔ THEO DÕI PHONG TRÀO THI ĐUA "VÌ NGƯỜI NGHÈO - KHÔNG ĐỂ AI BỊ BỎ LẠI PHÍA SAU"',
    heading: true,
  });
  expect(lines.filter((l) => l.heading)).toHaveLength(9);
  expect(lines.map((l) => l.text)).toContain(
    '• Đạt khi số hộ nghèo giảm từ 80% trở lên so với đầu kỳ (giảm đúng 80% là đạt), HOẶC tổng số hộ nghèo và hộ cận nghèo giảm NHIỀU HƠN 50% so với đầu kỳ (giảm đúng 50% là chưa đạt).',
  );
});

test('an unknown layout name in guide.txt stops the build; CRLF is accepted', () => {
  expect(() => guideRows('a\n• "{SHEET.nope}"\n')).toThrow(
    'src/sheets/guide.txt:2: unknown name {SHEET.nope}',
  );
  expect(guideRows('# A\r\n"{SHEET.config}" {province}\r\n')).toEqual([
    '# A',
    `"${SHEET.config}" {province}`,
  ]);
});

test('markup-like text survives the round trip', () => {
  const data = {
    code: 'return a < b && c > d;',
    guide: ['</script> & <b>', '\u2028'],
    defaults: DEFAULT_CONFIG,
    configGrid: configGrid(DEFAULT_CONFIG),
    text: SETUP_TEXT,
  };
  const text = setupDataContent(data);
  expect(text).not.toMatch(/[<>&\u2028]/);
  expect(parseSetupData(text)).toEqual(data);
});

test('dist/Code.js carries neither the guide nor the commune list nor the award table nor the setup-only texts', () => {
  expect(code).not.toContain('CÁC TRANG TRONG SỔ');
  expect(code).not.toContain('Cẩm Thượng');
  expect(code).not.toContain('Huân chương Lao động');
  for (const text of [
    CONFIG_NOTE,
    GENERAL_NOTES.planDate,
    SECTION_HEADER.poverty['incomeLine.rural'],
    SECTION_HEADER.units.editors,
    SETUP_TEXT.unit.note,
    SETUP_TEXT.unit.help.lastYear,
    SETUP_TEXT.summary.skipped,
  ]) {
    expect(code).not.toContain(text);
  }
  // The custom functions keep their targets and standard.
  expect(code).toContain('07/2021/NĐ-CP');
});

test("the unit tab's note gives the deadline of Cấu hình, not a fixed date", () => {
  const config = { ...DEFAULT_CONFIG, deadline: { ...DEFAULT_CONFIG.deadline, day: 5, month: 12 } };
  const note = (c: typeof DEFAULT_CONFIG) => {
    const { layout, values } = unitGrid(c, c.units[0], SETUP_TEXT.unit);
    return String(values[layout.noteRow - 1][0]);
  };
  expect(note(DEFAULT_CONFIG)).toContain('Hạn nộp báo cáo: trước ngày 30/11 hằng năm.');
  expect(note(config)).toContain('Hạn nộp báo cáo: trước ngày 05/12 hằng năm.');
});

test("the setup and protection menus' code is in the file, evaluated only by those two menus", () => {
  const moduleCode = parseSetupData(content).code;
  // The minifier writes Latin-1 letters as \xNN escapes.
  const unescape = (js: string) =>
    js.replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  for (const text of ['Đã phân quyền', 'Một người khác đang khởi tạo hoặc tổng hợp sổ']) {
    expect(unescape(moduleCode)).toContain(text);
    expect(unescape(code)).not.toContain(text);
  }
  // A function body that returns the module's menus, evaluated with no service at all. The
  // reminder switches run from Code.js, which holds the reminders' code for the daily run anyway.
  const module = new Function(moduleCode)() as Record<string, unknown>;
  expect(Object.keys(module).sort()).toEqual([
    'menuSelfCheck',
    'remindersDaily',
    'runProtectMenu',
    'runSetupMenu',
  ]);
  expect(typeof module.runSetupMenu).toBe('function');
});
