// Menu "Phân quyền các trang tính" (analysts only).
import { applyProtections } from '../sheets/protection';
import { readConfig } from '../sheets/configTab';
import { ACCESS_DENIED, callerEmail, identify, UNKNOWN_USER } from './access';

const TITLE = 'Phân quyền các trang tính';

export function menuProtect(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) {
    ui.alert(TITLE, read.problems.map((p) => `• ${p.message}`).join('\n'), ui.ButtonSet.OK);
    return;
  }
  const email = callerEmail();
  const caller = identify(read.config, email, () => ss.getOwner()?.getEmail() ?? '');
  if (caller.role !== 'analyst') {
    ui.alert(TITLE, email ? ACCESS_DENIED : UNKNOWN_USER, ui.ButtonSet.OK);
    return;
  }
  const sheets = applyProtections(ss, read.config);
  ui.alert(
    TITLE,
    `Đã phân quyền ${sheets.length} trang theo trang "Cấu hình": mỗi đơn vị chỉ sửa được trang của mình; ` +
      'các ô công thức, tiêu đề và trang tổng hợp chỉ cán bộ tổng hợp sửa được.',
    ui.ButtonSet.OK,
  );
}
