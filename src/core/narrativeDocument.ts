// The district's narrative report that travels with a submission (number, date, a Drive link):
// one rule for the sidebar's server (sidebarGuards.submitDetails) and the CLI's --reports file.
// Pure.
import { formatDayMonth } from './format';
import { EVENT_LIMITS } from './submissionRecord';
import type { NarrativeDocument } from './types';

/** A Google Drive or Docs address, the only links the workbook shows as links. */
export const DRIVE_LINK = /^https:\/\/(drive|docs)\.google\.com\/[^\s<>"']*$/;

/** "20/11/2025" (also with - or .) or "2025-11-20", a real date → "20/11/2025"; else null. */
export function documentDate(text: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [d, m, y] = dmy
    ? [dmy[1], dmy[2], dmy[3]].map(Number)
    : ymd
      ? [ymd[3], ymd[2], ymd[1]].map(Number)
      : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null;
  return `${formatDayMonth(d, m)}/${y}`;
}

/**
 * The three fields, trimmed: none given → null; all given and sound → the document (its date
 * written dd/mm/yyyy); otherwise what is wrong, in Vietnamese, naming the field.
 */
export function narrativeDocument(
  number: string,
  date: string,
  link: string,
): { document: NarrativeDocument | null } | { problem: string } {
  const [n, d, l] = [number.trim(), date.trim(), link.trim()];
  if (!n && !d && !l) return { document: null };
  if (!n || !d || !l)
    return {
      problem:
        'báo cáo thuyết minh cần đủ số văn bản, ngày văn bản và đường dẫn Google Drive (thiếu ' +
        [!n && 'số văn bản', !d && 'ngày văn bản', !l && 'đường dẫn'].filter(Boolean).join(', ') +
        ')',
    };
  if (n.length > EVENT_LIMITS.number)
    return { problem: `số văn bản dài quá ${EVENT_LIMITS.number} ký tự` };
  const day = documentDate(d);
  if (!day) return { problem: `ngày văn bản "${d}" không phải là một ngày có thật (dd/mm/yyyy)` };
  if (l.length > EVENT_LIMITS.link || !DRIVE_LINK.test(l))
    return {
      problem: `đường dẫn phải là địa chỉ Google Drive hoặc Google Tài liệu (bắt đầu bằng https://drive.google.com/ hoặc https://docs.google.com/, tối đa ${EVENT_LIMITS.link} ký tự)`,
    };
  return { document: { number: n, date: day, link: l } };
}
