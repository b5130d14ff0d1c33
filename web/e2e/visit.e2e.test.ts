import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { EncounterSummary, Timeline } from '../../src/modules/encounters/encounters.schema.ts';
import type { OnHand } from '../../src/modules/stock/stock.schema.ts';
import { addDays } from '../../src/platform/dates.ts';
import { newId } from '../../src/platform/ids.ts';
import { expectAccessible } from './support/accessibility.ts';
import { DESKTOP, PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import {
  apiGet,
  apiPost,
  fitsWidth,
  poll,
  type Station,
  signedInAtStation,
  stationOf,
} from './support/station.ts';

/**
 * The station's clinical day on a phone (360 px): a routine hypertension follow-up from the resident's
 * page (blood pressure, I10 again, last time's prescription, close), the bill's shares, the shelf
 * going down by what was dispensed, an impossible blood pressure (400) and an over-dispense (409)
 * each refused with the server's reason by its box or line, and the new visit in the timeline's chart.
 * A saved reading withdrawn from an open visit with a reason, and the station's home page listing
 * today's visits. Then the CN demo county: a visit at 程寨镇's township health centre, in Chinese, and
 * its home page's visits of today.
 */

const shelfOf = async (page: Page, facility: string) =>
  new Map(
    (await apiGet<OnHand>(page, `/stock/on-hand?facility=${facility}`)).lines.map((l) => [
      l.medicineId,
      l.onHand,
    ]),
  );

/** A demo resident seen here for hypertension (I10) whose last prescription the shelf can give again. */
async function demoHypertensive(page: Page, station: Station) {
  const onHand = await shelfOf(page, station.facility);
  const visits = await apiGet<{ items: EncounterSummary[] }>(
    page,
    `/encounters?facility=${station.facility}&status=closed&limit=200`,
  );
  const seen = new Set<string>();
  for (const v of visits.items) {
    if (v.mainDiagnosis?.code !== 'I10' || seen.has(v.residentId) || seen.size >= 15) continue;
    seen.add(v.residentId);
    const timeline = await apiGet<Timeline>(page, `/residents/${v.residentId}/timeline`);
    const items = timeline.lastPrescriptions.items;
    if (
      !timeline.visits.some((x) => x.status === 'open') &&
      items.length > 0 &&
      // Still taking it (the screen shows it among the current medicines).
      items.every((i) => timeline.currentMedicines.some((m) => m.medicine.id === i.medicineId)) &&
      timeline.problems.some((p) => p.code === 'I10' && p.status === 'active') &&
      items.every((i) => (onHand.get(i.medicineId) ?? 0) >= i.quantity + 5)
    )
      return v.residentId;
  }
  return null;
}

/** An adult of the station's commune with no visit open, for a visit the test makes. */
async function someResident(page: Page, station: Station, skip: readonly string[] = []): Promise<string> {
  const residents = await apiGet<{ items: { id: string; status: string; birthYear: number | null }[] }>(
    page,
    `/residents?area=${station.area}&limit=100`,
  );
  const year = Number(station.today.slice(0, 4));
  for (const r of residents.items) {
    if (r.status !== 'active' || skip.includes(r.id) || !r.birthYear || year - r.birthYear < 40) continue;
    const timeline = await apiGet<Timeline>(page, `/residents/${r.id}/timeline`);
    if (!timeline.visits.some((x) => x.status === 'open')) return r.id;
  }
  throw new Error('no adult resident without an open visit');
}

/**
 * When the demo holds no such follow-up yet, one is made through the API as a station would have
 * recorded it three weeks ago: BP, I10 and 30 days of the station's first insured antihypertensive, with
 * stock received first so the shelf can give it.
 */
async function seedHypertensive(page: Page, station: Station, medicineQuery: string): Promise<string> {
  const medicines = await apiGet<{ items: { id: string; insured: boolean }[] }>(
    page,
    `/catalog/medicines?q=${encodeURIComponent(medicineQuery)}&limit=5`,
  );
  const medicine = medicines.items.find((m) => m.insured) ?? medicines.items[0];
  if (!medicine) throw new Error(`no ${medicineQuery} in the catalogue`);
  if (((await shelfOf(page, station.facility)).get(medicine.id) ?? 0) < 200) {
    await apiPost(page, '/stock/receipts', {
      id: newId(),
      facilityId: station.facility,
      receivedOn: station.today,
      supplier: 'e2e',
      lines: [
        {
          medicineId: medicine.id,
          batchNumber: `E2E-${station.today}`,
          expiryDate: addDays(station.today, 700),
          quantity: 500,
        },
      ],
    });
  }
  const residentId = await someResident(page, station);
  const encounter = await apiPost<{ id: string }>(page, '/encounters', {
    id: newId(),
    residentId,
    facilityId: station.facility,
    kind: 'station-visit',
    startedAt: `${addDays(station.today, -20)}T02:00:00.000Z`,
    observations: [
      { id: newId(), code: '8480-6', value: 146 },
      { id: newId(), code: '8462-4', value: 92 },
    ],
    diagnoses: [{ id: newId(), code: 'I10', role: 'main' }],
    prescriptions: [
      { id: newId(), medicineId: medicine.id, dose: 1, frequency: 'once-daily', durationDays: 30 },
    ],
  });
  await apiPost(page, `/encounters/${encounter.id}/close`, { dispense: true });
  return residentId;
}

describe('VN demo province: the commune station', () => {
  const site = startDemoSite();

  test('station on a phone: a hypertension follow-up in a few taps, refusals by their fields, the chart', async () => {
    const { page, station } = await signedInAtStation(site());
    const residentId =
      (await demoHypertensive(page, station)) ?? (await seedHypertensive(page, station, 'amlodipin'));
    const timeline = await apiGet<Timeline>(page, `/residents/${residentId}/timeline`);
    const last = timeline.lastPrescriptions.items;
    const onHand = await shelfOf(page, station.facility);

    // From the resident's page: New visit, then Start (a station visit is chosen already).
    await page.goto(`/residents/${residentId}`);
    await page.getByTestId('new-visit').click();
    // The card in force goes with the opening, so the answer is the one given at the time.
    await poll(() => page.getByTestId('open-insurance').textContent()).toMatch(
      /^(The card [A-Z]{2}\d{13} is checked when the visit opens\.|No insurance on record)/,
    );
    await page.getByTestId('start-visit').click();
    await page.getByTestId('visit-title').waitFor();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('Open');
    expect(page.url()).toMatch(/\/visits\/[0-9a-f-]{36}$/);
    // The insurance answer given at the opening, and last time in view.
    await poll(() => page.getByTestId('visit-eligibility').textContent()).toMatch(
      /Eligible|Not eligible|No insurance/,
    );
    await page.getByTestId('last-time').waitFor();
    await poll(() => page.getByTestId('current-medicines').textContent()).toContain(last[0]!.medicine.name);
    await screenshot(page, 'visit-open');
    await fitsWidth(page);

    // An impossible blood pressure: the server's 400 by the box, with the range it allows.
    const systolic = page.getByTestId('obs-systolic');
    await systolic.fill('400');
    await page.getByTestId('obs-diastolic').fill('95');
    await page.getByTestId('save-visit').click();
    await poll(() => page.getByTestId('obs-box-systolic').textContent()).toMatch(
      /Not possible: the allowed values are 50–300 mmHg/,
    );
    // Alarming values are marked as typed, before anything is sent.
    await page.getByTestId('obs-diastolic').fill('115');
    await page.getByTestId('obs-diastolic-flag').waitFor();
    await page.getByTestId('obs-diastolic').fill('95');
    expect(await page.getByTestId('visit-error').textContent()).toContain('Please correct the marked fields');
    await screenshot(page, 'visit-impossible-bp');

    // The follow-up: 150/95, I10 again from the problem list, last time's prescription, close.
    await systolic.fill('150');
    await page.getByTestId('dx-again').filter({ hasText: 'I10' }).click();
    await page.getByTestId('same-as-last').click();
    await poll(() => page.getByTestId('rx-draft').count()).toBe(last.length);
    await page.getByTestId('close-visit').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('Closed');

    // The bill: what insurance pays and what the resident pays, in dong.
    const bill = page.getByTestId('bill');
    await bill.waitFor();
    expect(await page.getByTestId('bill-insurance').textContent()).toMatch(/Insurance pays.*₫/);
    expect(await page.getByTestId('bill-resident').textContent()).toMatch(/₫/);
    expect(await page.getByTestId('bill-lines').locator('tbody tr').count()).toBe(last.length);
    expect(await page.getByTestId('obs-saved').textContent()).toMatch(
      /Systolic BP 150 mmHg.*Diastolic BP 95 mmHg/,
    );
    expect(await page.getByTestId('dx-recorded').textContent()).toContain('I10');
    await poll(() => page.getByTestId('rx-dispensed').count()).toBe(last.length);
    await screenshot(page, 'visit-closed-bill');
    await fitsWidth(page);

    // The shelf went down by what was dispensed (the API says so).
    const afterById = await shelfOf(page, station.facility);
    const dispensed = new Map<string, number>();
    for (const item of last)
      dispensed.set(item.medicineId, (dispensed.get(item.medicineId) ?? 0) + item.quantity);
    for (const [medicineId, quantity] of dispensed) {
      expect(afterById.get(medicineId), medicineId).toBe((onHand.get(medicineId) ?? 0) - quantity);
    }

    // The timeline's blood pressure chart ends with the new visit.
    await page.getByRole('link', { name: 'Health timeline' }).first().click();
    const chart = page.getByTestId('chart-bp');
    await chart.waitFor();
    await poll(() => page.getByTestId('chart-bp-latest').textContent()).toMatch(/the latest 150\/95 mmHg/);
    expect(await chart.locator('svg path').count()).toBeGreaterThan(2);
    await poll(() => page.getByTestId('timeline-visit').first().textContent()).toContain('I10');
    await screenshot(page, 'visit-timeline');
    await fitsWidth(page);

    // An over-dispense: more than the shelf holds is refused at the close, with the server's reason by the line.
    await page.goto(`/residents/${residentId}/visit`);
    await page.getByTestId('start-visit').click();
    await page.getByTestId('visit-title').waitFor();
    // Last time's lines again, the first asking for one more than the shelf holds.
    await page.getByTestId('same-as-last').click();
    await page.getByTestId('rx-draft').first().waitFor();
    const left = afterById.get(last[0]!.medicineId) ?? 0;
    await page
      .getByTestId('rx-quantity')
      .first()
      .fill(String(left + 1));
    await page.getByTestId('close-visit').click();
    await poll(() => page.getByTestId('rx-error').first().textContent()).toMatch(
      /Not enough on the shelf: .*left/,
    );
    expect(await page.getByTestId('visit-error').textContent()).toContain('The visit was not closed');
    expect(await page.getByTestId('visit-status').textContent()).toBe('Open');
    await screenshot(page, 'visit-over-dispense');
    await fitsWidth(page);
    await expectAccessible(page);

    // On a desktop the closed visit and the timeline use the width.
    const closedUrl = `/residents/${residentId}/timeline`;
    await page.setViewportSize(DESKTOP);
    await page.goto(closedUrl);
    await page.getByTestId('chart-bp').waitFor();
    await page.getByTestId('timeline-visit').nth(1).getByRole('link').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('Closed');
    await page.getByTestId('bill').waitFor();
    await screenshot(page, 'visit-closed-desktop');
    await fitsWidth(page);

    // A correction: the diastolic taken back and written again, with a reason; the history keeps both.
    const amend = page.getByTestId('amend');
    await page.getByTestId('amend-submit').click();
    await poll(() => amend.textContent()).toContain('Required');
    await amend.getByLabel('Take back: Diastolic BP 95 mmHg').check();
    await amend.getByTestId('obs-diastolic').fill('85');
    await page.getByTestId('amend-reason').fill('Diastolic written in the wrong box');
    await page.getByTestId('amend-submit').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('Corrected');
    expect(await page.getByTestId('amendment').textContent()).toContain(
      'Corrected: Diastolic written in the wrong box',
    );
    expect(await page.getByTestId('retracted').textContent()).toContain('Diastolic BP 95 mmHg');
    expect(await page.getByTestId('obs-saved').textContent()).toMatch(
      /Systolic BP 150 mmHg.*Diastolic BP 85 mmHg/,
    );
    expect(await page.getByTestId('obs-saved').textContent()).not.toContain('95');
    await screenshot(page, 'visit-amended-desktop');
  });
  test("station on a phone: a saved reading withdrawn before closing; today's visits on the home page", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    const residentId = await someResident(page, station);
    const resident = await apiGet<{ fullName: string }>(page, `/residents/${residentId}`);
    await page.goto(`/residents/${residentId}/visit`);
    await page.getByTestId('start-visit').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('Open');
    await page.getByTestId('obs-systolic').fill('132');
    await page.getByTestId('obs-diastolic').fill('84');
    await page.getByTestId('save-visit').click();
    await poll(() => page.getByTestId('obs-saved').textContent()).toMatch(
      /Systolic BP 132 mmHg.*Diastolic BP 84 mmHg/,
    );
    // The diastolic withdrawn with a reason (required): the visit stays open, the reading is gone.
    const withdraw = page.getByTestId('withdraw');
    await withdraw.getByLabel('Take back: Diastolic BP 84 mmHg').check();
    await page.getByTestId('withdraw-submit').click();
    await poll(() => withdraw.textContent()).toContain('Required');
    await page.getByTestId('withdraw-reason').fill('Typed on the wrong person');
    await page.getByTestId('withdraw-submit').click();
    await poll(() => page.getByTestId('obs-saved').textContent()).not.toContain('Diastolic');
    expect(await page.getByTestId('obs-saved').textContent()).toContain('Systolic BP 132 mmHg');
    expect(await page.getByTestId('visit-status').textContent()).toBe('Open');
    await screenshot(page, 'visit-withdrawn');
    await fitsWidth(page);

    // The home page lists today's visits at the station, this one open.
    await page.goto('/');
    const mine = page.getByTestId('today-visit').filter({ hasText: resident.fullName });
    await poll(() => mine.count()).toBeGreaterThan(0);
    expect(await mine.first().textContent()).toContain('Open');
    expect(await page.getByTestId('today-visits-count').textContent()).toMatch(/\d+ visits?, \d+ still open/);
    await fitsWidth(page);
    await screenshot(page, 'home-today-visits');
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'home-today-visits-desktop');
    await fitsWidth(page);
  });
});

describe('CN demo county: a township health centre', () => {
  const site = startDemoSite({ profile: 'cn' });

  test('station at 程寨镇 in Chinese: a visit recorded and closed with its bill', async () => {
    const page = await site().newPage(PHONE, null);
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    const residentId = await someResident(page, station);
    await page.goto(`/residents/${residentId}`);
    await page.getByTestId('new-visit').click();
    await poll(() => page.getByTestId('start-visit').textContent()).toBe('开始就诊');
    // An enrolment, not a card, is what a person holds under the CN profile.
    expect(await page.getByTestId('open-insurance').textContent()).toMatch(
      /参保登记（身份证号[\dX]{18}）|无医保记录/,
    );
    await page.getByTestId('start-visit').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('进行中');
    await page.getByTestId('obs-systolic').fill('138');
    await page.getByTestId('obs-diastolic').fill('86');
    const picker = page.getByTestId('diagnosis-picker');
    await picker.fill('高血压');
    // Under a loaded machine the list can close before its answer arrives (a re-render takes the
    // focus): open it again, as a user would tap the box, until I10 is offered.
    const i10 = page.getByRole('option').filter({ hasText: 'I10' }).first();
    await poll(async () => {
      if (await i10.isVisible()) return true;
      await picker.click();
      return false;
    }).toBe(true);
    await i10.click();
    await page.getByTestId('dx-draft').waitFor();
    await page.getByTestId('close-visit').click();
    await poll(() => page.getByTestId('visit-status').textContent()).toBe('已结束');
    expect(await page.getByTestId('bill').textContent()).toMatch(/医保支付.*¥/);
    expect(await page.getByTestId('obs-saved').textContent()).toMatch(/收缩压 138 mmHg/);
    await screenshot(page, 'cn-visit-closed');
    await fitsWidth(page);

    // The centre's home page: today's visits (today in China's time zone), in Chinese.
    await page.goto('/');
    const today = page.getByTestId('today-visits');
    await poll(() => today.getByRole('heading').textContent()).toBe('今日就诊');
    await poll(() => today.getByTestId('today-visit').count()).toBeGreaterThan(0);
    expect(await today.textContent()).toContain('已结束');
    expect(await page.getByTestId('today-visits-count').textContent()).toMatch(/人次/);
    await fitsWidth(page);
  });
});
