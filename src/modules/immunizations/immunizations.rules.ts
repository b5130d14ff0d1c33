import type { FieldError } from '../../platform/http/errors.ts';
import type { DoseInput } from './immunizations.schema.ts';

/** What a dose is checked against: today (the profile's), the resident's birth date, the vaccine list. */
export interface DoseContext {
  today: string;
  birthDate: string | null;
  vaccineCodes: ReadonlySet<string>;
}

/** A few codes to name in a message (the list is long: never all of it). */
const SOME = 8;

/**
 * The field errors of a dose, named under `prefix` (body, body.replaceWith): an unknown vaccine, a
 * date after today or before the birth date, a place for a dose given here, a facility for one given
 * elsewhere. Empty when the dose may be recorded. Ranges and lengths are the schema's.
 */
export function checkDose(dose: DoseInput, on: DoseContext, prefix = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  if (!on.vaccineCodes.has(dose.vaccine)) {
    const some = [...on.vaccineCodes].slice(0, SOME).join(', ');
    errors.push({
      field: `${prefix}.vaccine`,
      message: `${dose.vaccine} is not a known vaccine code (codes such as ${some})`,
    });
  }
  if (dose.date > on.today)
    errors.push({ field: `${prefix}.date`, message: `must not be after today (${on.today})` });
  else if (on.birthDate && dose.date < on.birthDate)
    errors.push({ field: `${prefix}.date`, message: `must not be before the birth date (${on.birthDate})` });
  if (!dose.givenElsewhere && dose.place !== undefined)
    errors.push({
      field: `${prefix}.place`,
      message: 'a place is written only for a dose given elsewhere (givenElsewhere: true)',
    });
  if (dose.givenElsewhere && dose.facilityId !== undefined)
    errors.push({
      field: `${prefix}.facilityId`,
      message: 'a dose given elsewhere names its place, not a facility of yours',
    });
  return errors;
}

/** An amendment either retracts the dose or replaces it: exactly one of the two. */
export function checkAmendment(body: { retract?: true; replaceWith?: unknown }): FieldError[] {
  if (body.retract && body.replaceWith !== undefined)
    return [{ field: 'body.replaceWith', message: 'give retract: true or replaceWith, not both' }];
  if (!body.retract && body.replaceWith === undefined)
    return [{ field: 'body.retract', message: 'give retract: true, or replaceWith: the corrected dose' }];
  return [];
}
