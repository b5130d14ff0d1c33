import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, EngineKind } from './db/database.ts';
import type { CountryProfile } from './profile.ts';

/**
 * What every module's routes and services are given: the database, the engine, the country profile
 * and the clock (today is `todayOf(ctx)`, on the profile's calendar).
 */
export interface AppContext {
  db: Db;
  engine: EngineKind;
  profile: CountryProfile;
  config: Config;
  clock: Clock;
}

/** The Fastify instance with TypeBox as its type provider: one schema gives validation, types and OpenAPI. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * The permission a route needs, declared on every route as `config: { permission }`. `public` is for
 * the few routes open without signing in (health, docs). A route without one refuses to start.
 */
export type Permission = `${string}.${string}` | 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    /** `export` marks a route that hands out data in bulk: it is audited as an export. */
    audit?: 'export';
    /**
     * `true` for a route whose work commits in several transactions (a CSV import commits batch after
     * batch): the handler gets no request transaction (`req.db` is unset) and opens each of its own
     * with `req.inScope(work, detail)`, as the application role in the caller's scope, audited.
     */
    batches?: boolean;
  }
  interface FastifyRequest {
    /**
     * The database for this request: a transaction running as the application role with the caller's
     * area scope set, so row-level security applies. Routes use this, never ctx.db.
     */
    db: Db;
    /** The app context with `db` set to the request's scoped transaction. */
    ctx: AppContext;
    /**
     * On a `batches` route only: runs `work` in a transaction of its own as the application role in the
     * caller's scope (row-level security applies), with an audit entry saying `detail`, and commits it.
     */
    inScope<T>(work: (trx: Db) => Promise<T>, detail: string): Promise<T>;
  }
}
