/**
 * Protection (SHEETS-FACTS §4). A new protection mirrors the file's permissions (editors = file
 * editors + its creator) until its editors or domain edit change; then only its editors (and
 * the owner, always) may edit the cells it covers. `''` (unknown user) is nobody's editor. A
 * file in a shared drive has no owner: its creator is an editor like any other.
 */
import type { Env } from './env';
import { MSG, signatureError, sheetsError } from './errors';
import type { ProtectionState, SpreadsheetModel } from './model';
import { makeRange, type FakeRange } from './range';
import { FakeUser, emailOf } from './user';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class FakeProtection {
  constructor(
    private readonly env: Env,
    private readonly ss: SpreadsheetModel,
    /** The protection's state (exporters read it; not an Apps Script member). */
    readonly state: ProtectionState,
  ) {}

  private can(): boolean {
    return this.ss.permits(this.state, this.env.ctx.user);
  }

  private requireEdit(): void {
    if (!this.can()) throw sheetsError(MSG.protectedCell);
  }

  /** Leaves "mirror the file" mode: the editor list becomes explicit. */
  private explicit(): Set<string> {
    const s = this.state;
    if (s.mirrorsFile) {
      s.editors = new Set([...this.env.ctx.fileEditors, s.creator].filter((e) => e !== ''));
      s.mirrorsFile = false;
    }
    return s.editors;
  }

  private editorEmails(): string[] {
    const s = this.state;
    const list = s.mirrorsFile ? [...this.env.ctx.fileEditors, s.creator] : [...s.editors];
    // The owner is never listed; a file in a shared drive has no owner.
    const owner = this.env.ctx.sharedDrive ? null : this.env.ctx.owner;
    return [...new Set(list)].filter((e) => e !== '' && e !== owner);
  }

  getEditors(): FakeUser[] {
    this.env.hit('Protection.getEditors');
    if (!this.can()) throw sheetsError(MSG.noPermission);
    return this.editorEmails().map((e) => new FakeUser(this.env, e));
  }

  addEditor(user: unknown): this {
    this.env.hit('Protection.addEditor');
    this.requireEdit();
    this.explicit().add(emailOf(this.env, user));
    return this;
  }

  addEditors(users: unknown): this {
    this.env.hit('Protection.addEditors');
    if (!Array.isArray(users)) throw signatureError('Protection', 'addEditors', [users]);
    this.requireEdit();
    const set = this.explicit();
    for (const u of users as unknown[]) set.add(emailOf(this.env, u));
    return this;
  }

  private dropEditors(emails: string[]): void {
    const set = this.explicit();
    const ctx = this.env.ctx;
    const keep = new Set(ctx.sharedDrive ? [ctx.user] : [ctx.owner, ctx.user]);
    for (const e of emails) if (!keep.has(e)) set.delete(e);
  }

  removeEditor(user: unknown): this {
    this.env.hit('Protection.removeEditor');
    this.requireEdit();
    this.dropEditors([emailOf(this.env, user)]);
    return this;
  }

  removeEditors(users: unknown): this {
    this.env.hit('Protection.removeEditors');
    if (!Array.isArray(users)) throw signatureError('Protection', 'removeEditors', [users]);
    this.requireEdit();
    this.dropEditors((users as unknown[]).map((u) => emailOf(this.env, u)));
    return this;
  }

  canEdit(): boolean {
    this.env.hit('Protection.canEdit');
    return this.can();
  }

  canDomainEdit(): boolean {
    this.env.hit('Protection.canDomainEdit');
    if (!this.can()) throw sheetsError(MSG.noPermission);
    return this.state.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.env.hit('Protection.setDomainEdit');
    this.requireEdit();
    if (!this.env.ctx.sharedDrive && this.env.ctx.owner.toLowerCase().endsWith('@gmail.com'))
      throw sheetsError(MSG.domainEditConsumer);
    if (editable !== this.state.domainEdit) {
      this.explicit();
      this.state.domainEdit = editable;
    }
    return this;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.env.hit('Protection.setWarningOnly');
    this.requireEdit();
    this.state.warningOnly = warningOnly;
    return this;
  }

  isWarningOnly(): boolean {
    this.env.hit('Protection.isWarningOnly');
    return this.state.warningOnly;
  }

  setDescription(description: string): this {
    this.env.hit('Protection.setDescription');
    this.requireEdit();
    this.state.description = String(description);
    return this;
  }

  getDescription(): string {
    this.env.hit('Protection.getDescription');
    return this.state.description;
  }

  getRange(): FakeRange {
    this.env.hit('Protection.getRange');
    const s = this.state;
    return makeRange(s.sheet, s.type === 'SHEET' ? s.sheet.whole() : s.rect);
  }

  setRange(range: FakeRange): this {
    this.env.hit('Protection.setRange');
    this.requireEdit();
    if (this.state.type !== 'RANGE') throw sheetsError(MSG.unprotectedOnRange);
    this.state.sheet = range.model;
    this.state.rect = { ...range.rect };
    return this;
  }

  getRangeName(): string | null {
    this.env.hit('Protection.getRangeName');
    return this.state.rangeName;
  }

  setRangeName(name: string): this {
    this.env.hit('Protection.setRangeName');
    const named = this.ss.namedRanges.find((n) => n.name === name);
    if (!named) throw sheetsError(MSG.namedRangeMissing(name));
    this.requireEdit();
    this.state.rangeName = name;
    this.state.sheet = named.sheet;
    this.state.rect = { ...named.rect };
    return this;
  }

  getProtectionType(): 'RANGE' | 'SHEET' {
    this.env.hit('Protection.getProtectionType');
    return this.state.type;
  }

  setUnprotectedRanges(ranges: unknown): this {
    this.env.hit('Protection.setUnprotectedRanges');
    if (!Array.isArray(ranges))
      throw signatureError('Protection', 'setUnprotectedRanges', [ranges]);
    if (this.state.type !== 'SHEET') throw sheetsError(MSG.unprotectedOnRange);
    this.requireEdit();
    const list = ranges as FakeRange[];
    if (list.some((r) => r.model !== this.state.sheet))
      throw sheetsError(MSG.unprotectedOtherSheet);
    this.state.unprotected = list.map((r) => ({ sheet: r.model, rect: { ...r.rect } }));
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.env.hit('Protection.getUnprotectedRanges');
    if (this.state.type !== 'SHEET') return [];
    return this.state.unprotected.map((u) => makeRange(u.sheet, u.rect));
  }

  remove(): void {
    this.env.hit('Protection.remove');
    this.requireEdit();
    const i = this.ss.protections.indexOf(this.state);
    if (i >= 0) this.ss.protections.splice(i, 1);
  }
}

const wrappers = new WeakMap<ProtectionState, FakeProtection>();

/** The one public object of a protection state. */
export function protectionApi(ss: SpreadsheetModel, state: ProtectionState): FakeProtection {
  let p = wrappers.get(state);
  if (!p) {
    p = new FakeProtection(ss.env, ss, state);
    wrappers.set(state, p);
  }
  return p;
}
