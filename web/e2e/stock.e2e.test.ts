import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();

/** A GET of the API from inside the signed-in page (its session cookie). */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

/** The demo station and its district centre, found by the station's test for the district's. */
const sentToCentre = { stationName: '', stationId: '', centreId: '' };
const en = (n: number) => n.toLocaleString('en');

/** Waits for the page to show what is expected: the server shares two cores with other test runs. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

test("station on a phone: its shelf's figures and alerts, a count recorded, the suggested order", async () => {
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

  const session = await apiGet<{ roles: { facility: { id: string; name: string } | null }[] }>(
    page,
    '/auth/session',
  );
  const station = session.roles.find((r) => r.facility)!.facility!;
  // Its supplier, the district centre: the one its requisitions go to (the demo has one in each state).
  const requisitions = await apiGet<{ supplier: { id: string; name: string } }[]>(
    page,
    `/requisitions?facility=${station.id}`,
  );
  const supplier = requisitions[0]?.supplier;
  if (!supplier) throw new Error('the demo station has no supplier');
  Object.assign(sentToCentre, {
    stationName: station.name,
    stationId: station.id,
    centreId: supplier.id,
  });

  await openMenu(page, /^Requisitions$/);
  await poll(() => page.getByRole('heading', { name: 'Suggested order (max-min)' }).count()).toBe(1);
  await fitsWidth(page);
  await screenshot(page, 'stock-requisitions-station');
});

test("district on a desktop: every station's alerts, a sent requisition approved for less, a transfer from the centre received in part at the station", async () => {
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
  // Approved for less than asked on the first line, as asked on the others.
  await sent.getByRole('button', { name: 'Approve for less' }).click();
  const granted = sent.getByTestId(/^granted-/).first();
  const asked = Number(await granted.inputValue());
  await granted.fill(String(asked - 1));
  await screenshot(page, 'stock-approve-less');
  await sent.getByRole('button', { name: 'Approve these quantities' }).click();
  await poll(() => page.getByTestId('requisition-approved').count()).toBe(approvedBefore + 1);
  await poll(() => page.getByTestId('requisition-sent').count()).toBe(0);
  await poll(() => page.getByText(`${en(asked)} asked, ${en(asked - 1)} approved`).count()).toBeGreaterThan(
    0,
  );
  await screenshot(page, 'stock-requisitions-district');
  await expectAccessible(page);

  // A transfer outside a requisition: the district sends 5 units from the centre's shelf to the
  // station (in transit at the centre), then books in at the station that 3 of the 5 arrived.
  await page.goto(`/stock?facility=${sentToCentre.centreId}&tab=transfers`);
  // The form shows once the transfers are loaded: count those in transit then.
  const to = page.getByTestId('transfer-to');
  await to.waitFor();
  const inTransitBefore = await page.getByTestId('transfer-in_transit').count();
  await to.click();
  await to.fill(sentToCentre.stationName);
  const stationOption = page.getByRole('option', { name: sentToCentre.stationName }).first();
  await poll(async () => {
    if (await stationOption.isVisible()) return true;
    await to.click();
    return false;
  }).toBe(true);
  await stationOption.click();
  await page.getByTestId('transfer-medicine-0').click();
  // A medicine with ten or more on the shelf ("Amlodipin 5 mg (1,240 viên on the shelf)").
  const medicines = page.getByRole('option');
  const units = (await medicines.allTextContents()).map((t) =>
    Number((t.match(/\(([\d,]+) [^()]* on the shelf\)$/)?.[1] ?? '0').replace(/,/g, '')),
  );
  await medicines.nth(units.findIndex((n) => n >= 10)).click();
  await page.getByTestId('transfer-quantity-0').fill('5');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await poll(() => page.getByText('Sent: in transit until the facility receives it.').count()).toBe(1);
  await poll(() => page.getByTestId('transfer-in_transit').count()).toBe(inTransitBefore + 1);
  await screenshot(page, 'stock-transfer-sent');

  await page.goto(`/stock?facility=${sentToCentre.stationId}&tab=transfers`);
  // The one in transit that is not a requisition's shipment (those are received with the requisition).
  const toReceive = page.getByTestId('transfer-in_transit').filter({ has: page.getByTestId(/^arrived-/) });
  await poll(() => toReceive.count()).toBe(1);
  await toReceive
    .getByTestId(/^arrived-/)
    .first()
    .fill('3');
  await toReceive.getByRole('button', { name: 'Receive what arrived' }).click();
  await poll(() => toReceive.count()).toBe(0);
  const received = page.getByTestId('transfer-received').filter({ hasText: `→ ${sentToCentre.stationName}` });
  await poll(() => received.first().textContent()).toMatch(/5 .* sent, 3 arrived/);
  await screenshot(page, 'stock-transfer-received');
  await expectAccessible(page);
});
