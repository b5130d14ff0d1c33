import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, ResidentRecordList, Uuid } from '../../platform/schema.ts';

/**
 * Every request and answer of /api/residents/:id/immunizations and /api/immunizations/:id/amendments,
 * declared once: the routes validate with them, the OpenAPI document shows them, the web app takes
 * its types from them. Each dose carries a client-supplied UUID v7 (a resend after a lost answer gets
 * the stored dose back; the same id with another body is a 409).
 */

/** The most a dose number may be (as written in a booklet; VN counts the HepB birth dose as 0). */
export const MAX_DOSE_NUMBER = 10;
export const MAX_LOT = 40;
export const MAX_PLACE = 200;

const Note = (description: string) => Type.String({ minLength: 1, maxLength: 1000, description });

export { ResidentParams } from '../../platform/schema.ts';
export const ImmunizationParams = Type.Object({ id: Uuid('The dose id') });
export type ImmunizationParams = Static<typeof ImmunizationParams>;

export const DoseInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the dose'),
    vaccine: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'A vaccine code of protocols/vaccines.json, e.g. BCG, HepB, DTaP-IPV-Hib-HepB',
    }),
    date: IsoDate('The day the dose was given (not after today, not before the birth date)'),
    doseNumber: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_DOSE_NUMBER,
        description:
          'The dose number as written (0 for the HepB birth dose in VN); the engine counts valid doses',
      }),
    ),
    lot: Type.Optional(
      Type.String({ minLength: 1, maxLength: MAX_LOT, description: 'The lot (batch) number' }),
    ),
    givenElsewhere: Type.Boolean({
      description:
        "true: given at another place (recorded from the child's booklet); false: given here, at the recording user's facility",
    }),
    place: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_PLACE,
        description: 'Where a dose given elsewhere was given, as written (only with givenElsewhere)',
      }),
    ),
    facilityId: Type.Optional(
      Uuid(
        "The facility that gave a dose given here, when the recording user's account has no facility (an administrator, a district)",
      ),
    ),
    note: Type.Optional(Note('Free text')),
  },
  { additionalProperties: false },
);
export type DoseInput = Static<typeof DoseInput>;

export const AmendImmunizationBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the amendment'),
    reason: Note('Why the dose is corrected'),
    retract: Type.Optional(
      Type.Literal(true, { description: 'Take the dose back (kept, marked retracted)' }),
    ),
    replaceWith: Type.Optional(DoseInput),
  },
  { additionalProperties: false, description: 'Either retract: true, or replaceWith: the corrected dose' },
);
export type AmendImmunizationBody = Static<typeof AmendImmunizationBody>;

const Names = Type.Object({ en: Type.String(), vi: Type.String(), zh: Type.String() });
const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Immunization = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  vaccine: Type.String(),
  vaccineNames: Names,
  date: Type.String({ description: 'YYYY-MM-DD' }),
  doseNumber: Nullable(Type.Integer()),
  lot: Nullable(Type.String()),
  givenElsewhere: Type.Boolean(),
  facility: Nullable(FacilityBrief, { description: 'The facility that gave it (null: given elsewhere)' }),
  place: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String({ description: 'The user who recorded it' })),
  recordedAt: Type.String({ format: 'date-time' }),
  amendmentId: Nullable(Type.String({ description: 'The amendment that added it as a correction' })),
  retractedBy: Nullable(Type.String({ description: 'The amendment that took it back; null: in force' })),
});
export type Immunization = Static<typeof Immunization>;

export const ImmunizationAmendment = Type.Object({
  id: Type.String(),
  immunizationId: Type.String(),
  reason: Type.String(),
  replacementId: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type ImmunizationAmendment = Static<typeof ImmunizationAmendment>;

export const ImmunizationList = ResidentRecordList(
  Immunization,
  ImmunizationAmendment,
  'Every dose, oldest first, the retracted ones included (retractedBy set)',
);
export type ImmunizationList = Static<typeof ImmunizationList>;

export const AmendmentAnswer = Type.Object({
  amendment: ImmunizationAmendment,
  retracted: Immunization,
  replacement: Nullable(Immunization),
});
export type AmendmentAnswer = Static<typeof AmendmentAnswer>;
