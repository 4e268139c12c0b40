// Submissions are recorded by district users, who may not write Nhật ký (analysts' tab): their
// log rows wait in the document properties and are appended by the next consolidation, which an
// analyst runs, so none is lost (not even one made while a consolidation holds the lock: the
// consolidation deletes only the keys it read).
import type { Config } from '../core/config';
import type { Submission } from '../core/types';
import type { LogEntry } from './logTab';
import { statusText } from './statusLine';

const PENDING_PREFIX = 'gn.pendingLog|';
/** Order of actions made at the same instant (a frozen clock, or the same millisecond). */
const RANK: Record<Submission['status'], number> = { submitted: 1, approved: 2, returned: 3 };
const ACTION: Record<Submission['status'], string> = {
  submitted: 'Nộp báo cáo',
  approved: 'Duyệt báo cáo',
  returned: 'Trả lại báo cáo',
};

interface Pending {
  s: Submission;
  by: string;
  at: string;
}

/** Remembers that a submission or review has to reach Nhật ký (one property per action). */
export function queueSubmissionLog(s: Submission, by: string, at: string): void {
  const key = `${PENDING_PREFIX}${at}|${RANK[s.status]}|${s.unit}|${s.year}`;
  PropertiesService.getDocumentProperties().setProperty(
    key,
    JSON.stringify({ s, by, at } satisfies Pending),
  );
}

export interface PendingLogs {
  entries: LogEntry[];
  keys: string[];
}

function parsePending(raw: string): Pending | null {
  try {
    const p = JSON.parse(raw) as Pending;
    return p && p.s && typeof p.at === 'string' && p.s.status in RANK ? p : null;
  } catch {
    return null;
  }
}

/**
 * The queued rows, oldest first, and their keys (to delete once appended), from the document
 * properties `all` (already read). Damaged entries are left.
 */
export function pendingSubmissionLogs(config: Config, all: Record<string, string>): PendingLogs {
  const out: PendingLogs = { entries: [], keys: [] };
  for (const key of Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort()) {
    const p = parsePending(all[key]);
    if (!p) continue;
    out.keys.push(key);
    out.entries.push({
      at: p.at,
      by: p.by,
      action: ACTION[p.s.status],
      year: p.s.year,
      unit: p.s.unit,
      detail: statusText(config, p.s),
    });
  }
  return out;
}

export function markSubmissionsLogged(keys: string[]): void {
  const store = PropertiesService.getDocumentProperties();
  for (const key of keys) store.deleteProperty(key);
}
