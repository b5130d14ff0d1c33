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
  /** A dispensing or transfer asks for more than the usable stock (the stock module; spelled as agreed in the contract). */
  insufficient_stock: 409,
  /** A care record for a resident who died, moved away or was merged into another (immunizations, pregnancies). */
  resident_not_active: 409,
  /** A new pregnancy while another is still open: record the open one's outcome first (pregnancies). */
  pregnancy_open: 409,
  /** A pregnancy for a resident whose record does not say female (pregnancies). */
  resident_not_female: 409,
  /** A child's growth chart asked of a resident six or older, or without a birth date (growth). */
  resident_not_child: 409,
  /** A settlement run, advance or change asked of a facility's quarter an officer signed off: frozen (settlements). */
  settlement_signed: 409,
  /** An advance for a facility's quarter that already has one (recorded, or given by the rule at sign-off) (settlements). */
  advance_recorded: 409,
  /** A claim's transition not allowed from its status (claims: check, submit, review, pay); the message names the status. */
  claim_status: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
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

/**
 * 503: the server cannot answer now but will soon (its database is restarting or unreachable). The
 * error handler sends `Retry-After` with the seconds to wait; nothing of the request was kept unless
 * its transaction had committed, so a client retries (creates are idempotent with their own ids).
 */
export class UnavailableError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', message);
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

/** The most field errors one answer lists: enough to fix a form, not a copy of a 10 MB bad upload. */
export const MAX_FIELD_ERRORS = 50;
/** The longest text one message (and a field path) carries; the detail may hold a few of them. */
const MAX_MESSAGE = 300;
const MAX_DETAIL = 2000;

/** Several field errors at once: the person fixes them all in one go. */
export function invalidFields(errors: FieldError[]): AppError {
  const listed = errors.slice(0, MAX_FIELD_ERRORS);
  const more = errors.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
  const detail = listed
    .map((e) => `${clip(e.field, MAX_MESSAGE)}: ${clip(e.message, MAX_MESSAGE)}`)
    .join('; ');
  return new AppError(
    'validation_failed',
    `The request has ${errors.length} invalid field(s)${more}: ${detail}`,
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
  insufficient_stock: 'Not enough stock',
  resident_not_active: 'Resident not active',
  pregnancy_open: 'A pregnancy is open',
  resident_not_female: 'Resident not female',
  resident_not_child: 'Resident not a child',
  settlement_signed: 'Settlement signed off',
  advance_recorded: 'Advance already recorded',
  claim_status: 'Claim status does not allow this',
  payload_too_large: 'Request too large',
  uri_too_long: 'URL too long',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Cannot be stored',
  rate_limited: 'Too many requests',
  headers_too_large: 'Headers too large',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/**
 * The problem+json body for an error. Never carries a stack trace or SQL, and never echoes a huge value
 * back: a message that quotes what was sent (an unknown field's name, a code, a URL) is cut.
 */
export function toProblem(err: AppError): Problem {
  const errors = err.errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({
    ...e,
    field: clip(e.field, MAX_MESSAGE),
    message: clip(e.message, MAX_MESSAGE),
  }));
  return {
    type: `https://grassroots.health/errors/${err.code}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: clip(err.message, MAX_DETAIL),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Cuts a text to `max` characters, saying that it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
