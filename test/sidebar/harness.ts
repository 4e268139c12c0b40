// Runs dist/Sidebar.html in headless Chromium (Debian's /usr/bin/chromium, never a download)
// with a stub google.script.run that records every call and answers from scripted replies.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { SidebarApi } from '../../src/shared/sidebarContract';

export const CHROMIUM = '/usr/bin/chromium';
export const SIDEBAR_HTML = resolve(__dirname, '../../dist/Sidebar.html');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One scripted answer: a success handler call with `value`, or a failure handler call. */
export type Reply = ({ value: unknown } | { error: string }) & { hold?: boolean };
export type Script = Partial<Record<keyof SidebarApi, Reply[]>>;
export interface Call {
  name: string;
  args: unknown[];
  /** An argument google.script.run refuses (Date, function, DOM node). */
  illegal?: boolean;
}

interface StubHandle {
  calls: Call[];
  queues: Record<string, Reply[]>;
  held: (() => void)[];
  release(): number;
}
declare global {
  interface Window {
    __gs: StubHandle;
  }
}

/** True when the browser tests can run; false (after a loud warning) when they must skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return true;
  console.warn(
    '\n**********************************************************************\n' +
      `* SIDEBAR BROWSER TESTS SKIPPED: ${CHROMIUM} not found.\n` +
      '* Install Debian chromium (apt-get install chromium); under CI=true they must run.\n' +
      '**********************************************************************\n',
  );
  return false;
}

/** `describe` for tests that need Chromium (skipped, loudly, when it is missing outside CI). */
export function describeBrowser(name: string, body: () => void): void {
  (browserAvailable() ? describe : describe.skip)(name, body);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(SIDEBAR_HTML))
    throw new Error(`${SIDEBAR_HTML} is missing: run npm run build first.`);
  const dir = mkdtempSync(join(tmpdir(), 'gn-sidebar-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The stub, as plain JavaScript source: a serialised TypeScript function would carry the
 * transpiler's helpers (tsx adds __name calls) that do not exist inside the page.
 * Like google.script.run, it refuses Date, function and DOM node arguments.
 */
const STUB_SOURCE = `(queues) => {
  const calls = [];
  const held = [];
  const illegal = (v) => {
    if (v instanceof Date || typeof v === 'function' || v instanceof Node) return true;
    if (Array.isArray(v)) return v.some(illegal);
    if (v !== null && typeof v === 'object') return Object.values(v).some(illegal);
    return false;
  };
  const runner = (ok, fail) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f) => runner(ok, f);
      if (prop === 'withUserObject') return () => runner(ok, fail);
      if (typeof prop !== 'string') return undefined;
      return (...args) => {
        const bad = args.some(illegal);
        calls.push(Object.assign({ name: prop, args: JSON.parse(JSON.stringify(args)) }, bad ? { illegal: true } : {}));
        if (bad) throw new Error('Tham số không hợp lệ khi gọi ' + prop);
        const reply = (queues[prop] || []).shift();
        const deliver = () => {
          if (!reply) { if (fail) fail(new Error('no scripted reply for ' + prop)); }
          else if ('error' in reply) { if (fail) fail(new Error(reply.error)); }
          else if (ok) ok(JSON.parse(JSON.stringify(reply.value)));
        };
        if (reply && reply.hold) held.push(deliver); else setTimeout(deliver, 5);
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
  window.__gs = {
    calls, queues, held,
    release() { const n = held.length; held.splice(0).forEach((d) => d()); return n; },
  };
}`;

export interface Sidebar {
  page: Page;
  /** Messages of every alert/confirm/prompt the page opened (there should be none). */
  dialogs: string[];
  /** Uncaught page errors. */
  errors: string[];
  calls(name?: keyof SidebarApi): Promise<Call[]>;
  waitForCalls(name: keyof SidebarApi, count: number): Promise<Call[]>;
  script(name: keyof SidebarApi, ...replies: Reply[]): Promise<void>;
  /** Delivers every held reply; resolves with how many there were. */
  release(): Promise<number>;
}

export const ok = (value: unknown, hold = false): Reply => ({ value: { ok: true, value }, hold });
export const refuse = (message: string, extra: object = {}, hold = false): Reply => ({
  value: { ok: false, message, ...extra },
  hold,
});
export const fail = (error: string, hold = false): Reply => ({ error, hold });

/** Opens the sidebar in a new page of the context; `script` holds the first replies. */
export async function openSidebar(context: BrowserContext, script: Script): Promise<Sidebar> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
      errors.push(`network request: ${r.url()}`);
  });
  await page.addInitScript({ content: `(${STUB_SOURCE})(${JSON.stringify(script)});` });
  await page.goto(pathToFileURL(SIDEBAR_HTML).href);
  const calls = async (name?: keyof SidebarApi): Promise<Call[]> => {
    const all = await page.evaluate(() => window.__gs.calls);
    return name ? all.filter((c) => c.name === name) : all;
  };
  return {
    page,
    dialogs,
    errors,
    calls,
    async waitForCalls(name, count) {
      await page.waitForFunction(
        ([n, c]) => window.__gs.calls.filter((x) => x.name === n).length >= c,
        [name, count] as const,
      );
      return calls(name);
    },
    async script(name, ...replies) {
      await page.evaluate(
        ([n, r]) => {
          (window.__gs.queues[n] ??= []).push(...r);
        },
        [name, replies] as const,
      );
    },
    release: () => page.evaluate(() => window.__gs.release()),
  };
}

export function sidebarHtml(): string {
  return readFileSync(SIDEBAR_HTML, 'utf8');
}
