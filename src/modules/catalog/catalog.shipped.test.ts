import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { isIcd10Format, priceOn } from './catalog.rules.ts';
import type { ShippedCatalogue } from './catalog.shipped.schema.ts';
import { parseShippedCatalogue, SHIPPED_DIR } from './catalog.shipped.ts';

const shipped: ShippedCatalogue[] = fs
  .readdirSync(SHIPPED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseShippedCatalogue(fs.readFileSync(path.join(SHIPPED_DIR, f), 'utf8'), f));
const byId = new Map(shipped.map((c) => [c.id, c]));

describe('the shipped catalogues', () => {
  test('each file is valid, its id unique, and codes unique across every catalogue (one database holds them all)', () => {
    expect(byId.size).toBe(shipped.length);
    const codes = new Map<string, string>();
    for (const c of shipped) {
      if (c.kind === 'diagnoses') continue;
      for (const item of c.items) {
        expect(codes.get(`${c.kind}:${item.code}`), `${c.id} ${item.code}`).toBeUndefined();
        codes.set(`${c.kind}:${item.code}`, c.id);
      }
    }
  });

  test.each(['vn', 'cn'])('the %s profile names shipped catalogues of the right kinds', (id) => {
    const catalogs = loadProfile(id).catalogs!;
    expect(byId.get(catalogs.diagnoses)?.kind).toBe('diagnoses');
    expect(byId.get(catalogs.medicines)?.kind).toBe('medicines');
    expect(byId.get(catalogs.services)?.kind).toBe('services');
  });

  test('the ICD-10 subset holds 300 to 600 codes, all well formed, with the codes a station needs', () => {
    const dx = byId.get('icd10-primary');
    if (dx?.kind !== 'diagnoses') throw new Error('no diagnoses');
    expect(dx.items.length).toBeGreaterThanOrEqual(300);
    expect(dx.items.length).toBeLessThanOrEqual(600);
    for (const d of dx.items) expect(isIcd10Format(d.code), d.code).toBe(true);
    const codes = new Set(dx.items.map((d) => d.code));
    for (const must of [
      'I10',
      'E11.9',
      'E10.9',
      'J06.9',
      'A09',
      'A90',
      'A91',
      'B05.9',
      'A15.0',
      'B08.4',
      'A82.9',
      'A00',
      'U07.1',
      'Z34.9',
      'Z23',
      'F32.9',
      'O80',
    ]) {
      expect(codes.has(must), must).toBe(true);
    }
    for (const p of ['I1', 'E1', 'J0', 'J1', 'J2', 'A0', 'S', 'T', 'O', 'Z3', 'F', 'L', 'H', 'M']) {
      expect(
        dx.items.some((d) => d.code.startsWith(p)),
        p,
      ).toBe(true);
    }
    expect(dx.items.filter((d) => d.chronic).length).toBeGreaterThan(50);
    expect(dx.items.filter((d) => d.notifiable).length).toBeGreaterThan(30);
  });

  test.each(['vn', 'cn'])(
    'the %s medicines and services: levels of the profile, prices that do not overlap',
    (id) => {
      const profile = loadProfile(id);
      const list = profile.catalogs!.levels === 'careLevels' ? (profile.careLevels ?? []) : profile.tiers;
      const levels = new Set(list.map((l) => l.id));
      const medicines = byId.get(profile.catalogs!.medicines);
      const services = byId.get(profile.catalogs!.services);
      if (medicines?.kind !== 'medicines' || services?.kind !== 'services') throw new Error('kinds');
      expect(medicines.items.length + services.items.length).toBeGreaterThanOrEqual(250);
      for (const item of [...medicines.items, ...services.items]) {
        if (item.insuredFromLevel) expect(levels.has(item.insuredFromLevel), item.code).toBe(true);
        if ('lowestCareLevel' in item && item.lowestCareLevel)
          expect(levels.has(item.lowestCareLevel), item.code).toBe(true);
        expect(item.prices.length, item.code).toBeGreaterThan(0);
        const periods = item.prices.map((p, i) => ({
          id: String(i),
          unitPrice: p.unitPrice,
          effectiveFrom: p.effectiveFrom,
          effectiveTo: p.effectiveTo ?? null,
        }));
        for (const p of periods) expect(priceOn(periods, p.effectiveFrom)?.id, item.code).toBe(p.id);
      }
      const inns = new Set(medicines.items.map((m) => m.inn));
      for (const inn of [
        'amlodipine',
        'losartan',
        'enalapril',
        'metformin',
        'gliclazide',
        'insulin human',
        'amoxicillin',
        'paracetamol',
        'oral rehydration salts',
        'zinc sulfate',
        'salbutamol',
        'ferrous sulfate + folic acid',
      ]) {
        expect(inns.has(inn), inn).toBe(true);
      }
    },
  );

  test('a broken file is refused with the path of the bad value', () => {
    const bad = JSON.stringify({
      id: 'x',
      kind: 'diagnoses',
      title: 't',
      items: [{ code: 'I1', vi: 'a', zh: 'b', en: 'c' }],
    });
    expect(() => parseShippedCatalogue(bad, 'x.json')).toThrow(/x\.json is invalid at \/items\/0\/code/);
    const twice = JSON.stringify({
      id: 'x',
      kind: 'diagnoses',
      title: 't',
      items: [
        { code: 'I10', vi: 'a', zh: 'b', en: 'c' },
        { code: 'I10', vi: 'a', zh: 'b', en: 'c' },
      ],
    });
    expect(() => parseShippedCatalogue(twice, 'x.json')).toThrow(/I10 appears twice/);
    expect(() => parseShippedCatalogue('{"kind":"drugs"}', 'x.json')).toThrow(/kind must be/);
  });
});
