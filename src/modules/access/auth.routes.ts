import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { noContent } from '../../platform/http/replies.ts';
import { LoginBody, LoginReply, PasswordChangeBody, SessionReply } from './access.schema.ts';
import {
  type ClientInfo,
  changePassword,
  countPasswordChangeFailure,
  login,
  logout,
  ThrottledError,
  WrongCurrentPassword,
} from './auth.service.ts';
import { loadRoleCatalogue, roleGrants } from './roles.ts';
import { describeGrants } from './session-places.service.ts';
import { SESSION_COOKIE } from './tokens.ts';

const clientOf = (req: FastifyRequest): ClientInfo => ({
  ip: req.ip,
  userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
});

/**
 * The session cookie's attributes, the same when it is set and when it is cleared (a browser keeps a
 * cookie cleared with other ones). Secure when the request came over HTTPS: directly, or through a
 * trusted proxy (TRUST_PROXY) that says so in X-Forwarded-Proto; not over a station's plain http://.
 */
export function sessionCookie(req: FastifyRequest) {
  return { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/' } as const;
}

/** Runs a service call; a throttled answer gets its Retry-After header. */
async function withRetryAfter<T>(reply: FastifyReply, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ThrottledError) reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}

/** Password changes refused in this request, to count once its transaction has ended. */
const refusedChanges = new WeakMap<FastifyRequest, 'wrong current password' | 'throttled'>();

/** Sign in, sign out, who am I, change my password. */
export function authRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['access'],
        summary: 'Sign in with a password',
        body: LoginBody,
        response: { 200: LoginReply },
      },
    },
    async (req, reply) => {
      const result = await withRetryAfter(reply, () =>
        login(ctx.db, req.body.username, req.body.password, clientOf(req)),
      );
      reply.setCookie(SESSION_COOKIE, result.token, { ...sessionCookie(req), expires: result.expiresAt });
      return { ...result, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['access'], summary: 'End this session or token at once' },
    },
    async (req, reply) => {
      await logout(req.db, req.principal!);
      reply.clearCookie(SESSION_COOKIE, sessionCookie(req));
      return noContent(reply);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['access'], summary: 'Who is signed in', response: { 200: SessionReply } },
    },
    async (req) => {
      const p = req.principal!;
      const permissions = Object.keys(loadRoleCatalogue().permissions).filter((perm) =>
        p.grants.some((g) => roleGrants(g.role, perm)),
      );
      return {
        user: { id: p.userId, username: p.username, displayName: p.displayName, workerId: p.workerId },
        roles: await describeGrants(req.db, p.userId),
        permissions,
        csrfToken: p.csrfToken,
        via: p.kind === 'api_key' ? 'api_key' : p.via,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      // Each try costs an argon2 hash, and a stolen session must not guess the password at speed.
      config: { permission: 'signed-in', rateLimit: { max: 10, timeWindow: '1 minute' } },
      // The request's transaction has ended (rolled back with the refusal) by the time the answer is
      // sent: the count is written then, and before the client has the answer.
      onSend: async (req, _reply, payload) => {
        const refusal = refusedChanges.get(req);
        if (refusal && req.principal)
          await countPasswordChangeFailure(ctx.db, req.principal, refusal, clientOf(req));
        return payload;
      },
      schema: {
        tags: ['access'],
        summary: 'Change my password (other sessions end)',
        body: PasswordChangeBody,
      },
    },
    async (req, reply) => {
      try {
        await withRetryAfter(reply, () =>
          changePassword(
            req.db,
            req.principal!,
            req.body.currentPassword,
            req.body.newPassword,
            clientOf(req),
          ),
        );
      } catch (err) {
        if (err instanceof WrongCurrentPassword) refusedChanges.set(req, 'wrong current password');
        if (err instanceof ThrottledError) refusedChanges.set(req, 'throttled');
        throw err;
      }
      return noContent(reply);
    },
  );
}
