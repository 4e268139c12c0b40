import { Emulator, SCOPES, loadScript, type EmulatorOptions } from '../../tools/emulator';

const OWNER = 'chu@example.com';
const ANALYST = 'phantich@example.com';
/** 09:00 in Hà Nội on Thursday 20 November 2025. */
const NOW = new Date('2025-11-20T02:00:00Z');

const SCRIPT = `
function daily(e) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheets()[0].appendRow([
    e.triggerUid,
    Session.getEffectiveUser().getEmail(),
    Session.getActiveUser().getEmail(),
    new Date().toISOString(),
  ]);
  PropertiesService.getScriptProperties().setProperty('event', JSON.stringify(e));
  var ui = 'ui';
  try { SpreadsheetApp.getUi(); } catch (err) { ui = err.message; }
  PropertiesService.getScriptProperties().setProperty('ui', ui);
}
function addonDaily(e) {
  var active = SpreadsheetApp.getActiveSpreadsheet();
  var props = PropertiesService.getDocumentProperties();
  var lock = LockService.getDocumentLock();
  var opened = '';
  try {
    opened = SpreadsheetApp.openById(PropertiesService.getUserProperties().getProperty('id')).getName();
  } catch (err) { opened = err.message; }
  PropertiesService.getUserProperties().setProperty('seen', JSON.stringify([active, props, lock, opened]));
}
function failing() { throw new Error('hỏng'); }
function others() {
  ScriptApp.newTrigger('daily').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
  ScriptApp.newTrigger('daily').timeBased().onMonthDay(1).atHour(6).create();
  ScriptApp.newTrigger('daily').timeBased().after(90 * 60 * 1000).create();
  ScriptApp.newTrigger('daily').timeBased().at(new Date('2025-11-26T10:00:00Z')).create();
  ScriptApp.newTrigger('daily').timeBased().atDate(2025, 11, 27).create();
  ScriptApp.newTrigger('daily').timeBased().everyHours(12).create();
}
function install(hour, minute) {
  var b = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(hour);
  if (minute !== undefined) b = b.nearMinute(minute);
  return b.inTimezone('Asia/Ho_Chi_Minh').create().getUniqueId();
}
function everyTwoDays() {
  return ScriptApp.newTrigger('daily').timeBased().everyDays(2).atHour(7).create().getUniqueId();
}
function installNamed(name) {
  return ScriptApp.newTrigger(name).timeBased().everyDays(1).atHour(7).create().getUniqueId();
}
function onOpenTrigger() {
  return ScriptApp.newTrigger('daily').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create().getUniqueId();
}
function list() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId(), t.getUniqueId()];
  });
}
function userTriggers() {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getUniqueId(); });
}
function removeAll() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return ScriptApp.getProjectTriggers().length;
}
function tryBuild(kind) {
  var b = ScriptApp.newTrigger('daily').timeBased();
  try {
    if (kind === 'noFrequency') b.atHour(7).create();
    if (kind === 'hour24') b.atHour(24);
    if (kind === 'hourText') b.atHour('7');
    if (kind === 'minutes7') b.everyMinutes(7);
    if (kind === 'minutes5') b.everyMinutes(5).create();
    if (kind === 'twoSchedules') b.everyDays(1).everyHours(1).create();
    if (kind === 'zone') b.inTimezone('Hà Nội');
    if (kind === 'name') ScriptApp.newTrigger(42);
  } catch (e) { return e.message; }
  return 'ok';
}
`;

function setup(opts: EmulatorOptions = {}) {
  const emu = new Emulator({ now: NOW, owner: OWNER, user: OWNER, ...opts });
  emu.shareWith(ANALYST);
  const bundle = loadScript(emu, SCRIPT);
  return { emu, bundle, sheet: emu.spreadsheet.getSheets()[0] };
}

describe('time-driven triggers on the virtual clock', () => {
  test('everyDays(1).atHour(7) in Hà Nội runs at 07:00 local each day, as its creator, with the event object', () => {
    const { emu, bundle, sheet } = setup();
    const uid = bundle.call('install', 7) as string;
    emu.setUser(ANALYST); // someone else is using the file: the trigger still runs as its creator
    const runs = emu.advanceTo(new Date('2025-11-23T12:00:00Z'));
    expect(runs.map((r) => [r.at.toISOString(), r.user, r.authMode, r.error])).toEqual([
      ['2025-11-21T00:00:00.000Z', OWNER, 'FULL', null],
      ['2025-11-22T00:00:00.000Z', OWNER, 'FULL', null],
      ['2025-11-23T00:00:00.000Z', OWNER, 'FULL', null],
    ]);
    // appendRow parses as typed: the numeric id becomes a number.
    expect(sheet.getRange('A1:D3').getValues()).toEqual([
      [Number(uid), OWNER, OWNER, '2025-11-21T00:00:00.000Z'],
      [Number(uid), OWNER, OWNER, '2025-11-22T00:00:00.000Z'],
      [Number(uid), OWNER, OWNER, '2025-11-23T00:00:00.000Z'],
    ]);
    // Friday 21 … Sunday 23 November 2025, ISO week 47; time fields in UTC.
    expect(JSON.parse(emu.properties.script.get('event') ?? '')).toEqual({
      authMode: 'FULL',
      'day-of-month': 23,
      'day-of-week': 7,
      hour: 0,
      minute: 0,
      month: 11,
      second: 0,
      timezone: 'UTC',
      triggerUid: uid,
      'week-of-year': 47,
      year: 2025,
    });
    expect(emu.properties.script.get('ui')).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(emu.now().toISOString()).toBe('2025-11-23T12:00:00.000Z');
    expect(emu.ctx.user).toBe(ANALYST);
  });

  test('nearMinute(30) runs at hh:30; a time already past today waits for tomorrow; everyDays(2) skips a day', () => {
    const { emu, bundle } = setup();
    bundle.call('install', 9, 30); // 09:30 local is still ahead at 09:00
    bundle.call('everyTwoDays'); // 07:00 in the script's zone (Asia/Ho_Chi_Minh)
    const runs = emu.advanceTo(new Date('2025-11-25T01:00:00Z'));
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      '2025-11-20T02:30:00.000Z',
      '2025-11-21T00:00:00.000Z',
      '2025-11-21T02:30:00.000Z',
      '2025-11-22T02:30:00.000Z',
      '2025-11-23T00:00:00.000Z',
      '2025-11-23T02:30:00.000Z',
      '2025-11-24T02:30:00.000Z',
      '2025-11-25T00:00:00.000Z',
    ]);
  });

  test('weekly, monthly, one-off and hourly schedules', () => {
    const { emu, bundle } = setup();
    bundle.call('others');
    const runs = emu.advanceTo(new Date('2025-12-02T00:00:00Z'));
    const times = runs.map((r) => r.at.toISOString());
    // Mondays 24 Nov and 1 Dec at 08:00 in Hà Nội (01:00Z); 1 Dec at 06:00 (23:00Z the day before);
    // 90 minutes after creation; the given instant; 27 Nov at midnight in Hà Nội (26 Nov 17:00Z).
    expect(times).toEqual(
      expect.arrayContaining([
        '2025-11-24T01:00:00.000Z',
        '2025-12-01T01:00:00.000Z',
        '2025-11-30T23:00:00.000Z',
        '2025-11-20T03:30:00.000Z',
        '2025-11-26T10:00:00.000Z',
        '2025-11-26T17:00:00.000Z',
      ]),
    );
    const twelveHourly = times.filter((t) => /T(02|14):00:00/.test(t));
    expect(twelveHourly[0]).toBe('2025-11-20T14:00:00.000Z');
    expect(twelveHourly).toHaveLength(23); // 20 Nov 14:00Z … 1 Dec 14:00Z
    expect(runs).toHaveLength(6 + 23);
    // One-off triggers ran once and are still listed.
    expect(emu.triggers.all.filter((t) => t.nextRun === null).map((t) => t.runs)).toEqual([
      1, 1, 1,
    ]);
    expect(emu.triggers.all).toHaveLength(6);
  });

  test('runDueTriggers runs what is due now; advance(ms) lets time pass the same way', () => {
    const { emu, bundle } = setup();
    bundle.call('install', 7);
    emu.setNow(new Date('2025-11-21T00:00:00Z')); // a jump fires nothing
    expect(emu.triggerRuns).toEqual([]);
    expect(emu.runDueTriggers().map((r) => r.at.toISOString())).toEqual([
      '2025-11-21T00:00:00.000Z',
    ]);
    expect(emu.advance(24 * 3600 * 1000).map((r) => r.at.toISOString())).toEqual([
      '2025-11-22T00:00:00.000Z',
    ]);
  });

  test('a failing handler or a missing function is recorded and the clock goes on', () => {
    const { emu, bundle } = setup();
    bundle.call('installNamed', 'failing');
    bundle.call('installNamed', 'gone');
    const runs = emu.advanceTo(new Date('2025-11-21T01:00:00Z'));
    expect(runs.map((r) => [r.handler, r.error?.message])).toEqual([
      ['failing', 'hỏng'],
      ['gone', 'Script function not found: gone'],
    ]);
  });
});

describe('ScriptApp trigger management', () => {
  test('getProjectTriggers lists only the current user’s triggers; Trigger getters', () => {
    const { emu, bundle } = setup();
    const clock = bundle.call('install', 7) as string;
    const open = bundle.call('onOpenTrigger') as string;
    const mine = bundle.callAs(ANALYST, 'install', 8) as string;
    const id = emu.spreadsheet.getId();
    expect(bundle.call('list')).toEqual([
      ['daily', 'CLOCK', 'CLOCK', null, clock],
      ['daily', 'ON_OPEN', 'SPREADSHEETS', id, open],
    ]);
    expect(bundle.callAs(ANALYST, 'list')).toEqual([['daily', 'CLOCK', 'CLOCK', null, mine]]);
    expect(bundle.call('userTriggers')).toEqual([open]);
    expect(emu.triggers.all).toHaveLength(3);
    expect(bundle.call('removeAll')).toBe(0);
    expect(emu.triggers.all.map((t) => t.uid)).toEqual([mine]);
  });

  test('20 triggers per user per script: the 21st is refused with Google’s message; other users are not affected', () => {
    const { bundle } = setup();
    for (let i = 0; i < 20; i++) bundle.call('install', 7);
    expect(() => bundle.call('install', 7)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(typeof bundle.callAs(ANALYST, 'install', 7)).toBe('string');
  });

  test('builder arguments are checked', () => {
    const { bundle } = setup();
    const cases = [
      'noFrequency',
      'hour24',
      'hourText',
      'minutes7',
      'twoSchedules',
      'zone',
      'name',
      'minutes5',
    ];
    expect(cases.map((c) => bundle.call('tryBuild', c))).toEqual([
      'A frequency (everyDays, everyWeeks or onMonthDay) is required when atHour or nearMinute is used.',
      'Invalid argument: hour',
      "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.atHour.",
      'Invalid argument: n',
      'A clock trigger needs exactly one schedule (after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks or onMonthDay).',
      'Invalid argument: timezone',
      "The parameters (number) don't match the method signature for ScriptApp.newTrigger.",
      'ok',
    ]);
  });

  test('creating a trigger needs the script.scriptapp scope when the manifest declares its scopes', () => {
    const { emu, bundle } = setup({
      oauthScopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi],
    });
    expect(() => bundle.call('install', 7)).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(emu.triggers.all).toEqual([]);
  });
});

describe('Editor add-on: a time-driven trigger has no active document', () => {
  test('getActiveSpreadsheet, document properties and the document lock are null; openById needs the spreadsheets scope', () => {
    const run = (scopes: string[]) => {
      const { emu, bundle } = setup({ deployment: 'addon', oauthScopes: scopes });
      emu.properties.user(OWNER).set('id', emu.spreadsheet.getId());
      bundle.call('installNamed', 'addonDaily');
      emu.advanceTo(new Date('2025-11-21T01:00:00Z'));
      return JSON.parse(emu.properties.user(OWNER).get('seen') ?? 'null') as unknown[];
    };
    const scriptapp = SCOPES.scriptApp;
    expect(run([SCOPES.spreadsheetsCurrentOnly, scriptapp])).toEqual([
      null,
      null,
      null,
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    ]);
    expect(run([SCOPES.spreadsheets, scriptapp])).toEqual([null, null, null, 'Sổ Vì người nghèo']);
  });

  test('an add-on may not run a time-driven trigger more than once an hour', () => {
    const { bundle } = setup({ deployment: 'addon' });
    expect(bundle.call('tryBuild', 'minutes5')).toBe(
      'Add-ons can only use time-driven triggers that run at most once per hour.',
    );
  });
});

describe('locks and Utilities.sleep on the virtual clock', () => {
  const LOCKING = `
    function wait(ms) {
      var lock = LockService.getDocumentLock();
      var got = lock.tryLock(ms);
      return [got, new Date().toISOString()];
    }
    function nap(ms) { Utilities.sleep(ms); return new Date().toISOString(); }`;

  test('a lock released by another execution within the timeout is acquired then; otherwise the whole timeout passes', () => {
    const emu = new Emulator({ now: NOW });
    const bundle = loadScript(emu, LOCKING);
    emu.locks.holdDocumentLock({ until: new Date(NOW.getTime() + 5000) });
    expect(bundle.call('wait', 10000)).toEqual([true, '2025-11-20T02:00:05.000Z']);
    emu.locks.holdDocumentLock();
    expect(bundle.call('wait', 30000)).toEqual([false, '2025-11-20T02:00:35.000Z']);
  });

  test('Utilities.sleep moves the clock', () => {
    const emu = new Emulator({ now: NOW });
    const bundle = loadScript(emu, LOCKING);
    expect(bundle.call('nap', 1500)).toBe('2025-11-20T02:00:01.500Z');
  });
});
