import vm from 'node:vm';
import { createContext, type EmulatorContext } from '../../tools/emulator/context';
import {
  Button,
  ButtonSet,
  HtmlFiles,
  HtmlOutput,
  HtmlService,
  LOCK_TIMEOUT,
  LockManager,
  LockService,
  LogRecorder,
  Logger,
  PROPERTY_QUOTA,
  PropertiesService,
  PropertyStores,
  Session,
  UI_UNAVAILABLE,
  UiRecorder,
  Utilities,
  createConsole,
} from '../../tools/emulator/services';

function setup(): { ctx: EmulatorContext } {
  return { ctx: createContext({ owner: 'owner@example.com', user: 'owner@example.com' }) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('LockService', () => {
  function locks() {
    const { ctx } = setup();
    const manager = new LockManager();
    return { ctx, manager, service: new LockService(ctx, manager) };
  }

  test('waitLock on a lock held by another execution throws the Apps Script message, and is recorded', () => {
    const { ctx, manager, service } = locks();
    const release = manager.holdDocumentLock();
    const exec = manager.beginExecution();
    const lock = service.getDocumentLock()!;
    const error = thrown(() => lock.waitLock(30000));
    expect(error.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(error.message).toBe(LOCK_TIMEOUT);
    expect(error.name).toBe('Exception');
    expect(lock.hasLock()).toBe(false);
    expect(manager.attempts.at(-1)).toEqual({
      scope: 'document',
      method: 'waitLock',
      timeoutMs: 30000,
      execution: exec,
      result: 'timeout',
    });
    expect(ctx.counter.get('LockService.getDocumentLock')).toBe(1);
    expect(ctx.counter.get('Lock.waitLock')).toBe(1);
    release();
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
  });

  test('tryLock returns false while held elsewhere, true when free; no effect if already held', () => {
    const { manager, service } = locks();
    const release = manager.holdScriptLock();
    manager.beginExecution();
    const lock = service.getScriptLock();
    expect(lock.tryLock(10000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    release();
    expect(lock.tryLock(10000)).toBe(true);
    expect(lock.tryLock(10000)).toBe(true);
    expect(service.getScriptLock().hasLock()).toBe(true);
  });

  test('locks are released at the end of the execution; releaseLock when not held is a no-op', () => {
    const { manager, service } = locks();
    const first = manager.beginExecution();
    const lock = service.getDocumentLock()!;
    lock.releaseLock();
    lock.waitLock(1000);
    expect(manager.isHeld('document')).toBe(true);
    const second = manager.beginExecution();
    expect(service.getDocumentLock()!.tryLock(0)).toBe(false);
    expect(manager.endExecution(second)).toEqual([]);
    expect(manager.endExecution(first)).toEqual(['document']);
    expect(manager.isHeld('document')).toBe(false);
  });

  test('user locks are per user; hold* refuses a lock that is already held', () => {
    const { ctx, manager, service } = locks();
    manager.beginExecution();
    ctx.user = 'a@example.com';
    expect(service.getUserLock().tryLock(0)).toBe(true);
    ctx.user = 'b@example.com';
    expect(service.getUserLock().tryLock(0)).toBe(true);
    expect(() => manager.holdUserLock('a@example.com')).toThrow(/already held/);
  });

  test('a non-number timeout does not match the signature', () => {
    const { service } = locks();
    expect(() => service.getDocumentLock()!.tryLock('x' as unknown as number)).toThrow(
      "The parameters (String) don't match the method signature for Lock.tryLock.",
    );
  });
});

describe('PropertiesService', () => {
  function props() {
    const { ctx } = setup();
    const stores = new PropertyStores();
    return { ctx, stores, service: new PropertiesService(ctx, stores) };
  }

  test('values are strings, missing keys are null, stores persist', () => {
    const { ctx, stores, service } = props();
    const p = service.getDocumentProperties()!;
    expect(p.getProperty('nope')).toBeNull();
    p.setProperty('n', 42 as unknown as string).setProperty('b', true as unknown as string);
    expect(service.getDocumentProperties()!.getProperty('n')).toBe('42');
    expect(p.getProperties()).toEqual({ n: '42', b: 'true' });
    expect(p.getKeys()).toEqual(['n', 'b']);
    expect(stores.document.get('b')).toBe('true');
    p.deleteProperty('n');
    expect(p.getKeys()).toEqual(['b']);
    p.setProperties({ x: '1', y: '2' }, true);
    expect(p.getProperties()).toEqual({ x: '1', y: '2' });
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
    expect(ctx.counter.get('Properties.getProperty')).toBe(2);
    expect(ctx.counter.get('PropertiesService.getDocumentProperties')).toBe(2);
  });

  test('user properties are per user; script and document stores are separate', () => {
    const { ctx, service } = props();
    ctx.user = 'a@example.com';
    service.getUserProperties().setProperty('k', 'A');
    ctx.user = 'b@example.com';
    expect(service.getUserProperties().getProperty('k')).toBeNull();
    service.getScriptProperties().setProperty('k', 'S');
    expect(service.getDocumentProperties()!.getProperty('k')).toBeNull();
    ctx.user = 'a@example.com';
    expect(service.getUserProperties().getProperty('k')).toBe('A');
  });

  test('a value over 9 KB or a store over 500 KB throws the quota message and writes nothing', () => {
    const { service } = props();
    const p = service.getScriptProperties();
    const big = 'x'.repeat(9 * 1024);
    const error = thrown(() => p.setProperty('k', big));
    expect(error.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(error.message).toBe(PROPERTY_QUOTA);
    expect(p.getProperty('k')).toBeNull();
    const chunk = 'y'.repeat(9000);
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, chunk);
    expect(() => p.setProperty('k56', chunk)).toThrow(PROPERTY_QUOTA);
    expect(() => p.setProperties({ a: '1', b: chunk, c: chunk })).toThrow(PROPERTY_QUOTA);
    expect(p.getProperty('a')).toBeNull();
    expect(p.getKeys()).toHaveLength(56);
  });
});

describe('Session', () => {
  test('active user is ctx.user, effective user is the owner only when running as owner', () => {
    const { ctx } = setup();
    const config = {
      scriptTimeZone: 'Asia/Ho_Chi_Minh',
      userLocale: 'vi',
      runAsOwner: false,
      scriptId: 's',
    };
    const session = new Session(ctx, config);
    ctx.user = '';
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('');
    config.runAsOwner = true;
    expect(session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(session.getActiveUserLocale()).toBe('vi');
    ctx.user = 'a@example.com';
    const key = session.getTemporaryActiveUserKey();
    expect(key).toEqual(session.getTemporaryActiveUserKey());
    expect(key).not.toContain('a@example.com');
    ctx.user = 'b@example.com';
    expect(session.getTemporaryActiveUserKey()).not.toBe(key);
    expect(ctx.counter.get('Session.getActiveUser')).toBe(1);
    expect(ctx.counter.get('Session.getEffectiveUser')).toBe(2);
    expect(ctx.counter.get('User.getEmail')).toBe(3);
  });
});

describe('Utilities.formatDate', () => {
  const u = new Utilities(setup().ctx);
  const instant = new Date('2025-11-29T17:00:00Z');

  test.each([
    ['Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm', '30/11/2025 00:00'],
    ['UTC', 'dd/MM/yyyy HH:mm', '29/11/2025 17:00'],
    ['GMT', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", '2025-11-29T17:00:00.000Z'],
    ['America/New_York', 'yyyy-MM-dd HH:mm Z', '2025-11-29 12:00 -0500'],
    ['Asia/Ho_Chi_Minh', "yyyy-MM-dd'T'HH:mm:ssXXX", '2025-11-30T00:00:00+07:00'],
    ['UTC', 'XXX', 'Z'],
    ['Asia/Ho_Chi_Minh', 'd/M/yy H:m:s', '30/11/25 0:0:0'],
    ['Asia/Ho_Chi_Minh', 'EEE, d MMM yyyy', 'Sun, 30 Nov 2025'],
    ['Asia/Ho_Chi_Minh', 'EEEE MMMM', 'Sunday November'],
    ['America/New_York', 'h:mm a z', '12:00 PM EST'],
    ['Asia/Ho_Chi_Minh', 'z', 'ICT'],
    ['GMT+7', 'HH:mm Z', '00:00 +0700'],
    ['Not/AZone', 'HH:mm z', '17:00 GMT'],
    ['UTC', "'Ngày' dd 'lúc' HH'h' ''", "Ngày 29 lúc 17h '"],
  ])('%s %s', (zone, pattern, expected) => {
    expect(u.formatDate(instant, zone, pattern)).toBe(expected);
  });

  test('daylight saving time in New York; milliseconds; day of year', () => {
    const summer = new Date('2025-07-04T16:05:09.007Z');
    expect(u.formatDate(summer, 'America/New_York', 'yyyy-MM-dd HH:mm:ss.SSS XXX')).toBe(
      '2025-07-04 12:05:09.007 -04:00',
    );
    expect(u.formatDate(summer, 'UTC', 'D')).toBe('185');
  });

  test('week year differs from calendar year at the end of December (US weeks)', () => {
    const d = new Date('2025-12-30T12:00:00Z');
    expect(u.formatDate(d, 'UTC', 'yyyy YYYY w')).toBe('2025 2026 1');
  });

  test('bad arguments and illegal letters throw', () => {
    expect(() => u.formatDate('2025-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => u.formatDate(instant, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
    expect(() => u.formatDate(instant, 'UTC', "'open")).toThrow('Unterminated quote');
  });

  test('dates from another realm are accepted', () => {
    const foreign = vm.runInNewContext('new Date("2025-11-29T17:00:00Z")') as Date;
    expect(u.formatDate(foreign, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm')).toBe('30/11/2025 00:00');
  });
});

describe('Utilities, others', () => {
  test('parseCsv: quotes, escaped quotes, embedded delimiters and newlines, CRLF, custom delimiter', () => {
    const u = new Utilities(setup().ctx);
    expect(u.parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n"multi\nline",,\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['multi\nline', '', ''],
    ]);
    expect(u.parseCsv('a;b\n1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(u.parseCsv('')).toEqual([]);
    expect(u.parseCsv('a\n\nb')).toEqual([['a'], [''], ['b']]);
    expect(u.parseCsv('""')).toEqual([['']]);
    expect(u.parseCsv('Hà Nội,"Thành phố ""Hồ Chí Minh"""')).toEqual([
      ['Hà Nội', 'Thành phố "Hồ Chí Minh"'],
    ]);
    expect(() => u.parseCsv('a', ';;')).toThrow(/Utilities.parseCsv/);
  });

  test('sleep is virtual and capped at 300000 ms; uuids are deterministic; base64; blobs', () => {
    const { ctx } = setup();
    const u = new Utilities(ctx);
    const before = ctx.now;
    u.sleep(300000);
    expect(ctx.now).toBe(before);
    expect(() => u.sleep(300001)).toThrow();
    expect(u.getUuid()).toBe('00000000-0000-4000-8000-000000000001');
    expect(u.getUuid()).toBe('00000000-0000-4000-8000-000000000002');
    expect(u.base64Encode('Vì người nghèo')).toBe(Buffer.from('Vì người nghèo').toString('base64'));
    expect(u.newBlob(u.base64Decode(u.base64Encode('Hà Nội'))).getDataAsString()).toBe('Hà Nội');
    expect(u.base64Decode('/w==')).toEqual([-1]);
    expect(u.formatString('%s có %d hộ, %.1f%%', 'Xã A', 12.7, 3.14159)).toBe(
      'Xã A có 12 hộ, 3.1%',
    );
    expect(ctx.counter.get('Utilities.getUuid')).toBe(2);
  });

  test('Logger and console are captured', () => {
    const { ctx } = setup();
    const logs = new LogRecorder();
    const logger = new Logger(ctx, logs);
    logger.log('x=%s', 5).log({ a: 1 });
    expect(logger.getLog()).toBe('x=5\n[object Object]\n');
    const c = createConsole(logs);
    c.warn('cảnh báo', { a: 1 });
    expect(logs.console).toEqual([{ level: 'warn', message: 'cảnh báo { a: 1 }' }]);
    expect(ctx.counter.get('Logger.log')).toBe(2);
  });
});

describe('HtmlService', () => {
  function html() {
    const { ctx } = setup();
    const files = new HtmlFiles();
    return { ctx, files, service: new HtmlService(ctx, files) };
  }

  test('<?= ?> escapes, <?!= ?> does not, <? ?> runs code; template properties are in scope', () => {
    const { service } = html();
    const t = service.createTemplate(
      '<p><?= name ?></p><div><?!= raw ?></div><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    );
    t.name = '<img src=x onerror=alert(1)>';
    t.raw = '<b>đậm</b>';
    t.items = ['a&b', '"q"'];
    expect(t.evaluate().getContent()).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p><div><b>đậm</b></div><ul><li>a&amp;b</li><li>&quot;q&quot;</li></ul>',
    );
  });

  test('files: createHtmlOutputFromFile and createTemplateFromFile, missing file throws', () => {
    const { files, service } = html();
    files.files.set('Sidebar', '<h1><?= title ?></h1>');
    expect(service.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1><?= title ?></h1>');
    expect(service.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe(
      '<h1><?= title ?></h1>',
    );
    const t = service.createTemplateFromFile('Sidebar');
    t.title = 'Vì người nghèo';
    expect(t.evaluate().getContent()).toBe('<h1>Vì người nghèo</h1>');
    expect(() => service.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
    expect(() => service.createTemplateFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  test('HtmlOutput setters, append, meta tags, enums', () => {
    const { ctx, service } = html();
    const out = service
      .createHtmlOutput('<p>a</p>')
      .setTitle('Bảng điều khiển')
      .setWidth(400)
      .setHeight(300)
      .append('<p>b</p>')
      .appendUntrusted('<i>')
      .setSandboxMode(service.SandboxMode.IFRAME)
      .setXFrameOptionsMode(service.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;i&gt;');
    expect(out.getTitle()).toBe('Bảng điều khiển');
    expect([out.getWidth(), out.getHeight()]).toEqual([400, 300]);
    expect(out.getMetaTags()[0].getName()).toBe('viewport');
    expect(service.createHtmlOutput().getContent()).toBe('');
    expect(ctx.counter.get('HtmlOutput.setTitle')).toBe(1);
    expect(() => out.setSandboxMode('BOGUS')).toThrow(/HtmlOutput.setSandboxMode/);
  });

  test('an unclosed scriptlet is refused', () => {
    const { service } = html();
    expect(() => service.createTemplate('<p><?= x </p>').evaluate()).toThrow(/Malformed/);
  });
});

describe('Ui', () => {
  function ui() {
    const { ctx } = setup();
    const released: string[][] = [];
    const recorder = new UiRecorder(ctx, () => {
      released.push(['document']);
      return ['document'];
    });
    return { ctx, recorder, released };
  }

  test('menus are recorded on addToUi, with separators and sub-menus', () => {
    const { ctx, recorder } = ui();
    const u = recorder.getUi();
    const menu = u.createMenu('Vì người nghèo').addItem('Khởi tạo', 'setup').addSeparator();
    expect(recorder.menus).toEqual([]);
    menu.addSubMenu(u.createMenu('Báo cáo').addItem('Tổng hợp', 'consolidate')).addToUi();
    expect(recorder.menus).toEqual([
      {
        caption: 'Vì người nghèo',
        addon: false,
        items: [
          { caption: 'Khởi tạo', functionName: 'setup' },
          { separator: true },
          {
            submenu: {
              caption: 'Báo cáo',
              addon: false,
              items: [{ caption: 'Tổng hợp', functionName: 'consolidate' }],
            },
          },
        ],
      },
    ]);
    expect(recorder.menuItem('Vì người nghèo', 'Báo cáo', 'Tổng hợp')).toBe('consolidate');
    expect(() => recorder.menuItem('Vì người nghèo', 'Không có')).toThrow(/no menu item/);
    u.createAddonMenu().addItem('Mở', 'open').addToUi();
    expect(recorder.menus[1]).toEqual({
      caption: '',
      addon: true,
      items: [{ caption: 'Mở', functionName: 'open' }],
    });
    expect(ctx.counter.get('Menu.addItem')).toBe(3);
    expect(() => u.createMenu('x').addItem('a', 5 as unknown as string)).toThrow(
      "The parameters (String,number) don't match the method signature for Menu.addItem.",
    );
  });

  test('alert: three signatures, queued answers, default OK, recorded, suspends (locks released)', () => {
    const { ctx, recorder, released } = ui();
    const u = recorder.getUi();
    expect(u.alert('Xong')).toBe(Button.OK);
    recorder.answerAlert('NO');
    expect(u.alert('Xoá?', u.ButtonSet.YES_NO)).toBe('NO');
    recorder.answerAlert('YES');
    expect(u.alert('Xác nhận', 'Xoá dữ liệu?', ButtonSet.YES_NO_CANCEL)).toBe(u.Button.YES);
    expect(u.alert('Đóng?', ButtonSet.YES_NO)).toBe('CLOSE');
    expect(
      recorder.alerts.map(({ title, message, buttons, answer }) => ({
        title,
        message,
        buttons,
        answer,
      })),
    ).toEqual([
      { title: '', message: 'Xong', buttons: 'OK', answer: 'OK' },
      { title: '', message: 'Xoá?', buttons: 'YES_NO', answer: 'NO' },
      { title: 'Xác nhận', message: 'Xoá dữ liệu?', buttons: 'YES_NO_CANCEL', answer: 'YES' },
      { title: '', message: 'Đóng?', buttons: 'YES_NO', answer: 'CLOSE' },
    ]);
    expect(released).toHaveLength(4);
    expect(recorder.alerts[0].locksReleased).toEqual(['document']);
    recorder.answerAlert('YES');
    expect(() => u.alert('OK only')).toThrow(/not a button of ButtonSet.OK/);
    expect(() => u.alert('a', 'b' as unknown as typeof ButtonSet.OK)).toThrow(
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    );
    expect(ctx.counter.get('Ui.alert')).toBe(6);
  });

  test('prompt returns the queued text and button; default OK with empty text', () => {
    const { recorder } = ui();
    const u = recorder.getUi();
    recorder.answerPrompt('2024', 'OK');
    recorder.answerPrompt('bỏ', 'CANCEL');
    const r1 = u.prompt('Năm báo cáo', 'Nhập năm:', ButtonSet.OK_CANCEL);
    expect([r1.getSelectedButton(), r1.getResponseText()]).toEqual(['OK', '2024']);
    const r2 = u.prompt('Năm?', ButtonSet.OK_CANCEL);
    expect([r2.getSelectedButton(), r2.getResponseText()]).toEqual(['CANCEL', 'bỏ']);
    const r3 = u.prompt('Tên?');
    expect([r3.getSelectedButton(), r3.getResponseText()]).toEqual(['OK', '']);
    expect(recorder.prompts[0]).toMatchObject({
      title: 'Năm báo cáo',
      message: 'Nhập năm:',
      buttons: 'OK_CANCEL',
    });
    expect(recorder.pendingAnswers()).toEqual({ alerts: 0, prompts: 0 });
  });

  test('sidebars and dialogs are recorded with their HTML and title', () => {
    const { ctx, recorder } = ui();
    const service = new HtmlService(ctx, new HtmlFiles());
    const u = recorder.getUi();
    u.showSidebar(service.createHtmlOutput('<p>sidebar</p>').setTitle('Bảng'));
    u.showModalDialog(
      service.createHtmlOutput('<p>modal</p>').setWidth(500).setHeight(200),
      'Hộp thoại',
    );
    u.showModelessDialog(service.createHtmlOutput('<p>free</p>'), 'Tự do');
    expect(recorder.dialogs).toEqual([
      { kind: 'sidebar', title: 'Bảng', html: '<p>sidebar</p>', width: 300, height: null },
      { kind: 'modal', title: 'Hộp thoại', html: '<p>modal</p>', width: 500, height: 200 },
      { kind: 'modeless', title: 'Tự do', html: '<p>free</p>', width: null, height: null },
    ]);
    expect(recorder.lastSidebar?.html).toBe('<p>sidebar</p>');
    expect(() => u.showSidebar('<p>' as unknown as HtmlOutput)).toThrow(/Ui.showSidebar/);
  });

  test('no UI in this context', () => {
    const { recorder } = ui();
    recorder.setAvailable(false);
    expect(() => recorder.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(UI_UNAVAILABLE).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
