import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();
const WAIT = { timeout: 20_000 };

/** Facilities on the map: points drawn on their own plus the members of every numbered bubble. */
async function facilitiesDrawn(page: Page): Promise<number> {
  const counts = await page
    .getByTestId('map-cluster')
    .evaluateAll((bubbles) => bubbles.map((b) => Number(b.getAttribute('data-count'))));
  return (await page.getByTestId('map-point').count()) + counts.reduce((a, b) => a + b, 0);
}

/** The screen boxes of the area names that overlap another name (there should be none). */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.getByTestId('map-area-label').evaluateAll((labels) => {
    const boxes = labels.map((l) => ({ text: l.textContent ?? '', r: l.getBoundingClientRect() }));
    return boxes
      .filter((a, i) =>
        boxes.some(
          (b, j) =>
            i !== j &&
            a.r.left < b.r.right &&
            b.r.left < a.r.right &&
            a.r.top < b.r.bottom &&
            b.r.top < a.r.bottom,
        ),
      )
      .map((a) => a.text);
  });
}

test('district on a phone: its communes with their names, facilities in bubbles that open when tapped', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'district');
  await openMenu(page, /^Facility map$/);

  const map = page.getByTestId('facility-map');
  const areas = map.getByTestId('map-area');
  // Khánh Sơn, the demo district, has eight communes.
  await expect.poll(() => areas.count(), WAIT).toBeGreaterThanOrEqual(8);
  expect(await map.getByTestId('map-outline').count()).toBe(1);
  const labels = map.getByTestId('map-area-label');
  expect(await labels.count()).toBeGreaterThan(3);
  expect(await labels.allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^(Phường|Xã|Thị trấn) /)]),
  );
  expect(await overlappingLabels(page)).toEqual([]);

  // The map fits the phone, and every facility is on it, alone or in a bubble.
  const box = await map.locator('svg[role="group"]').boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
  expect(box?.width ?? 0).toBeGreaterThan(300);
  const total = await facilitiesDrawn(page);
  const bubbles = map.getByTestId('map-cluster');
  expect(await bubbles.count()).toBeGreaterThan(0);
  await screenshot(page, 'map-district');

  // Tapping the biggest bubble zooms in on it, and its facilities are still all drawn, alone or in a
  // smaller group (two at the very same place stay together at any zoom; points elsewhere may leave).
  const counts = await bubbles.evaluateAll((all) => all.map((b) => Number(b.getAttribute('data-count'))));
  const biggest = bubbles.nth(counts.indexOf(Math.max(...counts)));
  expect(await biggest.getAttribute('aria-label')).toMatch(/^\d+ facilities close together: zoom in$/);
  const members = ((await biggest.getAttribute('data-members')) ?? '').split(' ');
  expect(members.length).toBeGreaterThan(1);
  const scale = async () => Number(await map.getByTestId('map-view').getAttribute('data-scale'));
  const before = await scale();
  await biggest.click();
  await expect.poll(scale, WAIT).toBeGreaterThan(before);
  const drawn = async () => {
    const alone = await map
      .getByTestId('map-point')
      .evaluateAll((all) => all.map((p) => p.getAttribute('data-id')));
    const grouped = await bubbles.evaluateAll((all) =>
      all.flatMap((b) => (b.getAttribute('data-members') ?? '').split(' ')),
    );
    return members.every((id) => alone.includes(id) || grouped.includes(id));
  };
  expect(await drawn()).toBe(true);
  expect(await overlappingLabels(page)).toEqual([]);
  await screenshot(page, 'map-district-zoomed');

  // Back to the whole area: every facility is there again.
  await page.getByRole('button', { name: 'Show the whole area', exact: true }).click();
  await expect.poll(() => facilitiesDrawn(page), WAIT).toBe(total);
});

test('province on a desktop: the districts with their names, every facility, the zoom buttons', async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'province');
  await openMenu(page, /^Facility map$/);
  const map = page.getByTestId('facility-map');
  await expect.poll(() => map.getByTestId('map-area').count(), WAIT).toBe(8);
  await expect
    .poll(() => map.getByTestId('map-area-label').allTextContents(), WAIT)
    .toEqual(expect.arrayContaining(['Thành phố Nha Trang', 'Huyện Khánh Sơn']));
  expect(await overlappingLabels(page)).toEqual([]);
  expect(await facilitiesDrawn(page)).toBeGreaterThan(150);
  // The zoom buttons say what they do in the reader's language.
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await screenshot(page, 'map-province');
});
