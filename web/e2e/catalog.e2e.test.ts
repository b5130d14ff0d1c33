import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

/**
 * The catalogue page on both demos: a medicine searched without accents finds it with its price in
 * the profile's currency (VN on a 360 px phone, in English; CN on a desktop, in Chinese, the profile's
 * language), and an ICD-10 diagnosis by words typed without accents.
 */

const vn = startDemoSite();
const cn = startDemoSite({ profile: 'cn' });

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

const results = (page: Page) => page.getByTestId('catalog-results').getByTestId('catalog-item');

async function search(page: Page, text: string) {
  const box = page.getByTestId('catalog-search');
  await box.fill('');
  await box.fill(text);
}

test('VN station on a phone: "kem" finds Kẽm sulfat, "amlodipin" its price in đồng, "tang huyet ap" I10', async () => {
  const page = await vn().newPage(PHONE);
  await vn().signIn(page, 'station');
  await openMenu(page, /^Catalogues$/);
  await search(page, 'kem sulfat');
  await poll(() => results(page).first().textContent()).toMatch(/Kẽm sulfat 20 mg/);
  await search(page, 'amlodipin 5');
  await poll(() => results(page).first().textContent()).toMatch(/Amlodipin 5 mg.*₫.*per viên/);
  await fitsWidth(page);
  await screenshot(page, 'catalog-vn-medicines');
  await page.getByTestId('catalog-tab-diagnoses').click();
  await search(page, 'tang huyet ap');
  await poll(() => results(page).first().textContent()).toMatch(/^I10.*Essential \(primary\) hypertension/);
  await fitsWidth(page);
  await expectAccessible(page);
});

test('CN township centre on a desktop, in Chinese: 二甲双胍 and "metformin" find the same medicine in yuan', async () => {
  const page = await cn().newPage(DESKTOP, null);
  await cn().signIn(page, 'station');
  await openMenu(page, /^目录$/);
  await search(page, '二甲双胍');
  await poll(() => results(page).first().textContent()).toMatch(/二甲双胍薄膜衣片 500 mg.*¥/);
  await search(page, 'metformin');
  await poll(() => results(page).first().textContent()).toMatch(/二甲双胍/);
  await screenshot(page, 'catalog-cn-medicines');
  await page.getByTestId('catalog-tab-diagnoses').click();
  await search(page, '高血压');
  await poll(() => results(page).allTextContents()).toContainEqual(expect.stringMatching(/^I10.*高血压/));
  await expectAccessible(page);
});
