// Household classification under the multidimensional poverty standard in force.
import type { Config, PovertyStandard } from './config';

export type Area = 'nông thôn' | 'thành thị';
/**
 * The class; above the poverty line under a standard with no middle-income line (Decree
 * 351/2025), "Hộ không nghèo" followed by a note saying why middle income cannot be told.
 */
export type HouseholdClass =
  | 'Hộ nghèo'
  | 'Hộ cận nghèo'
  | 'Hộ có mức sống trung bình'
  | 'Hộ không nghèo'
  | `Hộ không nghèo (${string})`;

/** The class of a household above the poverty line when the standard has no middle-income line. */
const noMiddleLineClass = (standard: Pick<PovertyStandard, 'decree'>): HouseholdClass =>
  `Hộ không nghèo (Nghị định ${standard.decree} không quy định chuẩn hộ có mức sống trung bình)`;

/**
 * Income at or below the poverty line with at least `minDeficits` deficient indicators → poor;
 * at or below the line with fewer → near-poor; above the line up to and including the
 * middle-income line → middle-income; above that → not poor. Income exactly at a line counts
 * as at or below it.
 */
export function classifyHousehold(
  standard: PovertyStandard,
  incomePerPersonMonth: number,
  deficitCount: number,
  area: Area,
): HouseholdClass {
  const key = area === 'thành thị' ? 'urban' : 'rural';
  if (incomePerPersonMonth <= standard.incomeLine[key]) {
    return deficitCount >= standard.minDeficits ? 'Hộ nghèo' : 'Hộ cận nghèo';
  }
  const middle = standard.middleIncomeLine[key];
  if (middle === null) return noMiddleLineClass(standard);
  if (incomePerPersonMonth <= middle) return 'Hộ có mức sống trung bình';
  return 'Hộ không nghèo';
}

/** The standard in force in a year (fromYear ≤ year ≤ toYear), or undefined. */
export function standardForYear(
  config: Pick<Config, 'povertyStandards'>,
  year: number,
): PovertyStandard | undefined {
  return config.povertyStandards.find((s) => s.fromYear <= year && year <= s.toYear);
}
