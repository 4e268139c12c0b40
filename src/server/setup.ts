// Menu "Khởi tạo / cập nhật sổ": only an analyst (or, while Cấu hình lists none, the owner) may
// run it; it works under the document lock and ends with a toast and a summary alert.
import { existingConfig, runSetup, setupSummary } from '../sheets/setup';
import { parseSetupData, SETUP_DATA_FILE, type SetupData } from '../sheets/setupData';
import { indexSheets } from '../sheets/sheetFinder';
import { ACCESS_DENIED, identifyCaller, UNKNOWN_USER } from './access';

const TITLE = 'Khởi tạo / cập nhật sổ';
export const SETUP_BUSY =
  'Một người khác đang khởi tạo hoặc tổng hợp sổ. Sổ chưa bị thay đổi; vui lòng đợi ít phút rồi chạy lại.';

/** The guide's text, the defaults and their Cấu hình: one read of dist/SetupData.html, only when setup runs. */
function readSetupData(): SetupData {
  return parseSetupData(HtmlService.createHtmlOutputFromFile(SETUP_DATA_FILE).getContent());
}

export function menuSetup(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(30000)) {
    ui.alert(TITLE, SETUP_BUSY, ui.ButtonSet.OK);
    return;
  }
  let message: string;
  let ok = false;
  let data: SetupData | undefined;
  const setupData = (): SetupData => (data ??= readSetupData());
  try {
    const index = indexSheets(ss);
    const read = existingConfig(ss, index);
    if (!read.ok) {
      message =
        'Trang "Cấu hình" có lỗi nên sổ chưa được khởi tạo hay cập nhật (chưa có gì bị thay đổi). Hãy sửa các ô sau rồi chạy lại:\n' +
        read.problems.map((p) => `• ${p.message}`).join('\n');
    } else {
      const caller = identifyCaller(ss, read.existing?.config ?? setupData().defaults);
      const email = caller.email;
      if (caller.role !== 'analyst') {
        message = email ? ACCESS_DENIED : UNKNOWN_USER;
      } else {
        const result = runSetup(ss, setupData(), { existing: read.existing, index });
        if (result.ok) {
          ok = true;
          message = setupSummary(result.report, setupData().text.summary);
        } else {
          message = result.problems.map((p) => `• ${p.message}`).join('\n');
        }
        SpreadsheetApp.flush();
      }
    }
  } finally {
    lock?.releaseLock();
  }
  if (ok) ss.toast('Đã khởi tạo / cập nhật sổ.', 'Vì người nghèo', 5);
  ui.alert(TITLE, message, ui.ButtonSet.OK);
}
