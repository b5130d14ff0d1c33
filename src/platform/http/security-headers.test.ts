import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeOnBothEngines, TEST_ADMIN } from '../../../test/support/engines.ts';
import { buildServer } from '../../server.ts';
import type { App } from '../app-context.ts';
import { PERMISSIONS_POLICY, securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  test('over plain HTTP: no HSTS and no upgrade-insecure-requests (a station at http://192.168.…)', () => {
    const h = securityHeaders({ url: '/', https: false });
    expect(h['strict-transport-security']).toBeUndefined();
    expect(h['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(h['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(h['cache-control']).toBeUndefined();
  });

  test('over HTTPS: HSTS and upgrade-insecure-requests', () => {
    const h = securityHeaders({ url: '/residents/1', https: true });
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(h['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });

  test.each([
    ['/api/residents?q=an', 'no-store'],
    ['/api/auth/session', 'no-store'],
    ['/api', 'no-store'],
    ['/api/healthz', 'no-store'],
    ['/api/health', undefined],
    ['/api/profile', undefined],
    ['/api/docs/static/index.html', undefined],
    ['/assets/app.js', undefined],
  ])('%s: Cache-Control %s', (url, want) => {
    expect(securityHeaders({ url, https: false })['cache-control']).toBe(want);
  });

  test("only the OpenAPI page allows inline scripts; nothing else allows 'unsafe-inline' scripts", () => {
    const script = (url: string) =>
      (securityHeaders({ url, https: false })['content-security-policy'] ?? '')
        .split('; ')
        .find((d) => d.startsWith('script-src '));
    expect(script('/api/docs')).toBe("script-src 'self' 'unsafe-inline'");
    expect(script('/api/docs/static/swagger-initializer.js')).toBe("script-src 'self' 'unsafe-inline'");
    for (const url of ['/', '/index.html', '/api/residents', '/api/docsx'])
      expect(script(url)).toBe("script-src 'self'");
  });
});

describeOnBothEngines('security headers over real HTTP', (t) => {
  let app: App;
  let base: string;
  let webDist: string;

  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-web-'));
    fs.writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>',
    );
    // A server as deployed behind a reverse proxy that says how the request came in.
    const ctx = { ...t().ctx, config: { ...t().ctx.config, trustProxy: true } };
    app = await buildServer(ctx, { webDist });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const signIn = (headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(TEST_ADMIN),
    });

  test('the web app over plain HTTP: its CSP allows no inline script, and no HSTS or upgrade', async () => {
    const res = await fetch(`${base}/facilities/123`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test('behind the proxy over HTTPS: HSTS and upgrade-insecure-requests', async () => {
    const res = await fetch(`${base}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
  });

  test('answers with personal data are no-store, errors included; health and profile are not', async () => {
    const login = await signIn();
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    for (const url of [
      '/api/auth/session',
      '/api/residents?q=a',
      '/api/residents/not-an-id',
      '/api/nothing-here',
    ]) {
      const res = await fetch(`${base}${url}`, { headers: auth });
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      expect(res.headers.get('permissions-policy'), url).toBe(PERMISSIONS_POLICY);
    }
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${base}/api/health`)).headers.get('cache-control')).not.toBe('no-store');
    expect((await fetch(`${base}/api/profile`)).headers.get('cache-control')).not.toBe('no-store');
  });

  test('the session cookie is Secure over HTTPS (through the proxy), not over plain HTTP; logout clears it with the same attributes', async () => {
    const plain = await signIn();
    const plainCookie = plain.headers.getSetCookie().join('\n');
    expect(plainCookie).toMatch(/HttpOnly/);
    expect(plainCookie).not.toMatch(/Secure/);

    const https = { 'x-forwarded-proto': 'https' };
    const login = await signIn(https);
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const { token } = (await login.json()) as { token: string };
    const out = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { ...https, authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    const [cleared] = out.headers.getSetCookie();
    expect(cleared).toMatch(/^grassroots_session=;/);
    const attributes = (c: string) =>
      c
        .split('; ')
        .slice(1)
        .filter((a) => !/^(Expires|Max-Age)=/i.test(a))
        .sort();
    expect(attributes(cleared!)).toEqual(attributes(cookie!));
  });
});
