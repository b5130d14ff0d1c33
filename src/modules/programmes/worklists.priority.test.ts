import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { addDays } from '../../platform/dates.ts';
import type { RiskFacts } from './facts.ts';
import { priorityOf } from './priority.rules.ts';
import { daysOverdue, stateOn } from './state.rules.ts';
import { rankOn, underPath } from './worklists.queries.ts';

/**
 * The worklist is ranked in SQL (worklists.queries.ts rankOn) for speed; priority.rules.ts stays the
 * definition. These cases run through both, on both engines, and must agree: first a table of named
 * cases with the priority written out (Simple's boundaries: 30 and 365 days overdue, 180/110 and
 * 140/90, a heart attack or stroke, no reading, no risk row at all), then every combination of the
 * days and readings below.
 */

const AS_OF = '2026-12-02';

interface Case {
  /** Days past overdue_after on AS_OF; null: a window with no overdue date (due only). */
  days: number | null;
  bp: readonly [number, number] | null;
  /** Heart attack or stroke; null: the resident has no risk row (never recomputed with records). */
  cve: boolean | null;
}

const named: [string, Case, number][] = [
  ['due, no reading', { days: null, bp: null, cve: false }, 3],
  ['due, no risk row', { days: null, bp: null, cve: null }, 3],
  ['due on its last day (overdue_after = asOf)', { days: 0, bp: [185, 100], cve: false }, 2],
  ['29 days overdue at 180/110', { days: 29, bp: [180, 110], cve: false }, 2],
  ['30 days overdue at 180 systolic', { days: 30, bp: [180, 80], cve: false }, 1],
  ['30 days overdue at 110 diastolic', { days: 30, bp: [130, 110], cve: false }, 1],
  ['30 days overdue at 179/109', { days: 30, bp: [179, 109], cve: false }, 2],
  ['30 days overdue, stroke, 140/85', { days: 30, bp: [140, 85], cve: true }, 1],
  ['30 days overdue, stroke, 135/90', { days: 30, bp: [135, 90], cve: true }, 1],
  ['30 days overdue, stroke, 139/89 (controlled)', { days: 30, bp: [139, 89], cve: true }, 3],
  ['30 days overdue, stroke, 139.9/89.9', { days: 30, bp: [139.9, 89.9], cve: true }, 3],
  ['30 days overdue, stroke, no reading', { days: 30, bp: null, cve: true }, 2],
  ['30 days overdue, 139/89, no history', { days: 30, bp: [139, 89], cve: false }, 3],
  ['30 days overdue, 140/90, no history', { days: 30, bp: [140, 90], cve: false }, 2],
  ['30 days overdue, no reading', { days: 30, bp: null, cve: false }, 2],
  ['30 days overdue, no risk row', { days: 30, bp: null, cve: null }, 2],
  ['365 days overdue at 200/120', { days: 365, bp: [200, 120], cve: false }, 1],
  ['365 days overdue, controlled', { days: 365, bp: [120, 80], cve: false }, 3],
  ['366 days overdue at 200/120', { days: 366, bp: [200, 120], cve: false }, 3],
  ['366 days overdue, stroke, 150/95', { days: 366, bp: [150, 95], cve: true }, 3],
  ['366 days overdue, controlled', { days: 366, bp: [120, 80], cve: true }, 4],
  ['366 days overdue, no reading', { days: 366, bp: null, cve: false }, 4],
  ['5 days overdue, stroke, 150/95', { days: 5, bp: [150, 95], cve: true }, 2],
  ['5 days overdue, 150/95, no history', { days: 5, bp: [150, 95], cve: false }, 3],
];

const DAYS = [null, 0, 1, 29, 30, 31, 364, 365, 366, 1000];
const READINGS: (readonly [number, number] | null)[] = [
  null,
  [120, 80],
  [139, 89],
  [139.9, 89.9],
  [140, 85],
  [135, 90],
  [150, 95],
  [179, 109],
  [180, 100],
  [170, 110],
  [200, 120],
];
const combinations: Case[] = DAYS.flatMap((days) =>
  READINGS.flatMap((bp) => [true, false, ...(bp === null ? [null] : [])].map((cve) => ({ days, bp, cve }))),
);

/** The window and risk of a case as the pure rules read them. */
function pure(c: Case) {
  const overdueAfter = c.days === null ? null : addDays(AS_OF, -c.days);
  const window = {
    dueFrom: overdueAfter === null ? AS_OF : addDays(overdueAfter, -28),
    overdueAfter,
    expiresOn: null,
    doneOn: null,
  };
  const risk: RiskFacts = {
    lastSystolic: c.bp?.[0] ?? null,
    lastDiastolic: c.bp?.[1] ?? null,
    lastBpOn: c.bp ? addDays(AS_OF, -60) : null,
    cardiovascularEvent: c.cve ?? false,
  };
  return {
    state: stateOn(window, AS_OF),
    daysOverdue: daysOverdue(window, AS_OF),
    priority: priorityOf(risk, window, AS_OF),
  };
}

describeOnBothEngines('worklist ranking: the SQL agrees with priority.rules.ts', (t) => {
  /** The cases through rankOn, on the engine, in their order. */
  async function ranked(cases: readonly Case[]) {
    const r = rankOn(AS_OF);
    const rows = cases.map((c, n) => ({
      n,
      overdue_after: c.days === null ? null : addDays(AS_OF, -c.days),
      last_systolic: c.cve === null ? null : (c.bp?.[0] ?? null),
      last_diastolic: c.cve === null ? null : (c.bp?.[1] ?? null),
      cardiovascular_event: c.cve,
    }));
    const out = await sql<{ n: number; state: string; days_overdue: number; priority: number }>`
      select n, ${r.state} as state, ${r.daysOverdue} as days_overdue, ${r.priority} as priority
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as c(n int, overdue_after date,
        last_systolic numeric(6, 1), last_diastolic numeric(6, 1), cardiovascular_event boolean)
      order by n`.execute(t().ctx.db);
    return out.rows.map(({ state, days_overdue, priority }) => ({
      state,
      daysOverdue: Number(days_overdue),
      priority: Number(priority),
    }));
  }

  test('the named cases: SQL, priorityOf and the written priority agree', async () => {
    const sqlRanks = await ranked(named.map(([, c]) => c));
    named.forEach(([label, c, priority], i) => {
      expect({ label, ...pure(c) }).toEqual({ label, ...sqlRanks[i] });
      expect({ label, priority: sqlRanks[i]?.priority }).toEqual({ label, priority });
    });
  });

  test(`every combination of ${DAYS.length} overdue days and ${READINGS.length} readings agrees`, async () => {
    const sqlRanks = await ranked(combinations);
    expect(sqlRanks).toEqual(combinations.map(pure));
    // Every priority is reached, so the table covers each branch of the CASE.
    expect(new Set(sqlRanks.map((r) => r.priority))).toEqual(new Set([1, 2, 3, 4]));
  });

  test('a place asked as a range in ltree order (underPath) matches exactly its subtree (<@)', async () => {
    const paths = [
      '1',
      '1.2',
      '1.2.3',
      '1.2.3.4',
      '1.20',
      '1.2_x',
      '1.2A',
      '1.2a',
      '1.3',
      '1.10',
      '12',
      '2',
      '1.1.2',
    ];
    const values = sql.join(paths.map((p) => sql`(${p}::ltree)`));
    for (const asked of ['1', '1.2', '1.2.3', '1.20', '1.1', '2', '12']) {
      const got = await sql<{ p: string }>`
        select area_path::text as p from (values ${values}) as programme_due(area_path)
        where ${underPath(asked)} order by 1`.execute(t().ctx.db);
      const want = await sql<{ p: string }>`
        select area_path::text as p from (values ${values}) as programme_due(area_path)
        where area_path <@ ${asked}::ltree order by 1`.execute(t().ctx.db);
      expect({ asked, paths: got.rows.map((r) => r.p) }).toEqual({ asked, paths: want.rows.map((r) => r.p) });
    }
  });
});
