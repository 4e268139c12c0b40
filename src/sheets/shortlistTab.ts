// "Đề xuất khen thưởng": the award shortlist grouped by award, highest first, with the analysts'
// "Quyết định" and "Ghi chú" columns. Rows are matched by nomination id, so what analysts typed
// survives every re-run; rows whose id is gone are kept in a last section, never dropped.
import type { Config } from '../core/config';
import type { ShortlistEntry } from '../core/types';
import { asText, padBlock } from './cellText';
import { columnIndex, headerRow, rowOf, setWidths, type Columns } from './columns';

/** The columns: [header, number format, width]; "Quyết định" and "Ghi chú" are the analysts'. */
const COLUMNS = {
  id: ['Mã'],
  unit: ['Đơn vị'],
  type: ['Loại'],
  name: ['Tên tập thể, cá nhân', undefined, 220],
  award: ['Hình thức đề nghị'],
  authority: ['Cấp quyết định'],
  eligible: ['Đủ điều kiện'],
  reason: ['Lý do', undefined, 260],
  evidence: ['Căn cứ (số liệu)', undefined, 260],
  decision: ['Quyết định'],
  note: ['Ghi chú'],
} satisfies Columns;
const HEADERS = headerRow(COLUMNS);
export const SHORTLIST_WIDTH = HEADERS.length;
export const SHORTLIST_HEADER_ROW = 4;
/** 0-based columns of the row values. */
const [ID, UNIT, DECISION, NOTE] = (['id', 'unit', 'decision', 'note'] as const).map(
  (key) => columnIndex(COLUMNS, key) - 1,
);
const KEPT_TITLE = 'ĐỀ XUẤT KHÔNG CÒN TRONG SỐ LIỆU (giữ lại quyết định, ghi chú đã nhập)';

export interface AnalystNotes {
  decision: unknown;
  note: unknown;
  /** the row as it was, to keep it whole when its id is no longer proposed */
  row: unknown[];
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
const hasNotes = (n: AnalystNotes) => str(n.decision) !== '' || str(n.note) !== '';

/** Reads the analysts' columns from the tab's current values, by id. Pure. */
export function readAnalystNotes(values: unknown[][]): Map<string, AnalystNotes> {
  const notes = new Map<string, AnalystNotes>();
  const headerIndex = values.findIndex(
    (row) => str(row[ID]) === HEADERS[ID] && str(row[DECISION]) === HEADERS[DECISION],
  );
  if (headerIndex < 0) return notes;
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const id = str(row[ID]);
    if (!id || str(row[UNIT]) === '') continue; // group titles have no unit
    notes.set(id, {
      decision: row[DECISION] ?? '',
      note: row[NOTE] ?? '',
      row: row.slice(0, SHORTLIST_WIDTH),
    });
  }
  return notes;
}

const keepCell = (v: unknown): unknown => (typeof v === 'string' ? asText(v) : (v ?? ''));

/** The whole tab as one block of values; `previousRows` pads it so old rows are cleared. */
export function shortlistValues(
  config: Config,
  year: number,
  entries: ShortlistEntry[],
  notes: Map<string, AnalystNotes>,
  previousRows: number,
): unknown[][] {
  const rows: unknown[][] = [
    [`ĐỀ XUẤT KHEN THƯỞNG PHONG TRÀO THI ĐUA "${config.movementName.toUpperCase()}" NĂM ${year}`],
    [
      'Cột "Quyết định" và "Ghi chú" dành cho cán bộ tổng hợp; nội dung đã nhập được giữ nguyên mỗi lần tổng hợp lại.',
    ],
    [''],
    HEADERS,
  ];
  const used = new Set<string>();
  const rank = new Map(config.awards.map((a) => [a.name, a.rank]));
  let currentAward: string | null = null;
  for (const e of entries) {
    if (e.award !== currentAward) {
      currentAward = e.award;
      const known = rank.has(e.award);
      rows.push(
        rowOf(COLUMNS, {
          name: known ? asText(`${e.award.toUpperCase()}`) : 'HÌNH THỨC KHÔNG CÓ TRONG DANH MỤC',
          authority: asText(e.authority),
        }),
      );
    }
    const kept = notes.get(e.id);
    used.add(e.id);
    rows.push(
      rowOf(COLUMNS, {
        id: asText(e.id),
        unit: asText(e.district),
        type: asText(e.type),
        name: asText(e.name),
        award: asText(e.award),
        authority: asText(e.authority),
        eligible: e.eligible ? 'Đủ điều kiện' : 'Chưa đủ điều kiện',
        reason: asText(e.reason),
        evidence: asText(e.evidence),
        decision: keepCell(kept?.decision),
        note: keepCell(kept?.note),
      }),
    );
  }
  const orphans = [...notes.entries()].filter(([id, n]) => !used.has(id) && hasNotes(n));
  if (orphans.length > 0) {
    rows.push([''], rowOf(COLUMNS, { name: KEPT_TITLE }));
    for (const [, n] of orphans) rows.push(n.row.map(keepCell));
  }
  return padBlock(rows, SHORTLIST_WIDTH, Math.max(rows.length, previousRows));
}

export const SHORTLIST_SPARE_ROWS = 200;

/** Rows the tab needs at most: every commune and unit proposed, their groups, and spare rows. */
export function shortlistCapacity(config: Config): number {
  const communes = config.units.reduce((n, u) => n + u.communes.length, 0);
  return (
    SHORTLIST_HEADER_ROW +
    communes +
    config.units.length +
    config.awards.length * 2 +
    SHORTLIST_SPARE_ROWS
  );
}

export function prepareShortlistTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  config: Config,
): void {
  const rows = sheet.getMaxRows();
  const needed = shortlistCapacity(config);
  if (rows < needed) sheet.insertRowsAfter(rows, needed - rows);
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(13);
  sheet
    .getRange(SHORTLIST_HEADER_ROW, 1, 1, SHORTLIST_WIDTH)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setWrap(true);
  sheet
    .getRange(SHORTLIST_HEADER_ROW, DECISION + 1, 1, NOTE - DECISION + 1)
    .setBackground('#fff8e1');
  sheet.setFrozenRows(SHORTLIST_HEADER_ROW);
  setWidths(sheet, COLUMNS);
}
