/**
 * Authorization: what the running script may call (SHEETS-FACTS §9; docs/EMULATOR.md §Scopes).
 *
 * - `AuthMode.NONE` (an add-on installed but not enabled in the file, its `onOpen`): menus,
 *   `Logger`, `Utilities` and the user's locale only; anything else throws "Authorization is
 *   required to perform that action.".
 * - `AuthMode.LIMITED` (simple triggers): the bound document, properties, menus; a service that
 *   needs the user's authorization throws "You do not have permission to call X. Required
 *   permissions: …".
 * - `AuthMode.FULL`: when the manifest declares `oauthScopes`, a call whose scopes were not
 *   declared, or were not granted by the running user, throws the same permission message.
 *   Without declared scopes Apps Script asks for whatever the code uses: nothing is checked.
 */
import type { AuthModeName, EmulatorContext } from '../context';
import { english } from '../messages';
import { serviceError } from './common';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userInfoEmail: `${AUTH}userinfo.email`,
} as const;

const CURRENT_DOCUMENT = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const TRIGGERS = [SCOPES.scriptApp];
const MAIL = [SCOPES.sendMail];
const DIALOGS = [SCOPES.containerUi];

/** Scopes each guarded call needs (any one of them). Calls not listed need none. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'SpreadsheetApp.getActiveSpreadsheet': CURRENT_DOCUMENT,
  'SpreadsheetApp.getActive': CURRENT_DOCUMENT,
  'SpreadsheetApp.getActiveSheet': CURRENT_DOCUMENT,
  'SpreadsheetApp.setActiveSheet': CURRENT_DOCUMENT,
  'SpreadsheetApp.getActiveRange': CURRENT_DOCUMENT,
  'SpreadsheetApp.setActiveRange': CURRENT_DOCUMENT,
  'SpreadsheetApp.getCurrentCell': CURRENT_DOCUMENT,
  'SpreadsheetApp.openById': [SCOPES.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPES.spreadsheets],
  'ScriptApp.newTrigger': TRIGGERS,
  'ScriptApp.getProjectTriggers': TRIGGERS,
  'ScriptApp.getUserTriggers': TRIGGERS,
  'ScriptApp.deleteTrigger': TRIGGERS,
  'MailApp.sendEmail': MAIL,
  'MailApp.getRemainingDailyQuota': MAIL,
  'Ui.alert': DIALOGS,
  'Ui.prompt': DIALOGS,
  'Ui.showSidebar': DIALOGS,
  'Ui.showModalDialog': DIALOGS,
  'Ui.showModelessDialog': DIALOGS,
};

/** Calls a simple trigger (LIMITED) may make although they are listed above: the bound document. */
const LIMITED_ALLOWED = new Set(
  Object.keys(REQUIRED).filter((m) => REQUIRED[m] === CURRENT_DOCUMENT),
);

/** What AuthMode.NONE allows: menus, Logger, Utilities, the user's locale. */
function allowedInNone(method: string): boolean {
  const service = method.slice(0, method.indexOf('.'));
  return (
    method === 'SpreadsheetApp.getUi' ||
    method === 'Ui.createMenu' ||
    method === 'Ui.createAddonMenu' ||
    method === 'Session.getActiveUserLocale' ||
    service === 'Menu' ||
    service === 'Logger' ||
    service === 'Utilities'
  );
}

/** `(a || b)` for alternatives, the scope alone otherwise (as Apps Script prints them). */
export function requiredPermissions(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/** The scopes a user holds: the manifest's minus those the user withheld (null: all). */
export function grantedScopes(ctx: EmulatorContext, email: string): string[] | null {
  const manifest = ctx.auth.manifestScopes;
  if (manifest === null) return null;
  const withheld = ctx.auth.withheld.get(email) ?? new Set<string>();
  return manifest.filter((s) => !withheld.has(s));
}

/** Throws the Apps Script error if the running script may not make this call now. */
export function authorize(ctx: EmulatorContext, method: string): void {
  ctx.counter.enter(); // errors below speak this emulator's user language
  const mode: AuthModeName = ctx.auth.mode;
  if (mode === 'NONE') {
    if (!allowedInNone(method)) throw serviceError(english('authorizationRequired'));
    return;
  }
  const required = REQUIRED[method];
  if (!required) return;
  const denied = () =>
    serviceError(english('permissionDenied', method, requiredPermissions(required)));
  if (mode === 'LIMITED' || mode === 'CUSTOM_FUNCTION') {
    if (!LIMITED_ALLOWED.has(method)) throw denied();
    return;
  }
  const granted = grantedScopes(ctx, ctx.user);
  if (granted !== null && !required.some((s) => granted.includes(s))) throw denied();
}

/**
 * The service object as the script sees it: every method call is authorized first. Enum
 * properties and other values pass through.
 */
export function guardService<T extends object>(ctx: EmulatorContext, name: string, service: T): T {
  return new Proxy(service, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = `${name}.${property}`;
      return function guarded(this: unknown, ...args: unknown[]): unknown {
        authorize(ctx, method);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** `AuthorizationInfo.getAuthorizationStatus()`: REQUIRED while the user withholds a scope. */
export function authorizationRequired(
  ctx: EmulatorContext,
  mode: AuthModeName,
  scopes?: readonly string[],
): boolean {
  if (mode !== 'FULL') return false;
  const manifest = ctx.auth.manifestScopes;
  if (manifest === null) return false;
  const wanted = scopes ?? manifest;
  const granted = grantedScopes(ctx, ctx.user) ?? manifest;
  return wanted.some((s) => !granted.includes(s));
}
