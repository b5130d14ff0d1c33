import type { AppContext } from '../app-context.ts';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { loadProfile } from '../profile.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** Opens the configured database, migrates it and returns the context every module is given. */
export async function openAppContext(config: Config): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  const profile = loadProfile(config.profile);
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return { ctx: { db: handle.db, engine: handle.engine, profile, config, clock: systemClock }, handle };
}
