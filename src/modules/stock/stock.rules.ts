/**
 * The shelf's pure rules: which batches a dispensing takes (first expiry, first out), when a batch is
 * expired, and the checks on quantities. Dates are passed in ('YYYY-MM-DD'); nothing reads the clock.
 */

/** What the rules need to know about one batch on the shelf. */
export interface ShelfBatch {
  id: string;
  expiryDate: string;
  onHand: number;
}

/**
 * A batch is usable up to the day before its expiry date: on its expiry date and after it is expired
 * and never dispensed, transferred or counted as usable stock.
 */
export function isExpired(expiryDate: string, on: string): boolean {
  return expiryDate <= on;
}

/** The stock that may be dispensed on a date: the batches not expired, summed. */
export function usableOnHand(batches: readonly ShelfBatch[], on: string): number {
  let n = 0;
  for (const b of batches) if (!isExpired(b.expiryDate, on)) n += b.onHand;
  return n;
}

export interface Allocation {
  batchId: string;
  quantity: number;
}

export type FefoResult = { ok: true; allocations: Allocation[] } | { ok: false; usable: number };

/**
 * First expiry, first out: takes `quantity` from the usable batches, the soonest expiry first (ties by
 * id, so the choice is stable), never from an expired or empty batch. When the usable stock is short,
 * nothing is taken and the answer says how much is usable.
 */
export function allocateFefo(batches: readonly ShelfBatch[], quantity: number, on: string): FefoResult {
  const usable = batches
    .filter((b) => b.onHand > 0 && !isExpired(b.expiryDate, on))
    .sort((a, b) =>
      a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : a.id < b.id ? -1 : 1,
    );
  const total = usable.reduce((s, b) => s + b.onHand, 0);
  if (quantity > total) return { ok: false, usable: total };
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const b of usable) {
    if (left === 0) break;
    const take = Math.min(left, b.onHand);
    allocations.push({ batchId: b.id, quantity: take });
    left -= take;
  }
  return { ok: true, allocations };
}

/** The largest quantity one line may move: far beyond any shelf, well inside a 32-bit integer. */
export const MAX_LINE_QUANTITY = 1_000_000;

/** Why a line's quantity is refused, or null: a whole number of units, at least 1 (0 when `zeroOk`). */
export function quantityProblem(quantity: number, zeroOk = false): string | null {
  if (!Number.isInteger(quantity)) return 'must be a whole number of units';
  if (quantity < (zeroOk ? 0 : 1)) return zeroOk ? 'must be 0 or more' : 'must be at least 1';
  if (quantity > MAX_LINE_QUANTITY) return `must be at most ${MAX_LINE_QUANTITY}`;
  return null;
}

/** Why an adjustment's quantity does not fit its reason, or null. */
export function adjustmentProblem(reason: string, quantity: number): string | null {
  const q = quantityProblem(Math.abs(quantity));
  if (q) return q;
  if (reason !== 'count_correction' && quantity > 0)
    return `a ${reason} adjustment takes units off the shelf: give a negative quantity`;
  return null;
}
