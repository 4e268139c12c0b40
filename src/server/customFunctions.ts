// Custom functions for analysts' own formulas. Pure: one call per range, no service calls.
// They use the default targets, not the Cấu hình tab: a custom function cannot read the
// configuration cheaply (a read per call, recomputed on every edit), and the targets are fixed by
// plan 2396/KH-UBND. The household class uses the poverty standard in force in the year given
// (Decree 07/2021/NĐ-CP through 2026, Decree 351/2025/NĐ-CP from 2027); without a year, the
// default period's final year: a custom function's result must not change by itself on 1/1.
import {
  classifyHousehold,
  evaluateTarget,
  standardForYear,
  type Area,
  type PovertyStandard,
} from '../core';
import {
  DEFAULT_FINAL_YEAR,
  DEFAULT_POVERTY_STANDARDS,
  DEFAULT_TARGETS,
} from '../core/defaultConfig';

/** A cell value as Sheets passes it. */
type CellValue = string | number | boolean | Date | null | undefined;
/** A single value, or a range as a 2-D array. */
type Arg = CellValue | CellValue[][];
/** What a custom function returns: a value, or a 2-D array that spills. */
type Result = string | number | (string | number)[][];

class Blank {}
const BLANK = new Blank();

interface ArgSpec<T> {
  name: string;
  /** Parses one cell; returns the value, BLANK, or an error text ("phải là ..."). */
  parse: (v: CellValue) => T | Blank | { error: string };
}

function shown(v: CellValue): string {
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? 'ngày không hợp lệ' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  return String(v);
}

function isBlankCell(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

const count: ArgSpec<number>['parse'] = (v) => {
  if (isBlankCell(v)) return BLANK;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  return { error: 'phải là số nguyên không âm' };
};

const amount: ArgSpec<number>['parse'] = (v) => {
  if (isBlankCell(v)) return BLANK;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  return { error: 'phải là số không âm (đồng/người/tháng)' };
};

const deficits: ArgSpec<number>['parse'] = (v) => {
  if (isBlankCell(v)) return BLANK;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 12) return v;
  return { error: 'phải là số nguyên từ 0 đến 12' };
};

const parseArea: ArgSpec<Area>['parse'] = (v) => {
  if (isBlankCell(v)) return BLANK;
  if (typeof v === 'string') {
    const t = v.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (t === 'nông thôn' || t === 'thành thị') return t;
  }
  return { error: 'phải là "nông thôn" hoặc "thành thị"' };
};

type Shape = [number, number] | null;

function shapeOf(fn: string, index: number, name: string, a: Arg): Shape {
  if (!Array.isArray(a)) return null;
  const rows = a.length;
  const cols = rows > 0 && Array.isArray(a[0]) ? a[0].length : -1;
  if (rows === 0 || cols <= 0 || a.some((r) => !Array.isArray(r) || r.length !== cols))
    throw new Error(
      `${fn}: đối số thứ ${index + 1} (${name}) không phải là một vùng ô hình chữ nhật.`,
    );
  return [rows, cols];
}

function shapeText(s: [number, number]): string {
  return `${s[0]} hàng × ${s[1]} cột`;
}

/**
 * Applies `f` cell by cell over the arguments: same-shaped ranges give a same-shaped result; a
 * single value (or a 1×1 range) is used for every cell; a blank cell in any argument gives ''.
 */
function mapCells<T extends unknown[]>(
  fn: string,
  specs: { [K in keyof T]: ArgSpec<T[K]> },
  args: Arg[],
  f: (...values: T) => string | number,
): Result {
  if (args.length < specs.length || args.slice(0, specs.length).some((a) => a === undefined))
    throw new Error(
      `${fn}: cần ${specs.length} đối số (${specs.map((s) => s.name).join(', ')}), thiếu đối số thứ ${
        args.findIndex((a) => a === undefined) + 1 || args.length + 1
      }.`,
    );
  const shapes = specs.map((s, i) => shapeOf(fn, i, s.name, args[i]));
  let target: [number, number] | null = null;
  let targetIndex = -1;
  shapes.forEach((s, i) => {
    if (!s || (s[0] === 1 && s[1] === 1)) return;
    if (!target) {
      target = s;
      targetIndex = i;
    } else if (s[0] !== target[0] || s[1] !== target[1]) {
      throw new Error(
        `${fn}: các vùng ô phải cùng kích thước: đối số thứ ${targetIndex + 1} (${specs[targetIndex].name}) có ${shapeText(
          target,
        )}, đối số thứ ${i + 1} (${specs[i].name}) có ${shapeText(s)}.`,
      );
    }
  });
  const anyRange = shapes.some((s) => s !== null);
  const [rows, cols]: [number, number] = target ?? [1, 1];
  const cell = (i: number, r: number, c: number): CellValue => {
    const a = args[i];
    const s = shapes[i];
    if (!Array.isArray(a)) return a;
    return s && s[0] === 1 && s[1] === 1 ? a[0][0] : a[r][c];
  };
  const out: (string | number)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (string | number)[] = [];
    for (let c = 0; c < cols; c++) {
      const values: unknown[] = [];
      let blank = false;
      specs.forEach((spec, i) => {
        const v = cell(i, r, c);
        const p = spec.parse(v);
        if (p instanceof Blank) blank = true;
        else if (typeof p === 'object' && p !== null && 'error' in p) {
          const where =
            shapes[i] && !(shapes[i]?.[0] === 1 && shapes[i]?.[1] === 1)
              ? ` ở hàng ${r + 1}, cột ${c + 1}`
              : '';
          throw new Error(
            `${fn}: đối số thứ ${i + 1} (${spec.name})${where} ${p.error}, nhận được "${shown(v)}".`,
          );
        }
        values.push(p);
      });
      line.push(blank ? '' : f(...(values as T)));
    }
    out.push(line);
  }
  return anyRange ? out : out[0][0];
}

const TARGETS = DEFAULT_TARGETS;
const STANDARDS = { povertyStandards: DEFAULT_POVERTY_STANDARDS };
/** A year some standard covers; blank or left out: the default period's final year (Decree 07/2021). */
const standardYear: ArgSpec<PovertyStandard>['parse'] = (v) => {
  const year = isBlankCell(v) ? DEFAULT_FINAL_YEAR : v;
  const standard =
    typeof year === 'number' && Number.isInteger(year)
      ? standardForYear(STANDARDS, year)
      : undefined;
  if (standard) return standard;
  const years = DEFAULT_POVERTY_STANDARDS.flatMap((s) => [s.fromYear, s.toYear]);
  return {
    error: `phải là một năm từ ${Math.min(...years)} đến ${Math.max(...years)} (năm có chuẩn nghèo)`,
  };
};

const FOUR = [
  { name: 'poorBaseline', parse: count },
  { name: 'poor', parse: count },
  { name: 'nearPoorBaseline', parse: count },
  { name: 'nearPoor', parse: count },
] as [ArgSpec<number>, ArgSpec<number>, ArgSpec<number>, ArgSpec<number>];

/**
 * Tỉ lệ giảm so với đầu kỳ: (đầu kỳ − hiện tại) / đầu kỳ, ví dụ 0,85 là giảm 85%.
 * Để trống khi số đầu kỳ bằng 0. Dùng được với một ô hoặc một vùng ô.
 *
 * @param {number|Array<Array<number>>} baseline Số hộ nghèo đầu kỳ (số nguyên không âm, một ô hoặc một vùng ô).
 * @param {number|Array<Array<number>>} current Số hộ nghèo hiện tại (số nguyên không âm, cùng kích thước với baseline hoặc một ô).
 * @return {number|Array<Array<number>>} Tỉ lệ giảm (0,8 là giảm 80%); ô trống khi đầu kỳ bằng 0.
 * @customfunction
 */
export function GN_GIAM(baseline: Arg, current: Arg): Result {
  return mapCells<[number, number]>(
    'GN_GIAM',
    [
      { name: 'baseline', parse: count },
      { name: 'current', parse: count },
    ],
    [baseline, current],
    (b, c) => (b === 0 ? '' : (b - c) / b),
  );
}

/**
 * Đánh giá mục tiêu của phong trào "Vì người nghèo": "Đạt" khi số hộ nghèo giảm ít nhất 80% so với đầu kỳ
 * hoặc tổng số hộ nghèo và cận nghèo giảm trên 50%; ngược lại "Chưa đạt".
 *
 * @param {number|Array<Array<number>>} poorBaseline Số hộ nghèo đầu kỳ.
 * @param {number|Array<Array<number>>} poor Số hộ nghèo hiện tại.
 * @param {number|Array<Array<number>>} nearPoorBaseline Số hộ cận nghèo đầu kỳ.
 * @param {number|Array<Array<number>>} nearPoor Số hộ cận nghèo hiện tại.
 * @return {string|Array<Array<string>>} "Đạt" hoặc "Chưa đạt".
 * @customfunction
 */
export function GN_DAT(poorBaseline: Arg, poor: Arg, nearPoorBaseline: Arg, nearPoor: Arg): Result {
  return mapCells<[number, number, number, number]>(
    'GN_DAT',
    FOUR,
    [poorBaseline, poor, nearPoorBaseline, nearPoor],
    (pb, p, npb, np) =>
      evaluateTarget(TARGETS, { poorBaseline: pb, poor: p, nearPoorBaseline: npb, nearPoor: np })
        .attained
        ? 'Đạt'
        : 'Chưa đạt',
  );
}

/**
 * Tiến độ thực hiện mục tiêu, từ 0 đến 1: giá trị lớn hơn giữa (tỉ lệ giảm hộ nghèo / 80%) và
 * (tỉ lệ giảm hộ nghèo và cận nghèo / 50%), tối đa 1.
 *
 * @param {number|Array<Array<number>>} poorBaseline Số hộ nghèo đầu kỳ.
 * @param {number|Array<Array<number>>} poor Số hộ nghèo hiện tại.
 * @param {number|Array<Array<number>>} nearPoorBaseline Số hộ cận nghèo đầu kỳ.
 * @param {number|Array<Array<number>>} nearPoor Số hộ cận nghèo hiện tại.
 * @return {number|Array<Array<number>>} Tiến độ từ 0 đến 1 (1 là đã đạt mức mục tiêu).
 * @customfunction
 */
export function GN_TIENDO(
  poorBaseline: Arg,
  poor: Arg,
  nearPoorBaseline: Arg,
  nearPoor: Arg,
): Result {
  return mapCells<[number, number, number, number]>(
    'GN_TIENDO',
    FOUR,
    [poorBaseline, poor, nearPoorBaseline, nearPoor],
    (pb, p, npb, np) =>
      evaluateTarget(TARGETS, { poorBaseline: pb, poor: p, nearPoorBaseline: npb, nearPoor: np })
        .progress,
  );
}

/**
 * Phân loại hộ gia đình theo chuẩn nghèo đa chiều áp dụng trong năm: Nghị định 07/2021/NĐ-CP
 * đến hết năm 2026, Nghị định 351/2025/NĐ-CP từ năm 2027. "Hộ nghèo", "Hộ cận nghèo",
 * "Hộ có mức sống trung bình" hoặc "Hộ không nghèo"; Nghị định 351/2025/NĐ-CP không quy định
 * chuẩn mức sống trung bình nên hộ trên chuẩn nghèo là "Hộ không nghèo (…)" kèm lời giải thích.
 *
 * @param {number|Array<Array<number>>} incomePerPersonMonth Thu nhập bình quân đầu người một tháng (đồng).
 * @param {number|Array<Array<number>>} deficitCount Số chỉ số thiếu hụt dịch vụ xã hội cơ bản (0 đến 12).
 * @param {string|Array<Array<string>>} area Khu vực: "nông thôn" hoặc "thành thị".
 * @param {number|Array<Array<number>>} year Năm áp dụng chuẩn (không bắt buộc; bỏ trống: chuẩn 2022-2025, Nghị định 07/2021/NĐ-CP).
 * @return {string|Array<Array<string>>} Loại hộ.
 * @customfunction
 */
export function GN_PHANLOAI(
  incomePerPersonMonth: Arg,
  deficitCount: Arg,
  area: Arg,
  year?: Arg,
): Result {
  return mapCells<[number, number, Area, PovertyStandard]>(
    'GN_PHANLOAI',
    [
      { name: 'incomePerPersonMonth', parse: amount },
      { name: 'deficitCount', parse: deficits },
      { name: 'area', parse: parseArea },
      { name: 'year', parse: standardYear },
    ],
    [incomePerPersonMonth, deficitCount, area, year ?? ''],
    (income, d, a, standard) => classifyHousehold(standard, income, d, a),
  );
}
