// Issue 17.6: the guide ("Hướng dẫn") matches the product. Every name it quotes after a menu
// path (›) is an item of the menu, every name it quotes after "bấm" or "nút" is a text of the
// sidebar's sources, every tab is named, and no technical code (a time-zone id) is shown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { MENU_ITEMS, MENU_TITLE } from '../../src/server/menu';
import { guideLines } from '../../src/sheets/guideTab';
import { SHEET } from '../../src/sheets/layout';
import { guideRows } from '../../tools/build';

const guide = guideLines(
  DEFAULT_CONFIG,
  guideRows(readFileSync('src/sheets/guide.txt', 'utf8')),
).map((l) => l.text);
const text = guide.join('\n');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every string and template literal of the sidebar, a template's ${…} matching any text. */
const sidebarTexts: RegExp[] = sourcesUnder('src/sidebar').flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(/'([^'\n]+)'|`([^`\n]+)`/g)].map((m) => {
    const literal = m[1] ?? m[2];
    const parts = literal.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.+')}$`);
  }),
);

const quotedAfter = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

test('every name quoted after a menu path is an item of the menu "Vì người nghèo"', () => {
  const captions = MENU_ITEMS.map((i) => i.caption as string);
  const named = quotedAfter(/›\s*"([^"]+)"/g);
  expect(named.length).toBeGreaterThanOrEqual(6);
  for (const name of named) expect(captions).toContain(name);
  // The menu's real place: its own title on the menu bar (bound script), or under
  // Tiện ích mở rộng for the add-on.
  expect(text).toContain(`menu ${MENU_TITLE} › "Mở bảng nhập liệu"`);
  expect(text).toContain(`Tiện ích mở rộng › ${MENU_TITLE} › "Mở bảng nhập liệu"`);
});

test('every name quoted after "bấm" or "nút" is a text of the sidebar', () => {
  const named = quotedAfter(/(?:bấm|nút)\s+"([^"]+)"/gi);
  expect(named).toEqual(
    expect.arrayContaining([
      'Kiểm tra dữ liệu',
      'Nộp báo cáo năm 2025',
      'Nộp báo cáo',
      'Duyệt',
      'Bật nhắc hạn',
      'Tắt nhắc hạn',
    ]),
  );
  for (const name of named)
    expect([name, sidebarTexts.some((re) => re.test(name))]).toEqual([name, true]);
});

test('every tab is named, "Báo cáo năm" included', () => {
  for (const tab of Object.values(SHEET)) expect(text).toContain(`"${tab}"`);
});

test('no technical code: no time-zone id, no function name, no property key', () => {
  expect(text).not.toContain(DEFAULT_CONFIG.deadline.timeZone);
  expect(text).not.toMatch(/Asia\/|UTC|gn\.|menu[A-Z]\w+|sidebar[A-Z]\w+/);
});
