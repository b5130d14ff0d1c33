import { describe, expect, test } from 'vitest';
import type { AppointmentList } from '../../src/modules/appointments/appointments.schema.ts';
import type { ResidentDetail } from '../../src/modules/residents/residents.schema.ts';
import { addDays } from '../../src/platform/dates.ts';
import { PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';
import { apiGet, apiPost, fitsWidth, poll, stationOf } from './support/station.ts';

/**
 * Appointments on a phone (360 px) at the demo commune station: a resident's appointments (one booked
 * on the screen, moved to another day, then cancelled: each shown in its state), the station's day
 * (and its missed ones), and the resident's language of reminders in the registration form and on
 * the resident's page; in English, Vietnamese and Chinese.
 */
describe('VN demo province: appointments at the commune station', () => {
  const site = startDemoSite();

  test('a resident: book, reschedule and cancel; the day at the station; the language on the page', async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    const resident = await apiPost<ResidentDetail>(page, '/residents', {
      fullName: 'Đinh Thị Hẹn',
      sex: 'female',
      birthDate: '1970-04-04',
      areaId: station.area,
      language: 'zh-CN',
    });

    // The resident's page: the language of reminders, and the way to the appointments.
    await page.goto(`${site().url}/residents/${resident.id}`);
    await poll(() => page.getByTestId('resident-language').textContent()).toMatch(/Chinese/);
    await page.getByTestId('open-appointments').click();
    await poll(() => page.getByTestId('appointments-none').isVisible()).toBe(true);

    // Book a week ahead at 08:30.
    const first = addDays(station.today, 7);
    await page.getByTestId('book-date').fill(first);
    await page.getByTestId('book-time').fill('08:30');
    await page.getByTestId('book-reason').fill('Blood pressure check');
    await page.getByTestId('book-submit').click();
    await poll(() => page.getByTestId('book-saved').isVisible()).toBe(true);
    const rows = page.getByTestId('appointment');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-state')).toBe('booked');
    expect(await rows.first().textContent()).toContain('08:30');
    await fitsWidth(page);

    // Move it a week later, with why: the first is rescheduled, the new one booked.
    const second = addDays(station.today, 14);
    await rows.first().getByTestId('reschedule').click();
    await page.getByTestId('amend-date').fill(second);
    await page.getByTestId('amend-reason').fill('Away that week');
    await page.getByTestId('amend-reschedule').getByRole('button', { name: 'Move to the new day' }).click();
    await poll(() => rows.count()).toBe(2);
    const states = async () =>
      Object.fromEntries(
        await Promise.all(
          (await rows.all()).map(async (r) => [
            await r.getAttribute('data-date'),
            await r.getAttribute('data-state'),
          ]),
        ),
      );
    await poll(states).toEqual({ [first]: 'rescheduled', [second]: 'booked' });

    // Cancel the new one.
    const moved = page.locator(`[data-testid="appointment"][data-date="${second}"]`);
    await moved.getByTestId('cancel').click();
    await page.getByTestId('amend-reason').fill('Went to the district hospital');
    await page.getByTestId('amend-cancel').getByRole('button', { name: 'Cancel the appointment' }).click();
    await poll(states).toEqual({ [first]: 'rescheduled', [second]: 'cancelled' });
    expect(await moved.textContent()).toContain('Went to the district hospital');
    const listed = await apiGet<AppointmentList>(page, `/residents/${resident.id}/appointments`);
    expect(listed.counts).toEqual({ rescheduled: 1, cancelled: 1 });
    await screenshot(page, 'appointments-resident');

    // The station's day: the cancelled one on its day, by name; the missed ones of the month before.
    await openMenu(page, 'Appointments');
    await page.getByTestId('day-date').fill(second);
    const day = page.locator('[data-testid="day-appointment"]', { hasText: 'Đinh Thị Hẹn' });
    await poll(() => day.getAttribute('data-state')).toBe('cancelled');
    await page.getByText('Missed (30 days before)').click();
    await poll(() => page.getByTestId('day-counts').textContent()).toMatch(/\d+ missed/);
    expect(await page.locator('[data-testid="day-appointment"]:not([data-state="missed"])').count()).toBe(0);
    await fitsWidth(page);
  });

  test('in Vietnamese and Chinese: the registration form offers the profile’s languages; the words of the screens', async () => {
    const page = await site().newPage(PHONE, 'vi-VN');
    await site().signIn(page, 'station');
    await page.goto(`${site().url}/residents/new`);
    const language = page.getByTestId('resident-language');
    await poll(() => language.isVisible()).toBe(true);
    const options = await language
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options).toEqual(['', 'vi-VN', 'en', 'zh-CN']);
    expect(await language.locator('option').first().textContent()).toBe('Ngôn ngữ mặc định');

    const station = await stationOf(page);
    const resident = await apiPost<ResidentDetail>(page, '/residents', {
      fullName: 'Lò Văn Hẹn',
      sex: 'male',
      birthDate: '1965-05-05',
      areaId: station.area,
    });
    await page.goto(`${site().url}/residents/${resident.id}/appointments`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch hẹn');
    await page.getByTestId('book-date').fill(addDays(station.today, 3));
    await page.getByTestId('book-submit').click();
    await poll(() => page.getByTestId('appointment-state').textContent()).toBe('Đã hẹn');

    const zh = await site().newPage(PHONE, 'zh-CN');
    await site().signIn(zh, 'station');
    await zh.goto(`${site().url}/residents/${resident.id}/appointments`);
    await poll(() => zh.getByRole('heading', { level: 1 }).textContent()).toBe('预约');
    await poll(() => zh.getByTestId('appointment-state').textContent()).toBe('已预约');
    await zh.goto(`${site().url}/residents/${resident.id}`);
    await poll(() => zh.getByTestId('resident-language').textContent()).toMatch(/默认语言/);
  });
});
