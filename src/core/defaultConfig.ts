// The default configuration: Hải Dương, plan 2396/KH-UBND, the 2022-2025 period.
//
// Node-side code (tools, tests) uses DEFAULT_CONFIG directly. dist/Code.js does not carry it:
// Apps Script evaluates the whole script on every custom-function call and menu click, and only
// the first setup needs the defaults, so tools/build.ts writes DEFAULT_CONFIG as JSON into
// dist/SetupData.html and the setup reads it on demand (src/sheets/setupData.ts). Both builders
// below are marked pure so that esbuild drops them from the bundle. The bundle keeps only what
// the custom functions need: DEFAULT_TARGETS and the poverty standard of DEFAULT_FINAL_YEAR.
import type { AwardConfig, Config, PovertyStandard, Targets, UnitConfig } from './config';
import { NOMINATION_TYPES } from './types';
import { HAI_DUONG_COMMUNES } from './communes.generated';
import { VIETNAM_UTC_OFFSET_MINUTES } from './deadline';
import { DEFAULT_REPORT, DEFAULT_WORDS } from './defaultWords';

/** The two targets of plan 2396/KH-UBND (≥ 80 %, > 50 %). */
export const DEFAULT_TARGETS: Targets = { poorReduction: 0.8, combinedReduction: 0.5 };

/** The final year of the default period. */
export const DEFAULT_FINAL_YEAR = 2025;

/** The days reminders go out by default, in days before the deadline (-1: the day after). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 7, 3, 1, -1];

/** The poverty standards in force in and after the default period. */
export const DEFAULT_POVERTY_STANDARDS: PovertyStandard[] = [
  {
    id: '2022-2026',
    decree: '07/2021/NĐ-CP',
    fromYear: 2022,
    toYear: 2026,
    incomeLine: { rural: 1_500_000, urban: 2_000_000 },
    middleIncomeLine: { rural: 2_250_000, urban: 3_000_000 },
    minDeficits: 3,
  },
  {
    // Decree 351/2025 gives the poverty lines and the "3 or more" rule but no middle-income
    // line: left blank (null) rather than invented; GN_PHANLOAI says so (docs/DECISIONS.md).
    id: '2027-2030',
    decree: '351/2025/NĐ-CP',
    fromYear: 2027,
    toYear: 2030,
    incomeLine: { rural: 2_200_000, urban: 2_800_000 },
    middleIncomeLine: { rural: null, urban: null },
    minDeficits: 3,
  },
];

/**
 * The award forms of plan 2396 (III.2.a), highest first. Who may receive each (Law 06/2022/QH15
 * on emulation and commendation, and Decree 98/2023/NĐ-CP): the Huân chương Lao động is for
 * individuals and collectives (enterprises and cooperatives are collectives), not households;
 * the Bằng khen of the Prime Minister, of a ministry and of a province, and the Giấy khen, are
 * for individuals, collectives and households. No quota: the plan sets none. The prior awards are
 * what such forms normally require, for analysts to check in each file (docs/DECISIONS.md 32).
 */
function defaultAwards(): AwardConfig[] {
  return [
    {
      name: 'Huân chương Lao động',
      authority: 'Chủ tịch nước',
      rank: 1,
      class: 'higher',
      subjectTypes: ['Tập thể', 'Cá nhân', 'Doanh nghiệp, hợp tác xã'],
      quota: null,
      priorAwards:
        'Thường phải đã được tặng Bằng khen của Thủ tướng Chính phủ và có thành tích xuất sắc liên tục các năm sau đó (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP)',
    },
    {
      name: 'Bằng khen của Thủ tướng Chính phủ',
      authority: 'Thủ tướng Chính phủ',
      rank: 2,
      class: 'higher',
      subjectTypes: [...NOMINATION_TYPES],
      quota: null,
      priorAwards:
        'Thường phải đã được tặng Bằng khen cấp bộ, ngành hoặc cấp tỉnh và có thành tích xuất sắc liên tục các năm sau đó (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP)',
    },
    {
      name: 'Bằng khen của Bộ Lao động - Thương binh và Xã hội',
      authority: 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội',
      rank: 3,
      class: 'higher',
      subjectTypes: [...NOMINATION_TYPES],
      quota: null,
      priorAwards:
        'Theo quy chế khen thưởng của Bộ; thường xét cho tập thể, cá nhân đã được khen thưởng cấp tỉnh trong phong trào',
    },
    {
      name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
      rank: 4,
      class: 'province',
      subjectTypes: [...NOMINATION_TYPES],
      quota: null,
      priorAwards: '',
    },
    {
      name: 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội',
      authority: 'Giám đốc Sở Lao động - Thương binh và Xã hội',
      rank: 5,
      class: 'province',
      subjectTypes: [...NOMINATION_TYPES],
      quota: null,
      priorAwards: '',
    },
    {
      name: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
      authority: 'Chủ tịch Ủy ban nhân dân cấp huyện',
      rank: 6,
      class: 'other',
      subjectTypes: [...NOMINATION_TYPES],
      quota: null,
      priorAwards: '',
    },
  ];
}

/**
 * The departments and organisations plan 2396 has report before 30/11 (V.2-V.4, II.2): listed as
 * agencies, not taking part until an analyst sets "Tham gia" (docs/DECISIONS.md). Sở Nội vụ
 * consolidates and is not listed. "Các tổ chức chính trị - xã hội" are the five the Fatherland
 * Front's member organisations at province level.
 */
function planAgencies(province: string): UnitConfig[] {
  const names = [
    `Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${province}`,
    'Sở Lao động - Thương binh và Xã hội',
    'Sở Tài chính',
    'Sở Thông tin và Truyền thông',
    `Liên đoàn Lao động tỉnh ${province}`,
    `Tỉnh đoàn ${province}`,
    `Hội Liên hiệp Phụ nữ tỉnh ${province}`,
    `Hội Nông dân tỉnh ${province}`,
    `Hội Cựu chiến binh tỉnh ${province}`,
  ];
  return names.map((name) => ({
    name,
    tab: name,
    editors: [],
    communes: [],
    kind: 'agency',
    active: false,
  }));
}

function defaultConfig(): Config {
  return {
    province: 'Hải Dương',
    planNumber: '2396/KH-UBND',
    planDate: '2022-08-12',
    movementName: 'Vì người nghèo - Không để ai bị bỏ lại phía sau',
    baselineYear: 2021,
    years: [2022, 2023, 2024, DEFAULT_FINAL_YEAR],
    midTermYear: 2023,
    finalYear: DEFAULT_FINAL_YEAR,
    targets: DEFAULT_TARGETS,
    deadline: {
      day: 30,
      month: 11,
      timeZone: 'Asia/Ho_Chi_Minh',
      utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
    },
    reminderDays: [...DEFAULT_REMINDER_DAYS],
    locale: 'vi_VN',
    units: HAI_DUONG_COMMUNES.map((u) => ({
      name: u.unit,
      tab: u.unit,
      editors: [],
      communes: [...u.communes],
      kind: 'area' as const,
      active: true,
    })),
    inactiveUnits: planAgencies('Hải Dương'),
    analysts: [],
    awards: defaultAwards(),
    weights: {
      planIssued: 10,
      budgetAllocated: 10,
      budgetSettled: 10,
      reportsOnTime: 10,
      resourcesMobilised: 10,
      initiatives: 10,
      progress: 40,
    },
    shortlistRules: {
      unitAward: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      communeAward: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    },
    povertyStandards: DEFAULT_POVERTY_STANDARDS,
    words: DEFAULT_WORDS,
    report: DEFAULT_REPORT,
  };
}

/** The default configuration (Node side; the bundle reads it from dist/SetupData.html). */
export const DEFAULT_CONFIG: Config = /* @__PURE__ */ defaultConfig();
