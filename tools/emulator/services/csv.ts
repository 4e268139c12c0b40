/**
 * `Utilities.parseCsv` (reference: developers.google.com/apps-script/reference/utilities/utilities
 * #parseCsv). Quoting is RFC 4180: a field starting with `"` runs to the closing quote, `""` is
 * a quote, delimiters and line breaks inside quotes are data. Rows end at LF, CRLF or CR; a final
 * line break does not start an empty row. No type conversion. (Google does not document the
 * quoting rules; this is the RFC reading.)
 */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < csv.length) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && csv[i + 1] === '\n') i++;
    } else {
      field += c;
      atFieldStart = false;
    }
    i++;
  }
  if (quoted || !atFieldStart || row.length > 0 || field !== '') endRow();
  return rows;
}
