import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { standardsOf } from './capabilities.standards.ts';

describe.each(['vn', 'cn'])('the %s profile standards', (id) => {
  const profile = loadProfile(id);
  const standards = standardsOf(profile);

  test('every commune-level station kind has a standard with core services and core equipment', () => {
    for (const kind of profile.communeStationKinds) {
      const s = standards.forKind(kind);
      expect(s, kind).toBeDefined();
      expect(s?.services.filter((i) => i.core).length).toBeGreaterThan(10);
      expect(s?.equipment.filter((i) => i.core).length).toBeGreaterThan(5);
    }
  });

  test('a district hospital kind has none', () => {
    const hospitalKinds = profile.facilityKinds.filter((k) => !profile.communeStationKinds.includes(k.id));
    expect(hospitalKinds.every((k) => standards.forKind(k.id) === undefined)).toBe(true);
  });
});
