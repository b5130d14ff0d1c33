import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateDatabaseError } from '../db/database-errors.ts';
import { AppError, invalidFields, type Problem, toProblem, UnavailableError } from './errors.ts';
import { fieldErrorsFromValidation, type ValidationError } from './validation-messages.ts';

/** The longest URL served: a longer one is refused with 414 before routing (a query is not a payload). */
export const MAX_URL_LENGTH = 16 * 1024;

/** One error handler for the whole API: everything leaves as problem+json. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    sendProblem(reply, appErrorOf(error, request.log));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    sendProblem(reply, new AppError('not_found', `No route ${request.method} ${path}`));
  });

  // Refused before routing: a URL this long is a mistake or an attack, never a list's query.
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH)
      throw new AppError(
        'uri_too_long',
        `The URL is over ${MAX_URL_LENGTH} characters: send less in the query`,
      );
  });
}

/** What an error thrown anywhere in a request becomes: a 500 (logged) only when it is a real fault. */
function appErrorOf(thrown: unknown, log: FastifyBaseLogger): AppError {
  const error = thrown as FastifyError;
  if (error instanceof AppError) return error;
  if (error?.validation)
    return invalidFields(
      fieldErrorsFromValidation(error.validationContext, error.validation as ValidationError[]),
    );
  if (error?.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return fromFastifyClientError(error);
  const translated = translateDatabaseError(error);
  if (translated instanceof UnavailableError)
    log.warn({ code: (error as { code?: string }).code ?? error?.message }, 'database unavailable: 503');
  if (translated) return translated;
  log.error({ err: error }, 'unhandled error');
  return new AppError('internal', 'An unexpected error occurred');
}

/** The problem+json body for anything thrown, for a reply written by hand (a streamed download). */
export function problemOf(thrown: unknown, log: FastifyBaseLogger): Problem {
  return toProblem(appErrorOf(thrown, log));
}

function sendProblem(reply: FastifyReply, err: AppError) {
  if (err instanceof UnavailableError) reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.status(err.status).type('application/problem+json').send(toProblem(err));
}

/**
 * Fastify's own refusals before a route is found (a URL that is not valid percent-encoding, a path
 * parameter over its length), in the house style. Pass as the `frameworkErrors` server option.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, fromFastifyClientError(error));
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over `maxHeaderSize`, a
 * malformed request line), answered as problem+json and the connection closed. Pass as the
 * `clientErrorHandler` server option.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const err =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('headers_too_large', 'The request headers (or the URL) are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('bad_request', 'The request took too long to arrive')
        : new AppError('bad_request', 'The request is not valid HTTP');
  const body = JSON.stringify(toProblem(err));
  socket.end(
    `HTTP/1.1 ${err.status} ${toProblem(err).title}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function fromFastifyClientError(error: FastifyError): AppError {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return new AppError('bad_request', 'The URL is not valid: check its percent-encoding (%XX)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uri_too_long', 'A path segment is too long');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', error.message);
  }
  switch (error.statusCode) {
    case 413:
      return new AppError('payload_too_large', 'The request body is too large');
    case 414:
      return new AppError('uri_too_long', 'The URL is too long');
    case 415:
      return new AppError('unsupported_media_type', error.message);
    case 429:
      return new AppError('rate_limited', error.message);
    case 431:
      return new AppError('headers_too_large', 'The request headers are too large');
    case 401:
      return new AppError('unauthorized', error.message);
    case 403:
      return new AppError('forbidden', error.message);
    case 404:
      return new AppError('not_found', error.message);
    default:
      return new AppError('bad_request', error.message);
  }
}
