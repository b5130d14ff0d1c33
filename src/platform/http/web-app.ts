import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-context.ts';
import { PROJECT_ROOT } from '../project-root.ts';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = path.join(PROJECT_ROOT, 'web/dist');

const API_PREFIXES = ['/api/', '/api', '/fhir/'];

/**
 * Serves the built web app at `/`: hashed assets cached for a year (with their .br/.gz made at build
 * time, for slow links), and index.html, never cached, for every other page path so that a reload of
 * /facilities/123 opens the app there. Paths under /api and /fhir stay the API's (a 404 problem+json).
 */
export async function serveWebApp(app: App, distDir = WEB_DIST): Promise<void> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn('The web app is not built (run `npm run build:web`): serving the API only');
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Grassroots: the web app is not built. Run `npm run build:web`, or start with `npm start`.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Cache-Control is ours (setHeaders): the plugin's own would say max-age=0 for everything.
    cacheControl: false,
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', async (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((p) => pathname === p || pathname.startsWith(p)) || path.extname(pathname) !== '') {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
