// Validation of the commune-year rows of one unit.
import { newTable, putRow, type CommuneTable } from './communeTable';
import { allYears, type Config, type UnitConfig } from './config';
import { COUNT_FIELDS, COUNT_KEYS, MOVEMENT_COUNTS, REQUIRED_COUNTS } from './fields';
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
import { isBlank, isFormulaError, MAX_COUNT, parseCount, parseYear, showValue } from './values';

const FIELD_LABELS: Record<CountField, string> = Object.fromEntries(
  COUNT_FIELDS.map((f) => [f.key, f.label]),
) as Record<CountField, string>;
const REQUIRED = REQUIRED_COUNTS;
const MOVEMENT = MOVEMENT_COUNTS;

/** One non-empty row being validated. */
interface Work extends Record<CountField, number | null> {
  raw: RawCommuneYear;
  /** The tab the row lives on. */
  sheet: string;
  /** Position of the row in the input ("dòng N" when a cell reference is missing). */
  index: number;
  commune: string | null;
  year: number | null;
  /** Positions of the commune in the unit's table and of the year in allYears; -1 when not there. */
  c: number;
  y: number;
  mergedInto: string | null;
  mergedIntoOk: boolean;
  /** NO_PROBLEMS until the first problem (most rows have none). */
  problems: Problem[];
}

const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];

function addProblem(w: Work, p: Problem): void {
  if (w.problems === NO_PROBLEMS) w.problems = [];
  w.problems.push(p);
}

/** The cell reference of a field of the row, or "dòng N" when the reader gave none. */
function cellOf(w: Work, f: RecordField): string {
  const given = w.raw.cells as Partial<Record<string, unknown>> | undefined;
  const c = given && typeof given === 'object' ? given[f] : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c : `dòng ${w.index + 1}`;
}

function newWork(raw: RawCommuneYear, sheet: string, index: number): Work {
  return {
    raw,
    sheet,
    index,
    commune: null,
    year: null,
    c: -1,
    y: -1,
    households: null,
    poor: null,
    nearPoor: null,
    poorExited: null,
    poorReturned: null,
    poorNew: null,
    mergedInto: null,
    mergedIntoOk: false,
    problems: NO_PROBLEMS,
  };
}

export interface RowsResult {
  records: CommuneYear[];
  problems: Problem[];
  mergers: Merger[];
  /** The valid rows by year and commune; null for a unit not in Cấu hình (it has none). */
  table: CommuneTable | null;
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
  if (close.length === 1)
    return `Có phải là "${close[0]}"? Hãy gõ đúng tên như trên trang "Cấu hình".`;
  return otherwise;
}

function sheetOf(raw: RawCommuneYear, sheetName: string): string {
  return typeof raw.sheet === 'string' && raw.sheet.trim() !== '' ? raw.sheet : sheetName;
}

function isEmptyRow(r: RawCommuneYear): boolean {
  return COUNT_KEYS.every((f) => isBlank(r[f])) && isBlank(r.mergedInto);
}

/** A whole number in [0, MAX_COUNT]: what parseCount accepts as a count. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
}

/**
 * The row when it passes every rule of its own at a glance (a known commune written exactly,
 * a year of the period, counts that fit, all three movement figures or none, no merger): most
 * rows do. Else null, and parseRow works out what is wrong and says it.
 */
function quickRow(
  known: ReadonlyMap<string, number>,
  yearIndex: ReadonlyMap<number, number>,
  raw: RawCommuneYear,
  sheet: string,
  index: number,
): Work | null {
  const c = typeof raw.commune === 'string' ? known.get(raw.commune) : undefined;
  const y = typeof raw.year === 'number' ? yearIndex.get(raw.year) : undefined;
  if (c === undefined || y === undefined || !isBlank(raw.mergedInto)) return null;
  const { households: h, poor, nearPoor } = raw;
  if (!isCount(h) || !isCount(poor) || !isCount(nearPoor) || poor + nearPoor > h) return null;
  const { poorExited, poorReturned, poorNew } = raw;
  const movement = isCount(poorExited) && isCount(poorReturned) && isCount(poorNew);
  if (!movement && !(isBlank(poorExited) && isBlank(poorReturned) && isBlank(poorNew))) return null;
  const w = newWork(raw, sheet, index);
  w.commune = raw.commune as string;
  w.year = raw.year as number;
  w.c = c;
  w.y = y;
  w.households = h;
  w.poor = poor;
  w.nearPoor = nearPoor;
  if (movement) {
    w.poorExited = poorExited as number;
    w.poorReturned = poorReturned as number;
    w.poorNew = poorNew as number;
  }
  return w;
}

/** Parses one row on its own (no cross-row rules), with a message for each problem. */
function parseRow(
  config: Config,
  unit: UnitConfig | undefined,
  known: ReadonlyMap<string, number>,
  yearIndex: ReadonlyMap<number, number>,
  raw: RawCommuneYear,
  sheet: string,
  index: number,
): Work {
  const w = newWork(raw, sheet, index);
  const commune = nameFromCell(raw.commune);
  const yearP = parseYear(raw.year);
  const year = yearP.kind === 'ok' ? yearP.value : null;
  const y = year ?? undefined;
  w.commune = commune;
  w.year = year;
  w.c = commune === null ? -1 : (known.get(commune) ?? -1);
  w.y = year === null ? -1 : (yearIndex.get(year) ?? -1);
  const hint = checkHint(year, commune);
  const cell = (f: RecordField) => cellOf(w, f);
  const add = (at: string, text: string) => addProblem(w, makeProblem(sheet, at, text, y));

  if (!unit) {
    add(
      cell('commune'),
      `đơn vị "${shortText(normalizeName(String(raw.unit)))}" không có trong danh sách đơn vị trên trang "Cấu hình"; số liệu của dòng này không được tổng hợp. Hãy sửa tên đơn vị cho đúng hoặc thêm đơn vị vào trang "Cấu hình".`,
    );
  }
  if (commune === null) {
    add(cell('commune'), `thiếu tên xã. ${hint}`);
  } else if (unit && !known.has(commune)) {
    add(
      cell('commune'),
      `xã "${shortText(commune)}" không có trong danh sách xã của ${unit.name} trên trang "Cấu hình". ${unknownNameHint(commune, unit)}`,
    );
  }
  if (yearP.kind === 'blank') add(cell('year'), `thiếu năm. ${hint}`);
  else if (yearP.kind === 'error')
    add(cell('year'), `năm ${showValue(raw.year)} ${yearP.text}. ${hint}`);
  else if (!yearIndex.has(yearP.value)) {
    add(
      cell('year'),
      `năm ${yearP.value} không thuộc năm đầu kỳ ${config.baselineYear} hay các năm ${config.years.join(', ')} của giai đoạn. ${hint}`,
    );
  }

  for (const f of COUNT_KEYS) {
    const p = parseCount(raw[f]);
    if (p.kind === 'ok') w[f] = p.value;
    else if (p.kind === 'error')
      add(
        cell(f),
        `${FIELD_LABELS[f]}${isFormulaError(raw[f]) ? '' : ` (${showValue(raw[f])})`} ${p.text}. ${hint}`,
      );
    else if (REQUIRED.includes(f)) add(cell(f), `${FIELD_LABELS[f]} còn trống. ${hint}`);
  }

  const { households: h, poor, nearPoor } = w;
  if (h !== null && poor !== null && nearPoor !== null) {
    if (poor > h) add(cell('poor'), `số hộ nghèo (${poor}) lớn hơn tổng số hộ (${h}). ${hint}`);
    if (nearPoor > h)
      add(cell('nearPoor'), `số hộ cận nghèo (${nearPoor}) lớn hơn tổng số hộ (${h}). ${hint}`);
    if (poor <= h && nearPoor <= h && poor + nearPoor > h)
      add(
        cell('poor'),
        `số hộ nghèo (${poor}) cộng số hộ cận nghèo (${nearPoor}) bằng ${poor + nearPoor}, lớn hơn tổng số hộ (${h}). ${hint}`,
      );
  }

  const filled = MOVEMENT.filter((f) => !isBlank(raw[f]));
  if (filled.length > 0 && filled.length < 3) {
    const missing = MOVEMENT.filter((f) => isBlank(raw[f]));
    add(
      cell(missing[0]),
      `biến động hộ nghèo mới điền ${filled.length}/3 số (còn trống: ${missing
        .map((f) => `${FIELD_LABELS[f]} ô ${cell(f)}`)
        .join(
          ', ',
        )}). Hãy điền đủ cả ba số thoát nghèo, tái nghèo, phát sinh hoặc để trống cả ba. ${hint}`,
    );
  }

  if (!isBlank(raw.mergedInto)) {
    const into = nameFromCell(raw.mergedInto);
    if (into === null || (unit && !known.has(into))) {
      add(
        cell('mergedInto'),
        `xã được sáp nhập vào ${showValue(raw.mergedInto)} không có trong danh sách xã của đơn vị. ${into !== null && unit ? unknownNameHint(into, unit, NAME_SUCCESSOR) : NAME_SUCCESSOR} ${hint}`,
      );
    } else if (into === commune) {
      add(cell('mergedInto'), `một xã không thể sáp nhập vào chính nó. ${hint}`);
    } else {
      w.mergedInto = into;
      w.mergedIntoOk = unit !== undefined && commune !== null && year !== null;
    }
  }
  return w;
}

/**
 * Rows of the same commune and year. Rows of a known commune in a year of the period are found
 * by position (one slot per commune-year); the others (still with a commune and a year) by name.
 */
function duplicates(works: Work[], communes: number, years: number): void {
  const firstAt = new Int32Array(communes * years).fill(-1);
  let groups: Map<string | number, Work[]> | null = null;
  let byName: Map<string, Work> | null = null;
  for (let i = 0; i < works.length; i++) {
    const w = works[i];
    if (w.commune === null || w.year === null) continue;
    let key: string | number;
    let first: Work | undefined;
    if (w.c >= 0 && w.y >= 0) {
      key = w.y * communes + w.c;
      const at = firstAt[key];
      if (at < 0) {
        firstAt[key] = i;
        continue;
      }
      first = works[at];
    } else {
      key = `${w.year}\u0000${w.commune}`;
      byName ??= new Map();
      first = byName.get(key);
      if (!first) {
        byName.set(key, w);
        continue;
      }
    }
    groups ??= new Map();
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [first, w]);
  }
  if (!groups) return;
  // Each row is in one group at most, so the order of the groups does not matter.
  for (const g of groups.values()) {
    const cells = g.map((w) => cellOf(w, 'commune')).join(', ');
    for (const w of g) {
      addProblem(
        w,
        makeProblem(
          w.sheet,
          cellOf(w, 'commune'),
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
  if (mergers.length === 0) return;
  for (const w of works) {
    const m = mergers.find((x) => x.commune === w.commune);
    if (!m || w.year === null || w.year <= m.year) continue;
    addProblem(
      w,
      makeProblem(
        w.sheet,
        cellOf(w, 'commune'),
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
 * Only a commune's largest figure can stand far above the largest of its other years, and only
 * when no other year has the same figure, so each commune keeps its two largest figures.
 */
function implausibleHouseholds(works: Work[], mergers: Merger[], communes: number): void {
  const merged = new Set(mergers.flatMap((m) => [m.commune, m.into]));
  const rows = new Int32Array(communes);
  const top = new Float64Array(communes).fill(-Infinity);
  const topCount = new Int32Array(communes);
  const topWork = new Int32Array(communes);
  const second = new Float64Array(communes).fill(-Infinity);
  for (let i = 0; i < works.length; i++) {
    const w = works[i];
    if (w.problems.length > 0 || w.commune === null || w.year === null || w.c < 0) continue;
    const h = w.households;
    if (h === null || merged.has(w.commune)) continue;
    const c = w.c;
    rows[c]++;
    if (h > top[c]) {
      second[c] = top[c];
      top[c] = h;
      topCount[c] = 1;
      topWork[c] = i;
    } else if (h === top[c]) topCount[c]++;
    else if (h > second[c]) second[c] = h;
  }
  for (let c = 0; c < communes; c++) {
    if (rows[c] < 2 || topCount[c] !== 1) continue;
    const w = works[topWork[c]];
    const h = top[c];
    const ref = second[c];
    if (h - ref <= 1000) continue;
    const asDate = h >= DATE_SERIAL_MIN && h <= DATE_SERIAL_MAX && h > 3 * ref;
    if (!asDate && h < 10 * ref) continue;
    const cell = cellOf(w, 'households');
    const why = asDate
      ? ` Đọc như ngày tháng, ${formatInt(h)} là ngày ${serialDate(h)}: có thể đã gõ một ngày vào ô số.`
      : ' Có thể đã gõ thừa chữ số.';
    addProblem(
      w,
      makeProblem(
        w.sheet,
        cell,
        `tổng số hộ năm ${w.year} (${formatInt(h)}) gấp ${Math.floor(h / Math.max(ref, 1))} lần trở lên số hộ của xã trong năm khác (${formatInt(ref)} hộ), khó có thể đúng.${why} Hãy kiểm tra lại ô ${cell}. ${checkHint(w.year, w.commune)}`,
        w.year ?? undefined,
      ),
    );
  }
}

/** Movement identity, year by year, on rows that are valid so far. */
function movementIdentity(config: Config, works: Work[], communes: number): void {
  const years = allYears(config);
  const byYear: Work[][] = years.map(() => []);
  let anyMerger = false;
  for (const w of works) {
    if (w.y >= 0 && w.c >= 0) byYear[w.y].push(w);
    if (w.mergedIntoOk) anyMerger = true;
  }
  const valid = (w: Work) => w.problems.length === 0;
  const prevAt = new Int32Array(communes);
  for (let i = 1; i < years.length; i++) {
    const year = years[i];
    const prevYear = years[i - 1];
    // Rows of the previous year are final here: only this year's rows get new problems.
    const prevRows = byYear[i - 1];
    prevAt.fill(-1);
    const predsByInto = new Map<string, Work[]>();
    for (let k = 0; k < prevRows.length; k++) {
      const p = prevRows[k];
      if (!valid(p) || p.commune === null) continue;
      prevAt[p.c] = k;
      if (anyMerger && p.mergedIntoOk && p.mergedInto !== null) {
        const list = predsByInto.get(p.mergedInto) ?? [];
        list.push(p);
        predsByInto.set(p.mergedInto, list);
      }
    }
    for (const w of byYear[i]) {
      if (!valid(w) || w.commune === null) continue;
      const { poor, poorExited, poorReturned, poorNew } = w;
      if (poor === null || poorExited === null || poorReturned === null || poorNew === null)
        continue;
      const at = prevAt[w.c];
      if (at < 0) continue;
      const prev = prevRows[at];
      if (prev.poor === null) continue;
      const preds = anyMerger ? (predsByInto.get(w.commune) ?? []) : [];
      const predPoor = preds.reduce((s, p) => s + (p.poor ?? 0), 0);
      const expected = prev.poor + predPoor - poorExited + poorReturned + poorNew;
      if (poor === expected) continue;
      const cell = (f: RecordField) => cellOf(w, f);
      const predText = preds.length
        ? ` + ${predPoor} (hộ nghèo cuối năm ${prevYear} của xã sáp nhập vào: ${preds.map((p) => p.commune).join(', ')})`
        : '';
      addProblem(
        w,
        makeProblem(
          w.sheet,
          cell('poor'),
          `số hộ nghèo cuối năm ${year} (${poor}) không khớp với biến động hộ nghèo: ${prev.poor} (cuối năm ${prevYear}, ô ${cellOf(prev, 'poor')})${predText} − ${poorExited} thoát nghèo (ô ${cell('poorExited')}) + ${poorReturned} tái nghèo (ô ${cell('poorReturned')}) + ${poorNew} phát sinh (ô ${cell('poorNew')}) = ${expected}. Hãy sửa ô ${cell('poor')} thành ${expected} hoặc sửa các số biến động. ${checkHint(year, w.commune)}`,
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
  const years = allYears(config);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const table = unit ? newTable(unit.communes.map(normalizeName), years) : null;
  const known = table ? table.index : new Map<string, number>();
  const communes = table ? table.communes.length : 0;
  const works: Work[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r || typeof r !== 'object') continue;
    const sheet = sheetOf(r, sheetName);
    const quick = quickRow(known, yearIndex, r, sheet, i);
    if (quick) works.push(quick);
    else if (!isEmptyRow(r)) works.push(parseRow(config, unit, known, yearIndex, r, sheet, i));
  }
  duplicates(works, communes, years.length);
  const mergers = mergersOf(works);
  afterMerger(works, mergers);
  implausibleHouseholds(works, mergers, communes);
  movementIdentity(config, works, communes);
  const records: CommuneYear[] = [];
  const problems: Problem[] = [];
  for (const w of works) {
    if (w.problems.length) {
      for (const p of w.problems) problems.push(p);
      continue;
    }
    if (w.commune === null || w.year === null) continue;
    const record: CommuneYear = {
      unit: unit ? unit.name : normalizeName(String(w.raw.unit)),
      commune: w.commune,
      year: w.year,
      households: w.households ?? 0,
      poor: w.poor ?? 0,
      nearPoor: w.nearPoor ?? 0,
      poorExited: w.poorExited,
      poorReturned: w.poorReturned,
      poorNew: w.poorNew,
      mergedInto: w.mergedInto,
    };
    records.push(record);
    if (table) putRow(table, w.y, w.c, record);
  }
  if (table) {
    table.source = records;
    table.sourceLength = records.length;
  }
  return { records, problems, mergers, table };
}
