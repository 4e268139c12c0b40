// The administrative words of Cấu hình as the report writes them (Decree 30/2020/NĐ-CP): the
// issuing body over two lines, the signing authority, nouns in lower case inside sentences. Pure.
import type { Config } from './config';

/** Nouns that open an administrative unit's name; inside a sentence they are written in lower case. */
const UNIT_NOUNS = [
  'thành phố',
  'thị xã',
  'thị trấn',
  'huyện',
  'quận',
  'xã',
  'phường',
  'đặc khu',
  'tỉnh',
  'thôn',
  'tổ dân phố',
];

export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** "Huyện Ninh Giang" → "huyện Ninh Giang" (for use inside a sentence); other names unchanged. */
export function inSentence(name: string): string {
  const lower = name.toLowerCase();
  const noun = UNIT_NOUNS.find((n) => lower.startsWith(`${n} `));
  return noun ? noun + name.slice(noun.length) : name;
}

export interface AdminWords {
  /** The issuing body over two lines, in capitals: "ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG". */
  issuerLines: [string, string];
  /** "Ủy ban nhân dân tỉnh Hải Dương" */
  issuer: string;
  /** "Ủy ban nhân dân tỉnh": the body without its place, as a sentence names it again. */
  issuerShort: string;
  /** "TM. ỦY BAN NHÂN DÂN" */
  signerAuthority: string;
  /** "tỉnh Hải Dương" */
  province: string;
  /** "toàn tỉnh" (inside a sentence) and "Toàn tỉnh" (a row's label). */
  whole: string;
  wholeLabel: string;
  /** "huyện"; "xã, phường, thị trấn" */
  unitLevel: string;
  rowLevel: string;
}

/**
 * The issuing body splits before the province noun ("Ủy ban nhân dân" | "tỉnh Hải Dương"); a body
 * that does not contain it stays on the first line.
 */
export function adminWords(config: Config): AdminWords {
  const w = config.words;
  const at = w.issuingBody.toLowerCase().indexOf(` ${w.provinceNoun.toLowerCase()} `);
  const body = at > 0 ? w.issuingBody.slice(0, at) : w.issuingBody;
  const place = at > 0 ? w.issuingBody.slice(at + 1) : '';
  return {
    issuerLines: [body.toUpperCase(), place.toUpperCase()],
    issuer: w.issuingBody,
    issuerShort: at > 0 ? `${body} ${w.provinceNoun}` : w.issuingBody,
    signerAuthority: `TM. ${body.toUpperCase()}`,
    province: `${w.provinceNoun} ${config.province}`,
    whole: lowerFirst(w.provinceRow),
    wholeLabel: w.provinceRow,
    unitLevel: w.unitLevel,
    rowLevel: w.rowLevel,
  };
}
