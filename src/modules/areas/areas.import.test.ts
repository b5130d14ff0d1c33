import { PassThrough, Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { loadProfile } from '../../platform/profile.ts';
import { areaImport, exportAreasCsv } from './index.ts';

const FILE = `code,name,level,parent_code,latitude,longitude,year,population,households
44,Tỉnh Thử,province,,12.25,109.19,2024,999999,1
441,Huyện Một,district,44,,,,,
44001,Xã Một,commune,441,12.3,109.1,2024,5000,1200
44002,Xã Hai,commune,441,,,2024,4000,
44003,Xã Ba,commune,99,,,,,
4404,Xã Sai Mã,commune,441,,,,,
44005,Xã Năm,region,441,,,,,
44006,,commune,441,,,,,
44007,Xã Bảy,commune,441,95,,,,
44008,Xã Tám,commune,441,,,2024,,
44009,Xã Chín,commune,44,,,2024,700,150
44001_1,Thôn 1,village,44001,,,2024,2600,600
44001_2,Thôn 2,village,44001,,,2024,2300,550
`;

const profile = loadProfile('vn');

function run(t: () => { ctx: { db: import('../../platform/db/database.ts').Db } }, text: string) {
  return runImport(t().ctx.db, areaImport(profile), readCsvRecords(Readable.from(text)), { batchSize: 4 });
}

describeOnBothEngines('areas CSV import and export', (t) => {
  test('stores the good rows and reports each bad row with its line and reason', async () => {
    const report = await run(t, FILE);
    expect(report.read).toBe(13);
    expect(report.created).toBe(7);
    expect(report.updated).toBe(0);
    const byLine = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(byLine[6]).toMatch(/parent_code 99 is not a known area/);
    expect(byLine[7]).toMatch(/code 4404/);
    expect(byLine[8]).toMatch(/level/);
    expect(byLine[9]).toMatch(/name is required/);
    expect(byLine[10]).toMatch(/latitude 95/);
    expect(byLine[11]).toMatch(/year and population go together/);

    const list = await t().inject({ url: '/api/areas?within=44&limit=100' });
    expect(
      list
        .json()
        .items.map((a: { path: string }) => a.path)
        .sort(),
    ).toEqual([
      '44',
      '44.44009',
      '44.441',
      '44.441.44001',
      '44.441.44001.44001_1',
      '44.441.44001.44001_2',
      '44.441.44002',
    ]);
    const res = await t().inject({ url: '/api/areas?q=Xa%20Mot' });
    expect(res.json().items[0]).toMatchObject({ code: '44001', latitude: 12.3, longitude: 109.1 });
  });

  test('re-running the same file creates nothing and duplicates nothing', async () => {
    const report = await run(t, FILE);
    expect(report.created).toBe(0);
    expect(report.updated).toBe(7);
    expect(report.rejected).toHaveLength(6);
    const list = await t().inject({ url: '/api/areas?within=44&limit=100' });
    expect(list.json().items).toHaveLength(7);
  });

  test('an existing area whose parent or level changes in the file is rejected', async () => {
    const report = await run(
      t,
      'code,name,level,parent_code\n44002,Xã Hai,commune,44\n441,Huyện Một,province,\n',
    );
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(report.rejected[0]!.reason).toMatch(/parent cannot change/);
    // In Vietnam each level has its own code pattern, so a level change shows as a code mismatch.
    expect(report.rejected[1]!.reason).toMatch(/code 441: must match/);
  });

  test('a file without a required column is refused as a whole', async () => {
    await expect(run(t, 'code,name\n44,X\n')).rejects.toMatchObject({ status: 400 });
  });

  test('exports parents before children with the latest figures, and the export imports back unchanged', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await exportAreasCsv(t().ctx, out);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('code,name,level,parent_code,latitude,longitude,year,population,households');
    expect(count).toBe(lines.length - 1);
    expect(lines).toContain('44001,Xã Một,commune,441,12.3,109.1,2024,5000,1200');
    expect(lines).toContain('441,Huyện Một,district,44,,,,,');
    expect(lines.indexOf('441,Huyện Một,district,44,,,,,')).toBeLessThan(
      lines.findIndex((l) => l.startsWith('44001,')),
    );
    const again = await run(t, text);
    expect(again).toMatchObject({ created: 0, updated: count, rejected: [] });
  });
});
