import { Value } from 'typebox/value';
import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { vaccines } from '../immunizations/index.ts';
import { evaluateResident } from './engine.ts';
import { checkImmunization, immunizationItems } from './immunization.check.ts';
import { type ImmunizationProgramme, ImmunizationProgrammeSchema } from './immunization.protocol.ts';
import { immunizationFamily, scheduleOf } from './immunization.rules.ts';
import { child, programmeFile } from './immunization.test-support.ts';
import { familyOf, programmesOf } from './protocols.ts';

const IDS = ['who-immunization', 'vn-epi', 'cn-nip'] as const;

describe('the immunization files', () => {
  test.each([
    { profile: 'vn', id: 'vn-epi', first: 'hepb-0' },
    { profile: 'cn', id: 'cn-nip', first: 'hepb-1' },
  ])('profile $profile runs $id through the immunization family', ({ profile, id, first }) => {
    const listed = programmesOf(loadProfile(profile)).filter((p) => p.kind === 'immunization');
    expect(listed.map((p) => p.id)).toEqual([id]);
    expect(familyOf(listed[0] as ImmunizationProgramme)).toBe(immunizationFamily);
    const answer = evaluateResident(child('2025-01-10', [['HepB', '2025-01-10']]), listed);
    expect(answer.windows[0]).toMatchObject({ programmeId: id, itemId: first, doneOn: '2025-01-10' });
  });

  test.each(IDS)('%s passes the schema and check(), its id is its file name', (id) => {
    const p = programmeFile(id);
    expect([...Value.Errors(ImmunizationProgrammeSchema, p)].map((e) => e.instancePath)).toEqual([]);
    expect(p.id).toBe(id);
    expect(p.kind).toBe('immunization');
    expect(immunizationFamily.check(p)).toEqual([]);
  });

  test.each(IDS)('%s: every vaccine named exists in protocols/vaccines.json', (id) => {
    const codes = programmeFile(id).versions.flatMap((v) => v.items.flatMap((i) => i.vaccines ?? []));
    expect(codes.filter((c) => !vaccines().has(c))).toEqual([]);
  });

  test('items() lists every version item once, with the newest names', () => {
    const items = immunizationItems(programmeFile('vn-epi'), vaccines()).map((i) => i.id);
    expect(new Set(items).size).toBe(items.length);
    expect(items).toEqual(expect.arrayContaining(['hepb-0', 'penta-3', 'ipv-2', 'td-7', 'je-3']));
    expect(immunizationFamily.items(programmeFile('cn-nip')).find((i) => i.id === 'dtap-1')?.names.zh).toBe(
      '百白破疫苗第1剂',
    );
  });

  test('each item names the vaccines that count for it: those its file names, else those covering its antigens', () => {
    const vn = new Map(immunizationItems(programmeFile('vn-epi'), vaccines()).map((i) => [i.id, i]));
    expect(vn.get('hepb-0')).toMatchObject({ vaccines: ['HepB'] });
    expect(vn.get('bcg')).toMatchObject({ vaccines: ['BCG'] });
    const penta = vn.get('penta-1')?.vaccines ?? [];
    expect(penta.length).toBeGreaterThan(0);
    for (const code of penta)
      expect(vaccines().get(code)?.antigens).toEqual(
        expect.arrayContaining(['diphtheria', 'tetanus', 'pertussis', 'hepatitis-b', 'hib']),
      );
  });

  test.each([
    { id: 'vn-epi' as const, born: '2025-01-10', birthDose: 'hepb-0', first: 'penta-1' },
    { id: 'cn-nip' as const, born: '2025-01-10', birthDose: 'hepb-1', first: 'dtap-1' },
  ])(
    '$id numbers its doses as the country does (birth dose $birthDose)',
    ({ id, born, birthDose, first }) => {
      const ids = scheduleOf(programmeFile(id), born, vaccines()).map((i) => i.id);
      expect(ids).toContain(birthDose);
      expect(ids).toContain(first);
    },
  );

  test.each([
    { born: '2024-06-01', item: 'dtap-1', from: '2021-03-01' },
    { born: '2025-01-10', item: 'dtap-1', from: '2025-01-01' },
    { born: '2024-10-05', item: 'dtap-1', from: '2025-01-01' },
    { born: '2024-10-05', item: 'dtap-2', from: '2025-01-01' },
  ])('China, born $born: $item under the version from $from', ({ born, item, from }) => {
    const resolved = scheduleOf(programmeFile('cn-nip'), born, vaccines()).find((i) => i.id === item);
    expect(resolved?.version.effectiveFrom).toBe(from);
  });
});

/** vn-epi with one change, to see check() name the place. */
function broken(change: (p: ImmunizationProgramme) => void): ImmunizationProgramme {
  const p = structuredClone(programmeFile('vn-epi'));
  change(p);
  return p;
}

describe('check() names what the schema cannot see', () => {
  const item = (p: ImmunizationProgramme, v: number, id: string) => {
    const found = p.versions[v]?.items.find((i) => i.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  test.each([
    {
      name: 'an unknown vaccine code',
      p: broken((p) => {
        item(p, 0, 'hepb-0').vaccines = ['HepX'];
      }),
      want: 'at /versions/0/items/0/vaccines/0: unknown vaccine HepX',
    },
    {
      name: 'a vaccine that does not protect against the antigens',
      p: broken((p) => {
        item(p, 0, 'hepb-0').vaccines = ['BCG'];
      }),
      want: 'at /versions/0/items/0/vaccines/0: BCG does not protect against hepatitis-b',
    },
    {
      name: 'an unknown antigen',
      p: broken((p) => {
        item(p, 0, 'bcg').antigens = ['leprosy'];
      }),
      want: 'at /versions/0/items/1/antigens/0: unknown antigen leprosy',
    },
    {
      name: 'an unknown prerequisite item',
      p: broken((p) => {
        item(p, 1, 'penta-2').after = 'penta-9';
      }),
      want: 'at /versions/1/items/3/after: unknown item penta-9',
    },
    {
      name: 'a prerequisite of another series',
      p: broken((p) => {
        item(p, 1, 'penta-2').after = 'bcg';
      }),
      want: 'at /versions/1/items/3/after: bcg is in series bcg, not dtp',
    },
    {
      name: 'a prerequisite listed later',
      p: broken((p) => {
        item(p, 1, 'penta-2').after = 'penta-3';
      }),
      want: 'at /versions/1/items/3/after: penta-3 is listed after it',
    },
    {
      name: 'overlapping versions',
      p: broken((p) => {
        (p.versions[1] as { effectiveFrom: string }).effectiveFrom = '2017-12-01';
      }),
      want: "at /versions/1/effectiveFrom: 2017-12-01 overlaps the previous version's 2017-12-01 (versions oldest first, each from a later day)",
    },
    {
      name: 'an item twice',
      p: broken((p) => {
        p.versions[0]?.items.push(structuredClone(item(p, 0, 'bcg')));
      }),
      want: `at /versions/0/items/${programmeFile('vn-epi').versions[0]?.items.length}/id: item bcg twice`,
    },
    {
      name: 'a minimum age above the age',
      p: broken((p) => {
        item(p, 0, 'penta-1').minAge = { months: 3 };
      }),
      want: 'at /versions/0/items/2/minAge: above the age',
    },
    {
      name: 'a prerequisite without a minimum interval',
      p: broken((p) => {
        delete item(p, 0, 'penta-2').minInterval;
      }),
      want: 'at /versions/0/items/3/minInterval: an item after another needs a minimum interval',
    },
    {
      name: 'an item due after the end of catch-up without its own expiry',
      p: broken((p) => {
        delete item(p, 1, 'td-7').expiresAt;
      }),
      want: `at /versions/1/items/${programmeFile('vn-epi').versions[1]?.items.findIndex((i) => i.id === 'td-7')}/age: not before the version's catchUpUntil (give the item its own expiresAt)`,
    },
  ])('$name', ({ p, want }) => {
    expect(checkImmunization(p, vaccines())).toContain(want);
  });
});
