import { listAreasAtLevel } from '../modules/areas/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { Db } from '../platform/db/database.ts';
import { printDemoLogins as printLogins } from './demo-users.ts';
import { demoOf, noDemoLine } from './demos.ts';
import type { LoadDemoOptions } from './load.ts';

export { DEMOS, type DemoDefinition, demoOf } from './demos.ts';
/**
 * The demos: deterministic, generated places (the Vietnamese province shaped like Khánh Hòa in seed
 * 004 by default; the profile's `demo` key picks one) loaded into an empty database on first start
 * (`grassroots serve` on the embedded engine) or by `grassroots demo`.
 */
export { type DemoProvince, generateDemoProvince } from './generate.ts';
export type { DemoSummary, LoadDemoOptions } from './load.ts';

/**
 * True when the database already holds areas (the demo only loads into an empty database).
 * `rootLevel` is the profile's top area level (both shipped profiles call it `province`).
 */
export async function hasDemoData(db: Db, rootLevel = 'province'): Promise<boolean> {
  // An empty ltree path contains every path: any active top-level area means the tree is not empty.
  return (await listAreasAtLevel(db, '', rootLevel)).length > 0;
}

/**
 * Loads the profile's demo with a progress bar per step and a summary at the end. A profile with no
 * demo gets one line saying so and an empty database; resolves with whether a demo was loaded.
 */
export async function loadDemo(ctx: AppContext, options?: LoadDemoOptions): Promise<boolean> {
  const demo = demoOf(ctx.profile);
  if (!demo) {
    if (options?.output !== false) console.log(noDemoLine(ctx.profile));
    return false;
  }
  if (options?.output !== false) console.log(`Empty database: loading ${demo.title} (first start only).`);
  await demo.load(ctx, options);
  return true;
}

/**
 * Prints the demo logins that still have the demo password, in the words of the profile's demo
 * (Chinese and English under CN): at every start on demo data, and after `grassroots demo`.
 */
export async function printDemoLogins(ctx: AppContext, url?: string): Promise<void> {
  await printLogins(ctx, url, demoOf(ctx.profile)?.loginWords);
}
