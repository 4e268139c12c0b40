// Text that people typed (names, achievements, notes, e-mails) is written with a leading
// apostrophe, so Sheets stores it as text: never as a formula (=, +, -, @), a number, a date
// or a boolean. The apostrophe is not part of the stored value (SHEETS-FACTS.md §1).

/** A cell value safe to pass to setValues: strings become literal text. */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** Pads every row of a block to `width` cells and the block to `height` rows with blanks. */
export function padBlock(rows: unknown[][], width: number, height = rows.length): unknown[][] {
  const out = rows.map((row) => {
    const copy = row.slice(0, width);
    while (copy.length < width) copy.push('');
    return copy;
  });
  while (out.length < height) out.push(new Array<unknown>(width).fill(''));
  return out;
}
