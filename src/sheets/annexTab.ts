// "Danh sách đề nghị khen thưởng": the list attached to the yearly report (STT; name; position or
// unit; summary of achievements; form; authority), grouped by form, highest first, on A4
// landscape. It lists the shortlist's `eligible` and `to_higher_level` entries that analysts have
// not rejected. Its rows are written by the consolidation to the right of the shortlist (one
// write for both); this tab only refers to them (`=T('Đề xuất khen thưởng'!N…)`), so it costs the
// consolidation no service call, as "Báo cáo năm" refers to the summary.
import type { Config } from '../core/config';
import type { AnnexItem } from '../core/shortlist';
import { asText } from './cellText';
import { setWidths, type Columns } from './columns';
import { columnLetter } from './layout';

/** A decision starting with one of these (any case) rejects the entry: it leaves the annex. */
export const REJECT_WORDS = ['Không', 'Loại', 'Từ chối', 'Trả lại'] as const;
/** '"Không", "Loại", "Từ chối" hoặc "Trả lại"', for the notes that explain it. */
export const REJECT_WORDS_TEXT = `${REJECT_WORDS.slice(0, -1)
  .map((w) => `"${w}"`)
  .join(', ')} hoặc "${REJECT_WORDS[REJECT_WORDS.length - 1]}"`;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The annex's columns (Decree 30/2020 style lists: STT first). Widths fit A4 landscape. */
const COLUMNS = {
  stt: ['STT', undefined, 45],
  name: ['Tên tập thể, cá nhân', undefined, 200],
  position: ['Chức vụ, đơn vị', undefined, 170],
  achievement: ['Tóm tắt thành tích', undefined, 360],
  award: ['Hình thức khen thưởng', undefined, 160],
  authority: ['Cấp quyết định', undefined, 130],
} satisfies Columns;
export const ANNEX_BLOCK_WIDTH = Object.keys(COLUMNS).length;
const HEADERS = Object.values(COLUMNS).map(([header]) => header);

const ANNEX_TITLE = 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG';
/** Row of the column headers on the tab; the entries follow it. */
const ANNEX_HEADER_ROW = 5;

const ROMAN: readonly [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN)
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  return out;
}

/**
 * The annex's rows as the consolidation writes them (text only, so the tab's `T()` shows them):
 * first the subtitle, then, per form, a title row (roman numeral) and its entries (1, 2, …). At
 * most `capacity` rows; beyond, the last says how many more there are.
 */
export function annexBlock(
  config: Config,
  year: number,
  items: AnnexItem[],
  capacity: number,
): string[][] {
  const rows: string[][] = [[asText(`Phong trào thi đua "${config.movementName}" năm ${year}`)]];
  let group = 0;
  let n = 0;
  let award: string | null = null;
  /** The rows under the subtitle; `item` marks an entry's row (not a form's title). */
  const entries: { cells: string[]; item: boolean }[] = [];
  for (const item of items) {
    if (item.award !== award) {
      award = item.award;
      group++;
      n = 0;
      const how =
        item.awardClass === 'higher'
          ? 'trình cấp trên xét'
          : `${config.words.provinceNoun} khen thưởng`;
      entries.push({
        cells: [roman(group), asText(`${item.award.toUpperCase()} (${how})`)],
        item: false,
      });
    }
    n++;
    const cells = [
      String(n),
      item.name,
      item.position,
      item.achievement,
      item.award,
      item.authority,
    ];
    entries.push({ cells: cells.map(asText), item: true });
  }
  if (entries.length === 0)
    entries.push({
      cells: ['', asText('Không có đề nghị khen thưởng nào đủ điều kiện trong năm.')],
      item: false,
    });
  const room = Math.max(1, capacity - 1);
  if (entries.length <= room) return [...rows, ...entries.map((e) => e.cells)];
  const shown = entries.slice(0, room - 1);
  const left = items.length - shown.filter((e) => e.item).length;
  return [
    ...rows,
    ...shown.map((e) => e.cells),
    ['', asText(`… và ${left} đề nghị khác: xem trang "Đề xuất khen thưởng".`)],
  ];
}

/**
 * Builds (or rebuilds) the tab: the fixed title and headers, then one row of references per row
 * of the annex's block on `shortlistSheet` (its first row, the subtitle, goes to row 2), fonts,
 * widths, group titles in bold. `capacity` rows of the block are shown.
 */
export function prepareAnnexTab(
  sheet: Sheet,
  config: Config,
  shortlistSheet: string,
  firstColumn: number,
  capacity: number,
): void {
  const width = ANNEX_BLOCK_WIDTH;
  const last = ANNEX_HEADER_ROW + capacity - 1;
  if (sheet.getMaxRows() < last)
    sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  const source = `'${shortlistSheet.replace(/'/g, "''")}'`;
  const ref = (row: number, column: number) =>
    `=T(${source}!${columnLetter(firstColumn + column)}${row})`;
  const grid: unknown[][] = [
    [ANNEX_TITLE],
    [ref(1, 0)],
    [
      asText(
        `(Kèm theo báo cáo của ${config.words.issuingBody} về kết quả thực hiện phong trào thi đua)`,
      ),
    ],
    [''],
    HEADERS,
  ];
  for (let k = 1; k < capacity; k++) grid.push(HEADERS.map((_, c) => ref(1 + k, c)));
  const values = grid.map((row) => [...row, ...new Array<unknown>(width - row.length).fill('')]);
  sheet.clear();
  sheet.getRange(`A:${columnLetter(width)}`).breakApart();
  sheet.getRange(1, 1, values.length, width).setValues(values);
  sheet
    .getRange(1, 1, values.length, width)
    .setFontFamily('Times New Roman')
    .setFontSize(12)
    .setVerticalAlignment('top')
    .setWrap(true);
  sheet.getRange(1, 1, 3, width).mergeAcross().setHorizontalAlignment('center');
  sheet
    .getRange(1, 1)
    .setFontWeight('bold')
    .setFontSize(14)
    .setNote(
      `Danh sách này được lập lại mỗi lần "Tổng hợp toàn tỉnh…": các đề xuất đủ điều kiện và trình cấp trên xét trên trang "Đề xuất khen thưởng", trừ đề xuất có Quyết định bắt đầu bằng ${REJECT_WORDS_TEXT}. Sau khi sửa cột Quyết định, hãy tổng hợp lại.`,
    );
  sheet.getRange(3, 1).setFontStyle('italic');
  sheet
    .getRange(ANNEX_HEADER_ROW, 1, 1, width)
    .setFontWeight('bold')
    .setHorizontalAlignment('center')
    .setBackground('#eeeeee');
  const body = sheet.getRange(ANNEX_HEADER_ROW + 1, 1, capacity - 1, width);
  const row = ANNEX_HEADER_ROW + 1;
  // A group title has a name and no summary; no argument separator, so no locale matters.
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=(($B${row}<>"")*($D${row}=""))=1`)
      .setBold(true)
      .setBackground('#f3f3f3')
      .setRanges([body])
      .build(),
  ]);
  setWidths(sheet, COLUMNS);
  sheet.setFrozenRows(ANNEX_HEADER_ROW);
  sheet.setHiddenGridlines(true);
}
