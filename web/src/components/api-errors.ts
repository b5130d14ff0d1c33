import { ApiError, type FieldProblem } from '../api/client.ts';
import type { MessageKey } from '../i18n/catalog.ts';

/** What these need of the app's i18n (I18n['t']): kept structural, so plain tests need no JSX. */
type Translate = { t: (key: MessageKey, params?: Record<string, string | number>) => string };

/**
 * Puts each field problem the API names next to its field (`body.fullName` → the `fullName` input),
 * and returns what is left for the form's banner: problems about no field we show, or the error itself.
 */
export function applyApiErrors(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  fields: readonly string[],
  i18n: Translate,
): string | null {
  if (!(error instanceof ApiError)) return i18n.t('error.generic', { message: String(error) });
  if (error.code === 'network') return i18n.t('error.network');
  let unplaced = error.errors.length === 0;
  for (const problem of error.errors) {
    const field = fields.find(
      (name) => problem.field === `body.${name}` || problem.field === `query.${name}`,
    );
    if (field) setFieldError(field, fieldProblemText(problem, i18n));
    else unplaced = true;
  }
  if (!unplaced) return i18n.t('error.fixFields');
  return i18n.t('error.generic', { message: error.message });
}

/** One line for an error on a screen that has no form. */
export function errorText(error: unknown, i18n: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return i18n.t('error.network');
    if (error.status === 403) return i18n.t('common.forbidden');
    return i18n.t('error.generic', { message: error.message });
  }
  return i18n.t('error.generic', { message: String(error) });
}

/** The field problems the app words itself; any other keeps the API's (English) message. */
const FIELD_PROBLEMS: Record<string, MessageKey> = { taken: 'error.field.taken' };

/** One field problem in the reader's language where the API gave its kind. */
export function fieldProblemText(problem: FieldProblem, i18n: Translate): string {
  const key = problem.code ? FIELD_PROBLEMS[problem.code] : undefined;
  return key ? i18n.t(key) : problem.message;
}
