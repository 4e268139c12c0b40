// The yearly report to the ministry ("Báo cáo năm"), written as Vietnamese sentences from the
// consolidated figures. Pure: one string per slot; the sheets layer lays the slots out on an A4
// page in the form of an administrative report (src/sheets/reportTab.ts). Slot 0 is the issuing
// body, 1 the place and date, 2 the title; the others are the body, REPORT_HEADINGS in bold.
import type { Config } from './config';
import { deadlineInstant } from './deadline';
import { formatDateVi, formatInt as n, formatPercent } from './format';
import { reportedSpan, yearlyFactor } from './outlook';
import { evaluateTarget } from './target';
import type { DistrictRow, Row, ShortlistEntry, Summary } from './types';

/** Slots holding a section heading (I.–IV.). */
export const REPORT_HEADINGS = [4, 10, 12, 15];

/** Number of slots: fixed by the configuration (one line per award form). */
export const reportSlotCount = (config: Config): number => 18 + config.awards.length;

const pct = (f: number) => formatPercent(f);
const change = (r: number) => (r < 0 ? `tăng ${pct(-r)}` : `giảm ${pct(r)}`);
const names = (rows: Row[]) => rows.map((r) => r.name).join(', ');
const HN = 'hộ nghèo';
const DV = 'đơn vị';

/** "giảm ít nhất 80 % số hộ nghèo, hoặc giảm trên 50 % tổng số hộ nghèo và hộ cận nghèo so với đầu kỳ" */
export function targetText(config: Config): string {
  const t = config.targets;
  return `giảm ít nhất ${formatPercent(t.poorReduction, 0)} số ${HN}, hoặc giảm trên ${formatPercent(t.combinedReduction, 0)} tổng số ${HN} và hộ cận nghèo so với đầu kỳ`;
}

/** "Thành phố Chí Linh (giảm 82,9 % hộ nghèo)"; the combined reduction too when the poor one falls short. */
function unitResult(config: Config, d: Row): string {
  const poor = d.poorReduction;
  const parts = poor === null ? [] : [`${change(poor)} ${HN}`];
  if ((poor === null || poor < config.targets.poorReduction - 1e-9) && d.combinedReduction !== null)
    parts.push(`${change(d.combinedReduction)} ${HN} và cận nghèo`);
  return `${d.name} (${parts.join(', ') || 'chưa có số liệu'})`;
}

function provisionalWhy(d: DistrictRow): string {
  const why = [
    d.communesReported < d.communes ? `${d.communesReported}/${d.communes} xã có số liệu` : '',
    d.errors.length ? `${d.errors.length} lỗi số liệu` : '',
  ];
  return `${d.name} (${why.filter(Boolean).join(', ') || 'thiếu số liệu đầu kỳ'})`;
}

function provinceText(config: Config, s: Summary): string {
  const t = s.total;
  if (!t.communesReported) return `1. Toàn tỉnh: chưa có số liệu hợp lệ năm ${s.year}.`;
  let text = `1. Toàn tỉnh: cuối năm ${s.year} còn ${n(t.poor)} ${HN}`;
  if (t.poorReduction !== null)
    text += `, ${change(t.poorReduction)} so với đầu kỳ (${n(t.poorBaseline)} hộ cuối năm ${s.baselineYear})`;
  text += ` và ${n(t.nearPoor)} hộ cận nghèo`;
  if (t.combinedReduction !== null)
    text += `; tổng số ${HN} và hộ cận nghèo ${change(t.combinedReduction)} (đầu kỳ ${n(t.poorBaseline + t.nearPoorBaseline)} hộ)`;
  text += `. So với mục tiêu của Kế hoạch (${targetText(config)}), `;
  if (!t.provisional) return `${text}toàn tỉnh ${t.attained ? 'đã đạt' : 'chưa đạt'} mục tiêu.`;
  return (
    `${text}số liệu hiện có ${evaluateTarget(config.targets, t).attained ? 'đạt' : 'chưa đạt'} mục tiêu, nhưng kết quả toàn tỉnh còn tạm tính ` +
    `do ${s.districts.filter((d) => d.provisional).length} ${DV} chưa đủ hoặc còn lỗi số liệu (${n(t.communesReported)}/${n(t.communes)} xã, phường, thị trấn có số liệu hợp lệ).`
  );
}

function outlookText(config: Config, s: Summary): string[] {
  const final = config.finalYear;
  const o = s.total.outlook;
  const span = reportedSpan(s.trend, s.baselineYear);
  let province = 'Chưa đủ số liệu để dự báo cho toàn tỉnh.';
  if (o && span && span.last.year >= final)
    province = `Năm ${final} là năm cuối giai đoạn: kết quả toàn tỉnh nêu trên là kết quả cuối kỳ.`;
  else if (o && span) {
    const { first, last } = span;
    province =
      `Theo tốc độ bình quân giai đoạn ${first.year} - ${last.year} (các năm có đủ số liệu; số ${HN} ${change(1 - yearlyFactor(first.poor, last.poor, last.year - first.year))} mỗi năm), ` +
      `đến cuối năm ${final} toàn tỉnh dự kiến còn khoảng ${n(o.poor)} ${HN} và ${n(o.nearPoor)} hộ cận nghèo` +
      (first.poor
        ? ` (số ${HN} ${change((first.poor - o.poor) / first.poor)} so với đầu kỳ)`
        : '') +
      (o.attained
        ? ', có khả năng đạt mục tiêu.'
        : `, chưa đạt mục tiêu${o.neededYearlyReduction ? `; để đạt mục tiêu, số ${HN} cần giảm bình quân ${pct(o.neededYearlyReduction)} mỗi năm đến năm ${final}` : ''}.`);
  }
  const d = s.districts;
  const no = d.filter((x) => x.outlook && !x.outlook.attained);
  const none = d.filter((x) => !x.outlook);
  const needed = (x: DistrictRow) => x.outlook?.neededYearlyReduction;
  return [
    province,
    `Ở cấp huyện, theo tốc độ hiện nay, ${d.length - no.length - none.length}/${d.length} ${DV} dự kiến đạt mục tiêu vào năm ${final}` +
      (no.length
        ? `; ${no.length} ${DV} dự kiến chưa đạt: ${no.map((x) => (needed(x) ? `${x.name} (cần giảm ${pct(needed(x) as number)} số ${HN} mỗi năm)` : x.name)).join(', ')}`
        : '') +
      (none.length ? `; ${none.length} ${DV} chưa đủ số liệu để dự báo: ${names(none)}` : '') +
      '.',
  ];
}

function awardsText(config: Config, year: number, list: ShortlistEntry[]): string[] {
  const ok = list.filter((e) => e.eligible);
  const own = list.filter((e) => !e.id.startsWith('DX-')).length;
  return [
    `Tổng hợp ${list.length} đề xuất khen thưởng năm ${year} (${own} đề cử của các ${DV}, ${list.length - own} đề xuất theo kết quả thực hiện mục tiêu), ` +
      `trong đó ${ok.length} đề xuất đủ điều kiện (có danh sách kèm theo), gồm:`,
    ...[...config.awards]
      .sort((a, b) => a.rank - b.rank)
      .map((a) => {
        const mine = ok.filter((e) => e.award === a.name);
        const types = new Map<string, number>();
        for (const e of mine) types.set(e.type, (types.get(e.type) ?? 0) + 1);
        const byType = [...types].map(([t, k]) => `${k} ${t.toLowerCase()}`).join('; ');
        return `- ${a.name}${mine.length ? ` (${a.authority} quyết định): ${mine.length} đề xuất (${byType})` : ': không có'}.`;
      }),
  ];
}

/** The text of every slot, in order (reportSlotCount(config) strings). */
export function reportText(config: Config, s: Summary, shortlist: ShortlistEntry[]): string[] {
  const d = s.districts;
  const done = d.filter((x) => !x.provisional);
  const yes = done.filter((x) => x.attained);
  const no = done.filter((x) => !x.attained);
  const tentative = d.filter((x) => x.provisional);
  const t = s.total;
  const late = d.filter((x) => x.reportStatus === 'late');
  const missing = d.filter((x) => x.reportStatus === 'missing');
  const onTime = d.length - late.length - missing.length;
  const province = config.province;
  const movement = `Phong trào thi đua “${config.movementName}”`;
  const results = (rows: Row[]) => rows.map((x) => unitResult(config, x)).join(', ');
  return [
    `TỈNH ${province.toUpperCase()}`,
    `${province}, ngày … tháng … năm …`,
    `Kết quả thực hiện ${movement} năm ${s.year}`,
    `Thực hiện Kế hoạch số ${config.planNumber} ngày ${config.planDate.split('-').reverse().join('/')} của Ủy ban nhân dân tỉnh về tổ chức thực hiện ${movement} giai đoạn ${s.baselineYear} - ${config.finalYear}, Ủy ban nhân dân tỉnh ${province} báo cáo kết quả thực hiện năm ${s.year} như sau:`,
    'I. KẾT QUẢ THỰC HIỆN MỤC TIÊU GIẢM NGHÈO',
    provinceText(config, s),
    `2. Cấp huyện: ${yes.length}/${d.length} ${DV} đạt mục tiêu${yes.length ? `, gồm ${results(yes)}` : ''}.`,
    no.length
      ? `- ${no.length} ${DV} chưa đạt mục tiêu: ${results(no)}.`
      : `- Không có ${DV} có đủ số liệu nào chưa đạt mục tiêu.`,
    tentative.length
      ? `- ${tentative.length} ${DV} có số liệu tạm tính, chưa được xét: ${tentative.map(provisionalWhy).join(', ')}.`
      : `- Tất cả các ${DV} đã có đủ số liệu hợp lệ.`,
    `3. Cấp xã: ${n(t.communesAttained)}/${n(t.communesReported)} xã, phường, thị trấn có số liệu hợp lệ năm ${s.year} đạt mục tiêu` +
      (t.communesReported < t.communes
        ? ` (toàn tỉnh có ${n(t.communes)} xã, phường, thị trấn).`
        : '.'),
    `II. TÌNH HÌNH BÁO CÁO CỦA CÁC ${DV.toUpperCase()}`,
    `${onTime === d.length ? 'Tất cả ' : `${onTime}/`}${d.length} ${DV} đã nộp báo cáo năm ${s.year} đúng hạn (trước ngày ${formatDateVi(deadlineInstant(config, s.year).toISOString(), config.deadline.utcOffsetMinutes)})` +
      (late.length ? `; ${late.length} ${DV} nộp muộn: ${names(late)}` : '') +
      (missing.length ? `; ${missing.length} ${DV} chưa nộp: ${names(missing)}` : '') +
      '.',
    `III. DỰ BÁO KHẢ NĂNG ĐẠT MỤC TIÊU ĐẾN NĂM ${config.finalYear}`,
    ...outlookText(config, s),
    'IV. ĐỀ XUẤT KHEN THƯỞNG',
    ...awardsText(config, s.year, shortlist),
    `Trên đây là báo cáo kết quả thực hiện ${movement} năm ${s.year} của tỉnh ${province}, Ủy ban nhân dân tỉnh kính báo cáo Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)./.`,
  ];
}
