import fs from 'node:fs';
import path from 'node:path';
import Type from 'typebox';
import { Value } from 'typebox/value';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { ObservationKind } from './encounters.schema.ts';

/**
 * The observation kinds (protocols/observations.json), validated when they load. The unit a kind is
 * entered and shown in is its stored unit unless `displayUnits` (the profile's, by code) names
 * another it accepts (glucose in mg/dL where a country writes it so).
 */
const FileKind = Type.Omit(ObservationKind, ['displayUnit']);
const ObservationsFile = Type.Object({ note: Type.String(), kinds: Type.Array(FileKind, { minItems: 1 }) });

const FILE = path.join(PROJECT_ROOT, 'protocols/observations.json');
let cached: ObservationKind[] | undefined;

/** Every observation kind, in the file's order, with its display unit. */
export function observationKinds(displayUnits: Readonly<Record<string, string>> = {}): ObservationKind[] {
  if (!cached) {
    const data: unknown = JSON.parse(fs.readFileSync(FILE, 'utf8'));
    if (!Value.Check(ObservationsFile, data)) {
      const first = [...Value.Errors(ObservationsFile, data)][0];
      throw new Error(`protocols/observations.json: ${first?.instancePath} ${first?.message}`);
    }
    cached = data.kinds.map((k) => ({ ...k, displayUnit: k.unit }));
  }
  return cached.map((k) => {
    const shown = displayUnits[k.code];
    return shown && k.units.some((u) => u.unit === shown) ? { ...k, displayUnit: shown } : k;
  });
}

/** The kinds by LOINC code. */
export function observationKindsByCode(
  displayUnits?: Readonly<Record<string, string>>,
): Map<string, ObservationKind> {
  return new Map(observationKinds(displayUnits).map((k) => [k.code, k]));
}
