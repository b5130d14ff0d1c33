import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/demo/demo-users.ts';
import type { App } from '../../../src/platform/app-context.ts';
import { systemClock } from '../../../src/platform/clock.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { type DatabaseHandle, openServerDatabase } from '../../../src/platform/db/database.ts';
import { loadProfile } from '../../../src/platform/profile.ts';
import { buildServer } from '../../../src/server.ts';
import { createDatabaseFromTemplate, dropDatabase, urlFor } from '../../../test/support/postgres-server.ts';
import { expectAccessible } from './accessibility.ts';
import { DESKTOP, launchChromium } from './browser.ts';

export interface DemoSite {
  /** The server's address, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
  /**
   * A fresh browser profile (cookies, storage) at a viewport, English unless a locale is given: the
   * page starts with that language chosen (as if picked in the switcher), so it does not follow the
   * profile's. `locale: null` leaves the choice to the app (the profile's language).
   */
  newPage(viewport?: { width: number; height: number }, locale?: string | null): Promise<Page>;
  /** Opens the app and signs in as a demo login (password `demo`) through the sign-in form. */
  signIn(page: Page, username: string): Promise<void>;
}

/**
 * A real Grassroots server over real HTTP, on its own copy of the demo province, with the built web app,
 * and a headless Chromium: one per test file. Signing in checks the sign-in form and the role's home
 * page with axe (WCAG 2.1 AA) at the page's width.
 */
export function startDemoSite(options: { profile?: 'vn' | 'cn' } = {}): () => DemoSite {
  const profile = options.profile ?? 'vn';
  let site: DemoSite | undefined;
  let app: App | undefined;
  let handle: DatabaseHandle | undefined;
  let dbName = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dbName = await createDatabaseFromTemplate(inject(profile === 'cn' ? 'cnDemoTemplate' : 'demoTemplate'));
    handle = openServerDatabase(urlFor(dbName), 8);
    const config = loadConfig({ GRASSROOTS_PROFILE: profile });
    app = await buildServer({
      db: handle.db,
      engine: handle.engine,
      profile: loadProfile(profile),
      config,
      clock: systemClock,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    site = {
      url,
      browser,
      async newPage(viewport = DESKTOP, locale: string | null = 'en-GB') {
        // Reduced motion: the app then skips its transitions, so a click never lands mid-animation.
        const context = await browser.newContext({
          viewport,
          locale: locale ?? 'en-GB',
          baseURL: url,
          reducedMotion: 'reduce',
        });
        if (locale) {
          const language = locale.split('-')[0]!.toLowerCase();
          await context.addInitScript((chosen) => {
            if (!localStorage.getItem('grassroots.locale')) localStorage.setItem('grassroots.locale', chosen);
          }, language);
        }
        contexts.push(context);
        return context.newPage();
      },
      async signIn(page, username) {
        await page.goto('/');
        const usernameField = page.getByLabel(/username|tên đăng nhập|用户名/i);
        await usernameField.waitFor();
        await expectAccessible(page);
        await usernameField.fill(username);
        await page.getByLabel(/^(password|mật khẩu|密码)/i).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: /sign in|đăng nhập|登录/i }).click();
        await page.getByTestId('user-menu').waitFor();
        await expectAccessible(page);
      },
    };
  });

  // Whatever screen a test ends on is checked too (the helpers check the ones on the way).
  afterEach(async () => {
    for (const context of contexts) for (const page of context.pages()) await expectAccessible(page);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await site?.browser.close();
    await app?.close();
    await handle?.close();
    if (dbName) await dropDatabase(dbName);
  });

  return () => {
    if (!site) throw new Error('the demo site is not started yet (use it inside tests)');
    return site;
  };
}
