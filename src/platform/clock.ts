/**
 * The one place the server asks what time it is. Services and routes take the clock from the app
 * context, so a test pins it (`fixedClock`) and nothing depends on when or where the suite runs.
 */
import { todayIn } from './dates.ts';

export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock stopped at one instant, for tests and for replaying a day.
 *
 * @example fixedClock('2026-03-31T23:30:00+07:00') // 23:30 in Hanoi, 16:30 UTC
 */
export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: ${String(instant)} is not an instant`);
  return { now: () => new Date(at) };
}

/** What a caller needs to know today's date: the country's time zone and a clock. */
export interface CalendarContext {
  profile: { timeZone: string };
  clock: Clock;
}

/** Today's date on the country's calendar (the profile's time zone), as 'YYYY-MM-DD'. */
export function todayOf(ctx: CalendarContext): string {
  return todayIn(ctx.profile.timeZone, ctx.clock.now());
}
