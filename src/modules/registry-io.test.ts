import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';
import { registerAreas } from '../../test/support/places.ts';
import { postExpect } from '../../test/support/requests.ts';
import { runImportFile } from './registry-io.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-registry-io-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/**
 * A residents file whose bad rows each broke an import once (issue 18): a NUL, a control character,
 * a 1 MiB code, a code too large for its index (PostgreSQL 54000), bytes that are not UTF-8, and a
 * broken quote at the end. The good rows around them must be kept. `tag` keeps two runs apart.
 */
function badResidentsFile(tag: string): { bytes: Buffer; good: string[] } {
  const row = (code: string, name: string, extra = '') => `${code},${name},male,1990,${extra},56802`;
  const lines: (string | Buffer)[] = [
    'code,full_name,sex,birth_date,occupation,area_code',
    row(`${tag}-1`, 'Lê Văn Một'),
    row(`${tag}-2`, 'Lê Văn\u0000Hai'),
    row(`${tag}-3`, 'Lê Văn Ba', 'farmer\u0007'),
    row(`${tag}-${'x'.repeat(1024 * 1024)}`, 'Lê Văn Bốn'),
    // 950 varied three-byte characters: under the cell limit, over what a btree index row holds (54000).
    row(
      `${tag}-${Array.from({ length: 950 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('')}`,
      'Lê Văn Năm',
    ),
    Buffer.concat([
      Buffer.from(`${tag}-6,Lê Văn `),
      Buffer.from([0xff, 0xfe, 0x53]),
      Buffer.from(',male,1990,,56802'),
    ]),
    row(`${tag}-7`, 'Lê Văn Bảy'),
    row(`${tag}-8`, 'Lê Văn Tám'),
    `${tag}-9,"Lê Văn "Chín",male,1990,,56802`,
  ];
  const bytes = Buffer.concat(
    lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')]),
  );
  return { bytes, good: [`${tag}-1`, `${tag}-7`, `${tag}-8`] };
}

function expectBadRowsReported(report: {
  read: number;
  created: number;
  rejected: { line: number; reason: string }[];
}) {
  expect(report.created).toBe(3);
  const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
  expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 6, 7, 10]);
  expect(reasons[3]).toMatch(/full_name holds a control character/);
  expect(reasons[4]).toMatch(/occupation holds a control character/);
  expect(reasons[5]).toMatch(/code is \d+ characters long; a cell holds at most 1000/);
  expect(reasons[6]).toMatch(/the database refused the row: A value is too large/);
  expect(reasons[7]).toMatch(/full_name is not valid UTF-8/);
  expect(reasons[10]).toMatch(/cannot be read from this line on/);
}

describeOnBothEngines('registry CSV imports: bad rows', (t) => {
  beforeAll(async () => {
    await registerAreas(t(), [
      ['56', 'province'],
      ['568', 'district', '56'],
      ['56802', 'commune', '568'],
      ['57', 'province'],
      ['578', 'district', '57'],
      ['57802', 'commune', '578'],
    ]);
  });

  const codesLike = async (tag: string) =>
    (
      await sql<{
        code: string;
      }>`select code from resident where code like ${`${tag}-%`} order by code`.execute(t().ctx.db)
    ).rows.map((r) => r.code);

  test('the CLI import of a file reports each bad row with its line and reason and keeps the rest', async () => {
    const file = path.join(folder, `cli-${t().name}.csv`);
    const { bytes, good } = badResidentsFile(`CLI${t().name}`);
    fs.writeFileSync(file, bytes);
    const report = await runImportFile(t().ctx, 'residents', file);
    expectBadRowsReported(report);
    expect(await codesLike(`CLI${t().name}`)).toEqual(good);
  });

  test('the HTTP import answers 200 with every bad row reported, and the good ones kept', async () => {
    const { bytes, good } = badResidentsFile(`WEB${t().name}`);
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/residents',
      headers: { 'content-type': 'text/csv' },
      payload: bytes,
    });
    expect(res.statusCode).toBe(200);
    expectBadRowsReported(res.json());
    expect(await codesLike(`WEB${t().name}`)).toEqual(good);
  });

  test('counts past their columns are refused with the row (population over INT32)', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/areas',
      headers: { 'content-type': 'text/csv' },
      payload: [
        'code,name,level,parent_code,year,population',
        '56803,Xã Ba,commune,568,2025,3000000000',
        '56804,Xã Bốn,commune,568,2025,3000',
      ].join('\n'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected: [{ line: 2 }] });
    expect(res.json().rejected[0].reason).toMatch(
      /population 3000000000 is not a whole number from 0 to 2147483647/,
    );
  });

  test("the HTTP import commits batch by batch, each audited, in the caller's scope", async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => `BATCH-${i},Trần Thị ${i},female,1991,,56802`);
    const before = Number(
      (await sql<{ n: number }>`select count(*) n from audit_log where action = 'import'`.execute(t().ctx.db))
        .rows[0]!.n,
    );
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/residents',
      headers: { 'content-type': 'text/csv' },
      payload: ['code,full_name,sex,birth_date,occupation,area_code', ...rows].join('\n'),
    });
    expect(res.json()).toMatchObject({ read: 4500, created: 4500, rejected: [] });
    const audit = await sql<{ detail: string; username: string }>`
      select detail, username from audit_log where action = 'import' order by id`.execute(t().ctx.db);
    const batches = audit.rows.slice(before);
    expect(batches.map((a) => a.detail)).toEqual([
      'POST /api/imports/residents: import lines 2-2001, 2000 row(s) of residents',
      'POST /api/imports/residents: import lines 2002-4001, 2000 row(s) of residents',
      'POST /api/imports/residents: import lines 4002-4501, 500 row(s) of residents',
      'POST /api/imports/residents: queue programmes.recompute of the imported residents',
    ]);
    expect(new Set(batches.map((a) => a.username))).toEqual(new Set(['test-admin']));
  });

  test("each batch of an HTTP import runs in the caller's scope: rows outside it are refused, not stored", async () => {
    const password = 'Province-office-import-1';
    await postExpect(t(), '/api/users', {
      username: 'province-56-import',
      displayName: 'Province 56',
      password,
      roles: [{ role: 'province', area: '56' }],
    });
    const token = await t().signIn('province-56-import', password);
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/imports/residents',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      payload: [
        'code,full_name,area_code',
        'SCOPE-1,Phạm Văn Trong,56802',
        'SCOPE-2,Phạm Văn Ngoài,57802',
      ].join('\n'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected: [{ line: 3 }] });
    expect(await codesLike('SCOPE')).toEqual(['SCOPE-1']);
    const audit = await sql<{ username: string }>`
      select username from audit_log where action = 'import' order by id desc limit 1`.execute(t().ctx.db);
    expect(audit.rows[0]!.username).toBe('province-56-import');
  });
});
