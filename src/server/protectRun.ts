// Menu "Phân quyền các trang tính" (analysts only): every tab's protections brought back to what
// Cấu hình says, under the document lock (setup and consolidation take it too). This code is in
// the setup module (setupModule.ts), not in dist/Code.js.
import type { Config } from '../core/config';
import { applyProtections, type ProtectionReport } from '../sheets/protectionApply';
import { startClock, type RunClock } from '../sheets/runClock';
import { readSubmissions } from '../sheets/submissions';
import { runAsAnalyst, withDocumentLock } from './entryPoint';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Phân quyền các trang tính';
const PROTECT_BUSY =
  'Một người khác đang khởi tạo, tổng hợp hoặc phân quyền sổ. Chưa có gì bị thay đổi; vui lòng đợi ít phút rồi chạy lại.';
const PROTECT_FAILED =
  'Chưa phân quyền được: tài khoản của bạn chưa có quyền sửa các vùng đã được bảo vệ lần trước (khi đó bạn chưa là cán bộ tổng hợp). ' +
  'Chưa có gì bị thay đổi. Hãy nhờ chủ sở hữu bảng tính hoặc cán bộ tổng hợp đã phân quyền lần trước chạy lại lệnh này.';

function protectionSummary(report: ProtectionReport): string {
  if (report.blocked > 0) return PROTECT_FAILED;
  if (report.left > 0)
    return (
      `Phân quyền chưa xong: lần chạy này đã làm ${report.made + report.removed} thay đổi, còn ${report.left} vùng bảo vệ phải tạo hoặc gỡ; ` +
      'lệnh đã tự dừng để không vượt giới hạn 6 phút của Google Apps Script và những gì đã làm được giữ nguyên. ' +
      'Hãy chọn lại "Phân quyền các trang tính" để làm tiếp cho đến khi có thông báo hoàn tất.'
    );
  const lines = [
    `Đã phân quyền ${report.protected.length} trang theo trang "Cấu hình": mỗi đơn vị chỉ sửa được các ô nhập liệu trên trang của mình; ` +
      'các ô công thức, tiêu đề, năm đã được duyệt và các trang của tỉnh chỉ cán bộ tổng hợp sửa được.',
  ];
  if (report.made + report.removed === 0)
    lines.push('Các vùng bảo vệ đã đúng như trang "Cấu hình" nên không có gì phải thay đổi.');
  if (report.skipped.length > 0) {
    lines.push(
      `Chưa phân quyền được trang của: ${report.skipped.join(', ')} (không tìm thấy trang hoặc bố cục đã bị sửa). Hãy chạy "Khởi tạo / cập nhật sổ" rồi chạy lại lệnh này.`,
    );
  }
  if (report.invalidEmails.length > 0) {
    lines.push(
      `Các mục sau trên trang "Cấu hình" không phải địa chỉ e-mail nên chưa được cấp quyền: ${report.invalidEmails.join(', ')}.`,
    );
  }
  return lines.join('\n');
}

/** Applies the protections under the document lock; returns the message to show. */
function protectLocked(ss: Spreadsheet, config: Config, clock: RunClock): string {
  return withDocumentLock(30000, PROTECT_BUSY, () => {
    try {
      const report = applyProtections(ss, config, readSubmissions(), clock);
      SpreadsheetApp.flush();
      return protectionSummary(report);
    } catch (e) {
      // A service refusal (Apps Script's errors are named "Exception"); anything else is a bug.
      if ((e as Error)?.name !== 'Exception') throw e;
      return `Phân quyền chưa xong vì bảng tính từ chối một thao tác (${(e as Error).message}). Hãy chạy lại lệnh này; nếu vẫn lỗi, nhờ chủ sở hữu bảng tính chạy.`;
    }
  });
}

export function runProtectMenu(): void {
  const clock = startClock();
  runAsAnalyst(TITLE, ({ ss, config }) => protectLocked(ss, config, clock));
}
