import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, SCOPES, loadBundle, loadScript } from '../../tools/emulator';

const OWNER = 'chu@example.com';
const EDITOR = 'huyen@example.com';
const STRANGER = 'khach@example.com';
const NOW = new Date('2025-11-20T02:00:00Z');

const SCRIPT = `
function onOpen(e) {
  var menu = SpreadsheetApp.getUi().createAddonMenu().addItem('Bắt đầu', 'start');
  Logger.log('mode ' + e.authMode + ' ' + Utilities.formatDate(new Date(0), 'UTC', 'yyyy'));
  if (e.authMode !== ScriptApp.AuthMode.NONE) {
    menu.addItem('Tổng hợp', 'consolidate');
    PropertiesService.getDocumentProperties().setProperty('opened', e.user ? e.user.getEmail() : '');
  }
  menu.addToUi();
}
function onInstall(e) { onOpen(e); PropertiesService.getUserProperties().setProperty('installed', e.authMode); }
function noneTouchesDocument(e) { SpreadsheetApp.getActiveSpreadsheet(); }
function simpleMail() { MailApp.sendEmail('a@example.com', 'x', 'y'); }
function simpleSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
function mail() { MailApp.sendEmail('a@example.com', 'Báo cáo', 'Nội dung'); return MailApp.getRemainingDailyQuota(); }
function info(mode, scopes) {
  var i = scopes ? ScriptApp.getAuthorizationInfo(mode, scopes) : ScriptApp.getAuthorizationInfo(mode);
  return [i.getAuthorizationStatus(), i.getAuthorizationUrl(), i.getAuthorizedScopes()];
}
function active() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function open(id) { return SpreadsheetApp.openById(id).getName(); }
`;

function setup(opts: ConstructorParameters<typeof Emulator>[0] = {}) {
  const emu = new Emulator({ now: NOW, owner: OWNER, user: OWNER, ...opts });
  emu.shareWith(EDITOR);
  const bundle = loadScript(emu, SCRIPT);
  return { emu, bundle };
}

describe('onOpen(e) and onInstall(e): authorization modes', () => {
  test('LIMITED (simple trigger): menus, the document and its properties; e.user is the opener', () => {
    const { emu } = setup();
    const [run] = emu.openSpreadsheet({ user: EDITOR });
    expect([run.handler, run.user, run.authMode, run.error]).toEqual([
      'onOpen',
      EDITOR,
      'LIMITED',
      null,
    ]);
    expect(emu.ui.menus).toEqual([
      {
        caption: '',
        addon: true,
        items: [
          { caption: 'Bắt đầu', functionName: 'start' },
          { caption: 'Tổng hợp', functionName: 'consolidate' },
        ],
      },
    ]);
    expect(emu.properties.document.get('opened')).toBe(EDITOR);
    expect(emu.logs.logger.map((l) => l.message)).toEqual(['mode LIMITED 1970']);
  });

  test('NONE (add-on installed but not enabled in the file): only menus, Logger and Utilities', () => {
    const { emu, bundle } = setup();
    const [run] = emu.openSpreadsheet({ authMode: 'NONE' });
    expect(run.error).toBeNull();
    expect(emu.ui.menus[0].items).toEqual([{ caption: 'Bắt đầu', functionName: 'start' }]);
    expect(emu.properties.document.get('opened')).toBeUndefined();
    expect(emu.logs.logger.map((l) => l.message)).toEqual(['mode NONE 1970']);
    // The same function touching the document in NONE fails (reported message).
    emu.attachScript({
      has: () => true,
      run: (_name, args) => bundle.call('noneTouchesDocument', ...args),
    });
    const [failed] = emu.openSpreadsheet({ authMode: 'NONE' });
    expect(failed.error?.message).toBe('Authorization is required to perform that action.');
  });

  test('onOpen does not run for a user without edit access', () => {
    const { emu } = setup();
    expect(emu.openSpreadsheet({ user: STRANGER })).toEqual([]);
    expect(emu.openSpreadsheet({ user: '' })).toEqual([]);
  });

  test('an installable on-open trigger runs as its creator in FULL, with triggerUid, after the simple onOpen', () => {
    const { emu } = setup();
    const created = loadScript(
      emu,
      `${SCRIPT}
      function watch(e) { PropertiesService.getScriptProperties().setProperty('watch', [e.authMode, e.triggerUid, e.user.getEmail(), Session.getEffectiveUser().getEmail()].join('|')); }
      function installWatch() { return ScriptApp.newTrigger('watch').forSpreadsheet(SpreadsheetApp.getActive().getId()).onOpen().create().getUniqueId(); }`,
    );
    const uid = created.call('installWatch') as string;
    const runs = emu.openSpreadsheet({ user: EDITOR });
    expect(runs.map((r) => [r.handler, r.user, r.authMode, r.uid])).toEqual([
      ['onOpen', EDITOR, 'LIMITED', null],
      ['watch', OWNER, 'FULL', uid],
    ]);
    expect(emu.properties.script.get('watch')).toBe(`FULL|${uid}|${EDITOR}|${OWNER}`);
  });

  test('onInstall(e) runs in FULL for the installing user', () => {
    const { emu } = setup();
    const [run] = emu.installAddon({ user: EDITOR });
    expect([run.handler, run.user, run.authMode, run.error]).toEqual([
      'onInstall',
      EDITOR,
      'FULL',
      null,
    ]);
    expect(emu.properties.user(EDITOR).get('installed')).toBe('FULL');
    expect(emu.ui.menus[0].items).toHaveLength(2);
  });

  test('a simple trigger may not call services that need authorization', () => {
    const { emu, bundle } = setup();
    const inLimited = (name: string) => {
      emu.attachScript({ has: () => true, run: () => bundle.call(name) });
      return emu.openSpreadsheet()[0].error?.message;
    };
    expect(inLimited('simpleMail')).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(inLimited('simpleSidebar')).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});

describe('oauthScopes of the manifest', () => {
  const CURRENT = [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi, SCOPES.userInfoEmail];

  test('the product manifest’s scopes: the document works; MailApp and openById are refused with Google’s message', () => {
    const { emu, bundle } = setup({ oauthScopes: CURRENT });
    expect(bundle.call('active')).toBe('Sổ Vì người nghèo');
    expect(() => bundle.call('mail')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => bundle.call('open', emu.spreadsheet.getId())).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(emu.mail.sent).toEqual([]);
  });

  test('no document scope: "(a || b)" lists the alternatives', () => {
    const { bundle } = setup({ oauthScopes: [SCOPES.sendMail] });
    expect(() => bundle.call('active')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(bundle.call('mail')).toBe(1499);
  });

  test('openById: another id, or a user without access to the file, fail as reported', () => {
    const { emu, bundle } = setup({ oauthScopes: [SCOPES.spreadsheets] });
    expect(bundle.call('open', emu.spreadsheet.getId())).toBe('Sổ Vì người nghèo');
    expect(() => bundle.call('open', 'x')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    expect(() => bundle.callAs(STRANGER, 'open', emu.spreadsheet.getId())).toThrow(
      'You do not have permission to access the requested document.',
    );
  });

  test('getAuthorizationInfo: NOT_REQUIRED while every declared scope is granted, REQUIRED (with a URL) once one is withheld', () => {
    const { emu, bundle } = setup({ oauthScopes: [...CURRENT, SCOPES.sendMail] });
    expect(bundle.call('info', 'FULL')).toEqual([
      'NOT_REQUIRED',
      null,
      [...CURRENT, SCOPES.sendMail],
    ]);
    emu.withholdScopes(OWNER, SCOPES.sendMail);
    expect(bundle.call('info', 'FULL')).toEqual([
      'REQUIRED',
      'https://script.google.com/macros/d/emulated-script-id/authorize',
      CURRENT,
    ]);
    expect(bundle.call('info', 'FULL', [SCOPES.spreadsheetsCurrentOnly])).toEqual([
      'NOT_REQUIRED',
      null,
      [SCOPES.spreadsheetsCurrentOnly],
    ]);
    expect((bundle.call('info', 'LIMITED') as unknown[])[0]).toBe('NOT_REQUIRED');
    expect(() => bundle.call('mail')).toThrow(/^You do not have permission to call MailApp/);
    expect(bundle.callAs(EDITOR, 'mail')).toBe(1499);
    emu.grantScopes(OWNER);
    expect(bundle.call('mail')).toBe(1499); // each account has its own quota
    expect(() => bundle.call('info', 'EVERYTHING')).toThrow(
      "The parameters (String) don't match the method signature for ScriptApp.getAuthorizationInfo.",
    );
  });

  test('without oauthScopes nothing is checked; loadBundle reads them from appsscript.json', () => {
    const { bundle } = setup();
    expect(bundle.call('mail')).toBe(1499);
    const dir = mkdtempSync(join(tmpdir(), 'emu-auth-'));
    writeFileSync(join(dir, 'Code.js'), SCRIPT);
    writeFileSync(
      join(dir, 'appsscript.json'),
      JSON.stringify({ timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: CURRENT }),
    );
    const emu = new Emulator({ now: NOW, owner: OWNER });
    const loaded = loadBundle(emu, join(dir, 'Code.js'));
    expect(emu.ctx.auth.manifestScopes).toEqual(CURRENT);
    expect(() => loaded.call('mail')).toThrow(/^You do not have permission to call MailApp/);
    const explicit = new Emulator({ now: NOW, owner: OWNER, oauthScopes: null });
    expect(loadBundle(explicit, join(dir, 'Code.js')).call('mail')).toBe(1499);
  });

  test('the messages are localized like every service error', () => {
    const { bundle } = setup({ oauthScopes: CURRENT, language: 'vi' });
    expect(() => bundle.call('mail')).toThrow(
      'Bạn không có quyền gọi MailApp.sendEmail. Các quyền cần có: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});
