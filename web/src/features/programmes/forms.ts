import { addDays } from '../../../../src/platform/dates.ts';
import { isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import {
  COME_ON_DEFAULT_DAYS,
  COME_ON_MAX_DAYS,
  type DoseInput,
  type OutcomeBody,
  type OutreachOutcome,
  type WorklistRow,
} from './api.ts';

/**
 * The programmes' two forms as pure code: a dose (POST /api/residents/:id/immunizations) and an
 * outreach outcome (POST /api/worklists/outcomes). Their checks are the API's (immunizations.schema.ts,
 * programmes.schema.ts), so a mistake is named before the round trip; the server checks again.
 */

export type Problem = { key: MessageKey; params?: Record<string, number> };

/** The dose form's values as the inputs hold them ('' for an empty number). */
export interface DoseValues {
  vaccine: string;
  date: string;
  doseNumber: number | string;
  lot: string;
  givenElsewhere: boolean;
  place: string;
  note: string;
}

export const DOSE_FIELDS = ['vaccine', 'date', 'doseNumber', 'lot', 'place', 'note'] as const;

export const emptyDose = (today: string, vaccine = ''): DoseValues => ({
  vaccine,
  date: today,
  doseNumber: '',
  lot: '',
  givenElsewhere: false,
  place: '',
  note: '',
});

export function doseProblems(v: DoseValues, today: string): Partial<Record<keyof DoseValues, Problem>> {
  const problems: Partial<Record<keyof DoseValues, Problem>> = {};
  if (v.vaccine === '') problems.vaccine = { key: 'validation.required' };
  if (v.date === '') problems.date = { key: 'validation.required' };
  else if (!isIsoDate(v.date)) problems.date = { key: 'programmes.validation.date' };
  else if (v.date > today) problems.date = { key: 'programmes.validation.notFuture' };
  if (v.lot.length > 40) problems.lot = { key: 'validation.tooLong', params: { max: 40 } };
  if (v.place.length > 200) problems.place = { key: 'validation.tooLong', params: { max: 200 } };
  return problems;
}

/** The request body under the id the form made once: empty optional fields left out, text trimmed. */
export function doseBody(id: string, v: DoseValues): DoseInput {
  const lot = v.lot.trim();
  const place = v.place.trim();
  const note = v.note.trim();
  return {
    id,
    vaccine: v.vaccine,
    date: v.date,
    givenElsewhere: v.givenElsewhere,
    ...(v.doseNumber === '' ? {} : { doseNumber: Number(v.doseNumber) }),
    ...(lot ? { lot } : {}),
    ...(v.givenElsewhere && place ? { place } : {}),
    ...(note ? { note } : {}),
  };
}

/** The day a will-come outcome proposes: in a week, as the server assumes when none is given. */
export const defaultComeOn = (today: string) => addDays(today, COME_ON_DEFAULT_DAYS);
export const lastComeOn = (today: string) => addDays(today, COME_ON_MAX_DAYS);

export function comeOnProblem(comeOn: string, today: string): Problem | null {
  if (comeOn === '') return { key: 'validation.required' };
  if (!isIsoDate(comeOn)) return { key: 'programmes.validation.date' };
  if (comeOn < today) return { key: 'programmes.validation.notPast' };
  if (comeOn > lastComeOn(today)) return { key: 'programmes.validation.withinYear' };
  return null;
}

/**
 * Outcomes the form asks about before saving: will come (on which day), and those that close the item
 * (refused) or that the registry acts on (moved away, died). Not reachable and wrong number save at
 * once: the item stays on the list.
 */
export const outcomeNeedsConfirming = (outcome: OutreachOutcome) =>
  outcome !== 'not-reachable' && outcome !== 'wrong-number';

/** The outcome of a call about one worklist row, under the attempt's id made once by the form. */
export function outcomeBody(
  id: string,
  row: Pick<WorklistRow, 'residentId' | 'programmeId' | 'itemId' | 'episodeId' | 'dueFrom'>,
  outcome: OutreachOutcome,
  extra: { comeOn?: string; note?: string } = {},
): OutcomeBody {
  const note = extra.note?.trim();
  return {
    id,
    residentId: row.residentId,
    programmeId: row.programmeId,
    itemId: row.itemId,
    ...(row.episodeId ? { episodeId: row.episodeId } : {}),
    dueFrom: row.dueFrom,
    outcome,
    ...(outcome === 'will-come' && extra.comeOn ? { comeOn: extra.comeOn } : {}),
    ...(note ? { note } : {}),
  };
}
