import type { Db } from '../../platform/db/database.ts';
import { withoutScope } from '../../platform/db/unscoped.ts';
import { enqueueJob, findUnfinishedJob } from '../jobs/index.ts';
import { areasOfResidentsWrittenSince, residentsWriteMark } from '../residents/index.ts';
import { commonArea } from './recompute.rules.ts';

/**
 * The recompute after a bulk write of the registry (a residents import): not resident by resident
 * inside the import (it stays near the speed of a raw COPY), but the job `programmes.recompute` over
 * the one area holding every resident the import wrote, queued when the import ends. A worker (that
 * of `serve`) runs it; the CLI import runs it to its end itself.
 */

/** A mark taken before the bulk write: `queueRecomputeSince` covers what was written after it. */
export const recomputeMark = residentsWriteMark;

/**
 * Queues `programmes.recompute` for the area of the residents written since `mark` (the id of the job
 * queued, or of one queued for that area and not yet begun), or null when none was written.
 */
export async function queueRecomputeSince(db: Db, mark: string, now: Date): Promise<string | null> {
  // Read in the caller's scope (an HTTP import sees the residents it could write), queued as the owner:
  // the area holding a scope of several places may lie outside it, and the job is the system's work.
  const paths = await areasOfResidentsWrittenSince(db, mark);
  if (paths.length === 0) return null;
  const areaPath = commonArea(paths);
  return withoutScope(db, async (owner) => {
    const waiting = await findUnfinishedJob(owner, 'programmes.recompute', areaPath);
    if (waiting?.state === 'queued' && waiting.checkpoint === null) return waiting.id;
    const { job } = await enqueueJob(owner, {
      kind: 'programmes.recompute',
      payload: { areaPath },
      areaPath,
      now,
    });
    return job.id;
  });
}
