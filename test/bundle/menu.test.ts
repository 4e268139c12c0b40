// onOpen through the compiled bundle: the menu "Vì người nghèo" with its items in Vietnamese,
// built without reading the spreadsheet (in AuthMode.NONE only the menu may be built).
import { execFileSync } from 'node:child_process';
import { Emulator, loadBundle } from '../../tools/emulator';

beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
});

test('onOpen adds the menu "Vì người nghèo" with every item, each bound to an entry point', () => {
  const emu = new Emulator({ language: 'vi' });
  const bundle = loadBundle(emu, 'dist/Code.js');
  emu.calls.reset();
  bundle.call('onOpen', { authMode: 'NONE' });
  expect(emu.ui.menus).toHaveLength(1);
  const menu = emu.ui.menus[0];
  expect(menu.caption).toBe('Vì người nghèo');
  const items = menu.items.flatMap((i) => ('caption' in i ? [[i.caption, i.functionName]] : []));
  expect(items).toEqual([
    ['Khởi tạo / cập nhật sổ', 'menuSetup'],
    ['Mở bảng nhập liệu', 'showSidebar'],
    ['Kiểm tra dữ liệu tất cả đơn vị', 'menuCheckAll'],
    ['Tổng hợp toàn tỉnh…', 'menuConsolidate'],
    ['Phân quyền các trang tính', 'menuProtect'],
    ['Bật nhắc hạn nộp báo cáo (gửi e-mail)', 'menuRemindersOn'],
    ['Tắt nhắc hạn nộp báo cáo', 'menuRemindersOff'],
    ['Kiểm tra cài đặt', 'menuSelfCheck'],
    ['Hướng dẫn', 'menuHelp'],
  ]);
  for (const [, fn] of items) expect(bundle.topLevelFunctions()).toContain(fn);
  // Nothing but the Ui was touched.
  const touched = Object.keys(emu.calls.snapshot());
  expect(touched.every((name) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(name))).toBe(true);
});

test('"Mở bảng nhập liệu" shows the sidebar, titled in Vietnamese, with the built HTML', () => {
  const emu = new Emulator({ language: 'vi' });
  const bundle = loadBundle(emu, 'dist/Code.js');
  bundle.call('showSidebar');
  const sidebar = emu.ui.lastSidebar;
  expect(sidebar?.title).toBe('Vì người nghèo');
  expect(sidebar?.html).toContain('<script>');
});
