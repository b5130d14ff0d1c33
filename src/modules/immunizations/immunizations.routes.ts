import type { App, AppContext } from '../../platform/app-context.ts';
import { residentRecordRoutes } from '../../platform/resident-records.ts';
import {
  AmendImmunizationBody,
  AmendmentAnswer,
  DoseInput,
  Immunization,
  ImmunizationList,
  ImmunizationParams,
} from './immunizations.schema.ts';
import { amendImmunization, listImmunizations, recordImmunization } from './immunizations.service.ts';
import { vaccines } from './vaccines.ts';

/** A resident's doses: record (idempotent by the client's id), list, correct by amendments. */
export function immunizationRoutes(app: App, _ctx: AppContext): void {
  // A broken vaccine list stops the start, as a broken profile does.
  vaccines();

  residentRecordRoutes(app, {
    tags: ['immunizations'],
    name: 'immunizations',
    noun: ['dose', 'doses'],
    list: { answer: ImmunizationList, read: listImmunizations },
    create: {
      summary: "Record a dose given here or elsewhere (from the child's booklet)",
      body: DoseInput,
      answer: Immunization,
      record: async (ctx, residentId, body, caller) => {
        const r = await recordImmunization(ctx, residentId, body, caller);
        return { created: r.created, value: r.immunization };
      },
    },
    amend: {
      summary: 'Correct a dose: retract it (kept, marked) or retract and replace it',
      params: ImmunizationParams,
      body: AmendImmunizationBody,
      answer: AmendmentAnswer,
      amend: amendImmunization,
    },
  });
}
