/**
 * MailApp (reference: developers.google.com/apps-script/reference/mail/mail-app). Nothing is
 * sent: every message is recorded in `MailStore.sent` for tests.
 *
 * - Overloads: `sendEmail(message)`, `sendEmail(recipient, subject, body[, options])`,
 *   `sendEmail(to, replyTo, subject, body)`. Options: htmlBody, name, replyTo, cc, bcc, noReply,
 *   attachments, inlineImages.
 * - Addresses are comma-separated; each is checked ("Invalid email: x"); none at all is
 *   "Failed to send email: no recipient" (both reported).
 * - Quota (guides/services/quotas): 100 recipients a day for consumer (gmail.com) accounts,
 *   1,500 for Google Workspace ones, counted per recipient (to, cc and bcc) for the account the
 *   script runs as. "Daily quotas are refreshed at the end of a 24-hour window": the window
 *   starts with the first message counted and lasts 24 hours of the virtual clock. A message
 *   with more recipients than remain is refused whole: "Service invoked too many times for one
 *   day: email." (reported).
 */
import type { EmulatorContext } from '../context';
import { english } from '../messages';
import { serviceError, signatureError } from './common';

export const CONSUMER_MAIL_QUOTA = 100;
export const WORKSPACE_MAIL_QUOTA = 1500;
const WINDOW_MS = 24 * 60 * 60 * 1000;

/** One message as the script sent it. */
export interface SentMail {
  /** The account the message is sent from (the effective user). */
  sender: string;
  to: string;
  cc: string;
  bcc: string;
  /** Every recipient address (to, cc, bcc), as given. */
  recipients: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: unknown[];
  /** Virtual time of sending. */
  time: Date;
}

interface Usage {
  windowStart: number;
  used: number;
}

/** Messages sent and quota used, per account; `emu.mail`. */
export class MailStore {
  readonly sent: SentMail[] = [];
  private readonly usage = new Map<string, Usage>();
  private readonly quotas = new Map<string, number>();

  /** 100 for gmail.com / googlemail.com accounts, 1,500 otherwise, unless set by a test. */
  dailyQuota(email: string): number {
    const set = this.quotas.get(email);
    if (set !== undefined) return set;
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    return domain === 'gmail.com' || domain === 'googlemail.com'
      ? CONSUMER_MAIL_QUOTA
      : WORKSPACE_MAIL_QUOTA;
  }

  /** Give an account another daily quota (e.g. to reach exhaustion in a test). */
  setDailyQuota(email: string, recipients: number): void {
    this.quotas.set(email, recipients);
  }

  remaining(email: string, now: number): number {
    const u = this.usage.get(email);
    const used = u && now - u.windowStart < WINDOW_MS ? u.used : 0;
    return Math.max(0, this.dailyQuota(email) - used);
  }

  /** @internal counts recipients against the account's quota (caller checked `remaining`). */
  consume(email: string, recipients: number, now: number): void {
    const u = this.usage.get(email);
    if (!u || now - u.windowStart >= WINDOW_MS)
      this.usage.set(email, { windowStart: now, used: recipients });
    else u.used += recipients;
  }
}

interface Message {
  to: string;
  subject: string;
  body: string;
  options: Record<string, unknown>;
}

const OPTION_STRINGS = ['htmlBody', 'name', 'replyTo', 'cc', 'bcc'] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves the overloads; throws the signature error for anything else. */
function messageOf(args: unknown[]): Message {
  const [a, b, c, d] = args;
  const fail = () => signatureError('MailApp.sendEmail', args);
  if (args.length === 1 && isPlainObject(a)) {
    const { to, subject, body, ...options } = a;
    if (
      (to !== undefined && typeof to !== 'string') ||
      (subject !== undefined && typeof subject !== 'string') ||
      (body !== undefined && typeof body !== 'string')
    )
      throw fail();
    return { to: to ?? '', subject: subject ?? '', body: body ?? '', options };
  }
  if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') throw fail();
  if (args.length === 3) return { to: a, subject: b, body: c, options: {} };
  if (args.length === 4 && typeof d === 'string')
    return { to: a, subject: c, body: d, options: { replyTo: b } };
  if (args.length === 4 && isPlainObject(d)) return { to: a, subject: b, body: c, options: d };
  throw fail();
}

function optionString(options: Record<string, unknown>, key: string): string | null {
  const v = options[key];
  return v === undefined || v === null ? null : String(v);
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** 'a@x.vn, Tên <b@x.vn>' → the entries; each must be an address or `Name <address>`. */
function addresses(list: string): string[] {
  const out: string[] = [];
  for (const raw of list.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const named = /<([^<>]*)>\s*$/.exec(entry);
    const address = named ? named[1].trim() : entry;
    if (!ADDRESS.test(address)) throw serviceError(english('invalidEmail', entry));
    out.push(entry);
  }
  return out;
}

export class MailApp {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: MailStore,
    /** The account the script runs as (`Session.getEffectiveUser()`). */
    private readonly sender: () => string,
  ) {}

  sendEmail(...args: unknown[]): void {
    this.ctx.counter.hit('MailApp.sendEmail');
    const m = messageOf(args);
    for (const key of OPTION_STRINGS) {
      const v = m.options[key];
      if (v !== undefined && v !== null && typeof v !== 'string')
        throw signatureError('MailApp.sendEmail', args);
    }
    const cc = optionString(m.options, 'cc') ?? '';
    const bcc = optionString(m.options, 'bcc') ?? '';
    const recipients = [...addresses(m.to), ...addresses(cc), ...addresses(bcc)];
    if (recipients.length === 0) throw serviceError(english('noRecipient'));
    const sender = this.sender();
    const now = this.ctx.now().getTime();
    if (this.store.remaining(sender, now) < recipients.length)
      throw serviceError(english('mailQuota'));
    this.store.consume(sender, recipients.length, now);
    const attachments = m.options.attachments;
    this.store.sent.push({
      sender,
      to: m.to,
      cc,
      bcc,
      recipients,
      subject: m.subject,
      body: m.body,
      htmlBody: optionString(m.options, 'htmlBody'),
      name: optionString(m.options, 'name'),
      replyTo: optionString(m.options, 'replyTo'),
      noReply: m.options.noReply === true,
      attachments: Array.isArray(attachments) ? [...(attachments as unknown[])] : [],
      time: new Date(now),
    });
  }

  /** Recipients the effective user may still send to in the current 24-hour window. */
  getRemainingDailyQuota(): number {
    this.ctx.counter.hit('MailApp.getRemainingDailyQuota');
    return this.store.remaining(this.sender(), this.ctx.now().getTime());
  }
}
