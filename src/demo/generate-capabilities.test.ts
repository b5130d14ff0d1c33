import { describe, expect, test } from 'vitest';
import { standardsOf } from '../modules/capabilities/index.ts';
import { loadProfile } from '../platform/profile.ts';
import { planCapabilities } from './generate-capabilities.ts';
import { CAPABILITY_WORDS as VN_WORDS } from './khanh-hoa.ts';
import { Rng } from './random.ts';
import { CAPABILITY_WORDS as CN_WORDS } from './xishui.ts';

describe.each([
  { profile: 'vn', kind: 'commune_health_station', words: VN_WORDS },
  { profile: 'cn', kind: 'township_health_centre', words: CN_WORDS },
])('planCapabilities under $profile', ({ profile, kind, words }) => {
  const standard = standardsOf(loadProfile(profile)).forKind(kind)!;
  const stations = Array.from({ length: 120 }, (_, i) => ({ code: `S${i}`, standard }));
  const plan = () => planCapabilities(new Rng('test').fork('capabilities'), stations, '2026-11-25', words);

  test('is deterministic', () => {
    expect(plan()).toEqual(plan());
  });

  test('offers about half the standard, with reasons for what is declared not offered', () => {
    const { services } = plan();
    const latest = new Map<string, (typeof services)[number]>();
    for (const s of services) {
      const key = `${s.facilityCode}/${s.serviceCode}`;
      const prev = latest.get(key);
      if (!prev || s.since >= prev.since) latest.set(key, s);
    }
    const offered = [...latest.values()].filter((s) => s.offered).length;
    const share = offered / (stations.length * standard.services.length);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.6);
    expect(services.filter((s) => !s.offered).every((s) => s.reason && s.since <= '2026-11-25')).toBe(true);
  });

  test('counts equipment with some units broken or to repair, never a negative count', () => {
    const { equipment } = plan();
    expect(equipment.some((e) => e.broken > 0)).toBe(true);
    expect(equipment.some((e) => e.needsRepair > 0)).toBe(true);
    expect(equipment.every((e) => e.working >= 0 && e.asOf <= '2026-11-25')).toBe(true);
  });
});
