import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import {
  type ShippedCatalogue,
  ShippedDiagnosesSchema,
  ShippedMedicinesSchema,
  ShippedServicesSchema,
} from './catalog.shipped.schema.ts';
import {
  closeSupersededPrices,
  insertMedicinePrices,
  insertServicePrices,
  installedVersions,
  itemIdsByCode,
  lockCatalogues,
  recordCatalogue,
  upsertDiagnoses,
  upsertMedicines,
  upsertServices,
} from './catalog.write.queries.ts';

/**
 * The catalogues every install needs, shipped as files in protocols/catalogs/ and installed into the
 * database after the migrations (migrateToLatest runs this step on every start): a file whose content
 * hash is already recorded in `catalogue` costs one query; a changed file is upserted by code (names,
 * flags; an item's id never changes) and its price periods added where missing (never edited). Every
 * shipped catalogue is installed whatever the profile (one test template serves both countries); the
 * profile's `catalogs` names the ones in force.
 */

export const SHIPPED_DIR = path.join(PROJECT_ROOT, 'protocols/catalogs');

const SCHEMAS: Record<ShippedCatalogue['kind'], TSchema> = {
  diagnoses: ShippedDiagnosesSchema,
  medicines: ShippedMedicinesSchema,
  services: ShippedServicesSchema,
};

interface ShippedFile {
  file: string;
  text: string;
  version: string;
}

function shippedFiles(dir: string): ShippedFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      return { file, text, version: createHash('sha256').update(text).digest('hex').slice(0, 32) };
    });
}

/** Parses and checks a shipped catalogue file; a broken file stops the start with the bad value's path. */
export function parseShippedCatalogue(text: string, file: string): ShippedCatalogue {
  const data = JSON.parse(text) as { kind?: string };
  const schema = SCHEMAS[data.kind as ShippedCatalogue['kind']];
  if (!schema) throw new Error(`Catalogue ${file}: kind must be diagnoses, medicines or services`);
  if (!Value.Check(schema, data)) {
    const first = [...Value.Errors(schema, data)][0];
    throw new Error(`Catalogue ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const catalogue = data as ShippedCatalogue;
  const codes = new Set<string>();
  for (const item of catalogue.items) {
    if (codes.has(item.code)) throw new Error(`Catalogue ${file}: code ${item.code} appears twice`);
    codes.add(item.code);
  }
  return catalogue;
}

/** Installs the shipped catalogues that are new or changed; returns the ids installed now. */
export async function installShippedCatalogues(db: Db, dir = SHIPPED_DIR): Promise<string[]> {
  const files = shippedFiles(dir);
  if (files.length === 0) return [];
  const installed = await installedVersions(db);
  const stale = files.filter((f) => {
    const id = (JSON.parse(f.text) as { id?: string }).id ?? '';
    return installed.get(id) !== f.version;
  });
  if (stale.length === 0) return [];
  return inTransaction(db, async (trx) => {
    await lockCatalogues(trx);
    const now = await installedVersions(trx);
    const done: string[] = [];
    for (const f of stale) {
      const catalogue = parseShippedCatalogue(f.text, f.file);
      if (now.get(catalogue.id) === f.version) continue;
      await installCatalogue(trx, catalogue);
      await recordCatalogue(trx, {
        id: catalogue.id,
        kind: catalogue.kind,
        title: catalogue.title,
        version: f.version,
      });
      done.push(catalogue.id);
    }
    await closeSupersededPrices(trx);
    return done;
  });
}

type ShippedPrice = { unitPrice: number; effectiveFrom: string; effectiveTo?: string };

/** The price periods of the shipped items that were never imported (an imported item's prices are the import's). */
function shippedPrices(
  items: readonly { code: string; prices: readonly ShippedPrice[] }[],
  ids: Map<string, { id: string; imported: boolean }>,
): { itemId: string; p: ShippedPrice }[] {
  return items.flatMap((item) => {
    const known = ids.get(item.code);
    return known && !known.imported ? item.prices.map((p) => ({ itemId: known.id, p })) : [];
  });
}

async function installCatalogue(db: Db, c: ShippedCatalogue): Promise<void> {
  if (c.kind === 'diagnoses') {
    await upsertDiagnoses(
      db,
      c.items.map((d) => ({
        code: d.code,
        name_vi: d.vi,
        name_zh: d.zh,
        name_en: d.en,
        chronic: d.chronic ?? false,
        notifiable: d.notifiable ?? false,
        catalogue: c.id,
      })),
    );
    return;
  }
  if (c.kind === 'medicines') {
    await upsertMedicines(
      db,
      c.items.map((m) => ({
        id: newId(),
        catalogue: c.id,
        code: m.code,
        insurance_code: m.insuranceCode ?? null,
        name: m.name,
        active_ingredient: m.activeIngredient,
        inn: m.inn ?? null,
        strength: m.strength,
        dosage_form: m.dosageForm,
        route: m.route,
        unit: m.unit,
        atc_code: m.atcCode ?? null,
        insured: m.insured,
        insured_from_level: m.insuredFromLevel ?? null,
      })),
    );
    const ids = await itemIdsByCode(
      db,
      'medicine',
      c.items.map((m) => m.code),
    );
    await insertMedicinePrices(
      db,
      shippedPrices(c.items, ids).map(({ itemId, p }) => ({
        id: newId(),
        medicine_id: itemId,
        unit_price: p.unitPrice,
        effective_from: p.effectiveFrom,
        effective_to: p.effectiveTo ?? null,
      })),
    );
    return;
  }
  await upsertServices(
    db,
    c.items.map((s) => ({
      id: newId(),
      catalogue: c.id,
      code: s.code,
      insurance_code: s.insuranceCode ?? null,
      name: s.name,
      kind: s.kind,
      unit: s.unit,
      lowest_care_level: s.lowestCareLevel ?? null,
      insured: s.insured,
      insured_from_level: s.insuredFromLevel ?? null,
    })),
  );
  const ids = await itemIdsByCode(
    db,
    'service_item',
    c.items.map((s) => s.code),
  );
  await insertServicePrices(
    db,
    shippedPrices(c.items, ids).map(({ itemId, p }) => ({
      id: newId(),
      service_id: itemId,
      unit_price: p.unitPrice,
      effective_from: p.effectiveFrom,
      effective_to: p.effectiveTo ?? null,
    })),
  );
}
