/**
 * Builds the Apps Script project into dist/:
 * - Code.js: src/server bundled by esbuild into one IIFE held by the global `__GN`, followed by
 *   one top-level function declaration per export of src/server/index.ts (Apps Script finds
 *   entry points only as top-level function declarations). Custom functions get their
 *   `@customfunction` JSDoc copied verbatim from src/server/customFunctions.ts.
 * - Sidebar.html: src/sidebar/index.html with its CSS and bundled TypeScript inlined.
 * - appsscript.json: the manifest.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

async function buildCode(): Promise<{ bytes: number; entryPoints: string[] }> {
  const entryPoints = await listEntryPoints();
  const result = await build({
    entryPoints: [resolve(root, 'src/server/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const docs = readFunctionDocs(readFileSync(resolve(root, 'src/server/customFunctions.ts'), 'utf8'));

  const wrappers = entryPoints.map((name) => {
    const doc = docs.get(name);
    if (doc && doc.jsdoc.includes('@customfunction')) {
      return `${doc.jsdoc}\nfunction ${name}(${doc.params}) {\n  return ${BUNDLE_GLOBAL}.${name}(${doc.params});\n}`;
    }
    return `function ${name}() {\n  return ${BUNDLE_GLOBAL}.${name}.apply(null, arguments);\n}`;
  });
  const header =
    '// Vì người nghèo: built by tools/build.ts from src/. Do not edit; edit src/ and run npm run build.\n';
  const code = `${header}${result.outputFiles[0].text}\n${wrappers.join('\n\n')}\n`;
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

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const code = await buildCode();
  const sidebarBytes = await buildSidebar();
  copyFileSync(resolve(root, 'appsscript.json'), resolve(dist, 'appsscript.json'));
  console.log(
    `dist/Code.js ${(code.bytes / 1024).toFixed(1)} KB, ${code.entryPoints.length} entry points; ` +
      `dist/Sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB; dist/appsscript.json`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
