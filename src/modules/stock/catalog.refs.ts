import type { Db } from '../../platform/db/database.ts';
import { medicinesById } from '../catalog/index.ts';

/** What the shelf needs to know about a medicine, from the catalog module. */
export interface MedicineRef {
  id: string;
  code: string;
  name: string;
  strength: string;
  unit: string;
}

/** The medicines with these ids (unknown ones absent). */
export async function medicineRefs(db: Db, ids: readonly string[]): Promise<Map<string, MedicineRef>> {
  if (ids.length === 0) return new Map();
  const found = await medicinesById(db, [...new Set(ids)]);
  return new Map(
    [...found.values()].map((m) => [
      m.id,
      { id: m.id, code: m.code, name: m.name, strength: m.strength, unit: m.unit },
    ]),
  );
}

/** How a message names a medicine: 'Paracetamol 500 mg (PARA500)'. */
export function medicineLabel(m: MedicineRef | undefined, id: string): string {
  if (!m) return `medicine ${id}`;
  const strength = m.strength && !m.name.includes(m.strength) ? ` ${m.strength}` : '';
  return `${m.name}${strength} (${m.code})`;
}

export { medicineIdsByCode } from '../catalog/index.ts';
