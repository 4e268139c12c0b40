// Menu "Kiểm tra dữ liệu tất cả đơn vị" (analysts; district staff check their own tab from the
// sidebar): validates every unit tab and lists the problems, without writing anything.
import { readWorkbook } from './consolidate';
import { runAsAnalyst } from './entryPoint';

const TITLE = 'Kiểm tra dữ liệu';
const SHOWN_PER_UNIT = 5;

export function menuCheckAll(): void {
  runAsAnalyst(TITLE, ({ ss, config }) => checkAllText(readWorkbook(ss, config)));
}

function checkAllText(units: ReturnType<typeof readWorkbook>): string {
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
  return total === 0
    ? `Đã kiểm tra ${units.length} đơn vị: không có lỗi số liệu.`
    : `Đã kiểm tra ${units.length} đơn vị, có ${total} lỗi:\n\n${lines.join('\n')}`;
}
