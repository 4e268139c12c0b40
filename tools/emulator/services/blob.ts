/** A minimal `Blob` (reference: developers.google.com/apps-script/reference/base/blob). */
import type { EmulatorContext } from '../context';
import { signatureError } from './common';

/** Apps Script bytes are Java bytes: signed, -128..127. */
export function toJavaBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

export class Blob {
  constructor(
    private readonly ctx: EmulatorContext,
    private data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getBytes(): number[] {
    this.ctx.counter.hit('Blob.getBytes');
    return toJavaBytes(this.data);
  }

  getDataAsString(_charset?: string): string {
    this.ctx.counter.hit('Blob.getDataAsString');
    return this.data.toString('utf8');
  }

  setDataFromString(text: string): Blob {
    this.ctx.counter.hit('Blob.setDataFromString');
    if (typeof text !== 'string') throw signatureError('Blob.setDataFromString', [text]);
    this.data = Buffer.from(text, 'utf8');
    return this;
  }

  getContentType(): string | null {
    this.ctx.counter.hit('Blob.getContentType');
    return this.contentType;
  }

  setContentType(contentType: string): Blob {
    this.ctx.counter.hit('Blob.setContentType');
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    this.ctx.counter.hit('Blob.getName');
    return this.name;
  }

  setName(name: string): Blob {
    this.ctx.counter.hit('Blob.setName');
    this.name = name;
    return this;
  }

  copyBlob(): Blob {
    this.ctx.counter.hit('Blob.copyBlob');
    return new Blob(this.ctx, Buffer.from(this.data), this.contentType, this.name);
  }

  isGoogleType(): boolean {
    this.ctx.counter.hit('Blob.isGoogleType');
    return false;
  }
}
