import { describe, expect, test } from 'vitest';
import { KNOWN_PROFILES } from './config.ts';
import { loadProfile, parseProfile, tierOfKind } from './profile.ts';

describe('country profiles', () => {
  test.each(KNOWN_PROFILES)('profile %s loads and is consistent', (id) => {
    const p = loadProfile(id);
    expect(p.id).toBe(id);
    expect(p.cadres.some((c) => c.isDoctor)).toBe(true);
    for (const level of p.areaLevels) expect(() => new RegExp(level.codePattern)).not.toThrow();
  });

  test.each([
    ['vn', 'commune_health_station', 'commune'],
    ['vn', 'district_health_centre', 'district'],
    ['vn', 'provincial_general_hospital', 'provincial'],
    ['vn', 'central_hospital', 'central'],
    ['cn', 'township_health_centre', 'grassroots'],
    ['cn', 'tertiary_hospital', 'tertiary'],
    ['vn', 'no_such_kind', undefined],
  ])('in %s, kind %s is tier %s', (profile, kind, tier) => {
    expect(tierOfKind(loadProfile(profile), kind)).toBe(tier);
  });

  test.each([
    ['vn', 'Asia/Ho_Chi_Minh'],
    ['cn', 'Asia/Shanghai'],
  ])("profile %s keeps the country's time zone %s", (id, zone) => {
    expect(loadProfile(id).timeZone).toBe(zone);
  });

  test.each([
    ['vn', ['commune_health_station']],
    ['cn', ['township_health_centre', 'community_health_centre']],
  ])('in %s, a commune-level area is served by a facility of the kinds %j', (id, kinds) => {
    expect(loadProfile(id).communeStationKinds).toEqual(kinds);
  });

  test('a profile naming an unknown commune station kind stops the start, naming the file', () => {
    const broken = { ...loadProfile('cn'), communeStationKinds: ['township_health_centre', 'health_post'] };
    expect(() => parseProfile(broken, 'cn.json')).toThrow(
      'cn.json: communeStationKinds names health_post, which is not a facility kind',
    );
  });

  test('a profile naming an unknown time zone stops the start, naming the file', () => {
    const broken = { ...loadProfile('vn'), timeZone: 'Asia/Atlantis' };
    expect(() => parseProfile(broken, 'vn.json')).toThrow(
      'vn.json: timeZone Asia/Atlantis is not an IANA time zone',
    );
  });

  test('catalogues whose levels are levels of care need a profile that lists them (CN has tiers only)', () => {
    const cn = loadProfile('cn');
    expect(cn.catalogs?.levels).toBe('tiers');
    const broken = { ...cn, catalogs: { ...cn.catalogs!, levels: 'careLevels' as const } };
    expect(() => parseProfile(broken, 'cn.json')).toThrow(
      'cn.json: catalogs.levels names careLevels, which the profile does not list',
    );
  });
});
