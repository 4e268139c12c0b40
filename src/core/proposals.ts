// The entries of a year's shortlist before they are settled: the proposals the rules make
// (units and communes that attained the target) and every nomination, each with its subject and
// what it meets or fails. A rule proposal and a nomination of the same subject for the same form
// are one entry: the nomination, with the rule's evidence.
import { adminWords, upperFirst } from './reportWords';
import { findAward, NOMINATION_TYPES, rowNoun, type Config } from './config';
import {
  communeFindings,
  formConditions,
  unitFindings,
  type Condition,
  type Findings,
  type UnitStanding,
} from './eligibility';
import { evidenceText } from './evidence';
import type { CommuneFigures } from './figures';
import { compareVi, normalizeName, slug } from './names';
import { ISSUE_NO_ACHIEVEMENT } from './nominations';
import { communeSubject, namedSubject, subjectName, unitSubject, type Contender } from './subjects';
import type { Nomination } from './types';

export interface ShortlistUnit extends UnitStanding {
  /** The communes that reported the year. */
  communes: CommuneFigures[];
  /** Every commune of the unit on Cấu hình (normalised). */
  allCommunes?: readonly string[];
  nominations: Nomination[];
}

export interface Candidate extends Contender {
  district: string;
  type: string;
  /** The configured form's name, or the name as asked when it is not in the catalogue. */
  awardName: string;
  /** What was met (a sentence; '' when nothing to say). */
  met: string;
  evidence: string;
  /** The annex's "summary of achievements" and "position or unit". */
  achievement: string;
  position: string;
  /** The rule proposal merged into this nomination, if any. */
  mergedRule: string | null;
  fromRule: boolean;
}

const strengthOf = (r: { poorReduction: number | null; combinedReduction: number | null }) =>
  r.poorReduction ?? r.combinedReduction ?? -Infinity;

/** Unique failing conditions: one per text (several texts may share a code). */
export function distinct(conditions: Condition[]): Condition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => !seen.has(c.text) && seen.add(c.text) !== undefined);
}

/** The proposal the rule makes for a unit that attained the target. */
function unitRule(config: Config, year: number, u: ShortlistUnit, f: Findings): Candidate | null {
  if (!u.row.attained) return null;
  const asked = config.shortlistRules.unitAward;
  const award = findAward(config, asked);
  return {
    id: `DX-${year}-DV-${slug(u.row.name)}`,
    district: u.row.name,
    type: 'Tập thể',
    name: u.row.name,
    subject: unitSubject(u.row.name),
    award,
    awardName: award?.name ?? asked,
    unmet: distinct([...f.unmet, ...formConditions(award, asked, 'Tập thể')]),
    met: `Đề xuất theo quy tắc (đơn vị đạt mục tiêu năm ${year}). ${f.met}`,
    evidence: evidenceText(u.row),
    strength: strengthOf(u.row),
    achievement: f.summary,
    position: upperFirst(adminWords(config).province),
    mergedRule: null,
    fromRule: true,
  };
}

/** One proposal per attained commune, numbered by poor reduction, then combined reduction. */
function communeRules(config: Config, year: number, units: ShortlistUnit[]): Candidate[] {
  const attained = units.flatMap((u) =>
    u.communes.filter((c) => c.attained).map((c) => ({ unit: u.row.name, c })),
  );
  attained.sort(
    (a, b) =>
      strengthOf(b.c) - strengthOf(a.c) ||
      (b.c.combinedReduction ?? -Infinity) - (a.c.combinedReduction ?? -Infinity) ||
      compareVi(a.c.commune, b.c.commune) ||
      compareVi(a.unit, b.unit),
  );
  const asked = config.shortlistRules.communeAward;
  const award = findAward(config, asked);
  return attained.map(({ unit, c }, i) => {
    const f = communeFindings(year, c.commune, c, rowNoun(config.words));
    return {
      id: `DX-${year}-XA-${slug(unit)}-${slug(c.commune)}`,
      district: unit,
      type: 'Tập thể',
      name: c.commune,
      subject: communeSubject(unit, c.commune),
      award,
      awardName: award?.name ?? asked,
      unmet: formConditions(award, asked, 'Tập thể'),
      met: `Đề xuất theo quy tắc (${rowNoun(config.words)} đạt mục tiêu; thứ ${i + 1}/${attained.length} theo mức giảm hộ nghèo). ${f.met}`,
      evidence: evidenceText(c),
      strength: strengthOf(c),
      achievement: f.summary,
      position: unit,
      mergedRule: null,
      fromRule: true,
    };
  });
}

/** The commune a collective belongs to: its `commune`, or a commune of the unit named as it is. */
function communeOf(u: ShortlistUnit, n: Nomination): string | null {
  if (n.type !== 'Tập thể') return null;
  if (n.commune !== null) return n.commune;
  const named = (u.allCommunes ?? u.communes.map((c) => c.commune)).find(
    (c) => subjectName(c) === subjectName(n.name),
  );
  return named ?? null;
}

/** A nomination's subject, what it meets or fails, and its evidence. */
function nominationSubject(
  config: Config,
  year: number,
  u: ShortlistUnit,
  n: Nomination,
  unitF: Findings,
): {
  subject: string;
  findings: Findings;
  evidence: string;
  strength: number;
  position: string;
  /** The subject's result is in figures (a unit or a commune). */
  figured: boolean;
} {
  const commune = communeOf(u, n);
  const place = [n.commune ?? '', u.row.name].filter((p) => p !== '').join(', ');
  if (commune !== null) {
    const cf = u.communes.find((c) => c.commune === normalizeName(commune));
    return {
      subject: communeSubject(u.row.name, commune),
      findings: communeFindings(year, commune, cf, rowNoun(config.words)),
      evidence: cf ? evidenceText(cf) : n.achievement,
      strength: cf ? strengthOf(cf) : -Infinity,
      position: u.row.name,
      figured: true,
    };
  }
  if (n.type === 'Tập thể' && subjectName(n.name) === subjectName(u.row.name))
    return {
      subject: unitSubject(u.row.name),
      findings: unitF,
      evidence:
        u.row.kind === 'agency'
          ? 'Cơ quan, tổ chức: không có số liệu giảm nghèo; xét theo tiêu chí thi đua và báo cáo năm.'
          : evidenceText(u.row, u.row.provisional),
      strength: strengthOf(u.row),
      position: upperFirst(adminWords(config).province),
      figured: true,
    };
  return {
    subject: namedSubject(u.row.name, n.type, n.name),
    findings: { unmet: [], met: 'Xét theo thành tích đã nêu trong đề nghị.', summary: '' },
    evidence: n.achievement,
    strength: -Infinity,
    position: place,
    figured: false,
  };
}

function fromNomination(
  config: Config,
  year: number,
  u: ShortlistUnit,
  n: Nomination,
  unitF: Findings,
): Candidate {
  const s = nominationSubject(config, year, u, n, unitF);
  const award = findAward(config, n.award);
  const own: Condition[] = n.issues.map((i) => ({ code: i.code, text: i.text }));
  if (!n.achievement) own.push({ code: 'achievement', text: ISSUE_NO_ACHIEVEMENT });
  // An unknown award or an invalid type is already among the nomination's issues (nominations.ts):
  // the form is checked here only for a known award and a valid type.
  const validType = (NOMINATION_TYPES as readonly string[]).includes(n.type);
  const form = award && validType ? formConditions(award, n.award, n.type) : [];
  const result = s.figured && s.findings.summary ? ` ${s.findings.summary}` : '';
  return {
    id: n.id,
    district: u.row.name,
    type: n.type,
    name: n.name,
    subject: s.subject,
    award,
    awardName: award?.name ?? n.award,
    unmet: distinct([...own, ...s.findings.unmet, ...form]),
    met: s.findings.met,
    evidence: s.evidence,
    strength: s.strength,
    achievement: `${n.achievement}${result}`.trim(),
    position: s.position,
    mergedRule: null,
    fromRule: false,
  };
}

/**
 * A rule proposal and a nomination of the same subject for the same form are one entry: the
 * nomination (its id and text), with the rule's evidence added; the rule's summary stands for a
 * missing summary of achievements.
 */
function mergeRules(candidates: Candidate[]): Candidate[] {
  const rules = candidates.filter((c) => c.fromRule);
  const merged = new Set<Candidate>();
  const out = candidates.filter((c) => !c.fromRule);
  for (const rule of rules) {
    const into = out
      .filter((c) => c.subject === rule.subject && c.awardName === rule.awardName && !c.mergedRule)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
    if (!into) continue;
    merged.add(rule);
    into.mergedRule = rule.id;
    if (!into.evidence.includes(rule.evidence))
      into.evidence = [into.evidence, rule.evidence].filter((e) => e !== '').join('; ');
    if (into.unmet.some((c) => c.text === ISSUE_NO_ACHIEVEMENT)) {
      into.unmet = into.unmet.filter((c) => c.text !== ISSUE_NO_ACHIEVEMENT);
      into.achievement = rule.achievement;
    }
  }
  return [...rules.filter((r) => !merged.has(r)), ...out];
}

/** Every entry of the year: the rule proposals, then the nominations of the year (or of no valid year). */
export function candidatesOf(config: Config, year: number, units: ShortlistUnit[]): Candidate[] {
  const unitF = units.map((u) => unitFindings(config, year, u));
  const rules = [
    ...units.flatMap((u, i) => unitRule(config, year, u, unitF[i]) ?? []),
    ...communeRules(config, year, units),
  ];
  const nominated = units.flatMap((u, i) =>
    u.nominations
      .filter((n) => n.year === year || n.year === null)
      .map((n) => fromNomination(config, year, u, n, unitF[i])),
  );
  return mergeRules([...rules, ...nominated]);
}
