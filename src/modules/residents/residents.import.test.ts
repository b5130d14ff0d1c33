import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { registerAreas } from '../../../test/support/places.ts';
import { importCsvOk, postExpect } from '../../../test/support/requests.ts';

/** A CSV file from its lines, imported as `kind`. */
const importCsv = (t: TestEngine, kind: string, lines: string[]) => importCsvOk(t, kind, lines.join('\n'));

const HEADER = 'code,citizen_id,full_name,sex,birth_date,household_code,relationship,area_code';

/**
 * The residents import takes a batch as new people first and matches only the rows whose keys are
 * taken: these tests go through that second step (re-runs without heads, people already registered
 * through the API, a row whose keys name two people) and check nothing is written twice.
 */
describeOnBothEngines('residents CSV import', (t) => {
  beforeAll(async () => {
    await registerAreas(t(), [
      ['56', 'province'],
      ['568', 'district', '56'],
      ['56801', 'commune', '568'],
    ]);
    const h = await importCsv(t(), 'households', [
      'code,address,area_code',
      'HK-1,1 Lê Lợi,56801',
      'HK-2,2 Lê Lợi,56801',
    ]);
    expect(h).toMatchObject({ created: 2, rejected: [] });
  });

  test('a file of new people is stored with one history entry each and the heads set', async () => {
    const first = await importCsv(t(), 'residents', [
      HEADER,
      'K1,056190000011,Phạm Thị Lan,female,1990-02-02,HK-1,head,',
      'K2,,Phạm Văn Tú,male,2012,HK-1,child,',
      'K3,056085000012,Võ Văn Hải,male,1985-03-03,HK-2,head,',
      'K2,,Phạm Văn Tú,male,2013,HK-1,child,',
    ]);
    expect(first).toMatchObject({ read: 4, created: 3, updated: 1, rejected: [] });
    const households = (await t().inject({ url: '/api/households?limit=10' })).json().items;
    expect(households.every((h: { headResidentId: string | null }) => h.headResidentId)).toBe(true);
    const tu = (await t().inject({ url: '/api/residents?q=pham%20van%20tu' })).json().items;
    expect(tu).toHaveLength(1);
    expect(tu[0].birthYear).toBe(2013);
  });

  test('re-running rows of people already stored updates them and adds nothing', async () => {
    const again = await importCsv(t(), 'residents', [
      HEADER,
      'K2,,Phạm Văn Tú,male,2014,HK-1,child,',
      'K4,,Võ Thị Mai,female,2015,HK-2,child,',
      'K3,056085000012,Võ Văn Hải,male,1985-03-03,HK-2,,',
    ]);
    expect(again).toMatchObject({ read: 3, created: 1, updated: 2, rejected: [] });
    const all = (await t().inject({ url: '/api/residents?limit=50' })).json().items;
    expect(all.map((r: { code: string }) => r.code).sort()).toEqual(['K1', 'K2', 'K3', 'K4']);
    const tu = all.find((r: { code: string }) => r.code === 'K2');
    expect(tu.birthYear).toBe(2014);
    const detail = (await t().inject({ url: `/api/residents/${tu.id}` })).json();
    expect(detail.statusHistory).toHaveLength(1);
  });

  test('a person registered at the counter is matched by citizen id; keys naming two people are refused', async () => {
    const counter = await postExpect(t(), '/api/residents', {
      fullName: 'Đỗ Văn Minh',
      citizenId: '056080000013',
      birthDate: '1980-05-05',
      areaCode: '56801',
    });
    const res = await importCsv(t(), 'residents', [
      HEADER,
      'K5,056080000013,Đỗ Văn Minh,male,1980-05-05,HK-2,other,',
      'K6,,Đỗ Thị Hà,female,2016,HK-2,child,',
      'K3,056190000011,Võ Văn Hải,female,1990-02-02,HK-2,,',
    ]);
    expect(res).toMatchObject({ read: 3, created: 1, updated: 1 });
    expect(res.rejected).toEqual([{ line: 4, reason: 'citizen_id and code name two different residents' }]);
    const minh = (await t().inject({ url: `/api/residents/${counter.id}` })).json();
    expect(minh).toMatchObject({ code: 'K5', householdId: expect.any(String) });
    const all = (await t().inject({ url: '/api/residents?limit=50' })).json().items;
    expect(all).toHaveLength(6);
  });

  test('each row the database checks is refused with its line and reason; the others are kept', async () => {
    await importCsv(t(), 'households', ['code,address,area_code', 'HK-3,3 Lê Lợi,56801']);
    const res = await importCsv(t(), 'residents', [
      `${HEADER},facility_code`,
      'K7,,Lý Văn Bảy,male,1970,HK-9,,,',
      'K8,,Lý Văn Tám,male,1971,,,99999,',
      'K9,,Lý Văn Chín,male,1972,,,56801,NOPE1',
      'K10,,Lý Thị Mười,female,1973,HK-1,head,,',
      'K11,,Lý Văn Một,male,1974,HK-3,head,,',
      'K12,,Lý Văn Hai,male,1975,HK-3,head,,',
      'K13,,Lý Văn Ba,male,1976,,,56801,',
    ]);
    expect(res).toMatchObject({ read: 7, created: 2, updated: 0 });
    expect(res.rejected).toEqual([
      { line: 2, reason: 'household_code HK-9 is not a known household (import households first)' },
      { line: 3, reason: 'area_code 99999 is not a known area' },
      { line: 4, reason: 'facility_code NOPE1 is not a known facility' },
      { line: 5, reason: 'household HK-1 already has a head' },
      { line: 7, reason: 'household HK-3 already has a head' },
    ]);
    const households = (await t().inject({ url: '/api/households?limit=10' })).json().items;
    const hk3 = households.find((h: { code: string }) => h.code === 'HK-3');
    const one = (await t().inject({ url: '/api/residents?q=ly%20van%20mot' })).json().items;
    expect(hk3.headResidentId).toBe(one[0].id);
    const again = await importCsv(t(), 'residents', [
      `${HEADER},facility_code`,
      'K11,,Lý Văn Một,male,1974,HK-3,head,,',
      'K13,,Lý Văn Ba,male,1977,,,56801,',
    ]);
    expect(again).toMatchObject({ read: 2, created: 0, updated: 2, rejected: [] });
  });
});
