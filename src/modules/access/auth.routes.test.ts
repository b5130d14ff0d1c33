import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { as } from './access.fixtures.ts';
import { SESSION_COOKIE } from './tokens.ts';

describeOnBothEngines('sessions, tokens and API keys', (t) => {
  let stationCode: string;
  let seq = 0;

  beforeAll(async () => {
    const post = (url: string, payload: Record<string, unknown>) =>
      t().inject({ method: 'POST', url, payload });
    await post('/api/areas', { code: '46', name: 'Province 46', level: 'province' });
    await post('/api/areas', { code: '461', name: 'District 461', level: 'district', parentCode: '46' });
    await post('/api/areas', { code: '46101', name: 'Commune 46101', level: 'commune', parentCode: '461' });
    const f = await post('/api/facilities', {
      code: 'S4610',
      name: 'Station',
      kind: 'commune_health_station',
      areaCode: '46101',
    });
    expect(f.statusCode, f.body).toBe(201);
    stationCode = f.json().code;
  });

  /** A new district manager, with its own username and password. */
  async function newUser() {
    seq++;
    const username = `user-${seq}`;
    const password = `Long-enough-secret-${seq}`;
    const res = await t().inject({
      method: 'POST',
      url: '/api/users',
      payload: { username, displayName: `User ${seq}`, password, roles: [{ role: 'district', area: '461' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, username, password };
  }

  // Each test signs in from its own address: the sign-in rate limit counts per address.
  let address = 0;
  function loginFrom() {
    address++;
    const remoteAddress = `10.0.0.${address}`;
    return (username: string, password: string) =>
      t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress,
      });
  }

  const session = (token: string) => as(t(), token, { url: '/api/auth/session' });

  test('sign-in answers a token, a CSRF token, the expiry and the user, and sets an httpOnly SameSite=Strict cookie', async () => {
    const u = await newUser();
    const res = await loginFrom()(u.username, u.password);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      token: expect.any(String),
      csrfToken: expect.any(String),
      user: { id: u.id, username: u.username, roles: [{ role: 'district', scopePath: '46.461' }] },
    });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('the session names the place of each role: the area of a district manager, the facility of station staff', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await session(token)).json().roles).toEqual([
      {
        role: 'district',
        scopePath: '46.461',
        area: { id: expect.any(String), code: '461', name: 'District 461', level: 'district' },
        facility: null,
      },
    ]);
    const staff = await t().inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'station-staff',
        displayName: 'Station staff',
        password: 'Long-enough-secret-s',
        roles: [{ role: 'station', facility: stationCode }],
      },
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const login = (await loginFrom()('station-staff', 'Long-enough-secret-s')).json();
    const [role] = (await session(login.token)).json().roles;
    expect(role).toMatchObject({
      role: 'station',
      area: { code: '46101', level: 'commune' },
      facility: { code: stationCode, name: 'Station', kind: 'commune_health_station' },
    });
  });

  test('the session cookie works for reads; a write with it needs the X-CSRF-Token header', async () => {
    const u = await newUser();
    const { token, csrfToken } = (await loginFrom()(u.username, u.password)).json();
    const cookies = { [SESSION_COOKIE]: token };
    const read = await t().app.inject({ url: '/api/auth/session', cookies });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ via: 'cookie', csrfToken });

    const worker = (code: string) => ({
      code,
      fullName: 'Cookie worker',
      cadre: 'nurse',
      qualification: 'college',
      assignment: { facilityCode: stationCode, startDate: '2024-01-01' },
    });
    const write = (headers: Record<string, string>, code: string) =>
      t().app.inject({ method: 'POST', url: '/api/workers', cookies, headers, payload: worker(code) });
    const without = await write({}, 'CSRF1');
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toMatch(/X-CSRF-Token/);
    expect((await write({ 'x-csrf-token': 'forged' }, 'CSRF2')).statusCode).toBe(403);
    const withToken = await write({ 'x-csrf-token': csrfToken }, 'CSRF3');
    expect(withToken.statusCode, withToken.body).toBe(201);
    const stored = await t().inject({ url: '/api/workers?q=CSRF' });
    expect(stored.json().items.map((x: { code: string }) => x.code)).toEqual(['CSRF3']);
  });

  test('a wrong password and an unknown user get the same 401', async () => {
    const u = await newUser();
    const login = loginFrom();
    const wrong = await login(u.username, 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  /** Moves the stored failures of a key back in time, as if the wait had passed. */
  const age = (key: string, seconds: number) =>
    sql`update login_throttle set last_failure_at = last_failure_at - make_interval(secs => ${seconds})
      where key = ${key}`.execute(t().ctx.db);

  test('wrong passwords from a stranger slow the stranger down but never lock the owner out (admin included)', async () => {
    const u = await newUser();
    const stranger = loginFrom();
    for (let i = 0; i < 5; i++)
      expect((await stranger(u.username, `wrong-password-${i}`)).statusCode).toBe(401);
    // The account now waits: a further wrong guess is refused as throttled, with when to try again.
    const sixth = await stranger(u.username, 'wrong-password-5');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The stranger's address is throttled at once: even the right password is refused from there.
    expect((await stranger(u.username, u.password)).statusCode).toBe(429);
    // The owner, from their own address, gets in; that forgets the account's failures.
    expect((await loginFrom()(u.username, u.password)).statusCode).toBe(200);
    expect((await t().inject({ url: `/api/users/${u.id}` })).json().lockedUntil).toBeNull();

    const admin = loginFrom();
    for (let i = 0; i < 8; i++) await admin('test-admin', `wrong-password-${i}`);
    expect((await loginFrom()('test-admin', 'test-admin-password')).statusCode).toBe(200);
  });

  test('each failure past the free ones doubles the wait, and the wait passes by itself', async () => {
    const u = await newUser();
    const key = `account:${u.username}`;
    for (let i = 0; i < 5; i++) await loginFrom()(u.username, `wrong-password-${i}`);
    const rows = () =>
      t()
        .ctx.db.selectFrom('login_throttle')
        .select(['failures'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
    expect((await rows()).failures).toBe(5);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The wait counts from the last failure: start it now, so the next attempt comes within it.
      await sql`update login_throttle set last_failure_at = now() where key = ${key}`.execute(t().ctx.db);
      const res = await loginFrom()(u.username, `still-wrong-${i}`);
      expect(res.statusCode).toBe(429);
      waits.push(Number(res.headers['retry-after']));
    }
    // After 6, 7 and 8 failures the next attempt waits 2, 4 and 8 seconds.
    expect(waits).toEqual([2, 4, 8]);
    expect((await rows()).failures).toBe(8);
    // Once the wait has passed, a wrong password is an ordinary 401 again from a fresh address.
    await age(key, 3600);
    expect((await loginFrom()(u.username, 'wrong-again')).statusCode).toBe(401);
  });

  test('an unknown username gets exactly the answers a known one gets, failure after failure', async () => {
    const u = await newUser();
    const answers = async (username: string) => {
      const login = loginFrom();
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(username, `wrong-password-${i}`);
        // The seconds to wait are the same rule's for both; only the clock between requests differs.
        seen.push(
          `${res.statusCode} ${res.headers['retry-after'] ? 'retry' : '-'} ${res.body.replace(/\d+ s\b/, 'N s')}`,
        );
      }
      return seen;
    };
    const known = await answers(u.username);
    const unknown = await answers('nobody-by-this-name');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.slice(0, 3))).toEqual(['401', '401', '401', '401', '401', '429', '429']);
  });

  test('a throttled address is refused before the password is checked; after its wait it may try again', async () => {
    const u = await newUser();
    const login = loginFrom();
    const key = `source:10.0.0.${address}`;
    await sql`insert into login_throttle (key, failures, last_failure_at) values (${key}, 21, now())`.execute(
      t().ctx.db,
    );
    const refused = await login(u.username, u.password);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    await age(key, 3);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
  });

  test('an administrator reset forgets the failures of the account', async () => {
    const u = await newUser();
    for (let i = 0; i < 6; i++) await loginFrom()(u.username, `wrong-password-${i}`);
    expect((await t().inject({ url: `/api/users/${u.id}` })).json().lockedUntil).not.toBeNull();
    const reset = await t().inject({
      method: 'POST',
      url: `/api/users/${u.id}/password`,
      payload: { newPassword: 'A-fresh-start-2026' },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await loginFrom()(u.username, 'wrong-after-reset')).statusCode).toBe(401);
    expect((await loginFrom()(u.username, 'A-fresh-start-2026')).statusCode).toBe(200);
  });

  test('a failure count below five is forgotten after a successful sign-in', async () => {
    const u = await newUser();
    const login = loginFrom();
    for (let i = 0; i < 4; i++) await login(u.username, `wrong-password-${i}`);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.username, `wrong-password-${i}`)).statusCode).toBe(401);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
  });

  test('more than 20 sign-in attempts a minute from one address are refused with 429, right password or not', async () => {
    const u = await newUser();
    const login = loginFrom();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(u.username, u.password)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  test('a wrong current password in a password change counts as a failed sign-in and is throttled too', async () => {
    const u = await newUser();
    const remoteAddress = `10.0.1.${++address}`;
    const { token } = (await loginFrom()(u.username, u.password)).json();
    const change = (currentPassword: string, newPassword = 'Another-long-secret') =>
      t().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword, newPassword },
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) expect((await change(`not-mine-${i}`)).statusCode).toBe(400);
    const throttledAnswer = await change(u.password);
    expect(throttledAnswer.statusCode).toBe(429);
    expect(throttledAnswer.headers['retry-after']).toBeDefined();
    const audited = await t()
      .ctx.db.selectFrom('audit_log')
      .select(['detail', 'status'])
      .where('action', '=', 'password_change_failed')
      .where('user_id', '=', u.id)
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 429]);
    // The owner signing in elsewhere still gets in, and the change works once the wait has passed.
    expect((await loginFrom()(u.username, u.password)).statusCode).toBe(200);
    expect((await change(u.password)).statusCode).toBe(204);
  });

  test('a password change is rate limited: more than 10 a minute from one address are refused', async () => {
    const u = await newUser();
    const remoteAddress = `10.0.2.${++address}`;
    const { token } = (await loginFrom()(u.username, u.password)).json();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: u.password, newPassword: 'short' },
        remoteAddress,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
  });

  test('after logout the token fails at once', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await session(token)).statusCode).toBe(200);
    const out = await as(t(), token, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await session(token)).statusCode).toBe(401);
  });

  test('a password change ends the other sessions and keeps this one', async () => {
    const u = await newUser();
    const login = loginFrom();
    const a = (await login(u.username, u.password)).json().token;
    const b = (await login(u.username, u.password)).json().token;
    const weak = await as(t(), a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const wrongCurrent = await as(t(), a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-mine-at-all', newPassword: 'Another-long-secret' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect((await session(b)).statusCode).toBe(200);

    const changed = await as(t(), a, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'Another-long-secret' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await session(a)).statusCode).toBe(200);
    expect((await session(b)).statusCode).toBe(401);
    expect((await login(u.username, u.password)).statusCode).toBe(401);
    expect((await login(u.username, 'Another-long-secret')).statusCode).toBe(200);
  });

  test('an API key issued by an administrator works as a bearer token and fails at once when revoked', async () => {
    const u = await newUser();
    const issued = await t().inject({
      method: 'POST',
      url: `/api/users/${u.id}/api-keys`,
      payload: { name: 'nightly sync' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id, key } = issued.json();
    expect(key).toMatch(/^grk_/);
    const who = await session(key);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ via: 'api_key', user: { username: u.username } });
    expect((await as(t(), key, { url: '/api/workers' })).statusCode).toBe(200);

    const listed = await t().inject({ url: `/api/users/${u.id}/api-keys` });
    expect(listed.json()).toMatchObject([{ id, name: 'nightly sync', revokedAt: null }]);
    expect((await t().inject({ method: 'POST', url: `/api/api-keys/${id}/revoke` })).statusCode).toBe(204);
    expect((await session(key)).statusCode).toBe(401);
    expect((await as(t(), key, { url: '/api/workers' })).statusCode).toBe(401);
  });

  test("a deactivated user's token and API key fail at once, and they cannot sign in", async () => {
    const u = await newUser();
    const login = loginFrom();
    const { token } = (await login(u.username, u.password)).json();
    const { key } = (
      await t().inject({ method: 'POST', url: `/api/users/${u.id}/api-keys`, payload: { name: 'k' } })
    ).json();
    const off = await t().inject({ method: 'POST', url: `/api/users/${u.id}/deactivate` });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await session(token)).statusCode).toBe(401);
    expect((await session(key)).statusCode).toBe(401);
    expect((await login(u.username, u.password)).statusCode).toBe(401);
  });

  test('revoking a role takes effect on the next request of a live session', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await as(t(), token, { url: '/api/workers' })).statusCode).toBe(200);
    const grantId = (await t().inject({ url: `/api/users/${u.id}` })).json().roles[0].id;
    const revoked = await t().inject({ method: 'POST', url: `/api/users/${u.id}/roles/${grantId}/revoke` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await as(t(), token, { url: '/api/workers' })).statusCode).toBe(403);
    expect((await session(token)).statusCode).toBe(200);
  });

  test('an expired session token is refused', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    await sql`update auth_session set expires_at = now() - interval '1 minute' where user_id = ${u.id}`.execute(
      t().ctx.db,
    );
    expect((await session(token)).statusCode).toBe(401);
  });

  // A request on a session used in the last minute is admitted from this process's session cache, and
  // its transaction looks the session up again with its first statement. Another process (a second
  // server on the same database) changes the session without this process hearing of it: written
  // here straight into the database.
  test('a session ended by another process is refused on its next request, and that request changes nothing', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await session(token)).statusCode).toBe(200);
    const hashBefore = await passwordHashOf(u.id);
    await sql`update auth_session set revoked_at = now() where user_id = ${u.id}`.execute(t().ctx.db);
    const change = await as(t(), token, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'A-whole-new-secret-42' },
    });
    expect(change.statusCode, change.body).toBe(401);
    expect(await passwordHashOf(u.id)).toBe(hashBefore);
    expect((await session(token)).statusCode).toBe(401);
  });

  test('a role revoked or granted by another process takes effect on the next request', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await as(t(), token, { url: '/api/workers' })).statusCode).toBe(200);
    expect((await as(t(), token, { url: '/api/users' })).statusCode).toBe(403);
    await sql`update user_role set revoked_at = now() where user_id = ${u.id}`.execute(t().ctx.db);
    expect((await as(t(), token, { url: '/api/workers' })).statusCode).toBe(403);
    await sql`insert into user_role (id, user_id, role, scope_path)
      values (gen_random_uuid(), ${u.id}, 'admin', null)`.execute(t().ctx.db);
    const users = await as(t(), token, { url: '/api/users' });
    expect(users.statusCode, users.body).toBe(200);
  });

  test('a user renamed by another process is answered with the new name (the request runs again)', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    expect((await session(token)).json().user.displayName).toBe(`User ${seq}`);
    await sql`update app_user set display_name = 'Renamed' where id = ${u.id}`.execute(t().ctx.db);
    const res = await session(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.displayName).toBe('Renamed');
  });

  test('a cached session is checked again in the same round trip as the BEGIN, the scope and the first statement', async () => {
    const u = await newUser();
    const { token } = (await loginFrom()(u.username, u.password)).json();
    await as(t(), token, { url: '/api/workers' });
    const texts: string[] = [];
    const writes: number[] = [];
    let write = 0;
    let open = false;
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === 'string') {
        if (!open || !(this as { pipeline?: boolean }).pipeline) {
          write++;
          open = true;
          queueMicrotask(() => {
            open = false;
          });
        }
        texts.push(args[0].trim().toLowerCase());
        writes.push(write);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      expect((await as(t(), token, { url: '/api/workers' })).statusCode).toBe(200);
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(texts[0]).toBe('begin');
    expect(texts[1]).toContain('from "auth_session"');
    expect(texts[2]).toContain("set_config('role'");
    expect(texts.filter((x) => x.includes('from "auth_session"'))).toHaveLength(1);
    if (t().name === 'postgres') expect(writes.slice(0, 4)).toEqual([1, 1, 1, 1]);
  });

  async function passwordHashOf(userId: string) {
    return (
      await sql<{ h: string }>`select password_hash as h from app_user where id = ${userId}`.execute(
        t().ctx.db,
      )
    ).rows[0]?.h;
  }

  test('a malformed Authorization header or an unknown token is 401', async () => {
    const bad = await t().app.inject({ url: '/api/auth/session', headers: { authorization: 'Basic abc' } });
    expect(bad.statusCode).toBe(401);
    expect((await session('not-a-real-token')).statusCode).toBe(401);
  });

  test('a new password must meet the policy', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weakling', displayName: 'W', password: 'short', roles: [{ role: 'admin' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'body.password',
      message: expect.stringMatching(/10/),
    });
  });
});
