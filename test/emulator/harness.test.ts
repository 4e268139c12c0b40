import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, LOCK_TIMEOUT, loadBundle } from '../../tools/emulator';

const SCRIPT = `
var CACHE = [];
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Vì người nghèo').addItem('Khởi tạo', 'setup').addSeparator()
    .addItem('Tổng hợp', 'consolidate').addToUi();
}
function setup() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  PropertiesService.getDocumentProperties().setProperty('ready', 'yes');
  return Session.getActiveUser().getEmail();
}
function failWithLock() {
  LockService.getDocumentLock().waitLock(30000);
  throw new Error('hỏng');
}
function typeofs() {
  return [typeof require, typeof process, typeof module, typeof exports, typeof setTimeout, typeof Buffer].join(',');
}
function counter() { CACHE.push(1); return CACHE.length; }
function now() { return new Date().toISOString() + ' ' + Date.now(); }
function kinds(d) { return [d instanceof Date, Array.isArray(d), new Date(0) instanceof Date]; }
function catchLock() {
  try { LockService.getDocumentLock().waitLock(10); } catch (e) { return [e instanceof Error, e.name, e.message]; }
  return null;
}
function arrays() { return [PropertiesService.getDocumentProperties().getKeys() instanceof Array]; }
function sidebar() {
  var t = HtmlService.createTemplateFromFile('Sidebar');
  t.user = '<img src=x onerror=alert(1)>';
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('Bảng điều khiển'));
}
function include_(name) { return '<i>' + name + '</i>'; }
function tz() { return Session.getScriptTimeZone(); }
function echo(x) { return x; }
function withDate() { return { when: new Date() }; }
function dates() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange('A1').setValue(new Date());
  var back = sheet.getRange('A1').getValue();
  var values = sheet.getRange('A1:B1').getValues();
  return [back instanceof Date, back.getTime() === new Date().getTime(), values instanceof Array, values[0] instanceof Array];
}
function toast() { SpreadsheetApp.getActiveSpreadsheet().toast('Đã tổng hợp', 'Xong'); }
const NOT_A_FUNCTION = 1;
let alsoNot = function () { return 1; };
class NotEither {}
`;

function writeBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-harness-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'Sidebar.html'), '<p>Xin chào <?= user ?> <?!= include_("bạn") ?></p>');
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Asia/Bangkok', runtimeVersion: 'V8' }),
  );
  return join(dir, 'Code.js');
}

function setup(opts: ConstructorParameters<typeof Emulator>[0] = {}) {
  const emu = new Emulator({ now: new Date('2025-11-29T17:00:00Z'), ...opts });
  const bundle = loadBundle(emu, writeBundle());
  return { emu, bundle };
}

describe('loadBundle', () => {
  test('lists exactly the top-level function declarations', () => {
    const { bundle } = setup();
    expect(bundle.topLevelFunctions()).toEqual([
      'arrays',
      'catchLock',
      'counter',
      'dates',
      'echo',
      'failWithLock',
      'include_',
      'kinds',
      'now',
      'onOpen',
      'setup',
      'sidebar',
      'toast',
      'typeofs',
      'tz',
      'withDate',
    ]);
    expect(bundle.loadMs).toBeGreaterThan(0);
  });

  test('onOpen builds the menu', () => {
    const { emu, bundle } = setup();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    expect(emu.ui.menus).toEqual([
      {
        caption: 'Vì người nghèo',
        addon: false,
        items: [
          { caption: 'Khởi tạo', functionName: 'setup' },
          { separator: true },
          { caption: 'Tổng hợp', functionName: 'consolidate' },
        ],
      },
    ]);
    expect(emu.ui.menuItem('Vì người nghèo', 'Khởi tạo')).toBe('setup');
    expect(emu.calls.get('Menu.addItem')).toBe(2);
  });

  test('no Node globals inside: require, process, module, exports, timers, Buffer', () => {
    const { bundle } = setup();
    expect(bundle.call('typeofs')).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined',
    );
  });

  test('a call runs as the current user; callAs switches and restores', () => {
    const { emu, bundle } = setup({ owner: 'chu@example.com' });
    expect(bundle.call('setup')).toBe('chu@example.com');
    expect(bundle.callAs('xa@example.com', 'setup')).toBe('xa@example.com');
    expect(emu.ctx.user).toBe('chu@example.com');
    emu.setUser('');
    expect(bundle.call('setup')).toBe('');
    expect(emu.properties.document.get('ready')).toBe('yes');
  });

  test('locks are released when the execution ends, also after a throw; errors propagate', () => {
    const { emu, bundle } = setup();
    expect(() => bundle.call('failWithLock')).toThrow('hỏng');
    expect(emu.locks.isHeld('document')).toBe(false);
    bundle.call('setup');
    expect(emu.locks.isHeld('document')).toBe(false);
    expect(emu.locks.attempts.map((a) => a.result)).toEqual(['acquired', 'acquired']);
  });

  test('a lock held by another execution makes waitLock throw the Apps Script message', () => {
    const { emu, bundle } = setup();
    const release = emu.locks.holdDocumentLock();
    expect(() => bundle.call('setup')).toThrow(LOCK_TIMEOUT);
    expect(bundle.call('catchLock')).toEqual([true, 'Exception', LOCK_TIMEOUT]);
    release();
    expect(bundle.call('catchLock')).toBeNull();
    expect(emu.locks.isHeld('document')).toBe(false);
  });

  test('each call has a fresh global scope unless reuseContext', () => {
    const { emu, bundle } = setup();
    expect(bundle.call('counter')).toBe(1);
    expect(bundle.call('counter')).toBe(1);
    const reused = loadBundle(emu, bundle.codePath, { reuseContext: true });
    expect(reused.call('counter')).toBe(1);
    expect(reused.call('counter')).toBe(2);
  });

  test('Date follows the virtual clock; host dates and arrays pass instanceof', () => {
    const { emu, bundle } = setup();
    expect(bundle.call('now')).toBe(
      `2025-11-29T17:00:00.000Z ${Date.parse('2025-11-29T17:00:00Z')}`,
    );
    emu.advance(60_000);
    expect(bundle.call('now')).toBe(
      `2025-11-29T17:01:00.000Z ${Date.parse('2025-11-29T17:01:00Z')}`,
    );
    expect(bundle.call('kinds', new Date())).toEqual([true, false, true]);
    expect(bundle.call('kinds', [1])).toEqual([false, true, true]);
    expect(bundle.call('arrays')).toEqual([true]);
  });

  test('templates from the bundle directory see script functions; sidebar recorded', () => {
    const { emu, bundle } = setup();
    bundle.call('sidebar');
    expect(emu.ui.lastSidebar).toEqual({
      kind: 'sidebar',
      title: 'Bảng điều khiển',
      html: '<p>Xin chào &lt;img src=x onerror=alert(1)&gt; <i>bạn</i></p>',
      width: 300,
      height: null,
    });
  });

  test('without a UI (a trigger), getUi throws the Apps Script message', () => {
    const { emu, bundle } = setup();
    emu.setUiAvailable(false);
    expect(() => bundle.call('onOpen')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(emu.ui.menus).toEqual([]);
  });

  test('dates written and read through the spreadsheet are Dates in the script; toasts recorded', () => {
    const { emu, bundle } = setup();
    expect(bundle.call('dates')).toEqual([true, true, true, true]);
    bundle.call('toast');
    expect(emu.ui.toasts).toEqual([
      expect.objectContaining({ message: 'Đã tổng hợp', title: 'Xong' }),
    ]);
  });

  test('appsscript.json sets the script time zone', () => {
    const { bundle } = setup();
    expect(bundle.call('tz')).toBe('Asia/Bangkok');
  });

  test('unknown functions; google.script.run rules', () => {
    const { bundle } = setup();
    expect(() => bundle.call('nope')).toThrow('Script function not found: nope');
    expect(() => bundle.callFromClient('include_', 'x')).toThrow(
      'Script function not found: include_',
    );
    expect(bundle.callFromClient('echo', { a: [1, 'b', null], b: undefined })).toEqual({
      a: [1, 'b', null],
    });
    expect(bundle.callFromClient('echo', [1, undefined])).toEqual([1, null]);
    expect(bundle.callFromClient('echo')).toBeNull();
    expect(() => bundle.callFromClient('echo', new Date())).toThrow(
      /cannot carry a Date in argument 1 of echo/,
    );
    expect(() => bundle.callFromClient('withDate')).toThrow(
      /cannot carry a Date in the result of withDate.when/,
    );
  });
});

describe('Emulator', () => {
  test('globals, clock, users, sharing, run as owner', () => {
    const emu = new Emulator({
      owner: 'chu@example.com',
      user: 'xa@example.com',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(Object.keys(emu.globals()).sort()).toEqual([
      'Charts',
      'HtmlService',
      'LockService',
      'Logger',
      'MailApp',
      'PropertiesService',
      'ScriptApp',
      'Session',
      'SpreadsheetApp',
      'Utilities',
      'console',
    ]);
    expect(emu.ctx.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    emu.advance(1500);
    expect(emu.ctx.now().toISOString()).toBe('2025-01-01T00:00:01.500Z');
    emu.setNow(new Date('2025-06-01T00:00:00Z'));
    expect(emu.now().toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(emu.ctx.fileEditors.has('xa@example.com')).toBe(false);
    emu.shareWith('xa@example.com');
    expect(emu.ctx.fileEditors.has('xa@example.com')).toBe(true);
    const session = emu.globals().Session;
    expect(session.getEffectiveUser().getEmail()).toBe('xa@example.com');
    emu.runAsOwner = true;
    expect(session.getEffectiveUser().getEmail()).toBe('chu@example.com');
    expect(emu.asOwner(() => session.getActiveUser().getEmail())).toBe('chu@example.com');
    expect(session.getActiveUser().getEmail()).toBe('xa@example.com');
    emu.setUser('');
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(emu.calls.get('Session.getActiveUser')).toBe(3);
    expect(emu.calls).toBe(emu.ctx.counter);
  });
});
