import { AppError } from '../http/errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/**
 * Maps a PostgreSQL constraint violation that slipped past a service's own checks to a 4xx the
 * caller can act on. Services should check first; this is the safety net, so a race never gives a 500.
 */
export function translateDatabaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  switch (e?.code) {
    case '23505':
      return new AppError(
        'conflict',
        `A record with the same ${describeConstraint(e.constraint)} already exists`,
      );
    case '23503':
      return new AppError(
        'bad_request',
        `A referenced record does not exist (${describeConstraint(e.constraint)})`,
      );
    case '23514':
    case '23502':
      return new AppError(
        'bad_request',
        `A value breaks a rule of the data (${describeConstraint(e.constraint ?? e.column)})`,
      );
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('bad_request', 'A value has the wrong format');
    case '42501':
      return new AppError('forbidden', 'This is outside your access');
    default:
      return undefined;
  }
}

function describeConstraint(name: string | undefined): string {
  return name ? name.replace(/_(key|fkey|check|unique|idx)$/, '').replaceAll('_', ' ') : 'value';
}
