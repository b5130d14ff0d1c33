import fs from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { CountryProfile } from '../../platform/profile.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import type { DueWindow, InvalidDose, ResidentFacts } from './facts.ts';
import { PROGRAMME_FAMILIES } from './families.ts';
import type { ProgrammeKind } from './programmes.enums.ts';
import type { ProgrammeFile, ProgrammeNames } from './protocol.schema.ts';

/**
 * A family of programmes evaluated by the same rules (immunization schedules; visit schedules):
 * its file schema, the checks a schema cannot say, and the pure evaluation of one resident.
 */
export interface ProgrammeFamily<P extends ProgrammeFile = ProgrammeFile> {
  kinds: readonly ProgrammeKind[];
  /** The whole file's schema (ProgrammeHeader spread in). */
  schema: TSchema;
  /** Problems the schema cannot see, each 'at <JSON pointer>: <what is wrong>'. */
  check(p: P): string[];
  /** Every version's items, each id once, for the web app's names and filters. */
  items(p: P): { id: string; names: ProgrammeNames }[];
  evaluate(facts: ResidentFacts, p: P): { windows: DueWindow[]; invalidDoses: InvalidDose[] };
}

const PROGRAMME_DIR = path.join(PROJECT_ROOT, 'protocols/programmes');

/**
 * Every programme file of a directory, checked: its family (by `kind`), the family's schema, the id
 * equal to the file name, the family's own checks. A bad file throws naming the file and the field,
 * so a broken schedule stops the start instead of computing wrong due dates.
 */
export function loadProgrammes(
  dir: string = PROGRAMME_DIR,
  families: readonly ProgrammeFamily[] = PROGRAMME_FAMILIES,
): Map<string, ProgrammeFile> {
  const byId = new Map<string, ProgrammeFile>();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const name of files.sort()) {
    const file = path.join(dir, name);
    const p = readProgrammeFile(file, families);
    if (p.id !== name.slice(0, -'.json'.length))
      throw new Error(`Programme file ${file}: id ${p.id} is not the file name`);
    byId.set(p.id, p);
  }
  return byId;
}

function readProgrammeFile(file: string, families: readonly ProgrammeFamily[]): ProgrammeFile {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Programme file ${file} is not JSON: ${(error as Error).message}`);
  }
  const kind = (data as { kind?: unknown } | null)?.kind;
  const family = families.find((f) => f.kinds.includes(kind as ProgrammeKind));
  if (!family)
    throw new Error(`Programme file ${file} is invalid at /kind: no rules for kind ${String(kind)}`);
  if (!Value.Check(family.schema, data)) {
    const first = [...Value.Errors(family.schema, data)][0];
    throw new Error(`Programme file ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const p = data as ProgrammeFile;
  const problems = family.check(p);
  if (problems.length > 0) throw new Error(`Programme file ${file} is invalid ${problems.join('; ')}`);
  familyByProgramme.set(p, family);
  return p;
}

const familyByProgramme = new WeakMap<ProgrammeFile, ProgrammeFamily>();

/** The family whose rules evaluate a loaded programme. */
export function familyOf(p: ProgrammeFile): ProgrammeFamily {
  const family = familyByProgramme.get(p);
  if (!family) throw new Error(`Programme ${p.id} was not loaded through loadProgrammes`);
  return family;
}

let cached: Map<string, ProgrammeFile> | undefined;

/** Every shipped programme file (protocols/programmes), read and checked once. */
export function programmes(): ReadonlyMap<string, ProgrammeFile> {
  cached ??= loadProgrammes();
  return cached;
}

/** The programmes a profile runs (its `programmes` key), in the profile's order. */
export function programmesOf(profile: CountryProfile): ProgrammeFile[] {
  const all = programmes();
  return (profile.programmes ?? []).map((id) => {
    const p = all.get(id);
    if (!p)
      throw new Error(
        `Profile ${profile.id} lists programme ${id}, which protocols/programmes does not hold`,
      );
    if (!p.profiles.includes(profile.id))
      throw new Error(
        `Profile ${profile.id} lists programme ${id}, whose file names profiles ${p.profiles.join(', ')}`,
      );
    return p;
  });
}

/** The start's check: every file valid and every programme the profile lists present and its own. */
export function checkProgrammes(profile: CountryProfile): void {
  programmesOf(profile);
}
