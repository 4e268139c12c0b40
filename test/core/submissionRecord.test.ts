// The record of a unit's yearly report: its history, the submission that counts, the state shown
// to people, records written before the history was kept, and the size bound.
import fc from 'fast-check';
import {
  countedSubmission,
  recordOf,
  RECORD_BUDGET_BYTES,
  reportStatus,
  serializeRecord,
  submissionEvents,
  utf8Bytes,
  withEvent,
  type Submission,
  type SubmissionEvent,
} from '../../src/core';
import { config, GL } from './helpers';

const S = (at: string, extra: Partial<Extract<SubmissionEvent, { type: 'submitted' }>> = {}) =>
  ({ type: 'submitted', at, by: 'huyen@x.vn', ...extra }) as SubmissionEvent;
const R = (at: string, reason = 'thiếu số liệu'): SubmissionEvent => ({
  type: 'returned',
  at,
  by: 'tinh@x.vn',
  reason,
});
const A = (at: string): SubmissionEvent => ({ type: 'approved', at, by: 'tinh@x.vn' });
const record = (...events: SubmissionEvent[]) => recordOf(GL, 2025, events) as Submission;
const status = (...events: SubmissionEvent[]) =>
  reportStatus(config, [record(...events)], GL, 2025);

const NOV20 = '2025-11-20T02:00:00.000Z';
const NOV25 = '2025-11-25T02:00:00.000Z';
const NOV29 = '2025-11-29T16:59:00.000Z';
const DEC2 = '2025-12-02T02:00:00.000Z';

describe('the submission that counts: the first not returned before the next submission', () => {
  test('one submission: on time or late by its time', () => {
    expect(status(S(NOV29))).toBe('on_time');
    expect(status(S('2025-11-29T17:00:00.000Z'))).toBe('late');
  });
  test('a resubmission (official figures after preliminary ones) does not make it late', () => {
    const r = record(S(NOV20, { figures: 'preliminary' }), S(DEC2, { figures: 'official' }));
    expect(countedSubmission(r)?.at).toBe(NOV20);
    expect(reportStatus(config, [r], GL, 2025)).toBe('on_time');
    expect(r).toMatchObject({ submittedAt: DEC2, status: 'submitted', figures: 'official' });
  });
  test('returned: missing until submitted again; then the resubmission counts', () => {
    expect(status(S(NOV20), R(NOV25))).toBe('missing');
    expect(status(S(NOV20), R(NOV25), S(NOV29))).toBe('on_time');
    expect(status(S(NOV20), R(NOV25), S(DEC2))).toBe('late');
  });
  test('a return after a resubmission returns the latest only', () => {
    // S1 was not returned before S2: S1 counts, whatever happens to S2.
    expect(countedSubmission(record(S(NOV20), S(NOV25), R(NOV29)))?.at).toBe(NOV20);
  });
  test('approved, then returned (unlocked) and submitted after the deadline: late', () => {
    expect(status(S(NOV20), A(NOV25), R(NOV29), S(DEC2))).toBe('late');
    expect(status(S(NOV20), A(NOV25))).toBe('on_time');
  });
});

describe('the state shown to people', () => {
  test('the latest submission and the review after it', () => {
    const r = record(
      S(NOV20),
      R(NOV25, 'sai số hộ'),
      S(NOV29, { document: { number: '12/BC-UBND', date: '28/11/2025', link: 'https://x.vn/bc' } }),
      A(DEC2),
    );
    expect(r).toMatchObject({
      submittedAt: NOV29,
      status: 'approved',
      reviewedAt: DEC2,
      reviewedBy: 'tinh@x.vn',
      document: { number: '12/BC-UBND', date: '28/11/2025', link: 'https://x.vn/bc' },
    });
    expect(r.returnReason).toBeUndefined();
    expect(record(S(NOV20), R(NOV25, 'sai số hộ'))).toMatchObject({
      status: 'returned',
      returnReason: 'sai số hộ',
    });
  });
  test('no submission: no record (a review alone records nothing)', () => {
    expect(recordOf(GL, 2025, [])).toBeUndefined();
    expect(withEvent(undefined, GL, 2025, A(NOV20))).toBeUndefined();
  });
});

describe('records written before the history was kept (one state per unit and year)', () => {
  const legacy = (status: Submission['status'], extra: Partial<Submission> = {}): Submission => ({
    unit: GL,
    year: 2025,
    submittedAt: NOV20,
    email: 'huyen@x.vn',
    status,
    ...extra,
  });
  test('read as the events they stand for', () => {
    expect(submissionEvents(legacy('submitted'))).toEqual([S(NOV20)]);
    expect(
      submissionEvents(
        legacy('returned', { reviewedAt: NOV25, reviewedBy: 'tinh@x.vn', returnReason: 'thiếu' }),
      ),
    ).toEqual([S(NOV20), R(NOV25, 'thiếu')]);
    expect(reportStatus(config, [legacy('approved', { reviewedAt: NOV25 })], GL, 2025)).toBe(
      'on_time',
    );
    expect(reportStatus(config, [legacy('returned')], GL, 2025)).toBe('missing');
  });
  test('a new event continues their history', () => {
    const r = withEvent(legacy('returned', { reviewedAt: NOV25 }), GL, 2025, S(DEC2)) as Submission;
    expect(r.events?.map((e) => e.type)).toEqual(['submitted', 'returned', 'submitted']);
    expect(reportStatus(config, [r], GL, 2025)).toBe('late');
  });
});

describe('bounded: a record stays far below the 9 KB of a document property', () => {
  const long = 'Lý do trả lại rất dài, có dấu tiếng Việt: ỷ ữ ặ ẫ. '.repeat(60).slice(0, 2000);
  test('texts are cut to their limits', () => {
    const r = withEvent(undefined, GL, 2025, S(NOV20, { by: 'x'.repeat(400) })) as Submission;
    expect(r.email.length).toBe(254);
  });
  test('fifty returns and resubmissions: under the budget, the same counted submission and state', () => {
    let r: Submission | undefined;
    const events: SubmissionEvent[] = [];
    for (let i = 0; i < 50; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      for (const e of [
        S(`2025-10-${day}T0${i % 10}:00:00.000Z`),
        R(`2025-10-${day}T1${i % 10}:00:00.000Z`, long),
      ]) {
        events.push(e);
        r = withEvent(r, GL, 2025, e);
      }
    }
    const last = S(NOV29);
    events.push(last);
    r = withEvent(r, GL, 2025, last) as Submission;
    expect(utf8Bytes(serializeRecord(r))).toBeLessThanOrEqual(RECORD_BUDGET_BYTES);
    expect(RECORD_BUDGET_BYTES).toBeLessThan(9 * 1024);
    expect(countedSubmission(r)?.at).toBe(NOV29);
    expect(r.omitted).toBeGreaterThan(0);
    expect(r.status).toBe('submitted');
  });

  test('property: whatever the history, the record fits and keeps what decides', () => {
    const instant = fc
      .integer({ min: Date.UTC(2025, 9, 1), max: Date.UTC(2025, 11, 31) })
      .map((t) => new Date(t).toISOString());
    const event = fc.oneof(
      fc.record({
        type: fc.constant('submitted' as const),
        at: instant,
        by: fc.string({ maxLength: 300 }),
      }),
      fc.record({
        type: fc.constant('returned' as const),
        at: instant,
        by: fc.string({ maxLength: 50 }),
        reason: fc.string({ maxLength: 2000, unit: 'grapheme' }),
      }),
      fc.record({
        type: fc.constant('approved' as const),
        at: instant,
        by: fc.string({ maxLength: 50 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 40 }), (list) => {
        let r: Submission | undefined;
        for (const e of list) r = withEvent(r, GL, 2025, e);
        const full = recordOf(GL, 2025, list);
        if (!full) return r === undefined;
        const kept = r as Submission;
        expect(utf8Bytes(serializeRecord(kept))).toBeLessThanOrEqual(RECORD_BUDGET_BYTES);
        expect(countedSubmission(kept)?.at).toBe(countedSubmission(full)?.at);
        expect([kept.status, kept.submittedAt, kept.reviewedAt]).toEqual([
          full.status,
          full.submittedAt,
          full.reviewedAt,
        ]);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
