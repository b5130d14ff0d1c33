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

test("station on a phone: its shelf's figures and alerts, a delivery recorded, the suggested order", async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  await openMenu(page, /^Medicines shelf$/);
  const rows = page.getByTestId('stock-figures').locator('tbody tr');
  await poll(() => rows.count()).toBe(12);
  await fitsWidth(page);
  await screenshot(page, 'stock-shelf');
  await expectAccessible(page);

  // A count of the first batch: one unit fewer than the shelf says.
  await page.getByRole('tab', { name: 'Count' }).click();
  const first = page.getByRole('textbox', { name: /^Counted: / }).first();
  await first.fill('0');
  await page.getByRole('button', { name: 'Record the count' }).click();
  await poll(() => page.getByText('Saved').count()).toBe(1);

  await openMenu(page, /^Requisitions$/);
  await poll(() => page.getByRole('heading', { name: 'Suggested order (max-min)' }).count()).toBe(1);
  await fitsWidth(page);
  await screenshot(page, 'stock-requisitions-station');
});

test("district on a desktop: every station's alerts, and a sent requisition approved", async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'district');
  await openMenu(page, /^District medicines$/);
  const rows = page.getByTestId('district-stock').locator('tbody tr');
  await poll(() => rows.count()).toBeGreaterThan(3);
  await poll(() => page.getByTestId('district-alerts').count()).toBeGreaterThan(0);
  await poll(() => page.getByTestId('status-stock_out').count()).toBeGreaterThan(0);
  await screenshot(page, 'stock-district');
  await expectAccessible(page);

  await openMenu(page, /^Requisitions$/);
  const sent = page.getByTestId('requisition-sent');
  await poll(() => sent.count()).toBe(1);
  const approvedBefore = await page.getByTestId('requisition-approved').count();
  await sent.getByRole('button', { name: 'Approve' }).click();
  await poll(() => page.getByTestId('requisition-approved').count()).toBe(approvedBefore + 1);
  await poll(() => page.getByTestId('requisition-sent').count()).toBe(0);
  await screenshot(page, 'stock-requisitions-district');
  await expectAccessible(page);
});
