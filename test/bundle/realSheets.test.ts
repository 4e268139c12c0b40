// Issue 13 (a real Vietnamese Google Sheet), through the compiled bundle: Apps Script's errors
// reach the code in Vietnamese and are never matched by text (point 3); Nhật ký's times are text
// in Vietnam's time, whatever the spreadsheet's locale (5); a district user never redefines a
// named range, setup removes a name before redefining it, and a unit's named range moved onto
// another unit's tab is named instead of being read (7).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { NAMED, SHEET, unitRangeName } from '../../src/sheets/layout';
import { message } from '../../tools/emulator';
import {
  exportResults,
  quietly,
  runConsolidateMenu,
  setEditors,
  type Workbook,
} from '../../tools/workbookDriver';
import {
  ANALYST,
  GIA_LOC,
  GL,
  NAM_SACH,
  VIETNAMESE,
  YEAR,
  fromClient,
  fullSnapshot,
  logRows,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

const ENGLISH_SERVICE_TEXT =
  /protected cell|number of (rows|columns)|Range not found|permission|Exception|Script function/i;

const nomination = (over: Record<string, unknown> = {}) => ({
  unit: GIA_LOC,
  year: YEAR,
  type: 'Cá nhân',
  name: 'Trần Thị B',
  commune: 'Xã Yết Kiêu',
  achievement: 'Vận động 3 hộ thoát nghèo',
  award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
  ...over,
});
const sheetOf = (wb: Workbook, name: string) =>
  quietly(wb, () => wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(name)!));

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe("point 3: Google's error text is never read", () => {
  test('no source file compares or matches the text of a caught error', () => {
    // `e.message`, `error.message`, `(e as Error).message` used in a test, a comparison or a search.
    const caught = String.raw`(\b(e|err|error)|\((e|err|error) as Error\))\??\.message`;
    const matching = new RegExp(
      String.raw`\.test\([^)]*${caught}|${caught}\s*(===|!==|==|!=|\.(includes|match|startsWith|endsWith|indexOf|search)\b)`,
    );
    const offenders = sources('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (matching.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  test('a district user whose tab does not yet list them is told so in Vietnamese, nothing written', () => {
    const wb = sidebarWorkbook({ protect: true });
    // Cấu hình now lists a second officer for Gia Lộc, but protection has not been run again.
    const newcomer = 'canbo2.gialoc@haiduong.gov.vn';
    wb.emu.shareWith(newcomer);
    setEditors(wb, GIA_LOC, [GL, newcomer]);
    const before = fullSnapshot(wb);
    const text = refusal(fromClient(wb, newcomer, 'sidebarAddNomination', nomination()));
    expect(text).toContain(`Bạn chưa có quyền sửa trang "${GIA_LOC}"`);
    expect(text).toContain('Phân quyền các trang tính');
    expect(text).not.toMatch(ENGLISH_SERVICE_TEXT);
    expect(fullSnapshot(wb)).toEqual(before);
  });

  test("a service's refusal reaches the sidebar as a Vietnamese message with Google's Vietnamese text", () => {
    const wb = sidebarWorkbook({ protect: true });
    // An analyst protects the nominations rows by hand: the tab as a whole stays editable for
    // the district, so only Sheets itself can refuse the write.
    quietly(wb, () =>
      wb.emu.as(ANALYST, () => sheetOf(wb, GIA_LOC).getRange('A38:G60').protect().removeEditor(GL)),
    );
    const before = fullSnapshot(wb);
    const text = refusal(fromClient(wb, GL, 'sidebarAddNomination', nomination()));
    expect(text).toBe(
      `Bảng tính từ chối thao tác: ${message('protectedCell', 'vi')}. Hãy thử lại; nếu vẫn lỗi, báo cán bộ tổng hợp.`,
    );
    expect(text).toMatch(VIETNAMESE);
    expect(fullSnapshot(wb)).toEqual(before);
  });

  test('a summary whose named range changed shape: the consolidation compares shapes, in Vietnamese', () => {
    const wb = sidebarWorkbook();
    quietly(wb, () =>
      wb.emu.asOwner(() =>
        wb.emu.spreadsheet.setNamedRange(
          NAMED.summary,
          sheetOf(wb, SHEET.summary).getRange('A1:C3'),
        ),
      ),
    );
    const shown = runConsolidateMenu(wb, YEAR);
    expect(shown).toContain(`Không tìm thấy trang "${SHEET.summary}" hoặc trang đã đổi cấu trúc`);
    expect(shown).not.toMatch(ENGLISH_SERVICE_TEXT);
  });
});

describe('point 5: times are text in Vietnam time, never re-parsed by the locale', () => {
  test('Nhật ký and the status line in an en_US spreadsheet', () => {
    const wb = sidebarWorkbook({ now: new Date('2025-11-20T02:05:00Z') });
    quietly(wb, () => wb.emu.spreadsheet.setSpreadsheetLocale('en_US'));
    expect(fromClient(wb, GL, 'sidebarSubmitReport', GIA_LOC, YEAR).ok).toBe(true);
    wb.emu.setNow(new Date('2025-12-01T16:30:00Z')); // 01/12 23:30 in Hà Nội
    runConsolidateMenu(wb, YEAR);
    // 20/11 09:05 in Vietnam (UTC+7): as text; an en_US parse would have made it 11 August.
    expect(logRows(wb).map((row) => row[0])).toEqual(['01/12/2025 23:30', '20/11/2025 09:05']);
    const status = quietly(wb, () =>
      wb.emu.asOwner(() => sheetOf(wb, GIA_LOC).getRange('A2').getValue()),
    );
    expect(status).toBe(`Báo cáo năm 2025: đã nộp lúc 20/11/2025 09:05 bởi ${GL} (đúng hạn).`);
  });
});

describe('point 7: named ranges', () => {
  test('a nomination that needs a new row: an analyst adds the row, never a named range; district staff are told to ask', () => {
    const wb = sidebarWorkbook({ protect: true });
    const sheet = sheetOf(wb, GIA_LOC);
    // The analyst deletes the blank rows at the bottom: the next nomination needs a new row.
    const max = quietly(wb, () =>
      wb.emu.asOwner(() => {
        const last = sheet.getLastRow();
        if (sheet.getMaxRows() > last) sheet.deleteRows(last + 1, sheet.getMaxRows() - last);
        return sheet.getMaxRows();
      }),
    );
    // District staff may not add rows to their protected tab (docs/DECISIONS.md 56).
    const before = fullSnapshot(wb);
    expect(refusal(fromClient(wb, GL, 'sidebarAddNomination', nomination()))).toContain(
      'không còn dòng trống cho đề cử mới',
    );
    expect(fullSnapshot(wb)).toEqual(before);
    wb.emu.calls.reset();
    let row = 0;
    for (const name of ['Người 1', 'Người 2']) {
      const added = fromClient<{ row: number }>(
        wb,
        ANALYST,
        'sidebarAddNomination',
        nomination({ name }),
      );
      if (!added.ok) throw new Error(added.message);
      row = added.value.row;
    }
    expect(row).toBeGreaterThan(max); // the tab grew
    const calls = wb.emu.calls.snapshot();
    expect(calls['Spreadsheet.setNamedRange'] ?? 0).toBe(0);
    expect(calls['Spreadsheet.removeNamedRange'] ?? 0).toBe(0);
    // The next read covers the new row: the whole-column named range grew with the tab.
    const ids = exportResults(wb, YEAR).shortlist.map((e) => e.name);
    expect(ids).toEqual(expect.arrayContaining(['Người 1', 'Người 2']));
  });

  test("a unit's named range on another unit's tab is named, not read; setup puts it back", () => {
    const wb = sidebarWorkbook();
    const nsIndex = DEFAULT_CONFIG.units.findIndex((u) => u.name === NAM_SACH);
    const name = unitRangeName(nsIndex);
    quietly(wb, () =>
      wb.emu.asOwner(() =>
        wb.emu.spreadsheet.setNamedRange(name, sheetOf(wb, GIA_LOC).getRange('A:X')),
      ),
    );
    runConsolidateMenu(wb, YEAR);
    const { summary } = exportResults(wb, YEAR);
    const ns = summary.districts.find((d) => d.name === NAM_SACH)!;
    expect(ns.errors.map((e) => e.message).join('\n')).toContain(
      `Vùng "${name}", nơi tiện ích đọc số liệu của ${NAM_SACH}, đang nằm trên trang "${GIA_LOC}" của ${GIA_LOC}`,
    );
    // Gia Lộc's figures are counted once: 18 communes × 2 poor (sidebarApi.fixture.ts).
    expect([ns.communesReported, ns.poor, summary.total.poor]).toEqual([0, 0, 36]);
    wb.emu.calls.reset();
    wb.bundle.callAs(ANALYST, 'menuSetup');
    expect(wb.emu.calls.get('Spreadsheet.removeNamedRange')).toBe(1);
    const back = quietly(wb, () =>
      wb.emu.asOwner(() => wb.emu.spreadsheet.getRangeByName(name)!.getSheet().getName()),
    );
    expect(back).toBe(NAM_SACH);
  });

  test('setup turns a named range someone bounded back into whole columns (removed first)', () => {
    const wb = sidebarWorkbook();
    quietly(wb, () =>
      wb.emu.asOwner(() =>
        wb.emu.spreadsheet.setNamedRange(NAMED.log, sheetOf(wb, SHEET.log).getRange('A1:I1000')),
      ),
    );
    wb.emu.calls.reset();
    wb.bundle.callAs(ANALYST, 'menuSetup');
    expect(wb.emu.calls.get('Spreadsheet.removeNamedRange')).toBe(1);
    const a1 = quietly(wb, () =>
      wb.emu.asOwner(() => wb.emu.spreadsheet.getRangeByName(NAMED.log)!.getA1Notation()),
    );
    expect(a1).toBe('A:I');
  });
});
