// The record of each unit's yearly report lives in the document properties (one key per unit and
// year, kept far below the 9 KB per value limit: src/core/submissionRecord.ts), so a district
// user never needs write access to the analysts' tabs, and a submission made while a
// consolidation holds the lock is not lost. All of them are read with one getProperties() call.
// A record holds the history of the report (submitted, returned, approved); a record written
// before the history was kept (the state alone) is read as the events it stands for.
import { recordOf, serializeRecord, withEvent } from '../core/submissionRecord';
import type { Submission, SubmissionEvent } from '../core/types';

const PREFIX = 'gn.submission|';
const keyOf = (unit: string, year: number) => `${PREFIX}${unit}|${year}`;
const STATUSES: readonly string[] = ['submitted', 'approved', 'returned'];

const isText = (v: unknown): v is string => typeof v === 'string';
const isInstant = (v: unknown): v is string => isText(v) && !Number.isNaN(Date.parse(v));

/** A stored event of the right shape (a damaged one makes the whole history unreadable). */
function isEvent(v: unknown): v is SubmissionEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  if (!isInstant(e.at) || !isText(e.by)) return false;
  if (e.type === 'approved') return true;
  if (e.type === 'returned') return isText(e.reason);
  if (e.type !== 'submitted') return false;
  const d = e.document as Record<string, unknown> | undefined;
  return (
    (e.figures === undefined || e.figures === 'preliminary' || e.figures === 'official') &&
    (d === undefined ||
      (typeof d === 'object' && d !== null && isText(d.number) && isText(d.date) && isText(d.link)))
  );
}

/** A record written before the history was kept: the state alone. */
function isState(s: Record<string, unknown>): boolean {
  return (
    isText(s.unit) &&
    typeof s.year === 'number' &&
    isInstant(s.submittedAt) &&
    isText(s.email) &&
    isText(s.status) &&
    STATUSES.includes(s.status)
  );
}

/** A stored value as a record, or null when damaged (a damaged entry counts as not submitted). */
function parseRecord(v: unknown): Submission | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  if (!isText(s.unit) || typeof s.year !== 'number') return null;
  if (Array.isArray(s.events)) {
    if (!s.events.every(isEvent)) return isState(s) ? stateOnly(s) : null;
    const omitted = typeof s.omitted === 'number' && s.omitted > 0 ? s.omitted : 0;
    return recordOf(s.unit, s.year, s.events, omitted) ?? null;
  }
  return isState(s) ? stateOnly(s) : null;
}

function stateOnly(s: Record<string, unknown>): Submission {
  const { events: _events, omitted: _omitted, ...state } = s;
  return state as unknown as Submission;
}

export function parseSubmissions(properties: Record<string, string>): Submission[] {
  const list: Submission[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const record = parseRecord(JSON.parse(raw));
      if (record) list.push(record);
    } catch {
      // a damaged entry is ignored: it counts as not submitted
    }
  }
  return list;
}

export function readSubmissions(): Submission[] {
  return parseSubmissions(PropertiesService.getDocumentProperties().getProperties());
}

/** The property a record is stored under, and its stored value. */
export function storedSubmission(record: Submission): [key: string, value: string] {
  return [keyOf(record.unit, record.year), serializeRecord(record)];
}

function writeSubmission(record: Submission): void {
  PropertiesService.getDocumentProperties().setProperty(...storedSubmission(record));
}

/**
 * Records `event` for a unit and year: the previous record (read by the caller with
 * readSubmissions) gains it, and is stored. Returns the new record (undefined, and nothing
 * stored, for a review of a report never submitted).
 */
export function recordSubmissionEvent(
  previous: Submission | undefined,
  unit: string,
  year: number,
  event: SubmissionEvent,
): Submission | undefined {
  const record = withEvent(previous, unit, year, event);
  if (record) writeSubmission(record);
  return record;
}

export function findSubmission(
  list: Submission[],
  unit: string,
  year: number,
): Submission | undefined {
  return list.find((s) => s.unit === unit && s.year === year);
}

// An analyst's request that a unit submit its official figures (after the yearly review of poor
// households): one key per unit and year, kept apart from the record because it is not an event
// of the report (it changes neither its state nor its timeliness).
const REQUEST_PREFIX = 'gn.officialRequest|';

export interface OfficialRequest {
  at: string;
  by: string;
}

export function writeOfficialRequest(unit: string, year: number, request: OfficialRequest): void {
  PropertiesService.getDocumentProperties().setProperty(
    `${REQUEST_PREFIX}${unit}|${year}`,
    JSON.stringify(request),
  );
}

/** A stored request, or null when damaged (a damaged one is ignored). */
function parseRequest(raw: string | null): OfficialRequest | null {
  try {
    const r = JSON.parse(raw ?? 'null') as Partial<OfficialRequest> | null;
    return r && isInstant(r.at) && isText(r.by) ? { at: r.at, by: r.by } : null;
  } catch {
    return null;
  }
}

/** Every request of a year by unit, from the document properties already read. */
export function parseOfficialRequests(
  properties: Record<string, string>,
  year: number,
): Map<string, OfficialRequest> {
  const out = new Map<string, OfficialRequest>();
  const suffix = `|${year}`;
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith(REQUEST_PREFIX) || !key.endsWith(suffix)) continue;
    const request = parseRequest(raw);
    if (request) out.set(key.slice(REQUEST_PREFIX.length, -suffix.length), request);
  }
  return out;
}
