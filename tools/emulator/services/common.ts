/**
 * Small helpers shared by the emulated services: Apps Script-style exceptions, enum objects and
 * argument checks. Nothing here counts calls; each service method counts itself.
 */
import { english, exception } from '../messages';

/**
 * A service error as scripts see it: `e.name === 'Exception'`, message without a prefix, in the
 * language of the user running the script (messages.ts).
 */
export function serviceError(message: string): Error {
  return exception(message);
}

/** Name of a value's type as Apps Script prints it in signature errors. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  if (typeof value === 'function') return 'Function';
  return 'Object';
}

/** `The parameters (String,number) don't match the method signature for Utilities.formatDate.` */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return serviceError(english('signature', args.map(typeName).join(','), method));
}

/** True for a `Date` from any realm (the script runs in a `node:vm` context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * An Apps Script enum as a frozen object whose members are their own names
 * (`Button.OK === 'OK'`), so they compare, print and cross the vm boundary simply.
 */
export function makeEnum<const K extends string>(names: readonly K[]): Readonly<{ [P in K]: P }> {
  const out = {} as { [P in K]: P };
  for (const name of names) out[name] = name;
  return Object.freeze(out);
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
