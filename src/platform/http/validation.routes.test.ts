import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { createUser } from '../../modules/access/index.ts';

const PASSWORD = 'numbers-are-not-names';

describeOnBothEngines('request validation through the API', (t) => {
  beforeAll(async () => {
    await createUser(
      t().ctx.db,
      { username: '42', displayName: 'A user named 42', password: PASSWORD, roles: [{ role: 'admin' }] },
      { trustedPassword: true },
    );
  });

  test('a number is not a username: {"username": 42} is refused, "42" signs in', async () => {
    const refused = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 42, password: PASSWORD },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body.username', message: 'must be a string' }],
    });
    const signedIn = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '42', password: PASSWORD },
    });
    expect(signedIn.statusCode).toBe(200);
  });

  test('a number is not a name: a resident or a facility named 42 is refused', async () => {
    const resident = await t().inject({ method: 'POST', url: '/api/residents', payload: { fullName: 42 } });
    expect(resident.statusCode).toBe(400);
    expect(resident.json().errors).toContainEqual({ field: 'body.fullName', message: 'must be a string' });
    const facility = await t().inject({
      method: 'POST',
      url: '/api/facilities',
      payload: { code: 'F-42', name: 42, kind: 'commune_station' },
    });
    expect(facility.statusCode).toBe(400);
    expect(facility.json().errors).toContainEqual({ field: 'body.name', message: 'must be a string' });
  });

  test('an enum names its values, once, with no follow-on errors', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: { fullName: 'Nguyễn Văn A', sex: 'x', householdId: 'not-an-id' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.sex', message: 'must be one of male, female, other' },
      { field: 'body.householdId', message: 'must be a UUID' },
    ]);
    expect(res.json().detail).not.toMatch(/anyOf|constant|pattern/);
  });

  test('a path id that is not a UUID says so in words', async () => {
    const res = await t().inject({ url: '/api/residents/12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'params.id', message: 'must be a UUID' }]);
  });

  test('the query string is still coerced from text', async () => {
    const res = await t().inject({ url: '/api/residents?birthYear=1990&limit=5' });
    expect(res.statusCode).toBe(200);
    const bad = await t().inject({ url: '/api/residents?limit=lots' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'query.limit', message: 'must be a whole number' }]);
  });

  test.each([
    ['an unknown field with a huge name', { fullName: 'A', ['x'.repeat(200_000)]: 1 }],
    ['a huge value that is not JSON', `{"fullName": "${'x'.repeat(200_000)}`],
  ])('%s is not echoed back', async (_, payload) => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/residents',
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(3_000);
  });

  test('a huge unknown path is not echoed back', async () => {
    const res = await t().inject({ url: `/api/${'x'.repeat(8_000)}` });
    expect(res.statusCode).toBe(404);
    expect(res.body.length).toBeLessThan(3_000);
  });
});
