// Menu "Khởi tạo / cập nhật sổ": only an analyst (or, while Cấu hình lists none, the owner) may
// run it; it works under the document lock and ends with a toast and a summary alert. This code
// is in the setup module (setupModule.ts), not in dist/Code.js.
import { existingConfig, runSetup, setupSummary } from '../sheets/setup';
import type { SetupData } from '../sheets/setupData';
import { indexSheets } from '../sheets/sheetFinder';
import { withFirstAnalyst } from '../sheets/firstAnalyst';
import { recordLayoutVersion } from '../sheets/layoutVersion';
import { startClock, type RunClock } from '../sheets/runClock';
import {
  clearSetupProgress,
  readSetupProgress,
  resumeAt,
  saveSetupProgress,
} from '../sheets/setupProgress';
import { ACCESS_DENIED, identifySetupCaller, UNKNOWN_USER } from './access';
import { withDocumentLock } from './entryPoint';

const TITLE = 'Khởi tạo / cập nhật sổ';
const SETUP_BUSY =
  'Một người khác đang khởi tạo hoặc tổng hợp sổ. Sổ chưa bị thay đổi; vui lòng đợi ít phút rồi chạy lại.';

const FIRST_ANALYST = (email: string) =>
  `Bảng tính nằm trong bộ nhớ dùng chung nên không có chủ sở hữu: e-mail của bạn (${email}) đã được ghi là cán bộ tổng hợp đầu tiên trên trang "Cấu hình". Hãy thêm e-mail các cán bộ tổng hợp khác vào đó.`;

/** `data` is what dist/SetupData.html holds (read once by the loader, server/setup.ts). */
export function runSetupMenu(data: SetupData): void {
  const clock = startClock();
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = withDocumentLock(30000, { ok: false, message: SETUP_BUSY }, () =>
    setupLocked(ss, data, clock),
  );
  if (outcome.ok) ss.toast('Đã khởi tạo / cập nhật sổ.', 'Vì người nghèo', 5);
  ui.alert(TITLE, outcome.message, ui.ButtonSet.OK);
}

/**
 * Setup under the lock. Setup has its own preamble: the first run has no Cấu hình yet (the
 * defaults stand for it), and in a shared drive its caller becomes the first analyst.
 */
function setupLocked(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  fileData: SetupData,
  clock: RunClock,
): {
  ok: boolean;
  message: string;
} {
  let data = fileData;
  const index = indexSheets(ss);
  const read = existingConfig(ss, index);
  if (!read.ok) {
    return {
      ok: false,
      message:
        'Trang "Cấu hình" có lỗi nên sổ chưa được khởi tạo hay cập nhật (chưa có gì bị thay đổi). Hãy sửa các ô sau rồi chạy lại:\n' +
        read.problems.map((p) => `• ${p.message}`).join('\n'),
    };
  }
  const caller = identifySetupCaller(
    ss,
    read.existing?.config ?? data.defaults,
    read.existing !== null,
  );
  const email = caller.email;
  if (caller.role !== 'analyst')
    return { ok: false, message: email ? ACCESS_DENIED : UNKNOWN_USER };
  // A shared drive's first setup writes its caller on Cấu hình as the first analyst.
  if (caller.firstAnalyst) data = withFirstAnalyst(data, email);
  const config = read.existing?.config ?? data.defaults;
  const from = resumeAt(readSetupProgress(), config);
  const result = runSetup(ss, data, { existing: read.existing, index }, { from, clock });
  SpreadsheetApp.flush();
  if (!result.ok)
    return { ok: false, message: result.problems.map((p) => `• ${p.message}`).join('\n') };
  if (result.stoppedAt !== undefined) {
    const units = result.config.units.map((u) => u.name);
    saveSetupProgress({ nextUnit: result.stoppedAt, units });
    return { ok: false, message: stoppedMessage(units, from, result.stoppedAt) };
  }
  clearSetupProgress();
  recordLayoutVersion();
  const summary = setupSummary(result.report, data.text.summary, result.config.words);
  return {
    ok: true,
    message: caller.firstAnalyst ? `${summary}\n${FIRST_ANALYST(email)}` : summary,
  };
}

/** What a run that stopped at its time budget says: how far it got and what the next click does. */
function stoppedMessage(units: string[], from: number, next: number): string {
  const done =
    next < units.length
      ? `lần chạy này đã làm ${next - from} trang đơn vị, đến hết trang của ${units[next - 1]} (${next}/${units.length} trang)`
      : `đã làm xong ${units.length}/${units.length} trang đơn vị, còn các trang kết quả`;
  const resume =
    next < units.length
      ? `để làm tiếp từ trang của ${units[next]}`
      : 'để tạo hoặc cập nhật các trang kết quả';
  return (
    `Sổ chưa khởi tạo / cập nhật xong: ${done}, rồi tự dừng để không vượt giới hạn 6 phút của Google Apps Script. ` +
    `Phần đã làm đã được lưu. Hãy chọn lại "Khởi tạo / cập nhật sổ" ${resume}. Chưa tổng hợp được cho đến khi sổ khởi tạo xong.`
  );
}
