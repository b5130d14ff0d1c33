import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireArea } from '../areas/index.ts';
import { residentRecordsChanged } from './residents.changes.ts';
import { mapResidents, toMergeInfo } from './residents.mapping.ts';
import { linkedRecordMovers, type MergeParty } from './residents.movers.ts';
import {
  duplicateCandidates,
  findMergeRow,
  findResidentRowById,
  householdsHeadedBy,
  insertMerge,
  markMergeUndone,
  type ResidentPatch,
  residentRowsByIds,
  setHouseholdHeads,
  updateResidentRow,
} from './residents.queries.ts';
import { communeDepth, DUPLICATE_SIMILARITY, duplicateReason } from './residents.rules.ts';
import type { DuplicatePair, MergeBody, MergeResult } from './residents.schema.ts';
import { getResident } from './residents.service.ts';
import type { ResidentRow } from './residents.table.ts';

/** Likely duplicates inside an area (a commune or a district), each pair with the reason. */
export async function findDuplicates(
  ctx: AppContext,
  areaIdOrCode: string,
  limit: number,
): Promise<DuplicatePair[]> {
  const area = await requireArea(ctx.db, areaIdOrCode, 'query.area');
  const depth = communeDepth(ctx.profile.areaLevels, ctx.profile.communeLevel);
  const candidates = await duplicateCandidates(ctx.db, area.path, depth, DUPLICATE_SIMILARITY, limit * 4);
  const rows = new Map(
    (
      await residentRowsByIds(
        ctx.db,
        candidates.flatMap((c) => [c.a_id, c.b_id]),
      )
    ).map((r) => [r.id, r]),
  );
  const mapped = new Map((await mapResidents(ctx.db, [...rows.values()])).map((r) => [r.id, r]));
  const pairs: DuplicatePair[] = [];
  for (const c of candidates) {
    const a = rows.get(c.a_id)!;
    const b = rows.get(c.b_id)!;
    const reason = duplicateReason({
      citizenIdA: a.citizen_id,
      citizenIdB: b.citizen_id,
      nameSimilarity: Number(c.similarity),
      birthA: { date: a.birth_date, year: a.birth_year, precision: a.birth_date_precision },
      birthB: { date: b.birth_date, year: b.birth_year, precision: b.birth_date_precision },
      sameCommune: true,
    });
    if (reason)
      pairs.push({
        a: mapped.get(a.id)!,
        b: mapped.get(b.id)!,
        reason,
        nameSimilarity: Number(c.similarity),
      });
    if (pairs.length >= limit) break;
  }
  return pairs;
}

/** What a merge changed, enough to put it back. */
interface MergeSnapshot {
  duplicate: ResidentPatch;
  survivor: ResidentPatch;
  headOf: string[];
  moved: Record<string, string[]>;
}

const identityColumns = [
  'household_id',
  'relationship_to_head',
  'citizen_id',
  'code',
  'language',
  'active',
  'merged_into_id',
] as const;

function pick(row: ResidentRow): ResidentPatch {
  return Object.fromEntries(identityColumns.map((c) => [c, row[c]])) as ResidentPatch;
}

/**
 * Merges a duplicate into the survivor in one transaction: the survivor takes the duplicate's
 * household (when it has none) and headships, its identity number, code and language of reminders
 * (when it has none), and every linked record through the registered movers; the duplicate is marked
 * merged_into and made inactive; the merge is logged with a snapshot that `undoMerge` uses to put
 * everything back.
 */
export async function mergeResidents(
  ctx: AppContext,
  body: MergeBody,
  userId: string | null,
): Promise<MergeResult> {
  if (body.survivorId === body.duplicateId) {
    throw invalidFields([{ field: 'body.duplicateId', message: 'must differ from body.survivorId' }]);
  }
  const mergeId = newId();
  const moved: Record<string, number> = {};
  await inTransaction(ctx.db, async (trx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [first, second] = [body.survivorId, body.duplicateId].sort();
    const locked = new Map<string, ResidentRow | undefined>();
    locked.set(first!, await findResidentRowById(trx, first!, true));
    locked.set(second!, await findResidentRowById(trx, second!, true));
    const survivor = locked.get(body.survivorId);
    const duplicate = locked.get(body.duplicateId);
    if (!survivor) throw notFound('Resident', body.survivorId);
    if (!duplicate) throw notFound('Resident', body.duplicateId);
    if (survivor.merged_into_id)
      throw conflict('The survivor has itself been merged into another record', 'body.survivorId');
    if (duplicate.merged_into_id) throw conflict('The duplicate has already been merged', 'body.duplicateId');
    if (survivor.citizen_id && duplicate.citizen_id && survivor.citizen_id !== duplicate.citizen_id) {
      throw conflict(
        'The two residents have different identity numbers: they are not the same person',
        'body.duplicateId',
      );
    }
    const snapshot: MergeSnapshot = {
      duplicate: pick(duplicate),
      survivor: pick(survivor),
      headOf: [],
      moved: {},
    };
    const survivorPatch: ResidentPatch = {};
    if (!survivor.household_id && duplicate.household_id) {
      survivorPatch.household_id = duplicate.household_id;
      survivorPatch.relationship_to_head = duplicate.relationship_to_head;
    }
    if (!survivor.citizen_id && duplicate.citizen_id) survivorPatch.citizen_id = duplicate.citizen_id;
    if (!survivor.code && duplicate.code) survivorPatch.code = duplicate.code;
    // The language reminders are written in: the survivor's own, else the duplicate's.
    if (!survivor.language && duplicate.language) survivorPatch.language = duplicate.language;
    // The unique identifiers leave the duplicate before the survivor takes them.
    await updateResidentRow(trx, duplicate.id, {
      household_id: null,
      relationship_to_head: null,
      citizen_id: survivorPatch.citizen_id ? null : duplicate.citizen_id,
      code: survivorPatch.code ? null : duplicate.code,
      merged_into_id: survivor.id,
      active: false,
    });
    if (Object.keys(survivorPatch).length > 0) await updateResidentRow(trx, survivor.id, survivorPatch);
    snapshot.headOf = await householdsHeadedBy(trx, duplicate.id);
    await setHouseholdHeads(trx, snapshot.headOf, survivor.id);
    for (const mover of linkedRecordMovers()) {
      const ids = await mover.move(trx, partyOf(duplicate), partyOf(survivor));
      snapshot.moved[mover.name] = ids;
      moved[mover.name] = ids.length;
    }
    await insertMerge(trx, {
      id: mergeId,
      survivor_id: survivor.id,
      merged_id: duplicate.id,
      reason: body.reason ?? null,
      snapshot,
      area_path: survivor.area_path,
      merged_by: userId,
    });
    // The survivor's care records changed (and the duplicate has none left): once, after every mover.
    await residentRecordsChanged(ctx, trx, [survivor.id, duplicate.id]);
  });
  return mergeResult(ctx.db, mergeId, moved);
}

/** A resident as a party to a merge, for the linked-record movers. */
function partyOf(r: ResidentRow): MergeParty {
  return { id: r.id, areaPath: r.area_path };
}

async function mergeResult(db: Db, mergeId: string, moved: Record<string, number>): Promise<MergeResult> {
  const merge = (await findMergeRow(db, mergeId))!;
  return { merge: toMergeInfo(merge), survivor: await getResident(db, merge.survivor_id), moved };
}

/** Reverses a merge: linked records, headships, household and identifiers go back; logged as undone. */
export async function undoMerge(
  ctx: AppContext,
  mergeId: string,
  userId: string | null,
): Promise<MergeResult> {
  const moved: Record<string, number> = {};
  await inTransaction(ctx.db, async (trx) => {
    const merge = await findMergeRow(trx, mergeId, true);
    if (!merge) throw notFound('Merge', mergeId);
    if (merge.undone_at) throw conflict('This merge has already been undone');
    const survivor = await findResidentRowById(trx, merge.survivor_id, true);
    const duplicate = await findResidentRowById(trx, merge.merged_id, true);
    if (!survivor || !duplicate) throw notFound('Resident', !survivor ? merge.survivor_id : merge.merged_id);
    if (survivor.merged_into_id) {
      throw new AppError(
        'conflict',
        'The survivor has since been merged into another record: undo that merge first',
      );
    }
    const snapshot = (
      typeof merge.snapshot === 'string' ? JSON.parse(merge.snapshot) : merge.snapshot
    ) as MergeSnapshot;
    for (const mover of [...linkedRecordMovers()].reverse()) {
      const ids = snapshot.moved[mover.name] ?? [];
      await mover.undo(trx, ids, partyOf(duplicate), partyOf(survivor));
      moved[mover.name] = ids.length;
    }
    await setHouseholdHeads(trx, snapshot.headOf, duplicate.id);
    // Identifiers leave the survivor before the duplicate takes them back (unique indexes).
    await updateResidentRow(trx, survivor.id, snapshot.survivor);
    await updateResidentRow(trx, duplicate.id, snapshot.duplicate);
    await markMergeUndone(trx, mergeId, userId);
    await residentRecordsChanged(ctx, trx, [survivor.id, duplicate.id]);
  });
  return mergeResult(ctx.db, mergeId, moved);
}
