// One entry per subject per year (PRODUCT.md, "The award shortlist"): who an entry is about, the
// form kept when a subject is proposed several times, and the quota of a form.
import type { AwardClass, AwardConfig } from './config';
import type { Condition } from './eligibility';
import { compareVi, normalizeName } from './names';
import type { ShortlistStatus } from './types';

/** A name as subjects are matched: NFC, spaces collapsed, lower case. */
export const subjectName = (s: string): string => normalizeName(s).toLowerCase().normalize('NFC');

const SEP = '\u001f';
/** The unit itself. */
export const unitSubject = (unit: string): string => ['unit', subjectName(unit)].join(SEP);
/** A commune of a unit (any collective of that commune). */
export const communeSubject = (unit: string, commune: string): string =>
  ['commune', subjectName(unit), subjectName(commune)].join(SEP);
/** A person, household, enterprise or other collective, within its unit and type. */
export const namedSubject = (unit: string, type: string, name: string): string =>
  ['named', subjectName(unit), type, subjectName(name)].join(SEP);

/** What the settling needs of an entry. */
export interface Contender {
  id: string;
  name: string;
  subject: string;
  award: AwardConfig | undefined;
  unmet: Condition[];
  /** Larger is stronger (the poor reduction); -Infinity when the entry has no figures. */
  strength: number;
}

export interface Settled {
  status: ShortlistStatus;
  /** The quota condition, when the entry is beyond its form's quota. */
  quota: Condition | null;
  /** The kept entry when this one is a duplicate. */
  duplicateOf: Contender | null;
}

const OWN_STATUS: Record<AwardClass, ShortlistStatus> = {
  higher: 'to_higher_level',
  province: 'eligible',
  other: 'other_authority',
};

/** The status an entry has by itself: not eligible when a condition fails, else its form's class. */
export function ownStatus(c: Contender): ShortlistStatus {
  return c.unmet.length > 0 || !c.award ? 'not_eligible' : OWN_STATUS[c.award.class];
}

/** Stronger evidence first, then name, then id (the order of a quota). */
function byStrength(a: Contender, b: Contender): number {
  const s = a.strength === b.strength ? 0 : a.strength > b.strength ? -1 : 1;
  return s || compareVi(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Settles every entry: forms are taken highest first (those the province proposes or forwards
 * first, then those of other authorities); within a form, stronger evidence first. An entry whose
 * subject is already kept is a duplicate of the kept one; an entry beyond its form's quota is not
 * eligible (and its subject may still be kept at a lower form); the others are kept.
 */
export function settle(entries: readonly Contender[]): Settled[] {
  const out: Settled[] = entries.map(() => ({
    status: 'not_eligible',
    quota: null,
    duplicateOf: null,
  }));
  const kept = new Map<string, Contender>();
  const open = entries.map((e, i) => ({ e, i })).filter(({ e }) => ownStatus(e) !== 'not_eligible');
  const forms = [...new Set(open.map(({ e }) => e.award as AwardConfig))].sort(
    (a, b) => Number(a.class === 'other') - Number(b.class === 'other') || a.rank - b.rank,
  );
  for (const form of forms) {
    let count = 0;
    const candidates = open
      .filter(({ e }) => e.award === form)
      .sort((a, b) => byStrength(a.e, b.e));
    for (const { e, i } of candidates) {
      const keeper = kept.get(e.subject);
      if (keeper) out[i] = { status: 'duplicate', quota: null, duplicateOf: keeper };
      else if (form.quota !== null && count >= form.quota)
        out[i] = {
          status: 'not_eligible',
          quota: {
            code: 'quota',
            text: `vượt số lượng tối đa ${form.quota} đề nghị "${form.name}" mỗi năm trên trang "Cấu hình" (xếp theo mức giảm hộ nghèo, rồi theo tên)`,
          },
          duplicateOf: null,
        };
      else {
        count++;
        kept.set(e.subject, e);
        out[i] = { status: ownStatus(e), quota: null, duplicateOf: null };
      }
    }
  }
  return out;
}
