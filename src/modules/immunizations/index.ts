import type { Db } from '../../platform/db/database.ts';
import type { DoseFact } from '../programmes/facts.ts';
import { registerLinkedRecordMover } from '../residents/index.ts';
import { doseRowsOf, moveImmunizations, unmoveImmunizations } from './immunizations.queries.ts';

/**
 * The immunizations module's public surface: routes, the programme engine's dose facts, the demo's
 * bulk load, the vaccine list. Other modules import only this file.
 */
export { type ImmunizationBulkRow, insertImmunizationsBulk } from './immunizations.bulk.ts';
export { immunizationRoutes } from './immunizations.routes.ts';
export type { DoseInput, Immunization, ImmunizationList } from './immunizations.schema.ts';
export { LIVE_KINDS, type Vaccine, vaccines } from './vaccines.ts';

const BATCH = 1000;

/**
 * The doses in force (retracted ones left out) of these residents, oldest first: every id asked for
 * has an entry (an empty list when none). Read in batches of 1,000 residents.
 */
export async function doseFactsOf(db: Db, residentIds: readonly string[]): Promise<Map<string, DoseFact[]>> {
  const ids = [...new Set(residentIds)];
  const out = new Map<string, DoseFact[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const r of await doseRowsOf(db, ids.slice(i, i + BATCH))) {
      out.get(r.resident_id)?.push({
        id: r.id,
        vaccine: r.vaccine,
        date: r.given_on,
        doseNumber: r.dose_number,
        givenElsewhere: r.given_elsewhere,
      });
    }
  }
  return out;
}

// A merge of duplicate residents carries their doses to the survivor (and an undo brings them back).
registerLinkedRecordMover({
  name: 'immunizations',
  move: (trx, from, to) => moveImmunizations(trx, from.id, to),
  undo: (trx, ids, from) => unmoveImmunizations(trx, ids, from),
});
