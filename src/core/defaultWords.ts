// The administrative words and the yearly report's keys of the default configuration (Hải
// Dương, 2021-2025). They stay in dist/Code.js (a few hundred bytes): a Cấu hình or a JSON file
// that leaves one out takes the default here (src/core/config.ts).
import type { ReportSettings, Words } from './config';

export const DEFAULT_WORDS: Words = {
  issuingBody: 'Ủy ban nhân dân tỉnh Hải Dương',
  provinceNoun: 'tỉnh',
  place: 'Hải Dương',
  unitLevel: 'huyện',
  rowLevel: 'xã, phường, thị trấn',
  provinceRow: 'Toàn tỉnh',
  emulationDepartment: 'Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh)',
  povertyDepartment: 'Sở Lao động - Thương binh và Xã hội',
};

/**
 * Recipients: the central emulation board plan 2396 V.4 reports to first, then the provincial
 * Party standing committee and People's Council, the chairman and vice-chairmen, the department
 * of Home Affairs; "Lưu: VT, KGVX." is added by the report (KGVX: the drafting division plan
 * 2396 itself names).
 */
export const DEFAULT_REPORT: ReportSettings = {
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  recipients: [
    'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
    'Thường trực Tỉnh ủy',
    'Thường trực HĐND tỉnh',
    'Chủ tịch, các Phó Chủ tịch UBND tỉnh',
    'Sở Nội vụ',
  ],
  draftingUnit: 'KGVX',
};
