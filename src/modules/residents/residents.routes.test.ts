import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';

/** Province 56, district 568 with communes 56801 (village 56801_1, station S5680) and 56802; district 569 with 56901. */
async function world(t: TestEngine) {
  await registerAreas(t, [
    ['56', 'province'],
    ['568', 'district', '56'],
    ['569', 'district', '56'],
    ['56801', 'commune', '568'],
    ['56802', 'commune', '568'],
    ['56901', 'commune', '569'],
    ['56801_1', 'village', '56801'],
  ]);
  await registerStation(t, 'S5680', '56801');
  const h1 = await postExpect(t, '/api/households', {
    code: 'HB-1',
    address: '1 Đường Lê Lợi',
    areaCode: '56801_1',
  });
  const h2 = await postExpect(t, '/api/households', {
    code: 'HB-2',
    address: '2 Trần Phú',
    areaCode: '56802',
  });
  const h3 = await postExpect(t, '/api/households', {
    code: 'HB-3',
    address: '3 Hùng Vương',
    areaCode: '56901',
  });
  return { h1, h2, h3 };
}

const names = (items: { fullName: string }[]) => items.map((r) => r.fullName);

describeOnBothEngines('residents', (t) => {
  let w: Awaited<ReturnType<typeof world>>;
  const ids: Record<string, string> = {};

  // The household and its members every test below reads: registered once, checked in the first test.
  let head: {
    id: string;
    area: { code: string };
    household: { headResidentId: string };
    statusHistory: unknown[];
  };
  beforeAll(async () => {
    w = await world(t());
    head = await postExpect(t(), '/api/residents', {
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      birthDate: '1985-03-01',
      citizenId: '056085000001',
      phone: '0905 123 456',
      householdId: w.h1.id,
      relationshipToHead: 'head',
      registeredFacilityCode: 'S5680',
    });
    ids.an1 = head.id;
    const others = [
      ['Nguyễn Văn An', 'child', '1990', 'an2'],
      ['Nguyễn Văn Anh', 'child', '1992-05-05', 'anh'],
      ['Nguyễn Thị An', 'spouse', '1986-01-01', 'thian'],
      ['Trần Văn An', 'other', '1970-01-01', 'tran'],
      ['Nguyễn Văn Bình', 'parent', '1950', 'binh'],
    ];
    for (const [fullName, relationshipToHead, birthDate, key] of others) {
      ids[key!] = (
        await postExpect(t(), '/api/residents', {
          fullName,
          relationshipToHead,
          birthDate,
          householdId: w.h1.id,
        })
      ).id;
    }
  });

  test('households and members are registered with their relationship to the head', async () => {
    expect(head.area.code).toBe('56801_1');
    expect(head.household.headResidentId).toBe(head.id);
    expect(head.statusHistory).toMatchObject([{ kind: 'registered', status: 'active' }]);
    const second = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: { fullName: 'X', householdId: w.h1.id, relationshipToHead: 'head', citizenId: '123' },
    });
    expect(second.statusCode).toBe(400);
    expect(
      second
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.citizenId', 'body.relationshipToHead']);
    const household = (await t().inject({ url: `/api/households/${w.h1.id}` })).json();
    expect(household.members).toHaveLength(6);
    const binh = (await t().inject({ url: `/api/residents/${ids.binh}` })).json();
    expect(binh).toMatchObject({ birthDate: null, birthYear: 1950, birthDatePrecision: 'year' });
  });

  test('"nguyen van an" finds Nguyễn Văn An first, then Nguyễn Văn Anh, then the others', async () => {
    const res = await t().inject({ url: '/api/residents?q=nguyen%20van%20an' });
    expect(res.statusCode).toBe(200);
    const found = names(res.json().items);
    expect(found.slice(0, 3)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect(found).toContain('Nguyễn Thị An');
    expect(res.json().nextCursor).toBeNull();
  });

  test('a misspelt name is found by similarity', async () => {
    const res = await t().inject({ url: '/api/residents?q=nguyen%20van%20bihn&area=56801' });
    expect(names(res.json().items)[0]).toBe('Nguyễn Văn Bình');
  });

  test('search by identity number, phone and birth year', async () => {
    const byId = (await t().inject({ url: '/api/residents?q=056085000001' })).json().items;
    expect(byId.map((r: { id: string }) => r.id)).toEqual([ids.an1]);
    // Namesakes are told apart at the counter by where they live.
    expect(byId[0].householdAddress).toBe('1 Đường Lê Lợi');
    const byPhone = (await t().inject({ url: '/api/residents?q=0905123456' })).json().items;
    expect(byPhone.map((r: { id: string }) => r.id)).toEqual([ids.an1]);
    const byYear = (await t().inject({ url: '/api/residents?q=nguyen%20van%20an%201990' })).json().items;
    expect(byYear.map((r: { id: string }) => r.id)).toEqual([ids.an2]);
    const filtered = (await t().inject({ url: '/api/residents?birthYear=1950' })).json().items;
    expect(names(filtered)).toEqual(['Nguyễn Văn Bình']);
  });

  test('the list pages by name with a cursor', async () => {
    const first = (await t().inject({ url: '/api/residents?limit=4' })).json();
    expect(first.items).toHaveLength(4);
    const second = (await t().inject({ url: `/api/residents?limit=4&cursor=${first.nextCursor}` })).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  test('a move to another commune keeps the record and its whole history', async () => {
    await postExpect(
      t(),
      `/api/residents/${ids.tran}/status`,
      { status: 'moved_away', effectiveOn: '2026-01-10', reason: 'work' },
      200,
    );
    const moved = await postExpect(
      t(),
      `/api/residents/${ids.tran}/move`,
      { householdId: w.h3.id, effectiveOn: '2026-02-01' },
      200,
    );
    expect(moved.id).toBe(ids.tran);
    expect(moved.area.code).toBe('56901');
    expect(moved.status).toBe('active');
    expect(moved.statusHistory.map((h: { kind: string }) => h.kind)).toEqual([
      'registered',
      'status',
      'move',
    ]);
    expect(moved.statusHistory[2]).toMatchObject({ fromHouseholdId: w.h1.id, toHouseholdId: w.h3.id });
    const dead = await postExpect(
      t(),
      `/api/residents/${ids.tran}/status`,
      { status: 'deceased', effectiveOn: '2026-03-01' },
      200,
    );
    expect(dead.status).toBe('deceased');
    const again = await t().inject({
      method: 'POST',
      url: `/api/residents/${ids.tran}/status`,
      payload: { status: 'moved_away', effectiveOn: '2026-03-02' },
    });
    expect(again.statusCode).toBe(400);
  });

  test('duplicates are listed with a reason, merged with everything moved, and the merge undone', async () => {
    const dup = await postExpect(t(), '/api/residents', {
      fullName: 'Nguyen Van  Binh',
      birthDate: '1950',
      areaCode: '56801',
      code: 'EXT-9',
    });
    const pairs = (await t().inject({ url: '/api/residents/duplicates?area=56801' })).json().items;
    const pair = pairs.find((p: { a: { id: string }; b: { id: string } }) =>
      [p.a.id, p.b.id].includes(dup.id),
    );
    expect(pair.reason).toBe('similar name, same birth year, same commune');
    const merged = await postExpect(
      t(),
      '/api/residents/merge',
      { survivorId: ids.binh, duplicateId: dup.id, reason: 'same person' },
      200,
    );
    expect(merged.moved.status_history).toBe(1);
    expect(merged.survivor.code).toBe('EXT-9');
    expect(merged.survivor.statusHistory).toHaveLength(2);
    const gone = (await t().inject({ url: `/api/residents/${dup.id}` })).json();
    expect(gone).toMatchObject({ mergedIntoId: ids.binh, active: false, code: null });
    const search = (await t().inject({ url: '/api/residents?q=nguyen%20van%20binh' })).json().items;
    expect(search[0].id).toBe(ids.binh);
    expect(search.map((r: { id: string }) => r.id)).not.toContain(dup.id);
    const undone = await postExpect(t(), `/api/residents/merges/${merged.merge.id}/undo`, {}, 200);
    expect(undone.merge.undoneAt).not.toBeNull();
    expect(undone.survivor.code).toBeNull();
    expect(undone.survivor.statusHistory).toHaveLength(1);
    const back = (await t().inject({ url: `/api/residents/${dup.id}` })).json();
    expect(back).toMatchObject({ mergedIntoId: null, active: true, code: 'EXT-9' });
    expect(back.statusHistory).toHaveLength(1);
    const twice = await t().inject({ method: 'POST', url: `/api/residents/merges/${merged.merge.id}/undo` });
    expect(twice.statusCode).toBe(409);
  });

  test('CSV import reports bad rows with line and reason, and a re-run creates no duplicates', async () => {
    const households = [
      'code,address,area_code',
      'HB-10,10 Lê Lợi,56802',
      'HB-11,11 Lê Lợi,99999',
      'HB-12,,56802',
    ].join('\n');
    const h = await t().inject({
      method: 'POST',
      url: '/api/imports/households',
      headers: { 'content-type': 'text/csv' },
      payload: households,
    });
    expect(h.json()).toMatchObject({ created: 1, rejected: [{ line: 3 }, { line: 4 }] });
    const residents = [
      'code,citizen_id,full_name,sex,birth_date,household_code,relationship,area_code',
      'R1,056190000002,Lê Thị Hoa,female,1990-04-04,HB-10,head,',
      'R2,,Lê Văn Nam,male,2015,HB-10,child,',
      'R3,,Lê Văn Tư,male,2016,HB-99,child,',
      'R4,056190000003,Lê Thị Mai,male,1990-04-04,,,56802',
      ',,No Key,,,,,56802',
      'R5,,Lê Văn Năm,male,2017,HB-10,head,',
    ].join('\n');
    const run = async () =>
      (
        await t().inject({
          method: 'POST',
          url: '/api/imports/residents',
          headers: { 'content-type': 'text/csv' },
          payload: residents,
        })
      ).json();
    const first = await run();
    expect(first).toMatchObject({ read: 6, created: 2, updated: 0 });
    expect(first.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6, 7]);
    expect(first.rejected[0].reason).toContain('HB-99');
    expect(first.rejected[1].reason).toContain('citizen_id');
    expect(first.rejected[3].reason).toContain('already has a head');
    const again = await run();
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const members = (await t().inject({ url: '/api/residents?area=56802' })).json().items;
    expect(names(members).sort()).toEqual(['Lê Thị Hoa', 'Lê Văn Nam']);
  });

  test('a station user sees only the residents of its commune', async () => {
    await postExpect(t(), '/api/users', {
      username: 'station-res',
      displayName: 'Station',
      password: 'Quiet-river-station-1',
      roles: [{ role: 'station', facility: 'S5680' }],
    });
    const token = await t().signIn('station-res', 'Quiet-river-station-1');
    const as = (url: string) => t().app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const all = (await as('/api/residents?limit=500')).json().items as { areaPath: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.areaPath.startsWith('56.568.56801'))).toBe(true);
    expect((await as(`/api/residents/${ids.tran}`)).statusCode).toBe(404);
    expect((await as(`/api/households/${w.h2.id}`)).statusCode).toBe(404);
    const search = (await as('/api/residents?q=tran%20van%20an')).json().items;
    expect(search).toEqual([]);
  });
});

describeOnBothEngines('registering a resident with a new household', (t) => {
  const households = async () =>
    (await t().inject({ url: '/api/households?area=56801&limit=100' })).json().items as { code: string }[];

  test('one request stores both, the person heading the household', async () => {
    await world(t());
    const resident = await postExpect(t(), '/api/residents', {
      fullName: 'Lê Văn Tâm',
      birthDate: '1980-02-02',
      newHousehold: { code: 'HB-9', address: '9 Nguyễn Huệ', areaCode: '56801_1' },
    });
    expect(resident).toMatchObject({
      relationshipToHead: 'head',
      householdAddress: '9 Nguyễn Huệ',
      area: { code: '56801_1' },
      household: { code: 'HB-9' },
    });
    expect(resident.household.headResidentId).toBe(resident.id);
  });

  test('a refused person leaves no empty household behind, and every problem is named at once', async () => {
    const before = (await households()).length;
    const res = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: {
        fullName: 'Lê Thị Hoa',
        citizenId: '123',
        newHousehold: { code: 'HB-10', address: '10 Nguyễn Huệ', areaCode: 'nowhere' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.citizenId', 'body.newHousehold.areaCode']);
    // A duplicate citizen id is found after the household is written: it is rolled back with the rest.
    await postExpect(t(), '/api/residents', {
      fullName: 'Người Có Số',
      citizenId: '056085000077',
      areaCode: '56801',
    });
    const clash = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: {
        fullName: 'Người Trùng Số',
        citizenId: '056085000077',
        newHousehold: { code: 'HB-11', address: '11 Nguyễn Huệ', areaCode: '56801_1' },
      },
    });
    expect(clash.statusCode, clash.body).toBe(409);
    // The kind of clash is named, so the app says it in its reader's language.
    expect(clash.json().errors).toEqual([
      { field: 'body.citizenId', message: expect.any(String), code: 'taken' },
    ]);
    expect((await households()).length).toBe(before);
    const codes = (await households()).map((h) => h.code);
    expect(codes).toContain('HB-9');
    expect(codes).not.toContain('HB-10');
    expect(codes).not.toContain('HB-11');
  });

  test('newHousehold with householdId or an area is refused, naming both', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: {
        fullName: 'Lê Văn Hai',
        areaCode: '56801',
        newHousehold: { address: '12 Nguyễn Huệ', areaCode: '56801_1' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.areaCode' });
  });
});
