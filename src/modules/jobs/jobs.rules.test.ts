import { describe, expect, test } from 'vitest';
import { afterFailure, backoffMs, leaseEnd, renewEveryMs } from './jobs.rules.ts';

const B = { baseMs: 1000, capMs: 60_000 };

describe('backoffMs', () => {
  test.each([
    [0, 0],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [6, 32_000],
    [7, 60_000],
    [50, 60_000],
    [10_000, 60_000],
  ])('after %i failed attempt(s): %i ms', (attempt, ms) => expect(backoffMs(attempt, B)).toBe(ms));
});

describe('afterFailure', () => {
  const now = new Date('2026-12-02T02:00:00Z');
  test.each([
    [1, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:01Z') }],
    [3, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:04Z') }],
    [4, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:08Z') }],
    [5, 5, { state: 'failed' }],
    [6, 5, { state: 'failed' }],
    [1, 1, { state: 'failed' }],
  ])('attempt %i of %i', (attempts, max, expected) =>
    expect(afterFailure(attempts, max, now, B)).toEqual(expected),
  );
});

test('a lease ends its length after it is taken, and is renewed three times in it', () => {
  expect(leaseEnd(new Date('2026-12-02T02:00:00Z'), 30_000)).toEqual(new Date('2026-12-02T02:00:30Z'));
  expect(renewEveryMs(30_000)).toBe(10_000);
  expect(renewEveryMs(100)).toBe(100);
});
