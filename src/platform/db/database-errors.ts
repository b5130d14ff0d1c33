import { AppError, UnavailableError } from '../http/errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/** What a 503 from a lost database asks the client to wait: about what a PostgreSQL restart takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL's codes for a server going away or not yet back: class 08 is the connection classes. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping (a restart) and ended this session
  '57P02', // crash_shutdown: another backend crashed, every session is ended
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '53300', // too_many_connections
]);
/** Node's socket errors when the server is down or the connection is cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/**
 * node-postgres and its pool say some of these only in words: a socket closed during a query, a client
 * left broken by one, no connection within the pool's `connectionTimeoutMillis`.
 */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

/** True when the error means the database is gone for now (restart, crash, network), not a bad request. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return true;
  // Node's AggregateError when every address of the host refused (localhost: ::1 and 127.0.0.1).
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isConnectionError)) return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message);
}

/**
 * Maps a PostgreSQL error that is the client's fault (a constraint violation, a data exception of
 * class 22, a value over a program limit) that slipped past a service's own checks to a 4xx the
 * caller can act on, and a lost connection (the server restarting, down or cut off) to a 503 with a
 * Retry-After; a real fault (syntax, deadlock) stays a 500. Services should check first; this is the
 * safety net, so a race never gives a 500.
 */
export function translateDatabaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  if (isConnectionError(err))
    return new UnavailableError(
      'The database is not reachable right now (restarting or down): try again in a few seconds',
      DATABASE_RETRY_AFTER_SECONDS,
    );
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
