import { addDays } from '../../platform/dates.ts';

/**
 * Pure rules of the catalogues: ICD-10 codes (format and normalisation), the price in force on a
 * date, where a new price goes in a price history, and how a typed search reads. No I/O, no clock.
 */

/**
 * An ICD-10 code as stored: a letter, two digits, and optionally a dot with one or two characters
 * (WHO ICD-10 has one after the dot, 'E11.9'; national extensions add a fifth, 'S52.50'). The
 * database checks the same pattern (migration 2026_12_04_1000).
 */
export const ICD10_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/;

export function isIcd10Format(code: string): boolean {
  return ICD10_PATTERN.test(code);
}

/**
 * A typed ICD-10 code in its stored form, or null when it is not one: spaces dropped, upper case,
 * the dot put in when left out, a trailing dot dropped.
 *
 * @example
 * normaliseIcd10(' e119 ') // 'E11.9'
 * normaliseIcd10('i10')    // 'I10'
 * normaliseIcd10('E1')     // null
 */
export function normaliseIcd10(input: string): string | null {
  const s = input.replace(/\s+/g, '').toUpperCase();
  const m = /^([A-Z][0-9]{2})\.?([0-9A-Z]{0,2})$/.exec(s);
  if (!m) return null;
  const code = m[2] ? `${m[1]}.${m[2]}` : m[1]!;
  return isIcd10Format(code) ? code : null;
}

/**
 * A code prefix as typed in a search box ('e11', 'E119', 'I1', 'e11.'), in the stored form, or null
 * when the text does not start like a code (then it is words).
 */
export function icd10Prefix(input: string): string | null {
  const s = input.replace(/\s+/g, '').toUpperCase();
  const m = /^([A-Z][0-9]{1,2})(\.?)([0-9A-Z]{0,2})$/.exec(s);
  if (!m) return null;
  const [, head, dot, tail] = m;
  if (head!.length < 3) return dot || tail ? null : head!;
  if (tail) return `${head}.${tail}`;
  return dot ? `${head}.` : head!;
}

/** A price period: inclusive dates, `effectiveTo` null while in force. */
export interface PricePeriod {
  id: string;
  unitPrice: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The price in force on `date` ('YYYY-MM-DD'), or null; of overlapping periods, the latest start wins. */
export function priceOn<P extends PricePeriod>(prices: readonly P[], date: string): P | null {
  let found: P | null = null;
  for (const p of prices) {
    if (p.effectiveFrom > date) continue;
    if (p.effectiveTo !== null && p.effectiveTo < date) continue;
    if (!found || p.effectiveFrom > found.effectiveFrom) found = p;
  }
  return found;
}

export type NewPricePlan =
  | { ok: true; same: false; close: { id: string; effectiveTo: string } | null }
  | { ok: true; same: true; existing: PricePeriod }
  | { ok: false; reason: 'not-after-last'; last: PricePeriod };

/**
 * Where a new price goes: after the last one, which it closes the day before it starts (history is
 * never edited). The same price on the same start date is the stored one (a repeated request); any
 * other start on or before the last start is refused.
 */
export function planNewPrice(
  prices: readonly PricePeriod[],
  price: { unitPrice: number; effectiveFrom: string },
): NewPricePlan {
  const last = [...prices].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!last) return { ok: true, same: false, close: null };
  if (last.effectiveFrom === price.effectiveFrom && last.unitPrice === price.unitPrice) {
    return { ok: true, same: true, existing: last };
  }
  if (price.effectiveFrom <= last.effectiveFrom) return { ok: false, reason: 'not-after-last', last };
  const closeOn = addDays(price.effectiveFrom, -1);
  const close =
    last.effectiveTo === null || last.effectiveTo > closeOn ? { id: last.id, effectiveTo: closeOn } : null;
  return { ok: true, same: false, close };
}

/**
 * A search text as words (at most 8, each at most 60 characters), spaces collapsed. A strength typed
 * against its unit ("50mg", "0.5g", "500mg/5ml") reads as the catalogue writes it, number and unit
 * apart ("50 mg"); a code's letters before its digits ("e11", "B12") stay one word.
 */
export function searchWords(q: string): string[] {
  return q
    .trim()
    .replace(/(\d)(?=\p{L}|%)/gu, '$1 ')
    .split(/[\s,;/]+/)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.slice(0, 60));
}

/** A word made literal for `like '%…%'`: its own % _ and \ escaped. */
export function likeLiteral(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
