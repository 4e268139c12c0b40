// Reads the CLI's CSV files (PRODUCT.md): UTF-8 (a BOM is accepted), comma-separated, RFC 4180
// quoting, CRLF or LF. A file that cannot be read at all throws CsvError with a Vietnamese
// message; bad values inside a readable file are left for the workbook to report per unit.
import { existsSync, readFileSync } from 'node:fs';
import type { CommuneYearRow, NominationRow } from './workbookDriver';

export class CsvError extends Error {}

export const COMMUNE_COLUMNS = ['district', 'commune', 'year', 'households', 'poor', 'near_poor', 'poor_exited', 'poor_returned', 'poor_new', 'merged_into'] as const;
const COMMUNE_REQUIRED = ['district', 'commune', 'year', 'households', 'poor', 'near_poor'];
export const NOMINATION_CSV_COLUMNS = ['id', 'district', 'type', 'name', 'commune', 'achievement', 'award', 'year'] as const;

/** RFC 4180 fields; quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CsvError('Tệp CSV có một trường mở dấu ngoặc kép (") mà không đóng. Hãy kiểm tra lại tệp.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function readText(path: string): string {
  if (!existsSync(path)) throw new CsvError(`Không tìm thấy tệp "${path}".`);
  const bytes = readFileSync(path);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new CsvError(`Tệp "${path}" không phải văn bản UTF-8. Hãy lưu lại tệp với mã hóa UTF-8 (trong Excel: "CSV UTF-8").`);
  }
}

function readTable<K extends string>(path: string, columns: readonly K[], required: readonly string[]): (Record<K, string> & { line: number })[] {
  const rows = parseCsv(readText(path));
  if (rows.length === 0) throw new CsvError(`Tệp "${path}" trống.`);
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvError(`Tệp "${path}" thiếu cột ${missing.map((c) => `"${c}"`).join(', ')} ở dòng tiêu đề. Các cột cần có: ${columns.join(',')}.`);
  }
  return rows.slice(1).map((cells, i) => {
    const record = { line: i + 2 } as Record<K, string> & { line: number };
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
  return readTable(path, NOMINATION_CSV_COLUMNS, ['district', 'type', 'name', 'award', 'year']);
}
