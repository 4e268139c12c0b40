/**
 * HtmlService, HtmlOutput and HtmlTemplate (reference: developers.google.com/apps-script/
 * reference/html/*, guide: /guides/html/templates). Templates compile to a JavaScript function;
 * the harness points the compiler at the script's vm context so scriptlets see the script's
 * globals, as in Apps Script.
 */
import type { EmulatorContext } from '../context';
import { Blob } from './blob';
import { english } from '../messages';
import { makeEnum, serviceError, signatureError } from './common';

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);

/** Turns generated JavaScript source (a function expression) into a function. */
export type TemplateCompiler = (source: string) => unknown;

const hostCompiler: TemplateCompiler = (source) => new Function(`return (${source});`)();

/** Shared state of the HTML service: the project's HTML files and the template compiler. */
export class HtmlFiles {
  /** File name without `.html` → content (the harness fills it from `dist/*.html`). */
  readonly files = new Map<string, string>();
  compiler: TemplateCompiler = hostCompiler;

  get(name: string): string | undefined {
    return this.files.get(name) ?? this.files.get(name.replace(/\.html$/, ''));
  }
}

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface HtmlOutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  faviconUrl: string | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
}

export class HtmlOutputMetaTag {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    this.ctx.counter.hit('HtmlOutputMetaTag.getName');
    return this.name;
  }

  getContent(): string {
    this.ctx.counter.hit('HtmlOutputMetaTag.getContent');
    return this.content;
  }
}

export class HtmlOutput {
  /** Uncounted view for the emulator (what a dialog or sidebar shows). */
  readonly internal: HtmlOutputState;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly html: HtmlFiles,
    content = '',
  ) {
    this.internal = {
      content,
      title: '',
      width: null,
      height: null,
      faviconUrl: null,
      sandboxMode: SandboxMode.IFRAME,
      xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
      metaTags: [],
    };
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.addMetaTag');
    if (typeof name !== 'string' || typeof content !== 'string') {
      throw signatureError('HtmlOutput.addMetaTag', [name, content]);
    }
    this.internal.metaTags.push({ name, content });
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.append');
    this.internal.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.appendUntrusted');
    this.internal.content += escapeHtml(addedContent);
    return this;
  }

  asTemplate(): HtmlTemplate {
    this.ctx.counter.hit('HtmlOutput.asTemplate');
    return new HtmlTemplate(this.ctx, this.html, this.internal.content);
  }

  clear(): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.clear');
    this.internal.content = '';
    return this;
  }

  getBlob(): Blob {
    this.ctx.counter.hit('HtmlOutput.getBlob');
    return new Blob(
      this.ctx,
      Buffer.from(this.internal.content, 'utf8'),
      'text/html',
      this.internal.title || null,
    );
  }

  getContent(): string {
    this.ctx.counter.hit('HtmlOutput.getContent');
    return this.internal.content;
  }

  setContent(content: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setContent');
    if (typeof content !== 'string') throw signatureError('HtmlOutput.setContent', [content]);
    this.internal.content = content;
    return this;
  }

  getFaviconUrl(): string | null {
    this.ctx.counter.hit('HtmlOutput.getFaviconUrl');
    return this.internal.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setFaviconUrl');
    this.internal.faviconUrl = iconUrl;
    return this;
  }

  getHeight(): number | null {
    this.ctx.counter.hit('HtmlOutput.getHeight');
    return this.internal.height;
  }

  setHeight(height: number): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setHeight');
    if (typeof height !== 'number') throw signatureError('HtmlOutput.setHeight', [height]);
    this.internal.height = Math.trunc(height);
    return this;
  }

  getWidth(): number | null {
    this.ctx.counter.hit('HtmlOutput.getWidth');
    return this.internal.width;
  }

  setWidth(width: number): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setWidth');
    if (typeof width !== 'number') throw signatureError('HtmlOutput.setWidth', [width]);
    this.internal.width = Math.trunc(width);
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    this.ctx.counter.hit('HtmlOutput.getMetaTags');
    return this.internal.metaTags.map((t) => new HtmlOutputMetaTag(this.ctx, t.name, t.content));
  }

  getTitle(): string {
    this.ctx.counter.hit('HtmlOutput.getTitle');
    return this.internal.title;
  }

  setTitle(title: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setTitle');
    if (typeof title !== 'string') throw signatureError('HtmlOutput.setTitle', [title]);
    this.internal.title = title;
    return this;
  }

  /** Has no effect in Apps Script any more (every output is IFRAME); kept for the record. */
  setSandboxMode(mode: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setSandboxMode');
    if (typeof mode !== 'string' || !(mode in SandboxMode))
      throw signatureError('HtmlOutput.setSandboxMode', [mode]);
    this.internal.sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.ctx.counter.hit('HtmlOutput.setXFrameOptionsMode');
    if (typeof mode !== 'string' || !(mode in XFrameOptionsMode)) {
      throw signatureError('HtmlOutput.setXFrameOptionsMode', [mode]);
    }
    this.internal.xFrameOptionsMode = mode;
    return this;
  }
}

type Segment = { kind: 'text' | 'code' | 'escaped' | 'raw'; text: string };

/** Split a template into text and `<? ?>` / `<?= ?>` / `<?!= ?>` scriptlets. */
export function parseTemplate(source: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<?', at);
    if (open < 0) {
      segments.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    if (open > at) segments.push({ kind: 'text', text: source.slice(at, open) });
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw serviceError(english('malformedTemplate', open));
    let body = source.slice(open + 2, close);
    let kind: Segment['kind'] = 'code';
    if (body.startsWith('!=')) {
      kind = 'raw';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      kind = 'escaped';
      body = body.slice(1);
    }
    if (kind !== 'code') body = body.trim().replace(/;+$/, '');
    segments.push({ kind, text: body });
    at = close + 2;
  }
  return segments;
}

/** JavaScript source of a function `(scope, out, esc)` that renders the template into `out`. */
export function templateCode(source: string): string {
  const lines = parseTemplate(source).map((s) => {
    switch (s.kind) {
      case 'text':
        return `__out.push(${JSON.stringify(s.text)});`;
      case 'escaped':
        return `__out.push(__esc(${s.text}));`;
      case 'raw':
        return `__out.push(__raw(${s.text}));`;
      case 'code':
        return `${s.text}\n`;
    }
  });
  return [
    'function (__scope, __out, __esc, __raw, output) {',
    'with (__scope) {',
    ...lines,
    '}',
    '}',
  ].join('\n');
}

type Render = (
  scope: object,
  out: string[],
  esc: (v: unknown) => string,
  raw: (v: unknown) => string,
  output: object,
) => void;

/**
 * A template. Script code assigns properties on it (`t.data = ...`), and they are in scope when
 * `evaluate()` runs; the emulator's own state lives outside the object so only those show.
 */
export class HtmlTemplate {
  [property: string]: unknown;

  constructor(ctx: EmulatorContext, html: HtmlFiles, source: string) {
    templateState.set(this, { ctx, html, source });
  }

  evaluate(): HtmlOutput {
    const { ctx, html, source } = stateOf(this);
    ctx.counter.hit('HtmlTemplate.evaluate');
    const render = html.compiler(templateCode(source));
    if (typeof render !== 'function')
      throw new Error('Emulator: the template compiler did not return a function');
    const out: string[] = [];
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this)) scope[key] = this[key];
    const output = {
      append: (text: unknown) => void out.push(String(text)),
      appendUntrusted: (text: unknown) => void out.push(escapeHtml(text)),
    };
    const raw = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    (render as Render)(scope, out, escapeHtml, raw, output);
    return new HtmlOutput(ctx, html, out.join(''));
  }

  getCode(): string {
    const { ctx, source } = stateOf(this);
    ctx.counter.hit('HtmlTemplate.getCode');
    return templateCode(source);
  }

  getCodeWithComments(): string {
    const { ctx, source } = stateOf(this);
    ctx.counter.hit('HtmlTemplate.getCodeWithComments');
    return templateCode(source);
  }

  getRawContent(): string {
    const { ctx, source } = stateOf(this);
    ctx.counter.hit('HtmlTemplate.getRawContent');
    return source;
  }
}

interface TemplateState {
  ctx: EmulatorContext;
  html: HtmlFiles;
  source: string;
}

const templateState = new WeakMap<HtmlTemplate, TemplateState>();

function stateOf(template: HtmlTemplate): TemplateState {
  const state = templateState.get(template);
  if (!state) throw new Error('Emulator: not an HtmlTemplate');
  return state;
}

function contentOf(method: string, value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Blob) return value.getDataAsString();
  throw signatureError(method, [value]);
}

export class HtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly html: HtmlFiles,
  ) {}

  createHtmlOutput(html?: string | Blob): HtmlOutput {
    this.ctx.counter.hit('HtmlService.createHtmlOutput');
    return new HtmlOutput(this.ctx, this.html, contentOf('HtmlService.createHtmlOutput', html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.ctx.counter.hit('HtmlService.createHtmlOutputFromFile');
    return new HtmlOutput(
      this.ctx,
      this.html,
      this.file('HtmlService.createHtmlOutputFromFile', filename),
    );
  }

  createTemplate(html: string | Blob): HtmlTemplate {
    this.ctx.counter.hit('HtmlService.createTemplate');
    if (html === undefined) throw signatureError('HtmlService.createTemplate', []);
    return new HtmlTemplate(this.ctx, this.html, contentOf('HtmlService.createTemplate', html));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    this.ctx.counter.hit('HtmlService.createTemplateFromFile');
    return new HtmlTemplate(
      this.ctx,
      this.html,
      this.file('HtmlService.createTemplateFromFile', filename),
    );
  }

  getUserAgent(): string {
    this.ctx.counter.hit('HtmlService.getUserAgent');
    return 'Mozilla/5.0 (emulator)';
  }

  private file(method: string, filename: unknown): string {
    if (typeof filename !== 'string') throw signatureError(method, [filename]);
    const content = this.html.get(filename);
    if (content === undefined) throw serviceError(english('noHtmlFile', filename));
    return content;
  }
}
