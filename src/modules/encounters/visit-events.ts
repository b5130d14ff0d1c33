import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * A visit priced: closed (bill seq 0) or amended after closing (a new bill, seq one more). The claims
 * module builds or rebuilds the visit's claim from that bill.
 */
export interface VisitBilledEvent {
  encounterId: string;
  residentId: string;
  facilityId: string;
  billId: string;
  billSeq: number;
  /** Who closed or amended the visit (null for a job or the CLI). */
  userId?: string | null;
}

/** What a visit's pricing is made under: the caller's country profile and clock. */
export type VisitBilledContext = Pick<AppContext, 'profile' | 'clock'>;

/**
 * A listener runs inside the transaction that priced the visit, so the claim is never missing or
 * stale after the close or the amendment commits, and a listener's failure undoes the change with it.
 */
export type VisitBilledListener = (
  ctx: VisitBilledContext,
  trx: Db,
  events: readonly VisitBilledEvent[],
) => Promise<void>;

const listeners = new Set<VisitBilledListener>();

/**
 * Registers a listener (the same function twice counts once), called from the listening module's
 * index.ts at import.
 *
 * @example
 * onVisitBilled((ctx, trx, events) => buildClaimsOf(ctx, trx, events));
 */
export function onVisitBilled(listener: VisitBilledListener): void {
  listeners.add(listener);
}

/** Tells the listeners that these visits were priced, in the caller's transaction. */
export async function visitBilled(
  ctx: VisitBilledContext,
  trx: Db,
  events: readonly VisitBilledEvent[],
): Promise<void> {
  if (events.length === 0) return;
  for (const listener of listeners) await listener(ctx, trx, events);
}

/** The event of a visit priced by this bill. */
export function billedEvent(
  visit: { id: string; resident_id: string; facility_id: string },
  bill: { id: string; seq: number },
  userId: string | null,
): VisitBilledEvent {
  return {
    encounterId: visit.id,
    residentId: visit.resident_id,
    facilityId: visit.facility_id,
    billId: bill.id,
    billSeq: bill.seq,
    userId,
  };
}
