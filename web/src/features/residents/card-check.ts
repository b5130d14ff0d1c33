import { isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { EligibilityQuery, VisitKind } from './api.ts';

/** The counter's card check form. */
export interface CardCheckValues {
  number: string;
  fullName: string;
  birth: string;
  visitKind: VisitKind;
  cost: string;
  facility: string;
}

/**
 * What the number box holds: a citizen id (12 digits in VN, 17 digits and a check character in CN)
 * or a card number (the 15-character card, the 10-digit number of newer cards, a member number).
 */
export function numberQuery(value: string): { card: string } | { citizenId: string } {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  return /^\d{12}$/.test(compact) || /^\d{17}[\dX]$/.test(compact)
    ? { citizenId: compact }
    : { card: compact };
}

/** Checks the form as the API does; keys of the messages to show by each field. */
export function cardCheckProblems(v: CardCheckValues): Partial<Record<keyof CardCheckValues, MessageKey>> {
  const problems: Partial<Record<keyof CardCheckValues, MessageKey>> = {};
  if (!v.number.trim()) problems.number = 'validation.required';
  const birth = v.birth.trim();
  if (birth && !/^\d{4}$/.test(birth) && !isIsoDate(birth)) problems.birth = 'residents.check.birthFormat';
  if (v.cost.trim() && !(Number(v.cost) >= 0)) problems.cost = 'residents.check.costFormat';
  if (!v.facility.trim()) problems.facility = 'validation.required';
  return problems;
}

/** The GET /api/eligibility query the form sends. */
export function cardCheckQuery(v: CardCheckValues, date: string): EligibilityQuery {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    ...numberQuery(v.number),
    facility: v.facility.trim(),
    date,
    visitKind: v.visitKind,
    cost: v.cost.trim() ? Number(v.cost) : undefined,
    fullName: optional(v.fullName),
    birthDate: optional(v.birth),
  };
}

/** The API's field names that cardCheckFieldOf places, for applyApiErrors. */
export const CARD_CHECK_API_FIELDS = [
  'card',
  'citizenId',
  'birthDate',
  'fullName',
  'cost',
  'facility',
] as const;

/** Where the API's field names land in the form. */
export function cardCheckFieldOf(apiField: string): keyof CardCheckValues | undefined {
  const name = apiField.replace(/^query\./, '');
  if (name === 'card' || name === 'citizenId') return 'number';
  if (name === 'birthDate') return 'birth';
  if (name === 'fullName' || name === 'cost' || name === 'facility') return name;
  return undefined;
}
