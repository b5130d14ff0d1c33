import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** Extensions the schema uses. PGlite needs them passed on every open, not only the first. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, btree_gin, ltree, fuzzystrmatch };

/** Opens PGlite in a folder (or in memory when dataDir is undefined), with the extensions loaded. */
export function openPGlite(
  dataDir: string | undefined,
  options: Omit<PGliteOptions, 'extensions'> = {},
): Promise<PGlite> {
  return PGlite.create({ ...options, ...(dataDir ? { dataDir } : {}), extensions: PGLITE_EXTENSIONS });
}
