import fs from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { PROJECT_ROOT } from '../../platform/project-root.ts';

/** Live vaccines: injectable ones must be 28 days apart unless given the same day; oral ones are exempt. */
export const LIVE_KINDS = ['injectable', 'oral'] as const;

export const VaccineSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9-]{0,31}$' }),
    antigens: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }), { minItems: 1 }),
    live: Type.Union([Type.Enum([...LIVE_KINDS]), Type.Null()]),
    names: Type.Object(
      { en: Type.String(), vi: Type.String(), zh: Type.String() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Vaccine = Static<typeof VaccineSchema>;

const VaccineFileSchema = Type.Object({
  note: Type.String(),
  vaccines: Type.Array(VaccineSchema, { minItems: 1 }),
});

const VACCINES_FILE = path.join(PROJECT_ROOT, 'protocols/vaccines.json');
let cached: Map<string, Vaccine> | undefined;

/**
 * The vaccines a dose may be recorded with (protocols/vaccines.json), by code. Checked when first
 * read (the start reads it): a bad file stops the start naming the file, the place and the problem.
 */
export function vaccines(): ReadonlyMap<string, Vaccine> {
  if (cached) return cached;
  cached = readVaccines(VACCINES_FILE);
  return cached;
}

export function readVaccines(file: string): Map<string, Vaccine> {
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Value.Check(VaccineFileSchema, data)) {
    const first = [...Value.Errors(VaccineFileSchema, data)][0];
    throw new Error(`Vaccine list ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const byCode = new Map<string, Vaccine>();
  for (const v of data.vaccines) {
    if (byCode.has(v.code)) throw new Error(`Vaccine list ${file}: code ${v.code} twice`);
    byCode.set(v.code, v);
  }
  return byCode;
}
