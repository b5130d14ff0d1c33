import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { isoWeek, todayIn } from '../../src/platform/dates.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

const site = startDemoSite();

/** Waits for the page to show what is expected: the server shares two cores with other test runs. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** No horizontal page scroll: the page is no wider than the window. */
async function fitsWidth(page: Page) {
  // A string, evaluated in the page: the node-side type check knows no DOM.
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

/** A name as a regular expression that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Monday of this week on the country's calendar, as the app and the server count it. */
function mondayOfToday(): string {
  return isoWeek(todayIn(loadProfile('vn').timeZone, new Date())).start;
}

test('district: the staff list, a worker, a training record refused then added', async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'district');

  // The manager's home card counts the district's stations with a rotating doctor this week.
  await poll(() => page.getByTestId('rotation-coverage').textContent()).toMatch(
    /^[1-9]\d* of \d+ commune stations this week$/,
  );

  await openMenu(page, /^Health workers$/);
  const rows = page.getByTestId('worker-row');
  await poll(() => rows.count()).toBeGreaterThan(10);
  // Only doctors once the cadre filter says so, and the filter is kept in the address.
  await page.getByLabel('Cadre').selectOption('doctor');
  await poll(() => page.url()).toMatch(/cadre=doctor/);
  await poll(async () => {
    const cadres = await rows.locator('td:nth-child(3)').allTextContents();
    return cadres.length > 0 && cadres.every((c) => c === 'Doctor');
  }).toBe(true);
  await fitsWidth(page);
  await screenshot(page, 'workforce-staff');

  const first = rows.first().getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
  expect(await page.getByTestId('worker-profile').textContent()).toMatch(/^Doctor · /);
  expect(await page.getByTestId('assignment').count()).toBeGreaterThan(0);

  // A mistake first: neither hours nor credits. The form names the field without a round trip.
  const form = page.getByTestId('add-training-form');
  const course = `Cấp cứu ban đầu ${Date.now()}`;
  await form.getByLabel(/^Course/).fill(course);
  await form.getByLabel(/^Completed on/).fill('2026-01-15');
  await form.getByRole('button', { name: 'Add the record' }).click();
  const hours = form.getByLabel(/^Hours/);
  await poll(() => hours.getAttribute('aria-invalid')).toBe('true');
  const hoursError = await hours.getAttribute('aria-describedby');
  expect(
    await form.locator(`[id="${hoursError?.split(' ').find((id) => id.includes('error'))}"]`).textContent(),
  ).toBe('Give the hours or the credits');
  await screenshot(page, 'workforce-training-error');

  // Corrected, the record is saved and listed.
  await hours.fill('12');
  await form.getByRole('button', { name: 'Add the record' }).click();
  await page.getByText('The training record was added.').waitFor();
  const records = page.getByTestId('training-record');
  await poll(() => records.filter({ hasText: course }).count()).toBe(1);
  expect(await records.filter({ hasText: course }).textContent()).toMatch(/15 Jan 2026.*12 hours/);
  expect(await hours.getAttribute('aria-invalid')).not.toBe('true');
  await fitsWidth(page);
  await screenshot(page, 'workforce-worker');
});

test('district: scheduling a doctor who is already rotating that day is refused, naming where and when', async () => {
  const page = await site().newPage(DESKTOP);
  await site().signIn(page, 'district');
  await openMenu(page, /^Rotation calendar$/);

  // Every station of the district: the week's sessions, each doctor at a station.
  const entries = page.getByTestId('rotation-entry');
  await poll(() => entries.count()).toBeGreaterThan(0);
  const entry = entries.first();
  const doctor = (await entry.locator('p').first().textContent()) ?? '';
  const day = page.getByTestId('week-day').filter({ has: entry });
  const weekday = (await day.getByTestId('weekday-name').first().textContent()) ?? '';

  await page.getByRole('button', { name: 'Schedule a rotation' }).click();
  const form = page.getByTestId('schedule-rotation-form');
  // An empty plan: what is missing is said next to each field.
  await form.getByRole('button', { name: 'Schedule' }).click();
  await poll(() => form.getByText('Choose at least one weekday').count()).toBe(1);
  expect(await form.getByText('Required').count()).toBe(2);

  await form.getByLabel(/^Doctor/).fill(doctor);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${literal(doctor)}`) })
    .first()
    .click();
  // The station the doctor already goes to that day (any other would clash the same way).
  const station = ((await entry.locator('p').nth(1).textContent()) ?? '').replace(/^at /, '');
  await form.getByLabel(/^Host station/).fill(station);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${literal(station)}`) })
    .click();
  await form.getByLabel(weekday, { exact: true }).check();
  await form.getByRole('button', { name: 'Schedule' }).click();
  const clash = page.getByTestId('rotation-clash');
  await clash.waitFor();
  expect(await clash.textContent()).toMatch(
    /already at Trạm Y tế .+ on \d+ \w{3} \d{4} \(Whole day\): a doctor cannot be in two places/,
  );
  expect(await clash.textContent()).toContain(doctor);
  await screenshot(page, 'workforce-rotation-clash');

  // The station picker narrows the week to one station: its visiting doctors and where they come from.
  await page.getByTestId('station-picker').fill(station);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${literal(station)}`) })
    .click();
  await poll(() => page.url()).toMatch(/facility=[0-9a-f-]{36}/);
  await poll(async () => {
    const texts = await entries.allTextContents();
    return texts.length > 0 && texts.every((t) => /from Trung tâm Y tế/.test(t));
  }).toBe(true);
  expect(await entries.allTextContents()).toContain(`Whole day${doctor}from Trung tâm Y tế huyện Khánh Sơn`);
  await screenshot(page, 'workforce-week-station-picked');
});

test('station: this week on the home card, the week calendar of its own station, next week, then in Vietnamese', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await site().newPage(viewport);
    await site().signIn(page, 'station');

    const card = page.getByTestId('home-rotations');
    await poll(() => card.getByTestId('home-rotation').count()).toBeGreaterThan(0);
    await screenshot(page, 'workforce-home-station');
    expect(await card.textContent()).toMatch(/Rotating doctors this week.*Trạm Y tế/);
    expect(await card.getByTestId('home-rotation').first().textContent()).toMatch(
      /^(Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w{3} · .+ · Whole day/,
    );

    await openMenu(page, /^Rotation calendar$/);
    const days = page.getByTestId('week-day');
    await poll(() => days.count()).toBe(7);
    const monday = mondayOfToday();
    expect(await days.first().getAttribute('data-date')).toBe(monday);
    expect(await page.getByTestId('weekday-name').allTextContents()).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    // The station sees its own calendar, no picker: who comes, for which session.
    expect(await page.getByTestId('station-picker').count()).toBe(0);
    expect(await page.getByTestId('calendar-facility').textContent()).toMatch(/^Trạm Y tế/);
    const entries = page.getByTestId('rotation-entry');
    await poll(() => entries.count()).toBeGreaterThan(0);
    expect(await entries.first().textContent()).toMatch(/^Whole day\p{L}/u);
    expect(await entries.first().textContent()).not.toContain('?');
    expect(await page.getByRole('button', { name: 'Schedule a rotation' }).count()).toBe(0);
    await fitsWidth(page);
    await screenshot(page, 'workforce-week');

    const range = await page.getByTestId('week-range').textContent();
    await page.getByRole('button', { name: 'Next week' }).click();
    await poll(() => page.getByTestId('week-range').textContent()).not.toBe(range);
    const next = new Date(`${monday}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    expect(await days.first().getAttribute('data-date')).toBe(next.toISOString().slice(0, 10));
    expect(page.url()).toContain(`week=${next.toISOString().slice(0, 10)}`);
    // The rotation runs for months: next week has its sessions too.
    await poll(() => entries.count()).toBeGreaterThan(0);

    await page.getByTestId('language-switcher').selectOption('vi');
    await poll(() => page.getByTestId('weekday-name').first().textContent()).toBe('Thứ Hai');
    expect(await page.getByTestId('weekday-name').last().textContent()).toMatch(/^Chủ nhật$/i);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch luân phiên');
    expect(await page.getByRole('button', { name: 'Tuần sau' }).count()).toBe(1);
    expect(await entries.first().textContent()).toMatch(/^Cả ngày\p{L}/u);
    expect(await page.getByTestId('week-range').textContent()).toMatch(/^Tuần .*thg/);
    await screenshot(page, 'workforce-week-vi');
  }
});

test('phone: the staff list as cards and a worker page fit 360 pixels', async () => {
  const page = await site().newPage(PHONE);
  await site().signIn(page, 'district');
  await openMenu(page, /^Health workers$/);
  const cards = page.getByTestId('worker-card');
  await poll(() => cards.count()).toBeGreaterThan(10);
  expect(await page.getByTestId('worker-row').first().isVisible()).toBe(false);
  // The filters other than the search fold behind a button, so the list is in view at once.
  expect(await page.getByLabel('Cadre').isVisible()).toBe(false);
  await page.getByTestId('staff-filters-toggle').click();
  await poll(() => page.getByLabel('Cadre').isVisible()).toBe(true);
  await page.getByLabel('Qualification').selectOption('postgraduate');
  await poll(() => page.getByTestId('staff-filters-toggle').textContent()).toBe('Filters (1)');
  await poll(async () => {
    const texts = await cards.allTextContents();
    return texts.length > 0 && texts.every((t) => t.includes('Postgraduate'));
  }).toBe(true);
  await page.getByTestId('staff-filters-toggle').click();
  await fitsWidth(page);
  await screenshot(page, 'workforce-staff');
  await cards.first().getByRole('link').click();
  await page.getByTestId('add-training-form').waitFor();
  await poll(() => page.getByLabel('Loading…').count()).toBe(0);
  expect(await page.getByTestId('assignment').first().textContent()).toMatch(/since \d+ \w{3} \d{4}$/);
  await fitsWidth(page);
  await screenshot(page, 'workforce-worker');
});
