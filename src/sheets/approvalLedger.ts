// The approvals ledger, "Sổ duyệt báo cáo": a tripwire for the bound-script deployment. Every
// approval, and every return of an approved report, is also appended here, on a tab only
// analysts may edit (Phân quyền các trang tính protects it with the other analysts' tabs). The
// submission record itself lives in the document properties, which any editor of a bound
// script can rewrite from the script editor: a forged approval there has no row here, and the
// consolidation lists it (`approvalMismatches`). It is a tripwire, not a lock: an editor who
// changes the code can defeat it (README, threat model).
import type { Config } from '../core/config';
import { formatDateTimeVi } from '../core/format';
import { sameName } from '../core/names';
import type { Submission } from '../core/types';
import { asText } from './cellText';
import { NAMED } from './layout';
import { canEditSheet } from './protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LEDGER_HEADERS = ['Đơn vị', 'Năm', 'Thao tác', 'Thời điểm', 'Người thực hiện'];
const APPROVED = 'Duyệt';
const RETURNED = 'Trả lại sau khi đã duyệt';

/** One row of the ledger: the latest row of a unit and year says whether it stands approved. */
export interface LedgerEntry {
  unit: string;
  year: number;
  approved: boolean;
}

/** An approval the submission record and the ledger disagree on (summary.json). */
export interface ApprovalMismatch {
  district: string;
  year: number;
  message: string;
}

/** Setup: the header, a frozen first row; the tab is hidden (analysts unhide it to read it). */
export function prepareApprovalsTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.getRange(1, 1, 1, LEDGER_HEADERS.length).setValues([LEDGER_HEADERS]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.hideSheet();
}

/** The ledger's rows (2 calls); null when the tab or its named range is missing. */
export function readLedger(ss: Spreadsheet): LedgerEntry[] | null {
  const range = ss.getRangeByName(NAMED.approvals);
  if (!range) return null;
  const entries: LedgerEntry[] = [];
  for (const [unit, year, action] of range.getValues().slice(1)) {
    if (unit === '' || typeof year !== 'number') continue;
    entries.push({ unit: String(unit), year, approved: action === APPROVED });
  }
  return entries;
}

/**
 * Whether the running user can append to the ledger: 'missing' before setup made it, 'denied'
 * when its protection does not list them (an analyst added since the last "Phân quyền"). Asked
 * before an approval changes anything (3 calls, more with several protections).
 */
export function ledgerAccess(ss: Spreadsheet): 'ok' | 'missing' | 'denied' {
  const range = ss.getRangeByName(NAMED.approvals);
  if (!range) return 'missing';
  return canEditSheet(range.getSheet()) ? 'ok' : 'denied';
}

/**
 * Appends one row for an approval (`approved`) or the return of an approved report (3 calls).
 * False, with nothing written, when the ledger is missing (setup has not made it yet).
 */
export function appendLedger(
  ss: Spreadsheet,
  config: Config,
  entry: LedgerEntry,
  by: string,
  atIso: string,
): boolean {
  const range = ss.getRangeByName(NAMED.approvals);
  if (!range) return false;
  range
    .getSheet()
    .appendRow([
      asText(entry.unit),
      entry.year,
      entry.approved ? APPROVED : RETURNED,
      asText(formatDateTimeVi(atIso, config.deadline.utcOffsetMinutes)),
      asText(by),
    ]);
  return true;
}

/** Whether the ledger's latest row of a unit and year says approved (false without a row). */
function ledgerApproved(ledger: LedgerEntry[], unit: string, year: number): boolean {
  let approved = false;
  for (const e of ledger) if (e.year === year && sameName(e.unit, unit)) approved = e.approved;
  return approved;
}

const STATUS_TEXT: Record<Submission['status'], string> = {
  submitted: 'đã nộp, chưa duyệt',
  approved: 'đã duyệt',
  returned: 'bị trả lại',
};

/**
 * Every unit and year where the submission record and the ledger disagree about an approval, in
 * Cấu hình order then by year. Pure. `ledger` null: the ledger is missing, so every approval in
 * the record is unconfirmed.
 */
export function approvalMismatches(
  config: Config,
  latest: (unit: string, year: number) => Submission | undefined,
  ledger: LedgerEntry[] | null,
): ApprovalMismatch[] {
  const out: ApprovalMismatch[] = [];
  for (const unit of config.units) {
    for (const year of config.years) {
      const record = latest(unit.name, year);
      const recorded = record?.status === 'approved';
      const confirmed = ledger !== null && ledgerApproved(ledger, unit.name, year);
      if (recorded === confirmed) continue;
      const message =
        recorded && ledger === null
          ? `Báo cáo năm ${year} của ${unit.name} được ghi là đã duyệt, nhưng sổ chưa có trang "Sổ duyệt báo cáo" để đối chiếu. Hãy chạy "Khởi tạo / cập nhật sổ", rồi trả lại và duyệt lại báo cáo này.`
          : recorded
            ? `Báo cáo năm ${year} của ${unit.name} được ghi là đã duyệt, nhưng "Sổ duyệt báo cáo" (chỉ cán bộ tổng hợp sửa được) không ghi lần duyệt nào còn hiệu lực: bản ghi có thể đã bị sửa ngoài tiện ích. Hãy kiểm tra với đơn vị; nếu đúng là chưa duyệt, trả lại báo cáo.`
            : `"Sổ duyệt báo cáo" ghi báo cáo năm ${year} của ${unit.name} đã được duyệt, nhưng bản ghi nộp báo cáo ghi "${record ? STATUS_TEXT[record.status] : 'chưa nộp'}": bản ghi có thể đã bị sửa ngoài tiện ích. Hãy kiểm tra rồi duyệt lại hoặc trả lại báo cáo.`;
      out.push({ district: unit.name, year, message });
    }
  }
  return out;
}
