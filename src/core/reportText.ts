// The yearly report to the ministry ("Báo cáo năm", plan 2396 V.4) as slots of text: what the
// figures say (src/core/reportSections.ts) and what analysts wrote on Cấu hình
// (src/core/reportNotes.ts). Pure. The slots and their kinds depend only on the configuration,
// so src/sheets/reportTab.ts lays them out once, in the form of Decree 30/2020/NĐ-CP.
import type { Config } from './config';
import { consolidateValidated } from './consolidate';
import { formatDateVi } from './format';
import { yearActivity, type YearActivity } from './reportFacts';
import { NOTE_LABEL, noteText, type NoteKey, type ReportNote } from './reportNotes';
import {
  activityFigures,
  awardsText,
  communesText,
  movementText,
  outlookText,
  provinceText,
  reportsText,
  unitsText,
} from './reportSections';
import { adminWords } from './reportWords';
import type { ShortlistEntry, Summary } from './types';

export { targetText } from './reportSections';

/**
 * What a slot is, hence where the report tab puts it and how: the issuing body's two lines, the
 * place and date, the title, section headings (bold) and body paragraphs (justified, first-line
 * indent), then one row: "Nơi nhận:" and the recipients (left, small) beside the signing
 * authority, the signer's title, the signing space and the name (right), so that no page break
 * parts the signature from its title or the recipients from the signature.
 */
export type SlotKind =
  'issuer1' | 'issuer2' | 'place' | 'title' | 'heading' | 'body' | 'recipients' | 'signer';

/** Blank lines between the signer's title and name: the signing space. */
export const SIGNING_SPACE = 4;

/** Everything the report is written from. */
export interface ReportInput {
  summary: Summary;
  shortlist: ShortlistEntry[];
  activity: YearActivity;
  notes: readonly ReportNote[];
}

/** A first-line indent that every program keeps: no-break spaces (about 1 cm at 13 pt). */
export const INDENT = '\u00a0'.repeat(8);

/** Each paragraph of a slot (lines of analysts' text included) starts with the indent. */
export const indented = (text: string): string =>
  text
    .split('\n')
    .map((line) => INDENT + line)
    .join('\n');

/** The document's head: issuing body, place and date, title (kinds and texts). */
export function documentHead(config: Config, title: string): [SlotKind, string][] {
  const w = adminWords(config);
  return [
    ['issuer1', w.issuerLines[0]],
    ['issuer2', w.issuerLines[1]],
    ['place', `${config.words.place}, ngày … tháng … năm …`],
    ['title', title],
  ];
}

/** The recipients under "Nơi nhận:" and the signer block, from Cấu hình. */
export function documentFoot(config: Config): [SlotKind, string][] {
  const r = config.report;
  const recipients = ['Nơi nhận:', ...r.recipients.map((x) => `- ${x};`)];
  recipients.push(`- Lưu: VT${r.draftingUnit.trim() ? `, ${r.draftingUnit.trim()}` : ''}.`);
  const signer = [
    adminWords(config).signerAuthority,
    r.signerTitle.toUpperCase(),
    ...Array<string>(SIGNING_SPACE).fill(''),
    r.signerName,
  ];
  return [
    ['recipients', recipients.join('\n')],
    ['signer', signer.join('\n')],
  ];
}

/**
 * The title, on one line where it fits (about 60 characters at 14 pt bold on A4), else broken
 * before the movement's quoted name rather than inside it.
 */
export function titleText(lead: string, movement: string, tail: string): string {
  const one = `${lead} “${movement}” ${tail}`;
  return one.length <= 60 ? one : `${lead}\n“${movement}” ${tail}`;
}

/** An analyst's section: their text, or where to type it; the tabs' figures follow. */
export function noted(
  notes: readonly ReportNote[],
  year: number,
  key: NoteKey,
  figures = '',
): string {
  const typed = noteText(notes, year, key);
  const text =
    typed ||
    `(Cán bộ tổng hợp viết nội dung này trên trang "Cấu hình", bảng NỘI DUNG BÁO CÁO, năm ${year}, mục "${NOTE_LABEL[key]}".)`;
  return figures ? `${text}\n${figures}` : text;
}

/**
 * The reports' opening words: "Thực hiện Kế hoạch số 2396/KH-UBND ngày 12/08/2022 của UBND tỉnh
 * về tổ chức thực hiện Phong trào thi đua “…” giai đoạn 2021 - 2025".
 */
export function planOpening(config: Config): string {
  const w = adminWords(config);
  return (
    `Thực hiện Kế hoạch số ${config.planNumber} ngày ${formatDateVi(`${config.planDate}T00:00:00Z`, 0)} của ${w.issuerShort} về tổ chức thực hiện ` +
    `Phong trào thi đua “${config.movementName}” giai đoạn ${config.baselineYear} - ${config.finalYear}`
  );
}

/** The reports' closing sentence: "Trên đây là báo cáo {what} của tỉnh, UBND tỉnh kính báo cáo …./.". */
export function closingText(config: Config, what: string): string {
  const w = adminWords(config);
  return `Trên đây là báo cáo ${what} của ${w.province}, ${w.issuerShort} kính báo cáo ${config.report.recipients[0]}./.`;
}

/** Kinds and texts of the yearly report's body. */
function body(config: Config, input: ReportInput): [SlotKind, string][] {
  const { summary: s, activity, notes } = input;
  const figures = activityFigures(activity);
  const w = adminWords(config);
  const b = (text: string): [SlotKind, string] => ['body', text];
  const h = (text: string): [SlotKind, string] => ['heading', text];
  return [
    b(
      `${planOpening(config)}, trên cơ sở báo cáo của các đơn vị do ` +
        `${config.words.emulationDepartment} tổng hợp, phối hợp ${config.words.povertyDepartment}, ${w.issuer} báo cáo kết quả thực hiện năm ${s.year} như sau:`,
    ),
    h('I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI, TUYÊN TRUYỀN'),
    b(noted(notes, s.year, 'direction', figures.plans)),
    h('II. KẾT QUẢ THỰC HIỆN'),
    b(provinceText(config, s)),
    ...unitsText(config, s).map(b),
    b(communesText(config, s)),
    b(movementText(config, activity)),
    b(`5. Mô hình, sáng kiến, nguồn lực: ${noted(notes, s.year, 'models', figures.initiatives)}`),
    b(reportsText(config, s)),
    b(outlookText(config, s)),
    h('III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
    b(noted(notes, s.year, 'shortcomings')),
    h('IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI'),
    b(noted(notes, s.year, 'tasks')),
    h('V. ĐỀ XUẤT, KIẾN NGHỊ'),
    b(noted(notes, s.year, 'proposals')),
    b(awardsText(config, s.year, input.shortlist)),
    b(
      closingText(
        config,
        `kết quả thực hiện Phong trào thi đua “${config.movementName}” năm ${s.year}`,
      ),
    ),
  ];
}

/** Kinds and texts of every slot, in order; headings and body paragraphs carry the indent. */
export function reportSlots(config: Config, input: ReportInput): [SlotKind, string][] {
  const title = titleText(
    'Kết quả thực hiện Phong trào thi đua',
    config.movementName,
    `năm ${input.summary.year}`,
  );
  return [
    ...documentHead(config, title),
    ...body(config, input).map(([kind, text]): [SlotKind, string] => [kind, indented(text)]),
    ...documentFoot(config),
  ];
}

/** The text of every slot, in order (reportSlotKinds(config).length strings). */
export function reportText(config: Config, input: ReportInput): string[] {
  return reportSlots(config, input).map(([, text]) => text);
}

/** The kind of every slot: the same for every configuration and year. */
export function reportSlotKinds(config: Config): SlotKind[] {
  const year = config.finalYear;
  const { summary, shortlist } = consolidateValidated(config, [], year, '');
  const empty: ReportInput = { summary, shortlist, activity: yearActivity([], year), notes: [] };
  return reportSlots(config, empty).map(([kind]) => kind);
}
