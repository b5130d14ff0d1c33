import type { Db } from '../../platform/db/database.ts';

/**
 * What a module does when a resident's care record changes (a visit closed or amended, a dose or a
 * pregnancy recorded): the programmes module recomputes what the resident is due. Listeners run inside
 * the transaction of the change, so what is due is never stale after the change commits, and a
 * listener's failure undoes the change with it.
 */
export type ResidentRecordsListener = (trx: Db, residentIds: readonly string[]) => Promise<void>;

const listeners = new Map<string, ResidentRecordsListener>();

/**
 * Registers a listener (once per name; the same name again replaces it). Modules call this from their
 * index.ts.
 *
 * @example
 * whenResidentRecordsChange('programmes', (trx, ids) => recomputeDue(trx, ids));
 */
export function whenResidentRecordsChange(name: string, listener: ResidentRecordsListener): void {
  listeners.set(name, listener);
}

/**
 * Tells the listeners that these residents' care records changed, in the caller's transaction. Care
 * modules (encounters, immunizations, pregnancies) call it after their write, before they answer.
 */
export async function residentRecordsChanged(trx: Db, residentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(residentIds)];
  if (ids.length === 0) return;
  for (const listener of listeners.values()) await listener(trx, ids);
}
