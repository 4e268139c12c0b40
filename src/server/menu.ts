/** The add-on menu "Vì người nghèo", built without any call that needs authorisation. */
export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi()
    .createMenu('Vì người nghèo')
    .addItem('Khởi tạo / cập nhật sổ', 'menuSetup')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}
