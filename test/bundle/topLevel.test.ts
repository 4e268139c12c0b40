// The compiled bundle exposes exactly the entry points: every top-level function of an Apps
// Script file can be called from the browser through google.script.run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const ENTRY_POINTS = [
  'GN_DAT',
  'GN_GIAM',
  'GN_PHANLOAI',
  'GN_TIENDO',
  'exportResults',
  'menuCheckAll',
  'menuConsolidate',
  'menuHelp',
  'menuProtect',
  'menuRemindersOff',
  'menuRemindersOn',
  'menuSelfCheck',
  'menuSetup',
  'onInstall',
  'onOpen',
  'remindersDaily',
  'showSidebar',
  'sidebarAddNomination',
  'sidebarApproveReport',
  'sidebarCheckData',
  'sidebarConsolidate',
  'sidebarGetState',
  'sidebarRequestOfficial',
  'sidebarReturnReport',
  'sidebarSelectCell',
  'sidebarSetReminders',
  'sidebarSubmitReport',
];

let code = '';
beforeAll(() => {
  execFileSync('npx', ['tsx', 'tools/build.ts'], { stdio: 'pipe' });
  code = readFileSync('dist/Code.js', 'utf8');
});

test('dist/Code.js declares exactly the entry points as top-level functions', () => {
  const declared = [...code.matchAll(/^function (\w+)\s*\(/gm)].map((m) => m[1]).sort();
  expect(declared).toEqual(ENTRY_POINTS);
  // Evaluated with no service at all, the file defines the same globals and calls nothing.
  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(code, sandbox);
  const functions = Object.keys(sandbox)
    .filter((k) => typeof sandbox[k] === 'function')
    .sort();
  expect(functions).toEqual(ENTRY_POINTS);
  // Besides the bundle itself, only zod's config object (zod/mini keeps it on globalThis).
  expect(
    Object.keys(sandbox)
      .filter((k) => typeof sandbox[k] !== 'function')
      .sort(),
  ).toEqual(['__GN', '__zod_globalConfig']);
});

test('no export statement, es2020 syntax only', () => {
  expect(code).not.toMatch(/^\s*export\s/m);
  expect(() => new vm.Script(code)).not.toThrow();
});

test.each(['GN_GIAM', 'GN_DAT', 'GN_TIENDO', 'GN_PHANLOAI'])(
  '%s carries its Vietnamese @customfunction JSDoc',
  (name) => {
    const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*?\\*/)\\s*function ${name}\\(`).exec(
      code,
    );
    expect(match).not.toBeNull();
    const doc = match?.[1] ?? '';
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/);
  },
);

test('the manifest is V8 in Asia/Ho_Chi_Minh with narrow scopes', () => {
  const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as {
    timeZone: string;
    runtimeVersion: string;
    oauthScopes: string[];
  };
  expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.oauthScopes).toContain(
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
  );
  expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
});
