// What the summary and the report say about a unit's submission besides its timeliness: whether
// its figures are preliminary (sơ bộ) or official (chính thức), and the district's narrative
// report (number, date, link). Both come from the latest submission that was not returned: an
// official resubmission after the review of poor households replaces preliminary figures, while
// timeliness stays that of the counted (first not returned) submission (src/core/deadline.ts).
import { submissionFor } from './deadline';
import { countedSubmission, submissionEvents } from './submissionRecord';
import type { FiguresKind, NarrativeDocument, Submission, SubmittedEvent } from './types';

export interface SubmissionDetails {
  figuresStatus: FiguresKind | null;
  narrativeReport: NarrativeDocument | null;
}

/** The submissions not returned before the next one, oldest first. */
function liveSubmissions(s: Submission): SubmittedEvent[] {
  const events = submissionEvents(s);
  const live: SubmittedEvent[] = [];
  events.forEach((e, i) => {
    if (e.type !== 'submitted') return;
    const next = events.findIndex((x, j) => j > i && x.type === 'submitted');
    const until = next < 0 ? events.length : next;
    if (!events.slice(i + 1, until).some((x) => x.type === 'returned')) live.push(e);
  });
  return live;
}

export function submissionDetails(
  submissions: readonly Submission[],
  unit: string,
  year: number,
): SubmissionDetails {
  const record = submissionFor(submissions, unit, year);
  if (!record || !countedSubmission(record)) return { figuresStatus: null, narrativeReport: null };
  const live = liveSubmissions(record);
  const latest = live[live.length - 1];
  const withDocument = [...live].reverse().find((e) => e.document);
  const d = withDocument?.document;
  return {
    figuresStatus: latest?.figures ?? null,
    narrativeReport: d ? { number: d.number, date: d.date, link: d.link } : null,
  };
}
