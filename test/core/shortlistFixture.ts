// A small province for the shortlist's tests, worked out by hand. Every unit has two communes:
//   attained:  Xã …1 poor 30 → 5, near-poor 30 → 10; Xã …2 poor 20 → 4, near-poor 20 → 10.
//              Unit: poor 50 → 9 (82 %), poor + near-poor 100 → 29 (71 %): attained.
//              Communes: 25/30 = 83,3 % and 16/20 = 80 % (exactly 80 % attains).
//   missed:    Xã …1 poor 30 → 20, near-poor 30 → 25; Xã …2 poor 20 → 15, near-poor 20 → 18.
//              Unit: poor 50 → 35 (30 %), 100 → 78 (22 %): not attained; communes neither.
//   incomplete: as attained, without Xã …2's 2025 row: provisional, never attained.
// Criteria are "Có" unless a test says otherwise; the report is submitted on 20/11/2025 09:00.
import {
  DEFAULT_CONFIG,
  type Config,
  type RawNomination,
  type ShortlistEntry,
  type Submission,
  type UnitInput,
} from '../../src/core';
import { consolidate, criteria, hpn, nomination, unit } from './helpers';

export const YEAR = 2025;
/** 20/11/2025 09:00 in Hà Nội: on time. */
export const ON_TIME = '2025-11-20T02:00:00.000Z';
/** 30/11/2025 00:00 in Hà Nội: the first late instant. */
export const LATE = '2025-11-29T17:00:00.000Z';

export const HCLD = 'Huân chương Lao động';
export const BK_TTG = 'Bằng khen của Thủ tướng Chính phủ';
export const BK_BO = 'Bằng khen của Bộ Lao động - Thương binh và Xã hội';
export const BK_TINH = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
export const GK_SO = 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội';
export const GK_HUYEN = 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố';
export const ACH = 'Vận động 2 tỉ đồng, xây 20 nhà đại đoàn kết';

/** The units of the fixture, by role. */
export const U = {
  ok: 'Huyện An Phú',
  plan: 'Huyện Bình Minh',
  allocated: 'Huyện Cẩm Thạch',
  settled: 'Huyện Đông Hòa',
  other: 'Huyện Gia Bình',
  unknown: 'Huyện Hòa Lạc',
  late: 'Huyện Kim Sơn',
  missing: 'Huyện Lạc Thủy',
  missed: 'Huyện Mỹ Hào',
  incomplete: 'Huyện Nghĩa Hưng',
} as const;

export const communesOf = (u: string): [string, string] => {
  const short = u.replace('Huyện ', '');
  return [`Xã ${short} 1`, `Xã ${short} 2`];
};

export const fixtureConfig: Config = {
  ...DEFAULT_CONFIG,
  units: Object.values(U).map((name) => ({
    name,
    tab: name,
    editors: [],
    communes: communesOf(name),
  })),
};

export type Result = 'attained' | 'missed' | 'incomplete';

export function rows(u: string, result: Result = 'attained') {
  const [c1, c2] = communesOf(u);
  const base = [hpn(u, c1, 2021, 600, 30, 30), hpn(u, c2, 2021, 400, 20, 20)];
  if (result === 'missed')
    return [...base, hpn(u, c1, YEAR, 600, 20, 25), hpn(u, c2, YEAR, 400, 15, 18)];
  const year = [hpn(u, c1, YEAR, 600, 5, 10), hpn(u, c2, YEAR, 400, 4, 10)];
  return [...base, ...(result === 'incomplete' ? year.slice(0, 1) : year)];
}

export const submitted = (u: string, at: string, extra: Partial<Submission> = {}): Submission => ({
  unit: u,
  year: YEAR,
  submittedAt: at,
  email: 'canbo@huyen.vn',
  status: 'submitted',
  ...extra,
});

export interface UnitSpec {
  result?: Result;
  /** Criteria of the year (the four yes/no rows): "Có" unless given; null: no block at all. */
  criteria?: Partial<
    Record<'planIssued' | 'budgetAllocated' | 'budgetSettled' | 'reportsOnTime', unknown>
  > | null;
  submissions?: Submission[];
  nominations?: RawNomination[];
}

export function unitInput(u: string, spec: UnitSpec = {}): UnitInput {
  const c =
    spec.criteria === null
      ? []
      : [
          criteria(u, YEAR, {
            planIssued: 'Có',
            budgetAllocated: 'Có',
            budgetSettled: 'Có',
            reportsOnTime: 'Có',
            ...spec.criteria,
          }),
        ];
  return unit(u, rows(u, spec.result), {
    criteria: c,
    submissions: spec.submissions ?? [submitted(u, ON_TIME)],
    nominations: spec.nominations ?? [],
  });
}

/** A nomination of the year in unit `u`. */
export function nom(
  u: string,
  id: string,
  type: string,
  name: string,
  award: string,
  extra: { commune?: string; achievement?: string; year?: unknown } = {},
): RawNomination {
  return nomination(u, {
    id,
    type,
    name,
    commune: extra.commune ?? '',
    achievement: extra.achievement ?? ACH,
    award,
    year: extra.year ?? YEAR,
  });
}

/** The shortlist of 2025 for these units (the others' tabs empty). */
export function shortlistOf(inputs: UnitInput[], config: Config = fixtureConfig): ShortlistEntry[] {
  return consolidate(config, inputs, YEAR, '2025-12-01T00:00:00Z').shortlist;
}

export const byId = (list: ShortlistEntry[], id: string): ShortlistEntry => {
  const e = list.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id} in ${list.map((x) => x.id).join(', ')}`);
  return e;
};
