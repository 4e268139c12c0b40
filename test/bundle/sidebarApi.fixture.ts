// Shared by the sidebar API tests: a workbook set up by the owner-analyst, with a second analyst
// and two district users listed on Cấu hình (typed there as an analyst would), and Huyện Gia Lộc
// filled by hand. Gia Lộc has 18 communes (rows 6-23); every commune: 2021 500 households,
// 10 poor, 10 near-poor; 2025 510, 2, 8. So, by hand: baseline poor 180, near-poor 180;
// 2025 poor 36, near-poor 144; poor reduction (180 − 36) / 180 = 0.8 (80 % attains);
// combined ((360 − 180) / 360) = 0.5; progress min(1, max(0.8 / 0.8, 0.5 / 0.5)) = 1.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SHEET } from '../../src/sheets/layout';
import type { Result } from '../../src/shared/sidebarContract';
import {
  ANALYST,
  newWorkbook,
  protectWorkbook,
  quietly,
  setAnalysts,
  setEditors,
  typeCommuneRows,
  workbookSnapshot,
  type CommuneYearRow,
  type Workbook,
} from '../../tools/workbookDriver';
import { message } from '../../tools/emulator';
import { ensureBuilt } from './setupFixture';

export { ANALYST };
export const GIA_LOC = 'Huyện Gia Lộc';
export const NAM_SACH = 'Huyện Nam Sách';
export const GL = 'canbo.gialoc@haiduong.gov.vn';
export const NS = 'canbo.namsach@haiduong.gov.vn';
export const ANALYST2 = 'tonghop2@haiduong.gov.vn';
export const OUTSIDER = 'nguoingoai@gmail.com';
export const YEAR = 2025;

export const UNKNOWN_USER =
  'Google chưa cho biết e-mail của bạn nên sổ chỉ cho phép xem. Hãy đăng nhập bằng tài khoản đã được phân quyền trong trang "Cấu hình" rồi mở lại.';
export const ACCESS_DENIED =
  'Bạn chưa có quyền thực hiện thao tác này. Hãy đề nghị cán bộ tổng hợp của tỉnh thêm e-mail của bạn vào trang "Cấu hình".';
/** What Sheets throws at a person typing into a protected cell, in the users' language (vi). */
export const PROTECTED = message('protectedCell', 'vi');

/** Vietnamese with its diacritics (every message a person reads). */
export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

export function communeRows(
  unit: string,
  year: number,
  h: number,
  p: number,
  n: number,
): CommuneYearRow[] {
  const communes = DEFAULT_CONFIG.units.find((u) => u.name === unit)!.communes;
  return communes.map((commune) => ({
    district: unit,
    commune,
    year: String(year),
    households: String(h),
    poor: String(p),
    near_poor: String(n),
    poor_exited: '',
    poor_returned: '',
    poor_new: '',
    merged_into: '',
  }));
}

export function fill(wb: Workbook, rows: CommuneYearRow[]): void {
  typeCommuneRows(wb, rows, DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years);
}

export function sidebarWorkbook(opts: { now?: Date; protect?: boolean } = {}): Workbook {
  ensureBuilt();
  const wb = newWorkbook({ now: opts.now });
  wb.emu.shareWith(GL, NS, ANALYST2, OUTSIDER);
  setAnalysts(wb, [ANALYST, ANALYST2]);
  setEditors(wb, GIA_LOC, [GL]);
  setEditors(wb, NAM_SACH, [NS]);
  fill(wb, [...communeRows(GIA_LOC, 2021, 500, 10, 10), ...communeRows(GIA_LOC, YEAR, 510, 2, 8)]);
  if (opts.protect) protectWorkbook(wb, ANALYST);
  return wb;
}

/** A server function called directly as `email` (what the function receives, whatever the wire). */
export function callAs<T = unknown>(
  wb: Workbook,
  email: string,
  name: string,
  ...args: unknown[]
): Result<T> {
  return wb.bundle.callAs(email, name, ...args) as Result<T>;
}

/** `google.script.run.name(...args)` from the sidebar of `email`: the wire rules apply. */
export function fromClient<T = unknown>(
  wb: Workbook,
  email: string,
  name: string,
  ...args: unknown[]
): Result<T> {
  return wb.emu.as(email, () => wb.bundle.callFromClient(name, ...args)) as Result<T>;
}

/** The refusal's message (fails the test when the call succeeded). */
export function refusal(result: Result<unknown>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.message;
}

/** Every tab, the document properties, the protections and the active cell. */
export function fullSnapshot(wb: Workbook): unknown {
  const active = wb.emu.spreadsheet.internal.withoutCounting(() => {
    const r = wb.emu.spreadsheet.getActiveRange();
    return `${r.getSheet().getName()}!${r.getA1Notation()}`;
  });
  return { ...workbookSnapshot(wb), active };
}

/** Nhật ký's rows under its header, newest first as the tab lists them (read by the owner, uncounted). */
export function logRows(wb: Workbook): unknown[][] {
  return quietly(wb, () =>
    wb.emu.asOwner(() =>
      wb.emu.spreadsheet.getSheetByName(SHEET.log)!.getDataRange().getValues().slice(1),
    ),
  );
}
