import { isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { TrainingBody } from './api.ts';

/** The add-training form's values as the inputs hold them ('' for an empty number). */
export interface TrainingValues {
  course: string;
  provider: string;
  kind: string;
  hours: number | string;
  credits: number | string;
  completedOn: string;
  certificateNumber: string;
}

export const TRAINING_FIELDS = [
  'course',
  'provider',
  'kind',
  'hours',
  'credits',
  'completedOn',
  'certificateNumber',
] as const;

export type TrainingProblem = { key: MessageKey; params?: Record<string, number> };

const number = (v: number | string): number | null =>
  v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v);

/**
 * The checks of the API (workforce.schema.ts TrainingBody and workforce.rules.ts checkTraining), so a
 * mistake is named before the round trip: the course is required (at most 300 characters, not blank),
 * hours or credits are required and not negative, the completion date is real and not after today.
 */
export function trainingProblems(
  v: TrainingValues,
  today: string,
): Partial<Record<keyof TrainingValues, TrainingProblem>> {
  const problems: Partial<Record<keyof TrainingValues, TrainingProblem>> = {};
  if (v.course.trim() === '') problems.course = { key: 'validation.required' };
  else if (v.course.length > 300) problems.course = { key: 'validation.tooLong', params: { max: 300 } };
  if (v.provider.length > 300) problems.provider = { key: 'validation.tooLong', params: { max: 300 } };
  if (v.kind.trim() === '') problems.kind = { key: 'validation.required' };
  else if (v.kind.length > 50) problems.kind = { key: 'validation.tooLong', params: { max: 50 } };
  const hours = number(v.hours);
  const credits = number(v.credits);
  if (hours === null && credits === null) problems.hours = { key: 'workforce.training.hoursOrCredits' };
  if (hours !== null && hours < 0) problems.hours = { key: 'workforce.validation.notNegative' };
  if (credits !== null && credits < 0) problems.credits = { key: 'workforce.validation.notNegative' };
  if (v.completedOn === '') problems.completedOn = { key: 'validation.required' };
  else if (!isIsoDate(v.completedOn)) problems.completedOn = { key: 'workforce.validation.date' };
  else if (v.completedOn > today) problems.completedOn = { key: 'workforce.validation.notFuture' };
  if (v.certificateNumber.length > 100)
    problems.certificateNumber = { key: 'validation.tooLong', params: { max: 100 } };
  return problems;
}

/** The request body: empty optional fields left out, text trimmed. */
export function trainingBody(v: TrainingValues): TrainingBody {
  const hours = number(v.hours);
  const credits = number(v.credits);
  const provider = v.provider.trim();
  const certificateNumber = v.certificateNumber.trim();
  return {
    course: v.course.trim(),
    kind: v.kind,
    completedOn: v.completedOn,
    ...(provider ? { provider } : {}),
    ...(hours !== null ? { hours } : {}),
    ...(credits !== null ? { credits } : {}),
    ...(certificateNumber ? { certificateNumber } : {}),
  };
}
