import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PregnancyFact } from '../programmes/facts.ts';
import { registerLinkedRecordMover } from '../residents/index.ts';
import { movePregnancies, pregnancyFactRows, unmovePregnancies } from './pregnancies.queries.ts';
import { openOnBoth } from './pregnancies.service.ts';

/**
 * The pregnancies module's public surface: routes, the programme engine's pregnancy facts, the demo's
 * bulk load, the dating rules. Other modules import only this file.
 */
export { insertPregnanciesBulk, type PregnancyBulkRow } from './pregnancies.bulk.ts';
export { pregnancyRoutes } from './pregnancies.routes.ts';
export {
  eddFromLmp,
  eddFromUltrasound,
  type GestationalAge,
  gestationalAgeOn,
  startOf,
  TERM_DAYS,
} from './pregnancies.rules.ts';
export type { Pregnancy, PregnancyInput, PregnancyList } from './pregnancies.schema.ts';

const BATCH = 1000;

/**
 * The pregnancies in force (retracted ones left out) of these residents, oldest first (by EDD):
 * every id asked for has an entry (an empty list when none). Read in batches of 1,000 residents.
 * `lmp` is the recorded LMP only when the EDD was computed from it; when an ultrasound dated the
 * pregnancy it is null, so that a schedule counted from `lmp ?? EDD − 280` follows the dating in force.
 */
export async function pregnancyFactsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, PregnancyFact[]>> {
  const ids = [...new Set(residentIds)];
  const out = new Map<string, PregnancyFact[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const r of await pregnancyFactRows(db, ids.slice(i, i + BATCH))) {
      out.get(r.resident_id)?.push({
        id: r.id,
        lmp: r.dated_by === 'lmp' ? r.lmp : null,
        edd: r.edd,
        outcome: r.outcome,
        outcomeDate: r.outcome_date,
      });
    }
  }
  return out;
}

// A merge of duplicate residents carries their pregnancies to the survivor (an undo brings them back);
// two open pregnancies cannot be one woman's: the merge is refused, nothing moves.
registerLinkedRecordMover({
  name: 'pregnancies',
  async move(trx, from, to) {
    const both = await openOnBoth(trx, from.id, to.id);
    if (both)
      throw new AppError(
        'pregnancy_open',
        `both residents have an open pregnancy (${both[1]} and ${both[0]}): record one's outcome, or retract the one entered twice, before merging`,
      );
    return movePregnancies(trx, from.id, to);
  },
  undo: (trx, ids, from) => unmovePregnancies(trx, ids, from),
});
