// The evidence of a figure-based proposal, in Vietnamese style.
import { formatInt, formatPercent } from './format';

export interface EvidenceFigures {
  poorBaseline: number;
  poor: number;
  nearPoorBaseline: number;
  nearPoor: number;
  poorReduction: number | null;
  combinedReduction: number | null;
}

function change(reduction: number | null, what: string, from: number, to: number): string {
  if (reduction === null) return `đầu kỳ không có ${what} (nay ${formatInt(to)} hộ)`;
  if (reduction < 0)
    return `tăng ${formatPercent(-reduction)} ${what} so với đầu kỳ (từ ${formatInt(from)} lên ${formatInt(to)} hộ)`;
  return `giảm ${formatPercent(reduction)} ${what} so với đầu kỳ (từ ${formatInt(from)} xuống ${formatInt(to)} hộ)`;
}

/** "giảm 85,0% hộ nghèo so với đầu kỳ (từ 1.234 xuống 185 hộ); giảm 60,0% hộ nghèo và cận nghèo …" */
export function evidenceText(f: EvidenceFigures, provisional = false): string {
  const poor = change(f.poorReduction, 'hộ nghèo', f.poorBaseline, f.poor);
  const combined = change(
    f.combinedReduction,
    'hộ nghèo và cận nghèo',
    f.poorBaseline + f.nearPoorBaseline,
    f.poor + f.nearPoor,
  );
  return `${poor}; ${combined}${provisional ? ' (số liệu tạm tính)' : ''}`;
}
