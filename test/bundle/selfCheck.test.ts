// Issue 13.9: "Kiểm tra cài đặt" checks in the live spreadsheet what the emulator assumes. The
// demo's workbook passes with zero problems; each planted divergence is reported in Vietnamese
// with its tab and cell; the check changes nothing and costs no more than a consolidation plus
// an unchanged re-run of "Phân quyền các trang tính".
//
// Locale: the demo's workbook is a vi_VN spreadsheet whose formulas follow its locale (the
// emulator's `localeFormulas`, the driver's default), as a real vi_VN spreadsheet parses what a
// person types: a formula typed with `,` between arguments is an error there.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { NAMED, columnLetter, unitLayout, unitRangeName } from '../../src/sheets/layout';
import { formulaColumns } from '../../src/sheets/unitFormulas';
import { callKind } from '../../tools/bench/estimate';
import { buildDemoWorkbook } from '../../tools/demo/demoWorkbook';
import {
  ANALYST,
  protectWorkbook,
  quietly,
  runConsolidateMenu,
  workbookSnapshot,
  type Workbook,
} from '../../tools/workbookDriver';
import { ensureBuilt } from './setupFixture';

const UNITS = DEFAULT_CONFIG.units;
const GIA_LOC = 'Huyện Gia Lộc';
const NAM_SACH = 'Huyện Nam Sách';
const OK_TEXT =
  'Không thấy vấn đề nào: ngôn ngữ và múi giờ, công thức, vùng được đặt tên, vùng bảo vệ và phiên bản bố cục đều đúng như tiện ích cần.';

let wb: Workbook;
const demoLines: string[] = [];

const selfCheck = (): string => {
  const before = wb.emu.ui.alerts.length;
  wb.bundle.callAs(ANALYST, 'menuSelfCheck');
  const shown = wb.emu.ui.alerts.slice(before);
  expect(shown.map((a) => a.title)).toEqual(['Kiểm tra cài đặt']);
  return shown[0].message;
};
const sheet = (name: string) =>
  quietly(wb, () => wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(name)!));
const asOwner = <T>(fn: () => T): T => quietly(wb, () => wb.emu.asOwner(fn));
/** The read/write calls since the last reset, the user interface's left out. */
const spreadsheetCalls = (): { readWrite: number } => {
  const calls = Object.entries(wb.emu.calls.snapshot()).filter(
    ([n]) => !/^(Ui|Menu|PromptResponse|SpreadsheetApp\.getUi)/.test(n),
  );
  return { readWrite: calls.reduce((n, [m, c]) => n + (callKind(m) === 'readWrite' ? c : 0), 0) };
};

/** A formula cell of a unit tab: the first formula column of the 2025 block, first commune row. */
const formulaCell = (): string => {
  const L = unitLayout(DEFAULT_CONFIG.baselineYear, DEFAULT_CONFIG.years, 0);
  const block = L.blocks.find((b) => b.year === 2025)!;
  return `${columnLetter(formulaColumns(block).first)}${L.firstCommuneRow}`;
};

beforeAll(() => {
  ensureBuilt();
  wb = buildDemoWorkbook((line) => demoLines.push(line));
});

test('the demo workbook passes with zero problems, changing nothing, within its call budget', () => {
  const before = workbookSnapshot(wb);
  wb.emu.calls.reset();
  expect(selfCheck()).toBe(OK_TEXT);
  const check = spreadsheetCalls();
  expect(workbookSnapshot(wb)).toEqual(before);
  wb.emu.calls.reset();
  runConsolidateMenu(wb, 2025);
  const consolidation = spreadsheetCalls();
  wb.emu.calls.reset();
  expect(protectWorkbook(wb)).toContain('Đã phân quyền'); // unchanged re-run
  const protection = spreadsheetCalls();
  // The calls that cost (read/write, 50-150 ms each in the bench's model; handle calls such as
  // getA1Notation cost 1-10 ms): an unchanged protection run reads only the descriptions
  // (fingerprints); the check reads each of the add-on's protections in full, its editors (one
  // call, then each editor's address, which the model counts as a call too) and, for a sheet
  // protection, its open cells: at most 2 read/write calls more per protection and 1 per editor.
  const own = before.protections.filter((p) => p.description.startsWith('gn:'));
  const editors = own.reduce((n, p) => n + p.editors.length, 0);
  expect(check.readWrite).toBeLessThanOrEqual(
    consolidation.readWrite + protection.readWrite + 2 * own.length + editors,
  );
  expect(selfCheck()).toBe(OK_TEXT); // the re-run changed nothing the check sees
});

test('the demo prints submission times in Vietnam time, never in UTC', () => {
  const submitted = demoLines.filter((l) => l.includes('đã nộp lúc'));
  expect(submitted.length).toBeGreaterThan(0);
  expect(demoLines.join('\n')).not.toContain('UTC');
  // The first unit submitted at 2025-11-18T02:30:00Z: 09:30 in Hà Nội.
  expect(submitted[0]).toBe(`  ${UNITS[0].name}: đã nộp lúc 18/11/2025 09:30 (giờ Việt Nam)`);
});

describe('each planted divergence is reported with its tab and cell', () => {
  test('a formula typed with "," between arguments in a vi_VN spreadsheet', () => {
    const cell = formulaCell();
    asOwner(() => sheet(GIA_LOC).getRange(cell).setFormula('=IF(E6>0,1,0)'));
    expect(selfCheck()).toContain(`• Trang "${GIA_LOC}", ô ${cell}: Công thức cho lỗi #ERROR!.`);
  });

  test('an error value in a formula cell', () => {
    asOwner(() => sheet(NAM_SACH).getRange(formulaCell()).setFormula('=1/0'));
    expect(selfCheck()).toContain(
      `• Trang "${NAM_SACH}", ô ${formulaCell()}: Công thức cho lỗi #DIV/0!.`,
    );
  });

  test("a unit's named range moved to another tab", () => {
    const index = UNITS.findIndex((u) => u.name === NAM_SACH);
    asOwner(() =>
      wb.emu.spreadsheet.setNamedRange(unitRangeName(index), sheet(GIA_LOC).getRange('A1:X40')),
    );
    expect(selfCheck()).toContain(
      `• Trang "${GIA_LOC}", ô A1:X40: Vùng được đặt tên "${unitRangeName(index)}" nằm trên trang "${GIA_LOC}", không phải trang của ${NAM_SACH}.`,
    );
  });

  test("Cấu hình's commune list named range moved to a unit tab", () => {
    asOwner(() =>
      wb.emu.spreadsheet.setNamedRange(NAMED.communeNames, sheet(GIA_LOC).getRange('B6:B9')),
    );
    expect(selfCheck()).toContain(
      `• Trang "${GIA_LOC}", ô B6:B9: Vùng được đặt tên "GN_XA_TEN" nằm trên trang "${GIA_LOC}", không phải trang "Cấu hình".`,
    );
  });

  test('a missing protection', () => {
    const tab = UNITS[0].tab;
    asOwner(() => {
      const p = sheet(tab).getProtections(SpreadsheetAppProtectionType.SHEET)[0];
      p.remove();
    });
    expect(selfCheck()).toContain(
      `• Trang "${tab}", ô A1: Thiếu vùng bảo vệ: vùng chỉ cán bộ tổng hợp sửa (công thức, tiêu đề, tên xã, dòng tổng).`,
    );
  });

  test('the report lists every planted problem and still changes nothing', () => {
    const before = workbookSnapshot(wb);
    const text = selfCheck();
    expect(text).toMatch(/^Có \d+ vấn đề \(chưa có gì bị thay đổi\):/);
    expect(workbookSnapshot(wb)).toEqual(before);
  });
});

/** SpreadsheetApp.ProtectionType.SHEET, as the emulator spells it. */
const SpreadsheetAppProtectionType = { SHEET: 'SHEET' } as const;
