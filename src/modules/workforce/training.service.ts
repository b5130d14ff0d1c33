import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireWorkerRow } from './workers.service.ts';
import { toTraining } from './workforce.mapping.ts';
import { existingWorkerIds, insertTraining, trainingOfWorker } from './workforce.queries.ts';
import { checkTraining } from './workforce.rules.ts';
import type { TrainingBody, TrainingRecord } from './workforce.schema.ts';
import type { TrainingRecordRow } from './workforce.table.ts';

// A worker's training records: one at a time, or many at once (the demo's thousands).

/** A worker's training records. */
export async function listTraining(db: Db, id: string): Promise<{ items: TrainingRecord[] }> {
  await requireWorkerRow(db, id);
  return { items: (await trainingOfWorker(db, id)).map(toTraining) };
}

/** The row for one training record (trimmed, defaults filled). */
function trainingRow(workerId: string, body: TrainingBody) {
  return {
    id: newId(),
    worker_id: workerId,
    course: body.course.trim(),
    provider: body.provider?.trim() || null,
    kind: body.kind ?? 'continuing_education',
    hours: body.hours ?? null,
    credits: body.credits ?? null,
    completed_on: body.completedOn,
    certificate_number: body.certificateNumber?.trim() || null,
  };
}

/** Records a completed training course. */
export async function addTraining(ctx: AppContext, id: string, body: TrainingBody, today = todayOf(ctx)) {
  await requireWorkerRow(ctx.db, id);
  const errors = checkTraining(body, today);
  if (errors.length > 0) throw invalidFields(errors);
  const row = trainingRow(id, body);
  await insertTraining(ctx.db, [row]);
  return toTraining(row as TrainingRecordRow);
}

/**
 * Many training records at once (the demo's thousands): each checked as `addTraining` checks it, then
 * stored with one statement, all or nothing. `index` in an error names the record's place in the list.
 */
export async function addTrainingBatch(
  ctx: AppContext,
  records: { workerId: string; body: TrainingBody }[],
  today = todayOf(ctx),
): Promise<number> {
  const problems = records.flatMap((r, index) =>
    checkTraining(r.body, today).map((e) => ({ field: `[${index}].${e.field}`, message: e.message })),
  );
  if (problems.length > 0) throw invalidFields(problems);
  await inTransaction(ctx.db, async (trx) => {
    const ids = [...new Set(records.map((r) => r.workerId))];
    const known = await existingWorkerIds(trx, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw notFound('Health worker', unknown.slice(0, 5).join(', '));
    await insertTraining(
      trx,
      records.map((r) => trainingRow(r.workerId, r.body)),
    );
  });
  return records.length;
}
