import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SessionReply } from '../../src/modules/access/access.schema.ts';
import type { ImmunizationList } from '../../src/modules/immunizations/immunizations.schema.ts';
import type {
  OutcomeBody,
  ProgrammeList,
  Worklist,
  WorklistRow,
} from '../../src/modules/programmes/programmes.schema.ts';
import type { Resident } from '../../src/modules/residents/residents.schema.ts';
import { addDays, todayIn } from '../../src/platform/dates.ts';
import { newId } from '../../src/platform/ids.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { PHONE, screenshot } from './support/browser.ts';
import { startDemoSite } from './support/demo-server.ts';
import { openMenu } from './support/navigation.ts';

/**
 * The programme screens on a phone (360 px): the district's programme figures; at the commune
 * station, today's work on the home page and the worklist (a tap to call, a tap to record the outcome;
 * on the API's own shapes, answered by the test until the worklist routes are on the server), a child's
 * vaccinations (a dose given today saved and listed) and a child's weight on the growth chart.
 */

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 150 });

async function fitsWidth(page: Page) {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** A GET of the API from inside the signed-in page (its session cookie). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

/** A write of the API from inside the signed-in page, with the session's CSRF token. */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ p, b }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(`/api${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { p: path, b: body },
  ) as Promise<T>;
}

/** A day of the station's list in the API's shapes: who, what, how late, how urgent. */
function worklistOf(asOf: string, residentId: string): Worklist {
  const row = (over: Partial<WorklistRow>): WorklistRow => ({
    id: over.itemId ?? 'row',
    residentId,
    fullName: 'Nguyễn Thị Lan',
    phone: '0901 234 567',
    village: 'Thôn 1',
    age: 0,
    ageMonths: 5,
    programmeId: 'vn-epi',
    kind: 'immunization',
    itemId: 'penta-2',
    episodeId: null,
    dueFrom: addDays(asOf, -60),
    overdueAfter: addDays(asOf, -32),
    state: 'overdue',
    daysOverdue: 31,
    priority: 3,
    lastBp: null,
    lastAttempt: null,
    ...over,
  });
  const items = [
    row({
      id: 'htn',
      fullName: 'Trần Văn Bình',
      age: 67,
      ageMonths: null,
      programmeId: 'vn-htn',
      kind: 'hypertension',
      itemId: 'htn-follow-up',
      daysOverdue: 64,
      priority: 1,
      lastBp: { systolic: 186, diastolic: 112, on: addDays(asOf, -120) },
    }),
    row({}),
    row({ id: 'due', itemId: 'opv-2', state: 'due', daysOverdue: 0, phone: null, fullName: 'Lê Thị Hoa' }),
  ];
  const none = { due: 0, overdue: 0 };
  return {
    asOf,
    items,
    nextCursor: null,
    total: { count: items.length, exact: true },
    counts: {
      byKind: {
        immunization: { due: 1, overdue: 1 },
        antenatal: none,
        postnatal: none,
        'child-health': none,
        hypertension: { due: 0, overdue: 1 },
        diabetes: none,
        elderly: none,
      },
      total: items.length,
    },
  };
}

const PROGRAMMES: ProgrammeList = {
  programmes: [
    {
      id: 'vn-epi',
      kind: 'immunization',
      names: { en: 'Expanded immunization', vi: 'Tiêm chủng mở rộng', zh: '扩大免疫规划' },
      source: 'Circular 10/2024/TT-BYT',
      items: [
        { id: 'penta-2', names: { en: 'Penta 2', vi: 'DPT-VGB-Hib mũi 2', zh: '五联疫苗第2剂' } },
        { id: 'opv-2', names: { en: 'OPV 2', vi: 'OPV mũi 2', zh: '脊灰第2剂' } },
      ],
    },
    {
      id: 'vn-htn',
      kind: 'hypertension',
      names: { en: 'Hypertension', vi: 'Tăng huyết áp', zh: '高血压' },
      source: 'guideline',
      items: [{ id: 'htn-follow-up', names: { en: 'Follow-up', vi: 'Tái khám', zh: '随访' } }],
    },
  ],
};

async function stationOf(page: Page) {
  const session = await apiGet<SessionReply>(page, '/auth/session');
  const role = session.roles.find((r) => r.facility);
  if (!role?.facility || !role.area) throw new Error('the station login has no facility');
  const profile = await apiGet<{ timeZone: string }>(page, '/profile');
  return { area: role.area.id, facility: role.facility.id, today: todayIn(profile.timeZone, new Date()) };
}

/** Active children of the station's commune born between these days, youngest first. */
async function childrenBornBetween(page: Page, area: string, from: string, to: string) {
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])];
  const found: Resident[] = [];
  for (const year of years) {
    const page1 = await apiGet<{ items: Resident[] }>(
      page,
      `/residents?area=${area}&birthYear=${year}&limit=500`,
    );
    found.push(
      ...page1.items.filter(
        (r) => r.status === 'active' && r.birthDate && r.birthDate >= from && r.birthDate <= to,
      ),
    );
  }
  return found.sort((a, b) => (b.birthDate ?? '').localeCompare(a.birthDate ?? ''));
}

describe('VN demo province: programmes at the commune station', () => {
  const site = startDemoSite();

  test("district: the district's programme figures by programme, a year, how each is counted", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'district');
    await openMenu(page, 'Programme figures');
    const registered = page.locator('[data-figure="hypertension-registered"]');
    await poll(() => registered.getByTestId('figure-count').textContent()).toMatch(/^[1-9][\d,]*$/);
    expect(await page.getByTestId('figures-as-of').textContent()).toMatch(/the last three months: /);
    // A rate says what it is over; the definition is the API's, in the reader's language.
    const controlled = page.locator('[data-figure="hypertension-controlled"]');
    expect(await controlled.textContent()).toMatch(/Controlled\d[\d,]*\d+(\.\d)?% of \d/);
    await controlled.getByText('How it is counted').click();
    expect(await controlled.textContent()).toContain('below 140/90');
    await screenshot(page, 'programme-figures');
    await fitsWidth(page);
    // The year so far: the period goes into the address.
    const year = (await page.getByTestId('figures-period').inputValue()).slice(0, 4);
    await page.getByTestId('figures-period').selectOption(year);
    await poll(() => new URL(page.url()).searchParams.get('period')).toBe(year);
    await poll(() => registered.getByTestId('figure-count').textContent()).toMatch(/^[1-9][\d,]*$/);
  });

  test("a child's vaccinations on a phone: a dose given today is saved and listed", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    const [child] = await childrenBornBetween(
      page,
      station.area,
      addDays(station.today, -300),
      addDays(station.today, -30),
    );
    if (!child) throw new Error('no child under a year in the station’s commune');
    const before = await apiGet<ImmunizationList>(page, `/residents/${child.id}/immunizations`);

    await page.goto(`/residents/${child.id}`);
    await page.getByTestId('open-vaccinations').click();
    await page.getByTestId('dose-form').waitFor();
    await poll(() => page.getByTestId('vacc-resident').textContent()).toContain(child.fullName);
    await page.getByLabel(/^Vaccine/).selectOption('BCG');
    await page.getByLabel(/^Lot number/).fill('E2E-1');
    await page.getByRole('button', { name: 'Save dose' }).click();
    await poll(() => page.getByTestId('dose-saved').textContent()).toMatch(/^Dose saved: BCG on /);
    await poll(() => page.getByTestId('vacc-dose').count()).toBe(before.items.length + 1);
    const after = await apiGet<ImmunizationList>(page, `/residents/${child.id}/immunizations`);
    expect(after.items.filter((d) => d.lot === 'E2E-1').map((d) => [d.vaccine, d.date])).toEqual([
      ['BCG', station.today],
    ]);
    await screenshot(page, 'vaccinations');
    await fitsWidth(page);
  });

  test("a child's weight at a visit shows on the growth chart of the resident's page", async () => {
    const page = await site().newPage(PHONE);
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    const [child] = await childrenBornBetween(
      page,
      station.area,
      addDays(station.today, -600),
      addDays(station.today, -200),
    );
    if (!child) throw new Error('no child of 7-20 months in the station’s commune');
    // Weighed at the station this morning: 0.1 kg that no demo visit records, to find it.
    await apiPost(page, '/encounters', {
      id: newId(),
      residentId: child.id,
      facilityId: station.facility,
      kind: 'station-visit',
      startedAt: new Date().toISOString(),
      observations: [{ id: newId(), code: '29463-7', value: 9.1 }],
    });
    await page.goto(`/residents/${child.id}`);
    const growth = page.getByTestId('growth');
    await poll(() => growth.getByTestId('growth-last').textContent()).toMatch(
      /^Last: 9\.1 kg at \d+ months, z-score -?\d+(\.\d)?: /,
    );
    // The curves come in their own request: the chart draws once they are in.
    await poll(() => growth.getByTestId('growth-point').count()).toBeGreaterThan(0);
    await growth.scrollIntoViewIfNeeded();
    await screenshot(page, 'growth-chart');
    await fitsWidth(page);
  });

  test("station's home page lists today's overdue people; a row dials and records the call's outcome", async () => {
    const page = await site().newPage(PHONE);
    // The worklist routes in the API's shapes (programmes.schema.ts), until they are on the server.
    const outcomes: OutcomeBody[] = [];
    const asOf = todayIn(loadProfile('vn').timeZone, new Date());
    let residentId = '01900000-0000-7000-8000-000000000000';
    await page.route('**/api/programmes', (r) => r.fulfill({ json: PROGRAMMES }));
    await page.route(/\/api\/worklists\?/, (r) => r.fulfill({ json: worklistOf(asOf, residentId) }));
    await page.route('**/api/worklists/outcomes', async (r) => {
      const body = r.request().postDataJSON() as OutcomeBody;
      outcomes.push(body);
      await r.fulfill({ status: 201, json: { ...body, recordedBy: null, at: new Date().toISOString() } });
    });
    await site().signIn(page, 'station');
    const station = await stationOf(page);
    residentId = (await childrenBornBetween(page, station.area, addDays(asOf, -300), addDays(asOf, -30)))[0]!
      .id;
    await page.reload();

    const card = page.getByTestId('programmes-today-card');
    await poll(() => card.getByTestId('today-overdue').count()).toBe(3);
    expect(await card.getByTestId('today-hypertension').textContent()).toBe(
      'Hypertension follow-up0 due · 1 overdue',
    );
    expect(await card.getByTestId('today-overdue').first().textContent()).toBe(
      'Trần Văn Bình · Follow-up · 64 days overdue',
    );
    await card.getByTestId('today-open').click();
    const rows = page.getByTestId('worklist-row');
    await poll(() => rows.count()).toBe(3);
    // Call first at the top, with its last blood pressure; one tap dials the number.
    const first = rows.first();
    expect(await first.getByTestId('row-priority').textContent()).toBe('Call first');
    expect(await first.textContent()).toContain('last BP 186/112');
    expect(await first.getByTestId('row-call').getAttribute('href')).toBe('tel:0901234567');
    await screenshot(page, 'worklist');
    await fitsWidth(page);

    // Not reachable: one tap records it, under a UUID v7 the page made, for the row's due window.
    await first.getByTestId('row-outcome').click();
    await first.getByRole('button', { name: 'Not reachable' }).click();
    await poll(() => first.getByTestId('row-attempt').textContent()).toBe('Saved: Not reachable');
    expect(outcomes[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      residentId,
      programmeId: 'vn-htn',
      itemId: 'htn-follow-up',
      dueFrom: addDays(asOf, -60),
      outcome: 'not-reachable',
    });
    // Will come: the day picked is a week from today unless changed.
    const second = rows.nth(1);
    await second.getByTestId('row-outcome').click();
    await second.getByRole('button', { name: 'Will come' }).click();
    expect(await second.getByTestId('come-on').inputValue()).toBe(addDays(asOf, 7));
    await second.getByRole('button', { name: 'Save outcome' }).click();
    await poll(() => outcomes.length).toBe(2);
    expect(outcomes[1]).toMatchObject({ outcome: 'will-come', comeOn: addDays(asOf, 7), itemId: 'penta-2' });
    // No phone: nothing to dial, the outcome of a home visit can still be recorded.
    expect(await rows.nth(2).getByTestId('row-call').count()).toBe(0);
    await fitsWidth(page);
  });
});
