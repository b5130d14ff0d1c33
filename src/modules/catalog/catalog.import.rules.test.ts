import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import {
  catalogueLevels,
  parseDiagnosisRow,
  parseMedicineRow,
  parseServiceRow,
  planImportedPrices,
} from './catalog.import.rules.ts';
import type { PricePeriod } from './catalog.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

describe('the levels a catalogue names', () => {
  test('VN: the levels of care; CN: the tiers', () => {
    expect(catalogueLevels(vn)).toEqual(['specialised', 'basic', 'primary']);
    expect(catalogueLevels(cn)).toEqual(['tertiary', 'secondary', 'county', 'grassroots']);
  });
});

describe('a diagnosis row', () => {
  test.each([
    [
      { code: 'e119', name_en: 'T2DM' },
      { ok: true, code: 'E11.9' },
    ],
    [
      { code: ' I10 ', name_vi: 'Tăng huyết áp' },
      { ok: true, code: 'I10' },
    ],
    [
      { code: 'S52.50', name_zh: '桡骨下端骨折' },
      { ok: true, code: 'S52.50' },
    ],
    [
      { code: 'I1', name_en: 'x' },
      { ok: false, reason: 'not an ICD-10 code' },
    ],
    [
      { code: '', name_en: 'x' },
      { ok: false, reason: 'code is required' },
    ],
    [{ code: 'I10' }, { ok: false, reason: 'at least one of name_vi, name_zh, name_en' }],
    [
      { code: 'I10', name_en: 'x', chronic: 'maybe' },
      { ok: false, reason: 'chronic maybe must be true or false' },
    ],
    [
      { code: 'I10', name_en: 'x', active: 'no' },
      { ok: true, code: 'I10' },
    ],
  ])('%j', (values, want) => {
    const got = parseDiagnosisRow(values as Record<string, string>);
    expect(got.ok).toBe(want.ok);
    if (got.ok && 'code' in want) expect(got.value.code).toBe(want.code);
    if (!got.ok && 'reason' in want) expect(got.reason).toContain(want.reason);
  });

  test('flags: yes/no, 1/0, true/false in any case; defaults not chronic, not notifiable, active', () => {
    const row = (v: Record<string, string>) => parseDiagnosisRow({ code: 'A90', name_en: 'Dengue', ...v });
    expect(row({})).toMatchObject({ ok: true, value: { chronic: false, notifiable: false, active: true } });
    expect(row({ chronic: 'YES', notifiable: '1', active: 'False' })).toMatchObject({
      ok: true,
      value: { chronic: true, notifiable: true, active: false },
    });
  });
});

const medicine = {
  code: 'VNT9000',
  name: 'Amlodipin',
  active_ingredient: 'Amlodipin',
  strength: '5 mg',
  dosage_form: 'Viên nén',
  route: 'oral',
  unit: 'viên',
};

describe('a medicine row', () => {
  test.each([
    [{}, null],
    [{ unit_price: '450', price_from: '2026-01-01' }, null],
    [{ unit_price: '0.35', price_from: '2026-01-01' }, null],
    [{ unit_price: '450' }, 'unit_price and price_from go together'],
    [{ price_from: '2026-01-01' }, 'unit_price and price_from go together'],
    [{ unit_price: '1,200', price_from: '2026-01-01' }, 'no thousands separators'],
    [{ unit_price: '1.234', price_from: '2026-01-01' }, 'at most 2 decimals'],
    [{ unit_price: '-1', price_from: '2026-01-01' }, 'at least 0'],
    [{ unit_price: '1', price_from: '2026-02-30' }, 'price_from 2026-02-30 must be a date'],
    [{ insured_from_level: 'basic' }, null],
    [
      { insured_from_level: 'county' },
      'insured_from_level county must be one of specialised, basic, primary',
    ],
    [{ atc_code: 'c08ca01' }, null],
    [{ atc_code: 'C0' }, 'atc_code C0 is not an ATC code'],
    [{ code: 'VN T 1' }, "code VN T 1 must be letters, digits, '.', '_' or '-'"],
    [{ strength: '' }, 'strength is required'],
    [{ name: 'x'.repeat(301) }, 'name is longer than 300 characters'],
    [{ insured: 'perhaps' }, 'insured perhaps must be true or false'],
  ])('%j: %s', (extra, problem) => {
    const got = parseMedicineRow(vn, { ...medicine, ...extra } as Record<string, string>);
    if (problem === null) expect(got).toMatchObject({ ok: true });
    else expect(got.ok ? '' : got.reason).toContain(problem);
  });

  test('a good row carries its price and an upper-case ATC code', () => {
    expect(
      parseMedicineRow(vn, {
        ...medicine,
        atc_code: 'c08ca01',
        unit_price: '450',
        price_from: '2026-01-01',
        insured: 'true',
      }),
    ).toMatchObject({
      ok: true,
      value: { atcCode: 'C08CA01', insured: true, price: { unitPrice: 450, effectiveFrom: '2026-01-01' } },
    });
  });

  test('under the CN profile the levels are the tiers', () => {
    expect(parseMedicineRow(cn, { ...medicine, insured_from_level: 'county' })).toMatchObject({ ok: true });
    expect(parseMedicineRow(cn, { ...medicine, insured_from_level: 'basic' }).ok).toBe(false);
  });
});

describe('a service row', () => {
  const service = { code: 'VNS9000', name: 'Khám bệnh', kind: 'examination', unit: 'lần' };
  test.each([
    [{}, null],
    [
      { kind: 'surgery' },
      'kind surgery must be one of examination, test, imaging, procedure, vaccination, other',
    ],
    [{ kind: '' }, 'kind (empty) must be one of'],
    [{ lowest_care_level: 'basic' }, null],
    [{ lowest_care_level: 'district' }, 'lowest_care_level district must be one of'],
    [{ unit: '' }, 'unit is required'],
  ])('%j: %s', (extra, problem) => {
    const got = parseServiceRow(vn, { ...service, ...extra } as Record<string, string>);
    if (problem === null) expect(got).toMatchObject({ ok: true });
    else expect(got.ok ? '' : got.reason).toContain(problem);
  });
});

const p = (
  id: string,
  unitPrice: number,
  effectiveFrom: string,
  effectiveTo: string | null,
): PricePeriod => ({
  id,
  unitPrice,
  effectiveFrom,
  effectiveTo,
});
const price = (line: number, unitPrice: number, effectiveFrom: string) => ({
  line,
  price: { unitPrice, effectiveFrom },
});

describe('the prices of an item’s import rows, planned on its stored history', () => {
  test('a new item: each later price closes the one before, in file order', () => {
    expect(planImportedPrices([], [price(2, 100, '2025-01-01'), price(3, 120, '2026-01-01')])).toEqual({
      rejected: new Map(),
      closes: [],
      inserts: [
        { unitPrice: 100, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' },
        { unitPrice: 120, effectiveFrom: '2026-01-01', effectiveTo: null },
      ],
    });
  });

  test('a later price closes the stored open one', () => {
    const plan = planImportedPrices([p('a', 100, '2026-01-01', null)], [price(2, 110, '2026-07-01')]);
    expect(plan.closes).toEqual([{ id: 'a', effectiveTo: '2026-06-30' }]);
    expect(plan.inserts).toEqual([{ unitPrice: 110, effectiveFrom: '2026-07-01', effectiveTo: null }]);
  });

  test('an exported history imported again changes nothing', () => {
    const stored = [p('a', 100, '2025-01-01', '2025-12-31'), p('b', 120, '2026-01-01', null)];
    expect(planImportedPrices(stored, [price(2, 100, '2025-01-01'), price(3, 120, '2026-01-01')])).toEqual({
      rejected: new Map(),
      closes: [],
      inserts: [],
    });
  });

  test.each([
    [
      'a changed price on a recorded start',
      price(2, 130, '2026-01-01'),
      'a price of 120 from 2026-01-01 is already recorded',
    ],
    ['a start before the last one', price(2, 90, '2025-06-01'), 'must be after 2026-01-01'],
  ])('%s is refused', (_what, row, reason) => {
    const stored = [p('a', 100, '2025-01-01', '2025-12-31'), p('b', 120, '2026-01-01', null)];
    const plan = planImportedPrices(stored, [row]);
    expect(plan.rejected.get(2)).toContain(reason);
    expect(plan.inserts).toEqual([]);
    expect(plan.closes).toEqual([]);
  });

  test('a refused row in the middle leaves the others planned', () => {
    const plan = planImportedPrices(
      [],
      [price(2, 100, '2026-01-01'), price(3, 90, '2025-01-01'), price(4, 110, '2026-06-01')],
    );
    expect([...plan.rejected.keys()]).toEqual([3]);
    expect(plan.inserts.map((i) => [i.effectiveFrom, i.effectiveTo])).toEqual([
      ['2026-01-01', '2026-05-31'],
      ['2026-06-01', null],
    ]);
  });
});
