import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { App, AppContext } from '../../platform/app-context.ts';
import { noContent } from '../../platform/http/replies.ts';
import { LoginBody, LoginReply, PasswordChangeBody, SessionReply } from './access.schema.ts';
import { changePassword, login, logout } from './auth.service.ts';
import { loadRoleCatalogue, roleGrants } from './roles.ts';
import { describeGrants } from './session-places.service.ts';
import { SESSION_COOKIE } from './tokens.ts';

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
      const result = await login(ctx.db, req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        path: '/',
        expires: result.expiresAt,
      });
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
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
      config: { permission: 'signed-in' },
      schema: {
        tags: ['access'],
        summary: 'Change my password (other sessions end)',
        body: PasswordChangeBody,
      },
    },
    async (req, reply) => {
      await changePassword(req.db, req.principal!, req.body.currentPassword, req.body.newPassword);
      return noContent(reply);
    },
  );
}
