// The award shortlist: every nomination of the year plus the proposals the rules make.
import { findAward, type AwardConfig, type Config } from './config';
import { evidenceText } from './evidence';
import type { UnitYearFigures } from './figures';
import { compareVi, normalizeName, sameName, slug } from './names';
import { ISSUE_AWARD_UNKNOWN, ISSUE_NO_ACHIEVEMENT } from './nominations';
import type { DistrictRow, Nomination, ShortlistEntry } from './types';

export interface ShortlistUnit {
  row: DistrictRow;
  figures: UnitYearFigures;
  nominations: Nomination[];
  /** False for a tab whose unit is not in Cấu hình. */
  known: boolean;
}

/** A shortlist entry with the strength used to order it (poor reduction; -∞ when none). */
interface Ranked {
  entry: ShortlistEntry;
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

function finish(
  config: Config,
  base: Omit<ShortlistEntry, 'authority' | 'eligible' | 'reason'>,
  problems: string[],
  positive: string,
  strength: number,
): Ranked {
  const award = findAward(config, base.award);
  const reasons = [...problems];
  if (!award && !reasons.includes(ISSUE_AWARD_UNKNOWN)) reasons.push(ISSUE_AWARD_UNKNOWN);
  const eligible = reasons.length === 0;
  let reason = eligible ? positive : `Không đủ điều kiện: ${reasons.join('; ')}.`;
  if (award && isAboveProvince(award)) reason = `${aboveProvinceNote(award)} ${reason}`;
  return {
    entry: {
      ...base,
      award: award ? award.name : base.award,
      authority: award?.authority ?? '',
      eligible,
      reason,
    },
    strength,
  };
}

function fromNomination(config: Config, year: number, u: ShortlistUnit, n: Nomination): Ranked {
  const problems = [...n.issues];
  if (!u.known)
    problems.push(`đơn vị "${u.row.name}" không có trong danh sách trên trang "Cấu hình"`);
  if (!n.achievement) problems.push(ISSUE_NO_ACHIEVEMENT);
  let positive = 'Đủ điều kiện xét theo thành tích đã nêu.';
  let evidence = n.achievement;
  let strength = -Infinity;
  if (n.type === 'Tập thể' && n.commune !== null) {
    const cf = u.figures.communes.find((c) => c.commune === normalizeName(n.commune as string));
    if (!cf) {
      problems.push(
        `${n.commune} chưa có số liệu hợp lệ năm ${year}, nên chưa xác định được kết quả thực hiện mục tiêu`,
      );
    } else {
      evidence = evidenceText({ ...cf, ...cf.result });
      strength = strengthOf(cf.result);
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
    config,
    { id: n.id, district: u.row.name, type: n.type, name: n.name, award: n.award, evidence },
    problems,
    positive,
    strength,
  );
}

function unitProposals(config: Config, year: number, units: ShortlistUnit[]): Ranked[] {
  const rules = config.shortlistRules;
  const attained = units
    .filter((u) => u.known && u.row.attained)
    .sort((a, b) => a.row.rank - b.row.rank || compareVi(a.row.name, b.row.name))
    .slice(0, Math.max(0, rules.unitTopN));
  const total = units.filter((u) => u.known).length;
  return attained.map((u) =>
    finish(
      config,
      {
        id: `DX-${year}-DV-${slug(u.row.name)}`,
        district: u.row.name,
        type: 'Tập thể',
        name: u.row.name,
        award: rules.unitAward,
        evidence: evidenceText(u.row),
      },
      [],
      `Đề xuất theo quy tắc: đạt mục tiêu năm ${year}, xếp hạng ${u.row.rank}/${total} toàn tỉnh (${rules.unitTopN} đơn vị dẫn đầu đạt mục tiêu).`,
      strengthOf(u.row),
    ),
  );
}

function communeProposals(config: Config, year: number, units: ShortlistUnit[]): Ranked[] {
  const list = units
    .filter((u) => u.known)
    .flatMap((u) => u.figures.communes.filter((c) => c.attained).map((c) => ({ u, c })))
    .sort(
      (a, b) =>
        strengthOf(b.c.result) - strengthOf(a.c.result) ||
        (b.c.result.combinedReduction ?? -Infinity) - (a.c.result.combinedReduction ?? -Infinity) ||
        compareVi(a.c.commune, b.c.commune) ||
        compareVi(a.u.row.name, b.u.row.name),
    );
  return list.map(({ u, c }, i) =>
    finish(
      config,
      {
        id: `DX-${year}-XA-${slug(u.row.name)}-${slug(c.commune)}`,
        district: u.row.name,
        type: 'Tập thể',
        name: c.commune,
        award: config.shortlistRules.communeAward,
        evidence: evidenceText({
          poorBaseline: c.poorBaseline,
          poor: c.poor,
          nearPoorBaseline: c.nearPoorBaseline,
          nearPoor: c.nearPoor,
          poorReduction: c.result.poorReduction,
          combinedReduction: c.result.combinedReduction,
        }),
      },
      [],
      `Đề xuất theo quy tắc: ${c.commune} đạt mục tiêu năm ${year} ở cấp xã${c.predecessors.length ? ` (đầu kỳ gồm cả ${c.predecessors.join(', ')} đã sáp nhập vào)` : ''}; thứ ${i + 1}/${list.length} theo mức giảm hộ nghèo.`,
      strengthOf(c.result),
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
  const ranked: Ranked[] = [
    ...unitProposals(config, year, units),
    ...communeProposals(config, year, units),
    ...units.flatMap((u) =>
      u.nominations
        .filter((n) => n.year === year || n.year === null)
        .map((n) => fromNomination(config, year, u, n)),
    ),
  ];
  // The award rank of each entry, looked up once (not on every comparison of the sort).
  const keyed = ranked.map((r) => ({
    entry: r.entry,
    strength: r.strength,
    awardRank: findAward(config, r.entry.award)?.rank ?? Infinity,
  }));
  const cmpNum = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  keyed.sort(
    (a, b) =>
      cmpNum(a.awardRank, b.awardRank) ||
      Number(b.entry.eligible) - Number(a.entry.eligible) ||
      cmpNum(b.strength, a.strength) ||
      compareVi(a.entry.name, b.entry.name) ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  return keyed.map((r) => r.entry);
}
