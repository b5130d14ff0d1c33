import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Logger } from 'pino';
import Type from 'typebox';
import { accessRoutes, installAccessControl } from './modules/access/index.ts';
import { appointmentRoutes } from './modules/appointments/index.ts';
import { areaRoutes } from './modules/areas/index.ts';
import { capabilityRoutes } from './modules/capabilities/index.ts';
import { capacityRoutes } from './modules/capacity/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { claimFileImportRoutes, claimFileRoutes, settlementLineRoutes } from './modules/claim-files/index.ts';
import { claimRoutes } from './modules/claims/index.ts';
import { encounterRoutes, todayRoutes } from './modules/encounters/index.ts';
import { facilityRoutes } from './modules/facilities/index.ts';
import { growthRoutes } from './modules/growth/index.ts';
import { immunizationRoutes } from './modules/immunizations/index.ts';
import { insuranceRoutes } from './modules/insurance/index.ts';
import { jobRoutes } from './modules/jobs/index.ts';
import { pregnancyRoutes } from './modules/pregnancies/index.ts';
import { checkProgrammes, figureRoutes, worklistRoutes } from './modules/programmes/index.ts';
import { registryRoutes } from './modules/registry-io.ts';
import { reminderRoutes } from './modules/reminders/index.ts';
import { residentRoutes } from './modules/residents/index.ts';
import { rotationRoutes } from './modules/rotations/index.ts';
import { settlementRoutes } from './modules/settlements/index.ts';
import { requisitionRoutes, stockRoutes } from './modules/stock/index.ts';
import { workforceRoutes } from './modules/workforce/index.ts';
import type { App, AppContext } from './platform/app-context.ts';
import { refuseControlCharacters } from './platform/http/control-characters.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './platform/http/error-handler.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { buildResponseSerializer } from './platform/http/serializer.ts';
import { buildRequestValidator } from './platform/http/validator.ts';
import { serveWebApp } from './platform/http/web-app.ts';
import { profileRoutes } from './platform/profile.routes.ts';

export interface BuildOptions {
  logger?: Logger | boolean;
  /** The built web app to serve at `/` (default web/dist; tests pass their own or none). */
  webDist?: string | null;
}

/** Assembles the HTTP server from the modules. Building is separate from listening, so tests use inject(). */
export async function buildServer(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  // A broken programme file would compute wrong due dates for every resident: refuse to start.
  checkProgrammes(ctx.profile);
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    // Fastify's and Node's own refusals (bad percent-encoding, headers too large) as problem+json too.
    frameworkErrors,
    clientErrorHandler,
    // Query strings, path parameters and headers are coerced; JSON bodies are checked strictly. Both
    // validators and serializers are compiled per route on first use, not at start.
    schemaController: {
      compilersFactory: { buildValidator: buildRequestValidator, buildSerializer: buildResponseSerializer },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  registerErrorHandler(app);
  refuseControlCharacters(app);
  // Helmet's other headers as they come; the CSP and HSTS depend on the request (HTTPS or not, the
  // docs page or the app), so they are ours (security-headers.ts).
  await app.register(helmet, { contentSecurityPolicy: false, hsts: false });
  installSecurityHeaders(app);
  if (ctx.config.corsOrigins.length > 0)
    await app.register(cors, { origin: ctx.config.corsOrigins, credentials: true });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installAccessControl(app, ctx);

  await app.register(swagger, {
    openapi: {
      // TypeBox writes JSON Schema 2020-12 (a numeric exclusiveMinimum, `type: 'null'`), which is what
      // OpenAPI 3.1 schemas are; 3.0 would call them invalid.
      openapi: '3.1.0',
      info: { title: 'Grassroots API', version: '0.1.0', description: 'Primary health care platform' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
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
        security: [],
        response: {
          // An enum, not a union of literals: the serializer of a union needs an Ajv instance, which
          // would cost the first health check of every start about a quarter of a second.
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Enum(['embedded', 'postgres']),
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
      const scoped = api as App;
      profileRoutes(scoped, ctx);
      accessRoutes(scoped, ctx);
      areaRoutes(scoped, ctx);
      facilityRoutes(scoped, ctx);
      workforceRoutes(scoped, ctx);
      rotationRoutes(scoped, ctx);
      capacityRoutes(scoped, ctx);
      capabilityRoutes(scoped, ctx);
      insuranceRoutes(scoped, ctx);
      residentRoutes(scoped, ctx);
      catalogRoutes(scoped, ctx);
      stockRoutes(scoped, ctx);
      requisitionRoutes(scoped, ctx);
      registryRoutes(scoped, ctx);
      todayRoutes(scoped, ctx);
      encounterRoutes(scoped, ctx);
      claimRoutes(scoped, ctx);
      figureRoutes(scoped, ctx);
      jobRoutes(scoped, ctx);
      immunizationRoutes(scoped, ctx);
      pregnancyRoutes(scoped, ctx);
      growthRoutes(scoped, ctx);
      reminderRoutes(scoped, ctx);
      claimFileRoutes(scoped, ctx);
      claimFileImportRoutes(scoped, ctx);
      settlementLineRoutes(scoped, ctx);
      appointmentRoutes(scoped, ctx);
      worklistRoutes(scoped, ctx);
      settlementRoutes(scoped, ctx);
    },
    { prefix: '/api' },
  );
  if (options.webDist !== null) await serveWebApp(app, options.webDist);

  return app;
}
