import type { Db } from '../../platform/db/database.ts';
import { normaliseCardNumber } from './card.rules.ts';
import { areaCodeOfPath } from './enrolment.rules.ts';
import type { CardStatus, InsuranceCardRow } from './insurance.table.ts';
import { findResidentRefsByKeys } from './residents.refs.ts';

/**
 * What the insurance-cards imports (VN cards, CN enrolments) share: the holders a batch names and the
 * records the registry holds for them, kept up to date as a batch's rows are accepted in file order.
 */

export type Outcome = 'created' | 'updated' | { reason: string };

/** A code typed with spaces, dots or dashes (a citizen id, a facility code), written as card numbers are. */
export const compact = normaliseCardNumber;

/** A record the registry holds (a card or an enrolment), as far as the import's checks need it. */
export interface HeldCard {
  id: string;
  residentId: string;
  /** A VN card's number, or an enrolment's member number (null when the profile has none). */
  number: string | null;
  /** An enrolment's scheme and insured area; null on a VN card. */
  scheme: string | null;
  insuredAreaPath: string | null;
  validFrom: string;
  validTo: string;
  status: CardStatus;
}

export const keyOf = (number: string, validFrom: string) => `${number}|${validFrom}`;

export const heldOf = (r: InsuranceCardRow): HeldCard => ({
  id: r.id,
  residentId: r.resident_id,
  number: r.card_number,
  scheme: r.scheme,
  insuredAreaPath: r.insured_area_path,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status,
});

/** How a held record is named in a reason (as describeCard names a stored one). */
export function describeHeld(c: HeldCard): string {
  if (c.scheme === null) return `card ${c.number}`;
  const number = c.number ? ` ${c.number}` : '';
  const area = c.insuredAreaPath ? ` of ${areaCodeOfPath(c.insuredAreaPath)}` : '';
  return `enrolment${number} in the ${c.scheme} scheme${area}`;
}

/**
 * What the registry holds for a batch, kept up to date as the batch's rows are accepted in file
 * order: each record under its match key (`matchKey`, null for a record of the other format), the
 * owner of each number, every record of each holder (for the overlap check).
 */
export function heldRecords(
  matchKey: (c: Pick<HeldCard, 'residentId' | 'number' | 'scheme' | 'validFrom'>) => string | null,
) {
  const byKey = new Map<string, HeldCard>();
  const byNumberFrom = new Map<string, HeldCard>();
  const ownerOfNumber = new Map<string, string>();
  const recordsOf = new Map<string, HeldCard[]>();
  const hold = (c: HeldCard) => {
    const key = matchKey(c);
    const previous = key === null ? undefined : byKey.get(key);
    if (previous) {
      recordsOf.set(
        previous.residentId,
        (recordsOf.get(previous.residentId) ?? []).filter((x) => x !== previous),
      );
      if (
        previous.number !== null &&
        byNumberFrom.get(keyOf(previous.number, previous.validFrom)) === previous
      )
        byNumberFrom.delete(keyOf(previous.number, previous.validFrom));
    }
    if (key !== null) byKey.set(key, c);
    if (c.number !== null) {
      byNumberFrom.set(keyOf(c.number, c.validFrom), c);
      ownerOfNumber.set(c.number, c.residentId);
    }
    recordsOf.set(c.residentId, [...(recordsOf.get(c.residentId) ?? []), c]);
  };
  return {
    hold,
    find: (c: Pick<HeldCard, 'residentId' | 'number' | 'scheme' | 'validFrom'>) => {
      const key = matchKey(c);
      return key === null ? undefined : byKey.get(key);
    },
    /** Another record bearing this number from this first day. */
    numberFrom: (number: string, validFrom: string) => byNumberFrom.get(keyOf(number, validFrom)),
    ownerOf: (number: string) => ownerOfNumber.get(number),
    /** An active record of the holder, other than `except`, whose period meets this one. */
    /**
     * Why an active period cannot be stored: it meets another active record of the holder (other
     * than `except`, the record it updates); null when it does not.
     */
    overlap(residentId: string, validFrom: string, validTo: string, except: HeldCard | undefined) {
      const clash = (recordsOf.get(residentId) ?? []).find(
        (c) => c !== except && c.status === 'active' && c.validFrom <= validTo && c.validTo >= validFrom,
      );
      return clash
        ? `valid_from ${validFrom} to ${validTo} overlaps the holder's ${describeHeld(clash)} valid ${clash.validFrom} to ${clash.validTo}`
        : null;
    },
  };
}

export type HolderFound = { ok: true; residentId: string; areaPath: string } | { ok: false; reason: string };

/**
 * The holders a batch names, in one read: each row's holder by citizen_id or resident_code (a record
 * merged away speaks for its survivor), or why it is refused.
 */
export async function batchHolders(
  trx: Db,
  values: { citizenId: string | null; residentCode: string | null }[],
) {
  const holders = await findResidentRefsByKeys(
    trx,
    [...new Set(values.flatMap((v) => (v.citizenId ? [v.citizenId] : [])))],
    [...new Set(values.flatMap((v) => (v.residentCode ? [v.residentCode] : [])))],
  );
  const byCitizen = new Map(holders.filter((h) => h.citizenId).map((h) => [h.citizenId!, h]));
  const byCode = new Map(holders.filter((h) => h.code).map((h) => [h.code!, h]));
  const holderOf = (v: { citizenId: string | null; residentCode: string | null }): HolderFound => {
    const byId = v.citizenId ? byCitizen.get(v.citizenId) : undefined;
    const byResidentCode = v.residentCode ? byCode.get(v.residentCode) : undefined;
    if (v.citizenId && !byId)
      return { ok: false, reason: `citizen_id ${v.citizenId} is not a known resident` };
    if (v.residentCode && !byResidentCode)
      return { ok: false, reason: `resident_code ${v.residentCode} is not a known resident` };
    const holder = byId ?? byResidentCode!;
    const residentId = holder.survivorId ?? holder.id;
    if (byId && byResidentCode && (byResidentCode.survivorId ?? byResidentCode.id) !== residentId)
      return { ok: false, reason: 'citizen_id and resident_code name two different residents' };
    return { ok: true, residentId, areaPath: holder.survivorAreaPath ?? holder.areaPath };
  };
  return { holderOf, holderIds: [...new Set(holders.map((h) => h.survivorId ?? h.id))] };
}

/**
 * The writes a batch comes to, by record id, in file order: a later row of a record the batch itself
 * creates updates that insert; a row of a held record is an update; any other row is a new record.
 */
export function batchWrites<W>() {
  const inserts = new Map<string, W>();
  const updates = new Map<string, W>();
  const rowIds: string[] = [];
  return {
    inserts,
    updates,
    /** Stages row `row`'s write of record `id` (`held`: the registry already holds it). */
    stage(row: number, id: string, write: W, held: boolean): 'created' | 'updated' {
      rowIds[row] = id;
      if (inserts.has(id)) {
        inserts.set(id, write);
        return 'updated';
      }
      if (held) {
        updates.set(id, write);
        return 'updated';
      }
      inserts.set(id, write);
      return 'created';
    },
    /**
     * The rows' outcomes once the inserts ran: a row whose insert was skipped (the record is held by
     * someone outside the caller's scope, invisible above) is refused with `reason`.
     */
    settle(outcomes: Outcome[], inserted: Set<string>, reason: (write: W, row: number) => string): Outcome[] {
      return outcomes.map((o, i) => {
        const id = rowIds[i];
        if (typeof o !== 'string' || id === undefined || !inserts.has(id) || inserted.has(id)) return o;
        return { reason: reason(inserts.get(id)!, i) };
      });
    },
  };
}
