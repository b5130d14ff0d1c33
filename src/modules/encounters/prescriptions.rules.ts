import type { FieldError } from '../../platform/http/errors.ts';
import type { DoseFrequency } from './encounters.enums.ts';
import type { PrescriptionInput } from './encounters.schema.ts';

/**
 * Prescription lines (VN Circular 52/2017/TT-BYT art. 6: an outpatient prescription covers at most
 * 30 days; a long-term prescription for a stable patient with a chronic disease on the Ministry's
 * list, up to 90 days, Circular 26/2025/TT-BYT): the quantity counted from dose, frequency and
 * duration when not given, and the long-term mark.
 */

/** Days an ordinary prescription may cover. */
export const MAX_SHORT_TERM_DAYS = 30;
/** Days a long-term prescription (stable chronic patient) may cover. */
export const MAX_LONG_TERM_DAYS = 90;

/**
 * How many times a dose is taken over `days`: every day once (or at night), two, three or four
 * times, every other day (day 1, 3, 5 ...), weekly (day 1, 8, 15 ...), a single dose once; null for
 * as-needed, which cannot be counted.
 */
export function administrationsOf(frequency: DoseFrequency, days: number): number | null {
  switch (frequency) {
    case 'once-daily':
    case 'at-night':
      return days;
    case 'twice-daily':
      return 2 * days;
    case 'three-times-daily':
      return 3 * days;
    case 'four-times-daily':
      return 4 * days;
    case 'every-other-day':
      return Math.ceil(days / 2);
    case 'weekly':
      return Math.ceil(days / 7);
    case 'single-dose':
      return 1;
    case 'as-needed':
      return null;
  }
}

/**
 * Units to dispense: dose × administrations, rounded up to a whole unit (half a tablet twice a day
 * for 3 days is 3 tablets; for 5 days, 5). Null when the frequency cannot be counted.
 *
 * @example
 * quantityOf(0.5, 'three-times-daily', 5) // => 8 (7.5 rounded up)
 */
export function quantityOf(dose: number, frequency: DoseFrequency, days: number): number | null {
  const times = administrationsOf(frequency, days);
  if (times === null) return null;
  // Thousandths first, so 0.1 × 30 (3.0000000000000004) is 3, not 4.
  return Math.max(1, Math.ceil(Math.round(dose * times * 1000) / 1000));
}

export interface ReadPrescription {
  quantity: number;
  quantityComputed: boolean;
  longTerm: boolean;
}

/**
 * A prescription line checked: its quantity (given, or counted), whether it is long-term (over 30
 * days, or marked so), and the errors: a count that cannot be made (as-needed without quantity), a
 * line over 30 days marked not long-term, a long-term line for a resident with no chronic problem.
 */
export function readPrescription(
  input: PrescriptionInput,
  field: string,
  facts: { chronicPatient: boolean },
): ReadPrescription | FieldError[] {
  const errors: FieldError[] = [];
  const counted = quantityOf(input.dose, input.frequency, input.durationDays);
  const quantity = input.quantity ?? counted;
  if (quantity === null) {
    errors.push({ field: `${field}.quantity`, message: 'give the quantity of an as-needed prescription' });
  }
  const longTerm = input.longTerm ?? input.durationDays > MAX_SHORT_TERM_DAYS;
  if (input.durationDays > MAX_SHORT_TERM_DAYS && !longTerm) {
    errors.push({
      field: `${field}.longTerm`,
      message: `a prescription over ${MAX_SHORT_TERM_DAYS} days is long-term: mark it so or shorten it`,
    });
  }
  if (longTerm && !facts.chronicPatient) {
    errors.push({
      field: `${field}.longTerm`,
      message: `a long-term prescription (up to ${MAX_LONG_TERM_DAYS} days) is for a chronic patient: diagnose the chronic disease first`,
    });
  }
  if (errors.length > 0 || quantity === null) return errors;
  return { quantity, quantityComputed: input.quantity === undefined, longTerm };
}
