import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { readCsvFile, readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { loadProfile } from '../../platform/profile.ts';
import { areaImport } from '../areas/index.ts';
import { exportFacilitiesCsv, facilityImport } from './index.ts';

const profile = loadProfile('vn');

const AREAS = `code,name,level,parent_code
58,Tỉnh Nhập,province,
580,Huyện Nhập,district,58
22601,Xã Một,commune,580
22602,Xã Hai,commune,580
`;

// Lines 2-5 and 13 are good (each manager comes before those it manages); lines 6-12 each break one rule.
const FILE = `code,name,kind,ownership,managing_code,area_code,latitude,longitude,beds,services,status
58001,Bệnh viện tỉnh,provincial_general_hospital,,,58,12.1,109.1,600,emergency;surgery,
58002,TTYT huyện,district_health_centre,public,,580,,,100,,open
58101,Trạm Y tế xã Một,commune_health_station,,58002,22601,12.2,109.2,5,immunization; antenatal care ;,
58102,Trạm Y tế xã Hai,commune_health_station,,58002,22602,,,3,,temporarily_closed
58103,Trạm sai,commune_health_station,,,99999,,,,,
5810,Mã ngắn,commune_health_station,,,22601,,,,,
58104,Loại lạ,spaceport,,,22601,,,,,
58105,Giường âm,commune_health_station,,,22601,,,-3,,
58106,Quản lý lạ,commune_health_station,,58999,22601,,,,,
58107,Sở hữu lạ,sub_station,state,,22601,,,,,
58108,,sub_station,,,22601,,,,,
58201,Điểm trạm,sub_station,,58101,22601,,,0,,
`;

function run(t: TestEngine, records: AsyncIterable<{ line: number; values: Record<string, string> }>) {
  return runImport(t.ctx.db, facilityImport(profile, t.today), records, { batchSize: 5 });
}

/** Each facility's level of care and where it comes from, by code, as the API answers them. */
async function careLevels(t: TestEngine): Promise<Record<string, [string | null, string | null]>> {
  const res = await t.inject({ url: '/api/facilities?area=58&limit=100' });
  const items = res.json().items as {
    code: string;
    careLevel: string | null;
    careLevelSource: string | null;
  }[];
  return Object.fromEntries(items.map((f) => [f.code, [f.careLevel, f.careLevelSource]]));
}

describeOnBothEngines('facilities CSV import and export', (t) => {
  let file: string;
  beforeAll(async () => {
    const areas = await runImport(t().ctx.db, areaImport(profile), readCsvRecords(Readable.from(AREAS)));
    expect(areas.rejected).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-facilities-'));
    file = path.join(dir, 'facilities.csv');
    fs.writeFileSync(file, FILE);
  });

  test('stores the good rows and reports each bad row with its line and reason', async () => {
    const report = await run(t(), readCsvFile(file));
    expect(report.read).toBe(12);
    expect(report.created).toBe(5);
    const byLine = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(byLine[6]).toMatch(/area_code 99999 is not a known area/);
    expect(byLine[7]).toMatch(/code 5810/);
    expect(byLine[8]).toMatch(/kind spaceport is unknown/);
    expect(byLine[9]).toMatch(/beds -3/);
    expect(byLine[10]).toMatch(/managing_code 58999 is not a known facility/);
    expect(byLine[11]).toMatch(/ownership state/);
    expect(byLine[12]).toMatch(/name is required/);

    const res = await t().inject({ url: '/api/facilities?area=58&limit=100' });
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((f) => f.code)).toEqual(['58001', '58002', '58101', '58102', '58201']);
    expect(items[0]).toMatchObject({
      ownership: 'public',
      status: 'open',
      beds: 600,
      services: ['emergency', 'surgery'],
    });
    expect(items[2]).toMatchObject({
      tier: 'commune',
      managingFacility: { code: '58002' },
      services: ['immunization', 'antenatal care'],
      areaPath: '58.580.22601',
    });
    expect(items[3]).toMatchObject({ status: 'temporarily_closed' });
    expect(items[4]).toMatchObject({ managingFacility: { code: '58101' } });
  });

  test('re-running the same file creates nothing and duplicates nothing', async () => {
    const report = await run(t(), readCsvRecords(Readable.from(FILE)));
    expect(report).toMatchObject({ created: 0, updated: 5 });
    expect(report.rejected).toHaveLength(7);
    const res = await t().inject({ url: '/api/facilities?area=58&limit=100' });
    expect(res.json().items).toHaveLength(5);
    const station = res.json().items.find((f: { code: string }) => f.code === '58102');
    const detail = await t().inject({ url: `/api/facilities/${station.id}` });
    expect(detail.json().statusHistory).toHaveLength(1);
  });

  test('an update that would close a management loop is rejected', async () => {
    const text = `code,name,kind,managing_code,area_code
58002,TTYT huyện,district_health_centre,58201,580
58001,Bệnh viện tỉnh,provincial_general_hospital,58001,58
`;
    const report = await run(t(), readCsvRecords(Readable.from(text)));
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(report.rejected[0]!.reason).toMatch(/loop/);
    expect(report.rejected[1]!.reason).toMatch(/cannot manage itself/);
  });

  test('a care_level column sets the own level of care; a value not of the profile is reported by line', async () => {
    const text = `code,name,kind,ownership,managing_code,area_code,latitude,longitude,beds,services,status,care_level
58002,TTYT huyện,district_health_centre,public,,580,,,100,,open,primary
58101,Trạm Y tế xã Một,commune_health_station,public,58002,22601,12.2,109.2,5,immunization;antenatal care,open,tertiary
58102,Trạm Y tế xã Hai,commune_health_station,public,58002,22602,,,3,,temporarily_closed,basic
`;
    const report = await run(t(), readCsvRecords(Readable.from(text)));
    expect(report).toMatchObject({ created: 0, updated: 2 });
    expect(report.rejected).toEqual([
      {
        line: 3,
        reason:
          "care_level tertiary must be one of the profile's levels of care: specialised, basic, primary",
      },
    ]);
    const levels = await careLevels(t());
    expect(levels['58002']).toEqual(['primary', 'facility']);
    expect(levels['58101']).toEqual(['primary', 'kind']);
    expect(levels['58102']).toEqual(['basic', 'facility']);
    expect(levels['58001']).toEqual(['basic', 'kind']);
  });

  test('exports managers before those they manage, and the export imports back unchanged', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await exportFacilitiesCsv(t().ctx, out);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'code,name,kind,ownership,managing_code,area_code,latitude,longitude,beds,services,status,care_level',
    );
    expect(count).toBe(5);
    expect(lines).toContain(
      '58101,Trạm Y tế xã Một,commune_health_station,public,58002,22601,12.2,109.2,5,immunization;antenatal care,open,',
    );
    expect(lines).toContain('58002,TTYT huyện,district_health_centre,public,,580,,,100,,open,primary');
    const at = (code: string) => lines.findIndex((l) => l.startsWith(`${code},`));
    expect(at('58002')).toBeLessThan(at('58101'));
    expect(at('58101')).toBeLessThan(at('58201'));
    const again = await run(t(), readCsvRecords(Readable.from(text)));
    expect(again).toMatchObject({ created: 0, updated: 5, rejected: [] });
    const levels = await careLevels(t());
    expect(levels['58002']).toEqual(['primary', 'facility']);
    expect(levels['58101']).toEqual(['primary', 'kind']);
  });

  test('an empty care_level cell clears the own level; a file without the column leaves it', async () => {
    const header = 'code,name,kind,ownership,managing_code,area_code,latitude,longitude,beds,services,status';
    const cleared = `${header},care_level
58102,Trạm Y tế xã Hai,commune_health_station,public,58002,22602,,,3,,temporarily_closed,
`;
    expect(await run(t(), readCsvRecords(Readable.from(cleared)))).toMatchObject({
      updated: 1,
      rejected: [],
    });
    const older = `${header}
58002,TTYT huyện,district_health_centre,public,,580,,,100,,open
`;
    expect(await run(t(), readCsvRecords(Readable.from(older)))).toMatchObject({ updated: 1, rejected: [] });
    const levels = await careLevels(t());
    expect(levels['58102']).toEqual(['primary', 'kind']);
    expect(levels['58002']).toEqual(['primary', 'facility']);
  });
});
