import type { App, AppContext } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { recordAccess, recordCallerOf, residentRecordRoutes } from '../../platform/resident-records.ts';
import {
  AmendPregnancyBody,
  OutcomeInput,
  Pregnancy,
  PregnancyAmendmentAnswer,
  PregnancyInput,
  PregnancyList,
  PregnancyParams,
} from './pregnancies.schema.ts';
import { amendPregnancy, listPregnancies, recordOutcome, recordPregnancy } from './pregnancies.service.ts';

const doc = routeDoc(['pregnancies']);

/** A woman's pregnancies: record (idempotent by the client's id), list, close by the outcome, correct by amendments. */
export function pregnancyRoutes(app: App, _ctx: AppContext): void {
  residentRecordRoutes(app, {
    tags: ['pregnancies'],
    name: 'pregnancies',
    noun: ['pregnancy', 'pregnancies'],
    list: { answer: PregnancyList, read: listPregnancies },
    create: {
      summary:
        'Record a pregnancy dated by the LMP, an ultrasound, or both (the EDD computed and stored); one open at a time (409 pregnancy_open)',
      body: PregnancyInput,
      answer: Pregnancy,
      record: async (ctx, residentId, body, caller) => {
        const r = await recordPregnancy(ctx, residentId, body, caller);
        return { created: r.created, value: r.pregnancy };
      },
    },
    amend: {
      summary:
        'Correct a pregnancy: its dating or outcome in place (the values before and after kept), or retract it (entered in error)',
      params: PregnancyParams,
      body: AmendPregnancyBody,
      answer: PregnancyAmendmentAnswer,
      amend: amendPregnancy,
    },
  });

  app.post(
    '/pregnancies/:id/outcome',
    doc(
      recordAccess.write,
      "Record a pregnancy's outcome (live birth, stillbirth, miscarriage, abortion) and its date; the same outcome again answers as it did, another one 409 (amend it)",
      { params: PregnancyParams, body: OutcomeInput, response: { 200: Pregnancy } },
    ),
    (req) => recordOutcome(req.ctx, req.params.id, req.body, recordCallerOf(req)),
  );
}
