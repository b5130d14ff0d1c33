import { PassThrough, Readable } from 'node:stream';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { requireArea } from '../areas/index.ts';
import { doctorCountsByFacility, staffCountsByTier } from './index.ts';
import { createDistrict, createFacility } from './workforce.fixtures.ts';
import { exportWorkersCsv, workerImport } from './workforce.import.ts';

const HEADER =
  'code,full_name,sex,birth_date,cadre,qualification,licence_number,phone,facility_code,position,start_date';

describeOnBothEngines('workers CSV import and export', (t) => {
  let station: { id: string; code: string };
  let centre: { id: string; code: string };
  let district: string;

  beforeAll(async () => {
    ({ district } = await createDistrict(t()));
    station = await createFacility(t(), district);
    centre = await createFacility(t(), district, 'district_health_centre');
  });

  function run(csv: string, today = '2026-01-15', batchSize = 500) {
    const def = workerImport(t().ctx.profile, today);
    return runImport(t().ctx.db, def, readCsvRecords(Readable.from([csv])), { batchSize });
  }

  test('keeps good rows, reports each bad row with its line and reason, and a re-run creates nothing new', async () => {
    const csv = [
      HEADER,
      `IMP001,Nguyễn Văn A,male,1980-01-01,doctor,postgraduate,LIC-IMP001,,${station.code},Trưởng trạm,2020-01-01`,
      `IMP002,Trần Thị B,female,1990-05-05,nurse,college,,0905000000,${station.code},,`,
      'IMP003,Lê C,,,surgeon,bachelor,,,,,',
      `IMP004,Phạm D,,,doctor,bachelor,LIC-IMP001,,,,`,
      `IMP005,Hồ E,,2020-01-01,nurse,college,,,${station.code},,2025-01-01`,
      `IMP006,Võ F,,,midwife,secondary,,,NOPE1,,`,
      ',No Code,,,nurse,college,,,,,',
      `IMP007,Đỗ G,,,doctor,bachelor,,,${centre.code},,2021-06-01`,
      `IMP001,Nguyễn Văn A again,male,1980-01-01,doctor,postgraduate,LIC-IMP001,,,,`,
    ].join('\n');
    const first = await run(csv);
    expect(first).toMatchObject({ read: 9, created: 3, updated: 0 });
    expect(first.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 10]);
    const reason = (line: number) => first.rejected.find((r) => r.line === line)?.reason;
    expect(reason(4)).toContain('cadre must be one of');
    expect(reason(5)).toContain('LIC-IMP001 is held by worker IMP001');
    expect(reason(6)).toContain('age of 5');
    expect(reason(7)).toContain('no facility has the code NOPE1');
    expect(reason(8)).toContain('code is required');
    expect(reason(10)).toContain('already appears on line 2');

    const listed = await t().inject({ url: `/api/workers?facility=${station.code}&on=2026-01-15` });
    expect(listed.json().items.map((w: { code: string }) => w.code)).toEqual(['IMP001', 'IMP002']);
    const imp002 = listed.json().items[1];
    expect(imp002.currentAssignment.startDate).toBe('2026-01-15');

    const again = await run(csv, '2026-02-20');
    expect(again).toMatchObject({ created: 0, updated: 3 });
    const assignments = await t()
      .ctx.db.selectFrom('worker_assignment')
      .innerJoin('health_worker', 'health_worker.id', 'worker_assignment.worker_id')
      .select('health_worker.code')
      .where('health_worker.code', 'like', 'IMP%')
      .execute();
    expect(assignments).toHaveLength(3);
  });

  test('a later file moving a worker transfers the assignment', async () => {
    await run([HEADER, `MOV001,Mai H,,,nurse,college,,,${station.code},,2020-01-01`].join('\n'));
    const moved = await run([HEADER, `MOV001,Mai H,,,nurse,college,,,${centre.code},,2024-07-01`].join('\n'));
    expect(moved).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const again = await run(
      [HEADER, `MOV001,Mai H,,,nurse,college,,,${station.code},,2023-01-01`].join('\n'),
    );
    expect(again).toMatchObject({ updated: 1, rejected: [] });
    const overlap = await run(
      [HEADER, `MOV001,Mai H,,,nurse,college,,,${centre.code},,2023-01-01`].join('\n'),
    );
    expect(overlap.rejected[0]?.reason).toContain(
      `overlaps the worker's assignment at Facility ${station.code}`,
    );
  });

  test('a code repeated in a later batch updates the worker', async () => {
    const csv = [
      HEADER,
      'BAT001,One,,,nurse,college,,,,,',
      'BAT002,Two,,,nurse,college,,,,,',
      'BAT001,One bis,,,nurse,bachelor,,,,,',
    ];
    const report = await run(csv.join('\n'), '2026-01-15', 2);
    expect(report).toMatchObject({ created: 2, updated: 1, rejected: [] });
  });

  test('a file without the required columns is refused', async () => {
    await expect(run('code,full_name\nX,Y')).rejects.toThrow(/cadre, qualification/);
  });

  test('exports active workers with their current assignment, in the import columns', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await exportWorkersCsv(t().ctx, out);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(count + 1);
    expect(lines.find((l) => l.startsWith('IMP001,'))).toContain(`${station.code},Trưởng trạm,2020-01-01`);
  });

  test('counts staff by tier, cadre and qualification, and doctors per facility, on a date', async () => {
    const { path } = await requireArea(t().ctx.db, district);
    const counts = await staffCountsByTier(t().ctx.db, path, '2026-01-15');
    const imp = counts.filter((c) => c.count > 0);
    expect(imp).toEqual(
      expect.arrayContaining([
        { tier: 'commune', cadre: 'doctor', qualification: 'postgraduate', count: 1 },
        { tier: 'commune', cadre: 'nurse', qualification: 'college', count: 1 },
        { tier: 'district', cadre: 'doctor', qualification: 'bachelor', count: 1 },
      ]),
    );
    const earlier = await staffCountsByTier(t().ctx.db, path, '2020-06-01');
    expect(earlier).toEqual([
      { tier: 'commune', cadre: 'doctor', qualification: 'postgraduate', count: 1 },
      { tier: 'commune', cadre: 'nurse', qualification: 'college', count: 1 },
    ]);
    const doctors = await doctorCountsByFacility(t().ctx.db, path, '2026-01-15', ['doctor']);
    expect(doctors).toEqual(
      [
        { facilityId: station.id, doctors: 1 },
        { facilityId: centre.id, doctors: 1 },
      ].sort((a, b) => a.facilityId.localeCompare(b.facilityId)),
    );
  });

  test('deactivation without a body ends the assignment today', async () => {
    const res = await t().inject({ url: '/api/workers?q=IMP007' });
    const id = res.json().items[0].id;
    const done = await t().inject({ method: 'POST', url: `/api/workers/${id}/deactivate` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().assignments[0].endDate).toBe(t().today);
  });
});
