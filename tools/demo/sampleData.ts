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
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Poor and near-poor as a fraction of their 2021 level, per year, for a unit's pace. */
export const PACE: Record<string, number[]> = {
  fast: [1.0, 0.7, 0.45, 0.3, 0.17],
  steady: [1.0, 0.78, 0.58, 0.45, 0.32],
  slow: [1.0, 0.9, 0.8, 0.7, 0.62],
};
export const NEAR_PACE: Record<string, number[]> = {
  fast: [1.0, 0.85, 0.72, 0.62, 0.5],
  steady: [1.0, 0.9, 0.8, 0.7, 0.6],
  slow: [1.0, 0.95, 0.9, 0.85, 0.8],
};

export function sampleRecords(years = [2021, 2022, 2023, 2024, 2025]): SampleRecord[] {
  const random = rng(2396);
  const communeCount = HAI_DUONG_COMMUNES.reduce((n, u) => n + u.communes.length, 0);
  const householdsPerCommune = 642000 / communeCount;
  const records: SampleRecord[] = [];
  HAI_DUONG_COMMUNES.forEach((unit, u) => {
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
        records.push({
          district: unit.unit,
          commune,
          year,
          households: households + k * Math.round(households * 0.01),
          poor,
          near_poor: nearPoor,
          poor_exited: movement && exited >= 0 ? exited : '',
          poor_returned: movement && exited >= 0 ? returned : '',
          poor_new: movement && exited >= 0 ? fresh : '',
          merged_into: '',
        });
        previousPoor = poor;
      });
    }
  });
  return records;
}

/** SAMPLE nominations: some eligible, some not, to show every rule of the shortlist. */
export function sampleNominations(): {
  id: string;
  district: string;
  type: string;
  name: string;
  commune: string;
  achievement: string;
  award: string;
  year: string;
}[] {
  const u = HAI_DUONG_COMMUNES;
  return [
    {
      id: 'ĐC-2025-01-001',
      district: u[0].unit,
      type: 'Tập thể',
      name: u[0].unit,
      commune: '',
      achievement:
        'Hoàn thành vượt mục tiêu giảm nghèo; huy động 12 tỷ đồng hỗ trợ hộ nghèo (số liệu mẫu).',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      year: '2025',
    },
    {
      id: 'ĐC-2025-02-001',
      district: u[1].unit,
      type: 'Cá nhân',
      name: 'Nguyễn Văn A (mẫu)',
      commune: u[1].communes[0],
      achievement: 'Cán bộ giảm nghèo gương mẫu, bám sát từng hộ (số liệu mẫu).',
      award: 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội',
      year: '2025',
    },
    {
      id: 'ĐC-2025-03-001',
      district: u[2].unit,
      type: 'Tập thể',
      name: `Ủy ban nhân dân ${u[2].communes[1]}`,
      commune: u[2].communes[1],
      achievement: 'Giảm mạnh hộ nghèo trong giai đoạn (số liệu mẫu).',
      award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
      year: '2025',
    },
    {
      id: 'ĐC-2025-04-001',
      district: u[3].unit,
      type: 'Doanh nghiệp, hợp tác xã',
      name: 'Hợp tác xã Mẫu',
      commune: '',
      achievement: '',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      year: '2025',
    },
    {
      id: 'ĐC-2025-05-001',
      district: u[4].unit,
      type: 'Hộ gia đình',
      name: 'Hộ ông Trần Văn B (mẫu)',
      commune: u[4].communes[2],
      achievement: 'Tự vươn lên thoát nghèo bền vững (số liệu mẫu).',
      award: 'Bằng khen Tỉnh ủy',
      year: '2025',
    },
    {
      id: 'ĐC-2025-01-002',
      district: u[0].unit,
      type: 'Tập thể',
      name: u[0].unit,
      commune: '',
      achievement: 'Đơn vị dẫn đầu phong trào toàn tỉnh (số liệu mẫu).',
      award: 'Bằng khen của Thủ tướng Chính phủ',
      year: '2025',
    },
  ];
}
