// What the figures cannot write in the yearly report and the reviews: the paragraphs analysts
// type on Cấu hình (table "NỘI DUNG BÁO CÁO"), one row per year and section. Pure.

/** The report's sections written by analysts, in the report's order. */
export const NOTE_KEYS = ['direction', 'models', 'shortcomings', 'tasks', 'proposals'] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

/** The label of each section in the "Mục" column of Cấu hình. */
export const NOTE_LABEL: Readonly<Record<NoteKey, string>> = {
  direction: 'Công tác chỉ đạo, tuyên truyền',
  models: 'Mô hình, sáng kiến, nguồn lực',
  shortcomings: 'Tồn tại, hạn chế và nguyên nhân',
  tasks: 'Nhiệm vụ, giải pháp thời gian tới',
  proposals: 'Đề xuất, kiến nghị',
};

export interface ReportNote {
  year: number;
  key: NoteKey;
  /** As typed; line breaks separate paragraphs. */
  text: string;
}

/** The text analysts typed for a section of a year (several rows join as paragraphs); '' if none. */
export function noteText(notes: readonly ReportNote[], year: number, key: NoteKey): string {
  return notes
    .filter((n) => n.year === year && n.key === key && n.text.trim() !== '')
    .map((n) => n.text.trim())
    .join('\n');
}
