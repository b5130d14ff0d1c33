import type { Db } from '../../platform/db/database.ts';
import { moveStatusHistory, restoreStatusHistory } from './residents.queries.ts';

/** A resident in a merge: its id and its place (a record that carries its holder's area path takes it). */
export interface MergeParty {
  id: string;
  areaPath: string;
}

/**
 * What a module gives the registry so that a merge of duplicate residents carries its records along
 * (encounters, insurance cards ...). `move` re-points every record of `from` to `to` inside the
 * merge's transaction and returns the ids it moved; `undo` puts exactly those back on `from`. The
 * parties come with their places, so a mover never reads the registry's tables.
 */
export interface LinkedRecordMover {
  /** A short stable name, e.g. 'insurance_cards'; it keys the ids kept in the merge's snapshot. */
  name: string;
  move(trx: Db, from: MergeParty, to: MergeParty): Promise<string[]>;
  undo(trx: Db, ids: string[], from: MergeParty, to: MergeParty): Promise<void>;
}

const movers = new Map<string, LinkedRecordMover>();

/**
 * Registers a mover (once per name; registering the same name again replaces it, so a module may be
 * imported twice without harm). Modules call this from their index.ts.
 *
 * @example
 * registerLinkedRecordMover({ name: 'insurance_cards', move: moveCards, undo: unmoveCards });
 */
export function registerLinkedRecordMover(mover: LinkedRecordMover): void {
  movers.set(mover.name, mover);
}

/** The registered movers, the registry's own status history first. */
export function linkedRecordMovers(): LinkedRecordMover[] {
  return [...movers.values()];
}

registerLinkedRecordMover({
  name: 'status_history',
  move: (trx, from, to) => moveStatusHistory(trx, from.id, to.id),
  undo: (trx, ids, from) => restoreStatusHistory(trx, ids, from.id),
});
