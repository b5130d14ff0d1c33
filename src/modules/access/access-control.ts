import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { sendWithNext } from '../../platform/db/pipeline.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { insertAuditEntry, insertAuditEntryWithNext } from './access.queries.ts';
import { hasPermission, type Scope, scopeFor } from './access.rules.ts';
import {
  authenticate,
  isFromCache,
  type Principal,
  recheckSession,
  SESSION_ENDED,
  SessionChanged,
} from './auth.service.ts';
import { isKnownPermission, isPersonalData, roleGrants } from './roles.ts';
import { SESSION_COOKIE } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    scope: Scope | null;
    breakGlassReason: string | null;
  }
  interface FastifyInstance {
    accessRoutes: RegisteredRoute[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const BREAK_GLASS_HEADER = 'x-break-glass-reason';

/**
 * Access control for every route under /api, installed once so every module inherits it:
 * - each route must declare `config.permission` (a route without one, or with an unknown one, does not start);
 * - the caller is authenticated (bearer token, API key or session cookie with CSRF token);
 * - the permission is checked and its scope (the places the caller's roles grant it in) computed;
 * - the handler runs in one transaction as the application role with that scope set, so row-level
 *   security filters every query, even one that forgets its WHERE clause;
 * - reads of personal data, every write and every export are appended to the audit log.
 */
export function installAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('db', null as unknown as Db);
  app.decorateRequest('ctx', null as unknown as AppContext);
  app.decorateRequest('principal', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('breakGlassReason', null);
  app.decorateRequest('inScope', null as unknown as FastifyRequest['inScope']);
  const routes: RegisteredRoute[] = [];
  app.decorate('accessRoutes', routes);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const permission = route.config?.permission;
    if (!permission)
      throw new Error(
        `Route ${route.method} ${route.url} declares no permission: add config: { permission }`,
      );
    if (permission !== 'public' && permission !== 'signed-in' && !isKnownPermission(permission)) {
      throw new Error(
        `Route ${route.method} ${route.url} names unknown permission ${permission} (protocols/roles.json)`,
      );
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, permission });
    if (permission === 'public') {
      route.handler = publicHandler(ctx, route);
      return;
    }
    // Who is asking and whether they may is decided before the body is even validated, so an
    // anonymous caller learns nothing from validation errors. A route that runs in one transaction may
    // admit on a cached session, which that transaction checks again (recheckSession); an import's
    // batches and an export's stream do not, and look the session up each time.
    const cached = !route.config?.batches && route.config?.audit !== 'export';
    route.onRequest = [
      ...[route.onRequest ?? []].flat(),
      (request) => admit(ctx.db, request, permission, cached),
    ];
    route.handler = route.config?.batches
      ? batchedHandler(ctx, route, permission)
      : scopedHandler(ctx, route, permission);
  });
}

/** A route as access control registered it: what the authorization matrix test walks. */
export interface RegisteredRoute {
  method: string;
  url: string;
  permission: string;
}

function publicHandler(ctx: AppContext, route: RouteOptions) {
  const original = route.handler;
  return function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
    request.db = ctx.db;
    request.ctx = ctx;
    return original.call(this as never, request, reply);
  };
}

/** Authenticates, checks CSRF for cookie sessions, and decides the scope of the permission. */
async function admit(db: Db, request: FastifyRequest, permission: string, useCache: boolean): Promise<void> {
  let principal = await identify(db, request, useCache);
  // A refusal is never decided on a cached session: roles may have been granted since.
  if (isFromCache(principal) && permission !== 'signed-in') {
    const scope = scopeFor(permission, principal.grants);
    if (!scope.all && scope.paths.length === 0) principal = await identify(db, request, false);
  }
  request.principal = principal;
  if (principal.via === 'cookie' && !SAFE_METHODS.has(request.method)) checkCsrf(request, principal);
  const { scope, breakGlassReason } = await decideScope(db, request, principal, permission);
  request.scope = scope;
  request.breakGlassReason = breakGlassReason;
}

function scopedHandler(ctx: AppContext, route: RouteOptions, permission: string) {
  const original = route.handler;
  const isExport = route.config?.audit === 'export';
  return async function guarded(this: unknown, request: FastifyRequest, reply: FastifyReply) {
    // The handler must return its value: reply.send() would answer before the transaction commits
    // (and awaiting the thenable reply inside the transaction would never end).
    const send = reply.send;
    reply.send = () => {
      throw new Error(
        `${route.method} ${route.url}: return the value (see platform/http/replies.ts) instead of reply.send()`,
      );
    };
    // The session check of a cached session (recheckSession) refused: why, whatever the handler made
    // of the failed statement.
    let refusal: Error | undefined;
    const run = () =>
      ctx.db.transaction().execute(async (trx) => {
        // Held: the session check (a cached session only), then the role and scope, leave with the
        // handler's first statement; the audit entry leaves with COMMIT (platform/db/pipeline.ts).
        await recheckSession(trx, request.principal!, (err) => {
          refusal = err;
        });
        await applyScope(trx, request.scope!);
        request.db = trx;
        request.ctx = { ...ctx, db: trx };
        const value = await original.call(this as never, request, reply);
        const auditOpts = { isExport, breakGlassReason: request.breakGlassReason };
        if (!isExport) await auditAccess(trx, request, reply, permission, value, auditOpts);
        return value;
      });
    try {
      // An export streams its rows to the client before the transaction commits (csv-reply.ts), so its
      // audit entry is committed first: no export leaves without a trace, and the entry is there by
      // the time the client has the file.
      if (isExport) {
        const auditOpts = { isExport, breakGlassReason: request.breakGlassReason };
        await auditAccess(ctx.db, request, reply, permission, undefined, auditOpts);
      }
      try {
        return await run();
      } catch (err) {
        if (!refusal) throw err;
        if (!(refusal instanceof SessionChanged)) throw refusal;
        // The user or their roles changed since the session was cached: admit again from the
        // database (which may refuse) and run the handler once more; nothing of the first run stayed.
        refusal = undefined;
        await admit(ctx.db, request, permission, false);
        return await run();
      }
    } finally {
      reply.send = send;
    }
  };
}

/**
 * A `batches` route (a CSV import) commits its work in several transactions, so that what it reports
 * saved stays saved whatever happens later: each is opened by `req.inScope`, runs as the application
 * role in the caller's scope and writes its own audit entry. There is no request transaction (and no
 * `req.db`, so nothing can run outside the scope by mistake).
 */
function batchedHandler(ctx: AppContext, route: RouteOptions, permission: string) {
  const original = route.handler;
  return function batched(this: unknown, request: FastifyRequest, reply: FastifyReply) {
    request.db = undefined as unknown as Db;
    request.ctx = { ...ctx, db: undefined as unknown as Db };
    request.inScope = (work, detail) =>
      ctx.db.transaction().execute(async (trx) => {
        await applyScope(trx, request.scope!);
        const value = await work(trx);
        await insertAuditEntryWithNext(trx, {
          user_id: request.principal!.userId,
          username: request.principal!.username,
          role: rolesUsed(request.principal!, permission),
          action: route.config?.audit ?? 'import',
          resource_type: (request.routeOptions.url ?? '').split('/')[2] ?? null,
          resource_id: null,
          detail: `${request.method} ${request.url.split('?')[0]}: ${detail}`.slice(0, 1000),
          status: 200,
          reason: null,
          flagged: false,
          ...clientOf(request),
        });
        return value;
      });
    return original.call(this as never, request, reply);
  };
}

async function identify(db: Db, request: FastifyRequest, useCache: boolean): Promise<Principal> {
  const header = request.headers.authorization;
  let token: string | undefined;
  let via: 'bearer' | 'cookie' = 'bearer';
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
    token = m[1];
  } else if (request.cookies?.[SESSION_COOKIE]) {
    token = request.cookies[SESSION_COOKIE];
    via = 'cookie';
  }
  if (!token) {
    throw new AppError(
      'unauthorized',
      'Sign in first: POST /api/auth/login, then send "Authorization: Bearer <token>" or the session cookie',
    );
  }
  const principal = await authenticate(db, token, via, new Date(), { useCache });
  if (!principal) throw new AppError('unauthorized', SESSION_ENDED);
  return principal;
}

function checkCsrf(request: FastifyRequest, principal: Principal): void {
  const sent = request.headers['x-csrf-token'];
  if (!principal.csrfToken || sent !== principal.csrfToken) {
    throw new AppError(
      'forbidden',
      'Missing or wrong X-CSRF-Token header: a browser session must send the token it got at sign-in',
    );
  }
}

async function decideScope(db: Db, request: FastifyRequest, principal: Principal, permission: string) {
  if (permission === 'signed-in')
    return { scope: { all: false, paths: [] } as Scope, breakGlassReason: null };
  const scope = scopeFor(permission, principal.grants);
  const denied = !scope.all && scope.paths.length === 0;
  if (denied) {
    await auditDenied(db, request, principal, permission);
    throw new AppError('forbidden', `Your roles do not include the permission ${permission}`);
  }
  const reason = breakGlassReasonOf(request);
  if (!reason) return { scope, breakGlassReason: null };
  if (!hasPermission('access.break_glass', principal.grants)) {
    throw new AppError('forbidden', 'Your roles do not allow access outside your scope (break the glass)');
  }
  if (reason.length < 10) {
    throw new AppError(
      'bad_request',
      `Give a reason of at least 10 characters in the ${BREAK_GLASS_HEADER} header`,
    );
  }
  // Breaking the glass opens one record to read it: never a list, an export or a write.
  const params = (request.params ?? {}) as { id?: string };
  if (request.method !== 'GET' || !params.id || request.routeOptions.config?.audit === 'export') {
    throw new AppError(
      'bad_request',
      'Breaking the glass opens a single record for reading (GET of one record) only',
    );
  }
  return { scope: { all: true, paths: [] } as Scope, breakGlassReason: reason.slice(0, 500) };
}

/**
 * The break-glass reason, percent-decoded (a header carries only Latin-1, so a Vietnamese reason is
 * sent encoded). Read after the permission check, so a malformed header never hides a denial.
 */
function breakGlassReasonOf(request: FastifyRequest): string {
  const header = request.headers[BREAK_GLASS_HEADER];
  if (typeof header !== 'string') return '';
  try {
    return decodeURIComponent(header).trim();
  } catch {
    throw badRequest(
      `The ${BREAK_GLASS_HEADER} header is not valid percent-encoding: encode the reason with encodeURIComponent`,
      `headers.${BREAK_GLASS_HEADER}`,
    );
  }
}

/**
 * Runs the rest of the transaction as the application role, inside the caller's places: one statement
 * (`set_config('role', …, true)` is `set local role`, with the same membership check), held to leave
 * with the transaction's first statement, BEGIN before it (platform/db/pipeline.ts): no round trip of
 * its own. If it fails, the statement it went with fails with it (the transaction is aborted).
 */
export async function applyScope(trx: Db, scope: Scope): Promise<void> {
  const query =
    sql`select set_config('role', 'grassroots_app', true), set_config('app.scope_all', ${scope.all ? 'on' : 'off'}, true), set_config('app.scope', ${`{${scope.paths.join(',')}}`}, true)`.compile(
      trx,
    );
  await sendWithNext(trx, query);
}

function rolesUsed(principal: Principal, permission: string): string {
  return (
    [...new Set(principal.grants.filter((g) => roleGrants(g.role, permission)).map((g) => g.role))].join(
      ',',
    ) || 'signed-in'
  );
}

function clientOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, user_agent: printable(request.headers['user-agent'], 300) };
}

/** A text from the request fit for the audit log: control characters and surrogates dropped, cut. */
function printable(text: string | undefined, max: number): string | null {
  if (typeof text !== 'string') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/g, '').slice(0, max) || null;
}

/**
 * Records a denial. The caller is answered 403 even when the entry cannot be written (the database is
 * failing): the failure is logged, and a refusal never turns into a 500.
 */
async function auditDenied(db: Db, request: FastifyRequest, principal: Principal, permission: string) {
  try {
    await insertDenial(db, request, principal, permission);
  } catch (err) {
    request.log.error({ err }, 'the audit entry of a denial could not be written');
  }
}

async function insertDenial(db: Db, request: FastifyRequest, principal: Principal, permission: string) {
  await insertAuditEntry(db, {
    user_id: principal.userId,
    username: principal.username,
    role: principal.grants.map((g) => g.role).join(',') || null,
    action: 'denied',
    resource_type: permission.split('.')[0] ?? null,
    // Not yet validated at this point: kept short and without control characters.
    resource_id: printable((request.params as { id?: string } | undefined)?.id, 100),
    detail: `${request.method} ${request.routeOptions.url ?? ''}`,
    status: 403,
    ...clientOf(request),
  });
}

async function auditAccess(
  trx: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  permission: string,
  result: unknown,
  opts: { isExport: boolean; breakGlassReason: string | null },
): Promise<void> {
  const principal = request.principal!;
  const isRead = SAFE_METHODS.has(request.method);
  const personal = isPersonalData(permission);
  if (isRead && !personal && !opts.isExport && !opts.breakGlassReason) return;
  const params = (request.params ?? {}) as { id?: string };
  const body = (result ?? {}) as { id?: unknown; items?: unknown[] };
  const url = request.routeOptions.url ?? '';
  let action: string;
  if (opts.isExport) action = 'export';
  else if (isRead) action = params.id ? 'read' : 'search';
  else if (request.method === 'POST' && !params.id) action = 'create';
  else if (request.method === 'POST') action = url.split('/').pop() ?? 'update';
  else action = request.method === 'DELETE' ? 'delete' : 'update';
  // Inside the request's transaction the entry leaves with its COMMIT (one round trip): if it cannot
  // be written, nothing commits and the request fails. An export's entry is committed on its own first.
  await insertAuditEntryWithNext(trx, {
    user_id: principal.userId,
    username: principal.username,
    role: rolesUsed(principal, permission),
    action,
    resource_type: url.split('/')[2] ?? permission.split('.')[0] ?? null,
    resource_id: params.id ?? (typeof body.id === 'string' ? body.id : null),
    detail: Array.isArray(body.items)
      ? `${request.method} ${url}: ${body.items.length} record(s)`
      : `${request.method} ${url}`,
    status: reply.statusCode,
    reason: opts.breakGlassReason,
    flagged: opts.breakGlassReason !== null,
    ...clientOf(request),
  });
}
