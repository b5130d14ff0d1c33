import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';

describeOnBothEngines('GET /api/health', (t) => {
  test('answers ok and names the engine, without signing in', async () => {
    const res = await t().inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t().name });
  });

  test('an unknown route is a 404 problem+json', async () => {
    const res = await t().inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  test('OpenAPI is generated and the docs are browsable', async () => {
    const json = await t().inject({ url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().paths['/api/health']).toBeDefined();
    const page = await t().inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
  });
});
