// PLACEHOLDER until the demo generator lands (helper C replaces this file).
import type { AppContext } from '../platform/app-context.ts';
import type { Db } from '../platform/db/database.ts';
export async function hasDemoData(_db: Db): Promise<boolean> {
  return true;
}
export async function loadDemo(_ctx: AppContext): Promise<void> {}
