import { createRotation } from '../modules/rotations/index.ts';
import { addTrainingBatch, findWorkersByCodes } from '../modules/workforce/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { AppError } from '../platform/http/errors.ts';
import { ProgressBar } from '../platform/progress.ts';
import type { DemoRotation, DemoTraining } from './generate-activities.ts';

/**
 * Loads the demo's rotations and training records through the rotations and workforce modules' own
 * service functions, so every rule (clash check, home facility, dates) applies to them as to any
 * user's input. A refused row is a bug in the demo plan: the load stops and says which and why.
 */

/** Worker ids by staff number; a code the workers step did not load is a bug in the generator. */
async function workerIds(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  const found = await findWorkersByCodes(ctx.db, codes);
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length > 0) throw new Error(`demo: unknown worker code(s) ${missing.slice(0, 5).join(', ')}`);
  return new Map([...found].map(([code, w]) => [code, w.id]));
}

function explain(err: unknown, what: string): Error {
  if (!(err instanceof AppError)) return err as Error;
  const fields = err.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new Error(
    `demo ${what} refused (a bug in the demo plan): ${err.message}${fields ? ` (${fields})` : ''}`,
  );
}

/** Plans every rotation with createRotation; a clash (409) or a bad field (400) stops the load. */
export async function loadRotations(
  ctx: AppContext,
  rotations: DemoRotation[],
  output: boolean,
): Promise<number> {
  const ids = await workerIds(
    ctx,
    rotations.map((r) => r.workerCode),
  );
  const bar = output ? new ProgressBar('Demo rotations ', rotations.length) : undefined;
  for (const [i, r] of rotations.entries()) {
    try {
      await createRotation(ctx, {
        workerId: ids.get(r.workerCode)!,
        homeFacilityCode: r.homeFacilityCode,
        hostFacilityCode: r.hostFacilityCode,
        startDate: r.startDate,
        endDate: r.endDate,
        weekdays: r.weekdays,
        session: r.session,
        note: r.note,
      });
    } catch (err) {
      throw explain(err, `rotation of ${r.workerCode} to ${r.hostFacilityCode}`);
    }
    bar?.update(i + 1);
  }
  bar?.finish(rotations.length);
  return rotations.length;
}

/** Adds every training record with addTrainingBatch, dated relative to the load date `today`. */
export async function loadTraining(
  ctx: AppContext,
  training: DemoTraining[],
  today: string,
  output: boolean,
): Promise<number> {
  const ids = await workerIds(
    ctx,
    training.map((t) => t.workerCode),
  );
  const bar = output ? new ProgressBar('Demo training  ', training.length) : undefined;
  // A thousand records a statement: one by one, the first start spent a minute here.
  for (let start = 0; start < training.length; start += 1000) {
    const batch = training.slice(start, start + 1000);
    try {
      await addTrainingBatch(
        ctx,
        batch.map((t) => ({
          workerId: ids.get(t.workerCode)!,
          body: {
            course: t.course,
            provider: t.provider,
            kind: t.kind,
            hours: t.hours,
            completedOn: t.completedOn,
            certificateNumber: t.certificateNumber,
          },
        })),
        today,
      );
    } catch (err) {
      throw explain(err, `training records ${start + 1}-${start + batch.length}`);
    }
    bar?.update(start + batch.length);
  }
  bar?.finish(training.length);
  return training.length;
}
