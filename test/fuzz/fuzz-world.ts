import type { AccessWorld, RoleName } from '../../src/modules/access/access.fixtures.ts';
import { login } from '../../src/modules/access/auth.service.ts';
import { roleGrants } from '../../src/modules/access/roles.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Callers, FuzzWorld, Operation } from './route-fuzz.ts';

/**
 * The roles the fuzzing world signs in: the callers (see `callersFor`), and `province`, whose user is
 * the one real user id generated requests aim at (they may deactivate it; never a caller).
 */
export const FUZZ_ROLES: readonly RoleName[] = [
  'admin',
  'vhw',
  'insurance',
  'doctor',
  'station',
  'district',
  'province',
];

/** The ids and codes of the access world, for generated fields to hit real records now and then. */
export function fuzzWorldOf(w: AccessWorld): FuzzWorld {
  const briefs = [
    ...Object.values(w.areas),
    ...Object.values(w.facilities),
    ...Object.values(w.workers).flat(),
  ];
  return {
    ids: [...briefs.map((b) => b.id), w.rotationId, w.users.province.id],
    codes: briefs.map((b) => b.code),
  };
}

/** Roles tried, in order, for the caller without the permission (the first that lacks it). */
const DENIED_ROLES: readonly RoleName[] = ['vhw', 'insurance', 'doctor', 'station', 'district'];

/**
 * Fresh sessions for one operation's requests (a generated logout or password change must not end the
 * sessions of the next operation): the administrator, and a role lacking the permission.
 */
export async function callersFor(
  db: Db,
  w: AccessWorld,
  op: Operation,
  adminPassword: string,
): Promise<Callers> {
  const denied = DENIED_ROLES.find((r) => !roleGrants(r, op.permission)) ?? 'vhw';
  const client = { ip: '127.0.0.9', userAgent: 'fuzz' };
  const admin = await login(db, w.users.admin.username, adminPassword, client);
  const other = await login(db, w.users[denied].username, w.users[denied].password, client);
  return { permitted: admin.token, denied: other.token };
}
