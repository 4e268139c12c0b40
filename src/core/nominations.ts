// Nominations typed on a unit's tab: parsed, with a stable id, invalid ones kept with issues.
import { findAward, NOMINATION_TYPES, rowNoun, type Config, type UnitConfig } from './config';
import { nameFromCell, normalizeName } from './names';
import { formatInt } from './format';
import { makeProblem, shortText } from './problems';
import type { Nomination, Problem, RawNomination, UnmetCode } from './types';
import { isBlank, parseYear, showValue, textFromCell } from './values';

export { NOMINATION_TYPES };

export const ISSUE_AWARD_UNKNOWN = 'hình thức khen thưởng không có trong danh mục';
export const ISSUE_NO_ACHIEVEMENT = 'thiếu tóm tắt thành tích';

type NomField = keyof RawNomination['cells'];

/**
 * Longest text kept per field (as the sidebar's form allows): longer text is cut, and the
 * nomination is not eligible until it is shortened, so an analyst never decides on a cut text
 * and no output cell can exceed the 50,000 characters a cell holds.
 */
export const NOMINATION_LIMITS: Record<Exclude<NomField, 'year'>, number> = {
  id: 100,
  type: 100,
  name: 300,
  commune: 200,
  achievement: 2000,
  award: 300,
};
const FIELD_LABELS: Record<Exclude<NomField, 'year'>, string> = {
  id: 'mã đề cử',
  type: 'loại đối tượng',
  name: 'tên tập thể, cá nhân',
  commune: 'tên xã / đơn vị',
  achievement: 'tóm tắt thành tích',
  award: 'hình thức đề nghị',
};
export const ISSUE_TOO_LONG = 'nội dung quá dài';
const FIELDS: NomField[] = ['id', 'type', 'name', 'commune', 'achievement', 'award', 'year'];

/** FNV-1a, 32 bits, as 8 upper-case hex digits: a short, stable content hash. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).toUpperCase().padStart(8, '0');
}

/** Stable id of a nomination typed without one: same content → same id. */
export function nominationId(
  unit: string,
  year: number | null,
  type: string,
  name: string,
  award: string,
): string {
  return `ĐV-${shortHash([unit, year ?? '', type, name, award].map(String).join('\u001f'))}`;
}

function cellOf(raw: RawNomination, f: NomField, index: number): string {
  const c: unknown = raw.cells && typeof raw.cells === 'object' ? raw.cells[f] : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c : `đề nghị dòng ${index + 1}`;
}

export interface NominationsResult {
  nominations: Nomination[];
  problems: Problem[];
}

type TextField = Exclude<NomField, 'year'>;

/** A nomination's fields as typed, each text cut to its limit; `tooLong` lists the cut ones. */
function readNomination(
  config: Config,
  unitName: string,
  sheet: string,
  raw: RawNomination,
): { n: Nomination; tooLong: [TextField, number][] } {
  const tooLong: [TextField, number][] = [];
  const cut = (f: TextField, text: string): string => {
    if (text.length <= NOMINATION_LIMITS[f]) return text;
    tooLong.push([f, text.length]);
    return `${text.slice(0, NOMINATION_LIMITS[f])}…`;
  };
  const type = cut('type', normalizeName(textFromCell(raw.type)));
  const name = cut('name', normalizeName(textFromCell(raw.name)));
  const communeName = nameFromCell(raw.commune);
  const commune = communeName === null ? null : cut('commune', communeName);
  const achievement = cut('achievement', textFromCell(raw.achievement));
  const award = cut('award', normalizeName(textFromCell(raw.award)));
  const givenId = cut('id', textFromCell(raw.id));
  const yp = parseYear(raw.year);
  const year = yp.kind === 'ok' && config.years.includes(yp.value) ? yp.value : null;
  const n: Nomination = {
    id: givenId || nominationId(unitName, year, type, name, award),
    unit: unitName,
    sheet,
    type,
    name,
    commune,
    achievement,
    award,
    year,
    issues: [],
    problems: [],
  };
  return { n, tooLong };
}

/**
 * The condition a field's problem fails (PRODUCT.md's codes): the type, the award, and otherwise
 * the nomination's own content (its summary of achievements, name, year, commune or id), which
 * the code `achievement` stands for (docs/DECISIONS.md 13).
 */
const ISSUE_CODE: Record<NomField, UnmetCode> = {
  id: 'achievement',
  type: 'type_not_allowed',
  name: 'achievement',
  commune: 'achievement',
  achievement: 'achievement',
  award: 'award_unknown',
  year: 'achievement',
};

/** What keeps a nomination from being eligible: each an issue (for the shortlist) and a problem. */
function checkNomination(
  config: Config,
  unit: UnitConfig,
  raw: RawNomination,
  index: number,
  n: Nomination,
  tooLong: [TextField, number][],
): void {
  const who = n.name ? `đề nghị khen thưởng "${shortText(n.name)}"` : 'đề nghị khen thưởng';
  const flag = (f: NomField, issue: string, text: string) => {
    n.issues.push({ code: ISSUE_CODE[f], text: issue });
    n.problems.push(
      makeProblem(n.sheet, cellOf(raw, f, index), `${who}: ${text}`, n.year ?? undefined),
    );
  };
  for (const [f, length] of tooLong) {
    const limit = formatInt(NOMINATION_LIMITS[f]);
    flag(
      f,
      ISSUE_TOO_LONG,
      `${FIELD_LABELS[f]} quá dài (${formatInt(length)} ký tự, tối đa ${limit}); trang "Đề xuất khen thưởng" chỉ ghi ${limit} ký tự đầu và đề nghị chưa được xét. Hãy rút gọn.`,
    );
  }
  if (!(NOMINATION_TYPES as readonly string[]).includes(n.type))
    flag(
      'type',
      'loại đối tượng không hợp lệ',
      `loại đối tượng ${showValue(raw.type)} không hợp lệ; hãy chọn một trong: ${NOMINATION_TYPES.join('; ')}.`,
    );
  if (!n.name)
    flag('name', 'thiếu tên đối tượng', 'thiếu tên tập thể, cá nhân hoặc tổ chức được đề nghị.');
  if (!n.award)
    flag(
      'award',
      ISSUE_AWARD_UNKNOWN,
      'chưa chọn hình thức khen thưởng; hãy chọn một hình thức trong danh mục.',
    );
  else if (!findAward(config, n.award))
    flag(
      'award',
      ISSUE_AWARD_UNKNOWN,
      `hình thức khen thưởng "${shortText(n.award)}" không có trong danh mục trên trang "Cấu hình"; hãy chọn một hình thức trong danh sách.`,
    );
  if (isBlank(raw.year)) flag('year', 'thiếu năm đề nghị', 'thiếu năm đề nghị khen thưởng.');
  else if (n.year === null)
    flag(
      'year',
      'năm đề nghị không thuộc giai đoạn',
      `năm ${showValue(raw.year)} không thuộc các năm ${config.years.join(', ')} của giai đoạn.`,
    );
  if (n.commune !== null && !unit.communes.map(normalizeName).includes(n.commune)) {
    const noun = rowNoun(config.words);
    flag(
      'commune',
      `${noun} không thuộc đơn vị`,
      `${noun} "${shortText(n.commune)}" không có trong danh sách ${noun} của ${unit.name} trên trang "Cấu hình"; hãy sửa lại tên ${noun}.`,
    );
  }
}

/** Ids must be unique within the tab: later copies get a suffix ("-2", "-3") and a problem. */
function renameDuplicateIds(nominations: Nomination[], idCells: string[]): void {
  const seen = new Map<string, number>();
  nominations.forEach((n, i) => {
    const k = seen.get(n.id) ?? 0;
    seen.set(n.id, k + 1);
    if (k === 0) return;
    const original = n.id;
    n.id = `${original}-${k + 1}`;
    n.problems.push(
      makeProblem(
        n.sheet,
        idCells[i],
        `đề nghị khen thưởng "${shortText(n.name)}" trùng mã "${original}" với một đề nghị khác; đã tạm đổi thành "${n.id}". Hãy xoá đề nghị bị lặp hoặc đặt mã khác.`,
        n.year ?? undefined,
      ),
    );
  });
}

export function validateNominations(
  config: Config,
  unit: UnitConfig,
  sheetName: string,
  list: RawNomination[],
): NominationsResult {
  const nominations: Nomination[] = [];
  const idCells: string[] = [];
  list.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object' || FIELDS.every((f) => isBlank(raw[f]))) return;
    const sheet = typeof raw.sheet === 'string' && raw.sheet ? raw.sheet : sheetName;
    const { n, tooLong } = readNomination(config, unit.name, sheet, raw);
    checkNomination(config, unit, raw, index, n, tooLong);
    nominations.push(n);
    idCells.push(cellOf(raw, textFromCell(raw.id) ? 'id' : 'name', index));
  });
  renameDuplicateIds(nominations, idCells);
  return { nominations, problems: nominations.flatMap((n) => n.problems) };
}
