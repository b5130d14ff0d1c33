import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * What a change is made under: the caller's country profile and clock. A listener takes them from
 * the change, never from a server it was registered by, so two servers of different profiles in one
 * process (and a write made without any server: the CLI, a job) each compute with their own.
 */
export type ChangeContext = Pick<AppContext, 'profile' | 'clock'>;

/**
 * What a module does when a resident's care record changes (a visit closed or amended, a dose or a
 * pregnancy recorded): the programmes module recomputes what the resident is due. Listeners run inside
 * the transaction of the change, so what is due is never stale after the change commits, and a
 * listener's failure undoes the change with it.
 */
export type ResidentRecordsListener = (
  ctx: ChangeContext,
  trx: Db,
  residentIds: readonly string[],
) => Promise<void>;

const listeners = new Map<string, ResidentRecordsListener>();

/**
 * Registers a listener (once per name; the same name again replaces it). Modules call this once, from
 * their index.ts (at import, not per server built): the listener gets each change's own context.
 *
 * @example
 * whenResidentRecordsChange('programmes', (ctx, trx, ids) => recomputeDue(ctx.profile, trx, ids));
 */
export function whenResidentRecordsChange(name: string, listener: ResidentRecordsListener): void {
  listeners.set(name, listener);
}

/**
 * Tells the listeners that these residents' care records changed, in the caller's transaction, under
 * the caller's profile and clock. Care modules (encounters, immunizations, pregnancies, residents)
 * call it after their write, before they answer.
 */
export async function residentRecordsChanged(
  ctx: ChangeContext,
  trx: Db,
  residentIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(residentIds)];
  if (ids.length === 0) return;
  for (const listener of listeners.values()) await listener(ctx, trx, ids);
}
