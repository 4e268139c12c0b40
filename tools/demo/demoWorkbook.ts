// The demo's workbook (npm run demo; tools/docsPictures.ts): set up from the default
// configuration, the 12 units filled with SAMPLE data as district staff would type it (criteria
// and nominations chosen so that the shortlist shows every status and every reason), reports
// submitted from the sidebar (late, resubmitted, returned, missing), a sample quota on Cấu hình,
// then "Tổng hợp toàn tỉnh…" for 2025.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { formatDateTimeVi } from '../../src/core/format';
import { slug } from '../../src/core/names';
import { CRITERIA_FIELDS, type CriteriaKey } from '../../src/core/fields';
import { a1 } from '../../src/sheets/layout';
import {
  ANALYST,
  criteriaCells,
  newWorkbook,
  protectWorkbook,
  runConsolidateMenu,
  setAnalysts,
  setAwardQuota,
  setEditors,
  typeAs,
  typeCommuneRows,
  typeNominations,
  type Workbook,
} from '../workbookDriver';
import { asCsvRows, sampleNominations, sampleRecords } from './sampleData';

/** The SAMPLE e-mail of a unit's district staff, e.g. canbo.huyen-gia-loc@haiduong.gov.vn. */
export const districtEmail = (unit: string): string =>
  `canbo.${slug(unit).toLowerCase()}@haiduong.gov.vn`;

/**
 * SAMPLE criteria of 2025 (plan 2396 III.1.b), chosen so that the shortlist shows each reason a
 * unit that attained the target may still not be eligible: unit index → the yes/no criteria
 * answered "Không" or left blank (the others are "Có").
 */
const SAMPLE_CRITERIA: Record<
  number,
  Partial<Record<'plan' | 'allocated' | 'settled' | 'reports', 'Không' | ''>>
> = {
  1: { reports: 'Không' }, // Thành phố Chí Linh: other reports late
  2: { settled: 'Không' }, // Huyện Nam Sách: budget not settled on time
  4: { plan: 'Không' }, // Huyện Kim Thành: no implementation plan
  8: { allocated: 'Không', settled: '' }, // Huyện Gia Lộc: no budget; settlement not filled in
};

/** District staff type their unit's criteria for `year` (SAMPLE values). */
function typeCriteria(wb: Workbook, unitIndex: number, year: number): void {
  const unit = DEFAULT_CONFIG.units[unitIndex];
  const at = criteriaCells(wb, DEFAULT_CONFIG, unit.name, year);
  if (!at) return;
  const c = SAMPLE_CRITERIA[unitIndex] ?? {};
  const sample: Record<CriteriaKey, string | number> = {
    planIssued: c.plan ?? 'Có',
    budgetAllocated: c.allocated ?? 'Có',
    budgetSettled: c.settled ?? 'Có',
    reportsOnTime: c.reports ?? 'Có',
    resourcesMobilised: 200 + ((unitIndex * 370) % 1500),
    initiatives: 1 + (unitIndex % 6),
  };
  const last = at.row + CRITERIA_FIELDS.length - 1;
  typeAs(
    wb,
    districtEmail(unit.name),
    at.tab,
    `${a1(at.row, at.column)}:${a1(last, at.column)}`,
    CRITERIA_FIELDS.map((f) => [sample[f.key]]),
  );
}

/** A district submits its report from the sidebar at `iso` (the virtual clock is set to it). */
function submitAt(wb: Workbook, step: (m: string) => void, unit: string, iso: string): void {
  wb.emu.setNow(new Date(iso));
  const result = wb.bundle.callAs(districtEmail(unit), 'sidebarSubmitReport', unit, YEAR) as {
    ok: boolean;
    message?: string;
  };
  step(
    `  ${unit}: ${result.ok ? `đã nộp lúc ${formatDateTimeVi(iso, DEFAULT_CONFIG.deadline.utcOffsetMinutes)} (giờ Việt Nam)` : `chưa nộp được — ${result.message}`}`,
  );
}

/** The analyst returns a report from the sidebar at `iso`. */
function returnAt(
  wb: Workbook,
  step: (m: string) => void,
  unit: string,
  iso: string,
  reason: string,
): void {
  wb.emu.setNow(new Date(iso));
  wb.bundle.callAs(ANALYST, 'sidebarReturnReport', unit, YEAR, reason);
  step(
    `  ${unit}: cán bộ tổng hợp trả lại lúc ${formatDateTimeVi(iso, DEFAULT_CONFIG.deadline.utcOffsetMinutes)} giờ Việt Nam (${reason})`,
  );
}

/**
 * The reports of 2025 (SAMPLE): most units on time; Thanh Hà submits again after the deadline
 * (its first submission still counts); Bình Giang's report is returned and submitted again after
 * the deadline (late); Ninh Giang submits on 30/11 (late); Kim Thành cannot submit while its tab
 * has an error; Cẩm Giàng, Tứ Kỳ and Thanh Miện never submit.
 */
function submitReports(wb: Workbook, step: (m: string) => void): void {
  const units = DEFAULT_CONFIG.units;
  units.forEach((u, i) => {
    if (i === 6 || i === 9 || i === 11) return;
    if (i === 10) submitAt(wb, step, u.name, '2025-11-30T03:00:00Z');
    else submitAt(wb, step, u.name, `2025-11-${String(18 + (i % 10)).padStart(2, '0')}T02:30:00Z`);
  });
  returnAt(wb, step, units[7].name, '2025-11-27T03:00:00Z', 'thiếu số liệu hộ tái nghèo (mẫu)');
  submitAt(wb, step, units[7].name, '2025-12-01T02:00:00Z');
  submitAt(wb, step, units[5].name, '2025-12-01T03:00:00Z');
}

/** The form given a SAMPLE quota, so the shortlist shows an entry beyond it. */
export const QUOTA_AWARD = 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội';
const YEAR = DEFAULT_CONFIG.finalYear;

/** `locale`: the spreadsheet's (vi_VN by default, as a Vietnamese province's). */
export function buildDemoWorkbook(
  step: (message: string) => void = () => undefined,
  opts: { locale?: string } = {},
): Workbook {
  const year = YEAR;
  step('Khởi tạo sổ (menu "Khởi tạo / cập nhật sổ")…');
  const wb = newWorkbook({ now: new Date('2025-11-20T02:00:00Z'), locale: opts.locale });
  const units = DEFAULT_CONFIG.units;
  // Unit 6 has not entered three communes for the year: it stays provisional.
  const incomplete = units[6];
  const incompleteDropped = new Set(incomplete.communes.slice(-3));
  const rows = asCsvRows(
    sampleRecords().filter(
      (r) =>
        !(r.district === incomplete.name && r.year === year && incompleteDropped.has(r.commune)),
    ),
  );
  // Unit 9 typed a figure with a thousands separator: an error the summary lists with its cell.
  const typo = rows.find((r) => r.district === units[9].name && r.year === String(year));
  if (typo) typo.households = `${typo.households.slice(0, -3)} hộ`;
  units.forEach((u, i) => {
    if (i % 3 === 0) step(`Nhập số liệu ${i + 1}/${units.length}: ${u.name}…`);
  });
  typeCommuneRows(wb, rows, DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years);
  typeNominations(wb, sampleNominations());

  step('Phân quyền: mỗi huyện một cán bộ nhập liệu (e-mail mẫu), cán bộ tổng hợp của tỉnh…');
  setAnalysts(wb, [ANALYST]);
  units.forEach((u) => setEditors(wb, u.name, [districtEmail(u.name)]));
  wb.emu.shareWith(...units.map((u) => districtEmail(u.name)));
  protectWorkbook(wb);
  units.forEach((_, i) => typeCriteria(wb, i, year));

  step('Các huyện nộp báo cáo năm 2025 từ bảng nhập liệu (số liệu mẫu)…');
  submitReports(wb, step);
  step(
    `Cán bộ tổng hợp đặt số lượng tối đa 1 "${QUOTA_AWARD}" mỗi năm trên trang "Cấu hình" (mẫu)…`,
  );
  setAwardQuota(wb, QUOTA_AWARD, 1);
  wb.emu.setNow(new Date('2025-12-02T01:00:00Z'));
  step('Tổng hợp toàn tỉnh (menu "Tổng hợp toàn tỉnh…")…');
  const message = runConsolidateMenu(wb, year);
  for (const line of message.split('\n')) if (line.trim()) step(line);
  return wb;
}
