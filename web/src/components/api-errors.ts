import { ApiError } from '../api/client.ts';
import type { I18n } from '../i18n/i18n.tsx';

/**
 * Puts each field problem the API names next to its field (`body.fullName` → the `fullName` input),
 * and returns what is left for the form's banner: problems about no field we show, or the error itself.
 */
export function applyApiErrors(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  fields: readonly string[],
  i18n: Pick<I18n, 't'>,
): string | null {
  if (!(error instanceof ApiError)) return i18n.t('error.generic', { message: String(error) });
  if (error.code === 'network') return i18n.t('error.network');
  let unplaced = error.errors.length === 0;
  for (const problem of error.errors) {
    const field = fields.find(
      (name) => problem.field === `body.${name}` || problem.field === `query.${name}`,
    );
    if (field) setFieldError(field, problem.message);
    else unplaced = true;
  }
  if (!unplaced) return i18n.t('error.fixFields');
  return i18n.t('error.generic', { message: error.message });
}

/** One line for an error on a screen that has no form. */
export function errorText(error: unknown, i18n: Pick<I18n, 't'>): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return i18n.t('error.network');
    if (error.status === 403) return i18n.t('common.forbidden');
    return i18n.t('error.generic', { message: error.message });
  }
  return i18n.t('error.generic', { message: String(error) });
}
