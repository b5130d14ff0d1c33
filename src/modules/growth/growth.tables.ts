import fs from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { PROJECT_ROOT } from '../../platform/project-root.ts';

/**
 * The WHO child growth standards' LMS tables (protocols/growth/*.json), checked when they load: a
 * broken file stops the start naming the file and the field. Age tables are by day of age, the
 * weight-for-length/height tables by 0.1 cm; each row is [L, M, S].
 */

const Row = Type.Tuple([
  Type.Number({ minimum: -5, maximum: 5 }),
  Type.Number({ exclusiveMinimum: 0 }),
  Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
]);
const TableFile = Type.Object({
  note: Type.String({ minLength: 1 }),
  source: Type.String({ minLength: 1 }),
  indicator: Type.String({ minLength: 1 }),
  index: Type.Union([Type.Literal('age-days'), Type.Literal('length-cm'), Type.Literal('height-cm')]),
  first: Type.Number({ minimum: 0 }),
  step: Type.Number({ exclusiveMinimum: 0 }),
  boys: Type.Array(Row, { minItems: 2 }),
  girls: Type.Array(Row, { minItems: 2 }),
});
export type LmsTable = Static<typeof TableFile>;
export type LmsRow = Static<typeof Row>;

export interface GrowthTables {
  weightForAge: LmsTable;
  lengthHeightForAge: LmsTable;
  weightForLength: LmsTable;
  weightForHeight: LmsTable;
}

const FILES = {
  weightForAge: 'weight-for-age',
  lengthHeightForAge: 'length-height-for-age',
  weightForLength: 'weight-for-length',
  weightForHeight: 'weight-for-height',
} as const;

function load(name: string): LmsTable {
  const file = `protocols/growth/${name}.json`;
  const data: unknown = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
  if (!Value.Check(TableFile, data)) {
    const first = [...Value.Errors(TableFile, data)][0];
    throw new Error(`${file}: ${first?.instancePath} ${first?.message}`);
  }
  if (data.indicator !== name) throw new Error(`${file}: /indicator must be ${name}`);
  return data;
}

let cached: GrowthTables | undefined;

/** The four tables, read once. */
export function growthTables(): GrowthTables {
  cached ??= {
    weightForAge: load(FILES.weightForAge),
    lengthHeightForAge: load(FILES.lengthHeightForAge),
    weightForLength: load(FILES.weightForLength),
    weightForHeight: load(FILES.weightForHeight),
  };
  return cached;
}
