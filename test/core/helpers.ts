// Builders for core tests: a small configuration and unit tabs laid out like the sheet
// (A commune, B year, C households, D poor, E near-poor, F exited, G returned, H new, I merged into).
import {
  consolidateValidated,
  DEFAULT_CONFIG,
  validateUnit,
  type Config,
  type ConsolidateResult,
  type RawCommuneYear,
  type RawCriteria,
  type RawNomination,
  type Submission,
  type UnitInput,
  type ValidatedUnit,
} from '../../src/core';

export const GL = 'Huyện Gia Lộc';
export const TM = 'Huyện Thanh Miện';

export const config: Config = {
  ...DEFAULT_CONFIG,
  units: [
    { name: GL, tab: GL, editors: [], communes: ['Xã Gia Tân', 'Xã Gia Xuyên', 'Xã Thống Nhất'] },
    { name: TM, tab: TM, editors: [], communes: ['Xã Đoàn Tùng', 'Xã Hồng Quang'] },
  ],
};

export interface RowValues {
  households?: unknown;
  poor?: unknown;
  nearPoor?: unknown;
  poorExited?: unknown;
  poorReturned?: unknown;
  poorNew?: unknown;
  mergedInto?: unknown;
}

let line = 5;
/** One commune-year row; `at` is the sheet row number (auto-incremented when omitted). */
export function row(
  unit: string,
  commune: unknown,
  year: unknown,
  v: RowValues,
  at?: number,
): RawCommuneYear {
  const n = at ?? line++;
  return {
    unit,
    sheet: unit,
    commune,
    year,
    households: v.households ?? '',
    poor: v.poor ?? '',
    nearPoor: v.nearPoor ?? '',
    poorExited: v.poorExited ?? '',
    poorReturned: v.poorReturned ?? '',
    poorNew: v.poorNew ?? '',
    mergedInto: v.mergedInto ?? '',
    cells: {
      commune: `A${n}`,
      year: `B${n}`,
      households: `C${n}`,
      poor: `D${n}`,
      nearPoor: `E${n}`,
      poorExited: `F${n}`,
      poorReturned: `G${n}`,
      poorNew: `H${n}`,
      mergedInto: `I${n}`,
    },
  };
}

/** Shorthand: [households, poor, nearPoor]. */
export function hpn(
  unit: string,
  commune: string,
  year: number,
  h: number,
  p: number,
  np: number,
): RawCommuneYear {
  return row(unit, commune, year, { households: h, poor: p, nearPoor: np });
}

export function criteria(
  unit: string,
  year: number,
  v: Partial<Record<keyof RawCriteria['cells'], unknown>>,
  at = 60,
): RawCriteria {
  return {
    unit,
    sheet: unit,
    year,
    planIssued: v.planIssued ?? '',
    budgetAllocated: v.budgetAllocated ?? '',
    budgetSettled: v.budgetSettled ?? '',
    reportsOnTime: v.reportsOnTime ?? '',
    resourcesMobilised: v.resourcesMobilised ?? '',
    initiatives: v.initiatives ?? '',
    cells: {
      planIssued: `B${at}`,
      budgetAllocated: `B${at + 1}`,
      budgetSettled: `B${at + 2}`,
      reportsOnTime: `B${at + 3}`,
      resourcesMobilised: `B${at + 4}`,
      initiatives: `B${at + 5}`,
    },
  };
}

export function nomination(
  unit: string,
  v: Partial<Record<keyof RawNomination['cells'], unknown>>,
  at = 80,
): RawNomination {
  return {
    unit,
    sheet: unit,
    id: v.id ?? '',
    type: v.type ?? '',
    name: v.name ?? '',
    commune: v.commune ?? '',
    achievement: v.achievement ?? '',
    award: v.award ?? '',
    year: v.year ?? '',
    cells: {
      id: `A${at}`,
      type: `B${at}`,
      name: `C${at}`,
      commune: `D${at}`,
      achievement: `E${at}`,
      award: `F${at}`,
      year: `G${at}`,
    },
  };
}

export function unit(
  name: string,
  rows: RawCommuneYear[],
  extra: {
    criteria?: RawCriteria[];
    nominations?: RawNomination[];
    submissions?: Submission[];
  } = {},
): UnitInput {
  return {
    unit: name,
    sheet: name,
    rows,
    criteria: extra.criteria ?? [],
    nominations: extra.nominations ?? [],
    submissions: extra.submissions ?? [],
    layoutProblems: [],
  };
}

/** Each configured unit's tab validated on its own, as the reader does (an empty tab when none is given). */
export function validatedUnits(c: Config, inputs: UnitInput[]): ValidatedUnit[] {
  return c.units.map((u) =>
    validateUnit(c, inputs.find((i) => i.unit === u.name) ?? unit(u.name, [])),
  );
}

/** The consolidation as the menu runs it: the validated units, then consolidateValidated. */
export function consolidate(
  c: Config,
  inputs: UnitInput[],
  year: number,
  generatedAt: string,
): ConsolidateResult {
  return consolidateValidated(c, validatedUnits(c, inputs), year, generatedAt);
}
