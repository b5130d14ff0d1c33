import type { FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { App, Permission } from '../app-context.ts';
import { created } from './replies.ts';
import { routeDoc } from './route-doc.ts';

type Access = { permission: Permission };
type Request<Params, Body, Query> = FastifyRequest<{ Params: Params; Body: Body; Querystring: Query }>;
type Handler<Params, Body, Query, Answer> = (req: Request<Params, Body, Query>) => Promise<Answer> | Answer;

/**
 * A registry resource's routes, the contract every register (areas, facilities, households, residents,
 * workers, rotations) keeps, declared once: `GET path` lists (a query, a page), `GET path/:id` gives one
 * record, `POST path` registers one (201), `PATCH path/:id` updates it and `POST path/:id/<action>`
 * changes its state; every answer about one record is its `detail` schema, reads need `<permissions>.read`
 * and writes `<permissions>.write`. Each route still names its summary and its service call; `doc` is the module's `routeDoc` for
 * the routes outside this pattern, with `read` and `write`.
 *
 * @example
 * const facility = resourceRoutes(app, '/facilities', { tags: ['facilities'], permissions: 'facilities', params, detail });
 * facility.one('One facility', (req) => getFacility(req.ctx, req.params.id));
 */
export function resourceRoutes<P extends TSchema, D extends TSchema>(
  app: App,
  path: string,
  resource: { tags: string[]; permissions: string; params: P; detail: D },
) {
  const doc = routeDoc(resource.tags);
  const { params, detail } = resource;
  const read: Access = { permission: `${resource.permissions}.read` };
  const write: Access = { permission: `${resource.permissions}.write` };
  const add = (
    method: HTTPMethods,
    url: string,
    access: Access,
    summary: string,
    schema: FastifySchema,
    // biome-ignore lint/suspicious/noExplicitAny: each method below types its handler from its schemas.
    handler: (req: any) => unknown,
    extra: { status?: 201; bodyOptional?: boolean } = {},
  ) => {
    app.route({
      method,
      url,
      ...doc(access, summary, schema),
      ...(extra.bodyOptional
        ? {
            preValidation: async (req: FastifyRequest) => {
              req.body ??= {};
            },
          }
        : {}),
      handler:
        extra.status === 201
          ? async (req: FastifyRequest, reply: FastifyReply) => created(reply, await handler(req))
          : handler,
    } as never);
  };
  const response = { 200: detail };

  return {
    doc,
    read,
    write,
    /** `GET path`: the list, filtered by its query, one page at a time. */
    list<Q extends TSchema, Page extends TSchema>(
      summary: string,
      querystring: Q,
      page: Page,
      handler: Handler<unknown, unknown, Static<Q>, Static<Page>>,
    ) {
      add('GET', path, read, summary, { querystring, response: { 200: page } }, handler);
    },
    /** `GET path/:id`: one record. */
    one(summary: string, handler: Handler<Static<P>, unknown, unknown, Static<D>>) {
      add('GET', `${path}/:id`, read, summary, { params, response }, handler);
    },
    /** `POST path`: registers a record, answered with 201. */
    create<B extends TSchema>(
      summary: string,
      body: B,
      handler: Handler<unknown, Static<B>, unknown, Static<D>>,
    ) {
      add('POST', path, write, summary, { body, response: { 201: detail } }, handler, { status: 201 });
    },
    /** `PATCH path/:id`: changes the fields the body names. */
    update<B extends TSchema>(
      summary: string,
      body: B,
      handler: Handler<Static<P>, Static<B>, unknown, Static<D>>,
    ) {
      add('PATCH', `${path}/:id`, write, summary, { params, body, response }, handler);
    },
    /**
     * `POST path/:id/<name>`: a change of state (deactivate, status, cancel), with a body or none; a body
     * marked optional may be left out of the request (a bare POST, as `{}`).
     */
    action<B extends TSchema>(
      name: string,
      summary: string,
      body: B | null,
      handler: Handler<Static<P>, Static<B>, unknown, Static<D>>,
      options: { bodyOptional?: boolean } = {},
    ) {
      const schema = body ? { params, body, response } : { params, response };
      add('POST', `${path}/:id/${name}`, write, summary, schema, handler, options);
    },
  };
}
