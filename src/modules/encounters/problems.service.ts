import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findResidentRef, residentRecordsChanged } from '../residents/index.ts';
import { catalogRefsFor } from './catalog.refs.ts';
import { problemOf } from './encounters.mapping.ts';
import { findEncounterRow, findProblemRow, problemRowsOf, updateProblemRow } from './encounters.queries.ts';
import type { Encounter, Problem, SameAsLastTimeBody, UpdateProblemBody } from './encounters.schema.ts';
import { addToEncounter, type Caller } from './encounters.service.ts';
import { lastPrescriptionRows } from './timeline.queries.ts';

/** The resident's problem list (chronic diagnoses: onset, active or resolved), and "same as last time". */

export async function listProblems(ctx: AppContext, residentId: string): Promise<Problem[]> {
  if (!(await findResidentRef(ctx.db, residentId))) throw notFound('Resident', residentId);
  const rows = await problemRowsOf(ctx.db, residentId);
  const refs = await catalogRefsFor(
    ctx.db,
    { codes: rows.map((r) => r.code), medicineIds: [], serviceIds: [] },
    todayOf(ctx),
  );
  return rows.map((r) => problemOf(r, refs));
}

/** Marks a problem resolved (on a date, today by default) or active again. */
export async function updateProblem(
  ctx: AppContext,
  residentId: string,
  problemId: string,
  body: UpdateProblemBody,
): Promise<Problem> {
  return inTransaction(ctx.db, async (db) => {
    const row = await findProblemRow(db, problemId);
    if (!row || row.resident_id !== residentId) throw notFound('Problem', problemId);
    if (body.status === 'active' && body.resolvedOn !== undefined) {
      throw invalidFields([
        { field: 'body.resolvedOn', message: 'only a resolved problem has a resolution date' },
      ]);
    }
    const resolvedOn = body.status === 'resolved' ? (body.resolvedOn ?? todayOf(ctx)) : null;
    if (resolvedOn !== null && resolvedOn < row.onset) {
      throw invalidFields([
        { field: 'body.resolvedOn', message: `must not be before the onset (${row.onset})` },
      ]);
    }
    await updateProblemRow(db, problemId, {
      status: body.status,
      resolved_on: resolvedOn,
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    await residentRecordsChanged(ctx, db, [row.resident_id]);
    const updated = await findProblemRow(db, problemId);
    if (!updated) throw notFound('Problem', problemId);
    const refs = await catalogRefsFor(
      db,
      { codes: [updated.code], medicineIds: [], serviceIds: [] },
      todayOf(ctx),
    );
    return problemOf(updated, refs);
  });
}

/**
 * "Same as last time": the prescriptions of the resident's latest earlier visit with any, copied onto
 * this open visit under the ids given (one per line, in the timeline's order). A resend with the same
 * ids answers the visit as it is.
 */
export async function sameAsLastTime(
  ctx: AppContext,
  encounterId: string,
  body: SameAsLastTimeBody,
  caller: Caller,
): Promise<Encounter> {
  const e = await findEncounterRow(ctx.db, encounterId);
  if (!e) throw notFound('Encounter', encounterId);
  const last = (await lastPrescriptionRows(ctx.db, e.resident_id, encounterId)).rows;
  if (last.length === 0) {
    throw invalidFields([{ field: 'body.ids', message: 'the resident has no earlier prescription to copy' }]);
  }
  if (body.ids.length !== last.length) {
    throw invalidFields([
      { field: 'body.ids', message: `give ${last.length} ids, one per line of the last prescription` },
    ]);
  }
  return addToEncounter(
    ctx,
    encounterId,
    {
      prescriptions: last.map((p, i) => ({
        id: body.ids[i] ?? newId(),
        medicineId: p.medicine_id,
        dose: Number(p.dose),
        frequency: p.frequency,
        durationDays: p.duration_days,
        ...(p.quantity_computed ? {} : { quantity: p.quantity }),
        longTerm: p.long_term,
        ...(p.instructions ? { instructions: p.instructions } : {}),
      })),
    },
    caller,
  );
}
