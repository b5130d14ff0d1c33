import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();

/** Waits for what the screen shows; a shared two-core machine can take seconds to answer. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** No horizontal page scroll: the page is no wider than the window. */
async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return [root.scrollWidth, root.clientWidth];
  });
  expect(scroll).toBeLessThanOrEqual(client);
}

/** A GET of the API from inside the signed-in page (its session cookie). */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(`/api${p}`)).json(), path) as Promise<T>;
}

interface ResidentRow {
  id: string;
  fullName: string;
  citizenId: string | null;
  sex: string | null;
  birthYear: number | null;
}

test('station: search without accents, the resident page, and back in Vietnamese', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await site().newPage(viewport);
    await site().signIn(page, 'station');

    // The home card is the search box itself, with the cards about to expire.
    const card = page.getByTestId('residents-home-card');
    await card.getByTestId('expiring-count').getByRole('link').waitFor();
    expect(await card.getByTestId('expiring-count').textContent()).toMatch(
      /\d+ residents’ cards expire within 30 days/,
    );
    const search = card.getByLabel('Search residents');
    await search.fill('mau van thanh');
    const first = card.getByTestId('result-name').first();
    await poll(() => first.textContent()).toBe('Mấu Văn Thanh');
    // Where each lives, to tell the namesakes apart.
    expect(await card.getByTestId('result-place').first().textContent()).toMatch(/^Số \d+, /);
    // Citizen ids are masked in the list.
    expect(await card.getByTestId('search-results').textContent()).toMatch(/•{8}\d{4}/);
    // The home card shows the first few and links to all of them.
    expect(await card.getByTestId('result-name').count()).toBe(6);
    await card.getByRole('link', { name: 'All results for “mau van thanh”' }).waitFor();
    await screenshot(page, 'residents-home-search');
    await fitsWidth(page);

    // Keyboard: the arrow key walks from the box into the results, Enter opens one.
    await search.focus();
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('resident-name').textContent()).toBe('Mấu Văn Thanh');
    expect(page.url()).toMatch(/\/residents\/[0-9a-f-]{36}$/);

    const household = page.getByTestId('household');
    await poll(() => household.getByTestId('household-member').count()).toBeGreaterThan(0);
    expect(await household.textContent()).toMatch(/Members \(\d+\)/);
    const insurance = page.getByTestId('insurance');
    await poll(() => insurance.textContent()).toMatch(
      /Health insurance.*(Valid|Expires soon|Expired|Not yet valid|Withdrawn|No insurance card)/,
    );
    expect(await page.getByTestId('status-history').textContent()).toMatch(/Registered · Active/);

    // Eligibility at the station, today.
    const check = page.getByTestId('check-eligibility');
    if (await check.isVisible()) {
      await check.click();
      const answer = page.getByTestId('eligibility');
      await poll(() => answer.textContent()).toMatch(/(Eligible|Not eligible).*Benefit.*Route/);
    }
    await screenshot(page, 'resident-page-station');
    await fitsWidth(page);

    // The search page: a no-match state, then Vietnamese labels.
    await openMenu(page, /^Residents$/);
    const box = page.getByTestId('resident-search');
    await box.fill('zzqxw');
    await page.getByTestId('search-none').waitFor();
    expect(await page.getByTestId('search-none').textContent()).toContain('No resident matches “zzqxw”');
    await page.getByTestId('language-switcher').selectOption('vi');
    await page.getByLabel('Tìm người dân').waitFor();
    expect(await page.getByTestId('search-none').textContent()).toContain('Không có người dân nào khớp');
    // Typed letter by letter, the search waits for a pause: a few requests, not one per letter.
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/residents?')) searches.push(r.url());
    });
    await box.fill('');
    await box.pressSequentially('mau thi h', { delay: 40 });
    await poll(() => searches.at(-1) ?? '').toContain('q=mau+thi+h&');
    await poll(() => page.getByTestId('result-name').first().textContent()).toMatch(/^Mấu Thị H/);
    expect(searches.length).toBeLessThanOrEqual(3);
    expect(await page.getByRole('navigation').textContent()).toContain('Đăng ký người dân');
    await screenshot(page, 'residents-search-vi');
    await fitsWidth(page);
  }
});

test('station: the residents of one village, then a name within it', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  await openMenu(page, /^Residents$/);
  const village = page.getByTestId('village-filter');
  await poll(() => village.locator('option').count()).toBeGreaterThan(2);
  const name = (await village.locator('option').nth(2).textContent()) ?? '';
  await village.selectOption({ index: 2 });
  // No text: the village's residents by name, every one of them living there.
  const places = page.getByTestId('result-place');
  await poll(() => places.count()).toBeGreaterThan(5);
  for (const place of await places.allTextContents()) expect(place).toContain(name);
  await page.getByLabel('Search residents').fill('mau');
  await poll(async () => (await page.getByTestId('result-name').allTextContents())[0] ?? '').toMatch(/^Mấu /);
  for (const place of await places.allTextContents()) expect(place).toContain(name);
  expect(new URL(page.url()).searchParams.get('area')).toBeTruthy();
  await fitsWidth(page);
  await screenshot(page, 'residents-village');
});

test('station: a common name says how many match, and "Load more" brings the next page', async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'station');
  await openMenu(page, /^Residents$/);
  // Mấu is the commonest family name of Thành Sơn (Raglai): hundreds of "Mấu Văn ...".
  await page.getByLabel('Search residents').fill('mau van');
  const names = page.getByTestId('result-name');
  await poll(() => names.count()).toBe(20);
  const total = page.getByTestId('search-total');
  await poll(() => total.textContent()).toMatch(/^[\d,]+\+? residents found$/);
  const count = Number((await total.textContent())?.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(20);
  const firstPage = await names.allTextContents();
  await page.getByTestId('search-more').click();
  await poll(() => names.count()).toBe(Math.min(count, 40));
  // The next page goes on after the first: the first twenty stay where they were.
  expect((await names.allTextContents()).slice(0, 20)).toEqual(firstPage);
  await screenshot(page, 'residents-load-more');
});

test('district: a commune first, then one of its villages (village names repeat across communes)', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'district');
  await openMenu(page, /^Residents$/);
  const commune = page.getByTestId('commune-filter');
  const village = page.getByTestId('village-filter');
  await poll(() => commune.locator('option').count()).toBeGreaterThan(2);
  expect(await village.isDisabled()).toBe(true);
  // The demo registers the residents of the whole district; the station's commune is one of them.
  const own = (await commune.locator('option').allTextContents()).find((c) => c.endsWith('Thành Sơn'));
  if (!own) throw new Error('the district lists no Thành Sơn commune');
  await commune.selectOption({ label: own });
  await poll(() => village.isEnabled()).toBe(true);
  await poll(() => village.locator('option').count()).toBeGreaterThan(1);
  // The commune alone lists its residents; then one of its villages, every one living there.
  const places = page.getByTestId('result-place');
  await poll(() => places.count()).toBeGreaterThan(5);
  const villageName = (await village.locator('option').nth(1).textContent()) ?? '';
  await village.selectOption({ index: 1 });
  await poll(async () => (await places.allTextContents()).every((p) => p.includes(villageName))).toBe(true);
  expect(new URL(page.url()).searchParams.get('commune')).toBeTruthy();
  await fitsWidth(page);
  await screenshot(page, 'residents-district-commune-village');
});

test('station: a visitor from another commune has their card checked at the counter, name and birth date too', async () => {
  // The province office finds a card of someone living outside the station's commune.
  const office = await site().newPage(DESKTOP);
  await site().signIn(office, 'province');
  const list = await apiGet<{ items: { card: { cardNumber: string }; resident: { address: string } }[] }>(
    office,
    '/insurance-cards/expiring?area=56&days=60',
  );
  const visitor = list.items.find((i) => !i.resident.address.includes('Thành Sơn'));
  if (!visitor) throw new Error('the demo has no card outside the station commune');

  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  await openMenu(page, /^Check an insurance card$/);
  const form = page.getByTestId('card-check-form');
  // A mistake first: a birth date that does not exist, said next to its field, nothing sent.
  await form.getByLabel('Card number or citizen id').fill(visitor.card.cardNumber);
  await form.getByLabel('Date or year of birth').fill('1990-02-30');
  await form.getByRole('button', { name: 'Check' }).click();
  await poll(() => form.getByText('Write a date YYYY-MM-DD or a year').count()).toBe(1);

  await form.getByLabel('Date or year of birth').fill('');
  await form.getByLabel('Kind of visit').selectOption('referred');
  await form.getByRole('button', { name: 'Check' }).click();
  const answer = page.getByTestId('eligibility');
  await poll(() => answer.textContent()).toContain(visitor.card.cardNumber);
  expect(await answer.textContent()).toMatch(/Eligible|Not eligible/);
  expect(await page.getByTestId('eligibility-reason').textContent()).toMatch(/\(0\d\d\)$/);
  await screenshot(page, 'card-check');

  // Someone else's name on that card: the agency's 060, and nothing of the card is shown.
  await form.getByLabel('Full name, as the person gives it').fill('Tên Không Đúng');
  await form.getByRole('button', { name: 'Check' }).click();
  await poll(() => page.getByTestId('eligibility-reason').textContent()).toContain('(060)');
  expect(await answer.textContent()).not.toContain(visitor.card.cardNumber);
  await fitsWidth(page);
});

test('station: the cards about to expire list each person by name, with a phone to call', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  const link = page.getByTestId('expiring-count').getByRole('link');
  const count = Number((await link.textContent())?.match(/^[\d,.\s]+/)?.[0].replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  await link.click();
  const rows = page.getByTestId('expiring-row');
  await rows.first().waitFor();
  // The first page of 100; the total above the list is the home card's figure.
  expect(await rows.count()).toBe(Math.min(count, 100));
  const listed = (await page.getByTestId('list-total').textContent())?.match(/of ([\d,]+)/)?.[1];
  expect(Number(listed?.replace(/\D/g, ''))).toBe(count);
  // Every row is named from the list itself, none waits on a request of its own.
  for (const name of await rows
    .getByRole('link')
    .filter({ hasNotText: /^\+?\d/ })
    .allTextContents())
    expect(name.trim().length).toBeGreaterThan(3);
  expect(await rows.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
  await screenshot(page, 'expiring-station');
});

test('station: a registration refused next to its fields (in the browser, then by the server), corrected, lands on the new resident', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'station');
  const found = await apiGet<{ items: ResidentRow[] }>(page, '/residents?q=mau%20van%20thanh');
  const taken = found.items.find((r) => r.citizenId && r.sex && r.birthYear);
  if (!taken?.citizenId || !taken.birthYear)
    throw new Error('the demo has no Mấu Văn Thanh with a citizen id');

  await openMenu(page, /^Register a resident$/);
  await page.getByLabel('Full name').fill('Nguyễn Thị Thử');
  await page.getByLabel('Sex').selectOption(taken.sex ?? 'male');
  await page.getByText('Year only').click();
  await page.getByLabel('Year of birth').fill(String(taken.birthYear));
  await page.getByLabel('Citizen identity number').fill(taken.citizenId.slice(0, 11));
  await page.getByLabel('New household').check();
  await page.getByLabel('Address').fill('Số 7, đường Thử Nghiệm');
  await page.getByRole('combobox', { name: /^Village/ }).selectOption({ index: 1 });
  await page.getByLabel('Relationship to the head').selectOption('head');
  await page.getByTestId('register-submit').click();

  // The browser's own check: 11 digits, next to the field, nothing sent.
  const citizenId = page.getByLabel('Citizen identity number');
  const errorOf = async (input: typeof citizenId) => {
    const id = await input.getAttribute('aria-describedby');
    const errorId = id?.split(' ').find((part) => part.includes('error'));
    return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
  };
  await poll(() => errorOf(citizenId)).toBe('Must be 12 digits');
  await screenshot(page, 'resident-register-error');

  // A well-formed number that belongs to someone else: the server refuses it, next to the same field.
  await citizenId.fill(taken.citizenId);
  await page.getByTestId('register-submit').click();
  await poll(() => errorOf(citizenId)).toBe('Already used by another record.');
  expect(await page.getByTestId('form-error').textContent()).toMatch(/already registered/i);
  await screenshot(page, 'resident-register-duplicate');

  // Nothing was stored on the refused try (the household goes with the person, in one request):
  // correcting the number is enough, and the household exists once.
  const fresh = `${taken.citizenId.slice(0, 6)}${String(Date.now()).slice(-6)}`;
  await citizenId.fill(fresh);
  await page.getByTestId('register-submit').click();
  await poll(() => page.getByTestId('resident-name').textContent()).toBe('Nguyễn Thị Thử');
  expect(await page.getByTestId('citizen-id').textContent()).toContain(fresh);
  expect(await page.getByTestId('household').textContent()).toContain('Số 7, đường Thử Nghiệm');
  await poll(() => page.getByTestId('household').textContent()).toContain('Head of household');
  expect(await page.getByTestId('registered-facility').textContent()).toMatch(/Trạm Y tế/);
  const households = await apiGet<{ items: unknown[] }>(page, '/households?q=Thử%20Nghiệm');
  expect(households.items).toHaveLength(1);
  await screenshot(page, 'resident-registered');
  await fitsWidth(page);

  const desktop = await site().newPage(DESKTOP);
  await site().signIn(desktop, 'station');
  await desktop.goto('/residents/new');
  await desktop.getByLabel('Full name').waitFor();
  await screenshot(desktop, 'resident-register');
});

test('province: import households from CSV with one bad row, and see the report with its line', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await site().newPage(viewport);
    await site().signIn(page, 'province');
    const villages = await apiGet<{ items: { code: string }[] }>(page, '/areas?level=village&limit=1');
    const village = villages.items[0]?.code;
    if (!village) throw new Error('the demo has no village');
    const csv = [
      'code,address,area_code',
      `E2E-${viewport.width}-1,Số 1 đường Thử,${village}`,
      `E2E-${viewport.width}-2,Số 2 đường Thử,NO-SUCH-AREA`,
      `E2E-${viewport.width}-3,Số 3 đường Thử,${village}`,
    ].join('\n');

    await openMenu(page, /^Import households and residents$/);
    await page.getByLabel('What the file holds').selectOption('households');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'households.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-start').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      '3 rows read, 2 stored (2 new, 0 updated), 1 refused.',
    );
    const rejected = page.getByTestId('import-rejected').locator('tbody tr');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().locator('td').first().textContent()).toBe('3');
    expect(await rejected.first().textContent()).toMatch(/NO-SUCH-AREA/);
    await screenshot(page, 'residents-import-report');
    await fitsWidth(page);
  }
});
