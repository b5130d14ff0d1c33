import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-errors.ts';
import { problemOf } from './error-handler.ts';

/**
 * Streams a CSV download straight to the socket, inside the request's transaction, so an export of a
 * whole province never sits in memory. Resolves with the number of rows written, or null when the
 * export failed.
 *
 * The headers leave with the first byte, so an export that fails before it (a bad filter, a query the
 * database refuses) is still answered with its problem+json; one that fails after it is cut (the
 * connection is closed and the failure logged): the client sees an incomplete download, never waits.
 */
export async function sendCsv(
  reply: FastifyReply,
  filename: string,
  write: (out: Writable) => Promise<number>,
): Promise<number | null> {
  reply.hijack();
  const res = reply.raw;
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  try {
    return await write(res);
  } catch (err) {
    if (!res.headersSent && !res.destroyed) {
      const problem = problemOf(err, reply.log);
      const body = JSON.stringify(problem);
      res.statusCode = problem.status;
      res.removeHeader('content-disposition');
      res.setHeader('content-type', 'application/problem+json');
      res.setHeader('content-length', Buffer.byteLength(body));
      if (problem.status === 503) res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      res.end(body);
    } else {
      reply.log.error({ err }, 'a CSV export failed after it started: the download is cut');
      res.destroy();
    }
    return null;
  }
}
