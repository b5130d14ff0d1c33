import { createUser } from '../modules/access/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { AppError } from '../platform/http/errors.ts';
import type { DemoFacility } from './generate-facilities.ts';

/** The password of every demo login: a demo, not a secret. Change or remove these users before real use. */
export const DEMO_PASSWORD = 'grassroots-demo';

export interface DemoLogin {
  username: string;
  displayName: string;
  role: string;
  /** Where the role applies: an area code or a facility code. */
  scope: { area: string } | { facility: string };
}

/** One login per kind of user, each scoped where such a user would work in the demo province. */
export function demoLogins(facilities: DemoFacility[]): DemoLogin[] {
  const station = facilities.find((f) => f.name === 'Trạm Y tế phường Vĩnh Hải');
  const mountainStation = facilities.find((f) => f.name === 'Trạm Y tế xã Sơn Bình');
  if (!station || !mountainStation) throw new Error('demo: the stations of the demo logins are missing');
  return [
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', scope: { area: '56' } },
    { username: 'province', displayName: 'Sở Y tế Khánh Hòa', role: 'province', scope: { area: '56' } },
    {
      username: 'district',
      displayName: 'Trung tâm Y tế huyện Khánh Sơn',
      role: 'district',
      scope: { area: '575' },
    },
    { username: 'station', displayName: station.name, role: 'station', scope: { facility: station.code } },
    {
      username: 'doctor',
      displayName: `Bác sĩ, ${mountainStation.name}`,
      role: 'doctor',
      scope: { facility: mountainStation.code },
    },
    {
      username: 'insurance',
      displayName: 'Bảo hiểm xã hội tỉnh Khánh Hòa',
      role: 'insurance',
      scope: { area: '56' },
    },
  ];
}

/**
 * Creates the demo logins through the access module (the password policy is waived for them only).
 * A username already taken is left as it is; resolves with the logins created.
 */
export async function createDemoUsers(ctx: AppContext, logins: DemoLogin[]): Promise<DemoLogin[]> {
  const created: DemoLogin[] = [];
  for (const login of logins) {
    const roles = [login.role === 'admin' ? { role: 'admin' } : { role: login.role, ...login.scope }];
    try {
      await createUser(
        ctx.db,
        { username: login.username, displayName: login.displayName, password: DEMO_PASSWORD, roles },
        { trustedPassword: true },
      );
      created.push(login);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return created;
}
