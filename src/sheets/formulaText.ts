// Formula text in the spreadsheet's locale. The builders (unitFormulas.ts, summaryTab.ts) write
// formulas in the canonical form, the one of .xlsx files and of en_US (`,` between arguments).
// Sheets parses a script's formula in the spreadsheet's locale: in vi_VN `,` is the decimal mark
// and `;` separates arguments, so a canonical formula shows #ERROR! there. `;` is accepted
// between arguments in every locale (SHEETS-FACTS §14), so every formula is written with `;`, and
// none holds a decimal literal (`1/2`, not `0.5`): one text is right in vi_VN and en_US alike.
// `getFormulas()` answers in the locale's form, so the setup's repair compares neutral forms.

/** `text` with every `from` outside "…" strings and '…' sheet names replaced by `to`. */
function swapOutsideQuotes(text: string, from: string, to: string): string {
  let out = '';
  let quote: string | null = null;
  for (const c of text) {
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === from) {
      out += to;
      continue;
    }
    out += c;
  }
  return out;
}

/** A canonical formula as the setup writes it: `;` between arguments (any locale parses it). */
export const sheetFormula = (canonical: string): string => swapOutsideQuotes(canonical, ',', ';');

/**
 * A formula as `getFormulas()` shows it (`;` in vi_VN, `,` in en_US), in the canonical form, to
 * compare with what the setup would write. Our formulas hold no decimal literal, so no `,` of a
 * decimal mark is ever met outside a string.
 */
export const neutralFormula = (shown: string): string => swapOutsideQuotes(shown, ';', ',');
