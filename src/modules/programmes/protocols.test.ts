import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Type from 'typebox';
import { afterAll, describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { evaluateResident } from './engine.ts';
import type { ResidentFacts } from './facts.ts';
import { type ProgrammeFile, ProgrammeHeader } from './protocol.schema.ts';
import { loadProgrammes, type ProgrammeFamily, programmes, programmesOf } from './protocols.ts';

/** A family made for the loader's tests: one yearly check on a fixed day. */
type Yearly = ProgrammeFile & {
  versions: { effectiveFrom: string; items: { id: string; names: ProgrammeFile['names']; day: string }[] }[];
};
const yearly: ProgrammeFamily<Yearly> = {
  kinds: ['elderly'],
  schema: Type.Object({
    ...ProgrammeHeader,
    versions: Type.Array(
      Type.Object({
        effectiveFrom: Type.String({ format: 'date' }),
        items: Type.Array(
          Type.Object({ id: Type.String(), names: ProgrammeHeader.names, day: Type.String() }),
        ),
      }),
      { minItems: 1 },
    ),
  }),
  check: (p) =>
    p.versions.some((v) => v.items.length === 0) ? ['at /versions: a version without items'] : [],
  items: (p) => p.versions.flatMap((v) => v.items.map(({ id, names }) => ({ id, names }))),
  evaluate: (_facts, p) => ({
    windows: p.versions[0]!.items.map((i) => ({
      programmeId: p.id,
      itemId: i.id,
      episodeId: null,
      dueFrom: i.day,
      earliestOn: i.day,
      overdueAfter: null,
      expiresOn: null,
      doneOn: null,
      doneBy: null,
    })),
    invalidDoses: [],
  }),
};

const names = { en: 'Check', vi: 'Khám', zh: '体检' };
const good = {
  id: 'test-yearly',
  kind: 'elderly',
  profiles: ['vn'],
  names,
  source: 'test',
  versions: [{ effectiveFrom: '2026-01-01', items: [{ id: 'check', names, day: '2026-06-01' }] }],
};

const dirs: string[] = [];
function dirWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programmes-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('programme files', () => {
  test('a good file loads and its family evaluates it', () => {
    const loaded = loadProgrammes(dirWith({ 'test-yearly.json': good }), [yearly]);
    const facts: ResidentFacts = {
      residentId: 'r',
      birthDate: '1950-01-01',
      sex: 'female',
      status: 'active',
      doses: [],
      pregnancies: [],
      problems: [],
      visits: [],
    };
    const answer = evaluateResident(facts, [loaded.get('test-yearly')!]);
    expect(answer.windows.map((w) => [w.programmeId, w.itemId, w.dueFrom])).toEqual([
      ['test-yearly', 'check', '2026-06-01'],
    ]);
    expect(answer.risk.lastSystolic).toBeNull();
  });

  test.each([
    ['not JSON', '{', /is not JSON/],
    [
      'a kind no family evaluates',
      { ...good, kind: 'hypertension' },
      /invalid at \/kind: no rules for kind hypertension/,
    ],
    ['a missing field', { ...good, source: undefined }, /invalid at \/: .*source/],
    [
      'a wrong type deep inside',
      { ...good, versions: [{ effectiveFrom: '2026-01-01', items: [{ id: 'check', names, day: 5 }] }] },
      /invalid at \/versions\/0\/items\/0\/day/,
    ],
    ['an id other than the file name', { ...good, id: 'other' }, /id other is not the file name/],
    [
      'a problem only the family sees',
      { ...good, versions: [{ effectiveFrom: '2026-01-01', items: [] }] },
      /invalid at \/versions: a version without items/,
    ],
  ])('%s stops the load naming the file and the field', (_label, body, message) => {
    const dir = dirWith({ 'test-yearly.json': body });
    expect(() => loadProgrammes(dir, [yearly])).toThrow(message);
    expect(() => loadProgrammes(dir, [yearly])).toThrow(path.join(dir, 'test-yearly.json'));
  });
});

describe("the profiles' programmes", () => {
  test.each(['vn', 'cn'])('profile %s lists only shipped files that name it', (id) => {
    const profile = loadProfile(id);
    const listed = programmesOf(profile);
    expect(listed.map((p) => p.id)).toEqual(profile.programmes ?? []);
    for (const p of listed) expect(p.profiles).toContain(id);
  });

  test('every shipped file loads (the start would refuse otherwise)', () => {
    expect(() => programmes()).not.toThrow();
  });
});
