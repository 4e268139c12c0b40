// Numbers and dates as Vietnamese readers write them: 1.234; 85,3%; 30/11/2025.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234 → "1.234"; -1234 → "-1.234"; rounds to a whole number. */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n);
  const digits = groupThousands(String(Math.abs(r)));
  return r < 0 ? '-' + digits : digits;
}

/** Decimal with a comma: formatDecimal(85.25, 1) → "85,3". */
export function formatDecimal(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, frac] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + groupThousands(whole) + (frac ? ',' + frac : '');
}

/**
 * 0.853 → "85,3%": a fraction shown as a percentage, written as plan 2396 writes it ("50%", no
 * space) and as Sheets shows the summary's percentage cells in vi_VN. Every text users read uses it.
 */
export function formatPercent(fraction: number, digits = 1): string {
  return `${formatDecimal(fraction * 100, digits)}%`;
}

/** Millions of đồng as the reports write them: 80 → "80"; 12,25 → "12,3" (one decimal if any). */
export function formatMillions(n: number): string {
  return formatDecimal(n, n % 1 ? 1 : 0);
}

/** 5, 3 → "05/03" (a yearly deadline's day and month). */
export function formatDayMonth(day: number, month: number): string {
  return `${pad2(day)}/${pad2(month)}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Wall-clock parts of an instant at a fixed UTC offset (no Intl, no host time zone). */
function localParts(iso: string, utcOffsetMinutes: number): Date | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t + utcOffsetMinutes * 60000);
}

/** "2025-11-29T17:00:00Z", 420 → "30/11/2025". Returns '' for an unreadable date. */
export function formatDateVi(iso: string, utcOffsetMinutes: number): string {
  const d = localParts(iso, utcOffsetMinutes);
  if (!d) return '';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "2025-11-29T16:59:00Z", 420 → "29/11/2025 23:59". Returns '' for an unreadable date. */
export function formatDateTimeVi(iso: string, utcOffsetMinutes: number): string {
  const d = localParts(iso, utcOffsetMinutes);
  if (!d) return '';
  return `${formatDateVi(iso, utcOffsetMinutes)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}
