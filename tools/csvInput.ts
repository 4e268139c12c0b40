// Reads the CLI's CSV files (PRODUCT.md): UTF-8 (a BOM is accepted), comma-separated, RFC 4180
// quoting, CRLF or LF. A file that cannot be read at all throws CsvError with a Vietnamese
// message naming the file (and the line, when one is at fault); bad values inside a readable
// file are left for the workbook to report per unit.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parse, type Info } from 'csv-parse/sync';
import type { CommuneYearRow, CriteriaRow, NominationRow, ReportRow } from './workbookDriver';

export class CsvError extends Error {}

export const COMMUNE_COLUMNS = [
  'district',
  'commune',
  'year',
  'households',
  'poor',
  'near_poor',
  'poor_exited',
  'poor_returned',
  'poor_new',
  'merged_into',
] as const;
const COMMUNE_REQUIRED = ['district', 'commune', 'year', 'households', 'poor', 'near_poor'];
export const NOMINATION_CSV_COLUMNS = [
  'id',
  'district',
  'type',
  'name',
  'commune',
  'achievement',
  'award',
  'year',
] as const;
const NOMINATION_REQUIRED = ['district', 'type', 'name', 'award', 'year'];
export const CRITERIA_CSV_COLUMNS = [
  'district',
  'year',
  'plan_issued',
  'budget_allocated',
  'budget_settled_on_time',
  'other_reports_on_time',
  'resources_million_vnd',
  'initiatives',
] as const;
const CRITERIA_REQUIRED = [
  'district',
  'year',
  'plan_issued',
  'budget_allocated',
  'budget_settled_on_time',
  'other_reports_on_time',
];
export const REPORT_CSV_COLUMNS = [
  'district',
  'year',
  'submitted_at',
  'figures',
  'document_number',
  'document_date',
  'document_link',
] as const;
const REPORT_REQUIRED = ['district', 'year', 'submitted_at'];

/** Other names a header may have (PRODUCT.md): a unit's column may be headed `unit`, a commune's `area`. */
const HEADER_ALIASES: Readonly<Record<string, string>> = { unit: 'district', area: 'commune' };

/** Thrown by parseCsv; readTable adds the file name. */
export class CsvSyntaxError extends CsvError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A CSV record and the line it starts on (1-based; a quoted field may span several lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Offsets (in bytes) at which each line of `bytes` starts; CRLF, LF and CR all end a line. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line holding byte `offset`, skipping the line breaks of blank lines before it. */
function lineAt(bytes: Buffer, starts: number[], offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * RFC 4180 records (csv-parse): quoted fields may hold commas, quotes ("") and line breaks;
 * blank lines are skipped; rows may have any number of fields (the header decides).
 */
export function parseCsv(text: string): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const starts = lineStarts(bytes);
  try {
    const records = parse(bytes, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: Info }[];
    let end = 0;
    return records.map(({ record, info }) => {
      const line = lineAt(bytes, starts, end);
      end = info.bytes;
      return { line, cells: record };
    });
  } catch (error) {
    const e = error as { code?: string; bytes?: number };
    if (e.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    const line = lineAt(bytes, starts, e.bytes ?? 0);
    throw new CsvSyntaxError(
      line,
      `dòng ${line} mở dấu ngoặc kép (") mà không đóng, nên không biết trường này kết thúc ở đâu. Hãy kiểm tra dấu ngoặc kép ở dòng ${line}.`,
    );
  }
}

function readText(path: string): string {
  if (!existsSync(path))
    throw new CsvError(`Không tìm thấy tệp "${path}". Hãy kiểm tra lại đường dẫn.`);
  if (statSync(path).isDirectory())
    throw new CsvError(`"${path}" là một thư mục, không phải tệp CSV.`);
  const bytes = readFileSync(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvError(
      `Tệp "${path}" được lưu bằng mã hóa UTF-16 (trong Excel: "Unicode Text"), không phải UTF-8. Hãy lưu lại tệp dạng "CSV UTF-8 (phân cách bằng dấu phẩy)".`,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new CsvError(
      `Tệp "${path}" không phải văn bản UTF-8. Hãy lưu lại tệp với mã hóa UTF-8 (trong Excel: "CSV UTF-8").`,
    );
  }
}

function readTable<K extends string>(
  path: string,
  columns: readonly K[],
  required: readonly string[],
): (Record<K, string> & { line: number })[] {
  let rows: CsvRecord[];
  try {
    rows = parseCsv(readText(path));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CsvError(`Tệp "${path}", ${error.message}`);
    throw error;
  }
  if (rows.length === 0) throw new CsvError(`Tệp "${path}" trống.`);
  const header = rows[0].cells.map((h) => {
    const name = h.trim().toLowerCase();
    return HEADER_ALIASES[name] ?? name;
  });
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const other = [';', '\t'].find(
      (d) => rows[0].cells.length === 1 && rows[0].cells[0].split(d).length >= required.length,
    );
    const hint = other
      ? ` Tệp có vẻ dùng dấu ${other === ';' ? 'chấm phẩy (;)' : 'tab'} để phân cách cột; hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)".`
      : '';
    throw new CsvError(
      `Tệp "${path}", dòng 1 (tiêu đề): thiếu cột ${missing.map((c) => `"${c}"`).join(', ')}. Các cột cần có: ${columns.join(',')}.${hint}`,
    );
  }
  const twice = columns.filter((c) => header.indexOf(c) !== header.lastIndexOf(c));
  if (twice.length > 0) {
    throw new CsvError(
      `Tệp "${path}", dòng 1 (tiêu đề): cột ${twice.map((c) => `"${c}"`).join(', ')} xuất hiện hai lần, nên không biết đọc cột nào. Hãy xóa cột thừa.`,
    );
  }
  if (rows.length === 1)
    throw new CsvError(`Tệp "${path}" chỉ có dòng tiêu đề, không có dòng số liệu nào.`);
  return rows.slice(1).map(({ cells, line }) => {
    const record = { line } as Record<K, string> & { line: number };
    for (const column of columns) {
      const at = header.indexOf(column);
      (record as Record<string, string | number>)[column] = at < 0 ? '' : (cells[at] ?? '');
    }
    return record;
  });
}

export function readCommuneCsv(path: string): CommuneYearRow[] {
  return readTable(path, COMMUNE_COLUMNS, COMMUNE_REQUIRED);
}

export function readNominationCsv(path: string): NominationRow[] {
  return readTable(path, NOMINATION_CSV_COLUMNS, NOMINATION_REQUIRED);
}

export function readCriteriaCsv(path: string): CriteriaRow[] {
  return readTable(path, CRITERIA_CSV_COLUMNS, CRITERIA_REQUIRED);
}

export function readReportCsv(path: string): ReportRow[] {
  return readTable(path, REPORT_CSV_COLUMNS, REPORT_REQUIRED);
}
