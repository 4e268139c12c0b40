// The review report (sơ kết giữa kỳ in the mid-term year, tổng kết in the final year; plan 2396
// IV.3-4), in the same form and slots scheme as the yearly report. Pure.
import type { Config } from './config';
import { formatInt as n, formatMillions, formatPercent as pct } from './format';
import type { ReportNote } from './reportNotes';
import { change } from './reportSections';
import {
  closingText,
  documentFoot,
  documentHead,
  indented,
  noted,
  planOpening,
  titleText,
  type SlotKind,
} from './reportText';
import { adminWords, inSentence } from './reportWords';
import type { Review, ReviewUnit } from './review';
import type { Summary } from './types';

const WORD = { midterm: 'sơ kết giữa kỳ', final: 'tổng kết' } as const;

const attainedIn = (list: number[]) =>
  list.length ? `đạt mục tiêu năm ${list.join(', ')}` : 'chưa năm nào đạt mục tiêu';
const trendWord = {
  down: 'số hộ nghèo giảm',
  up: 'số hộ nghèo tăng',
  flat: 'số hộ nghèo không đổi',
};

/**
 * A sentence of its own, so the unit's name starts it as written on Cấu hình: "Huyện Gia Lộc: năm
 * 2025 đạt, giảm 82,9% hộ nghèo so với đầu kỳ; đạt mục tiêu năm 2024, 2025; số hộ nghèo giảm qua
 * các năm"
 */
function unitLine(u: ReviewUnit): string {
  const last = u.years[u.years.length - 1];
  const result = u.provisional ? 'tạm tính' : u.attained ? 'đạt' : 'chưa đạt';
  const reduction =
    last && last.poorReduction !== null
      ? `, ${change(last.poorReduction)} hộ nghèo so với đầu kỳ`
      : '';
  const trend = u.trend ? `; ${trendWord[u.trend]} qua các năm` : '';
  return `${u.name}: năm ${last?.year ?? ''} ${result}${reduction}; ${attainedIn(u.attainedYears)}${trend}`;
}

function provinceLine(config: Config, r: Review): string {
  const t = r.total;
  const w = adminWords(config);
  const steps = t.years
    .map((y) => `${y.year}: ${n(y.poor)} hộ${y.provisional ? ' (tạm tính)' : ''}`)
    .join('; ');
  const last = t.years[t.years.length - 1];
  const result = !last
    ? 'chưa có số liệu'
    : last.provisional
      ? 'kết quả còn tạm tính'
      : last.attained
        ? 'đạt mục tiêu'
        : 'chưa đạt mục tiêu';
  return (
    `1. ${w.wholeLabel}: đầu kỳ (cuối năm ${r.fromYear}) có ${n(t.poorBaseline)} hộ nghèo và ${n(t.nearPoorBaseline)} hộ cận nghèo; ` +
    `số hộ nghèo cuối các năm: ${steps || 'chưa có số liệu'}` +
    (last && last.poorReduction !== null
      ? `; đến cuối năm ${r.toYear} ${change(last.poorReduction)} so với đầu kỳ`
      : '') +
    `; ${result}.`
  );
}

function totalsLine(config: Config, r: Review): string {
  const s = r.totals;
  return (
    `3. Giai đoạn ${r.fromYear + 1} - ${r.toYear}: ${n(s.exited)} hộ thoát nghèo, ${n(s.returned)} hộ tái nghèo, ${n(s.newPoor)} hộ nghèo phát sinh ` +
    `(theo số liệu biến động các ${config.words.rowLevel} ghi trên trang của đơn vị); các đơn vị có ${n(s.initiatives)} mô hình, sáng kiến và huy động ` +
    `${formatMillions(s.resources)} triệu đồng cho công tác giảm nghèo.`
  );
}

function outlookLine(config: Config, r: Review, s: Summary): string {
  const w = adminWords(config);
  if (r.kind === 'final')
    return `5. Năm ${r.toYear} là năm cuối giai đoạn: kết quả nêu trên là kết quả cả giai đoạn ${r.fromYear} - ${r.toYear}.`;
  const o = s.total.outlook;
  if (!o) return `5. Dự báo đến năm ${config.finalYear}: chưa đủ số liệu để dự báo cho ${w.whole}.`;
  return (
    `5. Dự báo đến năm ${config.finalYear} (theo tốc độ giảm nghèo bình quân hiện nay, không phải kết quả thực hiện): ${w.whole} sẽ còn khoảng ` +
    `${n(o.poor)} hộ nghèo và ${n(o.nearPoor)} hộ cận nghèo, ${o.attained ? 'có khả năng đạt mục tiêu' : 'chưa đạt mục tiêu'}` +
    (o.neededYearlyReduction
      ? `; để đạt mục tiêu, số hộ nghèo cần giảm bình quân ${pct(o.neededYearlyReduction)} mỗi năm`
      : '') +
    '.'
  );
}

function proposalsLines(r: Review): string[] {
  const p = r.proposals;
  return [
    p.units.length
      ? `Đề nghị khen thưởng ${WORD[r.kind]} cho ${p.units.length} đơn vị đạt mục tiêu năm ${r.toYear}: ${p.units.map(inSentence).join(', ')}.`
      : `Năm ${r.toYear} chưa có đơn vị nào đạt mục tiêu với số liệu đầy đủ để đề nghị khen thưởng ${WORD[r.kind]}.`,
    p.byAward.length
      ? `Đề xuất khen thưởng năm ${r.toYear} đủ điều kiện hoặc trình cấp trên xét (Danh sách đề nghị khen thưởng kèm theo): ` +
        p.byAward.map((a) => `${a.award}: ${a.count}`).join('; ') +
        '.'
      : `Chưa có đề xuất khen thưởng năm ${r.toYear} đủ điều kiện.`,
  ];
}

function reviewBody(
  config: Config,
  r: Review,
  s: Summary,
  notes: readonly ReportNote[],
): [SlotKind, string][] {
  const w = adminWords(config);
  const b = (text: string): [SlotKind, string] => ['body', text];
  const h = (text: string): [SlotKind, string] => ['heading', text];
  const attained = r.units.filter((u) => u.attained && !u.provisional).length;
  return [
    b(
      `${planOpening(config)}, ${w.issuer} báo cáo ${WORD[r.kind]} Phong trào thi đua giai đoạn ${r.fromYear} - ${r.toYear} như sau:`,
    ),
    h('I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI, TUYÊN TRUYỀN'),
    b(noted(notes, r.toYear, 'direction')),
    h(`II. KẾT QUẢ GIAI ĐOẠN ${r.fromYear} - ${r.toYear}`),
    b(provinceLine(config, r)),
    b(
      `2. Các đơn vị cấp ${w.unitLevel}: ${attained}/${r.units.length} đơn vị đạt mục tiêu năm ${r.toYear}. ` +
        r.units.map(unitLine).join('. ') +
        '.',
    ),
    b(totalsLine(config, r)),
    b(`4. Mô hình, sáng kiến, nguồn lực: ${noted(notes, r.toYear, 'models')}`),
    b(outlookLine(config, r, s)),
    h('III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
    b(noted(notes, r.toYear, 'shortcomings')),
    h('IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI'),
    b(noted(notes, r.toYear, 'tasks')),
    h(`V. ĐỀ XUẤT, KIẾN NGHỊ VÀ KHEN THƯỞNG ${WORD[r.kind].toUpperCase()}`),
    b(noted(notes, r.toYear, 'proposals')),
    ...proposalsLines(r).map(b),
    b(
      closingText(
        config,
        `${WORD[r.kind]} Phong trào thi đua “${config.movementName}” giai đoạn ${r.fromYear} - ${r.toYear}`,
      ),
    ),
  ];
}

/**
 * Kinds and texts of the review report's slots. Outside the mid-term and final years the title
 * says which years have a review and the body is blank, in the same slots.
 */
export function reviewSlots(
  config: Config,
  review: Review | null,
  summary: Summary,
  notes: readonly ReportNote[],
): [SlotKind, string][] {
  const title = review
    ? titleText(
        `${review.kind === 'final' ? 'Tổng kết' : 'Sơ kết giữa kỳ'} Phong trào thi đua`,
        config.movementName,
        `giai đoạn ${review.fromYear} - ${review.toYear}`,
      )
    : `Năm ${summary.year} không có sơ kết, tổng kết (sơ kết năm ${config.midTermYear}, tổng kết năm ${config.finalYear})`;
  const body: [SlotKind, string][] = review
    ? reviewBody(config, review, summary, notes).map(([k, t]) => [k, indented(t)])
    : [];
  // The slots are the same every year: the kinds of a review's body, blank outside review years.
  const kinds = reviewBody(config, emptyReview(config), summary, []).map(([k]) => k);
  while (body.length < kinds.length) body.push([kinds[body.length], '']);
  return [...documentHead(config, title), ...body, ...documentFoot(config)];
}

function emptyReview(config: Config): Review {
  const unit: ReviewUnit = {
    name: '',
    poorBaseline: 0,
    nearPoorBaseline: 0,
    years: [],
    attainedYears: [],
    trend: null,
    attained: false,
    provisional: true,
  };
  return {
    kind: 'final',
    fromYear: config.baselineYear,
    toYear: config.finalYear,
    units: [],
    total: unit,
    totals: { exited: 0, returned: 0, newPoor: 0, initiatives: 0, resources: 0 },
    proposals: { units: [], byAward: [] },
  };
}

/** The kind of every slot of the review report: fixed by the configuration. */
export function reviewSlotKinds(config: Config): SlotKind[] {
  const summary = { year: config.finalYear } as Summary;
  return reviewSlots(config, null, summary, []).map(([kind]) => kind);
}
