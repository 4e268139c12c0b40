// SAMPLE data for the demo (not official figures): every commune of Hải Dương (list of
// 1/10/2022) gets households, poor and near-poor households per year, scaled so the province
// totals follow the published figures (end-2021: ~642,000 households, 12,400 poor, 13,400
// near-poor; end-2024: 6,287 poor, 8,521 near-poor; 2025 goal: poor rate 0.43 %). Units get
// different paces so that some attain the target and some do not. Deterministic (seeded).
import { HAI_DUONG_COMMUNES } from '../../src/core/communes.generated';
import type { CommuneYearRow } from '../workbookDriver';

export interface SampleRecord {
  district: string;
  commune: string;
  year: number;
  households: number;
  poor: number;
  near_poor: number;
  poor_exited: number | '';
  poor_returned: number | '';
  poor_new: number | '';
  merged_into: string;
}

/** The records as the CSV of PRODUCT.md writes them (every field as text), to type into a sheet. */
export function asCsvRows(records: readonly SampleRecord[]): CommuneYearRow[] {
  return records.map((r) => ({
    district: r.district,
    commune: r.commune,
    year: String(r.year),
    households: String(r.households),
    poor: String(r.poor),
    near_poor: String(r.near_poor),
    poor_exited: String(r.poor_exited),
    poor_returned: String(r.poor_returned),
    poor_new: String(r.poor_new),
    merged_into: r.merged_into,
  }));
}

export const SAMPLE_LABEL = 'SỐ LIỆU MẪU (không phải số liệu chính thức)';

/** A small deterministic generator (LCG), so sample data is the same on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Poor and near-poor as a fraction of their 2021 level, per year, for a unit's pace. */
const PACE: Record<string, number[]> = {
  fast: [1.0, 0.7, 0.45, 0.3, 0.17],
  steady: [1.0, 0.78, 0.58, 0.45, 0.32],
  slow: [1.0, 0.9, 0.8, 0.7, 0.62],
};
const NEAR_PACE: Record<string, number[]> = {
  fast: [1.0, 0.85, 0.72, 0.62, 0.5],
  steady: [1.0, 0.9, 0.8, 0.7, 0.6],
  slow: [1.0, 0.95, 0.9, 0.85, 0.8],
};

/** What pacedRecords needs of a unit: its name and its communes, in order. */
export interface PacedUnit {
  name: string;
  communes: readonly string[];
}

/**
 * Deterministic figures for every commune of `units` in `years` (the first is the baseline):
 * households around `householdsPerCommune` (±40 %), poor 1.2-2.7 % and near-poor 1.4-3 % of
 * them at first, then falling at the unit's pace (every 4th unit fast, the one before each 4th
 * slow, the others steady) with ±5 % noise; movement figures on about half of the later years.
 */
export function pacedRecords(
  units: readonly PacedUnit[],
  years: readonly number[],
  seed: number,
  householdsPerCommune: number,
): SampleRecord[] {
  const random = rng(seed);
  const records: SampleRecord[] = [];
  units.forEach((unit, u) => {
    const pace = u % 4 === 0 ? 'fast' : u % 4 === 3 ? 'slow' : 'steady';
    for (const commune of unit.communes) {
      const households = Math.round(householdsPerCommune * (0.6 + random() * 0.8));
      const poor0 = Math.max(3, Math.round(households * (0.012 + random() * 0.015)));
      const near0 = Math.max(3, Math.round(households * (0.014 + random() * 0.016)));
      let previousPoor = poor0;
      years.forEach((year, k) => {
        const poor = Math.round(poor0 * PACE[pace][k] * (k === 0 ? 1 : 0.95 + random() * 0.1));
        const nearPoor = Math.round(
          near0 * NEAR_PACE[pace][k] * (k === 0 ? 1 : 0.95 + random() * 0.1),
        );
        const movement = k > 0 && random() < 0.5;
        const returned = movement ? Math.round(random() * 2) : 0;
        const fresh = movement ? Math.round(random() * 3) : 0;
        const exited = previousPoor - poor + returned + fresh;
        const ok = movement && exited >= 0;
        records.push({
          district: unit.name,
          commune,
          year,
          households: households + k * Math.round(households * 0.01),
          poor,
          near_poor: nearPoor,
          poor_exited: ok ? exited : '',
          poor_returned: ok ? returned : '',
          poor_new: ok ? fresh : '',
          merged_into: '',
        });
        previousPoor = poor;
      });
    }
  });
  return records;
}

/** The demo's SAMPLE figures: Hải Dương's 12 units and 235 communes, 642,000 households in all. */
export function sampleRecords(years = [2021, 2022, 2023, 2024, 2025]): SampleRecord[] {
  const units = HAI_DUONG_COMMUNES.map((u) => ({ name: u.unit, communes: u.communes }));
  const communeCount = units.reduce((n, u) => n + u.communes.length, 0);
  return pacedRecords(units, years, 2396, 642000 / communeCount);
}

/** A SAMPLE nomination, as the nominations CSV writes it. */
export interface SampleNomination {
  id: string;
  district: string;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
  year: string;
}

const BK_TINH = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
const GK_SO = 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội';
const GK_HUYEN = 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố';

/**
 * SAMPLE nominations, chosen (with the sample criteria and reports of demoWorkbook.ts) so that
 * the shortlist shows every status and every reason: a unit proposed for two forms (the higher
 * is kept, the other is a duplicate), a commune proposed by the rule and nominated (one entry),
 * a form forwarded to a higher level, one beyond its quota, a household for a form households
 * may not receive, a unit that did not attain or is provisional, an unknown form, no summary.
 */
export function sampleNominations(): SampleNomination[] {
  const u = HAI_DUONG_COMMUNES;
  const n = (
    id: string,
    unit: number,
    type: string,
    name: string,
    commune: string,
    achievement: string,
    award: string,
  ): SampleNomination => ({
    id,
    district: u[unit].unit,
    type,
    name,
    commune,
    achievement,
    award,
    year: '2025',
  });
  return [
    n(
      'ĐC-2025-01-001',
      0,
      'Tập thể',
      u[0].unit,
      '',
      'Hoàn thành vượt mục tiêu giảm nghèo; huy động 12 tỷ đồng hỗ trợ hộ nghèo (số liệu mẫu).',
      BK_TINH,
    ),
    n(
      'ĐC-2025-01-002',
      0,
      'Tập thể',
      u[0].unit,
      '',
      'Đơn vị dẫn đầu phong trào toàn tỉnh (số liệu mẫu).',
      'Bằng khen của Thủ tướng Chính phủ',
    ),
    n(
      'ĐC-2025-02-001',
      1,
      'Cá nhân',
      'Nguyễn Văn A (mẫu)',
      u[1].communes[0],
      'Cán bộ giảm nghèo gương mẫu, bám sát từng hộ (số liệu mẫu).',
      GK_SO,
    ),
    n(
      'ĐC-2025-09-001',
      8,
      'Cá nhân',
      'Trần Thị E (mẫu)',
      u[8].communes[0],
      'Vận động 40 hộ vay vốn chính sách đúng mục đích (số liệu mẫu).',
      GK_SO,
    ),
    n(
      'ĐC-2025-03-001',
      2,
      'Tập thể',
      `Ủy ban nhân dân ${u[2].communes[1]}`,
      u[2].communes[1],
      'Giảm mạnh hộ nghèo trong giai đoạn (số liệu mẫu).',
      GK_HUYEN,
    ),
    n('ĐC-2025-04-001', 3, 'Doanh nghiệp, hợp tác xã', 'Hợp tác xã Mẫu', '', '', BK_TINH),
    n(
      'ĐC-2025-05-001',
      4,
      'Hộ gia đình',
      'Hộ ông Trần Văn B (mẫu)',
      u[4].communes[2],
      'Tự vươn lên thoát nghèo bền vững (số liệu mẫu).',
      'Bằng khen Tỉnh ủy',
    ),
    n(
      'ĐC-2025-06-001',
      5,
      'Hộ gia đình',
      'Hộ bà Lê Thị D (mẫu)',
      u[5].communes[0],
      'Hiến 300 m² đất làm đường, giúp 5 hộ nghèo làm nhà (số liệu mẫu).',
      'Huân chương Lao động',
    ),
    n(
      'ĐC-2025-07-001',
      6,
      'Tập thể',
      u[6].unit,
      '',
      'Nhiều mô hình sinh kế cho hộ nghèo (số liệu mẫu).',
      BK_TINH,
    ),
    n(
      'ĐC-2025-12-001',
      11,
      'Tập thể',
      u[11].unit,
      '',
      'Tích cực triển khai phong trào (số liệu mẫu).',
      BK_TINH,
    ),
  ];
}
