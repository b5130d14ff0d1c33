import type { AppContext } from '../platform/app-context.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { COUNTY_LOGIN_WORDS } from './county-users.ts';
import type { LoginWords } from './demo-users.ts';
import { type LoadDemoOptions, loadDemoProvince } from './load.ts';
import { loadDemoCounty } from './load-county.ts';

/**
 * The demos, keyed by the name a country profile gives in its `demo` key (protocols/profiles/*.json).
 * Each is a deterministic generator of one place in that country, loaded through the modules' own
 * CSV imports into an empty database. Which one loads is the profile's data, never a branch on the
 * country: a new country's demo is one entry here and one key in its profile.
 */
export interface DemoDefinition {
  /** How the first start names it: "the demo province Khánh Hòa". */
  title: string;
  /** Generates and loads it (progress and a summary on the console unless `output` is false). */
  load(ctx: AppContext, options?: LoadDemoOptions): Promise<unknown>;
  /** How the logins are printed at start, where not in English alone. */
  loginWords?: LoginWords;
}

export const DEMOS: Record<string, DemoDefinition> = {
  'khanh-hoa': { title: 'the demo province Khánh Hòa', load: loadDemoProvince },
  xishui: {
    title: '演示县 习水县 / the demo county Xishui (Zunyi, Guizhou)',
    load: loadDemoCounty,
    loginWords: COUNTY_LOGIN_WORDS,
  },
};

/** The demo a profile names, or undefined when it names none or one that is not here. */
export function demoOf(profile: CountryProfile): DemoDefinition | undefined {
  return profile.demo === undefined ? undefined : DEMOS[profile.demo];
}

/** The one line a start prints when the profile has no demo to load. */
export function noDemoLine(profile: CountryProfile): string {
  const why =
    profile.demo === undefined
      ? 'names no demo'
      : `names the demo "${profile.demo}", which is not one of ${Object.keys(DEMOS).join(', ')}`;
  return `The profile ${profile.id} (${profile.name}) ${why}: starting with an empty database (add areas, facilities and people by CSV import or the API).`;
}
