import type { RotationSession } from '../../../../src/modules/rotations/rotations.enums.ts';
import { isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { CreateRotationBody } from './api.ts';
import { addYears } from './week.ts';

export interface RotationValues {
  workerId: string;
  hostFacilityId: string;
  startDate: string;
  endDate: string;
  /** ISO weekdays as the checkboxes hold them: '1' = Monday ... '7' = Sunday. */
  weekdays: string[];
  session: RotationSession;
  note: string;
}

export const ROTATION_FIELDS = [
  'workerId',
  'hostFacilityId',
  'startDate',
  'endDate',
  'weekdays',
  'session',
  'note',
] as const;

export type RotationProblem = { key: MessageKey; params?: Record<string, number> };

/**
 * The checks of the API (rotations.schema.ts CreateRotationBody and rotations.rules.ts checkRotation)
 * that the form can make alone: a doctor and a host, real dates, the last day not before the first and
 * within a year of it, at least one weekday, a note of at most 1,000 characters. Clashes with the
 * doctor's other rotations only the API can see (409).
 */
export function rotationProblems(v: RotationValues): Partial<Record<keyof RotationValues, RotationProblem>> {
  const problems: Partial<Record<keyof RotationValues, RotationProblem>> = {};
  if (!v.workerId) problems.workerId = { key: 'validation.required' };
  if (!v.hostFacilityId) problems.hostFacilityId = { key: 'validation.required' };
  if (v.startDate === '') problems.startDate = { key: 'validation.required' };
  else if (!isIsoDate(v.startDate)) problems.startDate = { key: 'workforce.validation.date' };
  if (v.endDate === '') problems.endDate = { key: 'validation.required' };
  else if (!isIsoDate(v.endDate)) problems.endDate = { key: 'workforce.validation.date' };
  else if (!problems.startDate && v.endDate < v.startDate)
    problems.endDate = { key: 'workforce.validation.endBeforeStart' };
  else if (!problems.startDate && v.endDate >= addYears(v.startDate, 1))
    problems.endDate = { key: 'workforce.validation.atMostYear' };
  if (v.weekdays.length === 0) problems.weekdays = { key: 'workforce.validation.weekday' };
  if (v.note.length > 1000) problems.note = { key: 'validation.tooLong', params: { max: 1000 } };
  return problems;
}

export function rotationBody(v: RotationValues): CreateRotationBody {
  const note = v.note.trim();
  return {
    workerId: v.workerId,
    hostFacilityId: v.hostFacilityId,
    startDate: v.startDate,
    endDate: v.endDate,
    weekdays: v.weekdays.map(Number).sort((a, b) => a - b),
    session: v.session,
    ...(note ? { note } : {}),
  };
}

export interface Clash {
  worker: string;
  host: string;
  date: string;
  session: RotationSession;
}

/**
 * The parts of the API's 409 answer to a clashing rotation ("Nguyễn Văn An (BS001) is already rotating
 * to Trạm Y tế Ba Cụm Bắc (56811) on 2026-12-01 for the whole day (rotation …)"), so the form can say it
 * in the reader's language; null when the message has another shape (then it is shown as it came).
 */
export function parseClash(message: string): Clash | null {
  const m = message.match(
    /^(.+?) is already rotating to (.+?) on (\d{4}-\d{2}-\d{2}) for (the whole day|the morning|the afternoon)\b/,
  );
  if (!m) return null;
  const session: RotationSession =
    m[4] === 'the morning' ? 'morning' : m[4] === 'the afternoon' ? 'afternoon' : 'day';
  return { worker: m[1] ?? '', host: m[2] ?? '', date: m[3] ?? '', session };
}
