import { installShippedCatalogues } from '../src/modules/catalog/index.ts';
import type { Db } from '../src/platform/db/database.ts';

/**
 * Reference data every install needs, installed after the migrations on every start (each step
 * checks what it already installed in one query): the shipped catalogues of protocols/catalogs/.
 * Unlike a migration, a step reruns when its data files change; it never deletes.
 */
export const shippedData: readonly ((db: Db) => Promise<unknown>)[] = [installShippedCatalogues];
