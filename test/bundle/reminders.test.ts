// Issue 17: reminders before the deadline, run by the compiled bundle on the emulator's clock.
// A reporting season from 15/11/2025 to 2/12/2025: the analyst switches reminders on, the daily
// trigger fires at 07:00 Hà Nội time (00:00 UTC), and on the days Cấu hình lists by default (14,
// 7, 3 and 1 days before the deadline "trước 30/11", and the day after it: 16/11, 23/11, 27/11,
// 29/11 and 1/12) every unit not submitted gets one e-mail and the analysts one digest.
import { Emulator, loadBundle } from '../../tools/emulator';
import {
  alertsDuring,
  quietly,
  setAnalysts,
  setEditors,
  typeAs,
  type Workbook,
} from '../../tools/workbookDriver';
import type { ProblemView, SidebarState, SubmissionView } from '../../src/shared/sidebarContract';
import {
  ANALYST,
  ANALYST2,
  GIA_LOC,
  GL,
  NAM_SACH,
  NS,
  YEAR,
  fromClient,
  logRows,
  sidebarWorkbook,
} from './sidebarApi.fixture';
import { ensureBuilt } from './setupFixture';

const URL = 'https://docs.google.com/spreadsheets/d/1EmUlAtOrht5qz00SpReAdShEeT/edit';
const DIGEST_TO = `${ANALYST},${ANALYST2}`;
const UNITS = [
  'Thành phố Hải Dương',
  'Thành phố Chí Linh',
  'Huyện Nam Sách',
  'Thị xã Kinh Môn',
  'Huyện Kim Thành',
  'Huyện Thanh Hà',
  'Huyện Cẩm Giàng',
  'Huyện Bình Giang',
  'Huyện Gia Lộc',
  'Huyện Tứ Kỳ',
  'Huyện Ninh Giang',
  'Huyện Thanh Miện',
];
const NO_ADDRESS = 'chưa có e-mail hợp lệ của cán bộ nhập liệu trên trang "Cấu hình"';
const NO_QUOTA = 'tài khoản gửi đã hết hạn mức e-mail trong ngày của Google';

/** 07:00 in Hà Nội on `day` November (or December when `month` says so) 2025, plus an hour. */
const morning = (day: number, month = 11) => new Date(Date.UTC(2025, month - 1, day, 1, 0, 0));

const alertsOf = (wb: Workbook, fn: () => void): string[] =>
  alertsDuring(wb, fn).map((a) => a.message);

const when = (left: number) => (left > 0 ? `còn ${left} ngày` : 'đã quá hạn');

/** A unit's e-mail as the issue describes it, written out by hand. */
function unitBody(unit: string, left: number, problems: string[]): string {
  const daysLine =
    left > 0
      ? `Còn ${left} ngày đến hạn nộp.`
      : 'Đã quá hạn nộp: báo cáo nộp từ bây giờ được ghi là nộp trễ hạn.';
  const problemLines =
    problems.length === 0
      ? ['Trang của đơn vị hiện không có lỗi số liệu.']
      : [
          `Trang của đơn vị còn ${problems.length} lỗi cần sửa trước khi nộp:`,
          ...problems.map((p) => `• ${p}`),
        ];
  return [
    `Kính gửi cán bộ nhập liệu của ${unit},`,
    '',
    `Báo cáo năm 2025 của ${unit} về phong trào "Vì người nghèo - Không để ai bị bỏ lại phía sau" chưa được nộp.`,
    'Hạn nộp: trước ngày 30/11/2025 (Kế hoạch số 2396/KH-UBND).',
    daysLine,
    '',
    ...problemLines,
    '',
    `Mở sổ tại ${URL} , trang "${unit}"; ${problems.length ? 'sửa các lỗi' : 'kiểm tra lại dữ liệu'} rồi chọn menu Vì người nghèo › Mở bảng nhập liệu › Nộp báo cáo năm 2025.`,
    '',
    'Thư này được gửi tự động theo lịch nhắc hạn do cán bộ tổng hợp của tỉnh bật; xin đừng trả lời thư này.',
  ].join('\n');
}

function digestBody(
  date: string,
  left: number,
  submitted: string[],
  errors: string[],
  reminded: string[],
  skipped: [string, string][],
): string {
  const notSubmitted = UNITS.filter((u) => !submitted.includes(u));
  const list = (names: string[]) => (names.length ? names.join(', ') : 'không có');
  return [
    `Tình hình nộp báo cáo năm 2025, ngày ${date} (hạn nộp trước ngày 30/11/2025; ${when(left)}).`,
    '',
    `Đã nộp (${submitted.length}): ${list(submitted)}.`,
    `Chưa nộp (${notSubmitted.length}): ${list(notSubmitted)}.`,
    `Có lỗi số liệu (${errors.length}): ${list(errors)}.`,
    '',
    `Đã gửi thư nhắc hôm nay (${reminded.length}): ${list(reminded)}.`,
    `Chưa được nhắc (${skipped.length}):`,
    ...skipped.map(([u, why]) => `• ${u}: ${why}.`),
    '',
    `Mở sổ: ${URL}`,
  ].join('\n');
}

const noEditors = (but: string[]) =>
  UNITS.filter((u) => !but.includes(u)).map((u): [string, string] => [u, NO_ADDRESS]);

describe('a reporting season, 15/11 to 2/12/2025', () => {
  let wb: Workbook;
  let uid: string;
  const mailsOn = new Map<string, { to: string; subject: string; body: string }[]>();
  // Nam Sách's tab: "12a" typed into 2025's household count of row 7 (Xã Nam Hưng, the first
  // commune after Thị trấn Nam Sách on row 6), whose required poor and near-poor counts stay blank:
  // three errors, in the order of the columns.
  const where = (cell: string) => `Trang "${NAM_SACH}", ô ${cell}:`;
  const nsProblems = [
    `${where('AT7')} tổng số hộ ("12a") không phải là số. Hãy kiểm tra lại số liệu năm 2025 của Xã Nam Hưng.`,
    `${where('AU7')} số hộ nghèo còn trống. Hãy kiểm tra lại số liệu năm 2025 của Xã Nam Hưng.`,
    `${where('AV7')} số hộ cận nghèo còn trống. Hãy kiểm tra lại số liệu năm 2025 của Xã Nam Hưng.`,
  ];

  beforeAll(() => {
    ensureBuilt();
    wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    typeAs(wb, NS, NAM_SACH, 'AT7', [['12a']]);
    const check = fromClient<ProblemView[]>(wb, NS, 'sidebarCheckData', NAM_SACH, YEAR);
    if (!check.ok) throw new Error(check.message);
    expect(check.value.map((p) => p.message)).toEqual(nsProblems);
  });

  test('an analyst turns reminders on: one daily trigger of theirs, the owner recorded, a Nhật ký row', () => {
    const answer = alertsOf(wb, () => wb.bundle.callAs(ANALYST, 'menuRemindersOn'));
    expect(answer).toEqual([
      'Đã bật nhắc hạn: mỗi ngày một lần vào khoảng 7 giờ sáng, sổ kiểm tra và gửi thư nhắc vào các ngày 14 ngày trước hạn, 7 ngày trước hạn, 3 ngày trước hạn, 1 ngày trước hạn, 1 ngày sau hạn. Thư gửi từ tài khoản của bạn.',
    ]);
    const triggers = wb.emu.triggers.all;
    expect(triggers.map((t) => [t.handler, t.owner, t.eventType])).toEqual([
      ['remindersDaily', ANALYST, 'CLOCK'],
    ]);
    uid = triggers[0].uid;
    // First run: 16/11 at 07:00 in Hà Nội.
    expect(triggers[0].nextRun).toBe(Date.parse('2025-11-16T00:00:00Z'));
    expect(JSON.parse(wb.emu.properties.document.get('gn.reminders')!)).toMatchObject({
      owner: ANALYST,
      triggerUid: uid,
    });
    expect(logRows(wb)[0].slice(1, 3)).toEqual([ANALYST, 'Bật nhắc hạn']);
  });

  test('a second analyst is told who owns them, and nothing changes', () => {
    const rows = logRows(wb).length;
    expect(alertsOf(wb, () => wb.bundle.callAs(ANALYST2, 'menuRemindersOn'))).toEqual([
      `Nhắc hạn đang bật do ${ANALYST} phụ trách. Không có gì thay đổi. Muốn tự phụ trách, hãy tắt nhắc hạn trước rồi bật lại.`,
    ]);
    expect(wb.emu.triggers.all).toHaveLength(1);
    expect(logRows(wb)).toHaveLength(rows);
  });

  test('the handler refuses a call from a browser, whoever makes it, with or without an event', () => {
    const sent = wb.emu.mail.sent.length;
    for (const [email, event] of [
      [GL, { authMode: 'FULL', triggerUid: uid }],
      [ANALYST2, { authMode: 'FULL', triggerUid: uid }],
      [ANALYST, undefined],
      [ANALYST, { authMode: 'LIMITED', triggerUid: uid }],
    ] as const) {
      expect(() =>
        wb.emu.as(email, () => wb.bundle.callFromClient('remindersDaily', event)),
      ).toThrow('Chức năng này chỉ chạy theo lịch nhắc hạn; không gọi trực tiếp được.');
    }
    expect(wb.emu.mail.sent).toHaveLength(sent);
    expect(wb.emu.triggers.all).toHaveLength(1);
  });

  test('the walk: e-mails only on 16/11, 23/11, 27/11, 29/11 and 1/12; Gia Lộc submits on 25/11', () => {
    for (let d = 16; d <= 31; d++) {
      const date = d <= 30 ? morning(d) : morning(1, 12);
      const before = wb.emu.mail.sent.length;
      const runs = wb.emu.advanceTo(date);
      expect(runs.map((r) => [r.handler, r.error])).toEqual([['remindersDaily', null]]);
      const key = d <= 30 ? `${d}/11` : '1/12';
      const sent = wb.emu.mail.sent.slice(before);
      if (sent.length)
        mailsOn.set(
          key,
          sent.map(({ to, subject, body }) => ({ to, subject, body })),
        );
      if (d === 16) {
        // A second run the same day (a retry) sends nothing and says so in Nhật ký.
        const rows = logRows(wb).length;
        wb.emu.as(ANALYST, () =>
          wb.bundle.call('remindersDaily', { authMode: 'FULL', triggerUid: uid }),
        );
        expect(wb.emu.mail.sent.length).toBe(before + sent.length);
        expect(logRows(wb)).toHaveLength(rows + 1);
        expect(String(logRows(wb)[0][5])).toContain(
          ': không gửi thư nào (thư nhắc và thư tổng hợp của ngày này đã gửi ở lần chạy trước).',
        );
      }
      if (d === 25) {
        wb.emu.setNow(new Date('2025-11-25T03:00:00Z'));
        const r = fromClient<SubmissionView>(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR);
        expect(r.ok).toBe(true);
      }
    }
    expect([...mailsOn.keys()]).toEqual(['16/11', '23/11', '27/11', '29/11', '1/12']);
    // Every e-mail went from the owner's account, only to addresses on Cấu hình.
    expect(new Set(wb.emu.mail.sent.map((m) => m.sender))).toEqual(new Set([ANALYST]));
  });

  test.each([
    ['16/11', 14, false],
    ['23/11', 7, false],
    ['27/11', 3, true],
    ['29/11', 1, true],
    ['1/12', -1, true],
  ] as const)('%s: each e-mail and the digest, word for word', (day, left, glSubmitted) => {
    const date = day === '1/12' ? '01/12/2025' : `${day}/2025`;
    const nsMail = {
      to: NS,
      subject: `[Vì người nghèo] Nhắc nộp báo cáo năm 2025 – ${NAM_SACH} (${when(left)})`,
      body: unitBody(NAM_SACH, left, nsProblems),
    };
    const glMail = {
      to: GL,
      subject: `[Vì người nghèo] Nhắc nộp báo cáo năm 2025 – ${GIA_LOC} (${when(left)})`,
      body: unitBody(GIA_LOC, left, []),
    };
    const reminded = glSubmitted ? [NAM_SACH] : [NAM_SACH, GIA_LOC];
    const digest = {
      to: DIGEST_TO,
      subject: `[Vì người nghèo] Tình hình nộp báo cáo năm 2025 (${when(left)})`,
      body: digestBody(
        date,
        left,
        glSubmitted ? [GIA_LOC] : [],
        [`${NAM_SACH} (${nsProblems.length} lỗi)`],
        reminded,
        noEditors([NAM_SACH, GIA_LOC]),
      ),
    };
    expect(mailsOn.get(day)).toEqual(glSubmitted ? [nsMail, digest] : [nsMail, glMail, digest]);
  });

  test('each run wrote one Nhật ký row; another analyst turns reminders off, the trigger deletes itself next morning', () => {
    const runRows = logRows(wb).filter((r) => r[2] === 'Nhắc hạn');
    expect(runRows).toHaveLength(6); // five reminder days and the retry on 16/11
    expect(alertsOf(wb, () => wb.bundle.callAs(ANALYST2, 'menuRemindersOff'))).toEqual([
      `Đã tắt nhắc hạn. Lịch chạy hằng ngày của ${ANALYST} tự xóa ở lần chạy tới và không gửi thư nào.`,
    ]);
    expect(logRows(wb)[0].slice(1, 3)).toEqual([ANALYST2, 'Tắt nhắc hạn']);
    expect(wb.emu.triggers.all).toHaveLength(1); // ANALYST2 cannot see ANALYST's trigger
    const sent = wb.emu.mail.sent.length;
    const runs = wb.emu.advanceTo(morning(2, 12));
    expect(runs.map((r) => r.error)).toEqual([null]);
    expect(wb.emu.triggers.all).toEqual([]);
    expect(wb.emu.mail.sent).toHaveLength(sent);
  });
});

describe('the mail quota, the owner leaving, the deployments', () => {
  const TU_KY = 'Huyện Tứ Kỳ';
  const TK = 'canbo.tuky@haiduong.gov.vn';

  test('quota short: the digest first, then the units with the most problems; the digest names who was not reminded', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    setEditors(wb, TU_KY, [TK]);
    typeAs(wb, NS, NAM_SACH, 'AT7', [['12a']]);
    wb.bundle.callAs(ANALYST, 'menuRemindersOn');
    // 3 recipients left: the digest's two analysts and one unit.
    wb.emu.mail.setDailyQuota(ANALYST, 3);
    wb.emu.advanceTo(morning(16));
    const sent = wb.emu.mail.sent;
    expect(sent.map((m) => m.to)).toEqual([NS, DIGEST_TO]);
    expect(sent[1].body).toContain(
      [
        'Đã gửi thư nhắc hôm nay (1): Huyện Nam Sách.',
        'Chưa được nhắc (11):',
        `• Thành phố Hải Dương: ${NO_ADDRESS}.`,
        `• Thành phố Chí Linh: ${NO_ADDRESS}.`,
        `• Thị xã Kinh Môn: ${NO_ADDRESS}.`,
        `• Huyện Kim Thành: ${NO_ADDRESS}.`,
        `• Huyện Thanh Hà: ${NO_ADDRESS}.`,
        `• Huyện Cẩm Giàng: ${NO_ADDRESS}.`,
        `• Huyện Bình Giang: ${NO_ADDRESS}.`,
        `• Huyện Gia Lộc: ${NO_QUOTA}.`,
        `• Huyện Tứ Kỳ: ${NO_QUOTA}.`,
        `• Huyện Ninh Giang: ${NO_ADDRESS}.`,
        `• Huyện Thanh Miện: ${NO_ADDRESS}.`,
      ].join('\n'),
    );
    expect(wb.emu.mail.remaining(ANALYST, Date.parse('2025-11-16T01:00:00Z'))).toBe(0);
  });

  test('an owner no longer an analyst on Cấu hình: the trigger deletes itself, the switch is cleared, a Nhật ký row', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    wb.bundle.callAs(ANALYST2, 'menuRemindersOn');
    expect(wb.emu.triggers.all.map((t) => t.owner)).toEqual([ANALYST2]);
    setAnalysts(wb, [ANALYST]);
    wb.emu.advanceTo(morning(16));
    expect(wb.emu.triggers.all).toEqual([]);
    expect(wb.emu.mail.sent).toEqual([]);
    expect(wb.emu.properties.document.has('gn.reminders')).toBe(false);
    expect(logRows(wb)[0].slice(1, 3)).toEqual([ANALYST2, 'Tắt nhắc hạn']);
  });

  test('a Cấu hình the run cannot read: nothing is sent, the trigger stays, one Nhật ký row of the local year', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    wb.bundle.callAs(ANALYST, 'menuRemindersOn');
    const PROGRESS = 'Tiến độ đạt mục tiêu giảm nghèo';
    const row = quietly(wb, () =>
      wb.emu.asOwner(() => {
        const sheet = wb.emu.spreadsheet.getSheetByName('Cấu hình')!;
        const values = sheet.getDataRange().getValues();
        const r = values.findIndex((v) => v[0] === PROGRESS) + 1;
        sheet.getRange(`B${r}`).setValue('hai mươi');
        return r;
      }),
    );
    wb.emu.advanceTo(morning(16));
    expect(wb.emu.mail.sent).toEqual([]);
    expect(wb.emu.triggers.all.map((t) => t.owner)).toEqual([ANALYST]);
    // Cấu hình's offset cannot be read: the row's year is 2025 in Việt Nam's time (it was 0).
    const [at, by, action, year, , detail] = logRows(wb)[0];
    expect([at, by, action, year]).toEqual(['16/11/2025 07:00', ANALYST, 'Nhắc hạn', 2025]);
    expect(detail).toBe(
      `Không gửi được thư nhắc: trang "Cấu hình" có lỗi: Trang "Cấu hình", ô B${row}, mục "Trọng số chấm điểm (weights.progress)": phải là số. Hãy sửa lại trên trang "Cấu hình".`,
    );
  });

  test('while Cấu hình lists no analyst, the owner switches reminders on, keeps them, and gets the digest', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    setAnalysts(wb, []); // the owner (ANALYST) acts as analyst, as in every entry point
    wb.bundle.callAs(ANALYST, 'menuRemindersOn');
    wb.emu.advanceTo(morning(16));
    expect(wb.emu.triggers.all.map((t) => t.owner)).toEqual([ANALYST]);
    expect(wb.emu.properties.document.has('gn.reminders')).toBe(true);
    // Nam Sách's and Gia Lộc's staff (Cấu hình's order), then the digest to the owner.
    expect(wb.emu.mail.sent.map((m) => m.to)).toEqual([NS, GL, ANALYST]);
  });

  test('a user who has not granted the reminder scopes is told what granting allows; nothing else changes', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    wb.emu.withholdScopes(ANALYST, 'https://www.googleapis.com/auth/script.send_mail');
    const [answer] = alertsOf(wb, () => wb.bundle.callAs(ANALYST, 'menuRemindersOn'));
    expect(answer).toMatch(
      /^Nhắc hạn cần thêm hai quyền: quản lý trình kích hoạt .* gửi e-mail thay bạn .*Các chức năng khác vẫn dùng được khi chưa cấp hai quyền này\. Để cấp quyền, mở địa chỉ sau rồi chọn lại mục này: https:\/\//,
    );
    expect(wb.emu.triggers.all).toEqual([]);
  });

  test('in the Editor add-on, turning reminders on says they exist only in the bound script; the emulator refuses the trigger', () => {
    const emu = new Emulator({
      deployment: 'addon',
      language: 'vi',
      owner: ANALYST,
      user: ANALYST,
      now: new Date('2025-11-15T03:00:00Z'),
    });
    const bundle = loadBundle(emu, 'dist/addon/Code.js');
    bundle.call('menuSetup');
    expect(alertsOf({ emu, bundle }, () => bundle.call('menuRemindersOn'))).toEqual([
      expect.stringContaining(
        'Nhắc hạn chỉ có trong bản gắn với sổ (Tiện ích mở rộng › Apps Script), không có trong bản tiện ích bổ sung.',
      ),
    ]);
    expect(emu.triggers.all).toEqual([]);
    expect(() =>
      emu.as(ANALYST, () => bundle.call('remindersDaily', { authMode: 'FULL', triggerUid: '1' })),
    ).toThrow(/script\.scriptapp/);
  });
});

describe("the analyst's sidebar", () => {
  test('shows whether reminders are on and who owns them; switches them; refuses district staff', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-15T03:00:00Z') });
    const state = (email: string) => {
      const r = fromClient<SidebarState>(wb, email, 'sidebarGetState', null, YEAR);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(state(ANALYST).reminders).toEqual({ on: false, owner: null });
    expect(state(GL).reminders).toBeUndefined();
    expect(fromClient(wb, GL, 'sidebarSetReminders', true)).toEqual({
      ok: false,
      message: 'Chỉ cán bộ tổng hợp của tỉnh được thực hiện thao tác này.',
    });
    expect(fromClient(wb, ANALYST, 'sidebarSetReminders', 'bật')).toEqual({
      ok: false,
      message: 'Yêu cầu không hợp lệ: hãy chọn bật hoặc tắt nhắc hạn.',
    });
    const on = fromClient(wb, ANALYST2, 'sidebarSetReminders', true);
    expect(on).toMatchObject({ ok: true, value: { on: true, owner: ANALYST2 } });
    expect(wb.emu.triggers.all.map((t) => t.owner)).toEqual([ANALYST2]);
    expect(state(ANALYST).reminders).toEqual({ on: true, owner: ANALYST2 });
    const off = fromClient(wb, ANALYST, 'sidebarSetReminders', false);
    expect(off).toEqual({
      ok: true,
      value: {
        on: false,
        owner: null,
        message: `Đã tắt nhắc hạn. Lịch chạy hằng ngày của ${ANALYST2} tự xóa ở lần chạy tới và không gửi thư nào.`,
      },
    });
  });
});
