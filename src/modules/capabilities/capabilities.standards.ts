import fs from 'node:fs';
import path from 'node:path';
import { Value } from 'typebox/value';
import { type CapabilityStandard, CapabilityStandardSchema } from '../../platform/profile.schema.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';

const STANDARD_DIR = path.join(PROJECT_ROOT, 'protocols/capabilities');

/** The standards a profile names, and which one applies to a facility kind. */
export interface Standards {
  all: CapabilityStandard[];
  /** The standard for facilities of this kind, or undefined when no standard names the kind. */
  forKind(kind: string): CapabilityStandard | undefined;
  /** The kinds some standard names (the facilities the gap figures count). */
  kinds: string[];
}

const cache = new Map<string, Standards>();

/**
 * The profile's standards (`capabilityStandards`), read from protocols/capabilities/<id>.json and
 * checked: the shape, codes unique within a list, and kinds that the profile knows and that no two
 * standards claim. A broken file stops the start with its path and the bad value.
 */
export function standardsOf(profile: CountryProfile): Standards {
  const cached = cache.get(profile.id);
  if (cached) return cached;
  const all = (profile.capabilityStandards ?? []).map((id) => readStandard(id));
  const byKind = new Map<string, CapabilityStandard>();
  for (const s of all) {
    for (const kind of s.facilityKinds) {
      if (!profile.facilityKinds.some((k) => k.id === kind))
        throw new Error(
          `Capability standard ${s.id}: kind ${kind} is not a facility kind of profile ${profile.id}`,
        );
      const other = byKind.get(kind);
      if (other) throw new Error(`Capability standards ${other.id} and ${s.id} both name kind ${kind}`);
      byKind.set(kind, s);
    }
  }
  const standards: Standards = { all, forKind: (kind) => byKind.get(kind), kinds: [...byKind.keys()] };
  cache.set(profile.id, standards);
  return standards;
}

function readStandard(id: string): CapabilityStandard {
  const file = path.join(STANDARD_DIR, `${id}.json`);
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Value.Check(CapabilityStandardSchema, data)) {
    const first = [...Value.Errors(CapabilityStandardSchema, data)][0];
    throw new Error(
      `Capability standard ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`,
    );
  }
  const standard = data as CapabilityStandard;
  if (standard.id !== id) throw new Error(`Capability standard ${file} has id ${standard.id}, not ${id}`);
  for (const list of ['services', 'equipment'] as const) {
    const seen = new Set<string>();
    for (const item of standard[list]) {
      if (seen.has(item.code))
        throw new Error(`Capability standard ${file}: ${list} code ${item.code} twice`);
      seen.add(item.code);
    }
  }
  return standard;
}

export type Item = CapabilityStandard['services'][number] | CapabilityStandard['equipment'][number];

/** The items a facility may declare: its standard's, or (a kind without one) those of every standard. */
export function itemsFor(
  standards: Standards,
  kind: string,
  list: 'services' | 'equipment',
): Map<string, Item> {
  const own = standards.forKind(kind);
  const items = new Map<string, Item>();
  for (const s of own ? [own] : standards.all)
    for (const i of s[list]) if (!items.has(i.code)) items.set(i.code, i);
  return items;
}
