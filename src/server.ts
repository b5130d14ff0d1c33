import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { Logger } from 'pino';
import Type from 'typebox';
import { areaRoutes } from './modules/areas/index.ts';
import { capacityRoutes } from './modules/capacity/index.ts';
import { facilityRoutes } from './modules/facilities/index.ts';
import { rotationRoutes } from './modules/rotations/index.ts';
import { workforceRoutes } from './modules/workforce/index.ts';
import type { App, AppContext } from './platform/app-context.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { requirePermissionOnEveryRoute } from './platform/http/route-permissions.ts';

export interface BuildOptions {
  logger?: Logger | boolean;
}

/** Assembles the HTTP server from the modules. Building is separate from listening, so tests use inject(). */
export async function buildServer(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: 10 * 1024 * 1024,
    ajv: {
      // Report every bad field at once; refuse unknown fields instead of silently dropping them.
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<import('@fastify/type-provider-typebox').TypeBoxTypeProvider>() as unknown as App;

  registerErrorHandler(app);
  requirePermissionOnEveryRoute(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Grassroots API', version: '0.1.0', description: 'Primary health care platform' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and which database engine is in use',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
          }),
        },
      },
    },
    async () => {
      await ctx.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const, database: ctx.engine };
    },
  );

  await app.register(
    async (api) => {
      areaRoutes(api as App, ctx);
      facilityRoutes(api as App, ctx);
      workforceRoutes(api as App, ctx);
      rotationRoutes(api as App, ctx);
      capacityRoutes(api as App, ctx);
    },
    { prefix: '/api' },
  );

  return app;
}
