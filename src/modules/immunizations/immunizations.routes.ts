import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  AmendImmunizationBody,
  AmendmentAnswer,
  DoseInput,
  Immunization,
  ImmunizationList,
  ImmunizationParams,
  ResidentParams,
} from './immunizations.schema.ts';
import {
  amendImmunization,
  type Caller,
  listImmunizations,
  recordImmunization,
} from './immunizations.service.ts';
import { vaccines } from './vaccines.ts';

const doc = routeDoc(['immunizations']);
const read = { permission: 'care.read' } as const;
const write = { permission: 'care.write' } as const;

const callerOf = (req: FastifyRequest): Caller => ({ userId: req.principal?.userId ?? null });

/** A resident's doses: record (idempotent by the client's id), list, correct by amendments. */
export function immunizationRoutes(app: App, _ctx: AppContext): void {
  // A broken vaccine list stops the start, as a broken profile does.
  vaccines();

  app.get(
    '/residents/:id/immunizations',
    doc(read, "A resident's doses, oldest first, the retracted ones marked, with the amendments", {
      params: ResidentParams,
      response: { 200: ImmunizationList },
    }),
    (req) => listImmunizations(req.ctx, req.params.id),
  );

  app.post(
    '/residents/:id/immunizations',
    doc(
      write,
      "Record a dose given here or elsewhere (from the child's booklet); client-supplied UUID v7: the same create again answers 200 with the stored dose, another body 409",
      { params: ResidentParams, body: DoseInput, response: { 200: Immunization, 201: Immunization } },
    ),
    async (req, reply) => {
      const r = await recordImmunization(req.ctx, req.params.id, req.body, callerOf(req));
      return r.created ? created(reply, r.immunization) : r.immunization;
    },
  );

  app.post(
    '/immunizations/:id/amendments',
    doc(
      write,
      'Correct a dose: retract it (kept, marked) or retract and replace it; the same amendment again answers as it did',
      { params: ImmunizationParams, body: AmendImmunizationBody, response: { 200: AmendmentAnswer } },
    ),
    (req) => amendImmunization(req.ctx, req.params.id, req.body, callerOf(req)),
  );
}
