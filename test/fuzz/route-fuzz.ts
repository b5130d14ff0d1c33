import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { App } from '../../src/platform/app-context.ts';
import type { Db } from '../../src/platform/db/database.ts';

/**
 * Property-based requests over every route, generated from the route's own schema as the OpenAPI
 * document (`app.swagger()`) states it, then mutated the way an attacker or a careless client would.
 * A route added later is covered by the same machinery without a test of its own. Used by
 * routes-*.fuzz.test.ts (a few hundred cases per route) and reliability.ts (10,000 and more).
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, with the URL Fastify routes it by. */
export interface Operation {
  method: string;
  /** '/api/residents/{id}' */
  path: string;
  params: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  body: { contentType: string; schema: JsonSchema } | null;
  /** `config.permission` as access control registered it. */
  permission: string;
}

/** Every operation the API documents, with its permission. */
export function operationsOf(app: App): Operation[] {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const permissions = new Map(app.accessRoutes.map((r) => [`${r.method} ${r.url}`, r.permission]));
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const parameters = (op.parameters ?? []) as Parameter[];
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      const fastifyUrl = path.replace(/\{(\w+)\}/g, ':$1');
      out.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        headers: parameters.filter((p) => p.in === 'header'),
        body: contentType && media ? { contentType, schema: media.schema ?? {} } : null,
        permission: permissions.get(`${method.toUpperCase()} ${fastifyUrl}`) ?? 'public',
      });
    }
  }
  return out;
}

const MIB = 'x'.repeat(1024 * 1024);
function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** Text no field should take, or that must be handled with care: what every string is mutated into. */
export const NASTY_STRINGS = [
  '\u0000',
  'ab\u0000cd',
  '\u0001\u0002\u001b[31m\u007f',
  'line\r\nbreak\tand tab',
  '\uD800',
  'lone \uDFFF surrogate',
  '\uFEFF\u200B\u202E',
  "' OR 1=1; --",
  '"; drop table app_user; --',
  '\\',
  '%',
  '%E0%A4%A',
  '%00',
  '45.*{1,}',
  '*.!@#|&',
  'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p',
  '',
  ' ',
  '12345678901234567890',
  '99999999999999999999999999999999999999',
  '3e9',
  '1e308',
  '-1',
  'NaN',
  'Infinity',
  '2026-02-30',
  '0000-00-00',
  '275760-09-13',
  '9999-12-31T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'urn:uuid:00000000-0000-0000-0000-000000000000',
  'Đà Nẵng 🏥 漢字',
  'x'.repeat(301),
  'x'.repeat(70_000),
  MIB,
];

/** Numbers at and past what a column holds. */
export const NASTY_NUMBERS = [
  0, -1, 1.5, 2147483647, 2147483648, -2147483649, 3e9, 9007199254740992, 1e308, -1e308, 5e-324,
];

/** Any JSON value of the wrong kind: types, deep nesting, huge arrays. */
const nastyValue = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { '': null }, { __proto__: { a: 1 } }),
  fc.constantFrom(
    nested(3000, 1, false),
    nested(3000, 'x', true),
    Array.from({ length: 20_000 }, (_, i) => i),
  ),
);

/** The values the test world holds (ids of real records, codes) to put in a field now and then. */
export interface FuzzWorld {
  ids: string[];
  codes: string[];
}

/**
 * A value the schema allows (mostly), with a nasty value in place of any node at `rate`: the nodes of
 * a valid body are kept so the mutation reaches the code behind the first check.
 */
export function generated(
  schema: JsonSchema,
  world: FuzzWorld,
  rate: number,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validValueOf(schema, world, rate, depth);
  if (rate <= 0) return valid;
  const weight = Math.max(1, Math.round((1 - rate) / rate));
  return fc.oneof({ arbitrary: valid, weight }, { arbitrary: nastyValue, weight: 1 });
}

function validValueOf(s: JsonSchema, world: FuzzWorld, rate: number, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((b) => generated(b, world, rate, depth)));
  if (s.allOf?.length) return generated(s.allOf[0]!, world, rate, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringOf(s, world);
    case 'integer':
      return fc.integer({ min: bound(s.minimum, -5), max: bound(s.maximum, 10_000) });
    case 'number':
      return fc.double({ min: bound(s.minimum, -5), max: bound(s.maximum, 10_000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(generated(s.items ?? {}, world, rate, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object': {
      if (depth > 4 || !s.properties) return fc.constant({});
      const props = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, generated(v, world, rate, depth + 1)]),
      );
      const record = fc.record(props, { requiredKeys: s.required ?? [] });
      if (rate <= 0) return record;
      // Now and then a field the schema does not know, or a required one missing.
      return fc.oneof(
        { arbitrary: record, weight: 6 },
        { arbitrary: record.map((r) => ({ ...(r as object), ['x\u0000unknown']: 1 })), weight: 1 },
        {
          arbitrary: record.map((r) => {
            const copy = { ...(r as Record<string, unknown>) };
            delete copy[s.required?.[0] ?? ''];
            return copy;
          }),
          weight: 1,
        },
      );
    }
    default:
      return nastyValue;
  }
}

function bound(v: number | undefined, fallback: number): number {
  return v === undefined ? fallback : Math.max(Math.min(v, 1e9), -1e9);
}

function stringOf(s: JsonSchema, world: FuzzWorld): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return world.ids.length ? fc.oneof(fc.constantFrom(...world.ids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 24, 24));
  const text = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  return world.codes.length ? fc.oneof(text, fc.constantFrom(...world.codes)) : text;
}

/** A generated request, before it is sent. */
export interface FuzzRequest {
  as: 'permitted' | 'denied' | 'anonymous';
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Bad percent-encoding written raw into a URL or header. */
const BAD_ENCODINGS = ['%', '%E0%A4%A', '%zz', '%C0%80', '%ED%A0%80', '%00'];

function encodedPart(value: unknown): fc.Arbitrary<string> {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return fc.oneof(
    { arbitrary: fc.constant(encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))), weight: 8 },
    { arbitrary: fc.constantFrom(...BAD_ENCODINGS), weight: 1 },
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/csv',
  '',
];
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"a":1}}',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '',
];

/** A value one time in six, else null. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: arb, weight: 1 });
}

/** Requests for one operation: generated from its schema, then mutated in every part. */
export function requestsFor(op: Operation, world: FuzzWorld, rate = 0.15): fc.Arbitrary<FuzzRequest> {
  const paramValues = fc.tuple(...op.params.map((p) => generated(p.schema, world, rate).chain(encodedPart)));
  const queryEntries = fc.tuple(
    ...op.query.map((p) =>
      fc.option(generated(p.schema, world, rate).chain(encodedPart), { freq: p.required ? 20 : 2 }),
    ),
  );
  const extraQuery = rarely(
    fc.constantFrom(
      'unknown=1',
      'limit=3000000000',
      'cursor=12345678901234567890',
      '%=%',
      'a=%E0%A4%A',
      'q=%00',
    ),
  );
  const bodyArb: fc.Arbitrary<{ payload?: string; contentType?: string }> = op.body
    ? fc.oneof(
        {
          arbitrary: generated(op.body.schema, world, rate).map((v) => ({
            payload: JSON.stringify(v) ?? 'null',
            contentType: op.body!.contentType,
          })),
          weight: 12,
        },
        {
          arbitrary: fc.record({
            payload: fc.constantFrom(...MALFORMED_JSON),
            contentType: fc.constant('application/json'),
          }),
          weight: 1,
        },
        {
          arbitrary: fc.record({
            payload: fc.constantFrom('a=1', '{"a":1}', 'x'),
            contentType: fc.constantFrom(...CONTENT_TYPES),
          }),
          weight: 1,
        },
      )
    : fc.constant({});
  const breakGlass = rarely(
    fc.constantFrom('%E0%A4%A', '%', '%zz', 'a real reason for this read', 'short', 'x'.repeat(2000)),
  );
  const who = fc.constantFrom<FuzzRequest['as']>(
    'permitted',
    'permitted',
    'permitted',
    'denied',
    'anonymous',
  );
  return fc
    .record({ paramValues, queryEntries, extraQuery, body: bodyArb, breakGlass, who })
    .map(({ paramValues, queryEntries, extraQuery, body, breakGlass, who }) => {
      let i = 0;
      const path = op.path.replace(/\{\w+\}/g, () => paramValues[i++] ?? 'x');
      const query = op.query
        .map((p, j) => (queryEntries[j] == null ? null : `${encodeURIComponent(p.name)}=${queryEntries[j]}`))
        .filter((q): q is string => q !== null);
      if (extraQuery) query.push(extraQuery);
      const headers: Record<string, string> = {};
      if (breakGlass) headers['x-break-glass-reason'] = breakGlass;
      if (body.contentType) headers['content-type'] = body.contentType;
      return {
        as: who,
        method: op.method,
        url: query.length ? `${path}?${query.join('&')}` : path,
        headers,
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
      };
    });
}

/** What a request came to. */
export interface Outcome {
  status: number;
  contentType: string;
  body: string;
  /** No answer before the deadline. */
  hung: boolean;
}

/** Sends a request through inject with a deadline: a reply that never ends is a hang, not a wait. */
export async function send(
  app: App,
  req: FuzzRequest,
  tokens: { permitted: string; denied: string },
  deadlineMs: number,
): Promise<Outcome> {
  const headers = { ...req.headers };
  if (req.as !== 'anonymous') headers.authorization = `Bearer ${tokens[req.as]}`;
  const options: InjectOptions = {
    method: req.method as 'GET',
    url: req.url,
    headers,
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), deadlineMs);
  });
  try {
    const res = await Promise.race([app.inject(options), deadline]);
    if (res === 'hung') return { status: 0, contentType: '', body: '', hung: true };
    const r = res as LightMyRequestResponse;
    return {
      status: r.statusCode,
      contentType: String(r.headers['content-type'] ?? ''),
      body: r.body,
      hung: false,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Tables whose rows a refused request changes on purpose: the audit log (a denial is audited), the
 * sessions (signing in is not a change of the data), the sign-in throttle (a failure is counted). */
const UNCOUNTED = [
  'audit_log',
  'auth_session',
  'login_throttle',
  'kysely_migration',
  'kysely_migration_lock',
];

/**
 * Counts every row inserted or deleted in the other tables from now on, in a table of its own
 * (`fuzz_row_changes`, written by a row trigger on each table): `rowFingerprint` is then one small read
 * instead of a count of every table. A change rolled back is not counted, as it did not happen.
 * Call once, after the migrations, on a database used for fuzzing only.
 */
export async function installChangeCounter(db: Db): Promise<void> {
  await sql`create table if not exists fuzz_row_changes (n bigint not null)`.execute(db);
  await sql`insert into fuzz_row_changes select 0 where not exists (select from fuzz_row_changes)`.execute(
    db,
  );
  await sql`create or replace function fuzz_count_change() returns trigger language plpgsql security definer
    as $$ begin update fuzz_row_changes set n = n + 1; return null; end $$`.execute(db);
  await sql`grant select on fuzz_row_changes to public`.execute(db);
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname <> 'fuzz_row_changes' and c.relname not in (${sql.join(UNCOUNTED)})`.execute(db);
  for (const t of tables.rows) {
    await sql`drop trigger if exists fuzz_count_change on ${sql.table(t.name)}`.execute(db);
    await sql`create trigger fuzz_count_change after insert or delete on ${sql.table(t.name)}
      for each row execute function fuzz_count_change()`.execute(db);
  }
}

/**
 * A fingerprint of the data: with the change counter installed, how many rows were ever inserted or
 * deleted; otherwise the row count of every table but the uncounted ones.
 */
export async function rowFingerprint(db: Db): Promise<string> {
  const counted = await sql<{ n: string }>`select n::text from fuzz_row_changes`.execute(db).then(
    (r) => r.rows[0]?.n,
    () => undefined,
  );
  if (counted !== undefined) return `changes ${counted}`;
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public'
      and tablename not in (${sql.join(UNCOUNTED)})
    order by tablename`.execute(db);
  if (tables.rows.length === 0) return '';
  const counts = sql.join(
    tables.rows.map((t) => sql`(select count(*) from ${sql.table(t.name)})::text`),
    sql`|| ',' ||`,
  );
  const r = await sql<{ f: string }>`select ${counts} as f`.execute(db);
  return r.rows[0]?.f ?? '';
}

/** The properties every answer keeps; returns what broke, or null. */
export function brokenProperty(o: Outcome, before: string | null, after: string | null): string | null {
  if (o.hung) return 'no answer before the deadline';
  if (o.status >= 500) return `answered ${o.status}: ${o.body.slice(0, 300)}`;
  if (o.status >= 400 && !o.contentType.startsWith('application/problem+json'))
    return `error ${o.status} as ${o.contentType || 'no content type'}, not problem+json: ${o.body.slice(0, 200)}`;
  if (o.status >= 400 && o.body.length > 20_000) return `error body of ${o.body.length} characters`;
  if (o.status >= 400 && before !== null && before !== after)
    return `rejected (${o.status}) but rows changed`;
  return null;
}

/** Shows a request without its megabyte. */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…(${s.length})` : s);
  return `${r.as} ${r.method} ${cut(r.url)} ${JSON.stringify(r.headers)} ${r.payload ? cut(String(r.payload)) : ''}`;
}

/** Who sends the requests of one operation: a user holding its permission and one who does not. */
export interface Callers {
  permitted: string;
  denied: string;
}

/**
 * Sends one request and checks the properties (never a 5xx, never a hang, errors as problem+json with a
 * bounded body, a rejected request changes no row): what broke, or null. Rows are compared around
 * writes only; a read changes nothing but the audit log.
 */
export async function checkRequest(
  app: App,
  db: Db,
  req: FuzzRequest,
  callers: Callers,
  deadlineMs: number,
): Promise<{ outcome: Outcome; broken: string | null }> {
  const writes = req.method !== 'GET' && req.method !== 'HEAD';
  const before = writes ? await rowFingerprint(db) : null;
  const outcome = await send(app, req, callers, deadlineMs);
  // A hung request may still hold the one connection of the embedded engine: do not queue behind it.
  const after = writes && !outcome.hung && outcome.status >= 400 ? await rowFingerprint(db) : before;
  return { outcome, broken: brokenProperty(outcome, before, after) };
}
