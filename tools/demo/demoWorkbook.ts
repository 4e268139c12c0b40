// The demo's workbook (npm run demo; tools/docsPictures.ts): set up from the default
// configuration, the 12 units filled with SAMPLE data as district staff would type it, reports
// submitted from the sidebar (one late, some missing), then "Tổng hợp toàn tỉnh…" for 2025.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { ANALYST, newWorkbook, runConsolidateMenu, typeCommuneRows, typeNominations, type CommuneYearRow, type Workbook } from '../workbookDriver';
import { sampleNominations, sampleRecords } from './sampleData';

export function buildDemoWorkbook(step: (message: string) => void = () => undefined): Workbook {
  const year = DEFAULT_CONFIG.finalYear;
  step('Khởi tạo sổ (menu "Khởi tạo / cập nhật sổ")…');
  const wb = newWorkbook({ now: new Date('2025-11-20T02:00:00Z') });
  const units = DEFAULT_CONFIG.units;
  // Unit 6 has not entered three communes for the year: it stays provisional.
  const incomplete = units[6];
  const incompleteDropped = new Set(incomplete.communes.slice(-3));
  const rows: CommuneYearRow[] = sampleRecords()
    .filter((r) => !(r.district === incomplete.name && r.year === year && incompleteDropped.has(r.commune)))
    .map((r) => ({
      ...r,
      year: String(r.year),
      households: String(r.households),
      poor: String(r.poor),
      near_poor: String(r.near_poor),
      poor_exited: String(r.poor_exited),
      poor_returned: String(r.poor_returned),
      poor_new: String(r.poor_new),
    }));
  // Unit 9 typed a figure with a thousands separator: an error the summary lists with its cell.
  const typo = rows.find((r) => r.district === units[9].name && r.year === String(year));
  if (typo) typo.households = `${typo.households.slice(0, -3)} hộ`;
  units.forEach((u, i) => {
    if (i % 3 === 0) step(`Nhập số liệu ${i + 1}/${units.length}: ${u.name}…`);
  });
  typeCommuneRows(wb, rows, DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years);
  typeNominations(wb, sampleNominations());

  step('Các huyện nộp báo cáo năm 2025 từ bảng nhập liệu…');
  const submitAt = (unit: string, iso: string) => {
    wb.emu.setNow(new Date(iso));
    const result = wb.bundle.callAs(ANALYST, 'sidebarSubmitReport', unit, year) as { ok: boolean; message?: string };
    step(`  ${unit}: ${result.ok ? `đã nộp lúc ${iso.replace('T', ' ').slice(0, 16)} UTC` : `chưa nộp được — ${result.message}`}`);
  };
  units.forEach((u, i) => {
    if (i === 11) return; // one unit never submits
    if (i === 10) submitAt(u.name, '2025-11-30T03:00:00Z'); // late: 30/11 10:00 in Hà Nội time
    else if (i !== 6 && i !== 9) submitAt(u.name, `2025-11-${String(18 + (i % 10)).padStart(2, '0')}T02:30:00Z`);
  });
  wb.emu.setNow(new Date('2025-12-01T01:00:00Z'));
  step('Tổng hợp toàn tỉnh (menu "Tổng hợp toàn tỉnh…")…');
  const message = runConsolidateMenu(wb, year);
  for (const line of message.split('\n')) if (line.trim()) step(line);
  return wb;
}
