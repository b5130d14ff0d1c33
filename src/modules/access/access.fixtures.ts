import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestEngine } from '../../../test/support/engines.ts';
import { addDays } from '../../platform/dates.ts';

/**
 * Test-only: a small province built through the HTTP API as the administrator, with one user per role
 * scoped inside it. District 1 (451) and district 2 (452) are mirror images, so every scope test can
 * ask "do I see district 1 and never district 2?".
 *
 *   45 province ─ P0001 provincial general hospital
 *   ├─ 451 district 1 ─ C4510 district health centre (2 workers, one rotates to S4510)
 *   │   └─ 45101 commune ─ S4510 commune station (3 workers)   └─ 45101_1 village
 *   └─ 452 district 2 ─ C4520 district health centre (2 workers)
 *       └─ 45201 commune ─ S4520 commune station (3 workers)
 */

export const ROLES = ['admin', 'province', 'district', 'station', 'doctor', 'vhw', 'insurance'] as const;
export type RoleName = (typeof ROLES)[number];

export interface Brief {
  id: string;
  code: string;
}

export interface Worker extends Brief {
  fullName: string;
}

export interface AccessUser {
  id: string;
  username: string;
  password: string;
  token: string;
}

export interface AccessWorld {
  areas: Record<'province' | 'district1' | 'district2' | 'commune1' | 'commune2' | 'village1', Brief>;
  facilities: Record<'hospital' | 'centre1' | 'centre2' | 'station1' | 'station2', Brief>;
  /** Workers by the facility they are assigned at. */
  workers: Record<'centre1' | 'centre2' | 'station1' | 'station2', Worker[]>;
  /** The district-1 centre doctor who rotates to the district-1 station. */
  rotatingDoctor: Worker;
  rotationId: string;
  users: Record<RoleName, AccessUser>;
}

/** Everything in district 2: what no district-1 caller may ever see. */
export function districtTwo(w: AccessWorld) {
  const workers = [...w.workers.station2, ...w.workers.centre2];
  return {
    workerIds: workers.map((x) => x.id),
    workerCodes: workers.map((x) => x.code),
    facilityIds: [w.facilities.station2.id, w.facilities.centre2.id],
    facilityCodes: [w.facilities.station2.code, w.facilities.centre2.code],
  };
}

/** Passwords meet the policy (10+ characters, not containing the username). */
export const passwordOf = (role: string) => `Quiet-river-${role.length}-${role.split('').reverse().join('')}`;

async function ok(res: Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`fixture: expected ${status}, got ${r.statusCode} ${r.body}`);
  return r.json();
}

/**
 * Builds the province and signs in one user per role (only `roles` when given: each sign-in costs an
 * argon2 verification and counts against the sign-in rate limit).
 */
export async function buildAccessWorld(
  t: TestEngine,
  opts: { roles?: readonly RoleName[]; suffix?: string } = {},
): Promise<AccessWorld> {
  const post = (url: string, payload: Record<string, unknown>) =>
    ok(t.inject({ method: 'POST', url, payload }));
  const area = async (code: string, level: string, parentCode?: string) => {
    const a = await post('/api/areas', { code, name: `Area ${code}`, level, parentCode });
    return { id: a.id, code: a.code };
  };
  const province = await area('45', 'province');
  const district1 = await area('451', 'district', '45');
  const district2 = await area('452', 'district', '45');
  const commune1 = await area('45101', 'commune', '451');
  const commune2 = await area('45201', 'commune', '452');
  const village1 = await area('45101_1', 'village', '45101');

  const facility = async (code: string, kind: string, areaCode: string) => {
    const f = await post('/api/facilities', { code, name: `Facility ${code}`, kind, areaCode });
    return { id: f.id, code: f.code };
  };
  const hospital = await facility('P0001', 'provincial_general_hospital', '45');
  const centre1 = await facility('C4510', 'district_health_centre', '451');
  const centre2 = await facility('C4520', 'district_health_centre', '452');
  const station1 = await facility('S4510', 'commune_health_station', '45101');
  const station2 = await facility('S4520', 'commune_health_station', '45201');

  const staff = async (at: Brief, tag: string, n: number, cadre = 'nurse') => {
    const out: Worker[] = [];
    for (let i = 1; i <= n; i++) {
      const w = await post('/api/workers', {
        code: `W${tag}${i}`,
        fullName: `Worker ${tag} ${i}`,
        cadre: i === 1 ? 'doctor' : cadre,
        qualification: i === 1 ? 'postgraduate' : 'college',
        assignment: { facilityCode: at.code, position: 'staff', startDate: '2020-01-01' },
      });
      out.push({ id: w.id, code: w.code, fullName: w.fullName });
    }
    return out;
  };
  const workers = {
    centre1: await staff(centre1, 'C1', 2),
    centre2: await staff(centre2, 'C2', 2),
    station1: await staff(station1, 'S1', 3),
    station2: await staff(station2, 'S2', 3),
  };
  const rotatingDoctor = workers.centre1[0]!;
  const inDays = (d: number) => addDays(t.today, d);
  const rotation = await post('/api/rotations', {
    workerId: rotatingDoctor.id,
    hostFacilityCode: station1.code,
    startDate: inDays(-7),
    endDate: inDays(60),
    weekdays: [2, 4],
  });

  const roleBodies: Record<RoleName, Record<string, string>> = {
    admin: { role: 'admin' },
    province: { role: 'province', area: '45' },
    district: { role: 'district', area: '451' },
    station: { role: 'station', facility: station1.code },
    doctor: { role: 'doctor', facility: station1.code },
    vhw: { role: 'vhw', area: village1.code },
    insurance: { role: 'insurance', area: '45' },
  };
  const users = {} as Record<RoleName, AccessUser>;
  for (const role of opts.roles ?? ROLES) {
    const username = `${role}-${opts.suffix ?? 'a'}`;
    const password = passwordOf(role);
    const u = await post('/api/users', {
      username,
      displayName: `The ${role}`,
      password,
      roles: [roleBodies[role]],
    });
    users[role] = { id: u.id, username, password, token: await t.signIn(username, password) };
  }

  return {
    areas: { province, district1, district2, commune1, commune2, village1 },
    facilities: { hospital, centre1, centre2, station1, station2 },
    workers,
    rotatingDoctor,
    rotationId: rotation.id,
    users,
  };
}

/** An HTTP request with a bearer token (or none: anonymous). */
export function as(t: TestEngine, token: string | null, options: InjectOptions) {
  const headers = { ...(options.headers ?? {}) } as Record<string, string>;
  if (token) headers.authorization = `Bearer ${token}`;
  return t.app.inject({ ...options, headers });
}

/** The audit entries matching a query, newest first, as the administrator sees them. */
export async function auditEntries(t: TestEngine, query: Record<string, string>) {
  const res = await t.inject({ url: `/api/audit?${new URLSearchParams({ limit: '500', ...query })}` });
  if (res.statusCode !== 200) throw new Error(`audit: ${res.statusCode} ${res.body}`);
  return res.json().items as AuditEntry[];
}

export interface AuditEntry {
  id: number;
  userId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  detail: string | null;
  status: number | null;
  reason: string | null;
  flagged: boolean;
}
