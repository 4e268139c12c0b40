// The record of a unit's yearly report: every submission and review, oldest first, and what
// follows from it (the current state shown to people, the submission that counts for the
// deadline). Pure; src/sheets/submissions.ts stores it in the document properties.
import type { Submission, SubmissionEvent, SubmittedEvent } from './types';

/** Longest text kept per field of an event (what the sidebar accepts, or a little more). */
export const EVENT_LIMITS = { by: 254, reason: 2000, number: 100, date: 40, link: 1000 } as const;

/**
 * Largest stored record, in UTF-8 bytes: two thirds of the 9 KB Apps Script allows per document
 * property, so a record never comes near it (docs/DECISIONS.md 31).
 */
export const RECORD_BUDGET_BYTES = 6000;

/** The events of a record: its history, or for a record written before the history was kept, the events its state stands for. */
export function submissionEvents(s: Submission): SubmissionEvent[] {
  if (Array.isArray(s.events) && s.events.some((e) => e.type === 'submitted')) return s.events;
  const events: SubmissionEvent[] = [{ type: 'submitted', at: s.submittedAt, by: s.email }];
  const at = s.reviewedAt ?? s.submittedAt;
  const by = s.reviewedBy ?? '';
  if (s.status === 'approved') events.push({ type: 'approved', at, by });
  if (s.status === 'returned')
    events.push({ type: 'returned', at, by, reason: s.returnReason ?? '' });
  return events;
}

/** Indexes of the submissions among `events`. */
function submissionIndexes(events: readonly SubmissionEvent[]): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (e.type === 'submitted') out.push(i);
  });
  return out;
}

/** Indexes (in `events`) of the submissions not returned before the next submission. */
function liveIndexes(events: readonly SubmissionEvent[]): number[] {
  const starts = submissionIndexes(events);
  return starts.filter((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : events.length;
    return !events.slice(start + 1, end).some((e) => e.type === 'returned');
  });
}

/** Index (in `events`) of the submission that counts, or -1: see countedSubmission. */
function countedIndex(events: readonly SubmissionEvent[]): number {
  return liveIndexes(events)[0] ?? -1;
}

/** The record's submissions not returned before the next one, oldest first. */
export function liveSubmissions(s: Submission): SubmittedEvent[] {
  const events = submissionEvents(s);
  return liveIndexes(events).map((i) => events[i] as SubmittedEvent);
}

/**
 * The submission that counts for the deadline: the first one that was not returned before the
 * next submission. A report submitted on time and resubmitted later (official figures after
 * preliminary ones) stays on time; a returned report counts only through its resubmission, and
 * while the latest is returned and not resubmitted there is none (the report is missing).
 */
export function countedSubmission(s: Submission | undefined): SubmittedEvent | undefined {
  return s ? liveSubmissions(s)[0] : undefined;
}

/**
 * The record's current state from its events: the latest submission, and the latest review after
 * it (approved or returned) if any. Undefined when there is no submission.
 */
export function recordOf(
  unit: string,
  year: number,
  events: SubmissionEvent[],
  omitted = 0,
): Submission | undefined {
  const starts = submissionIndexes(events);
  if (starts.length === 0) return undefined;
  const last = events[starts[starts.length - 1]] as SubmittedEvent;
  const s: Submission = {
    unit,
    year,
    submittedAt: last.at,
    email: last.by,
    status: 'submitted',
    events,
  };
  if (last.figures) s.figures = last.figures;
  if (last.document) s.document = { ...last.document };
  const review = events.slice(starts[starts.length - 1] + 1).pop();
  if (review && review.type !== 'submitted') {
    s.status = review.type;
    s.reviewedAt = review.at;
    s.reviewedBy = review.by;
    if (review.type === 'returned') s.returnReason = review.reason;
  }
  if (omitted > 0) s.omitted = omitted;
  return s;
}

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** An event with every text cut to its limit. */
function bounded(e: SubmissionEvent): SubmissionEvent {
  const by = cut(e.by, EVENT_LIMITS.by);
  if (e.type === 'returned') return { ...e, by, reason: cut(e.reason, EVENT_LIMITS.reason) };
  if (e.type === 'approved') return { ...e, by };
  const out: SubmittedEvent = { type: 'submitted', at: e.at, by };
  if (e.figures) out.figures = e.figures;
  if (e.document)
    out.document = {
      number: cut(e.document.number, EVENT_LIMITS.number),
      date: cut(e.document.date, EVENT_LIMITS.date),
      link: cut(e.document.link, EVENT_LIMITS.link),
    };
  return out;
}

/** UTF-8 length of a string (what the properties store counts). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The stored form of a record: its minimal state (for readers of the state alone) and its events. */
export function serializeRecord(s: Submission): string {
  const stored = {
    unit: s.unit,
    year: s.year,
    submittedAt: s.submittedAt,
    email: s.email,
    status: s.status,
    events: submissionEvents(s),
    ...(s.omitted ? { omitted: s.omitted } : {}),
  };
  return JSON.stringify(stored);
}

const fits = (s: Submission) => utf8Bytes(serializeRecord(s)) <= RECORD_BUDGET_BYTES;

/**
 * The events kept when the record would exceed its budget. What decides is never dropped: the
 * counted submission, the latest submission and every event after it. Events before the counted
 * submission go first (returned submissions), then those between it and the latest, a
 * submission at a time; the kept part after the counted submission always starts at a
 * submission, so the same one still counts and the state is the same. Only if that is still too
 * big is the latest return's reason shortened.
 */
function compact(
  unit: string,
  year: number,
  events: SubmissionEvent[],
  omitted: number,
): Submission {
  const make = (list: SubmissionEvent[], dropped: number) =>
    recordOf(unit, year, list, omitted + dropped) as Submission;
  const whole = make(events, 0);
  if (fits(whole)) return whole;
  const c = countedIndex(events);
  const starts = submissionIndexes(events);
  const from = c < 0 ? starts[0] : c;
  const candidates: SubmissionEvent[][] = [];
  for (let k = 1; k <= from; k++) candidates.push(events.slice(k));
  for (const j of starts.filter((i) => i > from))
    candidates.push(c < 0 ? events.slice(j) : [events[c], ...events.slice(j)]);
  for (const list of candidates) {
    const r = make(list, events.length - list.length);
    if (fits(r)) return r;
  }
  const minimal = candidates.length ? candidates[candidates.length - 1] : events;
  const shortened = minimal.map((e) =>
    e.type === 'returned' ? { ...e, reason: cut(e.reason, 200) } : e,
  );
  return make(shortened, events.length - minimal.length);
}

/**
 * The record after `event`: appended to the previous record's events (a record written before the
 * history was kept contributes the events its state stands for), texts cut to their limits, and
 * kept under the budget.
 */
export function withEvent(
  previous: Submission | undefined,
  unit: string,
  year: number,
  event: SubmissionEvent,
): Submission | undefined {
  const before = previous ? submissionEvents(previous) : [];
  const events = [...before, event].map(bounded);
  if (!events.some((e) => e.type === 'submitted')) return undefined;
  return compact(unit, year, events, previous?.omitted ?? 0);
}
