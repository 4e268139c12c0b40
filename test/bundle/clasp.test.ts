// README's deploy steps with the pinned clasp (3.4.1), run offline in a copy of the project
// files: which files each project file pushes (`clasp status` needs no Google account), and that
// `clasp create` gets past its "Project file already exists" check with the committed project
// files (it then needs a login, which a test cannot give: it stops at "No credentials found.").
// (With a `scriptId` in the file, clasp 3.4.1 refuses: "Project file already exists.", read in
// node_modules/@google/clasp/build/src/commands/create-script.js; that is why none is committed.)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLASP = resolve('node_modules/.bin/clasp');
const FILES = ['Code.js', 'Sidebar.html', 'SetupData.html', 'appsscript.json'];

let dir = '';
const clasp = (...args: string[]): string => {
  try {
    return execFileSync(CLASP, args, {
      cwd: dir,
      // A home of its own: no stored login is ever used.
      env: { ...process.env, HOME: join(dir, 'home'), clasp_config_project: '' },
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 60_000,
    });
  } catch (e) {
    const error = e as { stdout?: string; stderr?: string };
    return `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
};
const withScriptId = (file: string, scriptId: string) => {
  const config = JSON.parse(readFileSync(resolve(file), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, file), JSON.stringify({ ...config, scriptId }));
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gn-clasp-'));
  mkdirSync(join(dir, 'home'));
  for (const sub of ['dist', 'dist/addon']) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const f of FILES) writeFileSync(join(dir, sub, f), '// built\n');
  }
  for (const f of ['.clasp.json', '.clasp-addon.json', '.claspignore'])
    copyFileSync(resolve(f), join(dir, f));
});

test('the committed project files name no script, so `clasp create` and `clasp clone` may write them', () => {
  for (const file of ['.clasp.json', '.clasp-addon.json']) {
    const config = JSON.parse(readFileSync(resolve(file), 'utf8')) as Record<string, unknown>;
    expect(config.scriptId).toBeUndefined();
  }
  expect(JSON.parse(readFileSync(resolve('.clasp.json'), 'utf8'))).toEqual({ rootDir: 'dist' });
  expect(JSON.parse(readFileSync(resolve('.clasp-addon.json'), 'utf8'))).toEqual({
    rootDir: 'dist/addon',
  });
  expect(
    clasp('create', '--type', 'sheets', '--title', 'Vì người nghèo', '--rootDir', 'dist'),
  ).toContain('No credentials found.');
  expect(
    clasp('-P', '.clasp-addon.json', 'create', '--type', 'standalone', '--rootDir', 'dist/addon'),
  ).toContain('No credentials found.');
});

test('the bound project pushes the four files of dist/, the add-on project those of dist/addon/', () => {
  withScriptId('.clasp.json', 'bound-id');
  withScriptId('.clasp-addon.json', 'addon-id');
  const bound = JSON.parse(clasp('status', '--json')) as { filesToPush: string[] };
  expect(bound.filesToPush.sort()).toEqual(FILES.map((f) => `dist/${f}`).sort());
  const addon = JSON.parse(clasp('-P', '.clasp-addon.json', 'status', '--json')) as {
    filesToPush: string[];
  };
  expect(addon.filesToPush.sort()).toEqual(FILES.map((f) => `dist/addon/${f}`).sort());
});

test('npm run push and push:addon build first and push without the manifest prompt', () => {
  const scripts = (
    JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  expect(scripts.push).toBe('npm run build && clasp push --force');
  expect(scripts['push:addon']).toBe('npm run build && clasp -P .clasp-addon.json push --force');
});
