// The rows of the CLI's criteria and reports CSV files, read as the workbook needs them: times
// of submissions (ISO 8601 with an offset, or dd/mm/yyyy HH:mm in the configured time zone), the
// figures' kind, and cells typed so that no text becomes a formula. The narrative report is read
// by the sidebar's rule (src/core/narrativeDocument.ts).
import { slug } from '../src/core/names';
import type { FiguresKind, NarrativeDocument, SubmissionEvent } from '../src/core/types';

const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const LOCAL = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/;

/** The instant of a submission time, or a Vietnamese description of what is wrong. */
export function submissionInstant(
  text: string,
  utcOffsetMinutes: number,
): { ok: true; at: string } | { ok: false; problem: string } {
  const t = text.trim();
  const local = LOCAL.exec(t);
  if (local) {
    const [d, m, y, h, min] = local.slice(1).map(Number);
    const utc = Date.UTC(y, m - 1, d, h, min);
    const check = new Date(utc);
    if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1 || h > 23 || min > 59)
      return { ok: false, problem: `thời điểm nộp "${t}" không phải ngày giờ có thật` };
    return { ok: true, at: new Date(utc - utcOffsetMinutes * 60000).toISOString() };
  }
  if (ISO_WITH_OFFSET.test(t) && !Number.isNaN(Date.parse(t)))
    return { ok: true, at: new Date(Date.parse(t)).toISOString() };
  const hint = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)
    ? ' (thiếu múi giờ: hãy thêm +07:00, ví dụ 2025-11-20T09:30:00+07:00)'
    : ' (hãy ghi dạng 20/11/2025 09:30 theo giờ Việt Nam, hoặc 2025-11-20T09:30:00+07:00)';
  return { ok: false, problem: `thời điểm nộp "${t}" không đọc được${hint}` };
}

/** "sơ bộ" / "chính thức" (with or without marks, any case); blank: undefined; else null. */
export function figuresKind(text: string): FiguresKind | undefined | null {
  if (text.trim() === '') return undefined;
  const t = slug(text);
  if (t === 'SO-BO' || t === 'PRELIMINARY') return 'preliminary';
  if (t === 'CHINH-THUC' || t === 'OFFICIAL') return 'official';
  return null;
}

/** A submitted event of the CSV (the submitter is the file: no e-mail is known). */
export function submittedEvent(
  at: string,
  by: string,
  figures: FiguresKind | undefined,
  document: NarrativeDocument | null,
): SubmissionEvent {
  return {
    type: 'submitted',
    at,
    by,
    ...(figures ? { figures } : {}),
    ...(document ? { document } : {}),
  };
}

/**
 * A CSV cell as a person types it: a number stays a number (Sheets parses it), any other text
 * that Sheets would read as a formula (=, +, -, @ first) is kept as text with an apostrophe.
 */
export function typedCell(text: string): string {
  const t = text.trim();
  if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return t;
  return /^[=+\-@]/.test(t) ? `'${t}` : t;
}
