import Type, { type Static } from 'typebox';
import { ProgrammeHeader, ProgrammeNames } from './protocol.schema.ts';

/**
 * The files of the visit-schedule family (protocols/programmes/*.json of kinds antenatal, postnatal,
 * child-health, hypertension, diabetes, elderly), declared once. Two shapes:
 * - a schedule of contacts anchored on a date (the pregnancy's start, the outcome of a birth, the
 *   birth of a child): each contact has a window of offsets from the anchor;
 * - a repeating follow-up (hypertension, diabetes, the yearly check of the elderly): the next one is
 *   due an interval after the last, shorter after an uncontrolled or dangerous reading.
 * What a visit counts for is data here too (`counts`), so the demo, the engine and the figures agree.
 */

export const SCHEDULE_KINDS = ['antenatal', 'postnatal', 'child-health'] as const;
export const REPEATING_KINDS = ['hypertension', 'diabetes', 'elderly'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export type RepeatingKind = (typeof REPEATING_KINDS)[number];

/** The pregnancy outcomes after which the postnatal schedule runs (PregnancyFact's outcomes). */
export const BIRTH_OUTCOMES = ['live-birth', 'stillbirth', 'miscarriage', 'abortion'] as const;

/**
 * A span of time from a date: years and months on the calendar (a 31st falls back to the month's last
 * day), then weeks and days: '13w', '28d', '3m', '4y', '1m21d'. Checked non-empty by check().
 */
export const Offset = Type.String({
  pattern: '^([0-9]+y)?([0-9]+m)?([0-9]+w)?([0-9]+d)?$',
  minLength: 2,
  maxLength: 20,
  description: "A span from a date: '13w', '28d', '3m', '4y', '1m21d' (years, months, weeks, days)",
});

const IcdPrefix = Type.String({
  pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$',
  description: "An ICD-10 code; it also matches the codes below it ('Z34' matches 'Z34.9')",
});
const Loinc = Type.String({
  pattern: '^[0-9]{1,7}-[0-9]$',
  description: 'A LOINC code of protocols/observations.json',
});
const ItemId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });
const IsoDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/** What makes a visit count for the programme: any of the criteria given (at least one). */
export const VisitCounts = Type.Object(
  {
    anyDiagnosis: Type.Optional(Type.Array(IcdPrefix, { minItems: 1 })),
    anyObservation: Type.Optional(Type.Array(Loinc, { minItems: 1 })),
    allObservations: Type.Optional(Type.Array(Loinc, { minItems: 1 })),
    anyVisit: Type.Optional(Type.Literal(true, { description: 'Any visit in the window counts' })),
  },
  { additionalProperties: false },
);
export type VisitCounts = Static<typeof VisitCounts>;

/**
 * One contact of a schedule. Its window, from the anchor: it may be done (and is due) from `from`, is
 * overdue from `until` on, and is no longer due (expired) from `expires` on; a contact after the
 * episode's end (a pregnancy that ended earlier) is not scheduled.
 */
export const Contact = Type.Object(
  {
    id: ItemId,
    names: ProgrammeNames,
    from: Offset,
    until: Offset,
    expires: Offset,
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

export const ScheduleVersion = Type.Object(
  {
    effectiveFrom: IsoDay,
    /** Postnatal: the outcomes after which it runs. */
    afterOutcomes: Type.Optional(Type.Array(Type.Enum(BIRTH_OUTCOMES), { minItems: 1, uniqueItems: true })),
    counts: VisitCounts,
    contacts: Type.Array(Contact, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ScheduleVersion = Static<typeof ScheduleVersion>;

export const ScheduleFile = Type.Object(
  {
    ...ProgrammeHeader,
    kind: Type.Enum(SCHEDULE_KINDS),
    versions: Type.Array(ScheduleVersion, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ScheduleFile = Static<typeof ScheduleFile>;

/** A reading's bounds: it matches when any of the listed observations, taken at the visit, is at or beyond its bound. */
export const ReadingLevel = Type.Object(
  {
    id: ItemId,
    atLeast: Type.Optional(Type.Record(Loinc, Type.Number(), { additionalProperties: false })),
    atMost: Type.Optional(Type.Record(Loinc, Type.Number(), { additionalProperties: false })),
    /** The next follow-up after a visit at this level. */
    interval: Offset,
  },
  { additionalProperties: false },
);
export type ReadingLevel = Static<typeof ReadingLevel>;

export const RepeatingVersion = Type.Object(
  {
    effectiveFrom: IsoDay,
    item: Type.Object({ id: ItemId, names: ProgrammeNames }, { additionalProperties: false }),
    /** Who is followed: an active problem with one of these codes, and/or from this age on. */
    members: Type.Object(
      {
        problems: Type.Optional(Type.Array(IcdPrefix, { minItems: 1 })),
        fromAge: Type.Optional(Offset),
      },
      { additionalProperties: false },
    ),
    counts: VisitCounts,
    /** The next follow-up after a visit whose readings match no level (controlled). */
    interval: Offset,
    /** Checked in order, the first matching the visit's readings sets the next interval. */
    levels: Type.Array(ReadingLevel),
    /** Days after its due date a follow-up is overdue. */
    graceDays: Type.Integer({ minimum: 0, maximum: 366 }),
  },
  { additionalProperties: false },
);
export type RepeatingVersion = Static<typeof RepeatingVersion>;

export const RepeatingFile = Type.Object(
  {
    ...ProgrammeHeader,
    kind: Type.Enum(REPEATING_KINDS),
    versions: Type.Array(RepeatingVersion, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type RepeatingFile = Static<typeof RepeatingFile>;

export type VisitScheduleFile = ScheduleFile | RepeatingFile;

/**
 * Every file of the family, its shape chosen by its kind. Written as two if/else rather than a union
 * (whose first error would be the other shape's `kind`) or if/then (TypeBox reports only "must match
 * then"): a bad file's first error names its own field.
 */
const repeatingKind = { properties: { kind: { enum: [...REPEATING_KINDS] } }, required: ['kind'] };
export const VisitScheduleFile = Type.Unsafe<VisitScheduleFile>({
  allOf: [
    { if: repeatingKind, else: ScheduleFile },
    { if: { not: repeatingKind }, else: RepeatingFile },
  ],
});
