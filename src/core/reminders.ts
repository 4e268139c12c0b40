// Reminders before the reporting deadline (issue 17), pure: whether today is a reminder day, who
// is due, in what order when the mail quota is short, and what each e-mail says (plain text, so
// nothing a user typed can become HTML).
import type { Config } from './config';
import { daysLeft, deadlineDateText } from './deadline';
import { uniqueAddresses } from './email';
import { formatDateVi, pad2 } from './format';

/** Problems listed in a unit's e-mail; the rest are counted. */
export const PROBLEMS_SHOWN = 20;

/** The product's name as the sender of the e-mails. */
export const SENDER_NAME = 'Vì người nghèo';

/** Today's reminder, if today (local date) is one of Cấu hình's days for a year of the period. */
export interface ReminderDay {
  year: number;
  /** Local date, yyyy-mm-dd: the key that keeps a day's reminders from going twice. */
  date: string;
  daysLeft: number;
}

export function reminderDay(config: Config, nowIso: string): ReminderDay | null {
  const local = new Date(Date.parse(nowIso) + config.deadline.utcOffsetMinutes * 60000);
  if (Number.isNaN(local.getTime())) return null;
  const year = local.getUTCFullYear();
  if (!config.years.includes(year)) return null;
  const left = daysLeft(config, year, nowIso);
  if (!config.reminderDays.includes(left)) return null;
  const date = `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  return { year, date, daysLeft: left };
}

/** One unit as the day's run sees it (in Cấu hình's order). */
export interface UnitStanding {
  name: string;
  tab: string;
  editors: readonly string[];
  /** A submission counts for the year (submitted, or approved; not returned). */
  submitted: boolean;
  /** The messages of "Kiểm tra dữ liệu" for its tab. */
  problems: readonly string[];
}

export interface Mail {
  to: string[];
  subject: string;
  body: string;
}

export interface UnitMail extends Mail {
  unit: string;
}

export interface Skipped {
  unit: string;
  reason: string;
}

export interface ReminderPlan {
  /** In Cấu hình's order. */
  mails: UnitMail[];
  /** Units not submitted that get no e-mail today, with the reason. */
  skipped: Skipped[];
  /** null when already sent today, when there is no analyst address, or when the quota is gone. */
  digest: Mail | null;
}

export interface PlanInput {
  config: Config;
  day: ReminderDay;
  units: readonly UnitStanding[];
  /** Units already reminded on this day (recorded), and whether the digest went. */
  alreadyReminded: readonly string[];
  digestSent: boolean;
  /** Who gets the digest: Cấu hình's analysts, or the owner while none is listed. */
  analysts: readonly string[];
  /** MailApp.getRemainingDailyQuota(): recipients left today. */
  quota: number;
  url: string;
}

export const NO_ADDRESS = 'chưa có e-mail hợp lệ của cán bộ nhập liệu trên trang "Cấu hình"';
export const NO_QUOTA = 'tài khoản gửi đã hết hạn mức e-mail trong ngày của Google';

/**
 * The day's e-mails. The digest's recipients are counted first; then, while the quota lasts,
 * units with the most problems first and Cấu hình's order among equals; the units left out are
 * named in the digest. Units already reminded today get nothing.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { units } = input;
  const analysts = uniqueAddresses(input.analysts);
  const wantsDigest = !input.digestSent && analysts.length > 0;
  let budget = input.quota;
  const sendDigest = wantsDigest && analysts.length <= budget;
  if (sendDigest) budget -= analysts.length;

  const due = units
    .map((u, index) => ({ u, index, to: uniqueAddresses(u.editors) }))
    .filter(({ u }) => !u.submitted && !input.alreadyReminded.includes(u.name));
  const skipped: Skipped[] = [];
  const chosen = new Set<number>();
  const byPriority = [...due].sort(
    (a, b) => b.u.problems.length - a.u.problems.length || a.index - b.index,
  );
  for (const d of byPriority) {
    if (d.to.length === 0) skipped.push({ unit: d.u.name, reason: NO_ADDRESS });
    else if (d.to.length > budget) skipped.push({ unit: d.u.name, reason: NO_QUOTA });
    else {
      budget -= d.to.length;
      chosen.add(d.index);
    }
  }
  const mails = due
    .filter((d) => chosen.has(d.index))
    .map((d) => ({ unit: d.u.name, to: d.to, ...unitMail(input, d.u) }));
  const order = (name: string) => units.findIndex((u) => u.name === name);
  skipped.sort((a, b) => order(a.unit) - order(b.unit));
  const digest = sendDigest ? { to: analysts, ...digestMail(input, mails, skipped) } : null;
  return { mails, skipped, digest };
}

function daysText(daysLeftCount: number): string {
  if (daysLeftCount > 0) return `Còn ${daysLeftCount} ngày đến hạn nộp.`;
  return 'Đã quá hạn nộp: báo cáo nộp từ bây giờ được ghi là nộp trễ hạn.';
}

function problemLines(problems: readonly string[]): string[] {
  if (problems.length === 0) return ['Trang của đơn vị hiện không có lỗi số liệu.'];
  const lines = [`Trang của đơn vị còn ${problems.length} lỗi cần sửa trước khi nộp:`];
  problems.slice(0, PROBLEMS_SHOWN).forEach((p) => lines.push(`• ${p}`));
  if (problems.length > PROBLEMS_SHOWN)
    lines.push(`… và ${problems.length - PROBLEMS_SHOWN} lỗi khác (mở bảng nhập liệu để xem hết).`);
  return lines;
}

/** What a unit's editors receive. */
export function unitMail(input: PlanInput, unit: UnitStanding): Omit<Mail, 'to'> {
  const { config, day } = input;
  const when = day.daysLeft > 0 ? `còn ${day.daysLeft} ngày` : 'đã quá hạn';
  const subject = `[${SENDER_NAME}] Nhắc nộp báo cáo năm ${day.year} – ${unit.name} (${when})`;
  const body = [
    `Kính gửi cán bộ nhập liệu của ${unit.name},`,
    '',
    `Báo cáo năm ${day.year} của ${unit.name} về phong trào "${config.movementName}" chưa được nộp.`,
    `Hạn nộp: ${deadlineDateText(config, day.year)} (Kế hoạch số ${config.planNumber}).`,
    daysText(day.daysLeft),
    '',
    ...problemLines(unit.problems),
    '',
    `Mở sổ tại ${input.url} , trang "${unit.tab}"; ${unit.problems.length ? 'sửa các lỗi' : 'kiểm tra lại dữ liệu'} rồi chọn menu ${SENDER_NAME} › Mở bảng nhập liệu › Nộp báo cáo năm ${day.year}.`,
    '',
    'Thư này được gửi tự động theo lịch nhắc hạn do cán bộ tổng hợp của tỉnh bật; xin đừng trả lời thư này.',
  ].join('\n');
  return { subject, body };
}

const namesLine = (names: readonly string[]) => (names.length ? names.join(', ') : 'không có');

/** What the analysts receive: who submitted, who did not, who has errors, who was not reminded. */
export function digestMail(
  input: PlanInput,
  mails: readonly UnitMail[],
  skipped: readonly Skipped[],
): Omit<Mail, 'to'> {
  const { config, day, units } = input;
  const done = units.filter((u) => u.submitted).map((u) => u.name);
  const notDone = units.filter((u) => !u.submitted).map((u) => u.name);
  const withErrors = units
    .filter((u) => u.problems.length > 0)
    .map((u) => `${u.name} (${u.problems.length} lỗi)`);
  const when = day.daysLeft > 0 ? `còn ${day.daysLeft} ngày` : 'đã quá hạn';
  const lines = [
    `Tình hình nộp báo cáo năm ${day.year}, ngày ${formatDateVi(`${day.date}T12:00:00Z`, 0)} (hạn nộp ${deadlineDateText(config, day.year)}; ${when}).`,
    '',
    `Đã nộp (${done.length}): ${namesLine(done)}.`,
    `Chưa nộp (${notDone.length}): ${namesLine(notDone)}.`,
    `Có lỗi số liệu (${withErrors.length}): ${namesLine(withErrors)}.`,
    '',
    `Đã gửi thư nhắc hôm nay (${mails.length}): ${namesLine(mails.map((m) => m.unit))}.`,
  ];
  if (input.alreadyReminded.length > 0)
    lines.push(`Đã nhắc trước đó trong ngày: ${namesLine(input.alreadyReminded)}.`);
  if (skipped.length > 0) {
    lines.push(`Chưa được nhắc (${skipped.length}):`);
    skipped.forEach((s) => lines.push(`• ${s.unit}: ${s.reason}.`));
  }
  lines.push('', `Mở sổ: ${input.url}`);
  const subject = `[${SENDER_NAME}] Tình hình nộp báo cáo năm ${day.year} (${when})`;
  return { subject, body: lines.join('\n') };
}
