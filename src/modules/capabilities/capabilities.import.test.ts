import { PassThrough, Readable } from 'node:stream';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { capabilityImport, exportCapabilitiesCsv } from './capabilities.import.ts';

/**
 * The capabilities CSV kind over the access fixture's province (VN): S4510 and S4520 are commune
 * stations (standard vn-commune-station), C4510 a district centre.
 */
const HEADER = 'facility_code,record,code,date,offered,reason,working,needs_repair,broken,note';
const TODAY = '2026-03-01';

const get = async (t: TestEngine, url: string) => {
  const res = await t.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describeOnBothEngines('capabilities CSV import and export', (t) => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['province', 'district'] });
  });

  function run(csv: string, today = TODAY, batchSize = 500) {
    const def = capabilityImport(t().ctx.profile, today);
    return runImport(t().ctx.db, def, readCsvRecords(Readable.from([csv])), { batchSize });
  }

  test('keeps good rows, reports each bad row with its line and reason, and a re-run writes nothing new', async () => {
    const s1 = w.facilities.station1.code;
    const csv = [
      HEADER,
      `${s1},service,EXM-01,2025-01-01,true,,,,,`,
      `${s1},service,MAT-02,2025-06-01,false,the midwife retired,,,,`,
      `${s1},equipment,EXM-01,2026-01-10,,,1,0,1,one cuff torn`,
      `${s1},equipment,IMM-01,2026-01-10,,,0,1,,`,
      `${s1},service,MAT-02,2025-07-01,false,,,,,`,
      `${s1},service,XYZ-99,2025-01-01,true,,,,,`,
      'NOPE1,service,EXM-01,2025-01-01,true,,,,,',
      `${s1},equipment,LAB-01,2026-13-01,,,1,0,0,`,
      `${s1},equipment,LAB-01,2026-01-10,,,-1,0,0,`,
      `${s1},furniture,LAB-01,2026-01-10,,,1,0,0,`,
      `${s1},service,CHR-01,2027-01-01,true,,,,,`,
      `${s1},service,CHR-01,2025-01-01,maybe,,,,,`,
      `${s1},equipment,LAB-01,2026-01-10,true,,1,0,0,`,
      `${s1},service,CHR-01,2025-01-01,true,,1,,,`,
      `${w.facilities.station2.code},service,IMM-01,2025-02-01,yes,,,,,`,
    ].join('\n');
    const first = await run(csv);
    expect(first).toMatchObject({ read: 15, created: 5, updated: 0 });
    const reason = (line: number) => first.rejected.find((r) => r.line === line)?.reason;
    expect(first.rejected.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(reason(6)).toContain('say why the service is not offered');
    expect(reason(7)).toMatch(/service XYZ-99 is not in the standard vn-commune-health-station for S4510/);
    expect(reason(8)).toBe('no facility has the code NOPE1');
    expect(reason(9)).toContain('date 2026-13-01 must be a real date');
    expect(reason(10)).toContain('working -1 must be a whole number');
    expect(reason(11)).toContain('record furniture must be service or equipment');
    expect(reason(12)).toContain('date must not be after today (2026-03-01)');
    expect(reason(13)).toContain('offered is required for a service');
    expect(reason(14)).toContain('offered and reason are for a service row');
    expect(reason(15)).toContain('working is for an equipment row');

    const services = await get(t(), `/api/facilities/${s1}/services?date=2026-02-01`);
    const byCode = Object.fromEntries(
      services.services.map((s: { code: string; current: unknown }) => [s.code, s.current]),
    );
    expect(byCode['EXM-01']).toMatchObject({ offered: true, since: '2025-01-01' });
    expect(byCode['MAT-02']).toMatchObject({ offered: false, reason: 'the midwife retired' });
    const equipment = await get(t(), `/api/facilities/${s1}/equipment?date=2026-02-01`);
    const item = (code: string) => equipment.equipment.find((e: { code: string }) => e.code === code);
    expect(item('EXM-01')).toMatchObject({ status: 'short', current: { working: 1, broken: 1 } });
    expect(item('IMM-01')).toMatchObject({ status: 'not_working', current: { needsRepair: 1, broken: 0 } });

    // The same file again: every good row is found, nothing is written.
    const again = await run(csv, '2026-03-05', 2);
    expect(again).toMatchObject({ created: 0, updated: 5 });
    expect(again.rejected).toHaveLength(10);
    const history = await get(t(), `/api/facilities/${s1}/services`);
    expect(history.history).toHaveLength(2);
    expect((await get(t(), `/api/facilities/${s1}/equipment`)).history).toHaveLength(2);
  });

  test('a corrected row on the same date becomes the one in force; the export imports back unchanged', async () => {
    const c1 = w.facilities.centre1.code;
    const s2 = w.facilities.station2.code;
    await run(
      [
        HEADER,
        `${s2},equipment,EXM-02,2026-02-01,,,2,0,0,`,
        `${s2},service,EXM-02,2025-03-01,true,,,,,`,
      ].join('\n'),
    );
    const corrected = await run([HEADER, `${s2},equipment,EXM-02,2026-02-01,,,1,1,0,recount`].join('\n'));
    expect(corrected).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const equipment = await get(t(), `/api/facilities/${s2}/equipment?date=2026-02-15`);
    expect(equipment.equipment.find((e: { code: string }) => e.code === 'EXM-02').current).toMatchObject({
      working: 1,
      needsRepair: 1,
      note: 'recount',
    });
    // A district centre has no standard of its own: it may declare any standard's items.
    expect(await run([HEADER, `${c1},service,EXM-01,2025-01-01,true,,,,,`].join('\n'))).toMatchObject({
      created: 1,
      rejected: [],
    });

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    const count = await exportCapabilitiesCsv(t().ctx, out);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(count + 1);
    expect(lines).toContain(`${s2},equipment,EXM-02,2026-02-01,,,1,1,0,recount`);
    expect(lines.filter((l) => l.startsWith(`${s2},equipment,EXM-02,2026-02-01`))).toHaveLength(1);
    const back = await run(text);
    expect(back).toMatchObject({ created: 0, updated: count, rejected: [] });
  });

  test('over HTTP: the province imports (audited batches); a district without registry.import is refused, and exports its own district', async () => {
    const s1 = w.facilities.station1.code;
    const body = [HEADER, `${s1},service,PHA-01,2025-04-01,true,,,,,`].join('\n');
    const send = (token: string) =>
      as(t(), token, {
        method: 'POST',
        url: '/api/imports/capabilities',
        headers: { 'content-type': 'text/csv' },
        payload: body,
      });
    const ok = await send(w.users.province.token);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'capabilities', created: 1, rejected: [] });
    expect((await send(w.users.district.token)).statusCode).toBe(403);
    // The district's export holds its own district's facilities only.
    const exported = await as(t(), w.users.district.token, { url: '/api/exports/capabilities' });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.body).toContain(`${s1},service,PHA-01,2025-04-01,true`);
    expect(exported.body).not.toContain(`${w.facilities.station2.code},`);
  });
});
