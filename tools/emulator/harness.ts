/**
 * Runs the compiled Apps Script bundle in a `node:vm` context whose globals are the emulator's
 * services plus the standard JavaScript built-ins (no `require`, `process`, `module`, `exports`,
 * timers or `fetch`, as in Apps Script).
 *
 * Like Apps Script, every call is one execution with a fresh global scope: the bundle's top
 * level runs again (so a module-level cache never survives from one call to the next), the
 * call runs as the current user, and the locks the execution still holds are released when it
 * ends, whether it returned or threw. `reuseContext: true` keeps one global scope (faster, less
 * faithful).
 *
 * The loaded script is attached to the emulator, which runs it for the events it starts itself:
 * `emu.openSpreadsheet()` (onOpen), `emu.installAddon()` (onInstall) and the time-driven triggers
 * due when `emu.advanceTo(date)` moves the clock.
 *
 * Realm details: the script's `Date` is the host `Date` whose "now" is the emulator's virtual
 * clock (so `new Date()` is deterministic and Dates pass both ways without realm trouble), and
 * `instanceof Error` / `instanceof Array` also accept the host's errors and arrays returned by
 * the services, as they would be in Apps Script.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import type { Emulator } from './index';
import { english, exception } from './messages';

export interface LoadOptions {
  /** Where the `*.html` files are (default: the directory of the code). */
  htmlDir?: string;
  /** Keep one global scope for every call instead of a fresh one per execution. */
  reuseContext?: boolean;
}

export interface Bundle {
  /** Run one execution of a top-level function as the current user; returns its result. */
  call(name: string, ...args: unknown[]): unknown;
  /** `call` as another user (restored afterwards). */
  callAs(email: string, name: string, ...args: unknown[]): unknown;
  /**
   * `google.script.run.name(...args)` from the sidebar: refuses private functions (ending `_`)
   * and arguments or results that cannot cross the wire (Date, functions, class instances,
   * cycles); the result comes back as the client would see it (JSON-like, `undefined` → null).
   */
  callFromClient(name: string, ...args: unknown[]): unknown;
  /** Names of the functions the script defines at top level (sorted). */
  topLevelFunctions(): string[];
  /** The global scope of the last execution (the load's, before any call). */
  readonly context: vm.Context;
  /** Milliseconds to compile and run the top level once (what `loadBundle` measured). */
  readonly loadMs: number;
  readonly codePath: string;
}

/** Names the harness defines in every context; never reported as script functions. */
const HARNESS_GLOBALS = ['Date'];

/** Prelude run in every new context: cross-realm `instanceof` for errors and arrays. */
const PRELUDE = `(function () {
  var hasInstance = Function.prototype[Symbol.hasInstance];
  function widen(C, test) {
    Object.defineProperty(C, Symbol.hasInstance, {
      configurable: true,
      value: function (v) { return hasInstance.call(this, v) || (this === C && test(v)); }
    });
  }
  widen(Error, function (v) { return Object.prototype.toString.call(v) === '[object Error]'; });
  widen(Array, Array.isArray);
  return function copyIn(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Object.prototype.toString.call(v) === '[object Date]') return v;
    var out, i, keys;
    if (Array.isArray(v)) {
      out = [];
      for (i = 0; i < v.length; i++) out.push(copyIn(v[i]));
      return out;
    }
    var proto = Object.getPrototypeOf(v);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return v;
    out = {};
    keys = Object.keys(v);
    for (i = 0; i < keys.length; i++) out[keys[i]] = copyIn(v[keys[i]]);
    return out;
  };
})()`;

/** The host `Date`, with "now" read from the emulator's virtual clock. */
function virtualDate(emu: Emulator): DateConstructor {
  const now = (): number => emu.now().getTime();
  return new Proxy(Date, {
    construct(target, args: unknown[], newTarget) {
      if (args.length === 0) return Reflect.construct(target, [now()], newTarget);
      return Reflect.construct(target, args, newTarget);
    },
    apply() {
      return new Date(now()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return now;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

interface Scope {
  context: vm.Context;
  sandbox: Record<string, unknown>;
  copyIn: (value: unknown) => unknown;
}

/** Load a script from a file (default `dist/Code.js`) and its `*.html` files. */
export function loadBundle(
  emu: Emulator,
  codePath = 'dist/Code.js',
  opts: LoadOptions = {},
): Bundle {
  const path = resolve(codePath);
  const source = readFileSync(path, 'utf8');
  const dir = dirname(path);
  loadHtmlFiles(emu, opts.htmlDir ?? dir);
  loadManifest(emu, dir);
  return loadScript(emu, source, { ...opts, filename: path });
}

/** Load a script from source text (tests); `filename` names it in stack traces. */
export function loadScript(
  emu: Emulator,
  source: string,
  opts: LoadOptions & { filename?: string } = {},
): Bundle {
  const filename = opts.filename ?? 'Code.js';
  const started = performance.now();
  const script = new vm.Script(source, { filename });
  const injected = new Set([...Object.keys(emu.globals()), ...HARNESS_GLOBALS]);

  const newScope = (): Scope => {
    const sandbox: Record<string, unknown> = { ...emu.globals(), Date: virtualDate(emu) };
    const context = vm.createContext(sandbox, {
      name: 'Apps Script',
      codeGeneration: { strings: true, wasm: false },
    });
    const copyIn = vm.runInContext(PRELUDE, context) as (value: unknown) => unknown;
    script.runInContext(context);
    return { context, sandbox, copyIn };
  };

  const loadScope = emu.execution(newScope);
  const loadMs = performance.now() - started;
  let current = loadScope;
  emu.html.compiler = (code) => vm.runInContext(`(${code})`, current.context);

  const run = (name: string, args: unknown[]): unknown =>
    emu.execution(() => {
      const scope = opts.reuseContext ? loadScope : newScope();
      current = scope;
      const fn = scope.sandbox[name];
      if (typeof fn !== 'function') throw scriptFunctionNotFound(emu, name);
      return (fn as (...a: unknown[]) => unknown)(...args.map(scope.copyIn));
    });
  emu.attachScript({
    has: (name) => typeof loadScope.sandbox[name] === 'function',
    run,
  });

  return {
    call: (name, ...args) => run(name, args),
    callAs: (email, name, ...args) => emu.as(email, () => run(name, args)),
    callFromClient(name, ...args) {
      if (name.endsWith('_')) throw scriptFunctionNotFound(emu, name);
      args.forEach((arg, i) => checkWire(arg, `argument ${i + 1} of ${name}`, new Set()));
      const result = run(name, args);
      checkWire(result, `the result of ${name}`, new Set());
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
    },
    topLevelFunctions() {
      return Object.getOwnPropertyNames(loadScope.sandbox)
        .filter((key) => !injected.has(key) && typeof loadScope.sandbox[key] === 'function')
        .sort();
    },
    get context() {
      return current.context;
    },
    loadMs,
    codePath: filename,
  };
}

function scriptFunctionNotFound(emu: Emulator, name: string): Error {
  emu.calls.enter();
  return exception(english('scriptFunctionNotFound', name));
}

/** What `google.script.run` can carry: primitives, null, arrays and plain objects of them. */
function checkWire(value: unknown, where: string, seen: Set<object>): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return;
  if (type === 'number') {
    if (!Number.isFinite(value))
      throw new Error(`google.script.run cannot carry ${String(value)} in ${where}`);
    return;
  }
  if (type !== 'object') throw new Error(`google.script.run cannot carry a ${type} in ${where}`);
  const object = value as object;
  if (Object.prototype.toString.call(object) === '[object Date]') {
    throw new Error(`google.script.run cannot carry a Date in ${where} (send an ISO string)`);
  }
  if (seen.has(object))
    throw new Error(`google.script.run cannot carry a circular object in ${where}`);
  seen.add(object);
  if (Array.isArray(object)) {
    object.forEach((item, i) => checkWire(item, `${where}[${i}]`, seen));
  } else {
    const proto = Object.getPrototypeOf(object) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw new Error(`google.script.run cannot carry a class instance in ${where}`);
    }
    for (const [key, item] of Object.entries(object)) checkWire(item, `${where}.${key}`, seen);
  }
  seen.delete(object);
}

function loadHtmlFiles(emu: Emulator, dir: string): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    if (extname(file) === '.html')
      emu.htmlFiles.set(basename(file, '.html'), readFileSync(join(dir, file), 'utf8'));
  }
}

/**
 * Take the script time zone and the declared `oauthScopes` from `appsscript.json` next to the
 * code, when there is one (scopes given to the Emulator's constructor win).
 */
function loadManifest(emu: Emulator, dir: string): void {
  const manifest = join(dir, 'appsscript.json');
  if (!existsSync(manifest)) return;
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {
    timeZone?: unknown;
    oauthScopes?: unknown;
  };
  if (typeof parsed.timeZone === 'string') emu.session.scriptTimeZone = parsed.timeZone;
  const scopes = parsed.oauthScopes;
  if (Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))
    emu.setManifestScopes(scopes as string[]);
}
