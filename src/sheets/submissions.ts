// Submissions of a year's report live in the document properties (one key per unit and year,
// well under the 9 KB per value limit), so a district user never needs write access to the
// analysts' tabs, and a submission made while a consolidation holds the lock is not lost.
// All of them are read with one getProperties() call.
import type { Submission } from '../core/types';

const PREFIX = 'gn.submission|';
const keyOf = (unit: string, year: number) => `${PREFIX}${unit}|${year}`;
const STATUSES: readonly string[] = ['submitted', 'approved', 'returned'];

/** A stored value that has the shape of a Submission (a damaged entry counts as not submitted). */
function isSubmission(v: unknown): v is Submission {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.unit === 'string' &&
    typeof s.year === 'number' &&
    typeof s.submittedAt === 'string' &&
    !Number.isNaN(Date.parse(s.submittedAt)) &&
    typeof s.email === 'string' &&
    typeof s.status === 'string' &&
    STATUSES.includes(s.status)
  );
}

export function parseSubmissions(properties: Record<string, string>): Submission[] {
  const list: Submission[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const value: unknown = JSON.parse(raw);
      if (isSubmission(value)) list.push(value);
    } catch {
      // a damaged entry is ignored: it counts as not submitted
    }
  }
  return list;
}

export function readSubmissions(): Submission[] {
  return parseSubmissions(PropertiesService.getDocumentProperties().getProperties());
}

export function writeSubmission(submission: Submission): void {
  PropertiesService.getDocumentProperties().setProperty(
    keyOf(submission.unit, submission.year),
    JSON.stringify(submission),
  );
}

export function findSubmission(
  list: Submission[],
  unit: string,
  year: number,
): Submission | undefined {
  return list.find((s) => s.unit === unit && s.year === year);
}
