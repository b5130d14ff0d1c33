import pino, { type Logger } from 'pino';

/**
 * Paths whose values are personal data. Whatever a module logs, these never reach the log:
 * names, identity numbers, phone numbers, dates of birth, addresses, passwords and tokens.
 */
export const REDACTED_PATHS = [
  'fullName',
  'full_name',
  'name',
  'citizenId',
  'citizen_id',
  'identityNumber',
  'phone',
  'birthDate',
  'birth_date',
  'address',
  'password',
  'token',
  '*.fullName',
  '*.full_name',
  '*.citizenId',
  '*.citizen_id',
  '*.phone',
  '*.birthDate',
  '*.address',
  '*.password',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Request URLs may carry search terms (a name, a card number): log the route, never the query string.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  });
}
