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

/**
 * The CN suites' small tree, with its real names: Beijing (11) > 市辖区 (1101) > 朝阳区 (110105) > 建外街道
 * (110105001) and its community health centre CHC110105001. Answers the centre's id.
 */
export async function registerJianwaiCentre(t: TestEngine): Promise<string> {
  await postExpect(t, '/api/areas', { code: '11', name: '北京市', level: 'province' });
  await postExpect(t, '/api/areas', { code: '1101', name: '市辖区', level: 'prefecture', parentCode: '11' });
  await postExpect(t, '/api/areas', { code: '110105', name: '朝阳区', level: 'county', parentCode: '1101' });
  await postExpect(t, '/api/areas', {
    code: '110105001',
    name: '建外街道',
    level: 'township',
    parentCode: '110105',
  });
  const centre = await postExpect(t, '/api/facilities', {
    code: 'CHC110105001',
    name: '社区卫生服务中心',
    kind: 'community_health_centre',
    areaCode: '110105001',
  });
  return centre.id as string;
}
