import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';
import { DISTRICT_568, registerAreas } from '../../test/support/places.ts';
import { postExpect } from '../../test/support/requests.ts';
import { dropFollowResident, followResident, scopedCareTable } from './care-tables.ts';

/** The helpers of the next migrations, run as a migration would on a table made here. */
describeOnBothEngines('migrations/support/care-tables', (t) => {
  const run = async (statements: string[]) => {
    for (const s of statements) await sql.raw(s).execute(t().ctx.db);
  };
  const pathOf = async (code: string) =>
    (await sql<{ p: string }>`select path::text as p from area where code = ${code}`.execute(t().ctx.db))
      .rows[0]!.p;

  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    await run([
      `create table care_probe (
        id uuid primary key, resident_id uuid not null references resident (id), area_path ltree not null)`,
      ...scopedCareTable('care_probe'),
      ...followResident('care_probe_follows_resident', ['care_probe']),
    ]);
  });

  test("a resident's rows move with them to another area, and stop moving once the trigger is dropped", async () => {
    const resident = await postExpect(t(), '/api/residents', { fullName: 'Người Thử', areaCode: '56801' });
    const from = await pathOf('56801');
    await sql`insert into care_probe values (gen_random_uuid(), ${resident.id}, ${from}::ltree)`.execute(
      t().ctx.db,
    );
    const probePath = async () =>
      (await sql<{ p: string }>`select area_path::text as p from care_probe`.execute(t().ctx.db)).rows.map(
        (r) => r.p,
      );

    const to = await pathOf('56802');
    await sql`update resident set area_path = ${to}::ltree where id = ${resident.id}`.execute(t().ctx.db);
    expect(await probePath()).toEqual([to]);

    await run(dropFollowResident('care_probe_follows_resident'));
    await sql`update resident set area_path = ${from}::ltree where id = ${resident.id}`.execute(t().ctx.db);
    expect(await probePath()).toEqual([to]);
  });

  test('the table is scoped: row-level security on, its area path indexed, no delete for the application', async () => {
    const rls = await sql<{ on: boolean }>`
      select relrowsecurity as on from pg_class where relname = 'care_probe'`.execute(t().ctx.db);
    expect(rls.rows[0]?.on).toBe(true);
    const index = await sql<{ n: number }>`
      select count(*)::int as n from pg_indexes where indexname = 'care_probe_area_path_gist'`.execute(
      t().ctx.db,
    );
    expect(index.rows[0]?.n).toBe(1);
    const canDelete = await sql<{ ok: boolean }>`
      select has_table_privilege('grassroots_app', 'care_probe', 'delete') as ok`.execute(t().ctx.db);
    expect(canDelete.rows[0]?.ok).toBe(false);
  });
});
