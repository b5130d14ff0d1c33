import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { type AreaRow, registerAreas } from '../../../test/support/places.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { JobWorker } from '../jobs/index.ts';
import { runSettlements } from './index.ts';
import { insertClaims, reviewClaim, runThroughApi, station } from './settlements.fixtures.ts';

/**
 * The quarterly settlement over real HTTP on both engines and both profiles: an area's run as a job
 * (twice, and interrupted between facilities then run again: the same amounts, claims paid once),
 * advances (recorded, idempotent; by the rule at sign-off), sign-off freezing the quarter (409 on a
 * re-run), a later correction landing in the next quarter as an adjustment, the reconciliation
 * reports (JSON, CSV per facility and per area with their totals) and the scope.
 */

const PROFILES = {
  vn: {
    areas: [
      ['56', 'province'],
      ['568', 'district', '56'],
      ['56801', 'commune', '568'],
      ['56802', 'commune', '568'],
    ] as AreaRow[],
    district: '568',
    communes: ['56801', '56802'],
    code: (n: number) => `S${String(n).padStart(4, '0')}`,
    // 80% of the accepted amount, in whole đồng
    nextAdvance: { 140000.5: 112_000, 100000: 80_000 } as Record<number, number>,
  },
  cn: {
    areas: [
      ['11', 'province'],
      ['1101', 'prefecture', '11'],
      ['110105', 'county', '1101'],
      ['110105001', 'township', '110105'],
      ['110105002', 'township', '110105'],
    ] as AreaRow[],
    district: '110105',
    communes: ['110105001', '110105002'],
    code: (n: number) => `THC11010500${n}`,
    // 33.33% of the accepted amount, to the fen (half up)
    nextAdvance: { 140000.5: 46_662.17, 100000: 33_330 } as Record<number, number>,
  },
} as const;

type Profile = keyof typeof PROFILES;

const settlementsOf = (t: TestEngine, area: string, quarter: string) =>
  getOk(t, `/api/settlements?area=${area}&quarter=${quarter}`);

const areaPathOf = async (t: TestEngine, code: string) =>
  (await t.ctx.db.selectFrom('area').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;

const paidEvents = async (t: TestEngine, ids: string[]) =>
  t.ctx.db
    .selectFrom('claim_event')
    .select(['claim_id'])
    .where('claim_id', 'in', ids)
    .where('to_status', '=', 'paid')
    .execute();

for (const profile of ['vn', 'cn'] as Profile[]) {
  const P = PROFILES[profile];
  const nextOf = (accepted: '140000.5' | '100000') => Number(P.nextAdvance[accepted]);
  describeOnBothEngines(
    `settlements (${profile})`,
    (t) => {
      let n = 0;
      const nextStation = (commune = 0) => station(t(), P.code(++n), P.communes[commune]!);
      beforeAll(async () => {
        await registerAreas(t(), P.areas);
      });

      test('a run settles each facility, twice or interrupted: the same amounts, claims paid once', async () => {
        const a = await nextStation(0);
        const b = await nextStation(1);
        const q = '2026-Q2';
        const aIds = await insertClaims(t(), a, [
          { quarter: q, status: 'accepted', pays: 100_000, accepted: 100_000, rejected: 0 },
          { quarter: q, status: 'partly-accepted', pays: 50_000, accepted: 40_000.5, rejected: 9_999.5 },
          { quarter: q, status: 'rejected', pays: 30_000, rejected: 30_000 },
          { quarter: q, status: 'submitted', pays: 20_000 },
          { quarter: q, status: 'draft', pays: 10_000 },
        ]);
        const bIds = await insertClaims(t(), b, [
          { quarter: q, status: 'accepted', pays: 200_000, accepted: 200_000 },
        ]);
        // An advance recorded by an officer: repeated, the same; another body, 409; a second one, 409.
        const advance = {
          id: '01900000-0000-7000-9000-00000000a001',
          facility: a.code,
          quarter: q,
          amount: 80_000,
          paidOn: '2026-04-05',
        };
        const first = await postExpect(t(), '/api/settlements/advances', advance);
        expect(await postExpect(t(), '/api/settlements/advances', advance, 200)).toEqual(first);
        expect(
          (await postExpect(t(), '/api/settlements/advances', { ...advance, amount: 1 }, 409)).code,
        ).toBe('conflict');
        const again = { ...advance, id: '01900000-0000-7000-9000-00000000a002' };
        expect((await postExpect(t(), '/api/settlements/advances', again, 409)).code).toBe(
          'advance_recorded',
        );
        const bad = await postExpect(
          t(),
          '/api/settlements/advances',
          { ...again, facility: b.code, amount: 0.005 },
          400,
        );
        expect(bad.errors[0].field).toBe('body.amount');

        // Interrupted after the first facility (killed between two transactions), then run again.
        await expect(
          runSettlements(
            t().ctx.db,
            { profile: t().ctx.profile, now: () => t().ctx.clock.now(), jobId: null },
            { quarter: q, areaPath: await areaPathOf(t(), P.district) },
            {
              checkpoint: async () => {
                throw new Error('killed');
              },
            },
          ),
        ).rejects.toThrow('killed');
        const half = await settlementsOf(t(), P.district, q);
        expect(half.items).toHaveLength(1);
        const done = await runThroughApi(t(), { area: P.district, quarter: q });
        expect(done.state).toBe('done');
        const once = await settlementsOf(t(), P.district, q);
        // And once more, a whole run again: nothing changes.
        await runThroughApi(t(), { area: P.district, quarter: q });
        const twice = await settlementsOf(t(), P.district, q);
        const figures = (r: { items: Record<string, unknown>[]; totals: unknown }) => ({
          totals: r.totals,
          items: r.items.map(({ jobId: _j, computedAt: _c, ...s }) => s),
        });
        expect(figures(twice)).toEqual(figures(once));

        const sa = once.items.find((s: { facility: { id: string } }) => s.facility.id === a.id);
        const sb = once.items.find((s: { facility: { id: string } }) => s.facility.id === b.id);
        expect(sa).toMatchObject({
          status: 'computed',
          counts: { claims: 4, accepted: 2, rejected: 1, pending: 1 },
          claimed: 200_000,
          accepted: 140_000.5,
          rejected: 39_999.5,
          advance: 80_000,
          adjustments: 0,
          balance: profile === 'vn' ? 60_001 : 60_000.5,
          nextAdvance: nextOf('140000.5'),
          nextAdvanceBasis: 'accepted',
        });
        expect(sb).toMatchObject({ claimed: 200_000, accepted: 200_000, advance: 0, balance: 200_000 });
        expect(once.totals).toMatchObject({
          facilities: 2,
          claimed: 400_000,
          accepted: 340_000.5,
          advance: 80_000,
          balance: sa.balance + sb.balance,
        });
        // Paid exactly once, with the settlement's id.
        const claims = await t()
          .ctx.db.selectFrom('claim')
          .select(['id', 'status', 'settlement_id'])
          .where('id', 'in', [...aIds, ...bIds])
          .orderBy('id')
          .execute();
        expect(claims.map((c) => c.status)).toEqual([
          'paid',
          'paid',
          'rejected',
          'submitted',
          'draft',
          'paid',
        ]);
        expect(claims[0]!.settlement_id).toBe(sa.id);
        expect(claims[5]!.settlement_id).toBe(sb.id);
        expect(await paidEvents(t(), [...aIds, ...bIds])).toHaveLength(3);
      });

      test('signed off: frozen (409 on a re-run), the next advance by the rule, a later correction an adjustment', async () => {
        const a = await nextStation(0);
        const [c1, c2, c3] = await insertClaims(t(), a, [
          { quarter: '2026-Q3', status: 'accepted', pays: 100_000, accepted: 100_000 },
          { quarter: '2026-Q3', status: 'submitted', pays: 20_000 },
          { quarter: '2026-Q4', status: 'accepted', pays: 50_000, accepted: 50_000 },
        ]);
        await runThroughApi(t(), { facility: a.code, quarter: '2026-Q3' });
        const [s3] = (await getOk(t(), `/api/settlements?facility=${a.code}&quarter=2026-Q3`)).items;
        // A first quarter with no advance: owed the accepted amount.
        expect(s3).toMatchObject({
          accepted: 100_000,
          advance: 0,
          balance: 100_000,
          nextAdvance: nextOf('100000'),
        });
        const signed = await postExpect(t(), `/api/settlements/${s3.id}/sign-off`, {}, 200);
        expect(signed).toMatchObject({ status: 'signed', signedAt: expect.any(String) });
        expect(await postExpect(t(), `/api/settlements/${s3.id}/sign-off`, {}, 200)).toEqual(signed);
        const rerun = await postExpect(
          t(),
          '/api/settlements/runs',
          { facility: a.code, quarter: '2026-Q3' },
          409,
        );
        expect(rerun.code).toBe('settlement_signed');
        const late = {
          id: '01900000-0000-7000-9000-00000000b001',
          facility: a.code,
          quarter: '2026-Q3',
          amount: 1,
          paidOn: '2026-07-01',
        };
        expect((await postExpect(t(), '/api/settlements/advances', late, 409)).code).toBe(
          'settlement_signed',
        );

        // After the sign-off: the claim pending then is accepted, a paid one rebuilt and accepted for less.
        await reviewClaim(t(), c2!, 'accepted', 20_000);
        await reviewClaim(t(), c1!, 'accepted', 90_000);
        await runThroughApi(t(), { area: P.district, quarter: '2026-Q3' }); // the area's run leaves it frozen
        expect(await getOk(t(), `/api/settlements/${s3.id}`)).toEqual(signed);
        for (let i = 0; i < 2; i++) await runThroughApi(t(), { facility: a.code, quarter: '2026-Q4' });
        const [s4] = (await getOk(t(), `/api/settlements?facility=${a.code}&quarter=2026-Q4`)).items;
        const d4 = await getOk(t(), `/api/settlements/${s4.id}`);
        expect(d4).toMatchObject({
          accepted: 50_000,
          advance: nextOf('100000'),
          adjustments: 10_000,
          balance: 50_000 + 10_000 - nextOf('100000'),
          advanceDetail: { source: 'rule', quarter: '2026-Q4', paidOn: '2026-10-01', basis: 'accepted' },
        });
        expect(
          d4.adjustmentItems.map((x: { claimId: string; amount: number }) => [x.claimId, x.amount]).sort(),
        ).toEqual(
          [
            [c1, -10_000],
            [c2, 20_000],
          ].sort(),
        );
        const paid = await t()
          .ctx.db.selectFrom('claim')
          .select(['id', 'status', 'settlement_id'])
          .where('id', 'in', [c1!, c2!, c3!])
          .execute();
        for (const c of paid) expect(c).toMatchObject({ status: 'paid', settlement_id: s4.id });

        // The reconciliation: claim by claim, the totals equal the settlement's; CSV per facility and area.
        const rec = await getOk(t(), `/api/settlements/${s3.id}/reconciliation`);
        expect(rec.claims).toHaveLength(2);
        expect(rec.claims[0]).toMatchObject({ visitDate: '2026-07-15', status: 'paid' });
        // Claim by claim as they stand now, and what the signed quarter paid for them.
        expect(rec.claimTotals).toEqual({
          claimed: 120_000,
          accepted: 110_000,
          rejected: 0,
          settled: 100_000,
        });
        expect(rec.settlement.id).toBe(s3.id);
        const csv = await t().inject({ url: `/api/settlements/${s4.id}/reconciliation.csv` });
        expect(csv.statusCode).toBe(200);
        const lines = csv.body.trim().split('\n');
        expect(lines[0]).toBe(
          'line,claim_id,visit_date,card_number,status,claimed,accepted,rejected,settled,adjustment,from_quarter,advance,balance',
        );
        expect(lines.filter((l) => l.startsWith('adjustment,'))).toHaveLength(2);
        expect(lines.at(-1)).toBe(`total,,,,computed,50000,50000,0,50000,10000,,${d4.advance},${d4.balance}`);
        const area = await t().inject({
          url: `/api/settlements/reconciliation.csv?area=${P.district}&quarter=2026-Q3`,
        });
        expect(area.statusCode).toBe(200);
        expect(area.body.trim().split('\n').at(-1)).toMatch(/^TOTAL,/);
      });

      test('scope and permissions: a station sees its own, not its neighbour; only settlements.run runs', async () => {
        const a = await nextStation(0);
        const b = await nextStation(1);
        await insertClaims(t(), a, [
          { quarter: '2026-Q1', status: 'accepted', pays: 1_000, accepted: 1_000 },
        ]);
        await insertClaims(t(), b, [
          { quarter: '2026-Q1', status: 'accepted', pays: 2_000, accepted: 2_000 },
        ]);
        await runThroughApi(t(), { area: P.district, quarter: '2026-Q1' });
        const all = await settlementsOf(t(), P.district, '2026-Q1');
        const sb = all.items.find((s: { facility: { id: string } }) => s.facility.id === b.id);
        await postExpect(t(), '/api/users', {
          username: `clerk-${profile}-${n}`,
          displayName: 'Clerk',
          password: 'clerk-password-123',
          roles: [{ role: 'station', facility: a.code }],
        });
        const token = await t().signIn(`clerk-${profile}-${n}`, 'clerk-password-123');
        const as = (url: string, method: 'GET' | 'POST' = 'GET', payload?: Record<string, unknown>) =>
          t().inject({
            url,
            method,
            ...(payload ? { payload } : {}),
            headers: { authorization: `Bearer ${token}` },
          });
        const own = await as(`/api/settlements?facility=${a.code}&quarter=2026-Q1`);
        expect(own.statusCode, own.body).toBe(200);
        expect(own.json().items).toHaveLength(1);
        expect((await as(`/api/settlements/${sb.id}`)).statusCode).toBe(404);
        // The neighbour's facility is not one the station sees: named as the field to fix.
        const other = await as(`/api/settlements?facility=${b.code}&quarter=2026-Q1`);
        expect([other.statusCode, other.json().errors?.[0]?.field]).toEqual([400, 'querystring.facility']);
        expect(
          (await as('/api/settlements/runs', 'POST', { facility: a.code, quarter: '2026-Q1' })).statusCode,
        ).toBe(403);
        expect((await as(`/api/settlements/${sb.id}/sign-off`, 'POST', {})).statusCode).toBe(403);
        // The generic job start cannot give a quarter: such a run settles nothing and fails, saying why.
        const generic = await postExpect(t(), '/api/jobs', {
          kind: 'settlements.run',
          payload: { area: P.district },
        });
        const worker = new JobWorker(t().ctx);
        await worker.runOnce(generic.id);
        await worker.stop();
        const failed = await getOk(t(), `/api/jobs/${generic.id}`);
        expect(JSON.stringify(failed)).toContain('POST /api/settlements/runs');
        expect((await settlementsOf(t(), P.district, '2026-Q1')).items).toHaveLength(all.items.length);
        const future = await postExpect(
          t(),
          '/api/settlements/runs',
          { area: P.district, quarter: '2027-Q1' },
          400,
        );
        expect(future.errors[0].field).toBe('body.quarter');
        const bad = await t().inject({ url: `/api/settlements?area=${P.district}&quarter=2026-Q5` });
        expect(bad.statusCode).toBe(400);
        expect(bad.headers['content-type']).toContain('application/problem+json');
      });
    },
    { profile },
  );
}
