// Household classification under the multidimensional poverty standard in force.
import type { Config, PovertyStandard } from './config';

export type Area = 'nông thôn' | 'thành thị';
export type HouseholdClass =
  'Hộ nghèo' | 'Hộ cận nghèo' | 'Hộ có mức sống trung bình' | 'Hộ không nghèo';

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
  if (incomePerPersonMonth <= standard.middleIncomeLine[key]) return 'Hộ có mức sống trung bình';
  return 'Hộ không nghèo';
}

/** The standard in force in a year (fromYear ≤ year ≤ toYear), or undefined. */
export function standardForYear(
  config: Pick<Config, 'povertyStandards'>,
  year: number,
): PovertyStandard | undefined {
  return config.povertyStandards.find((s) => s.fromYear <= year && year <= s.toYear);
}
