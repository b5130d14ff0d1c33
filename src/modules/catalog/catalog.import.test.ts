import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';

type Report = {
  kind: string;
  read: number;
  created: number;
  updated: number;
  rejected: { line: number; reason: string }[];
};

/** CSV import and export of the catalogues through /api/imports and /api/exports, under both profiles. */
describeOnBothEngines('catalog CSV (vn)', (t) => {
  async function importCsv(kind: string, csv: string) {
    const res = await t().inject({
      method: 'POST',
      url: `/api/imports/${kind}`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Report;
  }

  test('diagnoses: typed codes are normalised, bad ones rejected by line, a repeated code refused, names kept where left empty', async () => {
    const report = await importCsv(
      'diagnoses',
      [
        'code,name_vi,name_zh,name_en,chronic,notifiable',
        'e11.65,Đái tháo đường typ 2 có tăng đường huyết,,Type 2 diabetes mellitus with hyperglycaemia,true,false',
        'I10,,,Essential hypertension (national),true,',
        'I1,Sai,,Wrong,,',
        'J99.999,Sai,,Wrong,,',
        'A00.1,,,,,',
        'K00,Rối loạn phát triển răng,,,maybe,',
        'e1165,Trùng,,Duplicate,,',
      ].join('\n'),
    );
    expect(report).toMatchObject({ read: 7, created: 1, updated: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
    expect(report.rejected[0]!.reason).toContain('not an ICD-10 code');
    expect(report.rejected[2]!.reason).toContain('at least one of name_vi, name_zh, name_en');
    expect(report.rejected[3]!.reason).toContain('chronic maybe must be true or false');
    expect(report.rejected[4]!.reason).toContain('already on line 2');
    const i10 = (await t().inject({ url: '/api/catalog/diagnoses/I10' })).json();
    expect(i10.names).toEqual({
      vi: 'Tăng huyết áp vô căn (nguyên phát)',
      zh: '特发性(原发性)高血压',
      en: 'Essential hypertension (national)',
    });
    const added = (await t().inject({ url: '/api/catalog/diagnoses/E11.65' })).json();
    expect(added).toMatchObject({
      code: 'E11.65',
      chronic: true,
      names: { zh: 'Đái tháo đường typ 2 có tăng đường huyết' },
    });
  });

  test('medicines: a new item with its price history, a price refused that would edit history, unknown levels refused', async () => {
    const header =
      'code,insurance_code,name,active_ingredient,inn,strength,dosage_form,route,unit,atc_code,insured,insured_from_level,active,unit_price,price_from';
    const report = await importCsv(
      'medicines',
      [
        header,
        'VNT9001,40.999,Nifedipin 10 mg,Nifedipin,nifedipine,10 mg,Viên nang,oral,viên,C08CA05,true,,true,500,2026-01-01',
        'VNT9001,40.999,Nifedipin 10 mg,Nifedipin,nifedipine,10 mg,Viên nang,oral,viên,C08CA05,true,,true,550,2026-09-01',
        'VNT9001,40.999,Nifedipin 10 mg,Nifedipin,nifedipine,10 mg,Viên nang,oral,viên,C08CA05,true,,true,520,2026-05-01',
        'VNT9002,,Thuốc X,X,,1 mg,Viên,oral,viên,,true,district,true,,',
        'VNT9003,,Thuốc Y,Y,,1 mg,Viên,oral,viên,XX,yes,,true,1.234,2026-01-01',
        'CNY0001,,Wrong country,Amlodipin,,5 mg,Viên,oral,viên,,true,,true,,',
        'VNT0001,40.1,Amlodipin 5 mg,Amlodipin,amlodipine,5 mg,Viên nén,oral,viên,C08CA01,true,,true,450,2026-01-01',
      ].join('\n'),
    );
    expect(report.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(report.rejected[0]!.reason).toContain('must be after 2026-09-01');
    expect(report.rejected[1]!.reason).toContain(
      'insured_from_level district must be one of specialised, basic, primary',
    );
    expect(report.rejected[2]!.reason).toMatch(/atc_code XX .*unit_price 1.234/);
    expect(report.rejected[3]!.reason).toContain('belongs to catalogue cn-medicines-2026');
    expect(report).toMatchObject({ created: 1, updated: 2 });
    const found = (await t().inject({ url: '/api/catalog/medicines?q=VNT9001&date=2026-08-31' })).json();
    const id = found.items[0].id as string;
    expect(found.items[0].price.unitPrice).toBe(500);
    const detail = (await t().inject({ url: `/api/catalog/medicines/${id}` })).json();
    expect(
      detail.prices.map((p: { unitPrice: number; effectiveTo: string | null }) => [
        p.unitPrice,
        p.effectiveTo,
      ]),
    ).toEqual([
      [500, '2026-08-31'],
      [550, null],
    ]);
  });

  test('an export imports again as it is: nothing new, nothing rejected', async () => {
    for (const kind of ['medicines', 'services', 'diagnoses']) {
      const res = await t().inject({ url: `/api/exports/${kind}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.trim().split('\n');
      expect(lines.length).toBeGreaterThan(50);
      const report = await importCsv(kind, res.body);
      expect(report.rejected, kind).toEqual([]);
      expect(report.created, kind).toBe(0);
    }
  });

  test('services: the kind is checked, the lowest level of care kept', async () => {
    const report = await importCsv(
      'services',
      [
        'code,name,kind,unit,lowest_care_level,insured,unit_price,price_from',
        'VNS9001,Đo SpO2,procedure,lần,,true,15000,2026-01-01',
        'VNS9002,Phẫu thuật,surgery,lần,,true,,',
        'VNS9003,Nội soi dạ dày,procedure,lần,specialised,true,250000,2026-01-01',
      ].join('\n'),
    );
    expect(report).toMatchObject({ created: 2 });
    expect(report.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('kind surgery must be one of') },
    ]);
    const found = (
      await t().inject({ url: `/api/catalog/services?q=${encodeURIComponent('noi soi')}` })
    ).json();
    expect(found.items[0]).toMatchObject({
      code: 'VNS9003',
      lowestCareLevel: 'specialised',
      price: { unitPrice: 250000 },
    });
  });

  test('an imported row is the national word: a later shipped file does not overwrite it', async () => {
    const row = await t()
      .ctx.db.selectFrom('diagnosis')
      .select(['name_en', 'imported_at'])
      .where('code', '=', 'I10')
      .executeTakeFirstOrThrow();
    expect(row.imported_at).not.toBeNull();
  });
});

describeOnBothEngines(
  'catalog CSV (cn)',
  (t) => {
    test('medicines go into the CN catalogue, levels are the tiers', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/imports/medicines',
        headers: { 'content-type': 'text/csv' },
        payload: [
          'code,name,active_ingredient,strength,dosage_form,route,unit,insured,insured_from_level,unit_price,price_from',
          'CNY9001,硝苯地平控释片 30 mg,硝苯地平,30 mg,控释片,oral,片,true,county,1.20,2026-01-01',
          'CNY9002,某药,某药,1 mg,片剂,oral,片,true,basic,,',
        ].join('\n'),
      });
      const report = res.json() as Report;
      expect(report.created).toBe(1);
      expect(report.rejected).toEqual([
        { line: 3, reason: expect.stringContaining('tertiary, secondary, county, grassroots') },
      ]);
      const found = (
        await t().inject({ url: `/api/catalog/medicines?q=${encodeURIComponent('硝苯地平控释')}` })
      ).json();
      expect(found.items[0]).toMatchObject({
        catalogue: 'cn-medicines-2026',
        insuredFromLevel: 'county',
        price: { unitPrice: 1.2 },
      });
    });

    test('the CN export lists only the CN catalogue', async () => {
      const res = await t().inject({ url: '/api/exports/medicines' });
      const codes = res.body
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]);
      expect(codes.length).toBeGreaterThan(100);
      expect(codes.every((c) => c?.startsWith('CNY'))).toBe(true);
    });
  },
  { profile: 'cn' },
);
