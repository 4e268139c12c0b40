// Where an unfinished "Khởi tạo / cập nhật sổ" stopped, in the document properties: the next run
// resumes there, the consolidation refuses a half-done workbook and the self-check reports it.
import type { Config } from '../core/config';

const KEY = 'gn.setup.progress';

export interface SetupProgress {
  /** 0-based index of the first unit tab still to build or repair. */
  nextUnit: number;
  /** The units of Cấu hình when the run stopped: another list starts the setup over. */
  units: string[];
}

const properties = () => PropertiesService.getDocumentProperties();

export function readSetupProgress(): SetupProgress | null {
  return parseSetupProgress(properties().getProperty(KEY));
}

/** The progress recorded in the document properties (already read: `all`), or null. */
export function setupProgressOf(all: Record<string, string>): SetupProgress | null {
  return parseSetupProgress(all[KEY] ?? null);
}

function parseSetupProgress(raw: string | null): SetupProgress | null {
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<SetupProgress>;
    return typeof p.nextUnit === 'number' && Array.isArray(p.units)
      ? { nextUnit: p.nextUnit, units: p.units.map(String) }
      : null;
  } catch {
    return null;
  }
}

export function saveSetupProgress(progress: SetupProgress): void {
  properties().setProperty(KEY, JSON.stringify(progress));
}

export function clearSetupProgress(): void {
  properties().deleteProperty(KEY);
}

/** The unit tab the setup resumes at for `config`: 0 unless a run stopped with the same units. */
export function resumeAt(progress: SetupProgress | null, config: Config): number {
  if (!progress) return 0;
  const same =
    progress.units.length === config.units.length &&
    progress.units.every((u, i) => u === config.units[i].name);
  return same ? Math.min(progress.nextUnit, config.units.length) : 0;
}

/**
 * What is left of an unfinished setup, in Vietnamese, or null when the last setup finished. The
 * consolidation refuses to run while it is not null; "Kiểm tra cài đặt" can report it.
 */
export function unfinishedSetupMessage(progress: SetupProgress | null): string | null {
  if (!progress) return null;
  const left = progress.units.length - progress.nextUnit;
  const from = progress.units[progress.nextUnit];
  return (
    `Sổ chưa khởi tạo xong: lần "Khởi tạo / cập nhật sổ" gần nhất đã dừng giữa chừng, còn ${left}/${progress.units.length} trang đơn vị` +
    (from ? ` (từ trang của ${from})` : '') +
    ' và các trang kết quả chưa được tạo hoặc cập nhật. Hãy chọn lại "Khởi tạo / cập nhật sổ" để làm tiếp cho đến khi có thông báo hoàn tất, rồi mới tổng hợp.'
  );
}
