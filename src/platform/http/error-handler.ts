import type { FastifyError, FastifyInstance } from 'fastify';
import { translateDatabaseError } from '../db/database-errors.ts';
import { AppError, type FieldError, invalidFields, toProblem } from './errors.ts';

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Turns TypeBox/Ajv validation errors into field errors named like `body.code` or `query.limit`. */
export function fieldErrorsFromValidation(context: string | undefined, errors: AjvError[]): FieldError[] {
  // Fastify calls the query string "querystring"; services and docs say "query" (query.area).
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  return errors.map((e) => {
    let field = `${part}${e.instancePath.replaceAll('/', '.')}`;
    if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') {
      field = `${field}.${e.params.missingProperty}`;
      return { field, message: 'is required' };
    }
    if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
      return { field: `${field}.${e.params.additionalProperty}`, message: 'is not a known field' };
    }
    return { field, message: e.message ?? 'is invalid' };
  });
}

/** One error handler for the whole API: everything leaves as problem+json. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (error.validation) {
      appError = invalidFields(
        fieldErrorsFromValidation(error.validationContext, error.validation as AjvError[]),
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
