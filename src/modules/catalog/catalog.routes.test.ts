import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';

type Page = {
  items: { code: string; name?: string; names?: Record<string, string> }[];
  nextAfter: string | null;
};

/** The catalogue API under the VN profile: search without accents in vi/zh/en, 400s naming fields, prices. */
describeOnBothEngines('catalog API (vn)', (t) => {
  async function get(url: string) {
    return t().inject({ url });
  }
  async function codes(url: string): Promise<string[]> {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Page).items.map((i) => i.code);
  }

  test.each([
    ['tang huyet ap', 'I10'],
    ['Tăng huyết áp', 'I10'],
    ['TANG HUYET', 'I10'],
    ['hypertension', 'I10'],
    ['高血压', 'I10'],
    ['dai thao duong typ 2', 'E11.9'],
    ['diabetes type 2', 'E11.9'],
    ['2型糖尿病', 'E11.9'],
    ['sot xuat huyet', 'A91'],
    ['tay chan mieng', 'B08.4'],
    ['手足口病', 'B08.4'],
    ['e119', 'E11.9'],
    ['E11.9', 'E11.9'],
    ['i10', 'I10'],
  ])('a diagnosis search for %j finds %s', async (q, code) => {
    expect(await codes(`/api/catalog/diagnoses?q=${encodeURIComponent(q)}&limit=200`)).toContain(code);
  });

  test('a code prefix lists the codes under it, in order', async () => {
    const found = await codes('/api/catalog/diagnoses?q=E11');
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((c) => c.startsWith('E11'))).toBe(true);
    expect([...found].sort()).toEqual(found);
  });

  test('the chronic and notifiable filters, and keyset pages that do not repeat', async () => {
    const chronic = (await get('/api/catalog/diagnoses?chronic=true&limit=200')).json() as Page;
    expect(chronic.items.map((i) => i.code)).toContain('I10');
    expect(chronic.items.map((i) => i.code)).not.toContain('J00');
    expect(await codes('/api/catalog/diagnoses?notifiable=true&q=dengue')).toEqual(['A90', 'A91']);
    const first = (await get('/api/catalog/diagnoses?limit=3')).json() as Page;
    expect(first.items).toHaveLength(3);
    expect(first.nextAfter).toBe(first.items[2]!.code);
    const second = (await get(`/api/catalog/diagnoses?limit=3&after=${first.nextAfter}`)).json() as Page;
    expect(second.items[0]!.code > first.items[2]!.code).toBe(true);
  });

  test('like wildcards in a search are literal', async () => {
    expect(await codes('/api/catalog/diagnoses?q=%25')).toEqual([]);
    expect(await codes('/api/catalog/diagnoses?q=_')).toEqual([]);
  });

  test('one diagnosis by code, as typed', async () => {
    const res = await get('/api/catalog/diagnoses/e119');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'E11.9',
      chronic: true,
      names: { en: expect.stringContaining('Type 2') },
    });
  });

  test('a malformed code is a 400 naming params.code; a well-formed unknown one a 404', async () => {
    const bad = await get('/api/catalog/diagnoses/hello');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'params.code' })]);
    expect((await get('/api/catalog/diagnoses/Y99.99')).statusCode).toBe(404);
  });

  test('bad query values are 400s naming the field', async () => {
    for (const [url, field] of [
      ['/api/catalog/diagnoses?limit=0', 'query.limit'],
      ['/api/catalog/diagnoses?chronic=maybe', 'query.chronic'],
      ['/api/catalog/medicines?date=2026-02-30', 'query.date'],
      ['/api/catalog/services?kind=surgery', 'query.kind'],
      [`/api/catalog/medicines?q=${'x'.repeat(201)}`, 'query.q'],
      ['/api/catalog/medicines/not-a-uuid', 'params.id'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json().errors), url).toContain(field);
    }
  });

  test.each([
    ['amlodipin', 'VNT0001'],
    ['amlodipine', 'VNT0001'],
    ['metformin', 'VNT0004'],
    ['oresol', 'VNT0009'],
    ['kem', 'VNT0010'],
    ['C08CA01', 'VNT0001'],
    ['paracetamol', 'VNT0008'],
  ])('a medicine search for %j finds %s, with its price today', async (q, code) => {
    const res = await get(`/api/catalog/medicines?q=${encodeURIComponent(q)}`);
    const page = res.json() as { items: { code: string; price: { unitPrice: number } | null }[] };
    const hit = page.items.find((i) => i.code === code);
    expect(hit, res.body).toBeDefined();
    expect(hit?.price?.unitPrice).toBeGreaterThan(0);
  });

  test('the VN profile lists only the VN catalogue', async () => {
    const res = await get('/api/catalog/medicines?limit=200');
    const items = (res.json() as { items: { catalogue: string }[] }).items;
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((i) => i.catalogue))).toEqual(new Set(['vn-medicines-2026']));
  });

  test('the price shown is the one in force on ?date', async () => {
    const q = '/api/catalog/medicines?q=VNT0001';
    const at = async (date: string) =>
      ((await get(`${q}&date=${date}`)).json() as { items: { price: { unitPrice: number } | null }[] })
        .items[0]?.price?.unitPrice ?? null;
    expect(await at('2026-03-01')).toBe(450);
    expect(await at('2025-03-01')).toBe(430);
    expect(await at('2024-03-01')).toBeNull();
  });

  test('services: search without accents, the kind and insured filters, the lowest level of care', async () => {
    const res = await get('/api/catalog/services?q=kham benh');
    const items = (res.json() as { items: { code: string; kind: string; lowestCareLevel: string | null }[] })
      .items;
    expect(items.map((i) => i.code)).toContain('VNS0001');
    const tests = (await get('/api/catalog/services?kind=test&limit=200')).json() as {
      items: { kind: string }[];
    };
    expect(tests.items.length).toBeGreaterThan(0);
    expect(tests.items.every((i) => i.kind === 'test')).toBe(true);
    const xray = (await get('/api/catalog/services?q=x-quang')).json() as {
      items: { lowestCareLevel: string }[];
    };
    expect(xray.items[0]?.lowestCareLevel).toBe('basic');
  });

  test('a new price closes the previous one the day before; the same request again is the stored one; an earlier start is a 409', async () => {
    const search = (await get('/api/catalog/medicines?q=VNT0003')).json() as { items: { id: string }[] };
    const id = search.items[0]!.id;
    const url = `/api/catalog/medicines/${id}/prices`;
    const payload = { unitPrice: 380, effectiveFrom: '2026-07-01' };
    const first = await t().inject({ method: 'POST', url, payload });
    expect(first.statusCode, first.body).toBe(201);
    const prices = first.json().prices as {
      unitPrice: number;
      effectiveFrom: string;
      effectiveTo: string | null;
    }[];
    expect(prices.slice(-2)).toEqual([
      expect.objectContaining({ unitPrice: 350, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }),
      expect.objectContaining({ unitPrice: 380, effectiveFrom: '2026-07-01', effectiveTo: null }),
    ]);
    const again = await t().inject({ method: 'POST', url, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().prices).toEqual(first.json().prices);
    const earlier = await t().inject({
      method: 'POST',
      url,
      payload: { unitPrice: 400, effectiveFrom: '2026-07-01' },
    });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().errors).toEqual([expect.objectContaining({ field: 'body.effectiveFrom' })]);
    const detail = await get(`/api/catalog/medicines/${id}?date=2026-06-30`);
    expect(detail.json().price.unitPrice).toBe(350);
  });

  test('a price with three decimals, a negative one, or for an unknown item is refused', async () => {
    const search = (await get('/api/catalog/services?q=VNS0003')).json() as { items: { id: string }[] };
    const url = `/api/catalog/services/${search.items[0]!.id}/prices`;
    const cents = await t().inject({
      method: 'POST',
      url,
      payload: { unitPrice: 1.005, effectiveFrom: '2027-01-01' },
    });
    expect(cents.statusCode).toBe(400);
    expect(cents.json().errors[0].field).toBe('body.unitPrice');
    const negative = await t().inject({
      method: 'POST',
      url,
      payload: { unitPrice: -1, effectiveFrom: '2027-01-01' },
    });
    expect(negative.statusCode).toBe(400);
    const unknown = await t().inject({
      method: 'POST',
      url: '/api/catalog/services/0190a1b2-0000-7000-8000-000000000000/prices',
      payload: { unitPrice: 1, effectiveFrom: '2027-01-01' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describeOnBothEngines(
  'catalog API (cn)',
  (t) => {
    async function items(url: string) {
      const res = await t().inject({ url });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { code: string; catalogue?: string; name?: string }[] }).items;
    }

    test.each([
      ['二甲双胍', 'CNY0004'],
      ['metformin', 'CNY0004'],
      ['氨氯地平', 'CNY0001'],
      ['A10BA02', 'CNY0004'],
    ])('a medicine search for %j finds %s in the CN catalogue', async (q, code) => {
      const found = await items(`/api/catalog/medicines?q=${encodeURIComponent(q)}`);
      expect(found.map((i) => i.code)).toContain(code);
      expect(found.every((i) => i.catalogue === 'cn-medicines-2026')).toBe(true);
    });

    test('prices are in CNY, services name the tier they need', async () => {
      const [exam] = await items(`/api/catalog/services?q=${encodeURIComponent('诊查')}`);
      expect(exam?.code).toBe('CNS0001');
      const ct = (await t().inject({ url: `/api/catalog/services?q=${encodeURIComponent('胸部')}` })).json();
      expect(ct.items[0]).toMatchObject({ lowestCareLevel: 'county', price: { unitPrice: 50 } });
    });

    test('diagnoses are the same ICD-10 codes, with Chinese names', async () => {
      const [d] = await items(`/api/catalog/diagnoses?q=${encodeURIComponent('高血压')}`);
      expect(d).toMatchObject({ code: 'I10', names: { zh: expect.stringContaining('高血压') } });
    });
  },
  { profile: 'cn' },
);
