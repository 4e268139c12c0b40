// The status line (row 2 of a unit tab): where the district sees whether its report was
// submitted, approved or returned, and why.
import type { Config } from '../core/config';
import { formatDateTimeVi } from '../core/format';
import { deadlineInstant } from '../core/deadline';
import type { Submission } from '../core/types';
import { asText } from './cellText';
import { unitLayout, unitRangeName } from './layout';

export function statusText(config: Config, s: Submission): string {
  const at = (iso: string) => formatDateTimeVi(iso, config.deadline.utcOffsetMinutes);
  const onTime = new Date(s.submittedAt).getTime() < deadlineInstant(config, s.year).getTime();
  const submitted = `đã nộp lúc ${at(s.submittedAt)} bởi ${s.email || 'người dùng không xác định'} (${onTime ? 'đúng hạn' : 'nộp muộn'})`;
  if (s.status === 'approved') return `Báo cáo năm ${s.year}: ${submitted}; đã được duyệt lúc ${at(s.reviewedAt ?? s.submittedAt)}, số liệu năm ${s.year} đã khóa.`;
  if (s.status === 'returned') return `Báo cáo năm ${s.year}: bị trả lại lúc ${at(s.reviewedAt ?? s.submittedAt)}. Lý do: ${s.returnReason ?? ''}. Hãy sửa và nộp lại.`;
  return `Báo cáo năm ${s.year}: ${submitted}.`;
}

/** Rewrites the status line of unit `index` (1 lookup, 1 write). */
export function writeStatusLine(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
  index: number,
  submission: Submission,
): void {
  const range = ss.getRangeByName(unitRangeName(index));
  if (!range) return;
  const row = unitLayout(config.baselineYear, config.years, 0).statusRow;
  range.getSheet().getRange(row, 1).setValue(asText(statusText(config, submission)));
}
