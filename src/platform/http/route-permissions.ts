import type { FastifyInstance } from 'fastify';

/** Every route under /api must declare the permission it needs; the server refuses to start otherwise. */
export function requirePermissionOnEveryRoute(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!permission) {
      throw new Error(
        `Route ${route.method} ${route.url} declares no permission: add config: { permission }`,
      );
    }
  });
}
