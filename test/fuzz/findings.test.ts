import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import {
  type AccessWorld,
  as,
  auditEntries,
  buildAccessWorld,
} from '../../src/modules/access/access.fixtures.ts';
import { describeOnBothEngines } from '../support/engines.ts';

/**
 * Each finding of the route fuzzing (routes-*.fuzz.test.ts, through route-fuzz.suite.ts), as a plain request that answered 500 or
 * never answered before it was fixed.
 */
describeOnBothEngines('findings of the route fuzzing', (t) => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['admin', 'vhw'] });
  });

  const problem = (res: { headers: Record<string, unknown> }) =>
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);

  test.each(['%E0%A4%A', '%'])(
    'a malformed break-glass reason (%s) is a 400 naming the header',
    async (reason) => {
      const res = await t().inject({
        url: `/api/facilities/${w.facilities.station1.id}`,
        headers: { 'x-break-glass-reason': reason },
      });
      expect(res.statusCode, res.body).toBe(400);
      problem(res);
      expect(res.json().errors[0].field).toBe('headers.x-break-glass-reason');
    },
  );

  test('a caller without the permission is still refused 403, and audited, whatever the break-glass header', async () => {
    const res = await as(t(), w.users.vhw.token, {
      url: '/api/audit',
      headers: { 'x-break-glass-reason': '%E0%A4%A' },
    });
    expect(res.statusCode, res.body).toBe(403);
    const denied = await auditEntries(t(), { user: w.users.vhw.username, action: 'denied' });
    expect(denied.length).toBeGreaterThan(0);
  });

  test('a denial whose audit entry cannot be written is still a 403', async () => {
    const db = t().ctx.db;
    await sql`create function fuzz_audit_down() returns trigger language plpgsql as $$
      begin if new.action = 'denied' then raise exception 'audit down'; end if; return new; end $$`.execute(
      db,
    );
    await sql`create trigger fuzz_audit_down before insert on audit_log for each row execute function fuzz_audit_down()`.execute(
      db,
    );
    try {
      const res = await as(t(), w.users.vhw.token, { url: '/api/audit' });
      expect(res.statusCode, res.body).toBe(403);
    } finally {
      await sql`drop trigger fuzz_audit_down on audit_log`.execute(db);
      await sql`drop function fuzz_audit_down()`.execute(db);
    }
  });

  test.each([
    ['a search', '/api/residents?q=ab%00cd', 'query.q'],
    ['a path id', '/api/facilities/ab%00cd', 'params.id'],
    ['a filter of the audit export', '/api/audit/export?user=a%00b', 'query.user'],
  ])('a NUL in %s is a 400 naming the field', async (_, url, field) => {
    const res = await t().inject({ url });
    expect(res.statusCode, res.body).toBe(400);
    problem(res);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  test('a NUL in a JSON string field is a 400 in words; tabs and line breaks in free text are kept', async () => {
    const bad = await t().inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'x' },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'body.username',
      message: expect.stringMatching(/control characters/),
    });
    const ok = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${w.facilities.station1.id}`,
      payload: { name: 'Station\tone\nnorth' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  test('numbers past what the columns hold are 400s: a population of 3,000,000,000, training hours 1e308', async () => {
    const population = await t().inject({
      method: 'PUT',
      url: `/api/areas/${w.areas.commune1.id}/population/2025`,
      payload: { population: 3_000_000_000 },
    });
    expect(population.statusCode, population.body).toBe(400);
    expect(population.json().errors[0].field).toBe('body.population');
    const training = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.workers.station1[0]!.id}/training`,
      payload: { course: 'IMCI', hours: 1e308, completedOn: '2025-01-10' },
    });
    expect(training.statusCode, training.body).toBe(400);
    expect(training.json().errors[0].field).toBe('body.hours');
  });

  test('a cursor of 20 digits is a bad cursor (400), in the audit log and in a list', async () => {
    for (const url of [
      '/api/audit?cursor=12345678901234567890',
      '/api/facilities?cursor=12345678901234567890',
    ]) {
      const res = await t().inject({ url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().errors[0].field).toBe('query.cursor');
    }
  });

  test('a forged cursor carrying a NUL is a bad cursor, not a database error', async () => {
    const cursor = Buffer.from(JSON.stringify({ v: 'a\u0000', id: w.facilities.station1.id })).toString(
      'base64url',
    );
    const res = await t().inject({ url: `/api/facilities?sort=name&cursor=${cursor}` });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('query.cursor');
  });

  test("Fastify's own 400 for bad percent-encoding in a path, and a long path segment, are problem+json", async () => {
    const bad = await t().inject({ url: '/api/facilities/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    problem(bad);
    const long = await t().inject({ url: `/api/facilities/${'x'.repeat(500)}` });
    expect(long.statusCode).toBe(414);
    problem(long);
    const huge = await t().inject({ url: `/api/facilities?q=${'x'.repeat(20_000)}` });
    expect(huge.statusCode).toBe(414);
    problem(huge);
    expect(huge.body.length).toBeLessThan(1000);
  });

  test('malformed JSON and a wrong content type are problem+json', async () => {
    const malformed = await t().inject({
      method: 'POST',
      url: '/api/facilities',
      headers: { 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(malformed.statusCode).toBe(400);
    problem(malformed);
    const wrongType = await t().inject({
      method: 'POST',
      url: '/api/facilities',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(wrongType.statusCode).toBe(415);
    problem(wrongType);
  });
});
