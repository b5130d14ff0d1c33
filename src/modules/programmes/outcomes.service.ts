import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, invalidFields, notFound } from '../../platform/http/errors.ts';
import { facilityOfUser, type Grant, inScope, scopeFor } from '../access/index.ts';
import { bookFromOutreach } from '../appointments/index.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { changeResidentStatus, findResidentRef, residentReachByIds } from '../residents/index.ts';
import { findAttemptRow, insertAttemptRow } from './due.queries.ts';
import type { OutreachAttemptRow } from './due.table.ts';
import { comeOnOf, statusOf } from './outcomes.rules.ts';
import type { OutcomeBody, OutreachAttempt } from './programmes.schema.ts';
import { recomputeResidents } from './recompute.service.ts';
import { findDueRowByKey } from './worklists.queries.ts';

function attemptOf(r: OutreachAttemptRow): OutreachAttempt {
  return {
    id: r.id,
    residentId: r.resident_id,
    programmeId: r.programme_id,
    itemId: r.item_id,
    episodeId: r.episode_id,
    dueFrom: r.due_from,
    outcome: r.outcome,
    note: r.note,
    comeOn: r.come_on,
    recordedBy: r.recorded_by,
    at: new Date(r.at).toISOString(),
  };
}

/** The permission moved-away and died need besides care.write: they change the registry. */
const REGISTRY_PERMISSION = 'residents.write';

/** The appointment a will-come on a day promises, where the resident is to come (none known: none). */
async function bookOutreachAppointment(
  db: Parameters<typeof insertAttemptRow>[0],
  attempt: OutreachAttemptRow,
  comeOn: string,
  userId: string | null,
): Promise<void> {
  const own = userId ? await facilityOfUser(db, userId) : null;
  const facilityId =
    own ??
    (await residentReachByIds(db, [attempt.resident_id])).get(attempt.resident_id)?.registeredFacilityId;
  if (!facilityId) return;
  await bookFromOutreach(db, {
    // Under the attempt's own id: an attempt books one appointment, and its repeat none.
    id: attempt.id,
    attemptId: attempt.id,
    resident: { id: attempt.resident_id, areaPath: attempt.area_path },
    facilityId,
    date: comeOn,
    reason: attempt.note,
    userId,
    now: attempt.at,
  });
}

/**
 * POST /api/worklists/outcomes: a call or home visit about a due window, under the client's id (the
 * same body again answers the stored attempt, another body 409). Will-come puts the window off to its
 * day, refused closes it, not-reachable and wrong-number leave it listed with the attempt shown;
 * moved-away and died are recorded in the registry (the residents module's own status change), after
 * which nothing is due, and need the caller's residents.write where the resident lives (a 403
 * otherwise: care.write alone does not change the registry). Will-come on a day given books the
 * appointment (at the caller's facility, else the resident's registered one; under the attempt's
 * id). The resident is recomputed in the same transaction.
 */
export async function recordOutcome(
  ctx: AppContext,
  body: OutcomeBody,
  userId: string | null,
  grants: readonly Grant[] = [],
): Promise<{ created: boolean; attempt: OutreachAttempt }> {
  return inTransaction(ctx.db, async (db) => {
    const here = { ...ctx, db };
    const fingerprint = fingerprintOf({ ...body, residentId: body.residentId.toLowerCase() });
    const existing = await findAttemptRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(
          `attempt ${body.id} was recorded with another body: give a new attempt a new id`,
          'body.id',
        );
      return { created: false, attempt: attemptOf(existing) };
    }
    const resident = await findResidentRef(db, body.residentId);
    if (!resident) throw notFound('Resident', body.residentId);
    const status = statusOf(body.outcome);
    if (status && !inScope(resident.areaPath, scopeFor(REGISTRY_PERMISSION, [...grants])))
      throw new AppError(
        'forbidden',
        `Recording ${body.outcome} changes the registry: it needs the permission ${REGISTRY_PERMISSION} where the resident lives`,
      );
    const today = todayOf(ctx);
    const { comeOn, errors } = comeOnOf(body.outcome, body.comeOn, today);
    if (errors.length > 0) throw invalidFields(errors);
    const episodeId = body.episodeId?.toLowerCase() ?? null;
    const window = await findDueRowByKey(db, {
      residentId: resident.id,
      programmeId: body.programmeId,
      itemId: body.itemId,
      episodeId,
      dueFrom: body.dueFrom,
    });
    if (!window)
      throw notFound(
        'Due window',
        `${body.programmeId}/${body.itemId}${episodeId ? `/${episodeId}` : ''}/${body.dueFrom}`,
      );
    if (window.done_on !== null)
      throw conflict(`the item was done on ${window.done_on}: nothing to call about`);
    const row: OutreachAttemptRow = {
      id: body.id.toLowerCase(),
      resident_id: resident.id,
      programme_id: body.programmeId,
      item_id: body.itemId,
      episode_id: episodeId,
      due_from: body.dueFrom,
      outcome: body.outcome,
      note: body.note?.trim() || null,
      come_on: comeOn,
      fingerprint,
      recorded_by: userId,
      at: ctx.clock.now(),
      area_path: resident.areaPath,
    };
    await insertAttemptRow(db, row);
    if (body.outcome === 'will-come' && body.comeOn !== undefined && comeOn)
      await bookOutreachAppointment(db, row, comeOn, userId);
    // Recorded once: a resident already recorded as gone keeps the registry's entry.
    if (status && resident.active && resident.status === 'active')
      await changeResidentStatus(here, resident.id, {
        status,
        effectiveOn: today,
        reason: row.note ?? `outreach: ${body.outcome}`,
      });
    await recomputeResidents(db, [resident.id], { profile: ctx.profile, now: ctx.clock.now() });
    return { created: true, attempt: attemptOf(row) };
  });
}
