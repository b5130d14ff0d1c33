import { AppError } from '../http/errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/**
 * Maps a PostgreSQL error that is the client's fault (a constraint violation, a data exception of
 * class 22, a value over a program limit) that slipped past a service's own checks to a 4xx the
 * caller can act on; a real fault (connection, syntax, deadlock) stays a 500. Services should check first; this is the safety net, so a race never gives a 500.
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
    case '22001':
      return new AppError('bad_request', 'A value is longer than the field holds');
    case '22003':
      return new AppError('bad_request', 'A number is out of the range the field holds');
    case '22021':
    case '22P05':
      return new AppError('bad_request', 'A text holds characters that cannot be stored (such as NUL)');
    case '54000':
    case '54001':
      // program_limit_exceeded: an index row or a statement too large for what was sent.
      return new AppError(
        'unprocessable',
        'A value is too large to be stored or searched: send a shorter one',
      );
    case '42501':
      return new AppError('forbidden', 'This is outside your access');
    default:
      // Any other data exception (class 22) is about the value the client sent.
      return e?.code?.startsWith('22')
        ? new AppError('bad_request', 'A value cannot be used as given')
        : undefined;
  }
}

function describeConstraint(name: string | undefined): string {
  return name ? name.replace(/_(key|fkey|check|unique|idx)$/, '').replaceAll('_', ' ') : 'value';
}
