import Type, { type Static } from 'typebox';
import { PROGRAMME_KINDS } from './programmes.enums.ts';

/**
 * What every programme file (protocols/programmes/<id>.json) says about itself, whatever its family:
 * the family's file schema spreads these properties in and adds its schedule (`versions`, each with
 * an `effectiveFrom`, so a change of the national schedule is a new version, not an edit).
 */

export const ProgrammeNames = Type.Object(
  { en: Type.String({ minLength: 1 }), vi: Type.String({ minLength: 1 }), zh: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type ProgrammeNames = Static<typeof ProgrammeNames>;

export const PROGRAMME_ID_PATTERN = '^[a-z][a-z0-9-]{1,63}$';

export const ProgrammeHeader = {
  id: Type.String({ pattern: PROGRAMME_ID_PATTERN, description: 'Equals the file name without .json' }),
  kind: Type.Enum(PROGRAMME_KINDS),
  /** The profiles that may list it (`who` for the WHO defaults a profile may adopt). */
  profiles: Type.Array(Type.String({ pattern: '^[a-z]{2,8}$' }), { minItems: 1, uniqueItems: true }),
  names: ProgrammeNames,
  /** Where the schedule comes from: the circular, guideline or edition. */
  source: Type.String({ minLength: 1 }),
  note: Type.Optional(Type.String()),
};

const ProgrammeHeaderSchema = Type.Object(ProgrammeHeader);
/** The header's type: what the loader, the engine and the routes know of any programme. */
export type ProgrammeFile = Static<typeof ProgrammeHeaderSchema>;
