import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { findResidentRef, residentCareRefsByIds, residentRecordsChanged } from '../residents/index.ts';
import { toAmendment, toPregnancy, ultrasoundOf, valuesOf } from './pregnancies.mapping.ts';
import {
  amendmentRowsOf,
  findAmendmentRow,
  findPregnancyRow,
  insertAmendmentRow,
  insertPregnancyRow,
  lockPregnancyRow,
  openPregnancyIds,
  pregnancyRowsOf,
  updatePregnancyRow,
} from './pregnancies.queries.ts';
import {
  checkAmendment,
  checkDating,
  checkOutcome,
  type Dating,
  datingOf,
  daysOfAge,
  refusalFor,
} from './pregnancies.rules.ts';
import type {
  AmendPregnancyBody,
  OutcomeInput,
  Pregnancy,
  PregnancyAmendmentAnswer,
  PregnancyInput,
  PregnancyList,
} from './pregnancies.schema.ts';
import type { PregnancyRow, PregnancyValues } from './pregnancies.table.ts';

/**
 * Pregnancies: recorded under the client's id (a repeat answers the stored episode, another body
 * under the id is a 409), closed by their outcome, corrected by amendments (in place, keeping the
 * values before and after, or retracted). Every write tells the programme engine
 * (`residentRecordsChanged`) in its transaction before it answers.
 */

export interface Caller {
  userId: string | null;
}

const openConflict = (residentId: string, openId: string) =>
  new AppError(
    'pregnancy_open',
    `resident ${residentId} has an open pregnancy (${openId}): record its outcome, or amend it, first`,
  );

/** GET /api/residents/:id/pregnancies: every episode, oldest first, and the amendments. */
export async function listPregnancies(ctx: AppContext, residentId: string): Promise<PregnancyList> {
  const resident = await findResidentRef(ctx.db, residentId);
  if (!resident) throw notFound('Resident', residentId);
  const today = todayOf(ctx);
  const rows = await pregnancyRowsOf(ctx.db, resident.id);
  const amendments = await amendmentRowsOf(ctx.db, resident.id);
  return {
    residentId: resident.id,
    items: rows.map((r) => toPregnancy(r, today)),
    amendments: amendments.map(toAmendment),
  };
}

/** The latest outcome date of the resident's pregnancies in force other than `exceptId`. */
function lastOutcomeOf(rows: readonly PregnancyRow[], exceptId?: string): string | null {
  let last: string | null = null;
  for (const r of rows)
    if (r.id !== exceptId && !r.retracted_by && r.outcome_date && (!last || r.outcome_date > last))
      last = r.outcome_date;
  return last;
}

const datingColumns = (d: Dating) => {
  const dated = datingOf(d)!;
  return {
    lmp: d.lmp ?? null,
    scan_date: d.ultrasound?.date ?? null,
    scan_ga_days: d.ultrasound ? daysOfAge(d.ultrasound) : null,
    dated_by: dated.datedBy,
    edd: dated.edd,
  };
};

/**
 * POST /api/residents/:id/pregnancies. A repeat (same id, same resident and body) answers the stored
 * episode with `created: false`; another body under the id is a 409. Refused: a resident who is not
 * active (409 resident_not_active) or not recorded as female (409 resident_not_female), a dating the
 * rules refuse (400, each field named), a second open pregnancy (409 pregnancy_open).
 */
export async function recordPregnancy(
  ctx: AppContext,
  residentId: string,
  body: PregnancyInput,
  caller: Caller,
): Promise<{ created: boolean; pregnancy: Pregnancy }> {
  const today = todayOf(ctx);
  return inTransaction(ctx.db, async (db) => {
    const fingerprint = fingerprintOf({ residentId: residentId.toLowerCase(), ...body });
    const existing = await findPregnancyRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(
          `pregnancy ${body.id} was recorded with another body: give a new pregnancy a new id`,
          'body.id',
        );
      return { created: false, pregnancy: toPregnancy(existing, today) };
    }
    const resident = await findResidentRef(db, residentId);
    if (!resident) throw notFound('Resident', residentId);
    const care = (await residentCareRefsByIds(db, [resident.id])).get(resident.id);
    const refusal = refusalFor({ ...resident, sex: care?.sex ?? null });
    if (refusal === 'resident_not_active')
      throw new AppError(
        refusal,
        `resident ${resident.id} is ${resident.active ? resident.status : 'merged into another record'}: no new pregnancy is recorded`,
      );
    if (refusal === 'resident_not_female')
      throw new AppError(
        refusal,
        `resident ${resident.id} is not recorded as female: correct the record's sex before recording a pregnancy`,
      );
    const rows = await pregnancyRowsOf(db, resident.id);
    const errors = checkDating(body, { today, open: true, previousOutcomeDate: lastOutcomeOf(rows) });
    if (errors.length > 0) throw invalidFields(errors);
    const open = rows.find((r) => r.outcome === null && r.retracted_by === null);
    if (open) throw openConflict(resident.id, open.id);
    const row: PregnancyRow = {
      id: body.id.toLowerCase(),
      resident_id: resident.id,
      ...datingColumns(body),
      outcome: null,
      outcome_date: null,
      outcome_note: null,
      outcome_fingerprint: null,
      outcome_recorded_by: null,
      outcome_recorded_at: null,
      note: body.note?.trim() || null,
      fingerprint,
      retracted_by: null,
      recorded_by: caller.userId,
      recorded_at: ctx.clock.now(),
      area_path: resident.areaPath,
    };
    await insertPregnancyRow(db, row);
    await residentRecordsChanged(ctx, db, [resident.id]);
    return { created: true, pregnancy: toPregnancy(row, today) };
  });
}

/**
 * POST /api/pregnancies/:id/outcome: closes the episode. The same outcome again answers as it did;
 * another outcome of a closed pregnancy is a 409 (correct it by an amendment). Allowed whatever the
 * resident's status now (a mother who died in childbirth).
 */
export async function recordOutcome(
  ctx: AppContext,
  pregnancyId: string,
  body: OutcomeInput,
  caller: Caller,
): Promise<Pregnancy> {
  const today = todayOf(ctx);
  return inTransaction(ctx.db, async (db) => {
    const p = await lockPregnancyRow(db, pregnancyId);
    if (!p) throw notFound('Pregnancy', pregnancyId);
    const fingerprint = fingerprintOf({ pregnancyId: p.id, ...body });
    if (p.retracted_by)
      throw conflict(`pregnancy ${p.id} was retracted by amendment ${p.retracted_by}: it takes no outcome`);
    if (p.outcome !== null) {
      if (p.outcome_fingerprint === fingerprint) return toPregnancy(p, today);
      throw conflict(
        `pregnancy ${p.id} already has its outcome (${p.outcome} on ${p.outcome_date}): correct it by an amendment`,
      );
    }
    const errors = checkOutcome(body, p.edd, today);
    if (errors.length > 0) throw invalidFields(errors);
    const patch = {
      outcome: body.outcome,
      outcome_date: body.date,
      outcome_note: body.note?.trim() || null,
      outcome_fingerprint: fingerprint,
      outcome_recorded_by: caller.userId,
      outcome_recorded_at: ctx.clock.now(),
    };
    await updatePregnancyRow(db, p.id, patch);
    await residentRecordsChanged(ctx, db, [p.resident_id]);
    return toPregnancy({ ...p, ...patch }, today);
  });
}

/**
 * POST /api/pregnancies/:id/amendments: retract the episode (entered in error; kept, marked), or
 * correct its dating or outcome in place (null outcome: recorded in error, open again), the values
 * before and after kept in the amendment. The corrected episode passes the same rules as a new one
 * (an open one within 44 weeks, one open at a time). The same amendment resent answers as it did.
 */
export async function amendPregnancy(
  ctx: AppContext,
  pregnancyId: string,
  body: AmendPregnancyBody,
  caller: Caller,
): Promise<PregnancyAmendmentAnswer> {
  const today = todayOf(ctx);
  return inTransaction(ctx.db, async (db) => {
    const p = await lockPregnancyRow(db, pregnancyId);
    if (!p) throw notFound('Pregnancy', pregnancyId);
    const fingerprint = fingerprintOf({ pregnancyId: p.id, ...body });
    const existing = await findAmendmentRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint || existing.pregnancy_id !== p.id)
        throw conflict(
          `amendment ${body.id} was recorded with another body: give a new amendment a new id`,
          'body.id',
        );
      return answerOf(db, existing.id, today);
    }
    const shape = checkAmendment(body);
    if (shape.length > 0) throw invalidFields(shape);
    if (p.retracted_by)
      throw conflict(`pregnancy ${p.id} was already retracted by amendment ${p.retracted_by}`);
    const amendmentId = body.id.toLowerCase();
    const before = valuesOf(p);
    let patch: Partial<PregnancyRow>;
    let after: PregnancyValues;
    if (body.retract) {
      patch = { retracted_by: amendmentId };
      after = { ...before, retracted: true };
    } else {
      const c = body.correct!;
      const dating: Dating = {
        lmp: c.lmp !== undefined ? c.lmp : p.lmp,
        ultrasound: c.ultrasound !== undefined ? c.ultrasound : ultrasoundOf(p),
      };
      const outcome =
        c.outcome !== undefined
          ? c.outcome
          : p.outcome && p.outcome_date
            ? { outcome: p.outcome, date: p.outcome_date }
            : null;
      const rows = await pregnancyRowsOf(db, p.resident_id);
      const errors: FieldError[] = checkDating(dating, { today, open: outcome === null }, 'body.correct');
      const dated = datingOf(dating);
      if (errors.length === 0 && dated && outcome)
        errors.push(...checkOutcome(outcome, dated.edd, today, 'body.correct.outcome'));
      if (errors.length > 0) throw invalidFields(errors);
      if (outcome === null) {
        const other = rows.find((r) => r.id !== p.id && r.outcome === null && r.retracted_by === null);
        if (other) throw openConflict(p.resident_id, other.id);
      }
      patch = { ...datingColumns(dating) };
      if (c.outcome !== undefined)
        Object.assign(patch, {
          outcome: c.outcome?.outcome ?? null,
          outcome_date: c.outcome?.date ?? null,
          outcome_note: c.outcome?.note?.trim() || null,
          outcome_fingerprint: null,
          outcome_recorded_by: c.outcome ? caller.userId : null,
          outcome_recorded_at: c.outcome ? ctx.clock.now() : null,
        });
      after = valuesOf({ ...p, ...patch });
    }
    await insertAmendmentRow(db, {
      id: amendmentId,
      pregnancy_id: p.id,
      resident_id: p.resident_id,
      reason: body.reason.trim(),
      kind: body.retract ? 'retract' : 'correct',
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      fingerprint,
      recorded_by: caller.userId,
      recorded_at: ctx.clock.now(),
      area_path: p.area_path,
    });
    await updatePregnancyRow(db, p.id, patch);
    await residentRecordsChanged(ctx, db, [p.resident_id]);
    return answerOf(db, amendmentId, today);
  });
}

async function answerOf(db: Db, amendmentId: string, today: string): Promise<PregnancyAmendmentAnswer> {
  const a = await findAmendmentRow(db, amendmentId);
  if (!a) throw notFound('Amendment', amendmentId);
  const p = await findPregnancyRow(db, a.pregnancy_id);
  return { amendment: toAmendment(a), pregnancy: toPregnancy(p!, today) };
}

/** For the merge mover: whether both residents have an open pregnancy (they cannot be one woman's). */
export async function openOnBoth(db: Db, a: string, b: string): Promise<[string, string] | null> {
  const [x, y] = [await openPregnancyIds(db, a), await openPregnancyIds(db, b)];
  return x[0] && y[0] ? [x[0], y[0]] : null;
}
