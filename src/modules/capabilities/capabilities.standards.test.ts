import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
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

describe.each(['vn', 'cn'])('the %s standard maps its services to the shipped services catalogue', (id) => {
  const profile = loadProfile(id);
  const file = path.join(PROJECT_ROOT, 'protocols/catalogs', `${profile.catalogs?.services}.json`);
  const catalogue = new Set(
    (JSON.parse(fs.readFileSync(file, 'utf8')).items as { code: string }[]).map((i) => i.code),
  );

  test('every mapped code is in the catalogue, and maps to one service of the standard only', () => {
    for (const s of standardsOf(profile).all) {
      const seen = new Map<string, string>();
      for (const service of s.services)
        for (const code of service.catalogServiceCodes ?? []) {
          expect(catalogue.has(code), `${service.code} -> ${code}`).toBe(true);
          expect(seen.get(code), code).toBeUndefined();
          seen.set(code, service.code);
        }
      expect(seen.size).toBeGreaterThan(30);
    }
  });
});
