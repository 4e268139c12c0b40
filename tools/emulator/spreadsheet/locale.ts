/** Locale conventions used to parse typed strings and to format display values. */
export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day/month/year in typed dates with '/' separators. */
  dateOrder: 'DMY' | 'MDY';
  defaultDate: string;
  defaultDateTime: string;
  defaultTime: string;
  monthNames: readonly string[];
  monthShort: readonly string[];
  dayNames: readonly string[];
  dayShort: readonly string[];
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  defaultDate: 'M/d/yyyy',
  defaultDateTime: 'M/d/yyyy H:mm:ss',
  defaultTime: 'h:mm:ss am/pm',
  monthNames: EN_MONTHS,
  monthShort: EN_MONTHS.map((m) => m.slice(0, 3)),
  dayNames: EN_DAYS,
  dayShort: EN_DAYS.map((d) => d.slice(0, 3)),
};

const VI_VN: LocaleInfo = {
  decimal: ',',
  group: '.',
  dateOrder: 'DMY',
  defaultDate: 'dd/MM/yyyy',
  defaultDateTime: 'dd/MM/yyyy HH:mm:ss',
  defaultTime: 'HH:mm:ss',
  monthNames: Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`),
  monthShort: Array.from({ length: 12 }, (_, i) => `thg ${i + 1}`),
  dayNames: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  dayShort: ['CN', 'Th 2', 'Th 3', 'Th 4', 'Th 5', 'Th 6', 'Th 7'],
};

const EN_GB: LocaleInfo = {
  ...EN_US,
  dateOrder: 'DMY',
  defaultDate: 'dd/MM/yyyy',
  defaultDateTime: 'dd/MM/yyyy HH:mm:ss',
  defaultTime: 'HH:mm:ss',
};
const COMMA_DECIMAL: LocaleInfo = { ...EN_GB, decimal: ',', group: '.' };

/**
 * vi_VN, en_US, en_GB are modelled; de/fr/es/it/pt/id/nl/sv/tr use ',' decimals like vi_VN (and
 * so `;` between formula arguments, formulaSyntax.ts); others en_US.
 */
export function localeInfo(locale: string): LocaleInfo {
  const norm = locale.replace('-', '_');
  if (norm === 'vi_VN' || norm === 'vi') return VI_VN;
  if (norm === 'en_US' || norm === 'en') return EN_US;
  if (norm.startsWith('en_')) return EN_GB;
  if (/^(de|fr|es|it|pt|id|nl|sv|tr)(_|$)/.test(norm)) return COMMA_DECIMAL;
  return EN_US;
}
