import { describe, expect, test } from 'vitest';
import { addDays } from '../../platform/dates.ts';
import { loadProfile } from '../../platform/profile.ts';
import { evaluateResident } from './engine.ts';
import type { DueWindow } from './facts.ts';
import { programmesOf } from './protocols.ts';
import { stateOn } from './state.rules.ts';
import { bp, pregnancy, resident, visit } from './visits.fixtures.ts';

/**
 * The visit-schedule family through the engine, with the profiles' programme lists (the loader,
 * familyOf, evaluateResident), and the states its windows take on a day (stateOn).
 */

const KINDS = ['antenatal', 'postnatal', 'child-health', 'hypertension', 'diabetes', 'elderly'];

describe.each(['vn', 'cn'])('profile %s', (profileId) => {
  const listed = programmesOf(loadProfile(profileId));
  const ours = listed.filter((p) => KINDS.includes(p.kind));
  const answer = (facts: ReturnType<typeof resident>) => evaluateResident(facts, listed);
  const state = (windows: DueWindow[], programmeId: string, asOf: string) =>
    windows.filter((w) => w.programmeId === programmeId).map((w) => [w.itemId, stateOn(w, asOf)]);

  test('runs one programme of each kind, its own', () => {
    expect(ours.map((p) => p.kind).sort()).toEqual([...KINDS].sort());
    expect(ours.every((p) => p.id.startsWith(`${profileId}-`))).toBe(true);
  });

  test('a pregnant woman with hypertension: her antenatal contacts and her follow-ups', () => {
    const lmp = '2026-01-01';
    const facts = resident({
      birthDate: '1992-04-02',
      pregnancies: [pregnancy({ lmp, edd: addDays(lmp, 280) })],
      problems: [{ code: 'I10', since: '2026-02-01', active: true }],
      visits: [bp('2026-02-01', 150, 95, ['I10', 'Z34.9'])],
    });
    const { windows } = answer(facts);
    const programmeIds = new Set(
      windows.map((w) => w.programmeId).filter((id) => ours.some((p) => p.id === id)),
    );
    // The elderly check is upcoming at 65 for everyone with a birth date.
    expect(programmeIds).toEqual(
      new Set([`${profileId}-antenatal`, `${profileId}-hypertension`, `${profileId}-elderly`]),
    );
    // On 2026-02-20 (day 50): the first contact was done at the visit; the next is upcoming.
    expect(state(windows, `${profileId}-antenatal`, '2026-02-20').slice(0, 2)).toEqual([
      ['anc-1', 'done'],
      ['anc-2', 'upcoming'],
    ]);
    // The reading was uncontrolled: reviewed within 2 weeks, overdue after.
    expect(state(windows, `${profileId}-hypertension`, '2026-02-15')).toEqual([
      ['htn-follow-up', 'done'],
      ['htn-follow-up', 'due'],
    ]);
    expect(state(windows, `${profileId}-hypertension`, '2026-02-16').at(-1)).toEqual([
      'htn-follow-up',
      'overdue',
    ]);
  });

  test('the elderly check: upcoming at 64, due on the 65th birthday, overdue a month later', () => {
    const { windows } = answer(resident({ birthDate: '1961-03-15' }));
    const elderly = `${profileId}-elderly`;
    expect(state(windows, elderly, '2026-03-14')).toEqual([['yearly-check', 'upcoming']]);
    expect(state(windows, elderly, '2026-03-15')).toEqual([['yearly-check', 'due']]);
    expect(state(windows, elderly, '2026-04-15')).toEqual([['yearly-check', 'overdue']]);
  });

  test('a child: checks by age, the missed ones expired', () => {
    const born = '2025-06-01';
    const { windows } = answer(
      resident({ birthDate: born, visits: [visit('2025-07-05', { '29463-7': 4.6 })] }),
    );
    const states = state(windows, `${profileId}-child-health`, '2026-01-01');
    expect(states.filter(([, s]) => s === 'done')).toEqual([
      [profileId === 'vn' ? 'growth-1m' : 'check-28d', 'done'],
    ]);
    expect(states.filter(([, s]) => s === 'expired').length).toBeGreaterThan(0);
    expect(states.some(([, s]) => s === 'upcoming')).toBe(true);
    expect(windows.some((w) => w.programmeId === `${profileId}-elderly`)).toBe(true); // upcoming at 65
  });

  test('after a live birth: the postnatal home visit, done by a Z39 visit in the first week', () => {
    const facts = resident({
      pregnancies: [
        pregnancy({ lmp: '2025-06-01', edd: '2026-03-08', outcome: 'live-birth', outcomeDate: '2026-03-01' }),
      ],
      visits: [visit('2026-03-05', { '8480-6': 118, '8462-4': 74 }, ['Z39.2'])],
    });
    const { windows } = answer(facts);
    expect(state(windows, `${profileId}-postnatal`, '2026-03-06')[0]).toEqual(['pnc-home', 'done']);
    expect(
      windows
        .filter((w) => w.programmeId === `${profileId}-antenatal`)
        .every((w) => stateOn(w, '2026-03-06') !== 'due'),
    ).toBe(true);
  });

  test('a resident who moved away: nothing from these programmes', () => {
    const facts = resident({
      status: 'moved-away',
      birthDate: '1950-01-01',
      problems: [{ code: 'E11.9', since: '2020-01-01', active: true }],
    });
    expect(answer(facts).windows.filter((w) => ours.some((p) => p.id === w.programmeId))).toEqual([]);
  });
});
