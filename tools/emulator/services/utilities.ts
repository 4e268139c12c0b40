/**
 * Utilities (reference: developers.google.com/apps-script/reference/utilities/utilities).
 * Time is virtual: `sleep` checks its argument and returns at once.
 */
import { createHash } from 'node:crypto';
import { format as nodeFormat } from 'node:util';
import type { EmulatorContext } from '../context';
import { english } from '../messages';
import { Blob, fromBytes, toJavaBytes } from './blob';
import { isDate, makeEnum, serviceError, signatureError } from './common';
import { parseCsv } from './csv';
import { formatDate } from './date-format';

export const Charset = makeEnum(['US_ASCII', 'UTF_8']);
export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const RsaAlgorithm = makeEnum(['RSA_SHA_1', 'RSA_SHA_256']);

export const MAX_SLEEP_MS = 300000;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** `Utilities.formatString`: sprintf-style `%s %d %i %f %.2f %%`. */
export function formatString(template: string, values: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(-?)(\d*)(?:\.(\d+))?([sdifj%])/g,
    (whole, left: string, width: string, precision: string | undefined, kind: string) => {
      if (kind === '%') return '%';
      if (next >= values.length) return whole;
      const value = values[next++];
      let text: string;
      if (kind === 'd' || kind === 'i') text = String(Math.trunc(Number(value)));
      else if (kind === 'f')
        text =
          precision === undefined
            ? String(Number(value))
            : Number(value).toFixed(Number(precision));
      else if (kind === 'j') text = JSON.stringify(value);
      else text = String(value);
      const w = Number(width || 0);
      return text.length >= w ? text : left ? text.padEnd(w) : text.padStart(w);
    },
  );
}

function toBuffer(method: string, data: unknown, args: readonly unknown[]): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data) && data.every((b) => typeof b === 'number')) return fromBytes(data);
  throw signatureError(method, args);
}

export class UtilitiesState {
  uuidCounter = 0;
}

export class Utilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly state: UtilitiesState = new UtilitiesState(),
  ) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.ctx.counter.hit('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.ctx.counter.hit('Utilities.formatString');
    if (typeof template !== 'string')
      throw signatureError('Utilities.formatString', [template, ...args]);
    return formatString(template, args);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.ctx.counter.hit('Utilities.parseCsv');
    const args = delimiter === undefined ? [csv] : [csv, delimiter];
    if (
      typeof csv !== 'string' ||
      (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1))
    ) {
      throw signatureError('Utilities.parseCsv', args);
    }
    return parseCsv(csv, delimiter);
  }

  /** Returns at once, the virtual clock moved forward. Over the documented 300000 ms it throws. */
  sleep(milliseconds: number): void {
    this.ctx.counter.hit('Utilities.sleep');
    if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
      throw signatureError('Utilities.sleep', [milliseconds]);
    }
    if (milliseconds > MAX_SLEEP_MS)
      throw serviceError(english('argumentTooLarge', 'milliseconds'));
    if (milliseconds < 0) throw serviceError(english('invalidArgument', 'milliseconds'));
    this.ctx.advanceClock(Math.trunc(milliseconds));
  }

  /** Deterministic per emulator: `00000000-0000-4000-8000-000000000001`, then ...02, ... */
  getUuid(): string {
    this.ctx.counter.hit('Utilities.getUuid');
    const n = ++this.state.uuidCounter;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  }

  base64Encode(data: string | number[], _charset?: string): string {
    this.ctx.counter.hit('Utilities.base64Encode');
    return toBuffer('Utilities.base64Encode', data, [data]).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], _charset?: string): string {
    this.ctx.counter.hit('Utilities.base64EncodeWebSafe');
    return toBuffer('Utilities.base64EncodeWebSafe', data, [data])
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: string): number[] {
    this.ctx.counter.hit('Utilities.base64Decode');
    if (typeof encoded !== 'string') throw signatureError('Utilities.base64Decode', [encoded]);
    return toJavaBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    this.ctx.counter.hit('Utilities.base64DecodeWebSafe');
    if (typeof encoded !== 'string')
      throw signatureError('Utilities.base64DecodeWebSafe', [encoded]);
    return toJavaBytes(Buffer.from(encoded, 'base64url'));
  }

  computeDigest(algorithm: string, value: string | number[], _charset?: string): number[] {
    this.ctx.counter.hit('Utilities.computeDigest');
    const name = NODE_DIGEST[algorithm];
    if (!name) throw signatureError('Utilities.computeDigest', [algorithm, value]);
    return toJavaBytes(
      createHash(name)
        .update(toBuffer('Utilities.computeDigest', value, [algorithm, value]))
        .digest(),
    );
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    this.ctx.counter.hit('Utilities.newBlob');
    const buffer = toBuffer(
      'Utilities.newBlob',
      data,
      [data, contentType, name].filter((a) => a !== undefined),
    );
    return new Blob(this.ctx, buffer, contentType ?? null, name ?? null);
  }
}

export interface LogEntry {
  time: Date;
  message: string;
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** What the script printed: `Logger.log` lines and `console.*` calls. */
export class LogRecorder {
  readonly logger: LogEntry[] = [];
  readonly console: ConsoleEntry[] = [];
  /** When true, console output is also written to the real console (debugging). */
  echo = false;
}

export class Logger {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly logs: LogRecorder,
  ) {}

  log(data: unknown, ...values: unknown[]): Logger {
    this.ctx.counter.hit('Logger.log');
    const message =
      values.length > 0 && typeof data === 'string' ? formatString(data, values) : String(data);
    this.logs.logger.push({ time: this.ctx.now(), message });
    return this;
  }

  getLog(): string {
    this.ctx.counter.hit('Logger.getLog');
    return this.logs.logger.map((e) => e.message + '\n').join('');
  }

  clear(): void {
    this.ctx.counter.hit('Logger.clear');
    this.logs.logger.length = 0;
  }
}

/** The script's `console`: recorded, not counted (it is not an Apps Script service). */
export function createConsole(logs: LogRecorder): Pick<Console, ConsoleEntry['level']> {
  const make =
    (level: ConsoleEntry['level']) =>
    (...args: unknown[]): void => {
      const message = nodeFormat(...args);
      logs.console.push({ level, message });
      if (logs.echo) process.stderr.write(`[script ${level}] ${message}\n`);
    };
  return {
    log: make('log'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    debug: make('debug'),
  };
}
