// Submissions are recorded by district users, who may not write Nhật ký (analysts' tab): their
// log rows are appended by the next consolidation, which an analyst runs, so none is lost.
import type { Config } from '../core/config';
import type { Submission } from '../core/types';
import type { LogEntry } from './logTab';
import { statusText } from './statusLine';

const PENDING_PREFIX = 'gn.pendingLog|';

/** Remembers that a submission or review has to reach Nhật ký. */
export function queueSubmissionLog(s: Submission, by: string, at: string): void {
  PropertiesService.getDocumentProperties().setProperty(`${PENDING_PREFIX}${at}|${s.unit}|${s.year}`, JSON.stringify({ s, by, at }));
}

export interface PendingLogs {
  entries: LogEntry[];
  keys: string[];
}

export function pendingSubmissionLogs(config: Config): PendingLogs {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const keys = Object.keys(all).filter((k) => k.startsWith(PENDING_PREFIX)).sort();
  const entries = keys.map((key): LogEntry => {
    const { s, by, at } = JSON.parse(all[key]) as { s: Submission; by: string; at: string };
    const action = s.status === 'approved' ? 'Duyệt báo cáo' : s.status === 'returned' ? 'Trả lại báo cáo' : 'Nộp báo cáo';
    return { at, by, action, year: s.year, unit: s.unit, detail: statusText(config, s) };
  });
  return { entries, keys };
}

export function markSubmissionsLogged(keys: string[]): void {
  const store = PropertiesService.getDocumentProperties();
  for (const key of keys) store.deleteProperty(key);
}
