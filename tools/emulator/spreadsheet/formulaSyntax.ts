/**
 * Formula syntax by spreadsheet locale (SHEETS-FACTS §14). Function names are English in every
 * locale; what changes is punctuation:
 *
 * | locale                       | decimal | arguments | array columns | array rows |
 * | ---------------------------- | ------- | --------- | ------------- | ---------- |
 * | '.' decimal (en_US, en_GB…)  | `.`     | `,` (`;`) | `,`           | `;`        |
 * | ',' decimal (vi_VN, de_DE…)  | `,`     | `;`       | `\`           | `;`        |
 *
 * In a '.' locale `;` is also accepted between arguments and stored as `,`. In a ',' locale a
 * `,` that is not a decimal mark is a parse error, and so is a `.` decimal mark.
 *
 * HyperFormula (and the .xlsx format) use the canonical form, the '.' locale's. Formulas are
 * translated at the boundary: `toCanonical` when a script writes, `fromCanonical` when it reads.
 * A formula that does not parse in its locale is kept as written behind a marker that
 * HyperFormula cannot parse, so the cell computes to `#ERROR!` and reads back as written.
 */
import { localeInfo } from './locale';

export interface FormulaSyntax {
  decimal: '.' | ',';
  argument: ',' | ';';
  arrayColumn: ',' | '\\';
}

export const CANONICAL: FormulaSyntax = { decimal: '.', argument: ',', arrayColumn: ',' };
const COMMA_DECIMAL: FormulaSyntax = { decimal: ',', argument: ';', arrayColumn: '\\' };

export function formulaSyntaxOf(locale: string): FormulaSyntax {
  return localeInfo(locale).decimal === ',' ? COMMA_DECIMAL : CANONICAL;
}

/** The syntax a spreadsheet's formulas are written and read in. */
export function formulaSyntaxFor(settings: {
  localeFormulas: boolean;
  locale: string;
}): FormulaSyntax {
  return settings.localeFormulas ? formulaSyntaxOf(settings.locale) : CANONICAL;
}

/** Prefix of a stored formula that did not parse in its locale: the rest is the text as written. */
const UNPARSED = '=\u0000';

export function isUnparsed(stored: string): boolean {
  return stored.startsWith(UNPARSED);
}

const IDENT_START = /[A-Za-z_$\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_$.\u00C0-\uFFFF]/;
const DIGIT = /[0-9]/;

/** End of a quoted run starting at `i` (`"…"` or `'…'`, doubled quotes escape). */
function quotedEnd(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

interface NumberToken {
  end: number;
  /** The digits with the decimal mark replaced by '.', exponent kept. */
  canonical: string;
}

/** A number literal starting at `i` in the given decimal convention. */
function readNumber(text: string, i: number, decimal: '.' | ','): NumberToken {
  let j = i;
  while (j < text.length && DIGIT.test(text[j])) j++;
  let canonical = text.slice(i, j);
  if (text[j] === decimal && DIGIT.test(text[j + 1] ?? '')) {
    let k = j + 1;
    while (k < text.length && DIGIT.test(text[k])) k++;
    canonical += '.' + text.slice(j + 1, k);
    j = k;
  }
  const exp = /^[eE][+-]?[0-9]+/.exec(text.slice(j));
  if (exp) {
    canonical += exp[0];
    j += exp[0].length;
  }
  return { end: j, canonical };
}

type Scope = '(' | '{';

/**
 * Rewrites the code parts of a formula (outside strings and quoted sheet names) token by token.
 * `separator(c, scope)` maps a separator character met in a scope (innermost bracket) and
 * returns null for a parse error; `number(token)` rewrites a number literal; `afterNumber(c)`
 * says whether the character after a number is a parse error.
 */
function rewrite(
  formula: string,
  separator: (c: string, scope: Scope | undefined) => string | null,
  numberText: (canonical: string) => string,
  decimal: '.' | ',',
  forbiddenAfterNumber: string | null,
): string | null {
  const scopes: Scope[] = [];
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < formula.length && IDENT_PART.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
    } else if (DIGIT.test(c)) {
      const n = readNumber(formula, i, decimal);
      if (forbiddenAfterNumber !== null && formula[n.end] === forbiddenAfterNumber) return null;
      out += numberText(n.canonical);
      i = n.end;
    } else if (c === '(' || c === '{') {
      scopes.push(c);
      out += c;
      i++;
    } else if (c === ')' || c === '}') {
      scopes.pop();
      out += c;
      i++;
    } else if (c === ',' || c === ';' || c === '\\') {
      const mapped = separator(c, scopes.at(-1));
      if (mapped === null) return null;
      out += mapped;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The canonical text of a formula written in a locale's syntax, or null when it does not parse
 * there (a ',' outside a number in a ',' locale, a '.' decimal mark, a '\' outside an array).
 */
export function toCanonical(formula: string, syntax: FormulaSyntax): string | null {
  if (syntax.decimal === '.') {
    // '.' locales also accept ';' between arguments (stored as ','); inside {…} it ends a row.
    return rewrite(
      formula,
      (c, scope) => (c === ';' && scope !== '{' ? ',' : c),
      String,
      '.',
      null,
    );
  }
  return rewrite(
    formula,
    (c, scope) => {
      if (c === ';') return scope === '{' ? ';' : ',';
      if (c === '\\') return scope === '{' ? ',' : null;
      return null; // ',' is only a decimal mark here
    },
    String,
    ',',
    '.',
  );
}

/** A canonical formula in a locale's syntax. */
export function fromCanonical(formula: string, syntax: FormulaSyntax): string {
  if (syntax.decimal === '.') return formula;
  return (
    rewrite(
      formula,
      (c, scope) => (c === ',' ? (scope === '{' ? '\\' : ';') : c),
      (canonical) => canonical.replace('.', ','),
      '.',
      null,
    ) ?? formula
  );
}

/** What HyperFormula stores for a formula written by a script (canonical, or marked unparsed). */
export function storedFormula(written: string, syntax: FormulaSyntax): string {
  const canonical = toCanonical(written, syntax);
  return canonical ?? UNPARSED + written.slice(1);
}

/**
 * The canonical form of a rule's custom formula (data validation, conditional format), or null
 * when it does not parse in the locale. Text without a leading '=' is not a formula: unchanged.
 */
export function ruleFormula(written: string, syntax: FormulaSyntax): string | null {
  if (!written.startsWith('=')) return written;
  return toCanonical(written, syntax);
}

/** What `getFormula()` shows for a stored formula. */
export function shownFormula(stored: string, syntax: FormulaSyntax): string {
  if (isUnparsed(stored)) return '=' + stored.slice(UNPARSED.length);
  return fromCanonical(stored, syntax);
}
