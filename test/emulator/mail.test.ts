import { Emulator, loadScript } from '../../tools/emulator';

const NOW = new Date('2025-11-20T02:00:00Z');
const CONSUMER = 'canbo@gmail.com';
const WORKSPACE = 'phantich@haiduong.gov.vn';

const SCRIPT = `
function simple() { MailApp.sendEmail('a@example.com, Bình <b@example.com>', 'Báo cáo', 'Nội dung'); }
function withOptions() {
  MailApp.sendEmail('a@example.com', 'Báo cáo', 'Nội dung', {
    htmlBody: '<b>Nội dung</b>', name: 'Vì người nghèo', replyTo: 'tra-loi@example.com',
    cc: 'c@example.com', bcc: 'd@example.com,e@example.com', noReply: true,
  });
}
function replyToForm() { MailApp.sendEmail('a@example.com', 'tra-loi@example.com', 'Báo cáo', 'Nội dung'); }
function objectForm() { MailApp.sendEmail({ to: 'a@example.com', subject: 'Báo cáo', htmlBody: '<p>x</p>', cc: 'b@example.com' }); }
function send(to) { MailApp.sendEmail(to, 's', 'b'); return MailApp.getRemainingDailyQuota(); }
function remaining() { return MailApp.getRemainingDailyQuota(); }
function bad(kind) {
  try {
    if (kind === 'address') MailApp.sendEmail('a@example.com, không-phải-email', 's', 'b');
    if (kind === 'none') MailApp.sendEmail({ to: '', subject: 's', body: 'b' });
    if (kind === 'types') MailApp.sendEmail('a@example.com', 's', 42);
    if (kind === 'option') MailApp.sendEmail('a@example.com', 's', 'b', { cc: 5 });
  } catch (e) { return e.message; }
  return 'sent';
}
function triggered() { MailApp.sendEmail('a@example.com', 'Nhắc việc', 'Hạn nộp báo cáo'); }
function install() { ScriptApp.newTrigger('triggered').timeBased().everyDays(1).atHour(7).create(); }
`;

function setup(user = WORKSPACE) {
  const emu = new Emulator({ now: NOW, owner: user, user });
  return { emu, bundle: loadScript(emu, SCRIPT) };
}

describe('MailApp.sendEmail records every message', () => {
  test('(recipient, subject, body): addresses as given, sender = the account the script runs as', () => {
    const { emu, bundle } = setup();
    bundle.call('simple');
    expect(emu.mail.sent).toEqual([
      {
        sender: WORKSPACE,
        to: 'a@example.com, Bình <b@example.com>',
        cc: '',
        bcc: '',
        recipients: ['a@example.com', 'Bình <b@example.com>'],
        subject: 'Báo cáo',
        body: 'Nội dung',
        htmlBody: null,
        name: null,
        replyTo: null,
        noReply: false,
        attachments: [],
        time: NOW,
      },
    ]);
  });

  test('(recipient, subject, body, options), (to, replyTo, subject, body) and (message)', () => {
    const { emu, bundle } = setup();
    bundle.call('withOptions');
    bundle.call('replyToForm');
    bundle.call('objectForm');
    const [a, b, c] = emu.mail.sent;
    expect(a).toMatchObject({
      recipients: ['a@example.com', 'c@example.com', 'd@example.com', 'e@example.com'],
      htmlBody: '<b>Nội dung</b>',
      name: 'Vì người nghèo',
      replyTo: 'tra-loi@example.com',
      cc: 'c@example.com',
      bcc: 'd@example.com,e@example.com',
      noReply: true,
    });
    expect(b).toMatchObject({
      to: 'a@example.com',
      replyTo: 'tra-loi@example.com',
      body: 'Nội dung',
    });
    expect(c).toMatchObject({
      subject: 'Báo cáo',
      body: '',
      htmlBody: '<p>x</p>',
      cc: 'b@example.com',
    });
    expect(bundle.call('remaining')).toBe(1500 - 4 - 1 - 2);
  });

  test('bad input: Google’s messages, nothing sent, no quota used', () => {
    const { emu, bundle } = setup();
    expect(['address', 'none', 'types', 'option'].map((k) => bundle.call('bad', k))).toEqual([
      'Invalid email: không-phải-email',
      'Failed to send email: no recipient',
      "The parameters (String,String,number) don't match the method signature for MailApp.sendEmail.",
      "The parameters (String,String,String,Object) don't match the method signature for MailApp.sendEmail.",
    ]);
    expect(emu.mail.sent).toEqual([]);
    expect(bundle.call('remaining')).toBe(1500);
  });
});

describe('the daily quota', () => {
  test('100 recipients for a consumer account, counted per recipient; exhausted: Google’s message; refreshed 24 h after the first', () => {
    const { emu, bundle } = setup(CONSUMER);
    expect(bundle.call('remaining')).toBe(100);
    const many = Array.from({ length: 98 }, (_, i) => `n${i}@example.com`).join(',');
    expect(bundle.call('send', many)).toBe(2);
    emu.advance(3600 * 1000);
    expect(() => bundle.call('send', 'a@example.com,b@example.com,c@example.com')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(bundle.call('send', 'a@example.com,b@example.com')).toBe(0);
    expect(() => bundle.call('send', 'a@example.com')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    emu.setNow(new Date(NOW.getTime() + 24 * 3600 * 1000 - 1));
    expect(bundle.call('remaining')).toBe(0);
    emu.setNow(new Date(NOW.getTime() + 24 * 3600 * 1000));
    expect(bundle.call('remaining')).toBe(100);
    expect(emu.mail.sent).toHaveLength(2);
  });

  test('1,500 for a Workspace account; a test can set an account’s quota; quotas are per account', () => {
    const { emu, bundle } = setup();
    expect(bundle.call('remaining')).toBe(1500);
    emu.mail.setDailyQuota(WORKSPACE, 1);
    expect(bundle.call('send', 'a@example.com')).toBe(0);
    expect(bundle.callAs(CONSUMER, 'remaining')).toBe(100);
  });

  test('a time-driven trigger sends as its creator and uses the creator’s quota', () => {
    const { emu, bundle } = setup();
    bundle.call('install');
    emu.setUser(CONSUMER);
    emu.advanceTo(new Date('2025-11-22T01:00:00Z'));
    expect(emu.mail.sent.map((m) => [m.sender, m.time.toISOString()])).toEqual([
      [WORKSPACE, '2025-11-21T00:00:00.000Z'],
      [WORKSPACE, '2025-11-22T00:00:00.000Z'],
    ]);
    expect(emu.mail.remaining(WORKSPACE, emu.now().getTime())).toBe(1499);
  });
});
