import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The web app's Content-Security-Policy: helmet's defaults with scripts from this origin only (the
 * built index.html loads its script from /assets, no inline script). Styles keep 'unsafe-inline':
 * Mantine writes its CSS variables into a style element at run time.
 */
const APP_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' https: 'unsafe-inline'",
];
/** The OpenAPI page (/api/docs) runs swagger-ui's own inline script and styles. */
const DOCS_CSP = APP_CSP.map((d) => (d === "script-src 'self'" ? "script-src 'self' 'unsafe-inline'" : d));

/** No camera or microphone; location for this origin only (a visit's place on the map). */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()';

/** API answers that carry no personal data and may be cached as usual. */
const CACHEABLE_API = ['/api/health', '/api/profile', '/api/docs'];

/**
 * The security headers of one answer. HSTS and `upgrade-insecure-requests` only when the request came
 * over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto): sent over plain HTTP they
 * would make a browser refuse a station's server reached at http://192.168.… Every /api answer but
 * the few in CACHEABLE_API is `no-store`: it may carry personal data, which must not stay in a shared
 * computer's cache or a proxy.
 */
export function securityHeaders(req: { url: string; https: boolean }): Record<string, string> {
  const path = req.url.split('?')[0] ?? '/';
  const underDocs = path === '/api/docs' || path.startsWith('/api/docs/');
  const csp = [...(underDocs ? DOCS_CSP : APP_CSP), ...(req.https ? ['upgrade-insecure-requests'] : [])];
  const headers: Record<string, string> = {
    'content-security-policy': csp.join('; '),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  if (req.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  const api = path === '/api' || path.startsWith('/api/');
  if (api && !CACHEABLE_API.some((p) => path === p || path.startsWith(`${p}/`)))
    headers['cache-control'] = 'no-store';
  return headers;
}

/** Sets securityHeaders on every answer, errors and 404s included (helmet sets the others). */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req: FastifyRequest, reply, payload) => {
    reply.headers(securityHeaders({ url: req.url, https: req.protocol === 'https' }));
    return payload;
  });
}
