import { describe, expect, test } from 'vitest';
import { daysOverdue, stateOn } from './state.rules.ts';

const w = { dueFrom: '2026-03-01', overdueAfter: '2026-03-31', expiresOn: '2027-03-01', doneOn: null };

describe('a window read on a day', () => {
  test.each([
    ['2026-02-28', 'upcoming', 0],
    ['2026-03-01', 'due', 0],
    ['2026-03-31', 'due', 0],
    ['2026-04-01', 'overdue', 1],
    ['2026-06-30', 'overdue', 91],
    ['2027-02-28', 'overdue', 334],
    ['2027-03-01', 'expired', 0],
  ])('on %s it is %s, %i days overdue', (asOf, state, days) => {
    expect(stateOn(w, asOf)).toBe(state);
    expect(daysOverdue(w, asOf)).toBe(days);
  });

  test('done from the day it was fulfilled, not before (a past day reads as it was)', () => {
    const done = { ...w, doneOn: '2026-04-10' };
    expect(stateOn(done, '2026-04-09')).toBe('overdue');
    expect(stateOn(done, '2026-04-10')).toBe('done');
    expect(stateOn(done, '2028-01-01')).toBe('done');
    expect(daysOverdue(done, '2026-05-01')).toBe(0);
  });

  test('without an overdue date or an expiry it stays due', () => {
    const open = { dueFrom: '2026-03-01', overdueAfter: null, expiresOn: null, doneOn: null };
    expect(stateOn(open, '2030-01-01')).toBe('due');
    expect(daysOverdue(open, '2030-01-01')).toBe(0);
  });
});
