// What the summary and the report say about a unit's submission besides its timeliness: whether
// its figures are preliminary (sơ bộ) or official (chính thức), and the district's narrative
// report (number, date, link). Both come from the latest submission that was not returned: an
// official resubmission after the review of poor households replaces preliminary figures, while
// timeliness stays that of the counted (first not returned) submission (src/core/deadline.ts).
import { submissionFor } from './deadline';
import { liveSubmissions } from './submissionRecord';
import type { FiguresKind, NarrativeDocument, Submission } from './types';

export interface SubmissionDetails {
  figuresStatus: FiguresKind | null;
  narrativeReport: NarrativeDocument | null;
}

export function submissionDetails(
  submissions: readonly Submission[],
  unit: string,
  year: number,
): SubmissionDetails {
  const record = submissionFor(submissions, unit, year);
  const live = record ? liveSubmissions(record) : [];
  // No live submission: none counts (the latest was returned), so nothing to say.
  if (!live.length) return { figuresStatus: null, narrativeReport: null };
  const latest = live[live.length - 1];
  const withDocument = [...live].reverse().find((e) => e.document);
  const d = withDocument?.document;
  return {
    figuresStatus: latest.figures ?? null,
    narrativeReport: d ? { number: d.number, date: d.date, link: d.link } : null,
  };
}
