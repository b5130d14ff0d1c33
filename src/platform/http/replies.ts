import type { FastifyReply } from 'fastify';

/**
 * Handlers return their value rather than calling reply.send(): the request's transaction commits
 * before Fastify sends what the handler returned, so a client never sees an answer for a write that
 * is not yet committed.
 */
export function created<T>(reply: FastifyReply, value: T): T {
  reply.code(201);
  return value;
}

/** A 204 with no body. */
export function noContent(reply: FastifyReply): null {
  reply.code(204);
  return null;
}
