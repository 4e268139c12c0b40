// The status line of a unit tab says what the summary says about the figures and the narrative
// report: from the latest submission not returned, the report from the latest one that gave one.
import { DEFAULT_CONFIG, withEvent, type Submission } from '../../src/core';
import { statusText } from '../../src/sheets/statusLine';

const GL = 'Huyện Gia Lộc';
const doc = { number: '15/BC-UBND', date: '20/11/2025', link: 'https://drive.google.com/x' };

test('a resubmission without a narrative report keeps the one given before', () => {
  // 20/11 09:00 and 25/11 10:00 Vietnam time (UTC+7), both before 00:00 of 30/11: on time.
  let s = withEvent(undefined, GL, 2025, {
    type: 'submitted',
    at: '2025-11-20T02:00:00.000Z',
    by: 'a@x.vn',
    figures: 'preliminary',
    document: doc,
  });
  s = withEvent(s, GL, 2025, {
    type: 'submitted',
    at: '2025-11-25T03:00:00.000Z',
    by: 'a@x.vn',
    figures: 'official',
  });
  expect(statusText(DEFAULT_CONFIG, s as Submission)).toBe(
    'Báo cáo năm 2025: đã nộp lúc 25/11/2025 10:00 bởi a@x.vn (tính hạn theo lần nộp lúc 20/11/2025 09:00, đúng hạn); số liệu chính thức; báo cáo số 15/BC-UBND ngày 20/11/2025.',
  );
});

test('a report given with a submission that was returned is not shown', () => {
  let s = withEvent(undefined, GL, 2025, {
    type: 'submitted',
    at: '2025-11-20T02:00:00.000Z',
    by: 'a@x.vn',
    figures: 'preliminary',
    document: doc,
  });
  s = withEvent(s, GL, 2025, {
    type: 'returned',
    at: '2025-11-21T02:00:00.000Z',
    by: 'b@x.vn',
    reason: 'Thiếu số liệu',
  });
  s = withEvent(s, GL, 2025, {
    type: 'submitted',
    at: '2025-11-22T02:00:00.000Z',
    by: 'a@x.vn',
    figures: 'preliminary',
  });
  expect(statusText(DEFAULT_CONFIG, s as Submission)).toBe(
    'Báo cáo năm 2025: đã nộp lúc 22/11/2025 09:00 bởi a@x.vn (đúng hạn); số liệu sơ bộ.',
  );
});
