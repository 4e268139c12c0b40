// The add-on menu "Vì người nghèo". onOpen builds it without any call that needs authorisation:
// an Editor add-on installed but not yet used in this file gets AuthMode.NONE, where only the
// menu may be built (SHEETS-FACTS.md §9), and the same bundle runs as a bound script, where
// onOpen is a simple trigger (LIMITED). Each item runs with full authorisation when clicked.
// In an add-on, createMenu ignores its caption and behaves like createAddonMenu (Extensions ›
// the add-on's name), so one call serves both deployments.
import { SHEET } from '../sheets/layout';

export const MENU_TITLE = 'Vì người nghèo';

export const MENU_ITEMS = [
  { caption: 'Khởi tạo / cập nhật sổ', functionName: 'menuSetup' },
  { caption: 'Mở bảng nhập liệu', functionName: 'showSidebar' },
  { caption: 'Kiểm tra dữ liệu tất cả đơn vị', functionName: 'menuCheckAll' },
  { caption: 'Tổng hợp toàn tỉnh…', functionName: 'menuConsolidate' },
  { caption: 'Phân quyền các trang tính', functionName: 'menuProtect' },
  { caption: 'Bật nhắc hạn nộp báo cáo (gửi e-mail)', functionName: 'menuRemindersOn' },
  { caption: 'Tắt nhắc hạn nộp báo cáo', functionName: 'menuRemindersOff' },
  { caption: 'Kiểm tra cài đặt', functionName: 'menuSelfCheck' },
  { caption: 'Hướng dẫn', functionName: 'menuHelp' },
] as const;

/** Items after which a separator follows (by function name). */
const SEPARATOR_BEFORE = new Set<string>([
  'menuCheckAll',
  'menuProtect',
  'menuRemindersOn',
  'menuHelp',
]);

/**
 * The simple trigger (bound script) and the add-on's open event: the same menu in every
 * `e.authMode` (NONE, LIMITED, FULL from onInstall); nothing else is touched, whatever the mode.
 */
export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (SEPARATOR_BEFORE.has(item.functionName)) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

/** An Editor add-on was installed (AuthMode.FULL): show its menu at once, as onOpen would. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Opens the sidebar for district staff and analysts. */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows the instructions tab. */
export function menuHelp(): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.guide);
  if (sheet) {
    sheet.activate();
    return;
  }
  SpreadsheetApp.getUi().alert(
    MENU_TITLE,
    `Chưa có trang "${SHEET.guide}". Hãy chọn "Khởi tạo / cập nhật sổ" trong menu ${MENU_TITLE} để tạo sổ.`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
