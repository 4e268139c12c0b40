// Reminders before the deadline (issue 17): an analyst switches them on (one daily time-driven
// trigger, owned by that analyst); the trigger's run e-mails the units that have not submitted on
// Cấu hình's days, and the analysts a digest. A user cannot see another user's triggers, so the
// owner and the switch live in the document properties: turning off (any analyst) clears the
// switch, and the owner's trigger deletes itself on its next run.
//
// Deployments (docs/DECISIONS.md): reminders run in the bound script only. The Editor add-on's
// manifest keeps `spreadsheets.currentonly` and has neither `script.scriptapp` nor
// `script.send_mail`: in an add-on a time-driven trigger has no active spreadsheet and would
// need the `spreadsheets` scope (every spreadsheet of the user) to open the workbook by id.
import type { Config } from '../core/config';
import { countedSubmission } from '../core/submissionRecord';
import { localYear, submissionFor, VIETNAM_UTC_OFFSET_MINUTES } from '../core/deadline';
import {
  planReminders,
  reminderDay,
  SENDER_NAME,
  type ReminderDay,
  type ReminderPlan,
  type UnitStanding,
} from '../core/reminders';
import { readConfig } from '../sheets/configTab';
import { appendLogRow } from '../sheets/logTab';
import { readSubmissions } from '../sheets/submissions';
import { identify, ownerEmailOf, sameEmail } from './access';
import { readWorkbook } from './consolidate';
import { BUSY, runAsAnalyst, withDocumentLock } from './entryPoint';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const REMINDER_HANDLER = 'remindersDaily';
export const REMINDER_SCOPES = [
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
];
/** Local hour of the daily run. */
const RUN_HOUR = 7;
const SWITCH_KEY = 'gn.reminders';
const SENT_PREFIX = 'gn.reminded|';
const TITLE = 'Nhắc hạn nộp báo cáo';

const REMINDER_TEXT = {
  needsGrant: (url: string | null) =>
    'Nhắc hạn cần thêm hai quyền: quản lý trình kích hoạt (để sổ tự chạy mỗi ngày một lần) và gửi e-mail thay bạn (để gửi thư nhắc cho cán bộ nhập liệu và thư tổng hợp cho cán bộ tổng hợp). ' +
    'Các chức năng khác vẫn dùng được khi chưa cấp hai quyền này. ' +
    (url
      ? `Để cấp quyền, mở địa chỉ sau rồi chọn lại mục này: ${url}`
      : 'Nhắc hạn chỉ có trong bản gắn với sổ (Tiện ích mở rộng › Apps Script), không có trong bản tiện ích bổ sung.'),
  otherOwner: (owner: string) =>
    `Nhắc hạn đang bật do ${owner} phụ trách. Không có gì thay đổi. Muốn tự phụ trách, hãy tắt nhắc hạn trước rồi bật lại.`,
  alreadyOn: 'Nhắc hạn đã bật (do bạn phụ trách). Không có gì thay đổi.',
  on: (days: string) =>
    `Đã bật nhắc hạn: mỗi ngày một lần vào khoảng ${RUN_HOUR} giờ sáng, sổ kiểm tra và gửi thư nhắc vào các ngày ${days}. Thư gửi từ tài khoản của bạn.`,
  noDays:
    ' Lưu ý: trang "Cấu hình" chưa ghi ngày gửi nhắc hạn nào nên sẽ chưa có thư nào được gửi.',
  alreadyOff: 'Nhắc hạn chưa bật. Không có gì thay đổi.',
  off: (owner: string, mine: boolean) =>
    mine
      ? 'Đã tắt nhắc hạn và xóa lịch chạy hằng ngày.'
      : `Đã tắt nhắc hạn. Lịch chạy hằng ngày của ${owner} tự xóa ở lần chạy tới và không gửi thư nào.`,
  notTrigger: 'Chức năng này chỉ chạy theo lịch nhắc hạn; không gọi trực tiếp được.',
} as const;

interface ReminderSwitch {
  owner: string;
  triggerUid: string;
  since: string;
}

function readSwitch(stored: string | null | undefined): ReminderSwitch | null {
  try {
    const s = JSON.parse(stored ?? 'null') as ReminderSwitch | null;
    return s && typeof s.owner === 'string' && typeof s.triggerUid === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** One Nhật ký row; `offset` is Cấu hình's (Việt Nam's when Cấu hình cannot be read). */
function log(ss: Spreadsheet, offset: number, by: string, action: string, detail: string): void {
  const at = new Date().toISOString();
  appendLogRow(ss, { at, by, action, year: localYear(offset, at), unit: '', detail }, offset);
}

const daysList = (config: Config) =>
  config.reminderDays
    .map((d) => (d > 0 ? `${d} ngày trước hạn` : d === 0 ? 'ngày hạn' : `${-d} ngày sau hạn`))
    .join(', ');

/**
 * Null when this user may use the reminder scopes. Otherwise the URL where they grant them, or
 * null as the URL when the manifest does not declare them (the Editor add-on): the manifest's own
 * scopes are all granted while the reminder ones are still required.
 */
function missingGrant(): { url: string | null } | null {
  // The reference's (authMode, oAuthScopes) overload, missing from @types/google-apps-script.
  const getInfo = ScriptApp.getAuthorizationInfo as (
    mode: GoogleAppsScript.Script.AuthMode,
    scopes?: string[],
  ) => GoogleAppsScript.Script.AuthorizationInfo;
  const REQUIRED = ScriptApp.AuthorizationStatus.REQUIRED;
  const reminders = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, REMINDER_SCOPES);
  if (reminders.getAuthorizationStatus() !== REQUIRED) return null;
  const manifest = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL);
  const declared = manifest.getAuthorizationStatus() === REQUIRED;
  return { url: declared ? reminders.getAuthorizationUrl() : null };
}

/** Turns reminders on for `me` (an analyst); the answer says what happened. */
function remindersOn(ss: Spreadsheet, config: Config, me: string): string {
  const grant = missingGrant();
  if (grant) return REMINDER_TEXT.needsGrant(grant.url);
  const props = PropertiesService.getDocumentProperties();
  const current = readSwitch(props.getProperty(SWITCH_KEY));
  if (current && !sameEmail(current.owner, me)) return REMINDER_TEXT.otherOwner(current.owner);
  const mine = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === REMINDER_HANDLER,
  );
  if (current && mine.some((t) => t.getUniqueId() === current.triggerUid))
    return REMINDER_TEXT.alreadyOn;
  for (const t of mine) ScriptApp.deleteTrigger(t);
  const trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(RUN_HOUR)
    .inTimezone(config.deadline.timeZone)
    .create();
  const record: ReminderSwitch = {
    owner: me,
    triggerUid: trigger.getUniqueId(),
    since: new Date().toISOString(),
  };
  props.setProperty(SWITCH_KEY, JSON.stringify(record));
  const answer =
    REMINDER_TEXT.on(daysList(config)) + (config.reminderDays.length ? '' : REMINDER_TEXT.noDays);
  log(ss, config.deadline.utcOffsetMinutes, me, 'Bật nhắc hạn', answer);
  return answer;
}

/** Turns reminders off (any analyst); the owner's trigger goes now if `me` owns it. */
function remindersOff(ss: Spreadsheet, config: Config, me: string): string {
  const props = PropertiesService.getDocumentProperties();
  const current = readSwitch(props.getProperty(SWITCH_KEY));
  if (!current) return REMINDER_TEXT.alreadyOff;
  props.deleteProperty(SWITCH_KEY);
  const mine = sameEmail(current.owner, me);
  if (mine) deleteOwnTriggers(null);
  const answer = REMINDER_TEXT.off(current.owner, mine);
  log(ss, config.deadline.utcOffsetMinutes, me, 'Tắt nhắc hạn', answer);
  return answer;
}

/** Deletes this user's reminder triggers (only the one with `uid` when given). */
function deleteOwnTriggers(uid: string | null): void {
  // Only this user's triggers are listed: another user's cannot be reached (nor deleted).
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === REMINDER_HANDLER && (uid === null || t.getUniqueId() === uid))
      ScriptApp.deleteTrigger(t);
}

/** Whether reminders are on, and who owns them (for the analyst's sidebar). */
export function reminderStatus(
  properties: Record<string, string> = PropertiesService.getDocumentProperties().getProperties(),
): { on: boolean; owner: string | null } {
  const current = readSwitch(properties[SWITCH_KEY]);
  return { on: current !== null, owner: current?.owner ?? null };
}

/** Turns reminders on or off for `me` (an analyst) under the document lock; null when busy. */
export function setReminders(
  ss: Spreadsheet,
  config: Config,
  me: string,
  on: boolean,
): string | null {
  return withDocumentLock(10000, null, () =>
    on ? remindersOn(ss, config, me) : remindersOff(ss, config, me),
  );
}

export function menuRemindersOn(): void {
  runAsAnalyst(
    TITLE,
    ({ ss, config, caller }) => setReminders(ss, config, caller.email, true) ?? BUSY,
  );
}

export function menuRemindersOff(): void {
  runAsAnalyst(
    TITLE,
    ({ ss, config, caller }) => setReminders(ss, config, caller.email, false) ?? BUSY,
  );
}

/**
 * The time-driven trigger's handler. Being top-level, it can also be called from a browser with
 * google.script.run: it acts only for a real run of the recorded trigger, as the recorded owner
 * (event object in FULL with the trigger's id, that id among the running user's own triggers).
 */
export function remindersDaily(e?: unknown): void {
  const event = e as { authMode?: unknown; triggerUid?: unknown } | undefined;
  if (
    typeof event !== 'object' ||
    event === null ||
    String(event.authMode) !== 'FULL' ||
    typeof event.triggerUid !== 'string'
  )
    throw new Error(REMINDER_TEXT.notTrigger);
  const uid = event.triggerUid;
  const isOwnTrigger = ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === uid && t.getHandlerFunction() === REMINDER_HANDLER,
  );
  if (!isOwnTrigger) throw new Error(REMINDER_TEXT.notTrigger);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // An add-on's trigger has no document (none is ever created: its manifest lacks the scopes).
  if (!ss) return deleteOwnTriggers(uid);
  const me = Session.getEffectiveUser().getEmail();
  const current = readSwitch(PropertiesService.getDocumentProperties().getProperty(SWITCH_KEY));
  if (!current || current.triggerUid !== uid || !sameEmail(current.owner, me))
    return deleteOwnTriggers(uid);
  const read = readConfig(ss);
  if (!read.ok) {
    const detail = `Không gửi được thư nhắc: trang "Cấu hình" có lỗi: ${read.problems[0]?.message ?? ''}`;
    log(ss, VIETNAM_UTC_OFFSET_MINUTES, me, 'Nhắc hạn', detail);
    return;
  }
  const config = read.config;
  // The same rule as every entry point: while Cấu hình lists no analyst, the owner is one.
  if (identify(config, me, () => ownerEmailOf(ss) ?? '').role !== 'analyst') {
    PropertiesService.getDocumentProperties().deleteProperty(SWITCH_KEY);
    deleteOwnTriggers(uid);
    log(
      ss,
      config.deadline.utcOffsetMinutes,
      me,
      'Tắt nhắc hạn',
      `${me} không còn là cán bộ tổng hợp trên trang "Cấu hình": lịch nhắc hạn đã tự xóa.`,
    );
    return;
  }
  const day = reminderDay(config, new Date().toISOString());
  if (!day) return;
  withDocumentLock(30000, null, () => remindToday(ss, config, day, me));
}

interface SentRecord {
  units: string[];
  digest: boolean;
}

function readSent(props: GoogleAppsScript.Properties.Properties, date: string): SentRecord {
  try {
    const r = JSON.parse(props.getProperty(SENT_PREFIX + date) ?? 'null') as SentRecord | null;
    if (r && Array.isArray(r.units)) return { units: r.units, digest: r.digest === true };
  } catch {
    // a damaged record: nothing recorded
  }
  return { units: [], digest: false };
}

function standings(ss: Spreadsheet, config: Config, year: number): UnitStanding[] {
  const submissions = readSubmissions();
  const units = readWorkbook(ss, config, undefined, submissions);
  return config.units.map((u, i) => ({
    name: u.name,
    tab: u.tab,
    editors: u.editors,
    submitted: countedSubmission(submissionFor(submissions, u.name, year)) !== undefined,
    problems: units[i].problems.map((p) => p.message),
  }));
}

/** The day's run: plan, send (recording each unit as it goes), digest, one Nhật ký row. */
function remindToday(ss: Spreadsheet, config: Config, day: ReminderDay, me: string): null {
  const props = PropertiesService.getDocumentProperties();
  const sent = readSent(props, day.date);
  const digestBefore = sent.digest;
  const plan = planReminders({
    config,
    day,
    units: standings(ss, config, day.year),
    alreadyReminded: sent.units,
    digestSent: sent.digest,
    analysts: config.analysts.length > 0 ? config.analysts : [me],
    quota: MailApp.getRemainingDailyQuota(),
    url: ss.getUrl(),
  });
  const failed: string[] = [];
  try {
    for (const mail of plan.mails) {
      try {
        MailApp.sendEmail({
          to: mail.to.join(','),
          subject: mail.subject,
          body: mail.body,
          name: SENDER_NAME,
        });
        sent.units.push(mail.unit);
      } catch (error) {
        failed.push(`${mail.unit}: ${(error as Error).message}`);
      }
    }
    if (plan.digest) {
      const d = plan.digest;
      MailApp.sendEmail({
        to: d.to.join(','),
        subject: d.subject,
        body: d.body,
        name: SENDER_NAME,
      });
      sent.digest = true;
    }
  } finally {
    props.setProperty(SENT_PREFIX + day.date, JSON.stringify(sent));
  }
  log(
    ss,
    config.deadline.utcOffsetMinutes,
    me,
    'Nhắc hạn',
    runSummary(plan, failed, day, digestBefore),
  );
  return null;
}

function runSummary(
  plan: ReminderPlan,
  failed: string[],
  day: ReminderDay,
  digestBefore: boolean,
): string {
  const head = `Ngày nhắc hạn năm ${day.year} (${day.daysLeft > 0 ? `còn ${day.daysLeft} ngày` : 'đã quá hạn'})`;
  if (plan.mails.length === 0 && !plan.digest && digestBefore)
    return `${head}: không gửi thư nào (thư nhắc và thư tổng hợp của ngày này đã gửi ở lần chạy trước).`;
  const digest = plan.digest ? ' và thư tổng hợp cho cán bộ tổng hợp' : ', không gửi thư tổng hợp';
  let text = `${head}: đã gửi ${plan.mails.length - failed.length} thư nhắc${digest}.`;
  if (plan.skipped.length)
    text += ` Chưa nhắc: ${plan.skipped.map((s) => `${s.unit} (${s.reason})`).join('; ')}.`;
  if (failed.length) text += ` Gửi lỗi: ${failed.join('; ')}.`;
  return text;
}
