import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

/** The services-and-equipment screens under the CN profile, in Chinese (no language chosen). */
const site = startDemoSite({ profile: 'cn' });

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

test("the township health centre's services in Chinese, against the township standard", async () => {
  const page = await site().newPage(PHONE, null);
  await site().signIn(page, 'station');
  await openMenu(page, /^服务与设备$/);
  await poll(() => page.getByTestId('station-summary').textContent()).toMatch(
    /^提供 \d+\/33 项标准服务；\d+\/23 项设备可用$/,
  );
  expect(await page.getByTestId('service-CHR-01').textContent()).toContain('高血压患者健康管理');
  await screenshot(page, 'capabilities-cn-station');
});

test("the county's gap table in Chinese", async () => {
  const page = await site().newPage(DESKTOP, null);
  await site().signIn(page, 'district');
  await openMenu(page, /^与标准的差距$/);
  await poll(() => page.getByTestId('services-share').textContent()).toMatch(
    /^已开展的标准服务\d+(\.\d)?%\d+\/\d+$/,
  );
  await poll(() => page.getByTestId('gaps-table').locator('tbody tr').count()).toBe(26);
  await screenshot(page, 'capabilities-cn-gaps');
});
