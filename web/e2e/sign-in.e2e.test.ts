import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';

const site = startDemoSite();

test('a wrong password is refused next to the form, and the right one opens the station home page', async () => {
  const page = await site().newPage(PHONE);
  await page.goto('/');
  await screenshot(page, 'sign-in');
  await page.getByLabel(/username/i).fill('station');
  await page.getByLabel(/^password/i).fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect
    .poll(() => page.getByTestId('form-error').textContent())
    .toMatch(/wrong username or password/i);

  await page.getByLabel(/^password/i).fill('demo');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('user-menu').waitFor();
  expect(await page.getByTestId('role-badge').first().textContent()).toMatch(
    /commune station staff · Trạm Y tế/i,
  );
  await screenshot(page, 'home-station');
});

test('an empty form shows what is required without a round trip', async () => {
  const page = await site().newPage(DESKTOP);
  await page.goto('/');
  await page.getByRole('button', { name: /sign in/i }).click();
  expect(await page.getByText('Required').count()).toBe(2);
});
