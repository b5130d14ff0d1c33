import { expect, test } from 'vitest';
import { type Call, returnCounts, returnFigure } from './figures.outreach.rules.ts';
import { type Period, parsePeriod, windowsOf } from './figures.rules.ts';

const TODAY = '2026-12-02';
const q3 = parsePeriod('2026Q3', TODAY) as Period;
const w3 = windowsOf(q3, TODAY);
const ZONE = 'Asia/Ho_Chi_Minh';
const call = (residentId: string, at: string): Call => ({ residentId, at: new Date(at) });

test.each([
  {
    name: 'a visit 15 days after the call: back',
    calls: ['2026-08-01T02:00:00Z'],
    visits: ['2026-08-16'],
    want: 1,
  },
  { name: '16 days after: not back', calls: ['2026-08-01T02:00:00Z'], visits: ['2026-08-17'], want: 0 },
  { name: 'the same day: back', calls: ['2026-08-01T02:00:00Z'], visits: ['2026-08-01'], want: 1 },
  {
    name: 'the day before the call: not back',
    calls: ['2026-08-01T02:00:00Z'],
    visits: ['2026-07-31'],
    want: 0,
  },
  {
    name: 'from the first call, not a later one',
    calls: ['2026-08-20T02:00:00Z', '2026-08-01T02:00:00Z'],
    visits: ['2026-08-25'],
    want: 0,
  },
  {
    name: "the call's day on the profile's calendar (17:30 UTC is the next day in Vietnam)",
    calls: ['2026-08-01T17:30:00Z'],
    visits: ['2026-08-17'],
    want: 1,
  },
])('$name', ({ calls, visits, want }) => {
  const c = returnCounts(
    calls.map((at) => call('r', at)),
    new Map([['r', visits]]),
    q3,
    w3,
    ZONE,
  );
  expect(c).toEqual({ called: 1, returned: want });
});

test('calls outside the period on the profile calendar are not counted', () => {
  const c = returnCounts(
    [call('a', '2026-06-30T16:59:00Z'), call('b', '2026-06-30T17:00:00Z'), call('c', '2026-09-30T17:00:00Z')],
    new Map(),
    q3,
    w3,
    ZONE,
  );
  // a: 23:59 on 30 June in Vietnam; b: 00:00 on 1 July; c: 00:00 on 1 October.
  expect(c).toEqual({ called: 1, returned: 0 });
  expect(returnFigure('hypertension', { called: 4, returned: 1 })).toMatchObject({
    id: 'hypertension-returned-after-call',
    count: 1,
    denominator: 4,
    rate: 25,
  });
});
