import { describe, expect, test } from 'vitest';
import { compareKeys, listedCount, type RankKey, whomToCall } from './worklists.rules.ts';

describe('whom a worklist row calls', () => {
  const mother = { id: 'm', fullName: 'Mẹ', phone: '0912000111' };
  test.each([
    ['a child with a guardian: the guardian', { phone: null, age: 0 }, mother, '0912000111', 'm'],
    [
      'a child with a phone of its own: still the guardian',
      { phone: '0999', age: 15 },
      mother,
      '0912000111',
      'm',
    ],
    ['a 16-year-old with a phone: their own', { phone: '0999', age: 16 }, mother, '0999', null],
    ['an adult without a phone: the guardian', { phone: null, age: 70 }, mother, '0912000111', 'm'],
    ['an adult with a phone: their own', { phone: '0988', age: 40 }, mother, '0988', null],
    ['no age known, a phone: their own', { phone: '0988', age: null }, mother, '0988', null],
    ['a child, nobody with a phone', { phone: null, age: 3 }, null, null, null],
    ['a child with a phone and no guardian: its own', { phone: '0977', age: 12 }, null, '0977', null],
    ['an empty phone is no phone', { phone: '', age: 40 }, mother, '0912000111', 'm'],
  ] as const)('%s', (_label, resident, guardian, phone, whose) => {
    const call = whomToCall(resident, guardian);
    expect({ phone: call.phone, whose: call.guardian?.id ?? null }).toEqual({ phone, whose });
  });
});

describe("the worklist's order and totals", () => {
  const key = (priority: number, daysOverdue: number, dueFrom: string, id: string): RankKey => ({
    priority,
    daysOverdue,
    dueFrom,
    id,
  });
  test('priority, then the most overdue, then the oldest due date, then the id', () => {
    const keys = [
      key(3, 10, '2026-01-01', 'b'),
      key(1, 40, '2026-01-01', 'a'),
      key(3, 10, '2026-01-01', 'a'),
      key(3, 200, '2026-05-01', 'z'),
      key(3, 10, '2025-12-01', 'c'),
    ];
    expect([...keys].sort(compareKeys).map((k) => `${k.priority}/${k.daysOverdue}/${k.id}`)).toEqual([
      '1/40/a',
      '3/200/z',
      '3/10/c',
      '3/10/a',
      '3/10/b',
    ]);
  });
  test('the total under the kind and state filters', () => {
    const tallies = [
      { kind: 'immunization', state: 'due', n: 3 },
      { kind: 'immunization', state: 'overdue', n: 5 },
      { kind: 'hypertension', state: 'overdue', n: 7 },
    ] as const;
    expect(listedCount(tallies, {})).toBe(15);
    expect(listedCount(tallies, { kind: 'immunization' })).toBe(8);
    expect(listedCount(tallies, { state: 'overdue' })).toBe(12);
    expect(listedCount(tallies, { kind: 'hypertension', state: 'due' })).toBe(0);
  });
});
