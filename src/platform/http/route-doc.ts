import type { FastifyContextConfig, FastifySchema } from 'fastify';

/**
 * What a route declares besides its path and handler: the permission it needs (`config`) and its
 * OpenAPI documentation around the schemas that validate it. Made once per module with the module's
 * tags, so each route says only what is its own:
 *
 * @example
 * const doc = routeDoc(['facilities']);
 * app.get('/facilities/:id', doc(read, 'One facility', { params, response: { 200: FacilityDetail } }), handler);
 */
export function routeDoc(tags: string[]) {
  return <S extends FastifySchema>(config: FastifyContextConfig, summary: string, schema: S) => ({
    config,
    schema: { tags, summary, ...schema },
  });
}
