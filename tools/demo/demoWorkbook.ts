// The demo's workbook (npm run demo; tools/docsPictures.ts): set up from the default
// configuration, the 12 units filled with SAMPLE data as district staff would type it, reports
// submitted from the sidebar (one late, some missing), then "Tổng hợp toàn tỉnh…" for 2025.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { slug } from '../../src/core/names';
import { CRITERIA_ROWS, UNIT_TEXT } from '../../src/sheets/layout';
import {
  ANALYST,
  newWorkbook,
  protectWorkbook,
  quietly,
  runConsolidateMenu,
  setAnalysts,
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

/** District staff type their unit's criteria for `year` (SAMPLE values varying by unit). */
function typeCriteria(wb: Workbook, unitIndex: number, year: number): void {
  const unit = DEFAULT_CONFIG.units[unitIndex];
  const grid = quietly(wb, () =>
    wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(unit.tab)!.getDataRange().getValues()),
  );
  const title = grid.findIndex((row) => row[0] === UNIT_TEXT.criteriaTitle);
  if (title < 0) return;
  const column = grid[title + 1].findIndex((cell) => Number(cell) === year);
  if (column < 0) return;
  const yes = (k: number) => ((unitIndex + k) % 5 === 0 ? 'Không' : 'Có');
  const values = [
    yes(1),
    yes(2),
    yes(3),
    yes(4),
    200 + ((unitIndex * 370) % 1500),
    1 + (unitIndex % 6),
  ];
  const a1 = `${String.fromCharCode(65 + column)}${title + 3}:${String.fromCharCode(65 + column)}${title + 2 + CRITERIA_ROWS.length}`;
  typeAs(
    wb,
    districtEmail(unit.name),
    unit.tab,
    a1,
    values.map((v) => [v]),
  );
}

/** `locale`: the spreadsheet's (vi_VN by default, as a Vietnamese province's). */
export function buildDemoWorkbook(
  step: (message: string) => void = () => undefined,
  opts: { locale?: string } = {},
): Workbook {
  const year = DEFAULT_CONFIG.finalYear;
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

  step('Các huyện nộp báo cáo năm 2025 từ bảng nhập liệu…');
  const submitAt = (unit: string, iso: string) => {
    wb.emu.setNow(new Date(iso));
    const result = wb.bundle.callAs(districtEmail(unit), 'sidebarSubmitReport', unit, year) as {
      ok: boolean;
      message?: string;
    };
    step(
      `  ${unit}: ${result.ok ? `đã nộp lúc ${iso.replace('T', ' ').slice(0, 16)} UTC` : `chưa nộp được — ${result.message}`}`,
    );
  };
  units.forEach((u, i) => {
    if (i === 11) return; // one unit never submits
    if (i === 10)
      submitAt(u.name, '2025-11-30T03:00:00Z'); // late: 30/11 10:00 in Hà Nội time
    else if (i !== 6 && i !== 9)
      submitAt(u.name, `2025-11-${String(18 + (i % 10)).padStart(2, '0')}T02:30:00Z`);
  });
  wb.emu.setNow(new Date('2025-12-01T01:00:00Z'));
  step('Tổng hợp toàn tỉnh (menu "Tổng hợp toàn tỉnh…")…');
  const message = runConsolidateMenu(wb, year);
  for (const line of message.split('\n')) if (line.trim()) step(line);
  return wb;
}
