import fs from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, test } from 'vitest';
import { PROGRAMMES_DIR, pregnancy, readProgramme, resident, visit } from './visits.fixtures.ts';
import type { RepeatingFile, ScheduleFile, VisitCounts, VisitScheduleFile } from './visits.protocol.ts';
import { checkVisitSchedule, visitScheduleFamily, visitScheduleItems } from './visits.rules.ts';
import { addOffset, codeMatches, parseOffset, visitCounts } from './visits.shared.ts';

const OURS = new Set<string>(visitScheduleFamily.kinds);
const shipped = fs
  .readdirSync(PROGRAMMES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .filter((id) => OURS.has(readProgramme(id).kind));

describe('the shipped files', () => {
  test('there is one of each kind per country, and the WHO models', () => {
    expect(shipped.sort()).toEqual([
      'cn-antenatal',
      'cn-child-health',
      'cn-diabetes',
      'cn-elderly',
      'cn-hypertension',
      'cn-postnatal',
      'vn-antenatal',
      'vn-child-health',
      'vn-diabetes',
      'vn-elderly',
      'vn-hypertension',
      'vn-postnatal',
      'who-antenatal',
      'who-postnatal',
    ]);
  });

  test.each(shipped)('%s passes the schema and check(), and its id is its file name', (id) => {
    const p = readProgramme(id);
    expect(
      [...Value.Errors(visitScheduleFamily.schema, p)].map((e) => `${e.instancePath} ${e.message}`),
    ).toEqual([]);
    expect(visitScheduleFamily.check(p)).toEqual([]);
    expect(p.id).toBe(id);
    expect(visitScheduleFamily.items(p).length).toBeGreaterThan(0);
  });
});

/** A copy of a file with the value at a JSON pointer replaced (removed when undefined). */
function edited(id: string, pointer: string, value: unknown): VisitScheduleFile {
  const copy = structuredClone(readProgramme(id)) as unknown as Record<string, unknown>;
  const keys = pointer.split('/').slice(1);
  const last = keys.pop() as string;
  let at = copy as Record<string, unknown>;
  for (const k of keys) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy as unknown as VisitScheduleFile;
}

describe('check() names the field of a cross-field problem', () => {
  const cnAnc = readProgramme('cn-antenatal') as ScheduleFile;
  const cnHtn = readProgramme('cn-hypertension') as RepeatingFile;
  test.each([
    [
      'cn-antenatal',
      '/versions/0/contacts/1/until',
      '15w',
      'at /versions/0/contacts/1/until: must be after from (16w)',
    ],
    [
      'cn-antenatal',
      '/versions/0/contacts/2/expires',
      '22w',
      'at /versions/0/contacts/2/expires: must not be before until (25w)',
    ],
    ['cn-antenatal', '/versions/0/contacts/3/id', 'anc-1', 'at /versions/0/contacts/3/id: anc-1 twice'],
    [
      'cn-antenatal',
      '/versions/0/contacts/0/from',
      'w',
      "at /versions/0/contacts/0/from: not an offset: 'w'",
    ],
    [
      'cn-antenatal',
      '/versions/0/contacts',
      [...(cnAnc.versions[0]?.contacts ?? [])].reverse(),
      'at /versions/0/contacts/1/from: contacts are listed in order (anc-5 is from 37w)',
    ],
    ['cn-antenatal', '/versions/0/counts', {}, 'at /versions/0/counts: give at least one criterion'],
    [
      'cn-antenatal',
      '/versions/0/afterOutcomes',
      ['live-birth'],
      'at /versions/0/afterOutcomes: only a postnatal schedule runs after outcomes',
    ],
    [
      'vn-postnatal',
      '/versions/0/afterOutcomes',
      undefined,
      'at /versions/0/afterOutcomes: a postnatal schedule says after which outcomes it runs',
    ],
    [
      'cn-hypertension',
      '/versions/1',
      cnHtn.versions[0],
      'at /versions/1/effectiveFrom: versions are listed oldest first, one a day',
    ],
    [
      'cn-hypertension',
      '/versions/0/effectiveFrom',
      '2026-02-30',
      'at /versions/0/effectiveFrom: not a date',
    ],
    ['cn-hypertension', '/versions/0/interval', '0d', 'at /versions/0/interval: must be longer than 0'],
    ['cn-hypertension', '/versions/0/levels/1/id', 'referral', 'at /versions/0/levels/1/id: referral twice'],
    [
      'cn-hypertension',
      '/versions/0/levels/0/atLeast',
      {},
      'at /versions/0/levels/0: give atLeast and/or atMost bounds',
    ],
    ['cn-elderly', '/versions/0/members', {}, 'at /versions/0/members: give problems and/or fromAge'],
  ] as const)('%s with %s changed', (id, pointer, value, message) => {
    expect(checkVisitSchedule(edited(id, pointer, value))).toContain(message);
  });

  test.each([
    ['an unknown kind', { kind: 'tuberculosis' }],
    ['a repeating kind with contacts', { kind: 'hypertension' }],
    [
      'an offset with a unit it does not know',
      {
        versions: [
          {
            effectiveFrom: '2017-02-28',
            counts: { anyVisit: true },
            contacts: [
              { id: 'x', names: { en: 'x', vi: 'x', zh: 'x' }, from: '3h', until: '1d', expires: '2d' },
            ],
          },
        ],
      },
    ],
    ['an unknown field', { extra: 1 }],
  ])('the schema refuses %s', (_, change) => {
    expect(Value.Check(visitScheduleFamily.schema, { ...readProgramme('cn-antenatal'), ...change })).toBe(
      false,
    );
  });

  test.each([
    ['cn-hypertension', '/versions/0/interval', 'zz', '/versions/0/interval'],
    [
      'cn-hypertension',
      '/versions/0/levels/0/atLeast',
      { systolic: 180 },
      '/versions/0/levels/0/atLeast/systolic',
    ],
    ['cn-antenatal', '/versions/0/contacts/1/until', '16', '/versions/0/contacts/1/until'],
    ['vn-postnatal', '/versions/0/afterOutcomes', ['twins'], '/versions/0/afterOutcomes/0'],
  ])('%s with %s = %j: the first schema error is at %s', (id, pointer, value, at) => {
    expect([...Value.Errors(visitScheduleFamily.schema, edited(id, pointer, value))][0]?.instancePath).toBe(
      at,
    );
  });
});

describe('items()', () => {
  test('every item once, with its names', () => {
    const items = visitScheduleItems(readProgramme('cn-child-health'));
    expect(items.map((i) => i.id)).toEqual([
      'newborn-visit',
      'check-28d',
      ...[3, 6, 8, 12, 18, 24, 30, 36].map((m) => `check-${m}m`),
      'check-4y',
      'check-5y',
      'check-6y',
    ]);
    expect(items[0]?.names.zh).toBe('新生儿家庭访视（出院后1周内）');
    expect(visitScheduleItems(readProgramme('vn-hypertension'))).toEqual([
      {
        id: 'htn-follow-up',
        names: { en: 'Hypertension follow-up', vi: 'Tái khám tăng huyết áp', zh: '高血压随访' },
      },
    ]);
  });

  test('an item of two versions is listed once', () => {
    const p = readProgramme('cn-hypertension') as RepeatingFile;
    const v0 = p.versions[0] as RepeatingFile['versions'][number];
    const twice: RepeatingFile = { ...p, versions: [v0, { ...v0, effectiveFrom: '2030-01-01' }] };
    expect(visitScheduleItems(twice).map((i) => i.id)).toEqual(['htn-follow-up']);
  });
});

describe('evaluate()', () => {
  const facts = resident({
    birthDate: '1958-02-01',
    problems: [{ code: 'I10', since: '2026-01-10', active: true }],
    pregnancies: [pregnancy({ lmp: '2026-01-01', edd: '2026-10-08' })],
    visits: [visit('2026-01-10', { '8480-6': 150, '8462-4': 95 }, ['I10', 'Z34.9'])],
  });
  test.each([
    ['cn-antenatal', 5],
    ['cn-postnatal', 0],
    ['cn-child-health', 0],
    ['cn-hypertension', 2],
    ['cn-diabetes', 0],
    ['cn-elderly', 1],
  ])('%s: %s windows, no invalid doses', (id, count) => {
    const answer = visitScheduleFamily.evaluate(facts, readProgramme(id));
    expect(answer.windows).toHaveLength(count);
    expect(answer.invalidDoses).toEqual([]);
  });

  test.each(['died', 'moved-away'])('nothing for a resident who %s, not even history', (status) => {
    for (const id of shipped)
      expect(visitScheduleFamily.evaluate({ ...facts, status }, readProgramme(id)).windows).toEqual([]);
  });
});

describe('offsets, codes and what a visit counts for', () => {
  test.each([
    ['2024-01-31', '1m', '2024-02-29'],
    ['2023-01-31', '1m', '2023-02-28'],
    ['2024-02-29', '1y', '2025-02-28'],
    ['2024-01-31', '3m', '2024-04-30'],
    ['2026-01-01', '13w', '2026-04-02'],
    ['2026-01-01', '1m21d', '2026-02-22'],
    ['1961-03-15', '65y', '2026-03-15'],
    ['2028-01-31', '4y3m', '2032-04-30'],
  ])('%s + %s = %s', (date, offset, want) => {
    expect(addOffset(date, offset)).toBe(want);
  });

  test('parseOffset', () => {
    expect(parseOffset('1y2m3w4d')).toEqual({ months: 14, days: 25 });
    expect(parseOffset('')).toBeNull();
    expect(parseOffset('3h')).toBeNull();
  });

  test.each([
    ['Z34.9', 'Z34', true],
    ['Z34', 'Z34', true],
    ['Z340', 'Z34', false],
    ['Z35.9', 'Z34', false],
    ['Z00.0', 'Z00.0', true],
    ['Z00.1', 'Z00.0', false],
    ['E11.65', 'E11', true],
    ['I10', 'I1', false],
  ])('%s matches %s: %s', (code, prefix, want) => {
    expect(codeMatches(code, prefix)).toBe(want);
  });

  test.each([
    [{ allObservations: ['8480-6', '8462-4'] }, { '8480-6': 130, '8462-4': 80 }, [], true],
    [{ allObservations: ['8480-6', '8462-4'] }, { '8480-6': 130 }, [], false],
    [{ anyObservation: ['1558-6', '4548-4'] }, { '4548-4': 6.5 }, [], true],
    [{ anyDiagnosis: ['Z39'] }, {}, ['Z39.2'], true],
    [{ anyDiagnosis: ['Z39'] }, {}, ['Z30.0'], false],
    [{ anyVisit: true }, {}, [], true],
  ] as [VisitCounts, Record<string, number>, string[], boolean][])(
    'counts %o: a visit with %o %o counts: %s',
    (rule, observations, diagnoses, want) => {
      expect(visitCounts(rule, visit('2026-01-01', observations, diagnoses))).toBe(want);
    },
  );
});
