import type { DemoLogin, LoginWords } from './demo-users.ts';
import type { DemoCounty } from './generate-county.ts';
import { COUNTY, DEMO_TOWNSHIP, PREFECTURE } from './xishui.ts';

/**
 * The CN demo's logins, with the same role names as the Vietnamese demo's: `station` is the township
 * health centre of the registered township, `doctor` one of its doctors, `vhw` the village doctor of
 * its first village with a clinic, `district` the county health commission, `province` the
 * prefecture's, `insurance` the prefecture's medical security bureau (which runs the schemes).
 */
export function demoCountyStation(county: DemoCounty) {
  const township = county.townships.find((t) => t.code === DEMO_TOWNSHIP);
  const station = county.facilities.find(
    (f) => f.kind === 'township_health_centre' && f.areaCode === DEMO_TOWNSHIP,
  );
  if (!township || !station) throw new Error(`demo: no township health centre in ${DEMO_TOWNSHIP}`);
  return { township, station };
}

export function demoCountyLogins(county: DemoCounty): DemoLogin[] {
  const { township, station } = demoCountyStation(county);
  const doctor = county.workers
    .filter((w) => w.cadre === 'doctor' && w.facilityCode === station.code)
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  const clinics = new Set(
    county.facilities.filter((f) => f.kind === 'village_clinic').map((f) => f.areaCode),
  );
  const village = township.villages.find((v) => clinics.has(v.code));
  if (!doctor || !village) throw new Error('demo: the demo logins lack a place');
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scope: null },
    { username: 'station', displayName: station.name, role: 'station', scope: { facility: station.code } },
    {
      username: 'doctor',
      displayName: `${doctor.fullName}医生`,
      role: 'doctor',
      scope: { facility: station.code },
      workerCode: doctor.code,
    },
    {
      username: 'vhw',
      displayName: `${township.name}${village.name}乡村医生`,
      role: 'vhw',
      scope: { area: village.code },
    },
    {
      username: 'district',
      displayName: `${COUNTY.name}卫生健康局`,
      role: 'district',
      scope: { area: COUNTY.code },
    },
    {
      username: 'province',
      displayName: `${PREFECTURE.name}卫生健康局`,
      role: 'province',
      scope: { area: PREFECTURE.code },
    },
    {
      username: 'insurance',
      displayName: `${PREFECTURE.name}医疗保障局`,
      role: 'insurance',
      scope: { area: PREFECTURE.code },
    },
  ];
}

/** The CN demo's logins at start: the heading in Chinese and English, each Chinese name's English. */
export const COUNTY_LOGIN_WORDS: LoginWords = {
  heading: (password, url) => [
    `演示账号${url ? `（${url}）` : ''}，密码均为 "${password}"（仅限演示数据：正式使用前请修改或删除）`,
    `Demo logins${url ? ` at ${url}` : ''}, all with the password "${password}" (demo data only: change or remove them before real use):`,
  ],
  notes: {
    admin: 'system administrator',
    station: 'township health centre of 程寨镇, whose residents are registered',
    doctor: 'a doctor of that township health centre',
    vhw: 'village doctor of one of its villages',
    district: 'Xishui county health commission',
    province: 'Zunyi prefecture health commission',
    insurance: 'Zunyi medical security bureau',
  },
};
