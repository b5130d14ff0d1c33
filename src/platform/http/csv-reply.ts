import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Streams a CSV download straight to the socket, inside the request's transaction, so an export of a
 * whole province never sits in memory. Resolves with the number of rows written.
 */
export async function sendCsv(
  reply: FastifyReply,
  filename: string,
  write: (out: Writable) => Promise<number>,
) {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  return write(reply.raw);
}
