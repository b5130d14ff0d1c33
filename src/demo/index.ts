import { listAreasAtLevel } from '../modules/areas/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { Db } from '../platform/db/database.ts';
import { type LoadDemoOptions, loadDemoProvince } from './load.ts';

export { printDemoLogins } from './demo-users.ts';
/**
 * The demo province: a deterministic, generated province shaped like Khánh Hòa in seed 004, loaded
 * into an empty database on first start (`grassroots serve` on the embedded engine) or by
 * `grassroots demo`.
 */
export { type DemoProvince, generateDemoProvince } from './generate.ts';
export type { DemoSummary, LoadDemoOptions } from './load.ts';

/** True when the database already holds areas (the demo only loads into an empty database). */
export async function hasDemoData(db: Db): Promise<boolean> {
  // An empty ltree path contains every path: any active top-level area means the tree is not empty.
  return (await listAreasAtLevel(db, '', 'province')).length > 0;
}

/** Loads the demo province with a progress bar per step and a summary at the end. */
export async function loadDemo(ctx: AppContext, options?: LoadDemoOptions): Promise<void> {
  await loadDemoProvince(ctx, options);
}
