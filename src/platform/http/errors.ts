/**
 * Errors are values: a code with one HTTP status, a message a person can act on, and for input errors
 * the fields to fix. Services throw an `AppError`; one error handler serialises it as problem+json
 * (RFC 9457). The codes are listed in docs/ERRORS.md.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * One field that must be fixed: its path in the request (e.g. `body.code`) and what is wrong. `code`,
 * when present, says the kind of problem for a client to word in its reader's language: `taken` (the
 * value is already another record's: a code, a citizen id, a username).
 */
export interface FieldError {
  field: string;
  message: string;
  code?: 'taken';
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(resource: string, id: string): AppError {
  return new AppError('not_found', `${resource} ${id} does not exist`);
}

export function conflict(message: string, field?: string): AppError {
  return new AppError('conflict', message, field ? [{ field, message }] : []);
}

/** 409: the value of a field is already another record's (a code, a citizen id, a username). */
export function taken(message: string, field: string): AppError {
  return new AppError('conflict', message, [{ field, message, code: 'taken' }]);
}

export function badRequest(message: string, field?: string): AppError {
  return new AppError('bad_request', message, field ? [{ field, message }] : []);
}

/** Several field errors at once: the person fixes them all in one go. */
export function invalidFields(errors: FieldError[]): AppError {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new AppError(
    'validation_failed',
    `The request has ${errors.length} invalid field(s): ${detail}`,
    errors,
  );
}

/** The problem+json body for an error. Never carries a stack trace or SQL. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Invalid input',
  unauthorized: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

export function toProblem(err: AppError): Problem {
  return {
    type: `https://grassroots.health/errors/${err.code}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(err.errors.length > 0 ? { errors: err.errors } : {}),
  };
}
