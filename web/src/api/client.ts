/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF token
 * on writes, and problem+json errors turned into ApiError so forms can put each message by its field.
 */
import type { FieldError } from '../../../src/platform/http/errors.ts';

/**
 * One field the API refused (`body.fullName`, `query.q` ... as in docs/ERRORS.md): the server's own
 * type, except that `code` may be one this app does not know yet (a newer server), shown by its message.
 */
export type FieldProblem = Omit<FieldError, 'code'> & { code?: FieldError['code'] | (string & {}) };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The API's message for one form field (`fullName` matches `body.fullName`), if it named that field. */
  fieldMessage(name: string): string | undefined {
    return this.errors.find(
      (e) => e.field === `body.${name}` || e.field === name || e.field.endsWith(`.${name}`),
    )?.message;
  }
}

let csrfToken: string | null = null;

/** Set by the session hook after sign-in or when the session is read; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For writes that cannot go through `request` (an upload with progress over XMLHttpRequest). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Called when the API answers 401: the session ended (expired, revoked, signed out elsewhere). */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where the caller can cancel a request: TanStack Query's `signal` aborts a search the reader typed past. */
export interface RequestOptions {
  signal?: AbortSignal;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options?.signal,
    });
  } catch (err) {
    // A cancelled request is not a network failure: the query that asked for it knows it cancelled.
    if (options?.signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'network');
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload = isJson ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/login')) onUnauthorized();
    const problem = (isJson ? payload : {}) as { code?: string; detail?: string; errors?: FieldProblem[] };
    throw new ApiError(
      response.status,
      problem.code ?? String(response.status),
      problem.detail ?? response.statusText,
      problem.errors ?? [],
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', withQuery(path, query), undefined, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A page of a list, as every list route answers: the server's own type. */
export type { PageOf as Page } from '../../../src/platform/schema.ts';
