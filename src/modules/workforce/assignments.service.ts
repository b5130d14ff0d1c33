import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, invalidFields } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { facilitiesByIds, resolveFacility } from './facilities.refs.ts';
import { getWorker, requireWorkerRow } from './workers.service.ts';
import {
  assignmentsOfWorker,
  endAssignments,
  insertAssignments,
  lockWorkerRow,
} from './workforce.queries.ts';
import { checkAssignmentDates, planTransfer } from './workforce.rules.ts';
import type { AssignmentBody, WorkerDetail } from './workforce.schema.ts';

// A worker's assignments: a transfer adds one and ends the open one it follows.

/** Existing assignments with facility names, for the overlap messages. */
async function existingAssignments(db: Db, workerId: string) {
  const rows = await assignmentsOfWorker(db, workerId);
  const facilities = await facilitiesByIds(
    db,
    rows.map((r) => r.facility_id),
  );
  return rows.map((r) => ({
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
    facilityCode: facilities.get(r.facility_id)?.code ?? '?',
    facilityName: facilities.get(r.facility_id)?.name ?? '?',
  }));
}

/**
 * Adds an assignment as a transfer: the open assignment that started earlier ends the day before the
 * new start, in the same transaction; any other overlap is refused with a 409.
 */
export async function transferWorker(
  ctx: AppContext,
  id: string,
  body: AssignmentBody,
  today = todayOf(ctx),
): Promise<WorkerDetail> {
  const row = await requireWorkerRow(ctx.db, id);
  const resolved = await resolveFacility(ctx.db, body, 'body.');
  const period = { startDate: body.startDate, endDate: body.endDate ?? null };
  const errors = [...resolved.errors, ...checkAssignmentDates(period, row.birth_date, 'body.')];
  if (!row.active) errors.push({ field: 'body', message: 'the worker is deactivated' });
  if (errors.length > 0 || !resolved.facility) throw invalidFields(errors);
  const facility = resolved.facility;
  await inTransaction(ctx.db, async (trx) => {
    await lockWorkerRow(trx, id);
    const plan = planTransfer(period, await existingAssignments(trx, id));
    if (!plan.ok)
      throw conflict(`The new assignment from ${period.startDate} ${plan.reason}`, 'body.startDate');
    if (plan.close)
      await endAssignments(trx, [{ id: plan.close.assignment.id, endDate: plan.close.endDate }]);
    await insertAssignments(trx, [
      {
        id: newId(),
        worker_id: id,
        facility_id: facility.id,
        area_path: facility.areaPath,
        position: body.position ?? null,
        start_date: period.startDate,
        end_date: period.endDate,
      },
    ]);
  });
  return getWorker(ctx.db, id, today);
}
