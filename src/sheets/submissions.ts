// Submissions of a year's report live in the document properties (one key per unit and year,
// well under the 9 KB per value limit), so a district user never needs write access to the
// analysts' tabs. All of them are read with one getProperties() call.
import type { Submission } from '../core/types';

const PREFIX = 'gn.submission|';
const keyOf = (unit: string, year: number) => `${PREFIX}${unit}|${year}`;

export function parseSubmissions(properties: Record<string, string>): Submission[] {
  const list: Submission[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const value = JSON.parse(raw) as Submission;
      if (value && typeof value.unit === 'string' && typeof value.year === 'number') list.push(value);
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

export function findSubmission(list: Submission[], unit: string, year: number): Submission | undefined {
  return list.find((s) => s.unit === unit && s.year === year);
}
