import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();

/** Waits for the page to show what is expected: the server shares two cores with other test runs. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

const offeredCount = async (page: Page) =>
  Number(/^(\d+) of/.exec((await page.getByTestId('station-summary').textContent()) ?? '')?.[1] ?? -1);

test('station on a phone: ticks a service it now offers, unticks it with a reason, counts a broken fridge', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  await openMenu(page, /^Services and equipment$/);
  await poll(() => page.getByTestId('station-summary').textContent()).toMatch(
    /^\d+ of 41 standard services offered; \d+ of 23 items working$/,
  );
  await fitsWidth(page);
  const before = await offeredCount(page);

  // A service the station does not offer yet: ticked, it is offered from today.
  const row = page
    .locator('[data-testid^="service-"]')
    .filter({ has: page.locator('input[role="switch"]:not(:checked)') })
    .first();
  const code = (await row.getAttribute('data-testid')) ?? '';
  const service = page.getByTestId(code);
  await service.getByRole('switch').click({ force: true });
  await poll(() => offeredCount(page)).toBe(before + 1);
  await poll(() => service.textContent()).toMatch(/since /);
  await screenshot(page, 'capabilities-station-services');

  // Unticked, it asks why before saving.
  await service.getByRole('switch').click({ force: true });
  await service.getByLabel('Why is it not offered?').fill('No trained staff this month');
  await service.getByRole('button', { name: 'Save: not offered' }).click();
  await poll(() => service.textContent()).toMatch(/Not offered since .*: No trained staff this month/);
  await poll(() => offeredCount(page)).toBe(before);

  // The vaccine fridge counted broken.
  await page.getByRole('tab', { name: 'Equipment' }).click();
  const fridge = page.getByTestId('equipment-IMM-01');
  await fridge.getByLabel('Working').fill('0');
  await fridge.getByLabel('Needs repair').fill('0');
  await fridge.getByLabel('Broken').fill('1');
  await fridge.getByRole('button', { name: 'Save count' }).click();
  await poll(() => fridge.textContent()).toMatch(/Not working/);
  await fitsWidth(page);
  await screenshot(page, 'capabilities-station-equipment');
  await expectAccessible(page);
});

test("district on a desktop: the stations' gaps against the standard, about half of it offered", async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'district');
  // The home card says it first.
  await poll(() => page.getByTestId('capabilities-home-card').textContent()).toMatch(
    /\d+(\.\d)?% of the standard services offered, over \d+ stations/,
  );
  await openMenu(page, /^Gaps against the standard$/);
  const share = page.getByTestId('services-share');
  await poll(() => share.textContent()).toMatch(/Standard services offered\d+(\.\d)?%\d+ of \d+/);
  const percent = Number(/offered(\d+(?:\.\d)?)%/.exec((await share.textContent()) ?? '')?.[1]);
  expect(percent).toBeGreaterThan(35);
  expect(percent).toBeLessThan(70);
  const rows = page.getByTestId('gaps-table').locator('tbody tr');
  await poll(() => rows.count()).toBeGreaterThan(3);
  // The district's communes, each with its share; one opens the commune's own figures.
  const parts = page.getByTestId('parts-table').locator('tbody tr');
  await poll(() => parts.count()).toBeGreaterThan(3);
  await screenshot(page, 'capabilities-gaps');
  await expectAccessible(page);

  // A station's row opens its page, read-only for the district.
  await rows.first().getByRole('link').click();
  await poll(() => page.getByTestId('station-summary').textContent()).toMatch(/standard services offered/);
  expect(await page.getByRole('switch').first().isDisabled()).toBe(true);
});
