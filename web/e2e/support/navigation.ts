import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './accessibility.ts';

/**
 * Follows a menu entry (behind the burger on a phone) and waits until the app shows its page.
 *
 * The page changes in a React transition: until it commits, the old page (the home page's own resident
 * search, say) is still there to answer a locator and take keystrokes. The entry turns `aria-current`
 * in the same render that swaps the page, so after that only the new page answers. The page it opens is
 * then checked with axe (WCAG 2.1 AA).
 */
export async function openMenu(page: Page, name: string | RegExp): Promise<void> {
  const burger = page.getByRole('button', { name: /^(menu|danh mục|菜单)$/i });
  const phone = await burger.isVisible();
  if (phone) await burger.click();
  const nav = page.getByRole('navigation');
  const link = nav.getByRole('link', { name, exact: typeof name === 'string' });
  await link.click();
  await link.and(page.locator('[aria-current="page"]')).waitFor({ state: 'attached', timeout: 20_000 });
  // On a phone the menu slides away: wait until it is off screen, or a click meant for the page hits it.
  if (phone) {
    await expect
      .poll(
        async () => {
          const box = await nav.boundingBox();
          return box ? box.x + box.width : 0;
        },
        { timeout: 20_000 },
      )
      .toBeLessThanOrEqual(1);
  }
  await expectAccessible(page);
}
