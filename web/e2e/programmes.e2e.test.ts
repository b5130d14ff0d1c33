import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ImmunizationList } from '../../src/modules/immunizations/immunizations.schema.ts';
import type { ResidentDue, Worklist, WorklistRow } from '../../src/modules/programmes/programmes.schema.ts';
import type { Resident } from '../../src/modules/residents/residents.schema.ts';
import { addDays } from '../../src/platform/dates.ts';
import { newId } from '../../src/platform/ids.ts';
import { PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';
import { apiGet, apiPost, fitsWidth, poll, type Station, signedInAtStation } from './support/station.ts';

/**
 * The programme screens on a phone (360 px): the district's programme figures; at the commune
 * station, the overdue people on the home page and today's list (a tap to call, a tap to record the
 * outcome), a child's vaccinations (a dose given today saved and listed, and taking the child's item
 * off the list; a dose given before the minimum age flagged with its reason in words) and a child's
 * weight on the growth chart.
 */

/** Every row of a worklist query, page by page. */
async function worklistRows(page: Page, query: string): Promise<WorklistRow[]> {
  const rows: WorklistRow[] = [];
  let cursor: string | null = null;
  do {
    const list: Worklist = await apiGet<Worklist>(
      page,
      `/worklists?${query}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    rows.push(...list.items);
    cursor = list.nextCursor;
  } while (cursor);
  return rows;
}

/** Active children of the station's commune aged `days` (from, to) today, youngest first. */
async function childrenAged(page: Page, { area, today }: Station, days: [number, number]) {
  const from = addDays(today, -days[1]);
  const to = addDays(today, -days[0]);
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])];
  const found: Resident[] = [];
  for (const year of years) {
    const page1 = await apiGet<{ items: Resident[] }>(
      page,
      `/residents?area=${area}&birthYear=${year}&limit=500`,
    );
    found.push(
      ...page1.items.filter(
        (r) => r.status === 'active' && r.birthDate && r.birthDate >= from && r.birthDate <= to,
      ),
    );
  }
  return found.sort((a, b) => (b.birthDate ?? '').localeCompare(a.birthDate ?? ''));
}

describe('VN demo province: programmes at the commune station', () => {
  const site = startDemoSite();

  test("district: the district's programme figures by programme, a year, how each is counted", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'district');
    await openMenu(page, 'Programme figures');
    const registered = page.locator('[data-figure="hypertension-registered"]');
    await poll(() => registered.getByTestId('figure-count').textContent()).toMatch(/^[1-9][\d,]*$/);
    expect(await page.getByTestId('figures-as-of').textContent()).toMatch(/the last three months: /);
    // A rate says what it is over; the definition is the API's, in the reader's language.
    const controlled = page.locator('[data-figure="hypertension-controlled"]');
    expect(await controlled.textContent()).toMatch(/Controlled\d[\d,]*\d+(\.\d)?% of \d/);
    await controlled.getByText('How it is counted').click();
    expect(await controlled.textContent()).toContain('below 140/90');
    await screenshot(page, 'programme-figures');
    await fitsWidth(page);
    // The year so far: the period goes into the address.
    const year = (await page.getByTestId('figures-period').inputValue()).slice(0, 4);
    await page.getByTestId('figures-period').selectOption(year);
    await poll(() => new URL(page.url()).searchParams.get('period')).toBe(year);
    await poll(() => registered.getByTestId('figure-count').textContent()).toMatch(/^[1-9][\d,]*$/);
  });

  test("a child's vaccinations on a phone: a dose given today is saved and listed", async () => {
    const { page, station } = await signedInAtStation(site());
    const [child] = await childrenAged(page, station, [30, 300]);
    if (!child) throw new Error('no child under a year in the station’s commune');
    const before = await apiGet<ImmunizationList>(page, `/residents/${child.id}/immunizations`);

    await page.goto(`/residents/${child.id}`);
    await page.getByTestId('open-vaccinations').click();
    await page.getByTestId('dose-form').waitFor();
    await poll(() => page.getByTestId('vacc-resident').textContent()).toContain(child.fullName);
    await page.getByLabel(/^Vaccine/).selectOption('BCG');
    await page.getByLabel(/^Lot number/).fill('E2E-1');
    await page.getByRole('button', { name: 'Save dose' }).click();
    await poll(() => page.getByTestId('dose-saved').textContent()).toMatch(/^Dose saved: BCG on /);
    await poll(() => page.getByTestId('vacc-dose').count()).toBe(before.items.length + 1);
    const after = await apiGet<ImmunizationList>(page, `/residents/${child.id}/immunizations`);
    expect(after.items.filter((d) => d.lot === 'E2E-1').map((d) => [d.vaccine, d.date])).toEqual([
      ['BCG', station.today],
    ]);
    await screenshot(page, 'vaccinations');
    await fitsWidth(page);
  });

  test("a child's weight at a visit shows on the growth chart of the resident's page", async () => {
    const { page, station } = await signedInAtStation(site());
    const [child] = await childrenAged(page, station, [200, 600]);
    if (!child) throw new Error('no child of 7-20 months in the station’s commune');
    // Weighed at the station this morning: 0.1 kg that no demo visit records, to find it.
    await apiPost(page, '/encounters', {
      id: newId(),
      residentId: child.id,
      facilityId: station.facility,
      kind: 'station-visit',
      startedAt: new Date().toISOString(),
      observations: [{ id: newId(), code: '29463-7', value: 9.1 }],
    });
    await page.goto(`/residents/${child.id}`);
    const growth = page.getByTestId('growth');
    await poll(() => growth.getByTestId('growth-last').textContent()).toMatch(
      /^Last: 9\.1 kg at \d+ months, z-score -?\d+(\.\d)?: /,
    );
    // The curves come in their own request: the chart draws once they are in.
    await poll(() => growth.getByTestId('growth-point').count()).toBeGreaterThan(0);
    await growth.scrollIntoViewIfNeeded();
    await screenshot(page, 'growth-chart');
    await fitsWidth(page);
  });

  test("station's home page lists overdue people; the list calls and records the outcome", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'station');
    const card = page.getByTestId('programmes-today-card');
    await card.waitFor();
    await poll(() => card.getByTestId('today-overdue').count()).toBeGreaterThan(0);
    expect(await card.textContent()).toMatch(/\d+ overdue/);

    await card.getByTestId('today-open').click();
    const rows = page.getByTestId('worklist-row');
    await rows.first().waitFor();
    // One tap to call: a demo row has a tel: link.
    const call = rows.getByTestId('row-call').first();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    await screenshot(page, 'worklist');
    await fitsWidth(page);
    // The outcome of a call on the first row (call first at the top).
    const row = rows.first();
    const residentId = (await row.getAttribute('data-resident'))!;
    const itemId = (await row.getAttribute('data-item'))!;
    await row.getByTestId('row-outcome').click();
    // Not reachable saves at once: the item stays on the list with the attempt on it.
    await row.getByRole('button', { name: 'Not reachable' }).click();
    const due = async () => {
      const answer = await apiGet<ResidentDue>(page, `/residents/${residentId}/due`);
      return [...answer.due, ...answer.overdue].find((i) => i.itemId === itemId)?.lastAttempt?.outcome;
    };
    await poll(due).toBe('not-reachable');
    await poll(() =>
      page.locator(`[data-resident="${residentId}"][data-item="${itemId}"]`).first().textContent(),
    ).toContain('Not reachable');

    // The children's vaccinations: a child has no phone, the button calls their guardian by name.
    await page.goto('/worklist?kind=immunization');
    const guardianCall = page.locator('[data-testid="row-call"][data-guardian]').first();
    await guardianCall.waitFor();
    expect(await guardianCall.textContent()).toMatch(/^Call \S/);
    expect(await guardianCall.getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    await fitsWidth(page);
  });

  test('a vaccine given today takes the child off the list; one given too early is flagged', async () => {
    const { page, station } = await signedInAtStation(site());

    // A child on today's vaccination list, and a vaccine that counts for the item listed.
    const listed = await worklistRows(page, 'kind=immunization');
    const row = listed[0];
    if (!row) throw new Error('no vaccination on the station’s list');
    await page.goto(`/residents/${row.residentId}/vaccinations`);
    const item = page.locator(`[data-testid="vacc-due-item"][data-item="${row.itemId}"]`);
    // The item's Record picks a vaccine that counts for it.
    await item.getByTestId('vacc-record-item').click();
    await poll(() => page.getByLabel(/^Vaccine/).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Save dose' }).click();
    await page.getByTestId('dose-saved').waitFor();
    await poll(() => item.count()).toBe(0);
    const after = await worklistRows(page, 'kind=immunization');
    expect(after.filter((r) => r.residentId === row.residentId && r.itemId === row.itemId)).toEqual([]);

    // Oral polio for a child under two months (the first dose is from 2 months): not counted.
    const young = (await childrenAged(page, station, [20, 50])).find((c) => c.id !== row.residentId);
    if (!young) throw new Error('no child of 20-50 days in the station’s commune');
    await page.goto(`/residents/${young.id}/vaccinations`);
    await page.getByTestId('dose-form').waitFor();
    await page.getByLabel(/^Vaccine/).selectOption('bOPV');
    await page.getByRole('button', { name: 'Save dose' }).click();
    await page.getByTestId('dose-saved').waitFor();
    const flagged = page.getByTestId('vacc-invalid-dose').filter({ hasText: /given too early/ });
    await poll(() => flagged.count()).toBeGreaterThan(0);
    expect(await flagged.first().textContent()).toMatch(/under the minimum age.*would have counted from/);
    await screenshot(page, 'vaccinations-too-early');
    await fitsWidth(page);
  });
});
