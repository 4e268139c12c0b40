// A plain-text table. A row whose value, target and verdict are empty is a section title.
export type Row = [string, string, string, string];

export function table(header: Row, rows: Row[]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.filter((r) => !isTitle(r)).map((r) => r[i].length)),
  );
  const line = (r: Row) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(header), rule];
  for (const r of rows) out.push(isTitle(r) ? `${r[0]}` : line(r));
  return out.join('\n');
}

function isTitle(r: Row): boolean {
  return r[1] === '' && r[2] === '' && r[3] === '';
}
