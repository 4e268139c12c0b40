// Setup and protection stop at their time budget (src/sheets/runClock.ts: 240 s of Apps Script's
// 6 minutes) and resume on the next click. The budget reads Date.now(), the emulator's virtual
// clock, which tools/bench/callClock.ts moves by a cost per counted spreadsheet call: here 2.4 s
// per read/write call and 80 ms per handle call (sixteen times the high end of the bench's model),
// so that the 12-unit province needs several runs. The same workbook built in one uninterrupted run
// (clock frozen) is the reference.
import { Emulator, type Bundle, type RecordedAlert } from '../../tools/emulator';
import { chargeCalls } from '../../tools/bench/callClock';
import { PROTECTION_UNFINISHED, runUntilDone } from '../../tools/bench/workbooks';
import {
  alertTextDuring,
  ANALYST,
  openWorkbook,
  protectWorkbook,
  runConsolidateMenu,
  workbookSnapshot,
  type Workbook,
} from '../../tools/workbookDriver';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { protectionTag } from '../../src/sheets/protection';
import { ensureBuilt } from './setupFixture';

// The province's first setup and first protection run each fit one run even at four times the
// high end (docs/DECISIONS.md 56-57): sixteen times it, so that they need several.
const SLOW = { readWriteMs: 2400, handleMs: 80 };
const UNITS = DEFAULT_CONFIG.units.map((u) => u.name);

const setupOnce = (wb: Workbook): string => alertTextDuring(wb, () => wb.bundle.call('menuSetup'));

const UNFINISHED = /^Sổ chưa khởi tạo \/ cập nhật xong: /;

let reference: Workbook;
let resumed: Workbook;
const setupMessages: string[] = [];
const consolidationWhileUnfinished: string[] = [];
const selfCheckWhileUnfinished: string[] = [];

const selfCheck = (wb: Workbook): string =>
  alertTextDuring(wb, () => wb.bundle.callAs(ANALYST, 'menuSelfCheck'));

beforeAll(() => {
  ensureBuilt();
  reference = openWorkbook();
  expect(setupOnce(reference)).not.toMatch(UNFINISHED);
  resumed = openWorkbook();
  const stop = chargeCalls(resumed.emu, SLOW);
  try {
    for (let run = 0; run < 20; run++) {
      const message = setupOnce(resumed);
      setupMessages.push(message);
      if (!UNFINISHED.test(message)) break;
      consolidationWhileUnfinished.push(runConsolidateMenu(resumed, 2025));
      selfCheckWhileUnfinished.push(selfCheck(resumed));
    }
  } finally {
    stop();
  }
});

test('a setup too long for one run stops at its budget, says how far it got, and resumes', () => {
  expect(setupMessages.length).toBeGreaterThanOrEqual(2);
  const [first, ...rest] = setupMessages;
  // The first run names the last tab it finished and the one the next click starts from.
  const match = /đến hết trang của (.+) \((\d+)\/12 trang\)/.exec(first);
  expect(match).not.toBeNull();
  const done = Number(match![2]);
  expect(match![1]).toBe(UNITS[done - 1]);
  expect(first).toContain(`để làm tiếp từ trang của ${UNITS[done]}`);
  expect(first).toContain('Phần đã làm đã được lưu.');
  expect(rest[rest.length - 1]).toContain('Số liệu đã nhập được giữ nguyên.');
  for (const m of setupMessages.slice(0, -1)) expect(m).toMatch(UNFINISHED);
});

test('a half-done workbook is never consolidated: the consolidation names what is left', () => {
  expect(consolidationWhileUnfinished.length).toBe(setupMessages.length - 1);
  for (const m of consolidationWhileUnfinished) {
    expect(m).toMatch(/^Sổ chưa khởi tạo xong: .* còn \d+\/12 trang đơn vị/);
    expect(m).toContain('Hãy chọn lại "Khởi tạo / cập nhật sổ" để làm tiếp');
  }
  // "Kiểm tra cài đặt" reports it too, on Cấu hình.
  expect(selfCheckWhileUnfinished.length).toBe(consolidationWhileUnfinished.length);
  for (const m of selfCheckWhileUnfinished)
    expect(m).toMatch(/Trang "Cấu hình", ô A1: Sổ chưa khởi tạo xong: .* còn \d+\/12 trang đơn vị/);
});

test('the resumed setup gives the same workbook as one uninterrupted run', () => {
  const a = workbookSnapshot(resumed);
  const b = workbookSnapshot(reference);
  expect(a.tabs.map((t) => t.name)).toEqual(b.tabs.map((t) => t.name));
  expect(a).toEqual(b);
  // And once finished, the consolidation runs (in both, so that their log tabs stay alike).
  expect(runConsolidateMenu(resumed, 2025)).toMatch(/^Đã tổng hợp/);
  expect(runConsolidateMenu(reference, 2025)).toMatch(/^Đã tổng hợp/);
});

test('protection too long for one run stops between tabs, resumes, and ends with the protections of one run', () => {
  expect(protectWorkbook(reference)).toContain('Đã phân quyền');
  const stopCharging = chargeCalls(resumed.emu, SLOW);
  let first: string;
  try {
    first = protectWorkbook(resumed);
  } finally {
    stopCharging();
  }
  expect(first).toMatch(
    /^Phân quyền chưa xong: lần chạy này đã làm \d+ thay đổi, còn \d+ vùng bảo vệ phải tạo hoặc gỡ/,
  );
  // A run stops between tabs only: each unit tab has all four of its protections or none yet
  // (never the sheet's open cells without the unit's range over them).
  const own = workbookSnapshot(resumed).protections.filter((p) => p.description.startsWith('gn:'));
  const perTab = DEFAULT_CONFIG.units.map((u) => own.filter((p) => p.sheet === u.tab).length);
  expect(perTab.some((n) => n === 4)).toBe(true);
  expect(perTab.some((n) => n === 0)).toBe(true);
  expect(perTab.every((n) => n === 0 || n === 4)).toBe(true);
  const messages = runUntilDone(resumed.emu, resumed.bundle, 'menuProtect', PROTECTION_UNFINISHED, {
    costs: SLOW,
    maxRuns: 20,
  }).map((run) => run.message);
  expect(messages[messages.length - 1]).toContain('Đã phân quyền');
  // The same protections; their fingerprints differ only by the tabs' ids (the resumed setup
  // made a template tab on each run, so its unit tabs have other ids than the reference's).
  const unfingerprinted = (wb: Workbook) =>
    workbookSnapshot(wb).protections.map((p) => ({
      ...p,
      description: protectionTag(p.description),
    }));
  expect(unfingerprinted(resumed)).toEqual(unfingerprinted(reference));
});

test('a protection run the spreadsheet refused is reported at once, not clicked again as one stopped at its budget', () => {
  // src/server/protectRun.ts's message when a Sheets call throws.
  const refused =
    'Phân quyền chưa xong vì bảng tính từ chối một thao tác (Không thể lưu). Hãy chạy lại lệnh này; nếu vẫn lỗi, nhờ chủ sở hữu bảng tính chạy.';
  const emu = new Emulator({ owner: ANALYST, user: ANALYST });
  let clicks = 0;
  const refusing = {
    call: () => {
      clicks++;
      emu.ui.alerts.push({ message: refused } as RecordedAlert);
    },
  } as unknown as Bundle;
  const runs = runUntilDone(emu, refusing, 'menuProtect', PROTECTION_UNFINISHED);
  expect(runs.map((r) => r.message)).toEqual([refused]);
  expect(clicks).toBe(1);
});
