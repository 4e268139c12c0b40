/**
 * PropertiesService (reference: developers.google.com/apps-script/reference/properties/*; quotas:
 * /guides/services/quotas — 9 KB per value, 500 KB per store). Stores live as long as the
 * emulator; the user store is chosen by `ctx.user` when `getUserProperties()` is called.
 */
import type { EmulatorContext } from '../context';
import { english } from '../messages';
import { serviceError, signatureError, utf8Bytes } from './common';

export const PROPERTY_QUOTA = english('propertyQuota');
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

/** The stores themselves, for tests (`emu.properties.document.get('x')`). */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  user(email: string): Map<string, string> {
    let store = this.users.get(email);
    if (!store) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }
}

function storeBytes(store: ReadonlyMap<string, string>): number {
  let total = 0;
  for (const [key, value] of store) total += utf8Bytes(key) + utf8Bytes(value);
  return total;
}

/** Apps Script converts values to strings (`String(value)`), keys likewise. */
function asString(value: unknown): string {
  return String(value);
}

export class Properties {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.ctx.counter.hit('Properties.getProperty');
    if (key === undefined) throw signatureError('Properties.getProperty', []);
    return this.store.get(asString(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this.ctx.counter.hit('Properties.setProperty');
    if (key === undefined || value === undefined)
      throw signatureError('Properties.setProperty', [key, value]);
    this.write([[asString(key), asString(value)]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.ctx.counter.hit('Properties.setProperties');
    if (
      properties === null ||
      typeof properties !== 'object' ||
      typeof deleteAllOthers !== 'boolean'
    ) {
      throw signatureError('Properties.setProperties', [properties, deleteAllOthers]);
    }
    const entries = Object.keys(properties).map((k): [string, string] => [
      k,
      asString(properties[k]),
    ]);
    this.write(entries, deleteAllOthers);
    return this;
  }

  getProperties(): Record<string, string> {
    this.ctx.counter.hit('Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.ctx.counter.hit('Properties.getKeys');
    return [...this.store.keys()];
  }

  deleteProperty(key: string): Properties {
    this.ctx.counter.hit('Properties.deleteProperty');
    this.store.delete(asString(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.ctx.counter.hit('Properties.deleteAllProperties');
    this.store.clear();
    return this;
  }

  /** Check the quotas on the store as it would be, then write (all or nothing). */
  private write(entries: [string, string][], deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of entries) {
      if (utf8Bytes(key) + utf8Bytes(value) > MAX_VALUE_BYTES) throw serviceError(PROPERTY_QUOTA);
      next.set(key, value);
    }
    if (storeBytes(next) > MAX_STORE_BYTES) throw serviceError(PROPERTY_QUOTA);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

export class PropertiesService {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly stores: PropertyStores,
  ) {}

  /** null where there is no document (an add-on's time-driven trigger; SHEETS-FACTS §7). */
  getDocumentProperties(): Properties | null {
    this.ctx.counter.hit('PropertiesService.getDocumentProperties');
    if (!this.ctx.auth.documentContext) return null;
    return new Properties(this.ctx, this.stores.document);
  }

  getScriptProperties(): Properties {
    this.ctx.counter.hit('PropertiesService.getScriptProperties');
    return new Properties(this.ctx, this.stores.script);
  }

  getUserProperties(): Properties {
    this.ctx.counter.hit('PropertiesService.getUserProperties');
    return new Properties(this.ctx, this.stores.user(this.ctx.user));
  }
}
