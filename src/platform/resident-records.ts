import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { App, AppContext } from './app-context.ts';
import { created } from './http/replies.ts';
import { routeDoc } from './http/route-doc.ts';
import { ResidentParams } from './schema.ts';

/**
 * A resident's clinical records kept with amendments (immunizations, pregnancies, and the record kinds
 * to come), declared once: the list's shape and the three routes each such module has.
 * - `GET /residents/:id/<name>`: every record, oldest first, the retracted ones marked, with the amendments;
 * - `POST /residents/:id/<name>`: records one under the client's UUID v7 (201; the same create again
 *   answers 200 with the stored record, another body 409);
 * - `POST /<name>/:id/amendments`: corrects one (the same amendment again answers as it did).
 * Reads need care.read and writes care.write; the caller is the signed-in user.
 */

/** Who records a clinical record: the signed-in user. */
export interface RecordCaller {
  userId: string | null;
}

export const recordCallerOf = (req: FastifyRequest): RecordCaller => ({
  userId: req.principal?.userId ?? null,
});

export const recordAccess = {
  read: { permission: 'care.read' },
  write: { permission: 'care.write' },
} as const;

type Answer<S extends TSchema> = Promise<Static<S>>;

export function residentRecordRoutes<
  L extends TSchema,
  B extends TSchema,
  R extends TSchema,
  P extends TSchema,
  AB extends TSchema,
  AA extends TSchema,
>(
  app: App,
  r: {
    tags: string[];
    /** The records in the paths: `immunizations`, `pregnancies`. */
    name: string;
    /** The records in the summaries, one and many: `dose`, `doses`. */
    noun: [one: string, many: string];
    list: { answer: L; read: (ctx: AppContext, residentId: string) => Answer<L> };
    create: {
      /** What a record is, before the words on its UUID v7 every create shares. */
      summary: string;
      body: B;
      answer: R;
      record: (
        ctx: AppContext,
        residentId: string,
        body: Static<B>,
        caller: RecordCaller,
      ) => Promise<{ created: boolean; value: Static<R> }>;
    };
    amend: {
      /** What a correction does, before the words on a repeat every amendment shares. */
      summary: string;
      params: P;
      body: AB;
      answer: AA;
      amend: (ctx: AppContext, id: string, body: Static<AB>, caller: RecordCaller) => Answer<AA>;
    };
  },
): void {
  const doc = routeDoc(r.tags);
  const [one, many] = r.noun;
  const { list, create, amend } = r;
  const path = `/residents/:id/${r.name}`;
  // Fastify cannot resolve a reply type from a generic schema: the functions' own types are checked instead.
  app.get(
    path,
    doc(
      recordAccess.read,
      `A resident's ${many}, oldest first, the retracted ones marked, with the amendments`,
      {
        params: ResidentParams,
        response: { 200: list.answer },
      },
    ),
    (req) => list.read(req.ctx, req.params.id) as never,
  );
  app.post(
    path,
    doc(
      recordAccess.write,
      `${create.summary}; client-supplied UUID v7: the same create again answers 200 with the stored ${one}, another body 409`,
      { params: ResidentParams, body: create.body, response: { 200: create.answer, 201: create.answer } },
    ),
    (req, reply) =>
      create
        .record(req.ctx, req.params.id, req.body as Static<B>, recordCallerOf(req))
        .then((s) => (s.created ? created(reply, s.value) : s.value)) as never,
  );
  app.post(
    `/${r.name}/:id/amendments`,
    doc(recordAccess.write, `${amend.summary}; the same amendment again answers as it did`, {
      params: amend.params,
      body: amend.body,
      response: { 200: amend.answer },
    }),
    (req) =>
      amend.amend(
        req.ctx,
        (req.params as { id: string }).id,
        req.body as Static<AB>,
        recordCallerOf(req),
      ) as never,
  );
}
