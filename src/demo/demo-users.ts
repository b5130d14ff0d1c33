import { createUser, usersWithPassword } from '../modules/access/index.ts';
import { findWorkersByCodes } from '../modules/workforce/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { AppError } from '../platform/http/errors.ts';
import type { DemoProvince } from './generate.ts';

/** The password of every demo login: a demo, not a secret. Change or remove these users before real use. */
export const DEMO_PASSWORD = 'demo';

/** The demo logins, one per role, in the order they are created and printed. */
export const DEMO_USERNAMES = [
  'admin',
  'station',
  'doctor',
  'vhw',
  'district',
  'province',
  'insurance',
] as const;

export interface DemoLogin {
  username: (typeof DEMO_USERNAMES)[number];
  displayName: string;
  role: string;
  /** Where the role applies: an area code or a facility code (none for the administrator). */
  scope: { area: string } | { facility: string } | null;
  /** The health worker the login belongs to, by staff number. */
  workerCode?: string;
}

/** "Thôn 3" → "thôn 3", "Thị xã Ninh Hòa" → "thị xã Ninh Hòa": a prefix inside a phrase is lower case. */
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * The district whose whole population the demo registers (a small mountain district: Khánh Sơn). The
 * `district` login manages it, and the demo station is one of its communes' stations.
 */
export const DEMO_DISTRICT = '575';

/**
 * The commune station the station, doctor, village and district logins are built around: the first
 * station of the demo district (in the rotation plan's order) that has a doctor of its own and a
 * rotating district doctor, so that every demo user sees something on the first screen.
 */
export function demoStation(demo: DemoProvince) {
  const doctorsAt = new Set(demo.workers.filter((w) => w.cadre === 'doctor').map((w) => w.facilityCode));
  const inDistrict = new Set(
    demo.areas.communes.filter((c) => c.district.code === DEMO_DISTRICT).map((c) => c.code),
  );
  const stations = new Map(
    demo.facilities
      .filter((f) => f.kind === 'commune_health_station' && inDistrict.has(f.areaCode))
      .map((f) => [f.code, f]),
  );
  const code = demo.rotations.map((r) => r.hostFacilityCode).find((c) => stations.has(c) && doctorsAt.has(c));
  const station = code === undefined ? undefined : stations.get(code);
  const commune = demo.areas.communes.find((c) => c.code === station?.areaCode);
  if (!station || !commune)
    throw new Error(
      `demo: no station in district ${DEMO_DISTRICT} with a doctor and a rotating district doctor`,
    );
  return { station, commune };
}

/**
 * One login per role, scoped around one commune station: its staff, a family doctor working there, a
 * village health worker of one of its villages, the manager of its district, and the province's health
 * office and social insurance.
 */
export function demoLogins(demo: DemoProvince): DemoLogin[] {
  const { station, commune } = demoStation(demo);
  const district = demo.areas.all.find((a) => a.code === commune.parentCode);
  const province = demo.areas.all.find((a) => a.level === 'province');
  const village = commune.villages[0];
  const doctor = demo.workers
    .filter((w) => w.cadre === 'doctor' && w.facilityCode === station.code)
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  if (!district || !province || !village || !doctor) throw new Error('demo: the demo logins lack a place');
  const provinceName = lowerFirst(province.name);
  return [
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', scope: null },
    { username: 'station', displayName: station.name, role: 'station', scope: { facility: station.code } },
    {
      username: 'doctor',
      displayName: `BS. ${doctor.fullName}`,
      role: 'doctor',
      scope: { facility: station.code },
      workerCode: doctor.code,
    },
    {
      username: 'vhw',
      displayName: `Nhân viên y tế ${lowerFirst(village.name)}, ${lowerFirst(commune.name)}`,
      role: 'vhw',
      scope: { area: village.code },
    },
    {
      username: 'district',
      displayName: `Phòng Y tế ${lowerFirst(district.name)}`,
      role: 'district',
      scope: { area: district.code },
    },
    {
      username: 'province',
      displayName: `Sở Y tế ${provinceName}`,
      role: 'province',
      scope: { area: province.code },
    },
    {
      username: 'insurance',
      displayName: `Bảo hiểm xã hội ${provinceName}`,
      role: 'insurance',
      scope: { area: province.code },
    },
  ];
}

/**
 * Creates the demo logins through the access module (the password policy is waived for them only).
 * A username already taken is left as it is; resolves with the logins created.
 */
export async function createDemoUsers(ctx: AppContext, logins: DemoLogin[]): Promise<DemoLogin[]> {
  const workers = await findWorkersByCodes(
    ctx.db,
    logins.flatMap((l) => (l.workerCode ? [l.workerCode] : [])),
  );
  const created: DemoLogin[] = [];
  for (const login of logins) {
    const roles = [{ role: login.role, ...login.scope }];
    const workerId = login.workerCode ? workers.get(login.workerCode)?.id : undefined;
    if (login.workerCode && !workerId)
      throw new Error(`demo: no worker ${login.workerCode} for ${login.username}`);
    try {
      await createUser(
        ctx.db,
        {
          username: login.username,
          displayName: login.displayName,
          password: DEMO_PASSWORD,
          workerId,
          roles,
        },
        { trustedPassword: true },
      );
      created.push(login);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return created;
}

/** How a demo's logins are introduced at start, where the demo speaks another language too (CN). */
export interface LoginWords {
  /** The lines above the list. */
  heading(password: string, url?: string): string[];
  /** A note after each login's name, by username (the English of a Chinese name). */
  notes: Record<string, string>;
}

const ENGLISH_WORDS: LoginWords = {
  heading: (password, url) => [
    `Demo logins${url ? ` at ${url}` : ''}, all with the password "${password}" (demo data only: change or remove them before real use):`,
  ],
  notes: {},
};

/**
 * Prints the demo logins that still sign in with the demo password (none on real data, or once their
 * passwords are changed): at every start on demo data, and after `grassroots demo`.
 */
export async function printDemoLogins(
  ctx: AppContext,
  url?: string,
  words: LoginWords = ENGLISH_WORDS,
): Promise<void> {
  const holders = await usersWithPassword(ctx.db, [...DEMO_USERNAMES], DEMO_PASSWORD);
  if (holders.length === 0) return;
  for (const line of words.heading(DEMO_PASSWORD, url)) console.log(line);
  for (const h of holders) {
    const grant = h.grants[0];
    const where = grant?.scopePath ? `area ${grant.scopePath.split('.').at(-1)}` : 'everywhere';
    const note = words.notes[h.username];
    console.log(
      `  ${h.username.padEnd(10)} ${(grant?.role ?? '').padEnd(9)} ${where.padEnd(15)} ${h.displayName}${note ? `  (${note})` : ''}`,
    );
  }
}
