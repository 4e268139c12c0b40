/**
 * Builds the Apps Script project into dist/:
 * - Code.js: src/server bundled by esbuild into one IIFE held by the global `__GN` and minified
 *   once more by swc's compressor, followed by one top-level function declaration per export
 *   of src/server/index.ts (Apps Script finds entry points only as top-level function
 *   declarations). Custom functions get their `@customfunction` JSDoc copied verbatim from
 *   src/server/customFunctions.ts.
 * - Sidebar.html: src/sidebar/index.html with its CSS and bundled TypeScript inlined.
 * - SetupData.html: what only the setup and the protection menu read (src/sheets/setupData.ts), as
 *   JSON: their code (src/server/setupModule.ts, bundled and minified like Code.js), the guide of
 *   src/sheets/guide.txt, DEFAULT_CONFIG and its Cấu hình grid (src/sheets/configGrid.ts), the
 *   texts the setup alone writes or shows (src/sheets/setupText.ts). Apps Script evaluates Code.js on every execution
 *   but reads an HTML file only when asked, so this text stays out of Code.js.
 * - appsscript.json: the manifest.
 * - addon/: the same four files for the Editor add-on deployment (README, "Deploying"): the same
 *   Code.js, Sidebar.html and SetupData.html, and the add-on's manifest, appsscript.json with the
 *   same scopes (Editor add-on manifests have no field of their own: the Marketplace SDK's
 *   configuration names the script and its version). `.clasp-addon.json` pushes this folder to
 *   the add-on's standalone project; `.claspignore` keeps it out of the bound project's push.
 */
import { minify } from '@swc/core';
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/defaultConfig';
import { configGrid } from '../src/sheets/configGrid';
import { FIELD_HEADER, SHEET, UNIT_TEXT } from '../src/sheets/layout';
import { SETUP_TEXT } from '../src/sheets/setupText';
import { REMINDER_SCOPES } from '../src/server/reminders';
import { setupDataContent } from '../src/sheets/setupData';

const root = resolve(__dirname, '..');
const dist = resolve(root, 'dist');
const BUNDLE_GLOBAL = '__GN';

interface CustomFunctionDoc {
  jsdoc: string;
  params: string;
}

/** Reads the JSDoc and parameter list that precede each `export function NAME(` of a file. */
export function readFunctionDocs(source: string): Map<string, CustomFunctionDoc> {
  const docs = new Map<string, CustomFunctionDoc>();
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*?\*\/)\s*export\s+function\s+(\w+)\s*\(([^)]*)\)/g;
  for (const match of source.matchAll(pattern)) {
    const params = match[3]
      .split(',')
      .map((p) => p.replace(/[:=?][\s\S]*$/, '').trim())
      .filter(Boolean)
      .join(', ');
    docs.set(match[2], { jsdoc: match[1], params });
  }
  return docs;
}

/** The exports of src/server/index.ts, read from an ESM build's metafile (IIFE metafiles omit them). */
async function listEntryPoints(): Promise<string[]> {
  const probe = await build({
    entryPoints: [resolve(root, 'src/server/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
  });
  return [...Object.values(probe.metafile.outputs)[0].exports].sort();
}

/** `entry` bundled into one IIFE held by `globalName`, minified by esbuild and then swc. */
async function bundleScript(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  // Apps Script evaluates Code.js on every execution; swc's compressor (safe defaults) takes
  // about 3.6 KB more off esbuild's minified output: folded conditions, merged statements,
  // shorter names. Top-level names (`__GN`) are kept.
  const bundle = await minify(result.outputFiles[0].text, {
    compress: { ecma: 2020 },
    mangle: true,
    ecma: 2020,
    module: false,
    format: { comments: false },
  });
  return bundle.code;
}

/**
 * The setup module as a function body returning its exports (server/setup.ts evaluates it). It
 * carries its own copy of the modules it shares with Code.js: the two never exchange state.
 */
async function buildSetupModule(): Promise<string> {
  const global = '__GN_SETUP';
  return `${await bundleScript('src/server/setupModule.ts', global)}\nreturn ${global};`;
}

async function buildCode(): Promise<{ bytes: number; entryPoints: string[] }> {
  const entryPoints = await listEntryPoints();
  const script = await bundleScript('src/server/index.ts', BUNDLE_GLOBAL);
  const docs = readFunctionDocs(
    readFileSync(resolve(root, 'src/server/customFunctions.ts'), 'utf8'),
  );

  const wrappers = entryPoints.map((name) => {
    const doc = docs.get(name);
    if (doc && doc.jsdoc.includes('@customfunction')) {
      return `${doc.jsdoc}\nfunction ${name}(${doc.params}) {\n  return ${BUNDLE_GLOBAL}.${name}(${doc.params});\n}`;
    }
    return `function ${name}(...a){return ${BUNDLE_GLOBAL}.${name}(...a)}`;
  });
  const header =
    '// Vì người nghèo: built by tools/build.ts from src/. Do not edit; edit src/ and run npm run build.\n';
  const code = `${header}${script}\n${wrappers.join('\n')}\n`;
  writeFileSync(resolve(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), entryPoints };
}

async function buildSidebar(): Promise<number> {
  const script = await build({
    entryPoints: [resolve(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(resolve(root, 'src/sidebar/sidebar.css'), 'utf8');
  const html = readFileSync(resolve(root, 'src/sidebar/index.html'), 'utf8')
    .replace('<!-- INLINE_CSS -->', () => `<style>\n${css}</style>`)
    .replace('<!-- INLINE_JS -->', () => `<script>${js}</script>`);
  writeFileSync(resolve(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

/** Layout texts the guide may name as {GROUP.key}; they are filled in at build time. */
const GUIDE_NAMES: Record<string, Record<string, unknown>> = { SHEET, FIELD_HEADER, UNIT_TEXT };

/**
 * The guide's rows from the text of src/sheets/guide.txt: one row per line (the final newline
 * ends the last row), {SHEET.config}-style names replaced by the layout's texts. A name the
 * layout does not have stops the build; {name} without a dot is left for guideTab.ts.
 */
export function guideRows(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line, i) =>
    line.replace(/\{(\w+)\.(\w+)\}/g, (match, group: string, key: string) => {
      const value = GUIDE_NAMES[group]?.[key];
      if (typeof value !== 'string')
        throw new Error(`src/sheets/guide.txt:${i + 1}: unknown name ${match}`);
      return value;
    }),
  );
}

async function buildSetupData(): Promise<number> {
  const guide = guideRows(readFileSync(resolve(root, 'src/sheets/guide.txt'), 'utf8'));
  const content = setupDataContent({
    code: await buildSetupModule(),
    guide,
    defaults: DEFAULT_CONFIG,
    configGrid: configGrid(DEFAULT_CONFIG),
    text: SETUP_TEXT,
  });
  writeFileSync(resolve(dist, 'SetupData.html'), content);
  return Buffer.byteLength(content);
}

/** The files of one Apps Script project, as `clasp push` sends them. */
export const PROJECT_FILES = ['Code.js', 'Sidebar.html', 'SetupData.html', 'appsscript.json'];
/** Where the Editor add-on's copy goes (under dist/, so one `rootDir` each). */
export const ADDON_DIR = resolve(dist, 'addon');

/**
 * The add-on's manifest: the bound script's (time zone, runtime, scopes) without the reminder
 * scopes (docs/DECISIONS.md, README "Nhắc hạn"). An Editor add-on's time-driven trigger has no active spreadsheet and would have to
 * open the workbook by id, which needs the `spreadsheets` scope (every spreadsheet of the user);
 * the add-on keeps `spreadsheets.currentonly` and has no reminders.
 */
export function addonManifest(bound: Record<string, unknown>): Record<string, unknown> {
  const scopes = Array.isArray(bound.oauthScopes) ? (bound.oauthScopes as string[]) : [];
  return { ...bound, oauthScopes: scopes.filter((s) => !REMINDER_SCOPES.includes(s)) };
}

function buildAddon(): void {
  mkdirSync(ADDON_DIR, { recursive: true });
  for (const file of PROJECT_FILES.filter((f) => f !== 'appsscript.json'))
    copyFileSync(resolve(dist, file), resolve(ADDON_DIR, file));
  const bound = JSON.parse(readFileSync(resolve(root, 'appsscript.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(
    resolve(ADDON_DIR, 'appsscript.json'),
    `${JSON.stringify(addonManifest(bound), null, 2)}\n`,
  );
}

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const code = await buildCode();
  const sidebarBytes = await buildSidebar();
  const setupDataBytes = await buildSetupData();
  copyFileSync(resolve(root, 'appsscript.json'), resolve(dist, 'appsscript.json'));
  buildAddon();
  console.log(
    `dist/Code.js ${(code.bytes / 1024).toFixed(1)} KB, ${code.entryPoints.length} entry points; ` +
      `dist/Sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB; ` +
      `dist/SetupData.html ${(setupDataBytes / 1024).toFixed(1)} KB; dist/appsscript.json; ` +
      'dist/addon/ (the Editor add-on: the same files, its manifest)',
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
