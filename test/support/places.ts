import type { TestEngine } from './engines.ts';
import { postExpect } from './requests.ts';

/** An area as a test tree lists it: its code, its level and its parent's code (none for the top). */
export type AreaRow = readonly [code: string, level: string, parentCode?: string];

/** The tree most suites start from: province 56, its district 568 and that district's communes 56801 and 56802. */
export const DISTRICT_568: readonly AreaRow[] = [
  ['56', 'province'],
  ['568', 'district', '56'],
  ['56801', 'commune', '568'],
  ['56802', 'commune', '568'],
];

/** Registers the areas in the order given (parents first), each named `Area <code>`, through the API. */
export async function registerAreas(t: TestEngine, rows: readonly AreaRow[]): Promise<void> {
  for (const [code, level, parentCode] of rows)
    await postExpect(t, '/api/areas', { code, name: `Area ${code}`, level, parentCode });
}

/** Registers a commune health station in the area given, through the API: the new facility. */
export function registerStation(t: TestEngine, code: string, areaCode: string, name = 'Station 1') {
  return postExpect(t, '/api/facilities', { code, name, kind: 'commune_health_station', areaCode });
}
