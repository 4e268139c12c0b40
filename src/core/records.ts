// Validation of the commune-year rows of one unit.
import { allYears, type Config, type UnitConfig } from './config';
import { formatInt } from './format';
import { nameFromCell, normalizeName } from './names';
import { checkHint, makeProblem, shortText } from './problems';
import type { CommuneYear, CountField, Merger, Problem, RawCommuneYear } from './types';
import { isBlank, isFormulaError, parseCount, parseYear, showValue } from './values';

export const FIELD_LABELS: Record<CountField, string> = {
  households: 'tổng số hộ',
  poor: 'số hộ nghèo',
  nearPoor: 'số hộ cận nghèo',
  poorExited: 'số hộ thoát nghèo',
  poorReturned: 'số hộ tái nghèo',
  poorNew: 'số hộ nghèo phát sinh',
};

const COUNT_FIELDS: CountField[] = [
  'households',
  'poor',
  'nearPoor',
  'poorExited',
  'poorReturned',
  'poorNew',
];
const REQUIRED: CountField[] = ['households', 'poor', 'nearPoor'];
const MOVEMENT: CountField[] = ['poorExited', 'poorReturned', 'poorNew'];

interface Work {
  raw: RawCommuneYear;
  commune: string | null;
  year: number | null;
  values: Record<CountField, number | null>;
  mergedInto: string | null;
  mergedIntoOk: boolean;
  problems: Problem[];
}

export interface RowsResult {
  records: CommuneYear[];
  problems: Problem[];
  mergers: Merger[];
}

const RECORD_FIELDS = ['commune', 'year', ...COUNT_FIELDS, 'mergedInto'] as const;

/** Characters that do not show but make two names different (pasted from the web or Word). */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const PREFIX = /^(xa|phuong|thi tran) /;
/** A name without case, diacritics and the "Xã / Phường / Thị trấn" prefix, to suggest the right one. */
function fold(name: string): string {
  return normalizeName(name.replace(INVISIBLE, ''))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(PREFIX, '');
}

const NAME_SUCCESSOR = 'Hãy ghi đúng tên xã nhận sáp nhập.';

/** What to do about a commune name that is not in Cấu hình: the likely cause when there is one. */
function unknownNameHint(
  name: string,
  unit: UnitConfig,
  otherwise = 'Hãy sửa lại tên cho đúng hoặc thêm xã vào trang "Cấu hình".',
): string {
  const known = unit.communes.map(normalizeName);
  const visible = normalizeName(name.replace(INVISIBLE, ''));
  if (visible !== name && known.includes(visible)) {
    return `Tên xã có ký tự ẩn (thường do dán từ trang web hoặc Word); hãy xóa ô rồi gõ lại "${visible}".`;
  }
  const sameLetters = known.find((k) => k.toLowerCase() === visible.toLowerCase());
  if (sameLetters) {
    return `Tên xã khác "${sameLetters}" trên trang "Cấu hình" ở chữ hoa, chữ thường; hãy gõ đúng "${sameLetters}".`;
  }
  const close = known.filter((k) => fold(k) === fold(name));
  if (close.length === 1) return `Có phải là "${close[0]}"? Hãy gõ đúng tên như trên trang "Cấu hình".`;
  return otherwise;
}

/** The row with a usable sheet name and a non-empty reference for every field. */
function withCells(raw: RawCommuneYear, sheetName: string, index: number): RawCommuneYear {
  const given: Partial<Record<string, unknown>> =
    raw.cells && typeof raw.cells === 'object' ? raw.cells : {};
  const cells = {} as RawCommuneYear['cells'];
  for (const f of RECORD_FIELDS) {
    const c = given[f];
    cells[f] = typeof c === 'string' && c.trim() !== '' ? c : `dòng ${index + 1}`;
  }
  const sheet = typeof raw.sheet === 'string' && raw.sheet.trim() !== '' ? raw.sheet : sheetName;
  return { ...raw, sheet, cells };
}

function isEmptyRow(r: RawCommuneYear): boolean {
  return COUNT_FIELDS.every((f) => isBlank(r[f])) && isBlank(r.mergedInto);
}

/** Parses one row on its own (no cross-row rules). */
function parseRow(
  config: Config,
  unit: UnitConfig | undefined,
  known: Set<string>,
  input: RawCommuneYear,
  sheetName: string,
  index: number,
): Work {
  const raw = withCells(input, sheetName, index);
  const sheet = raw.sheet;
  const commune = nameFromCell(raw.commune);
  const yearP = parseYear(raw.year);
  const year = yearP.kind === 'ok' ? yearP.value : null;
  const y = year ?? undefined;
  const w: Work = {
    raw,
    commune,
    year,
    values: {
      households: null,
      poor: null,
      nearPoor: null,
      poorExited: null,
      poorReturned: null,
      poorNew: null,
    },
    mergedInto: null,
    mergedIntoOk: false,
    problems: [],
  };
  const hint = checkHint(year, commune);
  const add = (cell: string, text: string) => w.problems.push(makeProblem(sheet, cell, text, y));

  if (!unit) {
    add(
      raw.cells.commune,
      `đơn vị "${shortText(normalizeName(String(raw.unit)))}" không có trong danh sách đơn vị trên trang "Cấu hình"; số liệu của dòng này không được tổng hợp. Hãy sửa tên đơn vị cho đúng hoặc thêm đơn vị vào trang "Cấu hình".`,
    );
  }
  if (commune === null) {
    add(raw.cells.commune, `thiếu tên xã. ${hint}`);
  } else if (unit && !known.has(commune)) {
    add(
      raw.cells.commune,
      `xã "${shortText(commune)}" không có trong danh sách xã của ${unit.name} trên trang "Cấu hình". ${unknownNameHint(commune, unit)}`,
    );
  }
  if (yearP.kind === 'blank') add(raw.cells.year, `thiếu năm. ${hint}`);
  else if (yearP.kind === 'error')
    add(raw.cells.year, `năm ${showValue(raw.year)} ${yearP.text}. ${hint}`);
  else if (!allYears(config).includes(yearP.value)) {
    add(
      raw.cells.year,
      `năm ${yearP.value} không thuộc năm đầu kỳ ${config.baselineYear} hay các năm ${config.years.join(', ')} của giai đoạn. ${hint}`,
    );
  }

  for (const f of COUNT_FIELDS) {
    const p = parseCount(raw[f]);
    if (p.kind === 'ok') w.values[f] = p.value;
    else if (p.kind === 'error')
      add(raw.cells[f], `${FIELD_LABELS[f]}${isFormulaError(raw[f]) ? '' : ` (${showValue(raw[f])})`} ${p.text}. ${hint}`);
    else if (REQUIRED.includes(f)) add(raw.cells[f], `${FIELD_LABELS[f]} còn trống. ${hint}`);
  }

  const { households: h, poor, nearPoor } = w.values;
  if (h !== null && poor !== null && nearPoor !== null) {
    if (poor > h) add(raw.cells.poor, `số hộ nghèo (${poor}) lớn hơn tổng số hộ (${h}). ${hint}`);
    if (nearPoor > h)
      add(raw.cells.nearPoor, `số hộ cận nghèo (${nearPoor}) lớn hơn tổng số hộ (${h}). ${hint}`);
    if (poor <= h && nearPoor <= h && poor + nearPoor > h)
      add(
        raw.cells.poor,
        `số hộ nghèo (${poor}) cộng số hộ cận nghèo (${nearPoor}) bằng ${poor + nearPoor}, lớn hơn tổng số hộ (${h}). ${hint}`,
      );
  }

  const filled = MOVEMENT.filter((f) => !isBlank(raw[f]));
  if (filled.length > 0 && filled.length < 3) {
    const missing = MOVEMENT.filter((f) => isBlank(raw[f]));
    add(
      raw.cells[missing[0]],
      `biến động hộ nghèo mới điền ${filled.length}/3 số (còn trống: ${missing
        .map((f) => `${FIELD_LABELS[f]} ô ${raw.cells[f]}`)
        .join(
          ', ',
        )}). Hãy điền đủ cả ba số thoát nghèo, tái nghèo, phát sinh hoặc để trống cả ba. ${hint}`,
    );
  }

  if (!isBlank(raw.mergedInto)) {
    const into = nameFromCell(raw.mergedInto);
    if (into === null || (unit && !known.has(into))) {
      add(
        raw.cells.mergedInto,
        `xã được sáp nhập vào ${showValue(raw.mergedInto)} không có trong danh sách xã của đơn vị. ${into !== null && unit ? unknownNameHint(into, unit, NAME_SUCCESSOR) : NAME_SUCCESSOR} ${hint}`,
      );
    } else if (into === commune) {
      add(raw.cells.mergedInto, `một xã không thể sáp nhập vào chính nó. ${hint}`);
    } else {
      w.mergedInto = into;
      w.mergedIntoOk = unit !== undefined && commune !== null && year !== null;
    }
  }
  return w;
}

function duplicates(works: Work[]): void {
  const groups = new Map<string, Work[]>();
  for (const w of works) {
    if (w.commune === null || w.year === null) continue;
    const key = `${w.year}\u0000${w.commune}`;
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [w]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const cells = g.map((w) => w.raw.cells.commune).join(', ');
    for (const w of g) {
      w.problems.push(
        makeProblem(
          w.raw.sheet,
          w.raw.cells.commune,
          `${shortText(w.commune ?? '')} có ${g.length} dòng số liệu cho năm ${w.year} (ô ${cells}); mọi bản đều không được tổng hợp. Hãy xoá dòng thừa, chỉ giữ một dòng.`,
          w.year ?? undefined,
        ),
      );
    }
  }
}

function mergersOf(works: Work[]): Merger[] {
  const byCommune = new Map<string, Merger>();
  for (const w of works) {
    if (!w.mergedIntoOk || w.mergedInto === null || w.commune === null || w.year === null) continue;
    const prev = byCommune.get(w.commune);
    if (!prev || w.year < prev.year)
      byCommune.set(w.commune, { commune: w.commune, into: w.mergedInto, year: w.year });
  }
  return [...byCommune.values()];
}

function afterMerger(works: Work[], mergers: Merger[]): void {
  for (const w of works) {
    const m = mergers.find((x) => x.commune === w.commune);
    if (!m || w.year === null || w.year <= m.year) continue;
    w.problems.push(
      makeProblem(
        w.raw.sheet,
        w.raw.cells.commune,
        `${shortText(w.commune ?? '')} đã sáp nhập vào ${m.into} (dòng năm ${m.year}), nên không còn số liệu riêng từ năm ${m.year + 1}. Hãy xoá dòng năm ${w.year} và ghi số liệu vào ${m.into}.`,
        w.year,
      ),
    );
  }
}

const DAY_MS = 86_400_000;
/** Date serials of 1/1/2000 and 31/12/2049: a count in this range may be a date typed into it. */
const DATE_SERIAL_MIN = 36_526;
const DATE_SERIAL_MAX = 54_788;

function serialDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * Households far above the commune's other years cannot be right: a date typed into a count
 * cell formatted as a number reads as its serial (15/11/2025 → 45.976), and an extra digit
 * multiplies by ten. Communes in a merger are left out (their households legitimately jump).
 */
function implausibleHouseholds(works: Work[], mergers: Merger[]): void {
  const merged = new Set(mergers.flatMap((m) => [m.commune, m.into]));
  const byCommune = new Map<string, Work[]>();
  for (const w of works) {
    if (w.problems.length > 0 || w.commune === null || w.year === null) continue;
    if (w.values.households === null || merged.has(w.commune)) continue;
    byCommune.set(w.commune, [...(byCommune.get(w.commune) ?? []), w]);
  }
  for (const list of byCommune.values()) {
    if (list.length < 2) continue;
    const flagged: [Work, string][] = [];
    for (const w of list) {
      const h = w.values.households as number;
      const ref = Math.max(...list.filter((o) => o !== w).map((o) => o.values.households as number));
      if (h - ref <= 1000) continue;
      const asDate = h >= DATE_SERIAL_MIN && h <= DATE_SERIAL_MAX && h > 3 * ref;
      if (!asDate && h < 10 * ref) continue;
      const cell = w.raw.cells.households;
      const why = asDate
        ? ` Đọc như ngày tháng, ${formatInt(h)} là ngày ${serialDate(h)}: có thể đã gõ một ngày vào ô số.`
        : ' Có thể đã gõ thừa chữ số.';
      flagged.push([
        w,
        `tổng số hộ năm ${w.year} (${formatInt(h)}) gấp ${Math.floor(h / Math.max(ref, 1))} lần trở lên số hộ của xã trong năm khác (${formatInt(ref)} hộ), khó có thể đúng.${why} Hãy kiểm tra lại ô ${cell}. ${checkHint(w.year, w.commune)}`,
      ]);
    }
    for (const [w, text] of flagged) w.problems.push(makeProblem(w.raw.sheet, w.raw.cells.households, text, w.year ?? undefined));
  }
}

/** Movement identity, year by year, on rows that are valid so far. */
function movementIdentity(config: Config, works: Work[]): void {
  const years = allYears(config);
  const valid = (w: Work) => w.problems.length === 0;
  for (let i = 1; i < years.length; i++) {
    const year = years[i];
    const prevYear = years[i - 1];
    // Rows of the previous year are final here: only this year's rows get new problems.
    const prevByCommune = new Map<string, Work>();
    const predsByInto = new Map<string, Work[]>();
    for (const p of works) {
      if (p.year !== prevYear || !valid(p) || p.commune === null) continue;
      prevByCommune.set(p.commune, p);
      if (p.mergedIntoOk && p.mergedInto !== null) {
        const list = predsByInto.get(p.mergedInto) ?? [];
        list.push(p);
        predsByInto.set(p.mergedInto, list);
      }
    }
    for (const w of works) {
      if (w.year !== year || !valid(w) || w.commune === null) continue;
      const { poor, poorExited, poorReturned, poorNew } = w.values;
      if (poor === null || poorExited === null || poorReturned === null || poorNew === null)
        continue;
      const prev = prevByCommune.get(w.commune);
      if (!prev || prev.values.poor === null) continue;
      const preds = predsByInto.get(w.commune) ?? [];
      const predPoor = preds.reduce((s, p) => s + (p.values.poor ?? 0), 0);
      const expected = prev.values.poor + predPoor - poorExited + poorReturned + poorNew;
      if (poor === expected) continue;
      const c = w.raw.cells;
      const predText = preds.length
        ? ` + ${predPoor} (hộ nghèo cuối năm ${prevYear} của xã sáp nhập vào: ${preds.map((p) => p.commune).join(', ')})`
        : '';
      w.problems.push(
        makeProblem(
          w.raw.sheet,
          c.poor,
          `số hộ nghèo cuối năm ${year} (${poor}) không khớp với biến động hộ nghèo: ${prev.values.poor} (cuối năm ${prevYear}, ô ${prev.raw.cells.poor})${predText} − ${poorExited} thoát nghèo (ô ${c.poorExited}) + ${poorReturned} tái nghèo (ô ${c.poorReturned}) + ${poorNew} phát sinh (ô ${c.poorNew}) = ${expected}. Hãy sửa ô ${c.poor} thành ${expected} hoặc sửa các số biến động. ${checkHint(year, w.commune)}`,
          year,
        ),
      );
    }
  }
}

/** Validates every commune-year row of one unit. `unit` is undefined for an unknown unit. */
export function validateRows(
  config: Config,
  unit: UnitConfig | undefined,
  rows: RawCommuneYear[],
  sheetName: string,
): RowsResult {
  const known = new Set((unit?.communes ?? []).map(normalizeName));
  const works: Work[] = [];
  rows.forEach((r, i) => {
    if (r && typeof r === 'object' && !isEmptyRow(r))
      works.push(parseRow(config, unit, known, r, sheetName, i));
  });
  duplicates(works);
  const mergers = mergersOf(works);
  afterMerger(works, mergers);
  implausibleHouseholds(works, mergers);
  movementIdentity(config, works);
  const records: CommuneYear[] = [];
  const problems: Problem[] = [];
  for (const w of works) {
    if (w.problems.length) {
      problems.push(...w.problems);
      continue;
    }
    if (w.commune === null || w.year === null) continue;
    const v = w.values;
    records.push({
      unit: unit ? unit.name : normalizeName(String(w.raw.unit)),
      commune: w.commune,
      year: w.year,
      households: v.households ?? 0,
      poor: v.poor ?? 0,
      nearPoor: v.nearPoor ?? 0,
      poorExited: v.poorExited,
      poorReturned: v.poorReturned,
      poorNew: v.poorNew,
      mergedInto: w.mergedInto,
    });
  }
  return { records, problems, mergers };
}
