// Who is calling, decided on the server for every call from Cấu hình. Google withholds the
// e-mail in many contexts (SHEETS-FACTS.md §8): '' is an unknown user with no rights.
import type { Config, UnitConfig } from '../core/config';
import { normalizeName } from '../core/names';

export type Role = 'analyst' | 'district' | 'unknown';

export interface Caller {
  email: string;
  role: Role;
  /** the units this caller may act on */
  units: UnitConfig[];
}

export const sameEmail = (a: string, b: string) =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

export function callerEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/**
 * The caller's role. While Cấu hình lists no analyst, the spreadsheet's owner acts as the analyst
 * (so the person who installs the add-on can set it up); `ownerEmail` is asked only then. A file
 * in a shared drive has no owner (`ownerEmail` gives ''), so there nobody does: its first setup
 * names the first analyst instead (`identifySetupCaller`).
 */
export function identify(config: Config, email: string, ownerEmail: () => string): Caller {
  if (!email) return { email, role: 'unknown', units: [] };
  const isAnalyst =
    config.analysts.some((a) => sameEmail(a, email)) ||
    (config.analysts.length === 0 && sameEmail(ownerEmail(), email));
  if (isAnalyst) return { email, role: 'analyst', units: config.units };
  const units = config.units.filter((u) => u.editors.some((e) => sameEmail(e, email)));
  return { email, role: units.length > 0 ? 'district' : 'unknown', units };
}

/**
 * The spreadsheet owner's e-mail; null for a file in a shared drive, which has no owner
 * (Spreadsheet.getOwner() is null there), '' when Google withholds it.
 */
export function ownerEmailOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const owner = ss.getOwner();
  if (owner === null) return null;
  try {
    return owner.getEmail() || '';
  } catch {
    return '';
  }
}

/** The caller of this execution, identified from Cấu hình (the owner is asked only if needed). */
export function identifyCaller(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
): Caller {
  return identify(config, callerEmail(), () => ownerEmailOf(ss) ?? '');
}

/**
 * The caller of the setup menu. The first setup of a workbook that has no Cấu hình yet, in a
 * shared drive (no owner), accepts its caller as the first analyst (`firstAnalyst`: setup writes
 * that e-mail on Cấu hình); otherwise the usual rule (`identifyCaller`).
 */
export function identifySetupCaller(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
  hasConfigTab: boolean,
): Caller & { firstAnalyst: boolean } {
  const email = callerEmail();
  if (!hasConfigTab && email && config.analysts.length === 0 && ownerEmailOf(ss) === null)
    return { email, role: 'analyst', units: config.units, firstAnalyst: true };
  return { ...identifyCaller(ss, config), firstAnalyst: false };
}

export function mayActOn(caller: Caller, unit: string): boolean {
  const wanted = normalizeName(unit);
  return caller.units.some((u) => normalizeName(u.name) === wanted);
}

export const ACCESS_DENIED =
  'Bạn chưa có quyền thực hiện thao tác này. Hãy đề nghị cán bộ tổng hợp của tỉnh thêm e-mail của bạn vào trang "Cấu hình".';
export const UNKNOWN_USER =
  'Google chưa cho biết e-mail của bạn nên sổ chỉ cho phép xem. Hãy đăng nhập bằng tài khoản đã được phân quyền trong trang "Cấu hình" rồi mở lại.';
