import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../app-context.ts';
import { registerErrorHandler } from './error-handler.ts';
import { serveWebApp } from './web-app.ts';

async function appServing(dist: string): Promise<App> {
  const app = Fastify() as unknown as App;
  registerErrorHandler(app);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await serveWebApp(app, dist);
  return app;
}

describe('serving the built web app', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-web-'));
  let app: App;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    const script = 'console.log("grassroots");'.repeat(50);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(script));
    app = await appServing(dist);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test('a page path of the app answers index.html, not cached, so a reload opens the app there', async () => {
    for (const url of ['/', '/facilities', '/residents/0193/edit?tab=cards']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  test('hashed assets are cached for a year and sent compressed when the browser accepts it', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  test('unknown API paths and missing files stay 404 problems, not the app page', async () => {
    for (const url of ['/api/nothing-here', '/api', '/fhir/R4/Patient', '/assets/missing.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  test('without a build the server still runs the API and says how to build the app', async () => {
    const bare = await appServing(path.join(dist, 'not-built'));
    const res = await bare.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:web');
    await bare.close();
  });
});
