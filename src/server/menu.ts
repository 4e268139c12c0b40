// The add-on menu "Vì người nghèo". onOpen builds it without any call that needs authorisation
// (in AuthMode.NONE only the menu may be built), so it must not read the spreadsheet.
import { SHEET } from '../sheets/layout';

export const MENU_TITLE = 'Vì người nghèo';

export const MENU_ITEMS = [
  { caption: 'Khởi tạo / cập nhật sổ', functionName: 'menuSetup' },
  { caption: 'Mở bảng nhập liệu', functionName: 'showSidebar' },
  { caption: 'Kiểm tra dữ liệu tất cả đơn vị', functionName: 'menuCheckAll' },
  { caption: 'Tổng hợp toàn tỉnh…', functionName: 'menuConsolidate' },
  { caption: 'Phân quyền các trang tính', functionName: 'menuProtect' },
  { caption: 'Hướng dẫn', functionName: 'menuHelp' },
] as const;

export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  MENU_ITEMS.forEach((item, i) => {
    if (i === 2 || i === 4) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}

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
