import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SessionReply } from '../../../src/modules/access/access.schema.ts';
import { todayIn } from '../../../src/platform/dates.ts';
import { PHONE } from './browser.ts';
import type { DemoSite } from './demo-server.ts';

/**
 * What the station's browser tests share: polling the page, the width check, the API read and written
 * from inside the signed-in page, and the demo station a login works at.
 */

/** Polls a read of the page until it passes (20 s at most, every 150 ms). */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 150 });

/** The page fits the viewport's width: no horizontal scrolling. */
export async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** A GET of the API from inside the signed-in page (its session cookie). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

/** A write of the API from inside the signed-in page, with the session's CSRF token. */
export async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ p, b }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(`/api${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { p: path, b: body },
  ) as Promise<T>;
}

/** Where the signed-in login works: its facility, the facility's area, and today on the profile's calendar. */
export interface Station {
  facility: string;
  area: string;
  today: string;
}

export async function stationOf(page: Page): Promise<Station> {
  const session = await apiGet<SessionReply>(page, '/auth/session');
  const role = session.roles.find((r) => r.facility);
  if (!role?.facility || !role.area) throw new Error('the station login has no facility');
  const profile = await apiGet<{ timeZone: string }>(page, '/profile');
  return { facility: role.facility.id, area: role.area.id, today: todayIn(profile.timeZone, new Date()) };
}

/** A new page signed in as the demo's `station` login (on a phone unless told), and its station. */
export async function signedInAtStation(
  site: DemoSite,
  viewport: { width: number; height: number } = PHONE,
): Promise<{ page: Page; station: Station }> {
  const page = await site.newPage(viewport);
  await site.signIn(page, 'station');
  return { page, station: await stationOf(page) };
}
