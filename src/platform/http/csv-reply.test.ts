import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { streamCsv } from '../csv/csv-export.ts';
import { sendCsv } from './csv-reply.ts';
import { registerErrorHandler } from './error-handler.ts';
import { badRequest } from './errors.ts';

/** A CSV route whose rows fail after `good` rows (or at once when 0). */
async function appFailingAfter(good: number) {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/export', async (_req, reply) => {
    async function* rows() {
      for (let i = 0; i < good; i++) yield [i, 'x'.repeat(100_000)];
      throw badRequest('No such filter value', 'query.user');
    }
    await sendCsv(reply, 'x.csv', (out) => streamCsv(out, ['n', 'text'], rows()));
  });
  await app.ready();
  return app;
}

describe('a CSV download that fails', () => {
  test('before its first byte is answered as the problem+json of the failure', async () => {
    const app = await appFailingAfter(0);
    const res = await app.inject({ url: '/export' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json().errors[0].field).toBe('query.user');
    await app.close();
  });

  test('after its first byte is cut: the reply ends (the client never waits), without a full file', async () => {
    const app = await appFailingAfter(3);
    // The download either ends short or is aborted: both end the inject, neither hangs.
    const res = await Promise.race([
      app.inject({ url: '/export' }).then(
        (r) => ({ ended: true, length: r.rawPayload.length }),
        () => ({ ended: true, length: 0 }),
      ),
      new Promise<{ ended: false; length: number }>((resolve) =>
        setTimeout(() => resolve({ ended: false, length: 0 }), 10_000).unref(),
      ),
    ]);
    expect(res.ended).toBe(true);
    await app.close();
  });

  test('streams every row when nothing fails', async () => {
    const app = Fastify();
    app.get('/export', async (_req, reply) => {
      await sendCsv(reply, 'x.csv', (out) => streamCsv(out, ['n'], Readable.from([[1], [2]])));
    });
    const res = await app.inject({ url: '/export' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('n\n1\n2\n');
    await app.close();
  });
});
