// The award shortlist: every nomination of the year plus the proposals the rules make.
import { findAward, type AwardConfig, type Config } from './config';
import { evidenceText } from './evidence';
import type { CommuneFigures } from './figures';
import { compareVi, normalizeName, sameName, slug } from './names';
import { ISSUE_AWARD_UNKNOWN, ISSUE_NO_ACHIEVEMENT } from './nominations';
import type { DistrictRow, Nomination, ShortlistEntry } from './types';

export interface ShortlistUnit {
  row: DistrictRow;
  /** The communes that reported the year. */
  communes: CommuneFigures[];
  nominations: Nomination[];
}

/**
 * A shortlist entry with what orders it: the rank of its award (unknown award last) and its
 * strength (poor reduction; -∞ when none).
 */
interface Ranked {
  entry: ShortlistEntry;
  awardRank: number;
  strength: number;
}

/** Award forms granted above the province: the province only forwards them. */
export function isAboveProvince(award: AwardConfig | undefined): boolean {
  return award !== undefined && (award.level === 'nation' || award.level === 'government');
}

function aboveProvinceNote(award: AwardConfig): string {
  return `Hình thức khen thưởng vượt thẩm quyền của tỉnh: đề nghị cấp trên xét (${award.authority} quyết định); các hình thức khen thưởng đã có mà hình thức này thường yêu cầu trước đó để cán bộ Ban Thi đua - Khen thưởng kiểm tra.`;
}

function strengthOf(r: { poorReduction: number | null; combinedReduction: number | null }): number {
  return r.poorReduction ?? r.combinedReduction ?? -Infinity;
}

/** What the award an entry asks for gives it, looked up once per award name. */
interface AwardTerms {
  award: AwardConfig | undefined;
  /** The configured name, or the name as asked when the award is unknown. */
  name: string;
  authority: string;
  /** Its rank (unknown awards last). */
  rank: number;
  /** The "above the province" note that opens the reason ('' or ending with a space). */
  note: string;
}

function awardTerms(config: Config, asked: string): AwardTerms {
  const award = findAward(config, asked);
  return {
    award,
    name: award ? award.name : asked,
    authority: award?.authority ?? '',
    rank: award?.rank ?? Infinity,
    note: award && isAboveProvince(award) ? `${aboveProvinceNote(award)} ` : '',
  };
}

function finish(
  terms: AwardTerms,
  base: Pick<ShortlistEntry, 'id' | 'district' | 'type' | 'name' | 'evidence'>,
  problems: string[],
  positive: string,
  strength: number,
): Ranked {
  const reasons =
    terms.award || problems.includes(ISSUE_AWARD_UNKNOWN)
      ? problems
      : [...problems, ISSUE_AWARD_UNKNOWN];
  const eligible = reasons.length === 0;
  return {
    entry: {
      id: base.id,
      district: base.district,
      type: base.type,
      name: base.name,
      award: terms.name,
      evidence: base.evidence,
      authority: terms.authority,
      eligible,
      reason: terms.note + (eligible ? positive : `Không đủ điều kiện: ${reasons.join('; ')}.`),
    },
    awardRank: terms.rank,
    strength,
  };
}

function fromNomination(config: Config, year: number, u: ShortlistUnit, n: Nomination): Ranked {
  const problems = [...n.issues];
  if (!n.achievement) problems.push(ISSUE_NO_ACHIEVEMENT);
  let positive = 'Đủ điều kiện xét theo thành tích đã nêu.';
  let evidence = n.achievement;
  let strength = -Infinity;
  if (n.type === 'Tập thể' && n.commune !== null) {
    const cf = u.communes.find((c) => c.commune === normalizeName(n.commune as string));
    if (!cf) {
      problems.push(
        `${n.commune} chưa có số liệu hợp lệ năm ${year}, nên chưa xác định được kết quả thực hiện mục tiêu`,
      );
    } else {
      evidence = evidenceText(cf);
      strength = strengthOf(cf);
      if (!cf.baselineComplete) problems.push(`${n.commune} thiếu số liệu đầu kỳ hợp lệ`);
      else if (!cf.attained)
        problems.push(`${n.commune} chưa đạt mục tiêu năm ${year}: ${evidence}`);
      else positive = `${n.commune} đạt mục tiêu năm ${year}: ${evidence}.`;
    }
  } else if (n.type === 'Tập thể' && sameName(n.name, u.row.name)) {
    const r = u.row;
    evidence = evidenceText(r, r.provisional);
    strength = strengthOf(r);
    if (r.provisional)
      problems.push(
        `số liệu năm ${year} của ${r.name} đang tạm tính (chưa đủ ${r.communes} xã có số liệu hợp lệ hoặc còn lỗi), nên chưa xét được`,
      );
    else if (!r.attained) problems.push(`${r.name} chưa đạt mục tiêu năm ${year}: ${evidence}`);
    else positive = `${r.name} đạt mục tiêu năm ${year}: ${evidence}.`;
  }
  return finish(
    awardTerms(config, n.award),
    { id: n.id, district: u.row.name, type: n.type, name: n.name, evidence },
    problems,
    positive,
    strength,
  );
}

function unitProposals(config: Config, year: number, units: ShortlistUnit[]): Ranked[] {
  const rules = config.shortlistRules;
  const attained = units
    .filter((u) => u.row.attained)
    .sort((a, b) => a.row.rank - b.row.rank || compareVi(a.row.name, b.row.name))
    .slice(0, Math.max(0, rules.unitTopN));
  const total = units.length;
  const terms = awardTerms(config, rules.unitAward);
  return attained.map((u) =>
    finish(
      terms,
      {
        id: `DX-${year}-DV-${slug(u.row.name)}`,
        district: u.row.name,
        type: 'Tập thể',
        name: u.row.name,
        evidence: evidenceText(u.row),
      },
      [],
      `Đề xuất theo quy tắc: đạt mục tiêu năm ${year}, xếp hạng ${u.row.rank}/${total} toàn tỉnh (${rules.unitTopN} đơn vị dẫn đầu đạt mục tiêu).`,
      strengthOf(u.row),
    ),
  );
}

/**
 * One proposal per attained commune, numbered by strength: poor reduction, then combined
 * reduction (larger first), then the commune's and the unit's names.
 */
function communeProposals(config: Config, year: number, units: ShortlistUnit[]): Ranked[] {
  const attained = units.flatMap((u) => {
    const unitSlug = slug(u.row.name);
    return u.communes.filter((c) => c.attained).map((c) => ({ unit: u.row.name, unitSlug, c }));
  });
  attained.sort(
    (a, b) =>
      strengthOf(b.c) - strengthOf(a.c) ||
      (b.c.combinedReduction ?? -Infinity) - (a.c.combinedReduction ?? -Infinity) ||
      compareVi(a.c.commune, b.c.commune) ||
      compareVi(a.unit, b.unit),
  );
  const terms = awardTerms(config, config.shortlistRules.communeAward);
  return attained.map(({ unit, unitSlug, c }, i) =>
    finish(
      terms,
      {
        id: `DX-${year}-XA-${unitSlug}-${slug(c.commune)}`,
        district: unit,
        type: 'Tập thể',
        name: c.commune,
        evidence: evidenceText(c),
      },
      [],
      `Đề xuất theo quy tắc: ${c.commune} đạt mục tiêu năm ${year} ở cấp xã${c.predecessors.length ? ` (đầu kỳ gồm cả ${c.predecessors.join(', ')} đã sáp nhập vào)` : ''}; thứ ${i + 1}/${attained.length} theo mức giảm hộ nghèo.`,
      strengthOf(c),
    ),
  );
}

/**
 * Builds the shortlist of a year. Order: award rank (highest first, unknown award last), then
 * eligible first, then stronger evidence (larger poor reduction) first, then name, then id.
 */
export function buildShortlist(
  config: Config,
  year: number,
  units: ShortlistUnit[],
): ShortlistEntry[] {
  const nominated = units.flatMap((u) =>
    u.nominations
      .filter((n) => n.year === year || n.year === null)
      .map((n) => fromNomination(config, year, u, n)),
  );
  const all = [
    ...unitProposals(config, year, units),
    ...communeProposals(config, year, units),
    ...nominated,
  ];
  return all.sort(shortlistOrder).map((r) => r.entry);
}

function cmpNum(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Award rank (highest first, unknown last), eligible first, stronger first, name, id. */
function shortlistOrder(a: Ranked, b: Ranked): number {
  return (
    cmpNum(a.awardRank, b.awardRank) ||
    Number(b.entry.eligible) - Number(a.entry.eligible) ||
    cmpNum(b.strength, a.strength) ||
    compareVi(a.entry.name, b.entry.name) ||
    (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)
  );
}
