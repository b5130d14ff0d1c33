import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  AmendPregnancyBody,
  OutcomeInput,
  Pregnancy,
  PregnancyAmendmentAnswer,
  PregnancyInput,
  PregnancyList,
  PregnancyParams,
  ResidentParams,
} from './pregnancies.schema.ts';
import {
  amendPregnancy,
  type Caller,
  listPregnancies,
  recordOutcome,
  recordPregnancy,
} from './pregnancies.service.ts';

const doc = routeDoc(['pregnancies']);
const read = { permission: 'care.read' } as const;
const write = { permission: 'care.write' } as const;

const callerOf = (req: FastifyRequest): Caller => ({ userId: req.principal?.userId ?? null });

/** A woman's pregnancies: record (idempotent by the client's id), list, close by the outcome, correct by amendments. */
export function pregnancyRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/residents/:id/pregnancies',
    doc(read, "A resident's pregnancies, oldest first, the retracted ones marked, with the amendments", {
      params: ResidentParams,
      response: { 200: PregnancyList },
    }),
    (req) => listPregnancies(req.ctx, req.params.id),
  );

  app.post(
    '/residents/:id/pregnancies',
    doc(
      write,
      'Record a pregnancy dated by the LMP, an ultrasound, or both (the EDD computed and stored); one open at a time (409 pregnancy_open); client-supplied UUID v7: the same create again answers 200 with the stored pregnancy, another body 409',
      { params: ResidentParams, body: PregnancyInput, response: { 200: Pregnancy, 201: Pregnancy } },
    ),
    async (req, reply) => {
      const r = await recordPregnancy(req.ctx, req.params.id, req.body, callerOf(req));
      return r.created ? created(reply, r.pregnancy) : r.pregnancy;
    },
  );

  app.post(
    '/pregnancies/:id/outcome',
    doc(
      write,
      "Record a pregnancy's outcome (live birth, stillbirth, miscarriage, abortion) and its date; the same outcome again answers as it did, another one 409 (amend it)",
      { params: PregnancyParams, body: OutcomeInput, response: { 200: Pregnancy } },
    ),
    (req) => recordOutcome(req.ctx, req.params.id, req.body, callerOf(req)),
  );

  app.post(
    '/pregnancies/:id/amendments',
    doc(
      write,
      'Correct a pregnancy: its dating or outcome in place (the values before and after kept), or retract it (entered in error); the same amendment again answers as it did',
      { params: PregnancyParams, body: AmendPregnancyBody, response: { 200: PregnancyAmendmentAnswer } },
    ),
    (req) => amendPregnancy(req.ctx, req.params.id, req.body, callerOf(req)),
  );
}
