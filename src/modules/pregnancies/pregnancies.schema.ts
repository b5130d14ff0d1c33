import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, ResidentRecordList, Uuid } from '../../platform/schema.ts';
import { PREGNANCY_OUTCOMES } from '../programmes/facts.ts';
import { DATED_BY, PREGNANCY_AMENDMENT_KINDS } from './pregnancies.enums.ts';

/**
 * Every request and answer of /api/residents/:id/pregnancies and /api/pregnancies/:id/..., declared
 * once: the routes validate with them, the OpenAPI document shows them, the web app takes its types
 * from them. A pregnancy carries a client-supplied UUID v7 (a resend after a lost answer gets the
 * stored episode back; the same id with another body is a 409).
 */

const Note = (description: string) => Type.String({ minLength: 1, maxLength: 1000, description });

export { ResidentParams } from '../../platform/schema.ts';
export const PregnancyParams = Type.Object({ id: Uuid('The pregnancy id') });
export type PregnancyParams = Static<typeof PregnancyParams>;

export const PregnancyOutcomeValue = Type.Enum(PREGNANCY_OUTCOMES, {
  description:
    'How the pregnancy ended: live-birth, stillbirth (from 22 weeks), miscarriage (before 22 weeks), abortion',
});

export const UltrasoundInput = Type.Object(
  {
    date: IsoDate('The day of the scan (not after today, not before the LMP)'),
    weeks: Type.Integer({
      minimum: 4,
      maximum: 44,
      description: 'Gestational age the scan measured: completed weeks',
    }),
    days: Type.Integer({ minimum: 0, maximum: 6, description: '... and days (0-6)' }),
  },
  {
    additionalProperties: false,
    description: 'An ultrasound dating: the scan and the gestational age it measured',
  },
);
export type UltrasoundInput = Static<typeof UltrasoundInput>;

export const PregnancyInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the pregnancy'),
    lmp: Type.Optional(IsoDate('First day of the last menstrual period (not after today, within 44 weeks)')),
    ultrasound: Type.Optional(UltrasoundInput),
    note: Type.Optional(Note('Free text')),
  },
  {
    additionalProperties: false,
    description:
      "An LMP, an ultrasound dating, or both (then the EDD is the ultrasound's when the two differ by more than its margin, ACOG; else the LMP's)",
  },
);
export type PregnancyInput = Static<typeof PregnancyInput>;

export const OutcomeInput = Type.Object(
  {
    outcome: PregnancyOutcomeValue,
    date: IsoDate('The day of the delivery or loss (after the LMP, not after today)'),
    note: Type.Optional(Note('Free text')),
  },
  { additionalProperties: false },
);
export type OutcomeInput = Static<typeof OutcomeInput>;

export const PregnancyCorrection = Type.Object(
  {
    lmp: Type.Optional(Nullable(IsoDate('The corrected LMP; null: not known'))),
    ultrasound: Type.Optional(
      Nullable(UltrasoundInput, { description: 'The corrected ultrasound dating; null: none' }),
    ),
    outcome: Type.Optional(
      Nullable(OutcomeInput, {
        description: 'The corrected outcome; null: recorded in error, the pregnancy is open again',
      }),
    ),
  },
  { additionalProperties: false, description: 'The values to correct; a field left out stays as it is' },
);
export type PregnancyCorrection = Static<typeof PregnancyCorrection>;

export const AmendPregnancyBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the amendment'),
    reason: Note('Why the pregnancy is corrected'),
    retract: Type.Optional(
      Type.Literal(true, {
        description: 'Take the pregnancy back: entered in error (kept, marked retracted)',
      }),
    ),
    correct: Type.Optional(PregnancyCorrection),
  },
  { additionalProperties: false, description: 'Either retract: true, or correct: the corrected values' },
);
export type AmendPregnancyBody = Static<typeof AmendPregnancyBody>;

const Ga = Type.Object({ weeks: Type.Integer(), days: Type.Integer() });
const Ultrasound = Type.Object({ date: Type.String(), weeks: Type.Integer(), days: Type.Integer() });

export const Pregnancy = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  lmp: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  ultrasound: Nullable(Ultrasound),
  datedBy: Type.Enum(DATED_BY, { description: 'What the EDD was computed from' }),
  edd: Type.String({ description: 'Expected delivery date, YYYY-MM-DD' }),
  open: Type.Boolean({ description: 'No outcome yet and not retracted' }),
  gestationalAge: Nullable(Ga, {
    description: 'Open: today; closed: on the outcome date; null when retracted',
  }),
  outcome: Nullable(PregnancyOutcomeValue),
  outcomeDate: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  outcomeRecordedBy: Nullable(Type.String()),
  outcomeRecordedAt: Nullable(Type.String({ format: 'date-time' })),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String({ description: 'The user who recorded it' })),
  recordedAt: Type.String({ format: 'date-time' }),
  retractedBy: Nullable(Type.String({ description: 'The amendment that took it back; null: in force' })),
});
export type Pregnancy = Static<typeof Pregnancy>;

const Values = Type.Object({
  lmp: Nullable(Type.String()),
  ultrasound: Nullable(Ultrasound),
  datedBy: Type.Enum(DATED_BY),
  edd: Type.String(),
  outcome: Nullable(PregnancyOutcomeValue),
  outcomeDate: Nullable(Type.String()),
  retracted: Type.Boolean(),
});

export const PregnancyAmendment = Type.Object({
  id: Type.String(),
  pregnancyId: Type.String(),
  kind: Type.Enum(PREGNANCY_AMENDMENT_KINDS),
  reason: Type.String(),
  before: Values,
  after: Values,
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type PregnancyAmendment = Static<typeof PregnancyAmendment>;

export const PregnancyList = ResidentRecordList(
  Pregnancy,
  PregnancyAmendment,
  'Every pregnancy, oldest first (by EDD), the retracted ones included (retractedBy set)',
);
export type PregnancyList = Static<typeof PregnancyList>;

export const PregnancyAmendmentAnswer = Type.Object({
  amendment: PregnancyAmendment,
  pregnancy: Pregnancy,
});
export type PregnancyAmendmentAnswer = Static<typeof PregnancyAmendmentAnswer>;
