import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { generateDemoCounty } from '../../src/demo/generate-county.ts';
import type { ResidentRecord } from '../../src/demo/generate-population.ts';
import { demoCountyEnrolments, demoCountyPopulation } from '../../src/demo/load-county.ts';
import { todayIn } from '../../src/platform/dates.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';

/**
 * The CN profile end to end, as a Chinese user meets it on a phone (360 px): the app opens in Chinese
 * (the profile's language, before anyone chose one), the township health centre signs in, finds a
 * resident by typing the name in characters, checks their basic medical insurance at the centre, and
 * the county health commission sees the county's capacity figures. The same county the template
 * holds, generated again for today to know whom to look for.
 */

const site = startDemoSite({ profile: 'cn' });

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

const today = todayIn(loadProfile('cn').timeZone, new Date());
const county = generateDemoCounty({ today });
const residents = [...demoCountyPopulation(county, today)].flatMap((r) =>
  'resident' in r ? [r.resident as ResidentRecord] : [],
);
/** A resident of 程寨镇 whose full name no one else there has, enrolled in the residents' scheme this year. */
const person = (() => {
  const names = new Map<string, number>();
  for (const r of residents) names.set(r.full_name, (names.get(r.full_name) ?? 0) + 1);
  const year = today.slice(0, 4);
  const enrolled = new Set(
    demoCountyEnrolments(county, today)
      .filter((e) => e.scheme === 'resident' && e.valid_to === `${year}-12-31` && e.valid_from <= today)
      .map((e) => e.resident_code),
  );
  return residents.find(
    (r) => enrolled.has(r.code) && r.citizen_id && names.get(r.full_name) === 1 && r.full_name.length === 3,
  )!;
})();

async function fitsWidth(page: Page) {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

test('the app opens in Chinese under the CN profile, and the user can still switch', async () => {
  // No language chosen on this device, and a browser in English: the profile's language wins.
  const page = await site().newPage(PHONE, null);
  await page.goto('/');
  await page.getByLabel('用户名').waitFor();
  expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh');
  expect(await page.getByRole('button', { name: '登录' }).count()).toBe(1);
  await screenshot(page, 'cn-sign-in');
  await fitsWidth(page);
  await page.getByTestId('language-switcher').selectOption('en');
  await page.getByLabel('Username').waitFor();
  // The choice is kept on this device.
  await page.reload();
  await page.getByLabel('Username').waitFor();
});

test('station: a township health centre finds a resident by the name in characters and checks the enrolment', async () => {
  const page = await site().newPage(PHONE, null);
  await site().signIn(page, 'station');
  await poll(() => page.getByTestId('role-badge').first().textContent()).toContain('习水县程寨镇卫生院');
  // Today's work by programme, in Chinese.
  await poll(() => page.getByTestId('programmes-today-card').textContent()).toMatch(
    /^今日.*(项逾期|今天没有到期的事项)/,
  );
  await screenshot(page, 'cn-home-station');
  await fitsWidth(page);

  const card = page.getByTestId('residents-home-card');
  const search = card.locator('input').first();
  await search.fill(person.full_name);
  const first = card.getByTestId('result-name').first();
  await poll(() => first.textContent()).toBe(person.full_name);
  expect(await card.getByTestId('result-place').first().textContent()).toContain('村');
  await screenshot(page, 'cn-residents-search');
  await fitsWidth(page);

  await first.click();
  await poll(() => page.getByTestId('resident-name').textContent()).toBe(person.full_name);
  const insurance = page.getByTestId('insurance');
  // The enrolment of this year (it ends on 31 December, so near the year's end it "expires soon").
  await poll(() => insurance.textContent()).toMatch(/医疗保险.*(有效|即将到期)/);
  // An enrolment shows its scheme and insured area (参保地), not a card's group and benefit digit.
  const current = page.getByTestId('current-card');
  expect(await current.textContent()).toMatch(/险种城乡居民基本医疗保险.*参保地520330/);
  const check = page.getByTestId('check-eligibility');
  await check.click();
  const answer = page.getByTestId('eligibility');
  // At the township centre (grassroots): the residents' scheme's deductible and ratio (cn.json).
  await poll(() => answer.textContent()).toMatch(/符合条件.*报销比例85%/);
  expect(await answer.textContent()).toContain('城乡居民基本医疗保险');
  // The reason and the detail line in Chinese, worded from the answer's codes: no English sentence.
  expect(await page.getByTestId('eligibility-reason').textContent()).toBe('参保登记有效，可用于本次就诊。');
  const detail = await page.getByTestId('eligibility-detail').textContent();
  expect(detail).toMatch(
    /^详情：城乡居民基本医疗保险，参保地 520330 · 在参保地内 · 基层级别：起付线 ¥300\.00，超出部分报销 85%/,
  );
  expect(detail).not.toMatch(/Enrolled|insured area|deductible/);
  // The menu names an enrolment to check, not a card.
  expect(await page.getByRole('link', { name: '查验参保登记' }).count()).toBeGreaterThan(0);
  await screenshot(page, 'cn-resident-page-station');
  await fitsWidth(page);
});

test("district: the county health commission sees the county's capacity figures", async () => {
  const page = await site().newPage(PHONE, null);
  await site().signIn(page, 'district');
  // The role in Chinese and the place it covers.
  await poll(() => page.getByTestId('role-badge').first().textContent()).toBe('县卫生健康局 · 习水县');
  const home = page.getByTestId('capacity-home-card');
  await poll(() => home.textContent()).toContain('习水县');
  await home.getByRole('link').click();
  const figures = page.getByTestId('capacity-figures');
  await figures.waitFor();
  await poll(() => page.getByTestId('figure-facilities').textContent()).toContain(
    String(county.facilities.length),
  );
  await screenshot(page, 'cn-capacity-district');
  await fitsWidth(page);
});

test("province: the prefecture's login is named by its level, not as a province's", async () => {
  const page = await site().newPage(PHONE, null);
  await site().signIn(page, 'province');
  await poll(() => page.getByTestId('role-badge').first().textContent()).toBe('地级市卫生健康委 · 遵义市');
  await fitsWidth(page);
});
