import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, buildAccessWorld } from './access.fixtures.ts';
import { applyScope } from './access-control.ts';

/**
 * Row-level security on its own, below the HTTP layer: queries run as the application role with a
 * scope set and deliberately WITHOUT any WHERE clause, so only the policies stand between the caller
 * and the other district's rows.
 */
describeOnBothEngines('row-level security', (t) => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: [] });
  });

  /**
   * Runs `body` in a transaction as grassroots_app with the given scope, set as every request sets it
   * (applyScope: role and scope in one statement); the transaction commits.
   */
  function asApp<T>(scope: { paths?: string[]; all?: boolean }, body: (trx: Db) => Promise<T>): Promise<T> {
    return t()
      .ctx.db.transaction()
      .execute(async (trx) => {
        await applyScope(trx, { all: scope.all ?? false, paths: scope.paths ?? [] });
        return body(trx);
      });
  }

  test('the scope statement switches to the application role for the transaction only', async () => {
    const inside = await asApp({ paths: ['45.451'] }, async (trx) =>
      sql<{ r: string; s: string; a: string }>`select current_user as r, current_setting('app.scope') as s,
        current_setting('app.scope_all') as a`.execute(trx),
    );
    expect(inside.rows[0]).toEqual({ r: 'grassroots_app', s: '{45.451}', a: 'off' });
  });

  const codes = async (trx: Db, table: 'facility' | 'health_worker') =>
    (await sql<{ code: string }>`select code from ${sql.table(table)}`.execute(trx)).rows
      .map((r) => r.code)
      .sort();

  test('facilities without a WHERE clause: only those inside district 1 or above it', async () => {
    const seen = await asApp({ paths: ['45.451'] }, (trx) => codes(trx, 'facility'));
    expect(seen).toEqual(['C4510', 'P0001', 'S4510']);
  });

  test('worker assignments without a WHERE clause: only those inside district 1', async () => {
    const paths = await asApp({ paths: ['45.451'] }, async (trx) =>
      (await sql<{ area_path: string }>`select area_path::text from worker_assignment`.execute(trx)).rows.map(
        (r) => r.area_path,
      ),
    );
    expect(paths).toHaveLength(w.workers.station1.length + w.workers.centre1.length);
    for (const p of paths) expect(p === '45.451' || p.startsWith('45.451.')).toBe(true);
  });

  test('health workers and rotations without a WHERE clause: only district 1', async () => {
    const { workers, rotations } = await asApp({ paths: ['45.451'] }, async (trx) => ({
      workers: await codes(trx, 'health_worker'),
      rotations: (await sql<{ id: string }>`select id from rotation`.execute(trx)).rows.map((r) => r.id),
    }));
    expect(workers).toEqual([...w.workers.centre1, ...w.workers.station1].map((x) => x.code).sort());
    expect(rotations).toEqual([w.rotationId]);
  });

  test('a commune station scope sees its staff and the doctor rotating in, not the rest of the centre', async () => {
    const workers = await asApp({ paths: ['45.451.45101'] }, (trx) => codes(trx, 'health_worker'));
    expect(workers).toEqual([...w.workers.station1, w.rotatingDoctor].map((x) => x.code).sort());
  });

  test('an empty scope sees no facility, assignment, worker or rotation', async () => {
    const counts = await asApp({ paths: [] }, async (trx) => {
      const out: Record<string, number> = {};
      for (const table of ['facility', 'worker_assignment', 'health_worker', 'rotation', 'training_record']) {
        out[table] = Number(
          (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(trx)).rows[0]!.n,
        );
      }
      return out;
    });
    expect(counts).toEqual({
      facility: 0,
      worker_assignment: 0,
      health_worker: 0,
      rotation: 0,
      training_record: 0,
    });
  });

  test("scope_all 'on' sees every row", async () => {
    const seen = await asApp({ all: true }, async (trx) => ({
      facilities: await codes(trx, 'facility'),
      workers: (await codes(trx, 'health_worker')).length,
    }));
    expect(seen.facilities).toEqual(['C4510', 'C4520', 'P0001', 'S4510', 'S4520']);
    expect(seen.workers).toBe(10);
  });

  test('inserting a facility outside the scope is refused with 42501', async () => {
    await expect(
      asApp({ paths: ['45.451'] }, (trx) =>
        sql`insert into facility (id, code, name, kind, tier, ownership, area_id, area_path)
            values (${newId()}, 'X4520', 'Sneaked in', 'commune_health_station', 'commune', 'public',
                    ${w.areas.commune2.id}, '45.452.45201')`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect((await sql`select 1 from facility where code = 'X4520'`.execute(t().ctx.db)).rows).toEqual([]);
  });

  test('a facility above the scope is visible but cannot be changed', async () => {
    const updated = await asApp({ paths: ['45.451'] }, async (trx) =>
      Number(
        (await sql`update facility set name = 'Renamed' where code in ('P0001', 'C4520')`.execute(trx))
          .numAffectedRows ?? 0n,
      ),
    );
    expect(updated).toBe(0);
  });

  test('an assignment cannot be moved out of the scope', async () => {
    await expect(
      asApp({ paths: ['45.451'] }, (trx) =>
        sql`update worker_assignment set area_path = '45.452.45201', facility_id = ${w.facilities.station2.id}
            where worker_id = ${w.workers.station1[0]!.id}`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  test('the application role cannot delete rows at all', async () => {
    await expect(asApp({ all: true }, (trx) => sql`delete from rotation`.execute(trx))).rejects.toMatchObject(
      { code: '42501' },
    );
  });

  test('after the transaction commits, the owner sees every row again', async () => {
    await asApp({ paths: ['45.451'] }, (trx) => codes(trx, 'facility'));
    const db = t().ctx.db;
    expect(await codes(db, 'facility')).toEqual(['C4510', 'C4520', 'P0001', 'S4510', 'S4520']);
    const role = await sql<{ r: string; s: string | null }>`
      select current_user as r, current_setting('app.scope', true) as s`.execute(db);
    expect(role.rows[0]!.r).not.toBe('grassroots_app');
    expect(role.rows[0]!.s ?? '').toBe('');
  });
});
