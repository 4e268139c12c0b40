// The configuration (tab "Cấu hình"): schema and a parser that returns problems in Vietnamese
// instead of throwing. The defaults are in ./defaultConfig.ts.
import * as z from 'zod/mini';
import { DEFAULT_REMINDER_DAYS } from './defaultConfig';
import { DEFAULT_REPORT, DEFAULT_WORDS } from './defaultWords';
import { normalizeName, sameName } from './names';
import { NOMINATION_TYPES, type Problem } from './types';

export const CONFIG_SHEET = 'Cấu hình';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));
const year = () => z.number().check(z.int(), z.gte(1900), z.lte(2200));
const count = () => z.number().check(z.gte(0));
const fraction = () => z.number().check(z.gt(0), z.lte(1));

/**
 * Who decides an award form, as the shortlist sees it: `higher` forms are granted above the
 * province (it only forwards them), `province` forms by the province, `other` forms by another
 * authority (district chairmen's Giấy khen): listed apart, not counted in the province's proposals.
 */
export const AWARD_CLASSES = ['higher', 'province', 'other'] as const;
export type AwardClass = (typeof AWARD_CLASSES)[number];

export { NOMINATION_TYPES };

const lineSchema = z.object({ rural: count(), urban: count() });
/** A line the decree may not give: null (blank on Cấu hình) where it gives none. */
const optionalLineSchema = z.object({ rural: z.nullable(count()), urban: z.nullable(count()) });

/**
 * What a unit is: `area`, a district or a commune whose rows are its sub-areas (communes or
 * villages), or `agency`, a department or organisation with no area rows (plan V.4): criteria,
 * nominations and submissions, never figures.
 */
const UNIT_KINDS = ['area', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const unitSchema = z.object({
  name: nonEmpty(),
  tab: nonEmpty(),
  editors: z.array(z.string()),
  /** The rows: communes of a district, villages of a commune; none for an agency. */
  communes: z._default(z.array(nonEmpty()), () => []),
  /** Left out: 'area'. */
  kind: z.optional(z.enum(UNIT_KINDS)),
  /**
   * false: listed (the default configuration's agencies) but not taking part. The one truth of
   * taking part: left out, true in `units` and false in `inactiveUnits`.
   */
  active: z.optional(z.boolean()),
});

/**
 * Every administrative word the summary, the yearly report and the reviews write (defaults:
 * Hải Dương 2021-2025, ./defaultWords.ts). A key left out takes its default.
 */
const wordsSchema = z.object({
  /** "Ủy ban nhân dân tỉnh Hải Dương": the report's issuing body. */
  issuingBody: nonEmpty(),
  /** "tỉnh" / "thành phố": the province level's noun, as written inside sentences. */
  provinceNoun: nonEmpty(),
  /** "Hải Dương": the place in the date line. */
  place: nonEmpty(),
  /** "huyện" / "xã": the noun of the units' level ("cấp huyện"). */
  unitLevel: nonEmpty(),
  /** "xã, phường, thị trấn" / "thôn, tổ dân phố": the noun of the rows' level. */
  rowLevel: nonEmpty(),
  /** "Toàn tỉnh" / "Toàn thành phố": the label of the province row. */
  provinceRow: nonEmpty(),
  /** The department that consolidates the movement (plan V.4). */
  emulationDepartment: nonEmpty(),
  /** The department in charge of poverty reduction ("Sở Nội vụ" after the 2025 reform). */
  povertyDepartment: nonEmpty(),
});

/** The yearly report's signer and recipients (Decree 30/2020/NĐ-CP). */
const reportSchema = z.object({
  /** "CHỦ TỊCH", or "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" on two lines. */
  signerTitle: nonEmpty(),
  /** Blank: left for the clerk. */
  signerName: z.string(),
  /** "Nơi nhận:"; the first is the one the report is addressed to. */
  recipients: z.array(nonEmpty()).check(z.minLength(1)),
  /** After "Lưu: VT," (blank: "Lưu: VT."). */
  draftingUnit: z.string(),
});

export const configSchema = z.object({
  province: nonEmpty(),
  planNumber: nonEmpty(),
  planDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  movementName: nonEmpty(),
  baselineYear: year(),
  years: z.array(year()).check(z.minLength(1)),
  midTermYear: year(),
  finalYear: year(),
  targets: z.object({ poorReduction: fraction(), combinedReduction: fraction() }),
  deadline: z.object({
    day: z.number().check(z.int(), z.gte(1), z.lte(31)),
    month: z.number().check(z.int(), z.gte(1), z.lte(12)),
    timeZone: nonEmpty(),
    utcOffsetMinutes: z.number().check(z.int(), z.gte(-720), z.lte(840)),
  }),
  /**
   * The days reminders go out, in days before the deadline (14: two weeks before; -1: the day
   * after the deadline day). A Cấu hình of an earlier release has no row: the default applies.
   */
  reminderDays: z._default(z.array(z.number().check(z.int(), z.gte(-31), z.lte(60))), () => [
    ...DEFAULT_REMINDER_DAYS,
  ]),
  /** The spreadsheet's locale, which setup sets (formulas are written to parse in any locale). */
  locale: z._default(z.string().check(z.regex(/^[a-z]{2,3}(_[A-Z]{2})?$/)), 'vi_VN'),
  units: z.array(unitSchema).check(z.minLength(1)),
  /**
   * Units not taking part (`active: false`): parseConfig sorts every unit into `units` or here by
   * its `active` alone, so that every reader of `units` sees only the units taking part.
   */
  inactiveUnits: z._default(z.array(unitSchema), () => []),
  analysts: z.array(z.string()),
  awards: z
    .array(
      z.object({
        name: nonEmpty(),
        authority: nonEmpty(),
        rank: z.number().check(z.int(), z.gte(1)),
        class: z.enum(AWARD_CLASSES),
        /** The subject types the form may be given to (empty: any). */
        subjectTypes: z._default(z.array(z.enum(NOMINATION_TYPES)), () => [...NOMINATION_TYPES]),
        /** Most entries of the form proposed in a year; null: no quota. */
        quota: z._default(z.nullable(z.number().check(z.int(), z.gte(0))), null),
        /** The awards the form normally requires beforehand, for analysts to check ('' when none). */
        priorAwards: z._default(z.string(), ''),
      }),
    )
    .check(z.minLength(1)),
  weights: z.object({
    planIssued: count(),
    budgetAllocated: count(),
    budgetSettled: count(),
    reportsOnTime: count(),
    resourcesMobilised: count(),
    initiatives: count(),
    progress: count(),
  }),
  shortlistRules: z.object({
    unitAward: nonEmpty(),
    communeAward: nonEmpty(),
  }),
  povertyStandards: z
    .array(
      z.object({
        id: nonEmpty(),
        decree: nonEmpty(),
        fromYear: year(),
        toYear: year(),
        incomeLine: lineSchema,
        /** Null on a side where the decree gives no middle-income line (Decree 351/2025). */
        middleIncomeLine: optionalLineSchema,
        minDeficits: z.number().check(z.int(), z.gte(1), z.lte(12)),
      }),
    )
    .check(z.minLength(1)),
  words: wordsSchema,
  report: reportSchema,
});

export type Config = z.infer<typeof configSchema>;
export type Words = Config['words'];
export type ReportSettings = Config['report'];
export type UnitConfig = Config['units'][number];
export type AwardConfig = Config['awards'][number];
export type PovertyStandard = Config['povertyStandards'][number];
export type Targets = Config['targets'];
export type Weights = Config['weights'];

// The default configuration lives in ./defaultConfig (kept out of the bundle's run-time path).
export { DEFAULT_CONFIG } from './defaultConfig';

/** Vietnamese labels of configuration fields, for messages. */
const LABELS: Record<string, string> = {
  province: 'Tỉnh',
  planNumber: 'Số kế hoạch',
  planDate: 'Ngày kế hoạch',
  movementName: 'Tên phong trào',
  baselineYear: 'Năm đầu kỳ',
  years: 'Các năm của giai đoạn',
  midTermYear: 'Năm sơ kết',
  finalYear: 'Năm tổng kết',
  targets: 'Mục tiêu',
  'targets.poorReduction': 'Mục tiêu giảm hộ nghèo',
  'targets.combinedReduction': 'Mục tiêu giảm hộ nghèo và cận nghèo',
  deadline: 'Hạn báo cáo',
  'deadline.day': 'Ngày hạn báo cáo',
  'deadline.month': 'Tháng hạn báo cáo',
  'deadline.timeZone': 'Múi giờ',
  'deadline.utcOffsetMinutes': 'Độ lệch múi giờ (phút)',
  locale: 'Định dạng vùng (locale)',
  units: 'Danh sách đơn vị',
  'units.name': 'Tên đơn vị',
  'units.tab': 'Tên trang của đơn vị',
  'units.editors': 'E-mail cán bộ nhập liệu',
  'units.communes': 'Danh sách địa bàn (xã, thôn…) của đơn vị',
  'units.kind': 'Loại đơn vị',
  'units.active': 'Tham gia',
  inactiveUnits: 'Đơn vị không tham gia',
  analysts: 'E-mail cán bộ tổng hợp',
  awards: 'Hình thức khen thưởng',
  'awards.name': 'Tên hình thức khen thưởng',
  'awards.authority': 'Cấp quyết định khen thưởng',
  'awards.rank': 'Thứ bậc khen thưởng',
  'awards.class': 'Thẩm quyền xét',
  'awards.subjectTypes': 'Đối tượng được khen',
  'awards.quota': 'Số lượng tối đa mỗi năm',
  'awards.priorAwards': 'Khen thưởng thường phải có trước',
  weights: 'Trọng số chấm điểm',
  shortlistRules: 'Quy tắc đề xuất khen thưởng',
  'shortlistRules.unitAward': 'Hình thức đề xuất cho đơn vị',
  'shortlistRules.communeAward': 'Hình thức đề xuất cho xã',
  povertyStandards: 'Chuẩn nghèo',
  words: 'Từ ngữ hành chính',
  'words.issuingBody': 'Cơ quan ban hành báo cáo',
  'words.provinceNoun': 'Cấp tỉnh',
  'words.place': 'Địa danh ghi ở ngày tháng',
  'words.unitLevel': 'Cấp của đơn vị',
  'words.rowLevel': 'Cấp dưới đơn vị',
  'words.provinceRow': 'Tên dòng tổng',
  'words.emulationDepartment': 'Cơ quan thường trực thi đua',
  'words.povertyDepartment': 'Cơ quan phụ trách giảm nghèo',
  report: 'Báo cáo năm',
  'report.signerTitle': 'Chức vụ người ký',
  'report.signerName': 'Họ và tên người ký',
  'report.recipients': 'Nơi nhận',
  'report.draftingUnit': 'Đơn vị soạn thảo',
};

function labelOf(path: readonly PropertyKey[]): string {
  const key = path.filter((p) => typeof p === 'string').join('.');
  if (LABELS[key]) return LABELS[key];
  const top = typeof path[0] === 'string' ? path[0] : '';
  const base = LABELS[top] ?? key;
  return path.length > 1 ? `${base} (${key})` : base;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  format?: string;
  origin?: string;
  input?: unknown;
}

function issueText(issue: IssueLike): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'phải là số nguyên';
      if (issue.expected === 'number') return 'phải là số';
      if (issue.expected === 'string') return 'phải là chữ';
      if (issue.expected === 'array') return 'phải là một danh sách';
      if (issue.expected === 'boolean') return 'phải là true hoặc false';
      return 'còn thiếu hoặc sai dạng';
    case 'too_small':
      if (issue.origin === 'string') return 'không được để trống';
      if (issue.origin === 'array') return 'phải có ít nhất một mục';
      return `phải lớn hơn hoặc bằng ${String(issue.minimum)}`;
    case 'too_big':
      return `phải nhỏ hơn hoặc bằng ${String(issue.maximum)}`;
    case 'invalid_value':
      return `phải là một trong: ${(issue.values ?? []).map((v) => `"${String(v)}"`).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'sai định dạng (ví dụ ngày: 2022-08-12)' : 'sai định dạng';
    default:
      return 'không hợp lệ';
  }
}

export type CellOf = (path: string) => string;

function problem(cellOf: CellOf, path: string, label: string, text: string): Problem {
  return {
    sheet: CONFIG_SHEET,
    cell: cellOf(path),
    message: `Trang "${CONFIG_SHEET}", mục "${label}": ${text}. Hãy sửa lại trên trang "${CONFIG_SHEET}".`,
  };
}

/** Each standard's years in order, no two standards for one year, lines in order. */
function povertyChecks(standards: PovertyStandard[], add: (path: string, text: string) => void) {
  standards.forEach((s, i) => {
    if (s.fromYear > s.toYear)
      add('povertyStandards', `chuẩn ${s.id}: năm bắt đầu sau năm kết thúc`);
    const below = (side: 'rural' | 'urban') => {
      const middle = s.middleIncomeLine[side];
      return middle !== null && middle < s.incomeLine[side];
    };
    if (below('rural') || below('urban'))
      add('povertyStandards', `chuẩn ${s.id}: chuẩn mức sống trung bình phải cao hơn chuẩn nghèo`);
    for (const o of standards.slice(i + 1))
      if (o.fromYear <= s.toYear && s.fromYear <= o.toYear)
        add(
          'povertyStandards',
          `chuẩn ${s.id} và chuẩn ${o.id} cùng áp dụng cho năm ${Math.max(s.fromYear, o.fromYear)}; mỗi năm chỉ được một chuẩn`,
        );
  });
}

/** Checks that involve several fields; the config already has the schema's shape. */
function crossChecks(c: Config, cellOf: CellOf): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, text: string) =>
    out.push(problem(cellOf, path, labelOf(path.split('.')), text));
  const sorted = [...c.years].sort((a, b) => a - b);
  if (sorted.some((y, i) => i > 0 && y === sorted[i - 1])) add('years', 'có năm bị lặp lại');
  if (c.years.some((y) => y <= c.baselineYear))
    add('baselineYear', `năm đầu kỳ (${c.baselineYear}) phải trước mọi năm của giai đoạn`);
  if (!c.years.includes(c.midTermYear))
    add('midTermYear', `năm sơ kết (${c.midTermYear}) phải là một năm của giai đoạn`);
  if (!c.years.includes(c.finalYear))
    add('finalYear', `năm tổng kết (${c.finalYear}) phải là một năm của giai đoạn`);
  const w = c.weights;
  const sum =
    w.planIssued +
    w.budgetAllocated +
    w.budgetSettled +
    w.reportsOnTime +
    w.resourcesMobilised +
    w.initiatives +
    w.progress;
  if (Math.abs(sum - 100) > 1e-9) add('weights', `tổng các trọng số phải bằng 100, hiện là ${sum}`);
  const seen = (list: string[], path: string, what: string) => {
    const s = new Set<string>();
    for (const x of list) {
      if (s.has(x)) add(path, `${what} "${x}" bị lặp lại`);
      s.add(x);
    }
  };
  const everyUnit = [...c.units, ...c.inactiveUnits];
  if (c.units.length === 0) add('units', 'phải có ít nhất một đơn vị tham gia');
  seen(
    everyUnit.map((u) => u.name),
    'units.name',
    'đơn vị',
  );
  seen(
    everyUnit.map((u) => u.tab),
    'units.tab',
    'tên trang',
  );
  for (const u of c.units)
    seen(u.communes, 'units.communes', `trong ${u.name}, ${c.words.rowLevel}`);
  for (const u of everyUnit)
    if (u.kind === 'agency' && u.communes.length > 0)
      add(
        'units.communes',
        `${u.name} là cơ quan, tổ chức (không có địa bàn) nên không được có danh sách ${c.words.rowLevel}`,
      );
  seen(
    c.awards.map((a) => a.name),
    'awards.name',
    'hình thức khen thưởng',
  );
  const awardNames = c.awards.map((a) => a.name);
  if (!awardNames.includes(c.shortlistRules.unitAward))
    add(
      'shortlistRules.unitAward',
      `"${c.shortlistRules.unitAward}" không có trong danh mục hình thức khen thưởng`,
    );
  if (!awardNames.includes(c.shortlistRules.communeAward))
    add(
      'shortlistRules.communeAward',
      `"${c.shortlistRules.communeAward}" không có trong danh mục hình thức khen thưởng`,
    );
  povertyChecks(c.povertyStandards, add);
  return out;
}

/** `listedActive`: the unit's `active` when left out (the list it was given in says it). */
function normalizeUnit(u: UnitConfig, listedActive: boolean): UnitConfig {
  return {
    ...u,
    kind: u.kind ?? 'area',
    active: u.active ?? listedActive,
    name: normalizeName(u.name),
    tab: normalizeName(u.tab),
    editors: u.editors.map((e) => e.trim()).filter((e) => e !== ''),
    communes: u.communes.map(normalizeName),
  };
}

function normalizeConfig(c: Config): Config {
  const every = [
    ...c.units.map((u) => normalizeUnit(u, true)),
    ...c.inactiveUnits.map((u) => normalizeUnit(u, false)),
  ];
  return {
    ...c,
    years: [...c.years].sort((a, b) => a - b),
    units: every.filter((u) => u.active !== false),
    inactiveUnits: every.filter((u) => u.active === false),
    analysts: c.analysts.map((e) => e.trim()).filter((e) => e !== ''),
    awards: c.awards.map((a) => ({
      ...a,
      name: normalizeName(a.name),
      subjectTypes: a.subjectTypes.length > 0 ? a.subjectTypes : [...NOMINATION_TYPES],
      priorAwards: a.priorAwards.trim(),
    })),
    shortlistRules: {
      ...c.shortlistRules,
      unitAward: normalizeName(c.shortlistRules.unitAward),
      communeAward: normalizeName(c.shortlistRules.communeAward),
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The words and the report's keys a configuration leaves out take Hải Dương 2021-2025's (a
 * workbook or a JSON file made before they existed keeps working); a key given is kept as given.
 */
function withDefaultWords(input: unknown): unknown {
  if (!isObject(input)) return input;
  const merged = (given: unknown, defaults: object) =>
    given === undefined ? defaults : isObject(given) ? { ...defaults, ...given } : given;
  return {
    ...input,
    words: merged(input.words, DEFAULT_WORDS),
    report: merged(input.report, DEFAULT_REPORT),
  };
}

export type ParseConfigResult = { ok: true; config: Config } | { ok: false; problems: Problem[] };

/**
 * Validates a configuration read from Cấu hình (or JSON). Names are normalised (NFC, spaces).
 * `cellOf` maps a field path such as "targets.poorReduction" to the A1 cell where the sheets
 * layer read it; by default the path itself stands in for the cell.
 */
export function parseConfig(input: unknown, cellOf: CellOf = (p) => p): ParseConfigResult {
  const r = configSchema.safeParse(withDefaultWords(input));
  if (!r.success) {
    const problems = r.error.issues.map((issue) => {
      const i = issue as unknown as IssueLike;
      return problem(cellOf, pathText(i.path), labelOf(i.path), issueText(i));
    });
    return { ok: false, problems };
  }
  const config = normalizeConfig(r.data);
  const problems = crossChecks(config, cellOf);
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

/**
 * The noun of one row inside a sentence: the first of `words.rowLevel` ("xã, phường, thị trấn" →
 * "xã"; "thôn, tổ dân phố" → "thôn").
 */
export function rowNoun(words: Pick<Words, 'rowLevel'>): string {
  return words.rowLevel.split(',')[0].trim() || words.rowLevel;
}

/** Whether a unit is an agency (no area rows, never in the poverty totals). */
export function isAgency(config: Pick<Config, 'units'>, name: string): boolean {
  return findUnit(config, name)?.kind === 'agency';
}

/** The configured unit with this name (normalised comparison), if any. */
export function findUnit(config: Pick<Config, 'units'>, name: string): UnitConfig | undefined {
  return config.units.find((u) => sameName(u.name, name));
}

/** The configured award form with this name, if any. */
export function findAward(config: Config, name: string): AwardConfig | undefined {
  return config.awards.find((a) => sameName(a.name, name));
}

/** Baseline year and the years of the period, ascending. */
export function allYears(config: Config): number[] {
  return [config.baselineYear, ...[...config.years].sort((a, b) => a - b)];
}
