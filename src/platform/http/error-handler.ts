import type { FastifyError, FastifyInstance } from 'fastify';
import { translateDatabaseError } from '../db/database-errors.ts';
import { AppError, invalidFields, toProblem } from './errors.ts';
import { fieldErrorsFromValidation, type ValidationError } from './validation-messages.ts';

/** One error handler for the whole API: everything leaves as problem+json. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (error.validation) {
      appError = invalidFields(
        fieldErrorsFromValidation(error.validationContext, error.validation as ValidationError[]),
      );
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = fromFastifyClientError(error);
    } else {
      appError = translateDatabaseError(error) ?? new AppError('internal', 'An unexpected error occurred');
      if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    }
    reply.status(appError.status).type('application/problem+json').send(toProblem(appError));
  });

  app.setNotFoundHandler((request, reply) => {
    const err = new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    reply.status(404).type('application/problem+json').send(toProblem(err));
  });
}

function fromFastifyClientError(error: FastifyError): AppError {
  switch (error.statusCode) {
    case 413:
      return new AppError('payload_too_large', 'The request body is too large');
    case 415:
      return new AppError('unsupported_media_type', error.message);
    case 429:
      return new AppError('rate_limited', error.message);
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
