// Cấu hình's tables of the administrative words, the yearly report's signer and recipients, and
// the report's paragraphs analysts write (NỘI DUNG BÁO CÁO). The three tables are optional: a
// workbook set up before they existed takes the defaults (src/core/defaultWords.ts) and has no
// paragraphs, and "Khởi tạo / cập nhật sổ" never rewrites an existing Cấu hình.
import type { ReportSettings, Words } from '../core/config';
import { NOTE_LABEL, type NoteKey } from '../core/reportNotes';

interface LabelledRow<K extends string> {
  key: K;
  label: string;
  /** Column C, written by the setup. */
  note: string;
}

/** TỪ NGỮ HÀNH CHÍNH: one row per word, label in A, value in B. */
export const WORD_ROWS: readonly LabelledRow<keyof Words>[] = [
  {
    key: 'issuingBody',
    label: 'Cơ quan ban hành báo cáo',
    note: 'Ví dụ: Ủy ban nhân dân tỉnh Hải Dương; Ủy ban nhân dân thành phố Hải Phòng',
  },
  { key: 'provinceNoun', label: 'Cấp tỉnh', note: 'tỉnh hoặc thành phố (viết thường)' },
  {
    key: 'place',
    label: 'Địa danh ghi ở ngày tháng',
    note: 'Ví dụ: Hải Dương, ngày … tháng … năm …',
  },
  {
    key: 'unitLevel',
    label: 'Cấp của đơn vị',
    note: 'huyện (đơn vị cấp huyện) hoặc xã sau năm 2025',
  },
  {
    key: 'rowLevel',
    label: 'Cấp dưới đơn vị',
    note: 'xã, phường, thị trấn; hoặc thôn, tổ dân phố',
  },
  { key: 'provinceRow', label: 'Tên dòng tổng', note: 'Toàn tỉnh hoặc Toàn thành phố' },
  {
    key: 'emulationDepartment',
    label: 'Cơ quan thường trực thi đua',
    note: 'Cơ quan tổng hợp báo cáo của các đơn vị (Kế hoạch, mục V.4)',
  },
  {
    key: 'povertyDepartment',
    label: 'Cơ quan phụ trách giảm nghèo',
    note: 'Sở Nội vụ sau khi sắp xếp năm 2025',
  },
];

/** BÁO CÁO NĂM: the signer and the recipients. */
export const REPORT_ROWS: readonly LabelledRow<keyof ReportSettings>[] = [
  {
    key: 'signerTitle',
    label: 'Chức vụ người ký',
    note: 'CHỦ TỊCH; hoặc KT. CHỦ TỊCH và PHÓ CHỦ TỊCH trên hai dòng (Ctrl+Enter để xuống dòng)',
  },
  { key: 'signerName', label: 'Họ và tên người ký', note: 'Để trống nếu văn thư ghi sau' },
  {
    key: 'recipients',
    label: 'Nơi nhận',
    note: 'Các nơi nhận cách nhau bởi dấu chấm phẩy; nơi đầu tiên là nơi báo cáo được gửi đến',
  },
  {
    key: 'draftingUnit',
    label: 'Đơn vị soạn thảo',
    note: 'Viết tắt, ghi sau "Lưu: VT,"',
  },
];

/** The columns of NỘI DUNG BÁO CÁO. */
export const NOTE_COLUMNS = { year: 0, section: 1, text: 2 } as const;

/** "Mục" labels accepted, folded for comparison by the reader. */
export const NOTE_BY_LABEL: ReadonlyMap<string, NoteKey> = new Map(
  (Object.entries(NOTE_LABEL) as [NoteKey, string][]).map(([key, label]) => [label, key]),
);

/** Recipients in one cell: separated by semicolons or line breaks (a recipient may hold a comma). */
export const splitRecipients = (text: string): string[] =>
  text
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
