import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { getOk, postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { residentWithCards, seedCommuneAndDistrict } from '../insurance/eligibility.fixture.ts';
import { buildClaimsIn } from './index.ts';

/**
 * Claims over HTTP under the VN profile on both engines: a closed insured visit makes its claim in the
 * close's transaction (idempotent: the backfill job leaves it as it is); the facility's check rejects
 * a claim without a main diagnosis; the correction is an amendment of the visit, which rebuilds the
 * claim from the new bill (new lines at the new seq, the old kept, back to draft with an event); the
 * re-check, submission and review accept it; a move from the wrong status is a 409 naming the status;
 * the summary counts it; a line above its maximum is rejected alone (partly).
 */

async function idOf(t: TestEngine, table: 'medicine' | 'service_item' | 'facility', code: string) {
  const r = await sql<{ id: string }>`select id from ${sql.table(table)} where code = ${code}`.execute(
    t.ctx.db,
  );
  return r.rows[0]?.id as string;
}

describeOnBothEngines('claims API (vn)', (t) => {
  let residentId: string;
  let station: string;
  let exam: string;
  let amlodipine: string;
  let losartan: string;

  beforeAll(async () => {
    await seedCommuneAndDistrict(t());
    residentId = await residentWithCards(
      t(),
      { fullName: 'Lê Văn Bảo Hiểm', citizenId: '056160000777', birthDate: '1960-02-01' },
      [['HS4560000000777', '2026-01-01', '2026-12-31']],
    );
    station = await idOf(t(), 'facility', '56101');
    exam = await idOf(t(), 'service_item', 'VNS0001');
    amlodipine = await idOf(t(), 'medicine', 'VNT0001');
    losartan = await idOf(t(), 'medicine', 'VNT0002');
  });

  const visit = async (over: Record<string, unknown>) => {
    const opened = await postOk(t(), '/api/encounters', {
      id: newId(),
      residentId,
      facilityId: station,
      kind: 'station-visit',
      insuranceCard: 'HS4560000000777',
      services: [{ id: newId(), serviceItemId: exam }],
      ...over,
    });
    return postOk(t(), `/api/encounters/${opened.id}/close`, { dispense: false });
  };
  const claimOfVisit = async (encounterId: string) => {
    const page = await getOk(t(), '/api/claims?facility=56101&limit=100');
    return page.items.find((c: { encounterId: string }) => c.encounterId === encounterId);
  };

  test('a rejected claim corrected by an amendment of the visit is rebuilt, re-checked, submitted and accepted', async () => {
    const closed = await visit({});
    const draft = await claimOfVisit(closed.id);
    expect(draft).toMatchObject({
      status: 'draft',
      billSeq: 0,
      quarter: '2026-Q4',
      cardNumber: 'HS4560000000777',
      cardValidTo: '2026-12-31',
      careKind: '01',
      mainDiagnosis: null,
      insurancePays: closed.bill.totals.insurancePays,
      hospitalAmount: closed.bill.totals.hospitalAmount,
    });
    expect(draft.visitKind).toMatch(/^(1\.[1-5]|2|3(\.\d)?)$/);

    // Submitting a draft: 409 naming the status.
    const early = await t().inject({ method: 'POST', url: `/api/claims/${draft.id}/submit`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'claim_status' });
    expect(early.json().detail).toContain('is draft');

    const rejected = await postOk(t(), `/api/claims/${draft.id}/check`, {});
    expect(rejected.status).toBe('rejected');
    expect(rejected.lastCheck).toMatchObject({ side: 'facility', outcome: 'rejected' });
    expect(rejected.lastCheck.failures[0]).toMatchObject({ code: 'no-main-diagnosis', lineNo: null });
    expect(rejected.lines.every((l: { status: string }) => l.status === 'rejected')).toBe(true);
    const listed = await getOk(t(), '/api/claims?failure=no-main-diagnosis&facility=56101');
    expect(listed.items.map((c: { id: string }) => c.id)).toContain(draft.id);

    // The correction: an amendment of the visit adds the main diagnosis; the claim is rebuilt.
    await postOk(t(), `/api/encounters/${closed.id}/amendments`, {
      id: newId(),
      reason: 'Thiếu chẩn đoán chính',
      add: { diagnoses: [{ id: newId(), code: 'I10' }] },
    });
    const rebuilt = await getOk(t(), `/api/claims/${draft.id}`);
    expect(rebuilt).toMatchObject({ status: 'draft', billSeq: 1, mainDiagnosis: 'I10', failureCodes: [] });
    expect(
      rebuilt.lines.every(
        (l: { billSeq: number; status: string }) => l.billSeq === 1 && l.status === 'pending',
      ),
    ).toBe(true);
    const kept = await sql<{
      n: number;
    }>`select count(*)::int as n from claim_line where claim_id = ${draft.id} and bill_seq = 0`.execute(
      t().ctx.db,
    );
    expect(kept.rows[0]?.n).toBe(rebuilt.lines.length);

    const checked = await postOk(t(), `/api/claims/${draft.id}/check`, {});
    expect(checked).toMatchObject({ status: 'checked', lastCheck: { outcome: 'passed', failures: [] } });
    const submitted = await postOk(t(), `/api/claims/${draft.id}/submit`, {});
    expect(submitted.status).toBe('submitted');
    const reviewed = await postOk(t(), `/api/claims/${draft.id}/review`, {});
    expect(reviewed).toMatchObject({
      status: 'accepted',
      acceptedAmount: rebuilt.insurancePays,
      rejectedAmount: 0,
      lastCheck: { side: 'agency', outcome: 'passed' },
    });
    expect(reviewed.history.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'draft',
      'rejected',
      'draft',
      'checked',
      'submitted',
      'accepted',
    ]);
    expect(reviewed.history[2].reason).toContain('amended');
    expect(reviewed.history.every((e: { userId: string | null }) => e.userId !== null)).toBe(true);

    const again = await t().inject({ method: 'POST', url: `/api/claims/${draft.id}/review`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('is accepted');

    const summary = await getOk(t(), '/api/claims/summary?facility=56101&quarter=2026-Q4');
    expect(summary.accepted.count).toBe(1);
    expect(summary.accepted.amount).toBe(rebuilt.insurancePays);
    expect(summary.claimed.amount).toBe(rebuilt.insurancePays);
  });

  test('a line above its maximum is rejected alone; the agency rejects another line with a reason', async () => {
    // No exam this time: a second exam on the same day would fail its frequency (one a day).
    const closed = await visit({
      services: [],
      diagnoses: [{ id: newId(), code: 'I10' }],
      prescriptions: [
        { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'twice-daily', durationDays: 60 },
        { id: newId(), medicineId: losartan, dose: 1, frequency: 'once-daily', durationDays: 30 },
      ],
    });
    const claim = await claimOfVisit(closed.id);
    const checked = await postOk(t(), `/api/claims/${claim.id}/check`, {});
    expect(checked.status).toBe('checked');
    expect(checked.lastCheck.outcome).toBe('partly');
    const medicine = checked.lines.find((l: { code: string }) => l.code === 'VNT0001');
    const service = checked.lines.find((l: { code: string }) => l.code === 'VNT0002');
    expect(medicine).toMatchObject({ quantity: 120, status: 'rejected', failure: 'quantity-maximum' });
    expect(service.status).toBe('passed');
    await postOk(t(), `/api/claims/${claim.id}/submit`, {});
    const bad = await t().inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/review`,
      payload: { rejections: [{ lineNo: 99, code: 'frequency', reason: 'x' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.rejections[0].lineNo');
    const reviewed = await postOk(t(), `/api/claims/${claim.id}/review`, {
      rejections: [{ lineNo: service.lineNo, code: 'frequency', reason: 'khám hai lần trong ngày' }],
      reason: 'giám định',
    });
    expect(reviewed).toMatchObject({
      status: 'rejected',
      acceptedAmount: 0,
      rejectedAmount: claim.insurancePays,
    });

    const summary = await getOk(t(), '/api/claims/summary?facility=56101');
    expect(summary.rejectionsByCode).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'quantity-maximum' }),
        expect.objectContaining({ code: 'frequency' }),
      ]),
    );
    expect(summary.rejected.count).toBe(1);
  });

  test('the backfill leaves built claims as they are; an uninsured visit makes none; a batch check is a job', async () => {
    const uninsured = await visit({ insuranceCard: undefined, diagnoses: [{ id: newId(), code: 'I10' }] });
    expect(uninsured.bill.method).toBe('uninsured');
    const before = await getOk(t(), '/api/claims?facility=56101');
    const r = await buildClaimsIn(t().ctx.db, t().ctx, { facilityId: station, quarter: '2026-Q4' });
    expect(r.done).toBe(before.total.count);
    const after = await getOk(t(), '/api/claims?facility=56101');
    expect(after.total.count).toBe(before.total.count);
    expect(await claimOfVisit(uninsured.id)).toBeUndefined();

    const job = await postOk(t(), '/api/claims/checks', { facility: '56101', quarter: '2026-Q4' });
    expect(job).toMatchObject({ kind: 'claims.check', state: 'queued' });
    const none = await t().inject({
      method: 'POST',
      url: '/api/claims/checks',
      payload: { quarter: '2026-Q4' },
    });
    expect(none.statusCode).toBe(400);
  });
});
