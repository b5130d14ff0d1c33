/**
 * The value formats of the Decision 130 tables (QĐ 130/QĐ-BYT as amended by 4750 and 3176): dates,
 * birth dates, decimals with '.', sexes. Pure: every function takes what it formats and returns the
 * text written in the element, or '' for a value the data does not have.
 */

const stamps = new Map<string, Intl.DateTimeFormat>();

function stampOf(timeZone: string): Intl.DateTimeFormat {
  let f = stamps.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    stamps.set(timeZone, f);
  }
  return f;
}

/**
 * An instant as `yyyymmddHHmm` on the country's clock (NGAY_VAO, NGAY_RA, NGAY_YL, NGAY_TTOAN).
 *
 * @example formatDateTime(new Date('2026-12-02T02:05:00Z'), 'Asia/Ho_Chi_Minh') // '202612020905'
 */
export function formatDateTime(at: Date | null | undefined, timeZone: string): string {
  if (!at || Number.isNaN(at.getTime())) return '';
  const parts = stampOf(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}${part('hour')}${part('minute')}`;
}

/** A calendar date 'YYYY-MM-DD' as `yyyymmdd` (GT_THE_TU, GT_THE_DEN, NGAY_LAP). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}${m[2]}${m[3]}` : '';
}

/**
 * NGAY_SINH: 12 characters `yyyymmddHHMM`, the parts not known written as zeros (4750: an unknown
 * hour and minute `0000`; a birth known only by its year `yyyy00000000`).
 */
export function formatBirth(
  birthDate: string | null | undefined,
  birthYear: number | null | undefined,
  precision: 'day' | 'year' | null | undefined,
): string {
  if (birthDate && precision !== 'year') {
    const d = formatDate(birthDate);
    if (d) return `${d}0000`;
  }
  const year = birthYear ?? (birthDate ? Number(birthDate.slice(0, 4)) : null);
  if (year && Number.isInteger(year) && year > 0 && year < 10_000)
    return `${String(year).padStart(4, '0')}00000000`;
  return '';
}

/** GIOI_TINH: 1 male, 2 female, 3 not known (the register's 'other' or nothing). */
export function formatSex(sex: string | null | undefined): string {
  if (sex === 'male') return '1';
  if (sex === 'female') return '2';
  return '3';
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal with exactly `decimals` places and '.' (money 2, quantities and unit prices 3), rounded
 * half away from zero, in exact arithmetic on the text. Give money as text (a numeric column read
 * `::text`): a JS number is accepted but only as exact as its shortest writing.
 *
 * @example formatDecimal('12500', 2) // '12500.00'
 * @example formatDecimal('1.2345', 3) // '1.235'
 */
export function formatDecimal(value: string | number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return '';
  const sign = m[1] ?? '';
  const whole = m[2] ?? '0';
  const frac = m[3] ?? '';
  let digits = BigInt(whole + frac.slice(0, decimals).padEnd(decimals, '0'));
  if (frac.length > decimals && Number(frac[decimals]) >= 5) digits += 1n;
  const s = digits.toString().padStart(decimals + 1, '0');
  const out = decimals > 0 ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
  return digits === 0n ? out : `${sign}${out}`;
}

/** A whole number as text (STT, MA_NHOM, PHAM_VI ...); '' when not a safe integer. */
export function formatInteger(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(n) ? String(n) : '';
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  // 1e21 and 1e-7 print in exponent form: write them out positionally.
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}
