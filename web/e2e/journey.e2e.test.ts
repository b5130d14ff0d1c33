import { expect, test } from 'vitest';
import { MESSAGES } from '../src/i18n/catalog.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();

/** English messages that read differently in Vietnamese: none of them may remain on a Vietnamese page. */
const ENGLISH_ONLY = new Set(
  Object.entries(MESSAGES.en)
    .filter(([key, en]) => MESSAGES.vi[key as keyof typeof MESSAGES.vi] !== en && !en.includes('{'))
    .map(([, en]) => en),
);

async function englishLeftOn(page: import('playwright-core').Page): Promise<string[]> {
  const lines = await page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, line by line, is what a reader sees
    const texts = document.body.innerText.split('\n').map((l) => l.trim());
    const labels = [...document.querySelectorAll('[aria-label],[placeholder],[title]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a)?.trim() ?? ''),
    );
    return [...texts, ...labels].filter((t) => t !== '');
  });
  return [...new Set(lines.filter((line) => ENGLISH_ONLY.has(line)))];
}

test.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)(
  'on a %s: the station finds a resident typed without accents, opens the facility map, and reads it all in Vietnamese',
  async (name, viewport) => {
    const page = await site().newPage(viewport);
    await site().signIn(page, 'station');
    await openMenu(page, 'Residents');
    const search = page.getByTestId('resident-search');
    await search.pressSequentially('mau van thanh', { delay: 30 });
    const first = page.getByTestId('result-name').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(/Mấu Văn Thanh\b/);
    await screenshot(page, `journey-search-${name}`);

    await openMenu(page, 'Facility map');
    await page.locator('svg [role="button"]').first().waitFor();
    await screenshot(page, `journey-map-${name}`);

    await page.getByTestId('language-switcher').selectOption('vi');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toBe('Bản đồ cơ sở y tế');
    expect(await englishLeftOn(page)).toEqual([]);
    await screenshot(page, `journey-map-vi-${name}`);

    for (const link of [
      'Trang chủ',
      'Người dân',
      'Kiểm tra thẻ BHYT',
      'Nhân viên y tế',
      'Lịch luân phiên',
      'Cơ sở y tế',
      'Năng lực',
    ]) {
      await openMenu(page, link);
      await page.waitForLoadState('networkidle');
      expect(await englishLeftOn(page), link).toEqual([]);
    }
    await screenshot(page, `journey-residents-vi-${name}`);
  },
);
