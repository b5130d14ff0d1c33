import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';

const site = startDemoSite();

const ROLES = [
  { username: 'admin', label: 'Administrator' },
  { username: 'province', label: 'Province health office' },
  { username: 'district', label: 'District health manager' },
  { username: 'station', label: 'Commune station staff' },
  { username: 'doctor', label: 'Family doctor' },
  { username: 'vhw', label: 'Village health worker' },
  { username: 'insurance', label: 'Social insurance officer' },
];

test.each(ROLES)(
  '$username signs in, gets a home page for the role without a failed request, and signs out',
  async ({ username, label }) => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await site().newPage(viewport);
      const failures: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 400 && !r.url().endsWith('/api/auth/session'))
          failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
      await site().signIn(page, username);
      await expect.poll(() => page.getByTestId('role-badge').first().textContent()).toContain(label);
      await page.waitForLoadState('networkidle');
      // Nothing wider than the screen: the page never scrolls sideways on a phone.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
      await screenshot(page, `home-${username}`);
      expect(failures).toEqual([]);

      await page.getByTestId('user-menu').click();
      const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect((await loggedOut).status()).toBe(204);
      // Signed out for real: the API refuses the old session.
      const session = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
      expect(session).toBe(401);
      await page.context().close();
    }
  },
);

test('a station user changes the password: a wrong current password is named next to its field', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'doctor');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel(/^New password\s*\*?$/).fill('short');
  await page.getByLabel('New password again').fill('different');
  await page.getByRole('button', { name: 'Change password' }).click();
  // Checked in the browser first: too short, and the two differ.
  await expect.poll(() => page.getByText('At least 10 characters', { exact: true }).count()).toBe(1);
  expect(await page.getByText('The two new passwords differ').count()).toBe(1);

  await page.getByLabel(/^New password\s*\*?$/).fill('a-much-longer-passphrase');
  await page.getByLabel('New password again').fill('a-much-longer-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  // Then by the server: the current password is wrong, said next to that field.
  await expect.poll(() => page.getByText('is not your current password').count()).toBe(1);
  await screenshot(page, 'change-password-error');

  await page.getByLabel('Current password').fill('demo');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect.poll(() => page.getByText(/Your password is changed/).count()).toBe(1);
});
