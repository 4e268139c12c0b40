// Reading single cell values: counts, yes/no, years. Each parser returns a value or a
// Vietnamese description of what is wrong; the caller adds the tab, cell and context.

export type Parsed<T> =
  { kind: 'blank' } | { kind: 'ok'; value: T } | { kind: 'error'; text: string };

/** Largest count accepted; above it a value is "quá lớn" (a typo, not a household count). */
export const MAX_COUNT = 1e9;

const FORMULA_ERROR = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)/i;

/** A formula's error value as read from a cell ("#REF!", "#DIV/0!", …). */
export function isFormulaError(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_ERROR.test(v.trim());
}

export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** How a value is quoted in a message: "abc", 12,5, TRUE, ... */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? 'ngày không hợp lệ' : v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return 'ô trống';
  return 'giá trị không đọc được';
}

/** What each error value of a formula means, in plain words. */
const FORMULA_ERROR_MEANING: Record<string, string> = {
  '#DIV/0!': 'công thức chia cho 0',
  '#REF!': 'công thức tham chiếu tới ô hoặc trang không còn',
  '#NAME?': 'công thức dùng tên hàm hoặc tên vùng không có',
  '#NUM!': 'số quá lớn hoặc phép tính không hợp lệ',
  '#N/A': 'công thức không tìm thấy giá trị',
  '#VALUE!': 'công thức dùng sai kiểu giá trị',
  '#NULL!': 'công thức dùng sai vùng ô',
  '#ERROR!': 'công thức không đọc được',
};

/** "là lỗi công thức (#REF!) — …; hãy sửa công thức hoặc xóa công thức và gõ <what> vào ô" */
function formulaErrorText(t: string, what: string): string {
  const code = (FORMULA_ERROR.exec(t)?.[0] ?? t).toUpperCase();
  const meaning = FORMULA_ERROR_MEANING[code];
  return `là lỗi công thức (${t})${meaning ? ` — ${meaning}` : ''}; hãy sửa công thức hoặc xóa công thức và gõ ${what} vào ô`;
}

function textProblem(s: string, wholeOnly: boolean): string {
  const t = s.trim();
  if (FORMULA_ERROR.test(t)) return formulaErrorText(t, 'số');
  if (/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(t)) {
    const digits = t.replace(/\D/g, '');
    return `có dấu phân cách hàng nghìn; hãy gõ ${digits}, không có dấu chấm hay dấu phẩy`;
  }
  if (/^[+-]?\d+([.,]\d+)?$/.test(t)) {
    const n = t.replace(',', '.');
    const hint = wholeOnly && /[.,]/.test(t) ? ' và phải là số nguyên' : '';
    return `là chữ, không phải số${hint}; hãy gõ lại ${n.replace('.', ',')} dưới dạng số (không có dấu nháy ở đầu)`;
  }
  return 'không phải là số';
}

/**
 * A count of households (whole number ≥ 0, ≤ MAX_COUNT) or, with `wholeOnly` false, an
 * amount ≥ 0 (e.g. million VND). Text, dates, booleans and formula errors are errors.
 */
export function parseCount(v: unknown, wholeOnly = true): Parsed<number> {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', text: 'không phải là số hợp lệ' };
    if (v < 0) return { kind: 'error', text: 'là số âm; số liệu phải lớn hơn hoặc bằng 0' };
    if (wholeOnly && !Number.isInteger(v)) {
      // 1,234 in a Vietnamese sheet is one point two three four: an English thousands separator.
      const thousands = /^\d{1,3}\.\d{3}$/.test(String(v)) ? Math.round(v * 1000) : null;
      return {
        kind: 'error',
        text:
          thousands === null
            ? 'không phải là số nguyên'
            : `không phải là số nguyên; nếu muốn ghi ${thousands} (dấu phẩy là dấu phân cách hàng nghìn kiểu tiếng Anh), hãy gõ ${thousands}, không có dấu phân cách hàng nghìn`,
      };
    }
    if (v > MAX_COUNT)
      return { kind: 'error', text: 'quá lớn; hãy kiểm tra lại (có thể gõ thừa chữ số)' };
    return { kind: 'ok', value: v };
  }
  if (typeof v === 'string') return { kind: 'error', text: textProblem(v, wholeOnly) };
  if (v instanceof Date) return { kind: 'error', text: 'là ngày tháng, không phải số' };
  if (typeof v === 'boolean')
    return { kind: 'error', text: 'là giá trị đúng/sai (TRUE/FALSE), không phải số' };
  return { kind: 'error', text: 'không phải là số' };
}

/** A year: a whole number, or a text of four digits (year headers are often text). */
export function parseYear(v: unknown): Parsed<number> {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'ok', value: v };
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return { kind: 'ok', value: Number(v) };
  return { kind: 'error', text: 'không phải là năm (ví dụ 2023)' };
}

const YES = new Set(['có', 'x', 'true', 'đạt', 'rồi']);
const NO = new Set(['không', 'false', 'chưa']);

/** "Có" / "Không" / blank; also "có", "x", TRUE/FALSE. */
export function parseYesNo(v: unknown): Parsed<boolean> {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: 'ok', value: v };
  if (typeof v === 'string') {
    const t = v.normalize('NFC').trim().toLowerCase();
    if (YES.has(t)) return { kind: 'ok', value: true };
    if (NO.has(t)) return { kind: 'ok', value: false };
    if (FORMULA_ERROR.test(v.trim()))
      return { kind: 'error', text: formulaErrorText(v.trim(), '"Có" hoặc "Không"') };
  }
  return { kind: 'error', text: 'phải là "Có" hoặc "Không" (hoặc để trống)' };
}

/** A free text cell: trimmed string; numbers are shown as typed; anything else is ''. */
export function textFromCell(v: unknown): string {
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}
