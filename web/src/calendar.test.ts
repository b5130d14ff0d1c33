import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, todayIn } from './calendar.ts';

describe('calendar dates', () => {
  it('real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
  });

  it.each([
    // 23:30 in Hanoi is 16:30 UTC: still the same day.
    { at: '2026-01-05T16:30:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2026-01-05' },
    // 06:30 in Hanoi is 23:30 UTC the day before: already today in Hanoi.
    { at: '2026-01-05T23:30:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2026-01-06' },
    { at: '2026-01-05T23:30:00Z', zone: 'Asia/Shanghai', want: '2026-01-06' },
    { at: '2026-01-05T15:59:59Z', zone: 'Asia/Shanghai', want: '2026-01-05' },
    { at: '2026-01-05T16:00:00Z', zone: 'Asia/Shanghai', want: '2026-01-06' },
  ])("today at $at in $zone is the country's $want", ({ at, zone, want }) => {
    expect(todayIn(zone, new Date(at))).toBe(want);
  });

  it('days between calendar dates', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
