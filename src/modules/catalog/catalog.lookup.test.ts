import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { diagnosesByCode, installShippedCatalogues, medicinesById, pricedItemsOn } from './index.ts';

/** The functions other modules call (CONTRACTS.md), on the shipped catalogues the template holds. */
describeOnBothEngines('catalog lookups for other modules', (t) => {
  async function idOf(table: 'medicine' | 'service_item', code: string): Promise<string> {
    const row = await t()
      .ctx.db.selectFrom(table)
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  test('the migrated template already holds the shipped catalogues: installing again does nothing', async () => {
    expect(await installShippedCatalogues(t().ctx.db)).toEqual([]);
  });

  test('diagnosesByCode answers known codes with their three names and flags, and leaves out unknown ones', async () => {
    const found = await diagnosesByCode(t().ctx.db, ['I10', 'E11.9', 'A90', 'Z99.99', 'I10']);
    expect([...found.keys()].sort()).toEqual(['A90', 'E11.9', 'I10']);
    expect(found.get('I10')).toEqual({
      code: 'I10',
      names: {
        vi: 'Tăng huyết áp vô căn (nguyên phát)',
        zh: '特发性(原发性)高血压',
        en: 'Essential (primary) hypertension',
      },
      chronic: true,
      notifiable: false,
    });
    expect(found.get('A90')?.notifiable).toBe(true);
    expect(await diagnosesByCode(t().ctx.db, [])).toEqual(new Map());
  });

  test('pricedItemsOn prices medicines and services on the date, from the period in force', async () => {
    const amlodipine = await idOf('medicine', 'VNT0001');
    const insulin = await idOf('medicine', 'VNT0006');
    const exam = await idOf('service_item', 'VNS0001');
    const hospitalExam = await idOf('service_item', 'VNS0002');
    const ids = { medicineIds: [amlodipine, insulin], serviceIds: [exam, hospitalExam] };
    const in2026 = await pricedItemsOn(t().ctx.db, ids, '2026-06-15');
    expect(in2026.get(amlodipine)).toMatchObject({
      kind: 'medicine',
      code: 'VNT0001',
      unitPrice: 450,
      insured: true,
      insuredFromCareLevel: null,
      lowestCareLevel: null,
    });
    expect(in2026.get(insulin)).toMatchObject({ insuredFromCareLevel: 'basic' });
    expect(in2026.get(exam)).toMatchObject({ kind: 'service', unitPrice: 36500, lowestCareLevel: null });
    expect(in2026.get(hospitalExam)).toMatchObject({ lowestCareLevel: 'basic' });
    // The 2025 period (closed on 2025-12-31) prices a 2025 visit; before any period there is no price.
    expect((await pricedItemsOn(t().ctx.db, ids, '2025-12-31')).get(amlodipine)?.unitPrice).toBe(430);
    expect((await pricedItemsOn(t().ctx.db, ids, '2024-12-31')).get(amlodipine)?.unitPrice).toBeNull();
  });

  test('pricedItemsOn leaves out unknown ids', async () => {
    const found = await pricedItemsOn(
      t().ctx.db,
      { medicineIds: ['0190a1b2-0000-7000-8000-000000000000'], serviceIds: [] },
      '2026-06-15',
    );
    expect(found.size).toBe(0);
  });

  test('medicinesById gives the words a shelf shows, in the catalogue of either country', async () => {
    const vn = await idOf('medicine', 'VNT0004');
    const cn = await idOf('medicine', 'CNY0004');
    const found = await medicinesById(t().ctx.db, [vn, cn]);
    expect(found.get(vn)).toEqual({
      id: vn,
      code: 'VNT0004',
      name: 'Metformin',
      strength: '500 mg',
      dosageForm: 'Viên nén bao phim',
      unit: 'viên',
    });
    expect(found.get(cn)).toMatchObject({ code: 'CNY0004', unit: '片', strength: '500 mg' });
  });
});

describeOnBothEngines('installing a changed shipped catalogue', (t) => {
  test('upserts by code (the id stays), adds the new price period and closes the previous one; nothing is deleted', async () => {
    const db = t().ctx.db;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const file = path.join(dir, 'test-medicines.json');
    const item = (name: string, prices: { unitPrice: number; effectiveFrom: string }[]) => ({
      code: 'TST0001',
      name,
      activeIngredient: 'Testamin',
      strength: '1 mg',
      dosageForm: 'tablet',
      route: 'oral',
      unit: 'tablet',
      insured: true,
      prices,
    });
    const write = (items: unknown[]) =>
      fs.writeFileSync(
        file,
        JSON.stringify({ id: 'test-medicines', kind: 'medicines', title: 'Test', items }),
      );
    try {
      write([item('Testamin 1 mg', [{ unitPrice: 10, effectiveFrom: '2026-01-01' }])]);
      expect(await installShippedCatalogues(db, dir)).toEqual(['test-medicines']);
      expect(await installShippedCatalogues(db, dir)).toEqual([]);
      const before = await db
        .selectFrom('medicine')
        .selectAll()
        .where('code', '=', 'TST0001')
        .executeTakeFirstOrThrow();
      write([
        item('Testamin forte 1 mg', [
          { unitPrice: 10, effectiveFrom: '2026-01-01' },
          { unitPrice: 12, effectiveFrom: '2026-07-01' },
        ]),
      ]);
      expect(await installShippedCatalogues(db, dir)).toEqual(['test-medicines']);
      const after = await db
        .selectFrom('medicine')
        .selectAll()
        .where('code', '=', 'TST0001')
        .executeTakeFirstOrThrow();
      expect(after.id).toBe(before.id);
      expect(after.name).toBe('Testamin forte 1 mg');
      const priced = (date: string) => pricedItemsOn(db, { medicineIds: [after.id], serviceIds: [] }, date);
      expect((await priced('2026-06-30')).get(after.id)?.unitPrice).toBe(10);
      expect((await priced('2026-07-01')).get(after.id)?.unitPrice).toBe(12);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
