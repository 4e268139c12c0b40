// The award shortlist of a year (PRODUCT.md, "The award shortlist"): every nomination plus the
// proposals the rules make (src/core/proposals.ts), settled one entry per subject
// (src/core/subjects.ts), each with its status, the conditions it fails and why, in Vietnamese.
import type { AwardClass, Config } from './config';
import type { Condition } from './eligibility';
import { compareVi } from './names';
import { candidatesOf, type Candidate, type ShortlistUnit } from './proposals';
import { settle, type Settled } from './subjects';
import { countsForProvince, UNMET_CODES, type ShortlistEntry, type ShortlistStatus } from './types';

export type { ShortlistUnit };

/** An entry the province proposes or forwards, as the annex "Danh sách đề nghị khen thưởng" lists it. */
export interface AnnexItem {
  id: string;
  award: string;
  authority: string;
  awardClass: AwardClass;
  name: string;
  /** "Chức vụ, đơn vị": the commune or organisation and the unit. */
  position: string;
  /** "Tóm tắt thành tích". */
  achievement: string;
}

export interface Proposals {
  shortlist: ShortlistEntry[];
  /** The `eligible` and `to_higher_level` entries, in the shortlist's order. */
  annex: AnnexItem[];
}

const STATUS_ORDER: Record<ShortlistStatus, number> = {
  eligible: 0,
  to_higher_level: 0,
  other_authority: 0,
  not_eligible: 1,
  duplicate: 2,
};

function merged(c: Candidate): string {
  return c.mergedRule
    ? ` Đã gộp đề xuất theo quy tắc ${c.mergedRule} (cùng đối tượng, cùng hình thức).`
    : '';
}

/**
 * Why an entry has its status, in Vietnamese. `province`: the province level's noun ("tỉnh",
 * "thành phố"), as Cấu hình words it.
 */
function reasonOf(c: Candidate, s: Settled, unmet: Condition[], province: string): string {
  const award = c.award;
  switch (s.status) {
    case 'not_eligible':
      return `Không đủ điều kiện: ${unmet.map((u) => u.text).join('; ')}.${merged(c)}`;
    case 'duplicate': {
      const keeper = s.duplicateOf as Candidate;
      return `Trùng đối tượng với đề xuất ${keeper.id} (${keeper.awardName}): mỗi đối tượng chỉ được đề nghị một hình thức khen thưởng trong năm, giữ hình thức cao nhất đủ điều kiện; đề xuất này không được tính.${merged(c)}`;
    }
    case 'to_higher_level': {
      const prior = award?.priorAwards || 'theo quy định của pháp luật về thi đua, khen thưởng';
      return `Trình cấp trên xét: hình thức này do ${award?.authority} quyết định, ${province} chỉ trình. Khen thưởng thường phải có trước (cán bộ kiểm tra hồ sơ và đánh dấu ở cột "Khen thưởng đã có"): ${prior}. ${c.met}${merged(c)}`;
    }
    case 'other_authority':
      return `Thuộc thẩm quyền của ${award?.authority}, không phải của ${province}: chuyển đơn vị xét theo thẩm quyền; không tính vào đề xuất của ${province}. ${c.met}${merged(c)}`;
    default:
      return `Đủ điều kiện, thuộc thẩm quyền của ${province}. ${c.met}${merged(c)}`;
  }
}

function entryOf(c: Candidate, s: Settled, province: string): ShortlistEntry {
  const unmet = s.status === 'not_eligible' ? [...c.unmet, ...(s.quota ? [s.quota] : [])] : [];
  const codes = UNMET_CODES.filter((code) => unmet.some((u) => u.code === code));
  return {
    id: c.id,
    district: c.district,
    type: c.type,
    name: c.name,
    award: c.awardName,
    authority: c.award?.authority ?? '',
    status: s.status,
    eligible: s.status === 'eligible',
    unmet: codes,
    duplicateOf: s.duplicateOf?.id ?? null,
    reason: reasonOf(c, s, unmet, province),
    evidence: c.evidence,
  };
}

interface Row {
  c: Candidate;
  entry: ShortlistEntry;
}

const cmp = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);

/** Award rank (highest first, unknown last), counted before not eligible before duplicates, stronger, name, id. */
function order(a: Row, b: Row): number {
  return (
    cmp(a.c.award?.rank ?? Infinity, b.c.award?.rank ?? Infinity) ||
    cmp(STATUS_ORDER[a.entry.status], STATUS_ORDER[b.entry.status]) ||
    cmp(b.c.strength, a.c.strength) ||
    compareVi(a.entry.name, b.entry.name) ||
    (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)
  );
}

/** The shortlist of a year and the annex's entries. */
export function buildProposals(config: Config, year: number, units: ShortlistUnit[]): Proposals {
  const candidates = candidatesOf(config, year, units);
  const settled = settle(candidates);
  const rows = candidates
    .map((c, i): Row => ({ c, entry: entryOf(c, settled[i], config.words.provinceNoun) }))
    .sort(order);
  const annex = rows
    .filter(({ entry }) => countsForProvince(entry))
    .map(({ c, entry }) => ({
      id: entry.id,
      award: entry.award,
      authority: entry.authority,
      awardClass: (c.award?.class ?? 'province') as AwardClass,
      name: entry.name,
      position: c.position,
      achievement: c.achievement,
    }));
  return { shortlist: rows.map((r) => r.entry), annex };
}

/** The shortlist of a year (see buildProposals). */
export function buildShortlist(
  config: Config,
  year: number,
  units: ShortlistUnit[],
): ShortlistEntry[] {
  return buildProposals(config, year, units).shortlist;
}
