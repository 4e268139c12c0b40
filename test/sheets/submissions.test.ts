// The analysts' requests for official figures, parsed from the document properties read once
// (with the submission records, which they are kept apart from).
import { parseOfficialRequests, parseSubmissions } from '../../src/sheets/submissions';

const properties: Record<string, string> = {
  'gn.officialRequest|Huyện Gia Lộc|2025': '{"at":"2025-12-01T02:00:00.000Z","by":"a@x.vn"}',
  'gn.officialRequest|Huyện Nam Sách|2025': '{"at":"2025-12-02T03:00:00.000Z","by":"b@x.vn"}',
  'gn.officialRequest|Huyện Nam Sách|2024': '{"at":"2024-12-02T03:00:00.000Z","by":"b@x.vn"}',
  'gn.officialRequest|Huyện Kim Thành|2025': '{"at":"hôm qua","by":"c@x.vn"}',
  'gn.officialRequest|Huyện Thanh Hà|2025': '{hỏng',
  'gn.submission|Huyện Gia Lộc|2025':
    '{"unit":"Huyện Gia Lộc","year":2025,"submittedAt":"2025-11-20T02:00:00.000Z","email":"a@x.vn","status":"submitted"}',
};

test("a year's requests by unit; other years and damaged ones are left out", () => {
  expect(parseOfficialRequests(properties, 2025)).toEqual(
    new Map([
      ['Huyện Gia Lộc', { at: '2025-12-01T02:00:00.000Z', by: 'a@x.vn' }],
      ['Huyện Nam Sách', { at: '2025-12-02T03:00:00.000Z', by: 'b@x.vn' }],
    ]),
  );
  expect([...parseOfficialRequests(properties, 2024).keys()]).toEqual(['Huyện Nam Sách']);
  expect(parseOfficialRequests(properties, 2023).size).toBe(0);
});

test('the same properties give the submission records, without the requests', () => {
  expect(parseSubmissions(properties).map((s) => [s.unit, s.year])).toEqual([
    ['Huyện Gia Lộc', 2025],
  ]);
});
