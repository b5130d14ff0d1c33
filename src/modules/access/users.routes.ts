import Type from 'typebox';
import type { App } from '../../platform/app-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { Page } from '../../platform/schema.ts';
import { findApiKeys, findSessionById, revokeSession } from './access.queries.ts';
import {
  ApiKeyBody,
  ApiKeyReply,
  GrantParams,
  IdParams,
  NewUserBody,
  PasswordResetBody,
  RoleRequestBody,
  User,
} from './access.schema.ts';
import { issueApiKey, resetPassword } from './auth.service.ts';
import { forgetSession } from './session-cache.ts';
import { createUser, deactivateUser, getUser, grantRole, revokeRole, searchUsers } from './users.service.ts';

const tags = ['access'];

/** Users, their roles, password resets and API keys: administrators only. */
export function userRoutes(app: App): void {
  app.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 60 })),
        }),
        response: {
          200: Page(User),
        },
      },
    },
    (req) => searchUsers(req.db, { q: req.query.q, limit: req.query.limit ?? 50, after: req.query.cursor }),
  );

  app.get(
    '/users/:id',
    { config: { permission: 'users.read' }, schema: { tags, params: IdParams, response: { 200: User } } },
    (req) => getUser(req.db, req.params.id),
  );

  app.post(
    '/users',
    { config: { permission: 'users.write' }, schema: { tags, body: NewUserBody, response: { 201: User } } },
    async (req, reply) => created(reply, await createUser(req.db, req.body)),
  );

  app.post(
    '/users/:id/roles',
    {
      config: { permission: 'users.write' },
      schema: { tags, params: IdParams, body: RoleRequestBody, response: { 200: User } },
    },
    (req) => grantRole(req.db, req.params.id, req.body),
  );

  app.post(
    '/users/:id/roles/:grantId/revoke',
    { config: { permission: 'users.write' }, schema: { tags, params: GrantParams, response: { 200: User } } },
    (req) => revokeRole(req.db, req.params.id, req.params.grantId),
  );

  app.post(
    '/users/:id/deactivate',
    { config: { permission: 'users.write' }, schema: { tags, params: IdParams, response: { 200: User } } },
    (req) => deactivateUser(req.db, req.params.id, req.principal!.userId),
  );

  app.post(
    '/users/:id/password',
    {
      config: { permission: 'users.write' },
      schema: {
        tags,
        summary: 'Set a new password: unlocks the account and ends its sessions',
        params: IdParams,
        body: PasswordResetBody,
      },
    },
    async (req, reply) => {
      await resetPassword(req.db, req.params.id, req.body.newPassword);
      return noContent(reply);
    },
  );

  app.get(
    '/users/:id/api-keys',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.Union([Type.String(), Type.Null()]),
              createdAt: Type.String(),
              lastUsedAt: Type.Union([Type.String(), Type.Null()]),
              revokedAt: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (req) =>
      (await findApiKeys(req.db, req.params.id)).map((k) => ({
        id: k.id,
        name: k.name,
        createdAt: k.created_at.toISOString(),
        lastUsedAt: k.last_used_at?.toISOString() ?? null,
        revokedAt: k.revoked_at?.toISOString() ?? null,
      })),
  );

  app.post(
    '/users/:id/api-keys',
    {
      config: { permission: 'users.write' },
      schema: {
        tags,
        summary: 'Issue an API key for a system account',
        params: IdParams,
        body: ApiKeyBody,
        response: { 201: ApiKeyReply },
      },
    },
    async (req, reply) => {
      const k = await issueApiKey(
        req.db,
        req.params.id,
        req.body.name,
        req.body.expiresAt ? new Date(req.body.expiresAt) : null,
      );
      return created(reply, { ...k, expiresAt: k.expiresAt?.toISOString() ?? null });
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { permission: 'users.write' },
      schema: { tags, summary: 'Revoke an API key at once', params: IdParams },
    },
    async (req, reply) => {
      const key = await findSessionById(req.db, req.params.id);
      if (key?.kind !== 'api_key') throw notFound('API key', req.params.id);
      await revokeSession(req.db, key.id, new Date());
      forgetSession(key.id);
      return noContent(reply);
    },
  );
}
