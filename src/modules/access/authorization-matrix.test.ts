import Fastify from 'fastify';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';
import {
  type AccessWorld,
  as,
  buildAccessWorld,
  districtTwo,
  ROLES,
  type RoleName,
} from './access.fixtures.ts';
import { installAccessControl, type RegisteredRoute } from './access-control.ts';
import { roleGrants } from './roles.ts';

/** Routes whose effect with an empty body would end the caller's own session: walked last. */
const LAST = new Set(['POST /api/auth/logout']);
/** Roles whose places all lie in district 1: no answer of theirs may name anything of district 2. */
const DISTRICT_ONE: readonly RoleName[] = ['district', 'station', 'doctor', 'vhw'];

describeOnBothEngines('authorization matrix', (t) => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await buildAccessWorld(t());
  });

  /**
   * Fills path parameters: for reads a real id inside district 1 (so a permitted role gets a real
   * answer), for writes a random UUID (so walking the matrix changes nothing that matters).
   */
  function urlFor(route: RegisteredRoute): string {
    const read = route.method === 'GET' || route.method === 'HEAD';
    const resource = route.url.split('/')[2];
    const realId: Record<string, string> = {
      workers: w.workers.station1[0]!.id,
      facilities: w.facilities.station1.id,
      areas: w.areas.commune1.id,
      rotations: w.rotationId,
      users: w.users.station.id,
    };
    return route.url
      .replace(':kind', 'facilities')
      .replace(':year', '2025')
      .replace(':id', (read && realId[resource ?? '']) || newId())
      .replace(/:[A-Za-z]+/g, () => newId());
  }

  function call(route: RegisteredRoute, token: string | null) {
    const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method);
    return as(t(), token, {
      method: route.method as 'GET',
      url: urlFor(route),
      ...(hasBody ? { payload: {} } : {}),
    });
  }

  function allowed(role: RoleName, permission: string): boolean {
    return permission === 'public' || permission === 'signed-in' || roleGrants(role, permission);
  }

  test('every /api route answers 401 without a token, 403 to roles lacking its permission, never 401/403 to roles holding it, and nothing of district 2 to district-1 roles', async () => {
    const outside = districtTwo(w);
    const needles = [
      ...outside.workerIds,
      ...outside.workerCodes,
      ...outside.facilityIds,
      ...outside.facilityCodes,
    ];
    const routes = [...t().app.accessRoutes].sort(
      (a, b) =>
        Number(LAST.has(`${a.method} ${a.url}`)) - Number(LAST.has(`${b.method} ${b.url}`)) ||
        a.url.localeCompare(b.url),
    );
    expect(routes.length).toBeGreaterThan(30);
    const covered = new Set<string>();
    const wrong: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const anon = await call(route, null);
      if (route.permission === 'public') {
        if (anon.statusCode === 401 || anon.statusCode === 403)
          wrong.push(`${key} anonymous: ${anon.statusCode}`);
      } else if (anon.statusCode !== 401) {
        wrong.push(`${key} anonymous: ${anon.statusCode}, expected 401`);
      }
      for (const role of ROLES) {
        const res = await call(route, w.users[role].token);
        const status = res.statusCode;
        if (allowed(role, route.permission)) {
          if (status === 401 || status === 403 || status >= 500)
            wrong.push(`${key} as ${role} (has ${route.permission}): ${status} ${res.body.slice(0, 200)}`);
        } else if (status !== 403) {
          wrong.push(`${key} as ${role} (lacks ${route.permission}): ${status}, expected 403`);
        }
        const leaked = DISTRICT_ONE.includes(role) ? needles.filter((n) => res.body.includes(n)) : [];
        if (leaked.length > 0) wrong.push(`${key} as ${role} leaks district 2: ${leaked.join(', ')}`);
      }
      covered.add(key);
    }
    expect(wrong).toEqual([]);
    // A route added later is walked without anyone touching this test.
    expect([...covered].sort()).toEqual(
      t()
        .app.accessRoutes.map((r) => `${r.method} ${r.url}`)
        .sort(),
    );
  });

  test('a route that declares no permission stops the server from starting', async () => {
    const app = Fastify();
    installAccessControl(app, t().ctx);
    await expect(
      (async () => {
        app.get('/api/forgotten', async () => ({ ok: true }));
        await app.ready();
      })(),
    ).rejects.toThrow(/declares no permission/);
    await app.close().catch(() => {});
  });

  test('a route that names an unknown permission stops the server from starting', async () => {
    const app = Fastify();
    installAccessControl(app, t().ctx);
    await expect(
      (async () => {
        app.get('/api/misspelt', { config: { permission: 'workers.raed' } }, async () => ({ ok: true }));
        await app.ready();
      })(),
    ).rejects.toThrow(/unknown permission workers\.raed/);
    await app.close().catch(() => {});
  });

  test('routes outside /api (the docs) need no permission', async () => {
    const app = Fastify();
    installAccessControl(app, t().ctx);
    app.get('/elsewhere', async () => ({ ok: true }));
    await app.ready();
    expect((await app.inject({ url: '/elsewhere' })).statusCode).toBe(200);
    expect(app.accessRoutes).toEqual([]);
    await app.close();
  });
});
