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

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function callerEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/**
 * The caller's role. While Cấu hình lists no analyst, the spreadsheet's owner acts as the analyst
 * (so the person who installs the add-on can set it up); `ownerEmail` is asked only then.
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

/** The caller of this execution, identified from Cấu hình (the owner is asked only if needed). */
export function identifyCaller(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
): Caller {
  return identify(config, callerEmail(), () => {
    try {
      return ss.getOwner()?.getEmail() ?? '';
    } catch {
      return '';
    }
  });
}

export function mayActOn(caller: Caller, unit: string): boolean {
  const wanted = normalizeName(unit);
  return caller.units.some((u) => normalizeName(u.name) === wanted);
}

export const ACCESS_DENIED =
  'Bạn chưa có quyền thực hiện thao tác này. Hãy đề nghị cán bộ tổng hợp của tỉnh thêm e-mail của bạn vào trang "Cấu hình".';
export const UNKNOWN_USER =
  'Google chưa cho biết e-mail của bạn nên sổ chỉ cho phép xem. Hãy đăng nhập bằng tài khoản đã được phân quyền trong trang "Cấu hình" rồi mở lại.';
