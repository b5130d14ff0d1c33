import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { describe, expect, test } from 'vitest';
import { translateDatabaseError } from '../db/database-errors.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.ts';
import {
  AppError,
  clip,
  invalidFields,
  MAX_FIELD_ERRORS,
  toProblem,
  type UnavailableError,
} from './errors.ts';

describe('problem+json', () => {
  test('carries the status, code, detail and every field error', () => {
    const p = toProblem(
      invalidFields([
        { field: 'body.kind', message: 'is not a facility kind' },
        { field: 'body.areaCode', message: 'no such area' },
      ]),
    );
    expect(p).toMatchObject({ status: 400, code: 'validation_failed', title: 'Invalid input' });
    expect(p.errors).toHaveLength(2);
    expect(p.detail).toContain('body.kind');
  });

  test('has no errors member when there are none', () => {
    expect(toProblem(new AppError('not_found', 'x')).errors).toBeUndefined();
  });

  test('never echoes a huge value back: long messages and field names are cut, long lists capped', () => {
    const huge = 'x'.repeat(100_000);
    const p = toProblem(
      invalidFields([
        { field: `body.${huge}`, message: 'is not a known field' },
        ...Array.from({ length: 500 }, (_, i) => ({ field: `body.items.${i}`, message: `no code ${huge}` })),
      ]),
    );
    expect(JSON.stringify(p).length).toBeLessThan(30_000);
    expect(p.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(p.errors?.[0]?.field).toMatch(/^body\.x+…$/);
    expect(p.detail).toContain(`the first ${MAX_FIELD_ERRORS} are listed`);
  });

  test.each([
    ['short', 10, 'short'],
    ['abcdef', 4, 'abc…'],
  ])('clip(%s, %i) is %s', (text, max, want) => {
    expect(clip(text, max)).toBe(want);
  });
});

describe('database errors that slip past a service become 4xx', () => {
  test.each([
    ['23505', 409],
    ['23503', 400],
    ['23514', 400],
    ['22P02', 400],
    ['22001', 400],
    ['22003', 400],
    ['22021', 400],
    ['2200D', 400],
    ['54000', 422],
    ['42501', 403],
  ])('SQLSTATE %s is HTTP %i', (code, status) => {
    expect(translateDatabaseError({ code, constraint: 'facility_code_key' })?.status).toBe(status);
  });

  test.each([
    { code: '57P01' },
    { code: '57P03' },
    { code: '08006' },
    { code: 'ECONNREFUSED' },
    { code: 'ECONNRESET' },
    { message: 'Connection terminated unexpectedly' },
    { message: 'timeout exceeded when trying to connect' },
    { message: 'Client has encountered a connection error and is not queryable' },
    Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]), {}),
  ])('a lost database (%o) is a 503 with a retry hint', (err) => {
    const translated = translateDatabaseError(err);
    expect(translated?.status).toBe(503);
    expect((translated as UnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  test('a 503 answer carries Retry-After and is problem+json', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/x', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    });
    const res = await app.inject({ url: '/x' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('unavailable');
    await app.close();
  });

  test('anything else is not translated (a 500, logged)', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeUndefined();
  });
});

describe('refusals before a route runs are problem+json too', () => {
  test('headers over the server limit: 431 problem+json from the client error handler', async () => {
    const options = { frameworkErrors, clientErrorHandler, http: { maxHeaderSize: 2048 } };
    const app = Fastify(options as FastifyServerOptions);
    registerErrorHandler(app);
    app.get('/x', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port, path: '/x', headers: { 'x-big': 'y'.repeat(8000) } },
          (r) => {
            let body = '';
            r.on('data', (c) => {
              body += c;
            });
            r.on('end', () =>
              resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }),
            );
          },
        );
        req.on('error', reject);
      });
      expect(res.status).toBe(431);
      expect(res.type).toBe('application/problem+json');
      expect(JSON.parse(res.body).code).toBe('headers_too_large');
    } finally {
      await app.close();
    }
  });

  test("bad percent-encoding in a path: 400 problem+json, not Fastify's plain JSON", async () => {
    const app = Fastify({ frameworkErrors });
    registerErrorHandler(app);
    app.get('/x/:id', async () => ({ ok: true }));
    const res = await app.inject({ url: '/x/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('bad_request');
  });
});
