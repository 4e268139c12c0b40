// Menu "Kiểm tra dữ liệu tất cả đơn vị": validates every unit tab and lists the problems,
// without writing anything.
import { readConfig } from '../sheets/configTab';
import { readWorkbook } from './consolidate';

const TITLE = 'Kiểm tra dữ liệu';
const SHOWN_PER_UNIT = 5;

export function menuCheckAll(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) {
    ui.alert(TITLE, read.problems.map((p) => `• ${p.message}`).join('\n'), ui.ButtonSet.OK);
    return;
  }
  const units = readWorkbook(ss, read.config);
  const lines: string[] = [];
  let total = 0;
  for (const unit of units) {
    const problems = unit.problems;
    total += problems.length;
    if (problems.length === 0) continue;
    lines.push(`${unit.unit}: ${problems.length} lỗi`);
    problems.slice(0, SHOWN_PER_UNIT).forEach((p) => lines.push(`  • ${p.message}`));
    if (problems.length > SHOWN_PER_UNIT)
      lines.push(
        `  … và ${problems.length - SHOWN_PER_UNIT} lỗi khác (mở bảng nhập liệu để xem hết).`,
      );
  }
  const message =
    total === 0
      ? `Đã kiểm tra ${units.length} đơn vị: không có lỗi số liệu.`
      : `Đã kiểm tra ${units.length} đơn vị, có ${total} lỗi:\n\n${lines.join('\n')}`;
  ui.alert(TITLE, message, ui.ButtonSet.OK);
}
