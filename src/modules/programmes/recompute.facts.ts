import type { Db } from '../../platform/db/database.ts';
import { problemFactsOf, visitFactsOf } from '../encounters/index.ts';
import { doseFactsOf } from '../immunizations/index.ts';
import { pregnancyFactsOf } from '../pregnancies/index.ts';
import { residentCareRefsByIds } from '../residents/index.ts';
import type { ResidentFacts } from './facts.ts';

/**
 * What the engine reads about residents, assembled from the modules that hold the records (each
 * reads a batch in a few statements). A record merged into another or deactivated counts as not
 * active: nothing is due to it (its survivor carries its records).
 */
export interface LoadedResident {
  facts: ResidentFacts;
  /** The resident's place: where its derived rows are kept. */
  areaPath: string;
}

export async function residentFactsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, LoadedResident>> {
  const ids = [...new Set(residentIds)];
  const refs = await residentCareRefsByIds(db, ids);
  const known = ids.filter((id) => refs.has(id));
  const doses = await doseFactsOf(db, known);
  const pregnancies = await pregnancyFactsOf(db, known);
  const problems = await problemFactsOf(db, known);
  const visits = await visitFactsOf(db, known);
  const out = new Map<string, LoadedResident>();
  for (const id of known) {
    const ref = refs.get(id)!;
    out.set(id, {
      areaPath: ref.areaPath,
      facts: {
        residentId: id,
        birthDate: ref.birthDate,
        sex: ref.sex,
        status: ref.active ? ref.status : 'merged',
        doses: doses.get(id) ?? [],
        pregnancies: pregnancies.get(id) ?? [],
        problems: problems.get(id) ?? [],
        visits: visits.get(id) ?? [],
      },
    });
  }
  return out;
}
