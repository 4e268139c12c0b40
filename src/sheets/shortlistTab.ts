// "Đề xuất khen thưởng": the award shortlist in sections by who decides (forms forwarded to
// higher levels, the province's own, other authorities' listed apart), grouped by form, highest
// first, with the analysts' "Quyết định", "Ghi chú" and "Khen thưởng đã có" columns. Rows are
// matched by id, so what analysts typed survives every re-run; rows whose id is gone are kept in
// a last section, never dropped. To the right, the annex's rows (src/sheets/annexTab.ts), which
// the tab "Danh sách đề nghị khen thưởng" shows.
import type { AnnexItem } from '../core/shortlist';
import type { AwardClass, Config } from '../core/config';
import type { ShortlistEntry, ShortlistStatus } from '../core/types';
import { annexBlock, ANNEX_BLOCK_WIDTH, REJECT_WORDS, REJECT_WORDS_TEXT } from './annexTab';
import { asText, padBlock } from './cellText';
import { columnIndex, headerRow, rowOf, setWidths, type Columns } from './columns';

/** The columns: [header, number format, width]; the last three are the analysts'. */
const COLUMNS = {
  id: ['Mã'],
  unit: ['Đơn vị'],
  type: ['Loại'],
  name: ['Tên tập thể, cá nhân', undefined, 220],
  award: ['Hình thức đề nghị'],
  authority: ['Cấp quyết định'],
  status: ['Kết quả xét'],
  reason: ['Lý do', undefined, 300],
  evidence: ['Căn cứ (số liệu)', undefined, 260],
  decision: ['Quyết định'],
  note: ['Ghi chú'],
  prior: ['Khen thưởng đã có (cán bộ kiểm tra)', undefined, 140],
} satisfies Columns;
const HEADERS = headerRow(COLUMNS);
/** Columns of the shortlist itself. */
const LIST_WIDTH = HEADERS.length;
/** First column of the annex's rows (one blank column after the list). */
export const ANNEX_FIRST_COLUMN = LIST_WIDTH + 2;
/** Every column the consolidation writes: the list, a blank column, the annex's rows. */
export const SHORTLIST_WIDTH = ANNEX_FIRST_COLUMN + ANNEX_BLOCK_WIDTH - 1;
const SHORTLIST_HEADER_ROW = 4;
const [DECISION, PRIOR] = (['decision', 'prior'] as const).map((key) => columnIndex(COLUMNS, key));
const KEPT_TITLE = 'ĐỀ XUẤT KHÔNG CÒN TRONG SỐ LIỆU (giữ lại quyết định, ghi chú đã nhập)';

export const STATUS_TEXT: Record<ShortlistStatus, string> = {
  eligible: 'Đủ điều kiện',
  not_eligible: 'Chưa đủ điều kiện',
  to_higher_level: 'Trình cấp trên xét',
  other_authority: 'Thuộc thẩm quyền cấp khác',
  duplicate: 'Trùng (không tính)',
};

/**
 * The sections of the tab, in order, by the class of the form (unknown forms last); `noun` is
 * the province level's noun of Cấu hình ("tỉnh", "thành phố").
 */
const sections = (noun: string): readonly { key: AwardClass | 'unknown'; title: string }[] => [
  { key: 'higher', title: `I. HÌNH THỨC TRÌNH CẤP TRÊN XÉT (${noun} chỉ trình)` },
  { key: 'province', title: `II. HÌNH THỨC THUỘC THẨM QUYỀN CỦA ${noun.toUpperCase()}` },
  {
    key: 'other',
    title: `III. THUỘC THẨM QUYỀN CẤP KHÁC (không tính vào đề xuất của ${noun})`,
  },
  { key: 'unknown', title: 'IV. HÌNH THỨC KHÔNG CÓ TRONG DANH MỤC' },
];
const SECTION_COUNT = sections('').length;

/** The decisions offered on the "Quyết định" column; any text may be typed. */
export const DECISIONS = ['Đồng ý', 'Không đồng ý', 'Chờ bổ sung hồ sơ'];
const PRIOR_CHOICES = ['Đã có', 'Chưa có'];

export interface AnalystNotes {
  decision: unknown;
  note: unknown;
  prior: unknown;
  /** the row as it was, by header, to keep it whole when its id is no longer proposed */
  kept: Partial<Record<keyof typeof COLUMNS, unknown>>;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
const hasNotes = (n: AnalystNotes) =>
  str(n.decision) !== '' || str(n.note) !== '' || str(n.prior) !== '';

/**
 * A decision that rejects the entry (it is then left out of the annex): one that starts with a
 * word of REJECT_WORDS ("không đồng ý", "không đề nghị", "loại"…), in any case.
 */
export function isRejected(decision: unknown): boolean {
  const t = str(decision).normalize('NFC').toLowerCase();
  return REJECT_WORDS.some((w) => t.startsWith(w.toLowerCase()));
}

/**
 * Reads the analysts' columns from the tab's current values, by id. The columns are found by
 * their headers, so a tab written by an earlier layout is read too. Pure.
 */
export function readAnalystNotes(values: unknown[][]): Map<string, AnalystNotes> {
  const notes = new Map<string, AnalystNotes>();
  const headerIndex = values.findIndex(
    (row) => str(row[0]) === HEADERS[0] && row.some((v) => str(v) === HEADERS[DECISION - 1]),
  );
  if (headerIndex < 0) return notes;
  const header = values[headerIndex].map(str);
  const at = (key: keyof typeof COLUMNS) => header.indexOf(HEADERS[columnIndex(COLUMNS, key) - 1]);
  const keys = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
  const columns = keys.map((key) => [key, at(key)] as const).filter(([, c]) => c >= 0);
  const [id, unit] = [at('id'), at('unit')];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const rowId = str(row[id]);
    if (!rowId || str(row[unit]) === '') continue; // titles have no unit
    const kept = Object.fromEntries(columns.map(([key, c]) => [key, row[c] ?? '']));
    notes.set(rowId, {
      decision: kept.decision ?? '',
      note: kept.note ?? '',
      prior: kept.prior ?? '',
      kept,
    });
  }
  return notes;
}

const keepCell = (v: unknown): unknown => (typeof v === 'string' ? asText(v) : (v ?? ''));

function sectionOf(config: Config, award: string): AwardClass | 'unknown' {
  return config.awards.find((a) => a.name === award)?.class ?? 'unknown';
}

/** The list's rows (title, note, header, sections, groups, entries, kept rows). */
function listRows(
  config: Config,
  year: number,
  entries: ShortlistEntry[],
  notes: Map<string, AnalystNotes>,
): unknown[][] {
  const rows: unknown[][] = [
    [`ĐỀ XUẤT KHEN THƯỞNG PHONG TRÀO THI ĐUA "${config.movementName.toUpperCase()}" NĂM ${year}`],
    [
      `Cột "Quyết định", "Ghi chú" và "Khen thưởng đã có" dành cho cán bộ tổng hợp; nội dung đã nhập được giữ nguyên mỗi lần tổng hợp lại. Quyết định bắt đầu bằng ${REJECT_WORDS_TEXT} đưa đề xuất ra khỏi "Danh sách đề nghị khen thưởng" ở lần tổng hợp sau.`,
    ],
    [''],
    HEADERS,
  ];
  const used = new Set<string>();
  for (const section of sections(config.words.provinceNoun)) {
    const list = entries.filter((e) => sectionOf(config, e.award) === section.key);
    if (list.length === 0) continue;
    rows.push(rowOf(COLUMNS, { name: section.title }));
    let currentAward: string | null = null;
    for (const e of list) {
      if (e.award !== currentAward) {
        currentAward = e.award;
        rows.push(
          rowOf(COLUMNS, {
            name: section.key === 'unknown' ? asText(e.award) : asText(e.award.toUpperCase()),
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
          status: e.duplicateOf
            ? asText(`${STATUS_TEXT[e.status]}: giữ ${e.duplicateOf}`)
            : STATUS_TEXT[e.status],
          reason: asText(e.reason),
          evidence: asText(e.evidence),
          decision: keepCell(kept?.decision),
          note: keepCell(kept?.note),
          prior: keepCell(kept?.prior),
        }),
      );
    }
  }
  const orphans = [...notes.entries()].filter(([id, n]) => !used.has(id) && hasNotes(n));
  if (orphans.length > 0) {
    rows.push([''], rowOf(COLUMNS, { name: KEPT_TITLE }));
    for (const [, n] of orphans)
      rows.push(
        rowOf(
          COLUMNS,
          Object.fromEntries(Object.entries(n.kept).map(([k, v]) => [k, keepCell(v)])),
        ),
      );
  }
  return rows;
}

/**
 * The whole tab as one block of values: the list, then the annex's rows to its right (entries
 * analysts rejected left out); `previousRows` pads it so old rows are cleared.
 */
export function shortlistValues(
  config: Config,
  year: number,
  entries: ShortlistEntry[],
  notes: Map<string, AnalystNotes>,
  previousRows: number,
  annex: AnnexItem[] = [],
): unknown[][] {
  const list = padBlock(listRows(config, year, entries, notes), LIST_WIDTH + 1);
  const accepted = annex.filter((item) => !isRejected(notes.get(item.id)?.decision));
  const block = annexBlock(config, year, accepted, shortlistCapacity(config));
  const height = Math.max(list.length, block.length, previousRows);
  const left = padBlock(list, LIST_WIDTH + 1, height);
  const right = padBlock(block, ANNEX_BLOCK_WIDTH, height);
  return left.map((row, i) => [...row, ...right[i]]);
}

export const SHORTLIST_SPARE_ROWS = 200;

/** Rows the tab needs at most: every commune and unit proposed, their groups, and spare rows. */
export function shortlistCapacity(config: Config): number {
  const communes = config.units.reduce((n, u) => n + u.communes.length, 0);
  return (
    SHORTLIST_HEADER_ROW +
    SECTION_COUNT +
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
  const columns = sheet.getMaxColumns();
  if (columns < SHORTLIST_WIDTH) sheet.insertColumnsAfter(columns, SHORTLIST_WIDTH - columns);
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(13);
  sheet
    .getRange(SHORTLIST_HEADER_ROW, 1, 1, LIST_WIDTH)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setWrap(true);
  sheet.getRange(SHORTLIST_HEADER_ROW, DECISION, 1, PRIOR - DECISION + 1).setBackground('#fff8e1');
  const list = (values: string[]) =>
    SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(true);
  const dataRows = needed - SHORTLIST_HEADER_ROW;
  sheet
    .getRange(SHORTLIST_HEADER_ROW + 1, DECISION, dataRows, 1)
    .setDataValidation(list(DECISIONS).build());
  sheet
    .getRange(SHORTLIST_HEADER_ROW + 1, PRIOR, dataRows, 1)
    .setDataValidation(list(PRIOR_CHOICES).build());
  sheet.setFrozenRows(SHORTLIST_HEADER_ROW);
  setWidths(sheet, COLUMNS);
  sheet.hideColumns(ANNEX_FIRST_COLUMN, ANNEX_BLOCK_WIDTH);
}
