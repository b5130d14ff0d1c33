import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lookupArea } from '../areas/index.ts';
import { lookupFacility } from '../facilities/index.ts';
import { findUserById, findUserByUsername, revokeUserSessions } from './access.queries.ts';
import { passwordProblems } from './access.rules.ts';
import { hashPassword } from './auth.service.ts';
import { loadRoleCatalogue } from './roles.ts';
import { forgetUserSessions } from './session-cache.ts';
import {
  countUsers,
  findGrantsOfUsers,
  insertGrant,
  insertUser,
  listUsers,
  revokeGrant,
  setUserActive,
} from './users.queries.ts';

export interface RoleRequest {
  role: string;
  /** Area id or code, for roles bound to an area (district, province, village health worker...). */
  area?: string;
  /** Facility id or code, for roles bound to a facility (station staff, family doctor). */
  facility?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  workerId?: string;
  roles: RoleRequest[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;

/** Resolves where a role applies; pushes what is wrong to `errors` under `field`. */
async function resolveGrant(db: Db, r: RoleRequest, field: string, errors: FieldError[]) {
  const def = loadRoleCatalogue().roles[r.role];
  if (!def) {
    errors.push({
      field: `${field}.role`,
      message: `must be one of ${Object.keys(loadRoleCatalogue().roles).join(', ')}`,
    });
    return undefined;
  }
  if (def.scope === 'all') return { role: r.role, areaId: null, facilityId: null, scopePath: null };
  if (def.scope === 'facility') {
    const facility = r.facility ? await lookupFacility(db, r.facility) : undefined;
    if (!facility) {
      errors.push({
        field: `${field}.facility`,
        message: r.facility ? `no facility ${r.facility}` : `the role ${r.role} needs a facility`,
      });
      return undefined;
    }
    return { role: r.role, areaId: null, facilityId: facility.id, scopePath: facility.areaPath };
  }
  const area = r.area ? await lookupArea(db, r.area) : undefined;
  if (!area) {
    errors.push({
      field: `${field}.area`,
      message: r.area ? `no area ${r.area}` : `the role ${r.role} needs an area`,
    });
    return undefined;
  }
  return { role: r.role, areaId: area.id, facilityId: null, scopePath: area.path };
}

/** Creates a user with their roles. The password must meet the policy unless `trustedPassword` (demo data only). */
export async function createUser(db: Db, input: NewUser, opts: { trustedPassword?: boolean } = {}) {
  const errors: FieldError[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    errors.push({
      field: 'body.username',
      message: 'must be 2-50 lowercase letters, digits, dots, dashes or underscores',
    });
  } else if (await findUserByUsername(db, username)) {
    throw taken(`The username ${username} is taken`, 'body.username');
  }
  if (!opts.trustedPassword) {
    for (const m of passwordProblems(input.password, username))
      errors.push({ field: 'body.password', message: m });
  }
  if (input.roles.length === 0) errors.push({ field: 'body.roles', message: 'give at least one role' });
  const grants = [];
  for (const [i, r] of input.roles.entries())
    grants.push(await resolveGrant(db, r, `body.roles.${i}`, errors));
  if (errors.length > 0) throw invalidFields(errors);

  const id = newId();
  await insertUser(db, {
    id,
    username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    workerId: input.workerId ?? null,
  });
  for (const g of grants) await insertGrant(db, { id: newId(), userId: id, ...g! });
  return getUser(db, id);
}

export async function getUser(db: Db, id: string) {
  const user = await findUserById(db, id);
  if (!user) throw notFound('User', id);
  const grants = await findGrantsOfUsers(db, [id]);
  return toUser(user, grants);
}

export async function searchUsers(db: Db, opts: { after?: string; limit: number; q?: string }) {
  const [rows, total] = await Promise.all([listUsers(db, opts), countUsers(db, opts)]);
  const page = rows.slice(0, opts.limit);
  const grants = await findGrantsOfUsers(
    db,
    page.map((u) => u.id),
  );
  return {
    items: page.map((u) =>
      toUser(
        u,
        grants.filter((g) => g.user_id === u.id),
      ),
    ),
    nextCursor: rows.length > opts.limit ? (page[page.length - 1]?.username ?? null) : null,
    total,
  };
}

export async function grantRole(db: Db, userId: string, r: RoleRequest) {
  if (!(await findUserById(db, userId))) throw notFound('User', userId);
  const errors: FieldError[] = [];
  const g = await resolveGrant(db, r, 'body', errors);
  if (errors.length > 0) throw invalidFields(errors);
  await insertGrant(db, { id: newId(), userId, ...g! });
  forgetUserSessions(userId);
  return getUser(db, userId);
}

export async function revokeRole(db: Db, userId: string, grantId: string, now = new Date()) {
  const res = await revokeGrant(db, userId, grantId, now);
  if (Number(res.numUpdatedRows) === 0) throw notFound('Role grant', grantId);
  forgetUserSessions(userId);
  return getUser(db, userId);
}

/** Deactivates a user: they cannot sign in, and every session and API key of theirs ends at once. */
export async function deactivateUser(db: Db, userId: string, actingUserId: string, now = new Date()) {
  if (userId === actingUserId) throw new AppError('conflict', 'You cannot deactivate yourself');
  const res = await setUserActive(db, userId, false);
  if (Number(res.numUpdatedRows) === 0) throw notFound('User', userId);
  await revokeUserSessions(db, userId, now, { apiKeysToo: true });
  forgetUserSessions(userId);
  return getUser(db, userId);
}

function toUser(
  u: {
    id: string;
    username: string;
    display_name: string;
    worker_id: string | null;
    active: boolean;
    locked_until: Date | null;
  },
  grants: {
    id: string;
    role: string;
    area_id: string | null;
    facility_id: string | null;
    scope_path: string | null;
  }[],
) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    workerId: u.worker_id,
    active: u.active,
    lockedUntil: u.locked_until?.toISOString() ?? null,
    roles: grants.map((g) => ({
      id: g.id,
      role: g.role,
      areaId: g.area_id,
      facilityId: g.facility_id,
      scopePath: g.scope_path,
    })),
  };
}
