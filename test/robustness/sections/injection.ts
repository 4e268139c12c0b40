// Formula injection: text people type that starts with =, +, - or @ (commune names, nominee
// names, achievements, nomination ids, awards, the analyst's notes, a return reason, a
// nomination added from the sidebar) is never written as a formula by the add-on, on any tab nor
// in the .xlsx. Each payload carries a marker so any formula made from it is found.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { NAMED, SHEET } from '../../../src/sheets/layout';
import {
  allFormulas,
  ANALYST,
  api,
  layoutOf,
  peek,
  runConsolidateMenu,
  shortlistNotes,
  UNITS,
  YEAR,
  type Baseline,
  type Workbook,
} from '../harness';

const MARK = 'GNINJ';
const payload = (lead: string, i: number) =>
  ({
    '=': `=HYPERLINK("http://evil.example/${MARK}${i}";"Bấm vào đây")`,
    '+': `+${MARK}${i}+1`,
    '-': `-${MARK}${i}-1`,
    '@': `@SUM(${MARK}${i})`,
  })[lead] as string;
const LEADS = ['=', '+', '-', '@'];

/** What a person types into a cell to enter it as text (Sheets would make "=…" a formula). */
const asTyped = (text: string) => `'${text}`;

/** The tests of this section, on the shared baseline workbook (see ../safety.test.ts). */
export function injectionTests(shared: () => Baseline): void {
  let base: Baseline;
  let xlsxDir: string;
  const planted = new Map<string, string>(); // payload → where it was typed

  function typeOn(wb: Workbook, tab: string, a1: string, values: string[], what: string): void {
    peek(wb, () =>
      api(wb)
        .getSheetByName(tab)!
        .getRange(a1)
        .offset(0, 0, 1, values.length)
        .setValues([values.map(asTyped)]),
    );
    for (const v of values) if (v.includes(MARK)) planted.set(v, what);
  }

  beforeAll(() => {
    base = shared();
    const wb = base.wb;
    let i = 0;
    for (const lead of LEADS) {
      const unit = LEADS.indexOf(lead) + 2; // units 2..5
      const tab = UNITS[unit].tab;
      const layout = layoutOf(unit);
      const p = () => payload(lead, ++i);
      // a commune name, a merger target, a criterion
      typeOn(wb, tab, `B${layout.firstCommuneRow + 1}`, [p()], 'tên xã');
      typeOn(wb, tab, `C${layout.firstCommuneRow + 2}`, [p(), '2025'], 'xã sáp nhập vào');
      typeOn(wb, tab, `E${layout.firstCriteriaRow}`, [p()], 'tiêu chí');
      // nominations: id, year, type, name, commune, achievement, award — each field a payload
      const row = layout.firstNominationRow + 3;
      typeOn(
        wb,
        tab,
        `A${row}`,
        [
          p(),
          '2025',
          'Cá nhân',
          p(),
          '',
          p(),
          'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
        ],
        'đề cử: mã, tên, thành tích',
      );
      typeOn(
        wb,
        tab,
        `A${row + 1}`,
        [`ĐC-INJ-${i}`, '2025', p(), `Người thứ ${i}`, p(), 'Thành tích.', p()],
        'đề cử: loại, xã, hình thức',
      );
    }
    // From the sidebar, as the analyst: a nomination whose texts start with each lead.
    for (const lead of LEADS) {
      const n = ++i;
      const result = wb.bundle.callAs(ANALYST, 'sidebarAddNomination', {
        unit: UNITS[7].name,
        year: YEAR,
        type: 'Cá nhân',
        name: payload(lead, n),
        commune: '',
        achievement: payload(lead, n + 100),
        award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
      }) as { ok: boolean; message?: string };
      expect(result).toMatchObject({ ok: true });
      planted.set(payload(lead, n), 'sidebar: tên');
      planted.set(payload(lead, n + 100), 'sidebar: thành tích');
    }
    // A report returned with a reason that starts with "=" (status line and Nhật ký).
    const reason = payload('=', 999);
    expect(wb.bundle.callAs(ANALYST, 'sidebarApproveReport', UNITS[0].name, YEAR)).toMatchObject({
      ok: true,
    });
    expect(wb.bundle.callAs(ANALYST, 'sidebarSubmitReport', UNITS[6].name, YEAR)).toMatchObject({
      ok: true,
    });
    expect(
      wb.bundle.callAs(ANALYST, 'sidebarReturnReport', UNITS[6].name, YEAR, reason),
    ).toMatchObject({ ok: true });
    planted.set(reason, 'lý do trả lại báo cáo');

    runConsolidateMenu(wb, YEAR);
    // The analyst types notes that start with each lead (as text) on the shortlist, then re-runs.
    peek(wb, () => {
      const range = api(wb).getRangeByName(NAMED.shortlist)!;
      const grid = range.getValues();
      const rows = grid
        .map((r, k) => ({ r, k }))
        .filter(({ r, k }) => k > 3 && r[0] !== '' && r[1] !== '');
      rows.slice(0, LEADS.length).forEach(({ k }, j) => {
        const decision = payload(LEADS[j], 500 + j);
        const note = payload(LEADS[(j + 1) % LEADS.length], 600 + j);
        range
          .getSheet()
          .getRange(k + 1, 10, 1, 2)
          .setValues([[asTyped(decision), asTyped(note)]]);
        planted.set(decision, 'quyết định của cán bộ tổng hợp');
        planted.set(note, 'ghi chú của cán bộ tổng hợp');
      });
    });
    wb.emu.advance(60_000);
    runConsolidateMenu(wb, YEAR);
    wb.emu.advance(60_000);
    runConsolidateMenu(wb, YEAR);
    xlsxDir = mkdtempSync(join(tmpdir(), 'gn-injection-'));
  }, 180_000);

  afterAll(() => {
    if (xlsxDir) rmSync(xlsxDir, { recursive: true, force: true });
  });

  test('payloads starting with =, +, - and @ were planted in every kind of user text', () => {
    expect(planted.size).toBe(53); // as docs/RELIABILITY.md says
    expect(new Set([...planted.keys()].map((p) => p[0]))).toEqual(new Set(LEADS));
  });

  test('no tab has a formula made from user text, after three consolidations', () => {
    const bad = allFormulas(base.wb).filter((f) => f.formula.includes(MARK));
    expect(bad).toEqual([]);
  });

  test('the user text arrived on the outputs, as text', () => {
    const wb = base.wb;
    const texts = (name: string) =>
      new Set(
        peek(wb, () => api(wb).getSheetByName(name)!.getDataRange().getValues().flat().map(String)),
      );
    const shortlist = texts(SHEET.shortlist);
    const all = [...texts(SHEET.summary), ...texts(SHEET.log), ...shortlist].join('\n');
    // Nominee names, ids and the analyst's notes are whole cells of the shortlist.
    const whole = [...planted]
      .filter(([, where]) => /đề cử: mã|sidebar: tên|quyết định|ghi chú/.test(where))
      .map(([p]) => p);
    expect(whole.length).toBeGreaterThan(8);
    for (const p of whole)
      expect({ p, onShortlist: [...shortlist].some((c) => c === p || c.includes(p)) }).toEqual({
        p,
        onShortlist: true,
      });
    // The return reason reached Nhật ký; the commune names reached the error list.
    expect(all).toContain(payload('=', 999));
    // The notes are still the analyst's, by id.
    const notes = [...shortlistNotes(wb).values()].flat().map(String);
    for (const [p, where] of planted)
      if (/quyết định|ghi chú/.test(where)) expect(notes).toContain(p);
  });

  test('the .xlsx holds no formula made from user text', async () => {
    const path = join(xlsxDir, 'workbook.xlsx');
    await base.wb.emu.saveXlsx(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const bad: string[] = [];
    let cells = 0;
    let formulas = 0;
    book.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells++;
          const v = cell.value as unknown;
          const formula =
            v && typeof v === 'object'
              ? ((v as { formula?: string; sharedFormula?: string }).formula ??
                (v as { sharedFormula?: string }).sharedFormula)
              : undefined;
          if (formula !== undefined) formulas++;
          if (formula !== undefined && formula.includes(MARK))
            bad.push(`${ws.name}!${cell.address}: ${formula}`);
          // (a merged cell repeats its master's value: not a cell of its own)
          const text =
            cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Merge;
          if (typeof v === 'string' && v.includes(MARK) && !text)
            bad.push(`${ws.name}!${cell.address} is not text (type ${cell.type})`);
        }),
      );
    });
    expect(cells).toBeGreaterThan(1000);
    expect(formulas).toBeGreaterThan(100); // the unit tabs' own formulas are there
    expect(bad).toEqual([]);
  });
}
