import Type, { type Static } from 'typebox';
import { ProgrammeHeader, ProgrammeNames } from './protocol.schema.ts';

/**
 * The file of a childhood immunization programme (protocols/programmes/<id>.json, kind
 * 'immunization'): its schedule in versions by effective date, each a list of items (one dose each)
 * grouped in series. The rules (immunization.rules.ts) read it; check() finds what the schema cannot.
 */

/** A length of time: years, then months (calendar), then weeks and days, added to a date. */
const durationProperties = {
  years: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
  months: Type.Optional(Type.Integer({ minimum: 0, maximum: 360 })),
  weeks: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  days: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
const durationOf = (description: string) =>
  Type.Object(durationProperties, { additionalProperties: false, minProperties: 1, description });
export const Duration = durationOf('e.g. { "months": 2 } or { "days": 28 }');
export type DurationT = Static<typeof Duration>;

const Code = Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' });

export const ImmunizationItem = Type.Object(
  {
    id: Code,
    names: ProgrammeNames,
    series: Type.String({
      pattern: '^[a-z][a-z0-9-]{0,39}$',
      description: "The doses of a series count for its items in order ('dtp': penta-1, penta-2, ...)",
    }),
    track: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9-]{0,39}$',
        description:
          "Alternative schedules within a series (China's live or inactivated JE): the first dose's vaccine picks the track; with none given, the series' first track is shown",
      }),
    ),
    antigens: Type.Array(Code, {
      minItems: 1,
      description: 'What the dose protects against (protocols/vaccines.json antigens)',
    }),
    vaccines: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9-]{0,31}$' }), {
        minItems: 1,
        description:
          'The vaccines that count for it, when only some of those covering its antigens do; without it, every vaccine of protocols/vaccines.json covering all its antigens counts',
      }),
    ),
    age: durationOf('The recommended age: due from birth + age'),
    minAge: Type.Optional(durationOf('The minimum age (default: age)')),
    after: Type.Optional(Code),
    interval: Type.Optional(durationOf('Recommended time after `after` (default: minInterval)')),
    minInterval: Type.Optional(durationOf('Minimum time after `after`')),
    overdueFrom: Type.Optional(durationOf("The age from which it is late (China's completion deadlines)")),
    expiresAt: Type.Optional(durationOf('The age from which it is no longer given')),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ImmunizationVersion = Type.Object(
  {
    effectiveFrom: Type.String({ format: 'date' }),
    source: Type.String({ minLength: 1 }),
    note: Type.Optional(Type.String()),
    /** Late from dueFrom + this, unless an item gives its own `overdueFrom`. */
    overdueAfterDue: Duration,
    catchUpUntil: Type.Optional(
      durationOf(
        'The age from which a dose not given is no longer given (catch-up ends), unless the item has its own expiresAt',
      ),
    ),
    items: Type.Array(ImmunizationItem, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const ImmunizationProgrammeSchema = Type.Object(
  {
    ...ProgrammeHeader,
    kind: Type.Literal('immunization'),
    /** Live injectable vaccines not given the same day must be this far apart. */
    liveSpacing: Duration,
    versions: Type.Array(ImmunizationVersion, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ImmunizationProgramme = Static<typeof ImmunizationProgrammeSchema>;
export type ImmunizationItemT = Static<typeof ImmunizationItem>;
export type ImmunizationVersionT = Static<typeof ImmunizationVersion>;
