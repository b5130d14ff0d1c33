import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import {
  claimsOfEncounters,
  insertClaimEvents,
  insertClaimLines,
  insertClaims,
  type NewClaimEvent,
  rebuildClaim,
} from './claims.queries.ts';
import { type ClaimSource, claimable, claimOf, type StoredEligibility } from './claims.rules.ts';
import type { NewClaimLineRow, NewClaimRow } from './claims.table.ts';
import type { ClaimVisitFacts } from './encounters.refs.ts';
import { claimFactsOf } from './encounters.refs.ts';

/**
 * Builds the claims of closed insured visits from their bills in force, in bulk and idempotently: a
 * visit without a claim gets one (draft, an event), a claim built from the same bill seq is left as it
 * is, and a claim of an earlier bill seq (the visit amended since) is rebuilt: the new bill's lines
 * added at the new seq (the earlier lines stay), the claim's columns from the new bill, back to draft
 * with an event saying so. Load (visits, bills, claims), decide (claims.rules.ts), save (arrays).
 */
export async function buildClaims(
  db: Db,
  ctx: { profile: CountryProfile; clock: { now(): Date } },
  encounterIds: readonly string[],
  userId: string | null,
): Promise<{ built: number; rebuilt: number; unchanged: number }> {
  const facts = await claimFactsOf(db, encounterIds);
  const existing = new Map(
    (
      await claimsOfEncounters(
        db,
        facts.map((f) => f.visit.id),
      )
    ).map((c) => [c.encounter_id, c]),
  );
  const now = ctx.clock.now();
  const claims: NewClaimRow[] = [];
  const lines: NewClaimLineRow[] = [];
  const events: NewClaimEvent[] = [];
  let rebuilt = 0;
  let unchanged = 0;
  for (const f of facts) {
    const source = sourceOf(f);
    const old = existing.get(f.visit.id);
    if (old && old.bill_seq >= f.bill.seq) {
      unchanged += 1;
      continue;
    }
    if (!old && !claimable(source)) continue;
    const built = claimOf(source, ctx.profile.timeZone);
    const id = old?.id ?? newId();
    for (const l of built.lines)
      lines.push({ ...l, id: newId(), claim_id: id, area_path: built.claim.area_path });
    if (old) {
      const { encounter_id: _e, resident_id: _r, facility_id: _f, area_path: _a, ...columns } = built.claim;
      await rebuildClaim(db, old.id, columns, now);
      rebuilt += 1;
      events.push({
        id: newId(),
        claim_id: old.id,
        from_status: old.status,
        to_status: 'draft',
        reason: `the visit was amended: rebuilt from its bill ${f.bill.seq} (was ${old.bill_seq})`,
        user_id: userId,
        at: now,
        area_path: built.claim.area_path,
      });
    } else {
      claims.push({ ...built.claim, id, status: 'draft', created_at: now, updated_at: now });
      events.push({
        id: newId(),
        claim_id: id,
        from_status: null,
        to_status: 'draft',
        reason: `built from the visit's bill ${f.bill.seq}`,
        user_id: userId,
        at: now,
        area_path: built.claim.area_path,
      });
    }
  }
  await insertClaims(db, claims);
  await insertClaimLines(db, lines);
  await insertClaimEvents(db, events);
  return { built: claims.length, rebuilt, unchanged };
}

function sourceOf(f: ClaimVisitFacts): ClaimSource {
  return {
    visit: { ...f.visit, eligibility: (f.visit.eligibility ?? null) as StoredEligibility | null },
    bill: f.bill,
    lines: f.lines,
    diagnoses: f.diagnoses,
  };
}
