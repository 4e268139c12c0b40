// The sentences of the yearly report written from the figures (the result against the target,
// units and communes, the movement of poor households, initiatives and resources, reports, the
// outlook, the award proposals). Pure; src/core/reportText.ts puts them in order.
import type { Config } from './config';
import { deadlineDateText } from './deadline';
import { formatInt as n, formatMillions, formatPercent as pct } from './format';
import { reportedSpan, yearlyFactor } from './outlook';
import type { YearActivity } from './reportFacts';
import { adminWords, inSentence } from './reportWords';
import { evaluateTarget } from './target';
import {
  countsForProvince,
  type DistrictRow,
  type Row,
  type ShortlistEntry,
  type Summary,
} from './types';

const HN = 'hộ nghèo';
const DV = 'đơn vị';
export const change = (r: number): string => (r < 0 ? `tăng ${pct(-r)}` : `giảm ${pct(r)}`);
export const nameList = (rows: { name: string }[]): string =>
  rows.map((r) => inSentence(r.name)).join(', ');

/** "giảm ít nhất 80% số hộ nghèo, hoặc giảm trên 50% tổng số hộ nghèo và hộ cận nghèo so với đầu kỳ" */
export function targetText(config: Config): string {
  const t = config.targets;
  return `giảm ít nhất ${pct(t.poorReduction, 0)} số ${HN}, hoặc giảm trên ${pct(t.combinedReduction, 0)} tổng số ${HN} và hộ cận nghèo so với đầu kỳ`;
}

/** "huyện Gia Lộc (giảm 82,9% hộ nghèo)"; the combined reduction too when the poor one falls short. */
export function unitResult(config: Config, d: Row): string {
  const poor = d.poorReduction;
  const parts = poor === null ? [] : [`${change(poor)} ${HN}`];
  if ((poor === null || poor < config.targets.poorReduction - 1e-9) && d.combinedReduction !== null)
    parts.push(`${change(d.combinedReduction)} ${HN} và cận nghèo`);
  return `${inSentence(d.name)} (${parts.join(', ') || 'chưa có số liệu'})`;
}

function provisionalWhy(config: Config, d: DistrictRow): string {
  const why = [
    d.communesReported < d.communes
      ? `${d.communesReported}/${d.communes} ${config.words.rowLevel} có số liệu`
      : '',
    d.errors.length ? `${d.errors.length} lỗi số liệu` : '',
  ];
  return `${inSentence(d.name)} (${why.filter(Boolean).join(', ') || 'thiếu số liệu đầu kỳ'})`;
}

/** 1. The province against the target; a provisional province says why. */
export function provinceText(config: Config, s: Summary): string {
  const t = s.total;
  const w = adminWords(config);
  const head = `1. Kết quả giảm nghèo: `;
  if (!t.communesReported) return `${head}chưa có số liệu hợp lệ năm ${s.year}.`;
  let text = `${head}cuối năm ${s.year}, ${w.whole} còn ${n(t.poor)} ${HN}`;
  if (t.poorReduction !== null)
    text += `, ${change(t.poorReduction)} so với đầu kỳ (${n(t.poorBaseline)} hộ cuối năm ${s.baselineYear})`;
  text += ` và ${n(t.nearPoor)} hộ cận nghèo`;
  if (t.combinedReduction !== null)
    text += `; tổng số ${HN} và hộ cận nghèo ${change(t.combinedReduction)} (đầu kỳ ${n(t.poorBaseline + t.nearPoorBaseline)} hộ)`;
  text += `. So với mục tiêu của Kế hoạch (${targetText(config)}), `;
  if (!t.provisional) return `${text}${w.whole} ${t.attained ? 'đã đạt' : 'chưa đạt'} mục tiêu.`;
  return (
    `${text}số liệu hiện có ${evaluateTarget(config.targets, t).attained ? 'đạt' : 'chưa đạt'} mục tiêu, nhưng kết quả của ${w.whole} còn tạm tính ` +
    `do ${s.districts.filter((d) => d.provisional).length} ${DV} chưa đủ hoặc còn lỗi số liệu (${n(t.communesReported)}/${n(t.communes)} ${w.rowLevel} có số liệu hợp lệ).`
  );
}

/** The units with areas: agencies have no figures to report on (they count only in timeliness). */
const areaRows = (s: Summary): DistrictRow[] => s.districts.filter((d) => d.kind !== 'agency');

/** 2. The units: attained, not attained, provisional (three paragraphs). */
export function unitsText(config: Config, s: Summary): string[] {
  const d = areaRows(s);
  const done = d.filter((x) => !x.provisional);
  const yes = done.filter((x) => x.attained);
  const no = done.filter((x) => !x.attained);
  const tentative = d.filter((x) => x.provisional);
  const results = (rows: Row[]) => rows.map((x) => unitResult(config, x)).join(', ');
  return [
    `2. Các ${DV} cấp ${config.words.unitLevel}: ${yes.length}/${d.length} ${DV} đạt mục tiêu${yes.length ? `, gồm ${results(yes)}` : ''}.`,
    no.length
      ? `- ${no.length} ${DV} chưa đạt mục tiêu: ${results(no)}.`
      : `- Không có ${DV} có đủ số liệu nào chưa đạt mục tiêu.`,
    tentative.length
      ? `- ${tentative.length} ${DV} có số liệu tạm tính, chưa được xét: ${tentative.map((x) => provisionalWhy(config, x)).join(', ')}.`
      : `- Tất cả các ${DV} đã có đủ số liệu hợp lệ.`,
  ];
}

/** 3. The rows' level (communes by default). */
export function communesText(config: Config, s: Summary): string {
  const t = s.total;
  const rows = config.words.rowLevel;
  return (
    `3. Các ${rows}: ${n(t.communesAttained)}/${n(t.communesReported)} ${rows} có số liệu hợp lệ năm ${s.year} đạt mục tiêu` +
    (t.communesReported < t.communes
      ? ` (${adminWords(config).whole} có ${n(t.communes)} ${rows}).`
      : '.')
  );
}

/** 4. Exited, returned and new poor households, as the tabs record them. */
export function movementText(config: Config, a: YearActivity): string {
  const rows = config.words.rowLevel;
  if (a.communesWithMovement === 0)
    return `4. Biến động hộ nghèo trong năm ${a.year}: chưa có ${rows} nào ghi số hộ thoát nghèo, tái nghèo và phát sinh nghèo.`;
  const part =
    a.communesWithMovement < a.communesReported
      ? ` (số liệu của ${n(a.communesWithMovement)}/${n(a.communesReported)} ${rows} có ghi biến động)`
      : '';
  return (
    `4. Biến động hộ nghèo trong năm ${a.year}: ${n(a.exited)} hộ thoát nghèo, ${n(a.returned)} hộ tái nghèo, ` +
    `${n(a.newPoor)} hộ nghèo phát sinh${part}.`
  );
}

/** The figures of section 5 (initiatives, resources) and of the direction (plans issued). */
export function activityFigures(a: YearActivity): { plans: string; initiatives: string } {
  if (a.unitsWithCriteria === 0)
    return {
      plans: `Các ${DV} chưa báo cáo tiêu chí thi đua năm ${a.year}.`,
      initiatives: `Các ${DV} chưa báo cáo số mô hình, sáng kiến và nguồn lực huy động năm ${a.year}.`,
    };
  const of =
    a.unitsWithCriteria < a.units
      ? ` (theo báo cáo của ${a.unitsWithCriteria}/${a.units} ${DV})`
      : '';
  return {
    plans: `${a.plansIssued}/${a.units} ${DV} đã ban hành kế hoạch thực hiện phong trào năm ${a.year}${of}.`,
    initiatives:
      `Các ${DV} có ${n(a.initiatives)} mô hình, sáng kiến; huy động ${formatMillions(a.resources)} triệu đồng ` +
      `cho công tác giảm nghèo${of}.`,
  };
}

/** 6. Yearly reports of the units against the deadline. */
export function reportsText(config: Config, s: Summary): string {
  const d = s.districts;
  const late = d.filter((x) => x.reportStatus === 'late');
  const missing = d.filter((x) => x.reportStatus === 'missing');
  const onTime = d.length - late.length - missing.length;
  const preliminary = d.filter((x) => x.figuresStatus === 'preliminary');
  const documents = d.map(narrativeText).filter((t): t is string => t !== null);
  return (
    `6. Tình hình báo cáo: ${onTime === d.length ? 'tất cả ' : `${onTime}/`}${d.length} ${DV} đã nộp báo cáo năm ${s.year} đúng hạn (${deadlineDateText(config, s.year)})` +
    (late.length ? `; ${late.length} ${DV} nộp muộn: ${nameList(late)}` : '') +
    (missing.length ? `; ${missing.length} ${DV} chưa nộp: ${nameList(missing)}` : '') +
    (preliminary.length
      ? `; số liệu của ${preliminary.length} ${DV} là số liệu sơ bộ, chưa có kết quả rà soát chính thức: ${nameList(preliminary)}`
      : '') +
    '.' +
    (documents.length ? ` Báo cáo của các ${DV}: ${documents.join('; ')}.` : '')
  );
}

/** "Huyện A (số 15/BC-UBND, ngày 20/11/2025, https://…)": what the district gave. */
function narrativeText(d: DistrictRow): string | null {
  const n = d.narrativeReport;
  if (!n) return null;
  const parts = [n.number && `số ${n.number}`, n.date && `ngày ${n.date}`, n.link].filter(Boolean);
  return `${d.name} (${parts.join(', ')})`;
}

/**
 * 7. Before the final year, the projection at the current pace, called a projection; in the
 * final year, no projection: the year's figures are the period's result.
 */
export function outlookText(config: Config, s: Summary): string {
  const final = config.finalYear;
  const w = adminWords(config);
  if (s.year >= final)
    return (
      `7. Kết quả cuối giai đoạn: năm ${final} là năm cuối của giai đoạn ${config.baselineYear} - ${final}; kết quả nêu tại mục 1 và mục 2 là kết quả cuối kỳ` +
      (s.total.provisional ? `, được xác định khi các ${DV} có đủ số liệu hợp lệ.` : '.')
    );
  const o = s.total.outlook;
  const span = reportedSpan(s.trend, s.baselineYear);
  const head = `7. Dự báo đến năm ${final} (tính theo tốc độ giảm nghèo bình quân hiện nay, không phải kết quả thực hiện): `;
  let province = `chưa đủ số liệu để dự báo cho ${w.whole}.`;
  if (o && span) {
    const { first, last } = span;
    province =
      `nếu giữ tốc độ bình quân giai đoạn ${first.year} - ${last.year} (số ${HN} ${change(1 - yearlyFactor(first.poor, last.poor, last.year - first.year))} mỗi năm), ` +
      `đến cuối năm ${final} ${w.whole} sẽ còn khoảng ${n(o.poor)} ${HN} và ${n(o.nearPoor)} hộ cận nghèo` +
      (first.poor
        ? ` (số ${HN} ${change((first.poor - o.poor) / first.poor)} so với đầu kỳ)`
        : '') +
      (o.attained
        ? ', có khả năng đạt mục tiêu.'
        : `, chưa đạt mục tiêu${o.neededYearlyReduction ? `; để đạt mục tiêu, số ${HN} cần giảm bình quân ${pct(o.neededYearlyReduction)} mỗi năm đến năm ${final}` : ''}.`);
  }
  const d = areaRows(s);
  const no = d.filter((x) => x.outlook && !x.outlook.attained);
  const none = d.filter((x) => !x.outlook);
  const needed = (x: DistrictRow) => x.outlook?.neededYearlyReduction;
  const units =
    ` Ở cấp ${w.unitLevel}, theo tốc độ hiện nay, ${d.length - no.length - none.length}/${d.length} ${DV} dự kiến đạt mục tiêu vào năm ${final}` +
    (no.length
      ? `; ${no.length} ${DV} dự kiến chưa đạt: ${no.map((x) => (needed(x) ? `${inSentence(x.name)} (cần giảm ${pct(needed(x) as number)} số ${HN} mỗi năm)` : inSentence(x.name))).join(', ')}`
      : '') +
    (none.length ? `; ${none.length} ${DV} chưa đủ số liệu để dự báo: ${nameList(none)}` : '') +
    '.';
  return head + province + units;
}

/**
 * The award proposals, one paragraph: `eligible` and `to_higher_level` entries counted by form
 * and type (forms with none left out); `other_authority` ones named apart, outside the
 * province's proposals; the list is the annex "Danh sách đề nghị khen thưởng".
 */
export function awardsText(config: Config, year: number, list: ShortlistEntry[]): string {
  const w = adminWords(config);
  const counted = list.filter(countsForProvince);
  const apart = list.filter((e) => e.status === 'other_authority');
  const byType = (entries: ShortlistEntry[]) => {
    const types = new Map<string, number>();
    for (const e of entries) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    return [...types].map(([t, k]) => `${k} ${t.toLowerCase()}`).join(', ');
  };
  const forms = [...config.awards].sort((a, b) => a.rank - b.rank);
  const parts = forms.flatMap((a) => {
    const mine = counted.filter((e) => e.award === a.name);
    if (!mine.length) return [];
    const higher = mine.some((e) => e.status === 'to_higher_level');
    return [
      `${a.name}: ${mine.length} (${byType(mine)})${higher ? `, trình ${a.authority} xét` : ''}`,
    ];
  });
  const others = forms.flatMap((a) => {
    const mine = apart.filter((e) => e.award === a.name);
    return mine.length ? [`${mine.length} đề xuất ${a.name} thuộc thẩm quyền ${a.authority}`] : [];
  });
  let text = counted.length
    ? `Trên cơ sở kết quả năm ${year}, ${w.issuerShort} tổng hợp ${counted.length} đề xuất khen thưởng đủ điều kiện hoặc trình cấp trên xét (Danh sách đề nghị khen thưởng kèm theo): ${parts.join('; ')}.`
    : `Năm ${year} chưa có đề xuất khen thưởng nào đủ điều kiện.`;
  if (others.length)
    text += ` Ngoài ra có ${others.join('; ')}, không tính vào đề nghị của ${w.province}.`;
  return text;
}
