import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();
/** Capacity pages ask for one report per district or commune: give them time. */
const WAIT = { timeout: 20_000 };

/** A map point's accessible name is "<facility name>, <tier>"; names may hold commas themselves. */
const facilityNameOf = (label: string | null) => (label ?? '').replace(/, [^,]*$/, '');

/** No horizontal page scroll: the page is no wider than the window. */
async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

test('province: the list, a search, the map, a facility page, capacity against the target, then in Vietnamese', async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'province');

  // The home card of a manager: beds and doctors per 10,000 against the target.
  const card = page.getByTestId('capacity-home-card');
  await expect.poll(() => card.textContent(), WAIT).toMatch(/Beds per 10,000.*\(target 34\)/);
  await screenshot(page, 'home-province');

  await openMenu(page, /^Facilities$/);
  const table = page.getByTestId('facility-table');
  await table.waitFor();
  // The province has about 200 facilities: a first page of 50 and a button for the next.
  expect(await table.locator('tbody tr').count()).toBe(50);
  await page.getByRole('button', { name: /load more/i }).click();
  await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(100);
  await screenshot(page, 'facilities-list-province');

  // Search without accents, narrowed to commune stations.
  await page.getByLabel('Kind').selectOption('commune_health_station');
  await page.getByLabel('Name or code').fill('phuoc hai');
  await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(1);
  expect(await table.textContent()).toContain('Trạm Y tế phường Phước Hải');
  expect(page.url()).toMatch(/kind=commune_health_station/);

  await openMenu(page, /^Facility map$/);
  const points = page.getByTestId('map-point');
  // The rest are in numbered bubbles (map.e2e.test.ts counts them and opens one).
  await expect.poll(() => points.count(), WAIT).toBeGreaterThan(0);
  expect(await page.getByTestId('map-legend').textContent()).toMatch(/Provincial \(\d+\).*Commune \(\d+\)/);
  // Clicking the topmost point names it and links to its page.
  // Held by its id: the map may re-render (boundaries arrive) between reading the name and the click,
  // and a positional locator would then point at another facility.
  const id = await points.last().getAttribute('data-id');
  const point = page.locator(`[data-testid="map-point"][data-id="${id}"]`);
  const name = facilityNameOf(await point.getAttribute('aria-label'));
  await point.dispatchEvent('click');
  const selected = page.getByTestId('map-selected');
  await expect.poll(() => selected.textContent(), WAIT).toContain(name);
  await screenshot(page, 'facilities-map-province');
  await selected.getByRole('link').click();
  await expect.poll(() => page.getByTestId('facility-name').textContent(), WAIT).toBe(name);
  expect(await page.getByText('Staff working here').count()).toBe(1);
  await page
    .getByTestId('facility-staff')
    .getByText(/assigned on/)
    .waitFor();
  await screenshot(page, 'facility-page-province');

  await openMenu(page, /^Capacity$/);
  const beds = page.getByTestId('beds-chart');
  await beds.locator('svg').waitFor();
  // The province's bar, then one per district, with the 2030 target line (the current year's target).
  await expect
    .poll(() => beds.textContent(), WAIT)
    .toMatch(/Tỉnh Khánh Hòa.*Thành phố Nha Trang.*Huyện Khánh Sơn/);
  expect(await beds.textContent()).toContain('Target 2030: 34');
  expect(await page.getByTestId('doctors-chart').textContent()).toContain('Target 2030: 11');
  expect(await page.getByTestId('capacity-targets').textContent()).toContain(
    '33.5 beds and 10 doctors by 2025',
  );
  expect(await page.getByTestId('figure-facilities').textContent()).toMatch(/^Facilities197/);
  expect(await page.getByTestId('figure-doctors').textContent()).toMatch(/with postgraduate training/);
  await screenshot(page, 'capacity-province');

  // A district picked from the area list: its figures replace the province's.
  await page.getByLabel('Area').selectOption({ label: 'Huyện Khánh Sơn' });
  await expect
    .poll(() => page.getByTestId('capacity-figures').textContent(), WAIT)
    .not.toMatch(/Facilities197/);
  await expect.poll(() => page.url(), WAIT).toMatch(/area=575/);

  await page.getByTestId('language-switcher').selectOption('vi');
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT)
    .toBe('Năng lực so với kế hoạch');
  expect(await page.getByTestId('beds-chart').textContent()).toContain('Chỉ tiêu 2030: 34');
  await openMenu(page, /^Bản đồ cơ sở y tế$/);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT)
    .toBe('Bản đồ cơ sở y tế');
  expect(await page.getByTestId('map-legend').textContent()).toMatch(/Tỉnh: \d+ cơ sở/);
  await screenshot(page, 'facilities-map-province-vi');
});

test('district on a phone: cards, the map by keyboard, a facility page, capacity by commune', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'district');

  await openMenu(page, /^Facilities$/);
  const cards = page.getByTestId('facility-cards');
  await cards.getByRole('link').first().waitFor();
  expect(await page.getByTestId('facility-table').isVisible()).toBe(false);
  // Only the district's facilities: the demo station's commune is among its areas.
  await page.getByLabel('Area').selectOption({ label: 'Xã Thành Sơn' });
  await expect.poll(() => cards.textContent(), WAIT).toContain('Trạm Y tế xã Thành Sơn');
  await page.getByLabel('Area').selectOption({ index: 0 });
  await fitsWidth(page);
  await screenshot(page, 'facilities-list-district');

  await openMenu(page, /^Facility map$/);
  const points = page.getByTestId('map-point');
  await expect.poll(() => points.count(), WAIT).toBeGreaterThan(0);
  const box = await page.getByTestId('facility-map').locator('svg[role="group"]').boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
  expect(box?.width ?? 0).toBeGreaterThan(300);
  // Keyboard: focusing a point chooses it, Enter keeps it, the link follows.
  const first = points.first();
  await first.focus();
  const name = facilityNameOf(await first.getAttribute('aria-label'));
  await expect.poll(() => page.getByTestId('map-selected').textContent(), WAIT).toContain(name);
  await page.keyboard.press('Enter');
  expect(await first.getAttribute('aria-pressed')).toBe('true');
  await fitsWidth(page);
  await screenshot(page, 'facilities-map-district');
  await page.getByTestId('map-selected').getByRole('link').click();
  await expect.poll(() => page.getByTestId('facility-name').textContent(), WAIT).toBe(name);
  await fitsWidth(page);
  await screenshot(page, 'facility-page-district');

  await openMenu(page, /^Capacity$/);
  const doctors = page.getByTestId('doctors-chart');
  await doctors.locator('svg').waitFor();
  await expect.poll(() => doctors.textContent(), WAIT).toMatch(/Huyện Khánh Sơn.*Xã Thành Sơn/);
  await fitsWidth(page);
  await screenshot(page, 'capacity-district');
});

test('station: sees its own station, its staff and rotation calendar link, and its commune capacity', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');

  await openMenu(page, /^Facilities$/);
  const own = page.getByTestId('facility-cards').getByRole('link', { name: 'Trạm Y tế xã Thành Sơn' });
  await own.waitFor();
  await own.click();
  await expect
    .poll(() => page.getByTestId('facility-name').textContent(), WAIT)
    .toBe('Trạm Y tế xã Thành Sơn');
  const staff = page.getByTestId('facility-staff');
  await expect.poll(() => staff.locator('li').count(), WAIT).toBeGreaterThan(3);
  expect(await staff.textContent()).toMatch(/Doctor/);
  expect(await page.getByTestId('facility-services').textContent()).toContain('Immunization');
  const rotations = page.getByRole('main').getByRole('link', { name: /rotation calendar of this station/i });
  if ((await rotations.count()) > 0)
    expect(await rotations.getAttribute('href')).toMatch(/\/workforce\/rotations\?facility=/);
  await fitsWidth(page);
  await screenshot(page, 'facility-page-station');

  await openMenu(page, /^Facility map$/);
  await expect.poll(() => page.getByTestId('map-point').count(), WAIT).toBeGreaterThan(0);
  await screenshot(page, 'facilities-map-station');

  await openMenu(page, /^Capacity$/);
  const beds = page.getByTestId('beds-chart');
  await beds.locator('svg').waitFor();
  await expect.poll(() => beds.textContent(), WAIT).toContain('Xã Thành Sơn');
  expect(await page.getByTestId('figure-rotation').textContent()).toMatch(/1 of 1/);
  await fitsWidth(page);
  await screenshot(page, 'capacity-station');

  // The same screens on a desktop.
  const desk = await site().newPage(DESKTOP);
  await site().signIn(desk, 'station');
  await desk.goto('/facilities');
  await desk.getByTestId('facility-table').getByRole('link', { name: 'Trạm Y tế xã Thành Sơn' }).waitFor();
  await screenshot(desk, 'facilities-list-station');
  await desk.goto('/capacity');
  await desk.getByTestId('beds-chart').locator('svg').waitFor();
  await screenshot(desk, 'capacity-station');
});
