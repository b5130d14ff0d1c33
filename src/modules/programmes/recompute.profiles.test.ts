import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerJianwaiCentre } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { fixedClock } from '../../platform/clock.ts';
import { residentRecordsChanged } from '../residents/index.ts';

/**
 * Two servers of different profiles in one process (a VN and a CN server, both built before either
 * writes): a change recomputes under the profile and clock of the context it is made in, never under
 * the last server built. A change told without any server (as a CLI command or a job tells it) takes
 * its own context's clock too.
 */

const programmesOf = async (t: TestEngine, residentId: string) =>
  (
    await sql<{ programme_id: string }>`
      select distinct programme_id from programme_due where resident_id = ${residentId}
      order by programme_id`.execute(t.ctx.db)
  ).rows.map((r) => r.programme_id);

const computedAtOf = async (t: TestEngine, residentId: string) =>
  (
    await sql<{ at: string }>`
      select distinct to_char(computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as at
      from programme_due where resident_id = ${residentId}`.execute(t.ctx.db)
  ).rows.map((r) => r.at);

describeOnBothEngines('due store under its own profile (vn server)', (vn) => {
  beforeAll(() => registerAreas(vn(), DISTRICT_568));

  describeOnBothEngines(
    'beside a cn server',
    (cn) => {
      const child = { vn: '', cn: '' };

      beforeAll(() => registerJianwaiCentre(cn()));

      test('each server recomputes its resident with its own profile and clock', async () => {
        // Both servers are built; the VN one writes after the CN one was built, and the other way round.
        child.vn = (
          await postExpect(vn(), '/api/residents', {
            fullName: `Bé Hai ${cn().name}`,
            areaCode: '56801',
            birthDate: '2026-09-01',
          })
        ).id;
        child.cn = (
          await postExpect(cn(), '/api/residents', {
            fullName: '李小宝',
            areaCode: '110105001',
            birthDate: '2026-09-01',
          })
        ).id;
        const vnProgrammes = await programmesOf(vn(), child.vn);
        const cnProgrammes = await programmesOf(cn(), child.cn);
        expect(vnProgrammes).toContain('vn-epi');
        expect(vnProgrammes.every((p) => p.startsWith('vn-'))).toBe(true);
        expect(cnProgrammes).toContain('cn-nip');
        expect(cnProgrammes.every((p) => p.startsWith('cn-'))).toBe(true);
        expect(await computedAtOf(vn(), child.vn)).toEqual(['2026-12-02T02:00:00']);
        expect(await computedAtOf(cn(), child.cn)).toEqual(['2026-12-03T02:30:00']);
      });

      test('a change told without a server (a CLI write, a job) recomputes under its own context', async () => {
        const cli = { profile: vn().ctx.profile, clock: fixedClock('2026-12-04T05:06:07Z') };
        // (An unchanged window keeps its computed_at: the rows are cleared to see the clock used.)
        await sql`delete from programme_due where resident_id = ${child.vn}`.execute(vn().ctx.db);
        await vn()
          .ctx.db.transaction()
          .execute((trx) => residentRecordsChanged(cli, trx, [child.vn]));
        expect(await programmesOf(vn(), child.vn)).toContain('vn-epi');
        expect(await computedAtOf(vn(), child.vn)).toEqual(['2026-12-04T05:06:07']);
      });
    },
    { profile: 'cn', now: '2026-12-03T10:30:00+08:00' },
  );
});
