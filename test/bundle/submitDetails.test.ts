// Issue 17.4-5: a submission says whether its figures are preliminary (sơ bộ) or official (chính
// thức) and carries the district's narrative report (number, date, Drive link), checked on the
// server; the summary says which units' figures are preliminary and lists the reports;
// timeliness stays that of the first submission not returned.
import type { SidebarState, SubmissionView } from '../../src/shared/sidebarContract';
import { exportResults, type Workbook } from '../../tools/workbookDriver';
import {
  ANALYST,
  GIA_LOC,
  GL,
  YEAR,
  fromClient,
  logRows,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

const DRIVE_ONLY =
  'Chưa nộp được: đường dẫn phải là địa chỉ Google Drive hoặc Google Tài liệu (bắt đầu bằng https://drive.google.com/ hoặc https://docs.google.com/, tối đa 1000 ký tự). Hãy sửa rồi nộp lại.';
const LINK = 'https://drive.google.com/file/d/1AbC/view';

let wb: Workbook;
const submit = (details: unknown) =>
  fromClient<SubmissionView>(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR, details);
const statusLine = () =>
  wb.emu.as(ANALYST, () => {
    const range = wb.emu.spreadsheet.getSheetByName(GIA_LOC)!.getRange('A2');
    return [range.getValue(), range.getFormula()];
  });
const records = () =>
  [...wb.emu.properties.document.keys()].filter((k) => k.startsWith('gn.submission|'));

beforeAll(() => {
  wb = sidebarWorkbook({ now: new Date('2025-11-20T02:00:00Z') });
});

test.each([
  [
    'a link outside Drive',
    { number: '15/BC-UBND', date: '20/11/2025', link: 'https://evil.example/x' },
    DRIVE_ONLY,
  ],
  [
    'a javascript: link',
    { number: '15/BC-UBND', date: '20/11/2025', link: 'javascript:alert(1)' },
    DRIVE_ONLY,
  ],
  [
    'no number',
    { number: ' ', date: '20/11/2025', link: LINK },
    'Chưa nộp được: báo cáo thuyết minh cần đủ số văn bản, ngày văn bản và đường dẫn Google Drive (thiếu số văn bản). Hãy sửa rồi nộp lại.',
  ],
  [
    'a date that does not exist',
    { number: '15/BC-UBND', date: '31/11/2025', link: LINK },
    'Chưa nộp được: ngày văn bản "31/11/2025" không phải là một ngày có thật (dd/mm/yyyy). Hãy sửa rồi nộp lại.',
  ],
])('refused: %s, naming the field; nothing recorded', (_, document, message) => {
  expect(refusal(submit({ figures: 'preliminary', document }))).toBe(message);
  expect(records()).toEqual([]);
});

test('refused: figures neither preliminary nor official', () => {
  expect(refusal(submit({ figures: 'tạm', document: null }))).toMatch(/^Yêu cầu không hợp lệ/);
  expect(records()).toEqual([]);
});

test('preliminary figures with the report: recorded, shown, and written on the status line as text', () => {
  const r = submit({
    figures: 'preliminary',
    document: { number: '=HYPERLINK("x")', date: '20/11/2025', link: ` ${LINK} ` },
  });
  expect(r).toMatchObject({
    ok: true,
    value: {
      status: 'submitted',
      onTime: true,
      figures: 'preliminary',
      document: { number: '=HYPERLINK("x")', date: '20/11/2025', link: LINK },
    },
  });
  const [value, formula] = statusLine();
  expect(formula).toBe('');
  expect(value).toBe(
    `Báo cáo năm 2025: đã nộp lúc 20/11/2025 09:00 bởi ${GL} (đúng hạn); số liệu sơ bộ; báo cáo số =HYPERLINK("x") ngày 20/11/2025.`,
  );
});

test('an analyst asks for the official figures: recorded apart, shown to the district, a Nhật ký row; district staff may not ask', () => {
  expect(refusal(fromClient(wb, GL, 'sidebarRequestOfficial', GIA_LOC, YEAR))).toBe(
    'Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.',
  );
  wb.emu.setNow(new Date('2025-12-10T02:00:00Z'));
  const r = fromClient<SubmissionView>(wb, ANALYST, 'sidebarRequestOfficial', GIA_LOC, YEAR);
  expect(r).toMatchObject({
    ok: true,
    value: {
      status: 'submitted',
      figures: 'preliminary',
      officialRequested: { at: '2025-12-10T02:00:00.000Z', by: ANALYST },
    },
  });
  const state = fromClient<SidebarState>(wb, GL, 'sidebarGetState', GIA_LOC, YEAR);
  expect(state.ok && state.value.submission.officialRequested).toEqual({
    at: '2025-12-10T02:00:00.000Z',
    by: ANALYST,
  });
  expect(logRows(wb)[0].slice(1, 5)).toEqual([
    ANALYST,
    'Đề nghị nộp số liệu chính thức',
    YEAR,
    GIA_LOC,
  ]);
  // Nam Sách has not submitted: nothing to ask for.
  expect(refusal(fromClient(wb, ANALYST, 'sidebarRequestOfficial', 'Huyện Nam Sách', YEAR))).toBe(
    'Huyện Nam Sách chưa có báo cáo năm 2025 đang chờ duyệt.',
  );
});

test('official figures after the deadline: the summary says official, timeliness stays on time, the report is kept', () => {
  wb.emu.setNow(new Date('2025-12-15T02:00:00Z'));
  const official = submit({ figures: 'official', document: null });
  expect(official).toMatchObject({ ok: true, value: { figures: 'official', onTime: true } });
  // The request is answered: no longer shown.
  expect(official.ok && official.value.officialRequested).toBeUndefined();
  expect(refusal(fromClient(wb, ANALYST, 'sidebarRequestOfficial', GIA_LOC, YEAR))).toBe(
    'Báo cáo năm 2025 của Huyện Gia Lộc đã nộp số liệu chính thức.',
  );
  const { summary } = exportResults(wb, YEAR);
  const row = summary.districts.find((d) => d.name === GIA_LOC)!;
  expect([row.reportStatus, row.figuresStatus]).toEqual(['on_time', 'official']);
  expect(row.narrativeReport).toEqual({
    number: '=HYPERLINK("x")',
    date: '20/11/2025',
    link: LINK,
  });
  const other = summary.districts.find((d) => d.name === 'Huyện Nam Sách')!;
  expect([other.reportStatus, other.figuresStatus, other.narrativeReport]).toEqual([
    'missing',
    null,
    null,
  ]);
});
