// Validation of the commune-year rows of one unit: each row on its own first (parseRow), then
// the rules across rows (duplicates, mergers, implausible households, the movement identity).
// A row with any problem is left out of the records.
import { allYears, rowNoun, type Config, type UnitConfig } from './config';
import { COUNT_KEYS, countLabel, MOVEMENT_COUNTS, REQUIRED_COUNTS } from './fields';
import { formatInt } from './format';
import { nameFromCell, normalizeName } from './names';
import { checkHint, makeProblem, shortText } from './problems';
import type {
  CommuneYear,
  CountField,
  Merger,
  Problem,
  RawCommuneYear,
  RecordField,
} from './types';
import { isBlank, isFormulaError, parseCount, parseYear, showValue } from './values';

/** One non-empty row being validated. */
interface Work extends Record<CountField, number | null> {
  raw: RawCommuneYear;
  /** The tab the row lives on. */
  sheet: string;
  /** Position of the row in the input ("dòng N" when a cell reference is missing). */
  index: number;
  commune: string | null;
  year: number | null;
  mergedInto: string | null;
  problems: Problem[];
}

/** What each row is checked against: the unit's configured communes and the years. */
interface Context {
  config: Config;
  unit: UnitConfig;
  /** The unit's communes as configured (normalised). */
  communes: Set<string>;
  /** The baseline year and the years of the period. */
  years: number[];
}

export interface RowsResult {
  records: CommuneYear[];
  problems: Problem[];
  mergers: Merger[];
}

/** The cell reference of a field of the row, or "dòng N" when the reader gave none. */
function cellOf(w: Work, f: RecordField): string {
  const given = w.raw.cells as Partial<Record<string, unknown>> | undefined;
  const c = given && typeof given === 'object' ? given[f] : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c : `dòng ${w.index + 1}`;
}

function addProblem(w: Work, at: RecordField, text: string): void {
  w.problems.push(makeProblem(w.sheet, cellOf(w, at), text, w.year ?? undefined));
}

/** A problem of the row's own figures: the message ends with what to check. */
function addRowProblem(w: Work, at: RecordField, text: string): void {
  addProblem(w, at, `${text} ${checkHint(w.year, w.commune)}`);
}

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

const nameSuccessor = (noun: string): string => `Hãy ghi đúng tên ${noun} nhận sáp nhập.`;

/** What to do about a commune name that is not in Cấu hình: the likely cause when there is one. */
function unknownNameHint(
  name: string,
  unit: UnitConfig,
  noun: string,
  otherwise = `Hãy sửa lại tên cho đúng hoặc thêm ${noun} vào trang "Cấu hình".`,
): string {
  const known = unit.communes.map(normalizeName);
  const visible = normalizeName(name.replace(INVISIBLE, ''));
  if (visible !== name && known.includes(visible)) {
    return `Tên ${noun} có ký tự ẩn (thường do dán từ trang web hoặc Word); hãy xóa ô rồi gõ lại "${visible}".`;
  }
  const sameLetters = known.find((k) => k.toLowerCase() === visible.toLowerCase());
  if (sameLetters) {
    return `Tên ${noun} khác "${sameLetters}" trên trang "Cấu hình" ở chữ hoa, chữ thường; hãy gõ đúng "${sameLetters}".`;
  }
  const close = known.filter((k) => fold(k) === fold(name));
  if (close.length === 1)
    return `Có phải là "${close[0]}"? Hãy gõ đúng tên như trên trang "Cấu hình".`;
  return otherwise;
}

function isEmptyRow(r: RawCommuneYear): boolean {
  return COUNT_KEYS.every((f) => isBlank(r[f])) && isBlank(r.mergedInto);
}

/** Commune and year: named, in Cấu hình, in the period. */
function checkCommuneYear({ config, unit, communes, years }: Context, w: Work): void {
  const { raw } = w;
  const noun = rowNoun(config.words);
  if (w.commune === null) addRowProblem(w, 'commune', `thiếu tên ${noun}.`);
  else if (!communes.has(w.commune))
    addProblem(
      w,
      'commune',
      `${noun} "${shortText(w.commune)}" không có trong danh sách ${noun} của ${unit.name} trên trang "Cấu hình". ${unknownNameHint(w.commune, unit, noun)}`,
    );
  const year = parseYear(raw.year);
  if (year.kind === 'blank') addRowProblem(w, 'year', 'thiếu năm.');
  else if (year.kind === 'error')
    addRowProblem(w, 'year', `năm ${showValue(raw.year)} ${year.text}.`);
  else if (!years.includes(year.value))
    addRowProblem(
      w,
      'year',
      `năm ${year.value} không thuộc năm đầu kỳ ${config.baselineYear} hay các năm ${config.years.join(', ')} của giai đoạn.`,
    );
}

/** Every count a whole number ≥ 0 (or blank), the three required ones filled. */
function checkCounts(w: Work): void {
  const { raw } = w;
  for (const f of COUNT_KEYS) {
    const p = parseCount(raw[f]);
    if (p.kind === 'ok') w[f] = p.value;
    else if (p.kind === 'error') {
      const shown = isFormulaError(raw[f]) ? '' : ` (${showValue(raw[f])})`;
      addRowProblem(w, f, `${countLabel(f)}${shown} ${p.text}.`);
    } else if (REQUIRED_COUNTS.includes(f)) addRowProblem(w, f, `${countLabel(f)} còn trống.`);
  }
}

/** The year's movement: all three figures or none. */
function checkMovementFilled(w: Work): void {
  const { raw } = w;
  const filled = MOVEMENT_COUNTS.filter((f) => !isBlank(raw[f]));
  if (filled.length > 0 && filled.length < 3) {
    const missing = MOVEMENT_COUNTS.filter((f) => isBlank(raw[f]));
    const where = missing.map((f) => `${countLabel(f)} ô ${cellOf(w, f)}`).join(', ');
    addRowProblem(
      w,
      missing[0],
      `biến động hộ nghèo mới điền ${filled.length}/3 số (còn trống: ${where}). Hãy điền đủ cả ba số thoát nghèo, tái nghèo, phát sinh hoặc để trống cả ba.`,
    );
  }
}

/** Poor and near-poor households, each and together, at most the households. */
function checkWithinHouseholds(w: Work): void {
  const { households: h, poor, nearPoor } = w;
  if (h === null || poor === null || nearPoor === null) return;
  if (poor > h) addRowProblem(w, 'poor', `số hộ nghèo (${poor}) lớn hơn tổng số hộ (${h}).`);
  if (nearPoor > h)
    addRowProblem(w, 'nearPoor', `số hộ cận nghèo (${nearPoor}) lớn hơn tổng số hộ (${h}).`);
  if (poor <= h && nearPoor <= h && poor + nearPoor > h)
    addRowProblem(
      w,
      'poor',
      `số hộ nghèo (${poor}) cộng số hộ cận nghèo (${nearPoor}) bằng ${poor + nearPoor}, lớn hơn tổng số hộ (${h}).`,
    );
}

/** The successor named on a merged-away commune's last row: a commune of the unit, not itself. */
function checkMergedInto({ config, unit, communes }: Context, w: Work): void {
  const { raw } = w;
  if (isBlank(raw.mergedInto)) return;
  const noun = rowNoun(config.words);
  const into = nameFromCell(raw.mergedInto);
  if (into === null || !communes.has(into)) {
    const successor = nameSuccessor(noun);
    const todo = into === null ? successor : unknownNameHint(into, unit, noun, successor);
    addRowProblem(
      w,
      'mergedInto',
      `${noun} được sáp nhập vào ${showValue(raw.mergedInto)} không có trong danh sách ${noun} của đơn vị. ${todo}`,
    );
  } else if (into === w.commune) {
    addRowProblem(w, 'mergedInto', `một ${noun} không thể sáp nhập vào chính nó.`);
  } else w.mergedInto = into;
}

/** Parses one row on its own (no rules across rows), with a message for each problem. */
function parseRow(context: Context, raw: RawCommuneYear, sheet: string, index: number): Work {
  const year = parseYear(raw.year);
  const w: Work = {
    raw,
    sheet,
    index,
    commune: nameFromCell(raw.commune),
    year: year.kind === 'ok' ? year.value : null,
    households: null,
    poor: null,
    nearPoor: null,
    poorExited: null,
    poorReturned: null,
    poorNew: null,
    mergedInto: null,
    problems: [],
  };
  checkCommuneYear(context, w);
  checkCounts(w);
  checkWithinHouseholds(w);
  checkMovementFilled(w);
  checkMergedInto(context, w);
  return w;
}

/** A commune with several rows for the same year: every copy is in error. */
function duplicates(byCommune: Map<string, Work[]>): void {
  for (const rows of byCommune.values()) {
    for (const w of rows) {
      const same = rows.filter((r) => r.year !== null && r.year === w.year);
      if (same.length < 2) continue;
      const cells = same.map((r) => cellOf(r, 'commune')).join(', ');
      addProblem(
        w,
        'commune',
        `${shortText(w.commune ?? '')} có ${same.length} dòng số liệu cho năm ${w.year} (ô ${cells}); mọi bản đều không được tổng hợp. Hãy xoá dòng thừa, chỉ giữ một dòng.`,
      );
    }
  }
}

/** Each commune's merger: the earliest row that names a successor. */
function mergersOf(works: Work[]): Merger[] {
  const byCommune = new Map<string, Merger>();
  for (const w of works) {
    if (w.mergedInto === null || w.commune === null || w.year === null) continue;
    const prev = byCommune.get(w.commune);
    if (!prev || w.year < prev.year)
      byCommune.set(w.commune, { commune: w.commune, into: w.mergedInto, year: w.year });
  }
  return [...byCommune.values()];
}

/** A merged-away commune has no rows of its own after its merger year. */
function afterMerger(works: Work[], mergers: Merger[]): void {
  for (const w of works) {
    const m = mergers.find((x) => x.commune === w.commune);
    if (!m || w.year === null || w.year <= m.year) continue;
    addProblem(
      w,
      'commune',
      `${shortText(w.commune ?? '')} đã sáp nhập vào ${m.into} (dòng năm ${m.year}), nên không còn số liệu riêng từ năm ${m.year + 1}. Hãy xoá dòng năm ${w.year} và ghi số liệu vào ${m.into}.`,
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
 * multiplies by ten. Only a commune's largest figure, when no other year has the same, is
 * compared with the largest of its other years. Communes in a merger are left out (their
 * households legitimately jump).
 */
function implausibleHouseholds(byCommune: Map<string, Work[]>, mergers: Merger[]): void {
  const merged = new Set(mergers.flatMap((m) => [m.commune, m.into]));
  for (const [commune, rows] of byCommune) {
    if (merged.has(commune)) continue;
    const sorted = rows
      .filter((w) => w.problems.length === 0)
      .sort((a, b) => (b.households ?? 0) - (a.households ?? 0));
    if (sorted.length < 2 || sorted[0].households === sorted[1].households) continue;
    const w = sorted[0];
    const h = w.households ?? 0;
    const ref = sorted[1].households ?? 0;
    if (h - ref <= 1000) continue;
    const asDate = h >= DATE_SERIAL_MIN && h <= DATE_SERIAL_MAX && h > 3 * ref;
    if (!asDate && h < 10 * ref) continue;
    const why = asDate
      ? ` Đọc như ngày tháng, ${formatInt(h)} là ngày ${serialDate(h)}: có thể đã gõ một ngày vào ô số.`
      : ' Có thể đã gõ thừa chữ số.';
    addRowProblem(
      w,
      'households',
      `tổng số hộ năm ${w.year} (${formatInt(h)}) gấp ${Math.floor(h / Math.max(ref, 1))} lần trở lên số hộ của xã trong năm khác (${formatInt(ref)} hộ), khó có thể đúng.${why} Hãy kiểm tra lại ô ${cellOf(w, 'households')}.`,
    );
  }
}

/**
 * The movement identity, year by year, on rows still valid: poor at the end of the year = poor
 * at the end of the previous year (plus those of the communes merged into it that year) −
 * exited + returned + new. Checked when the three movement figures are filled and the commune
 * has a valid row for the previous year.
 */
function movementIdentity(years: number[], works: Work[], byCommune: Map<string, Work[]>): void {
  const valid = (w: Work) => w.problems.length === 0;
  const merging = works.filter((p) => p.mergedInto !== null);
  for (let i = 1; i < years.length; i++) {
    const inPrevious = (p: Work) => valid(p) && p.year === years[i - 1];
    for (const w of works) {
      if (!valid(w) || w.year !== years[i] || w.commune === null) continue;
      const prev = byCommune.get(w.commune)?.find(inPrevious);
      const preds = merging.filter((p) => p.mergedInto === w.commune && inPrevious(p));
      if (prev) checkMovement(w, prev, preds);
    }
  }
}

function checkMovement(w: Work, prev: Work, preds: Work[]): void {
  const { poor, poorExited, poorReturned, poorNew } = w;
  if (poor === null || poorExited === null || poorReturned === null || poorNew === null) return;
  const predPoor = preds.reduce((s, p) => s + (p.poor ?? 0), 0);
  const expected = (prev.poor ?? 0) + predPoor - poorExited + poorReturned + poorNew;
  if (poor === expected) return;
  const cell = (f: RecordField) => cellOf(w, f);
  const predText = preds.length
    ? ` + ${predPoor} (hộ nghèo cuối năm ${prev.year} của xã sáp nhập vào: ${preds.map((p) => p.commune).join(', ')})`
    : '';
  addRowProblem(
    w,
    'poor',
    `số hộ nghèo cuối năm ${w.year} (${poor}) không khớp với biến động hộ nghèo: ${prev.poor} (cuối năm ${prev.year}, ô ${cellOf(prev, 'poor')})${predText} − ${poorExited} thoát nghèo (ô ${cell('poorExited')}) + ${poorReturned} tái nghèo (ô ${cell('poorReturned')}) + ${poorNew} phát sinh (ô ${cell('poorNew')}) = ${expected}. Hãy sửa ô ${cell('poor')} thành ${expected} hoặc sửa các số biến động.`,
  );
}

/** Validates every commune-year row of one unit's tab. */
export function validateRows(
  config: Config,
  unit: UnitConfig,
  rows: RawCommuneYear[],
  sheetName: string,
): RowsResult {
  const context: Context = {
    config,
    unit,
    communes: new Set(unit.communes.map(normalizeName)),
    years: allYears(config),
  };
  const works: Work[] = [];
  rows.forEach((r, i) => {
    if (!r || typeof r !== 'object' || isEmptyRow(r)) return;
    const sheet = typeof r.sheet === 'string' && r.sheet.trim() !== '' ? r.sheet : sheetName;
    works.push(parseRow(context, r, sheet, i));
  });
  const byCommune = new Map<string, Work[]>();
  for (const w of works) {
    if (w.commune === null) continue;
    const rows = byCommune.get(w.commune);
    if (rows) rows.push(w);
    else byCommune.set(w.commune, [w]);
  }
  duplicates(byCommune);
  const mergers = mergersOf(works);
  afterMerger(works, mergers);
  implausibleHouseholds(byCommune, mergers);
  movementIdentity(context.years, works, byCommune);
  const records = works
    .filter((w) => w.problems.length === 0)
    .map((w): CommuneYear => ({
      unit: unit.name,
      commune: w.commune as string,
      year: w.year as number,
      households: w.households ?? 0,
      poor: w.poor ?? 0,
      nearPoor: w.nearPoor ?? 0,
      poorExited: w.poorExited,
      poorReturned: w.poorReturned,
      poorNew: w.poorNew,
      mergedInto: w.mergedInto,
    }));
  return { records, problems: works.flatMap((w) => w.problems), mergers };
}
