import { addDays } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { IsoDateString } from './facts.ts';
import { COME_ON_DEFAULT_DAYS, COME_ON_MAX_DAYS, type OutreachOutcome } from './programmes.enums.ts';

/**
 * An outreach outcome's checks, pure: the will-come day (in 7 days unless given; not before today,
 * within 366 days), given only with will-come; and what the registry records for moved-away and died.
 */
export function comeOnOf(
  outcome: OutreachOutcome,
  comeOn: IsoDateString | undefined,
  today: IsoDateString,
): { comeOn: IsoDateString | null; errors: FieldError[] } {
  if (outcome !== 'will-come') {
    return comeOn === undefined
      ? { comeOn: null, errors: [] }
      : {
          comeOn: null,
          errors: [{ field: 'body.comeOn', message: 'is given only with the outcome will-come' }],
        };
  }
  if (comeOn === undefined) return { comeOn: addDays(today, COME_ON_DEFAULT_DAYS), errors: [] };
  const last = addDays(today, COME_ON_MAX_DAYS);
  if (comeOn < today)
    return { comeOn: null, errors: [{ field: 'body.comeOn', message: `is before today (${today})` }] };
  if (comeOn > last)
    return {
      comeOn: null,
      errors: [
        { field: 'body.comeOn', message: `is more than ${COME_ON_MAX_DAYS} days ahead (after ${last})` },
      ],
    };
  return { comeOn, errors: [] };
}

/** The resident's new status an outcome records in the registry, if any. */
export function statusOf(outcome: OutreachOutcome): 'moved_away' | 'deceased' | null {
  return outcome === 'moved-away' ? 'moved_away' : outcome === 'died' ? 'deceased' : null;
}
