import { sql } from 'kysely';
import { expect, test } from 'vitest';
import type { TestEngine } from '../../test/support/engines.ts';
import { aVaccinatedChild, dueStoreCounts, programmeRecordCounts } from './demo-programmes.fixtures.ts';

/**
 * What both profiles' demos must show alike, one table row per profile: the demo tests of the
 * Vietnamese province (demo.test.ts) and of the Chinese county (demo-county.test.ts) call this inside
 * their suite, on the demo they loaded, instead of keeping two near-copies of the same tests.
 */
export interface SharedDemoExpectations {
  /** The load day. */
  today: string;
  /** The code of the demo station's commune (VN) or township (CN): what is due is counted there. */
  stationArea: string;
  /** The demo station's facility code: one of its vaccinated children's booklet is read. */
  stationCode: string;
  /** Whose children are counted in the booklets' title: "the district's", "the township's". */
  childrenOf: string;
  /** At least this many children with doses, and this many doses given too early by age and by interval. */
  children: number;
  early: number;
  /** The area whose shelves are rolled up (the demo district, the county) and at least this many facilities. */
  stockArea: string;
  stockFacilities: number;
  /** The title of the shelves' test. */
  shelves: string;
}

export function describeSharedDemoExpectations(t: () => TestEngine, x: SharedDemoExpectations): void {
  test('what is due on the load day at the demo station: children overdue and due, women due for antenatal care, hypertensive patients to call first, doses not counted', async () => {
    const area = await sql<{
      path: string;
    }>`select path::text from area where code = ${x.stationArea}`.execute(t().ctx.db);
    const c = await dueStoreCounts(t().ctx.db, x.today, area.rows[0]!.path);
    expect(c.byKind.immunization?.overdue).toBeGreaterThan(5);
    expect(c.byKind.immunization?.due).toBeGreaterThan(0);
    expect(c.byKind['child-health']?.due).toBeGreaterThan(0);
    expect((c.byKind.antenatal?.due ?? 0) + (c.byKind.antenatal?.overdue ?? 0)).toBeGreaterThan(0);
    expect(c.byKind.hypertension?.overdue).toBeGreaterThan(0);
    expect(c.firstPriority).toBeGreaterThan(0);
    expect(c.invalidDoses).toBeGreaterThan(3);
    expect(c.invalidReasons).toEqual(expect.arrayContaining(['below-minimum-age', 'under-minimum-interval']));
  });

  test(`${x.childrenOf} children have their booklets (some doses from elsewhere, a few too early); the programmes' visits`, async () => {
    const c = await programmeRecordCounts(t().ctx.db, x.today, t().ctx.profile);
    expect(c.children).toBeGreaterThan(x.children);
    expect(c.doses / c.children).toBeGreaterThan(6);
    expect(c.elsewhere / c.doses).toBeGreaterThan(0.05);
    expect(c.here + c.elsewhere).toBe(c.doses);
    expect(c.earlyByAge).toBeGreaterThan(x.early);
    expect(c.earlyByInterval).toBeGreaterThan(x.early);
    // Hypertensive patients who stopped coming after a reading of 180 or more; the yearly checks of the over-65s.
    expect(c.lapsedHighRisk).toBeGreaterThan(3);
    expect(c.hypertensionProblems).toBeGreaterThan(300);
    expect(c.elderlyChecks).toBeGreaterThan(50);
    expect(c.elderlyChecksUnder65).toBe(0);
    // Pregnancies open (due for antenatal contacts) and ended in a birth; the station's children weighed.
    expect(c.openPregnancies).toBeGreaterThan(3);
    expect(c.births).toBeGreaterThan(3);
    expect(c.childrenChecked).toBeGreaterThan(50);
    expect(c.childChecksWeighed).toBe(c.childChecks);
    const child = await aVaccinatedChild(t().ctx.db, x.stationCode);
    const booklet = await t().inject({ url: `/api/residents/${child}/immunizations` });
    expect(booklet.statusCode, booklet.body).toBe(200);
    expect(booklet.json().items.length).toBeGreaterThanOrEqual(8);
  });

  test(x.shelves, async () => {
    const roll = await t().inject({ url: `/api/stock/district?area=${x.stockArea}` });
    expect(roll.statusCode, roll.body).toBe(200);
    const { facilities, medicines } = roll.json();
    expect(facilities.length).toBeGreaterThanOrEqual(x.stockFacilities);
    expect(medicines).toHaveLength(12);
    const sum = (k: string) =>
      facilities.reduce((n: number, f: Record<string, number>) => n + (f[k] ?? 0), 0);
    expect(sum('stockOuts')).toBeGreaterThan(0);
    expect(sum('nearExpiry')).toBeGreaterThan(0);
    const reqs = await t().inject({ url: `/api/requisitions?area=${x.stockArea}` });
    expect(new Set(reqs.json().map((r: { status: string }) => r.status))).toEqual(
      new Set(['draft', 'sent', 'approved', 'shipped', 'received']),
    );
  });
}
