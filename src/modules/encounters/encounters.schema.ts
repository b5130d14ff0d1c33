import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, Uuid } from '../../platform/schema.ts';
import { CARE_TYPES, VISIT_KINDS } from '../insurance/insurance.enums.ts';
// The eligibility answer given at the opening of a visit is the insurance module's shape, stored as
// it was answered: one declaration (a schema file imports another's schema file, never its service).
import { EligibilityAnswer } from '../insurance/insurance.schema.ts';
import {
  BILL_LINE_COVERAGE,
  BILL_LINE_KINDS,
  BILL_METHODS,
  DIAGNOSIS_ROLES,
  DOSE_FREQUENCIES,
  ENCOUNTER_KINDS,
  ENCOUNTER_STATUSES,
  FLAG_KINDS,
  OBSERVATION_FLAGS,
  PROBLEM_STATUSES,
} from './encounters.enums.ts';

/**
 * Every request and answer of /api/encounters and /api/residents/:id/timeline, declared once: the
 * routes validate with them, the OpenAPI document shows them, and the web app takes its types from
 * them. Child records (observations, diagnoses, prescriptions, services) each carry a client-supplied
 * UUID v7, so a station that resends after a lost answer gets the stored record back instead of a
 * second one (the same id with a different body is a 409).
 */

export const EncounterKind = Type.Enum(ENCOUNTER_KINDS, {
  description: 'station-visit, home-visit, outreach-session, teleconsultation',
});
export const EncounterStatus = Type.Enum(ENCOUNTER_STATUSES, {
  description: 'open while recorded; closed once billed; amended: closed with at least one amendment',
});
export const DiagnosisRole = Type.Enum(DIAGNOSIS_ROLES, { description: 'One main diagnosis per visit' });
export const ProblemStatus = Type.Enum(PROBLEM_STATUSES);
export const DoseFrequency = Type.Enum(DOSE_FREQUENCIES, {
  description: 'How often a dose is taken; as-needed cannot be counted, so give its quantity',
});
export const ObservationFlag = Type.Enum(OBSERVATION_FLAGS);
export const FlagKind = Type.Enum(FLAG_KINDS);
export const BillLineKind = Type.Enum(BILL_LINE_KINDS);
export const BillLineCoverage = Type.Enum(BILL_LINE_COVERAGE, {
  description:
    'insured: split by the benefit rules; the resident pays the others in full: not-on-list, above-care-level (insured only at a higher level of care), no-price (no price in force: 0), not-eligible (no valid card or enrolment)',
});
export const BillMethod = Type.Enum(BILL_METHODS, {
  description:
    'benefit-percent: per line by the benefit percent (VN); deductible-ratio: over the visit by the scheme deductible and ratio (CN); uninsured',
});

const DateTime = (description: string) => Type.String({ format: 'date-time', description });
const Note = (description: string) => Type.String({ minLength: 1, maxLength: 1000, description });
/** A money amount in the profile's currency (two decimals at most, summed in cents). */
const Money = (description?: string) => Type.Number(description ? { description } : {});

const Names = Type.Object({ vi: Type.String(), zh: Type.String(), en: Type.String() });
const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const EncounterParams = Type.Object({ id: Uuid('The encounter id') });
export type EncounterParams = Static<typeof EncounterParams>;
export { ResidentParams } from '../../platform/schema.ts';
export const ProblemParams = Type.Object({ id: Uuid('The resident id'), problemId: Uuid('The problem id') });
export type ProblemParams = Static<typeof ProblemParams>;

// ---------------------------------------------------------------- observation kinds (data)

/** An observation the station records, as protocols/observations.json defines it. */
export const ObservationKind = Type.Object({
  code: Type.String({ description: 'LOINC code, e.g. 8480-6 (systolic blood pressure)' }),
  key: Type.String({
    description: 'A short name for programs and the web app: systolic, glucose-fasting, ...',
  }),
  unit: Type.String({
    description: 'The unit values are stored and answered in (UCUM), e.g. mm[Hg], mmol/L',
  }),
  displayUnit: Type.String({
    description: "The unit the profile's country writes it in (may differ from unit)",
  }),
  units: Type.Array(
    Type.Object({
      unit: Type.String(),
      factor: Type.Number({ description: 'value in unit = value in this unit × factor' }),
    }),
    { description: 'Every unit accepted, with its conversion to unit' },
  ),
  min: Type.Number({ description: 'Lowest plausible value (in unit); below is refused' }),
  max: Type.Number({ description: 'Highest plausible value (in unit); above is refused' }),
  alarmingLow: Nullable(Type.Number({ description: 'Below: accepted and flagged' })),
  alarmingHigh: Nullable(
    Type.Number({ description: 'At or above (or above, see alarmingHighExclusive): flagged' }),
  ),
  alarmingHighExclusive: Type.Boolean({
    description: 'true: flagged only above alarmingHigh (glucose > 16.7)',
  }),
  decimals: Type.Integer({ minimum: 0, maximum: 3 }),
  derived: Type.Boolean({
    description: 'Computed by the server (BMI from weight and height), never entered',
  }),
});
export type ObservationKind = Static<typeof ObservationKind>;
export const ObservationKinds = Type.Array(ObservationKind);

// ---------------------------------------------------------------- inputs of child records

export const ObservationInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the observation'),
    code: Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'LOINC code (GET /api/encounters/observation-kinds)',
    }),
    value: Type.Number({ minimum: -1e6, maximum: 1e6 }),
    unit: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 20,
        description: "The value's unit; the kind's display unit when omitted",
      }),
    ),
    observedAt: Type.Optional(DateTime('When it was measured; the visit start when omitted')),
  },
  { additionalProperties: false },
);
export type ObservationInput = Static<typeof ObservationInput>;

export const DiagnosisInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the diagnosis'),
    code: Type.String({
      minLength: 1,
      maxLength: 10,
      description: "ICD-10 code as written ('I10', 'E11.9'; 'e119' is read as E11.9)",
    }),
    role: Type.Optional(DiagnosisRole),
    onset: Type.Optional(IsoDate('Onset of a chronic problem (the visit date when omitted)')),
    note: Type.Optional(Note('Free text')),
  },
  { additionalProperties: false },
);
export type DiagnosisInput = Static<typeof DiagnosisInput>;

export const PrescriptionInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the prescription line'),
    medicineId: Uuid('Catalogue medicine'),
    dose: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1000,
      description: "Units of the medicine's unit per administration (0.5 = half a tablet)",
    }),
    frequency: DoseFrequency,
    durationDays: Type.Integer({
      minimum: 1,
      maximum: 90,
      description: 'Days of treatment (a long-term prescription: up to 90)',
    }),
    quantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: 'Units to dispense; computed from dose, frequency and duration when omitted',
      }),
    ),
    longTerm: Type.Optional(
      Type.Boolean({
        description: 'A long-term prescription for a stable chronic patient (more than 30 days, up to 90)',
      }),
    ),
    instructions: Type.Optional(Note('How to take it, as told to the resident')),
  },
  { additionalProperties: false },
);
export type PrescriptionInput = Static<typeof PrescriptionInput>;

export const ServiceInput = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the service line'),
    serviceItemId: Uuid('Catalogue service'),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    note: Type.Optional(Note('Free text')),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

/** The most records of each kind one request may carry. */
const MOST = { observations: 50, diagnoses: 20, prescriptions: 30, services: 30 } as const;

type ItemSchema = Parameters<typeof Type.Array>[0];
const Items = <T extends ItemSchema>(item: T, max: number) => Type.Array(item, { maxItems: max });

/** Each kind of record as an optional list (a visit opened with them, or records added to it). */
const recordLists = {
  observations: Type.Optional(Items(ObservationInput, MOST.observations)),
  diagnoses: Type.Optional(Items(DiagnosisInput, MOST.diagnoses)),
  prescriptions: Type.Optional(Items(PrescriptionInput, MOST.prescriptions)),
  services: Type.Optional(Items(ServiceInput, MOST.services)),
};

/** A body of one kind of record: `{ items }`, one at least. */
const ItemsBody = <T extends ItemSchema>(item: T, max: number) =>
  Type.Object({ items: Type.Array(item, { minItems: 1, maxItems: max }) }, { additionalProperties: false });

// ---------------------------------------------------------------- create, add, close, amend

export const CreateEncounterBody = Type.Object(
  {
    id: Type.Optional(Uuid('Client-supplied UUID v7 of the encounter (made by the server when omitted)')),
    residentId: Uuid('The resident seen'),
    facilityId: Uuid('Where the visit is recorded (a home visit: the station the worker belongs to)'),
    workerId: Type.Optional(Uuid("The health worker; the signed-in user's worker when omitted")),
    kind: EncounterKind,
    startedAt: Type.Optional(DateTime('Start of the visit; now when omitted')),
    reason: Type.Optional(Note('Reason for the visit, as the resident puts it')),
    insuranceCard: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 30,
        description: 'The card number shown (VN), checked at opening',
      }),
    ),
    citizenId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 30,
        description: 'The citizen id of an enrolment (CN), checked at opening',
      }),
    ),
    visitKind: Type.Optional(
      Type.Enum(VISIT_KINDS, { description: 'How the visitor came, for the route (registered by default)' }),
    ),
    careType: Type.Optional(Type.Enum(CARE_TYPES)),
    ...recordLists,
  },
  { additionalProperties: false },
);
export type CreateEncounterBody = Static<typeof CreateEncounterBody>;

/** Records added to an open visit (each list optional; at least one record). */
export const AddRecordsBody = Type.Object(
  {
    ...recordLists,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AddRecordsBody = Static<typeof AddRecordsBody>;

export const ObservationsBody = ItemsBody(ObservationInput, MOST.observations);
export type ObservationsBody = Static<typeof ObservationsBody>;
export const DiagnosesBody = ItemsBody(DiagnosisInput, MOST.diagnoses);
export type DiagnosesBody = Static<typeof DiagnosesBody>;
export const PrescriptionsBody = ItemsBody(PrescriptionInput, MOST.prescriptions);
export type PrescriptionsBody = Static<typeof PrescriptionsBody>;
export const ServicesBody = ItemsBody(ServiceInput, MOST.services);
export type ServicesBody = Static<typeof ServicesBody>;

export const CloseEncounterBody = Type.Object(
  {
    endedAt: Type.Optional(DateTime('End of the visit; now when omitted')),
    dispense: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          "Dispense every prescription line from the facility's shelf in the same transaction (needs stock.dispense); false: the resident buys them elsewhere",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CloseEncounterBody = Static<typeof CloseEncounterBody>;

const Retract = Type.Array(Uuid(), { maxItems: 50, uniqueItems: true });

/**
 * A correction of a closed visit: records added and records retracted (by id), with a reason. The
 * bill is priced again; retracted prescriptions that were dispensed go back to the shelf (a return
 * movement), added ones are dispensed when `dispense` is true.
 */
export const AmendEncounterBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the amendment'),
    reason: Note('Why the visit is corrected'),
    add: Type.Optional(AddRecordsBody),
    retract: Type.Optional(
      Type.Object(
        {
          observations: Type.Optional(Retract),
          diagnoses: Type.Optional(Retract),
          prescriptions: Type.Optional(Retract),
          services: Type.Optional(Retract),
        },
        { additionalProperties: false },
      ),
    ),
    dispense: Type.Optional(
      Type.Boolean({ default: true, description: 'Dispense added prescriptions (needs stock.dispense)' }),
    ),
  },
  { additionalProperties: false },
);
export type AmendEncounterBody = Static<typeof AmendEncounterBody>;

export const UpdateProblemBody = Type.Object(
  {
    status: ProblemStatus,
    resolvedOn: Type.Optional(IsoDate('When it resolved (today when omitted); only with status resolved')),
    note: Type.Optional(Note('Free text')),
  },
  { additionalProperties: false },
);
export type UpdateProblemBody = Static<typeof UpdateProblemBody>;

// ---------------------------------------------------------------- records as answered

/** Who added a record and whether an amendment took it back: the current view leaves out retracted ones. */
const History = {
  amendmentId: Nullable(
    Type.String({ description: 'The amendment that added it; null: recorded before closing' }),
  ),
  retractedBy: Nullable(Type.String({ description: 'The amendment that retracted it; null: in force' })),
};

export const Observation = Type.Object({
  id: Type.String(),
  code: Type.String(),
  key: Type.String(),
  value: Type.Number({ description: "In the kind's unit" }),
  unit: Type.String(),
  enteredValue: Type.Number({ description: 'As entered' }),
  enteredUnit: Type.String(),
  observedAt: Type.String(),
  flag: Nullable(ObservationFlag),
  derived: Type.Boolean({ description: 'Computed (BMI), not entered' }),
  ...History,
});
export type Observation = Static<typeof Observation>;

export const Diagnosis = Type.Object({
  id: Type.String(),
  code: Type.String(),
  names: Names,
  role: DiagnosisRole,
  chronic: Type.Boolean(),
  notifiable: Type.Boolean(),
  note: Nullable(Type.String()),
  problemId: Nullable(Type.String({ description: 'The problem-list entry a chronic diagnosis is on' })),
  ...History,
});
export type Diagnosis = Static<typeof Diagnosis>;

export const MedicineBrief = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  strength: Type.String(),
  dosageForm: Type.String(),
  unit: Type.String(),
});

export const Prescription = Type.Object({
  id: Type.String(),
  medicine: MedicineBrief,
  dose: Type.Number(),
  frequency: DoseFrequency,
  durationDays: Type.Integer(),
  quantity: Type.Integer(),
  quantityComputed: Type.Boolean({ description: 'true: computed from dose, frequency and duration' }),
  longTerm: Type.Boolean(),
  instructions: Nullable(Type.String()),
  dispensed: Type.Integer({ description: 'Units dispensed from the shelf (net of returns)' }),
  ...History,
});
export type Prescription = Static<typeof Prescription>;

export const ServiceLine = Type.Object({
  id: Type.String(),
  serviceItemId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  note: Nullable(Type.String()),
  ...History,
});
export type ServiceLine = Static<typeof ServiceLine>;

export const Flag = Type.Object({
  kind: FlagKind,
  encounterId: Type.String(),
  date: Type.String(),
  code: Type.String({ description: 'The LOINC code (observation) or ICD-10 code (diagnosis)' }),
  key: Nullable(Type.String({ description: "An observation's key (systolic, glucose-fasting ...)" })),
  value: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  flag: Nullable(ObservationFlag),
});
export type Flag = Static<typeof Flag>;

// ---------------------------------------------------------------- the bill

/** One priced line: THANH_TIEN_BV = insurancePays + coPayment + patientPays (Decision 130 tables 2, 3). */
export const BillLine = Type.Object({
  kind: BillLineKind,
  recordId: Type.String({ description: 'The prescription line or service line it prices' }),
  itemId: Type.String({ description: 'Catalogue medicine or service id' }),
  code: Type.String(),
  insuranceCode: Nullable(Type.String()),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  unitPrice: Money('The catalogue price in force on the visit date (0 when none)'),
  coverage: BillLineCoverage,
  hospitalAmount: Money('THANH_TIEN_BV: quantity × unit price'),
  insuredAmount: Money('THANH_TIEN_BH: the part within insurance scope'),
  insurancePays: Money('T_BHTT'),
  coPayment: Money('T_BNCCT'),
  patientPays: Money('T_BNTT: outside insurance scope'),
});
export type BillLine = Static<typeof BillLine>;

export const BillTotals = Type.Object({
  hospitalAmount: Money('T_TONGCHI_BV'),
  insuredAmount: Money('T_TONGCHI_BH'),
  insurancePays: Money(),
  coPayment: Money(),
  patientPays: Money(),
  residentPays: Money('coPayment + patientPays: what the resident pays at the desk'),
});
export type BillTotals = Static<typeof BillTotals>;

export const Bill = Type.Object({
  date: Type.String({ description: 'The visit date: prices and rules in force on it' }),
  currency: Type.String(),
  method: BillMethod,
  benefitPercent: Type.Number({
    description: 'MUC_HUONG as applied (VN; after the 15%-of-base-salary rule)',
  }),
  rule: Nullable(
    Type.String({
      description:
        'The benefit rule applied (commune-station, low-cost, benefit-level, off-route-rate, facility-level ...)',
    }),
  ),
  deductibleApplied: Nullable(Money('CN: the deductible taken from this visit')),
  ratioPercent: Nullable(Type.Number({ description: 'CN: the ratio above the deductible' })),
  lines: Type.Array(BillLine),
  totals: BillTotals,
  amendmentId: Nullable(Type.String({ description: 'The amendment that priced it again; null: at closing' })),
  pricedAt: Type.String(),
});
export type Bill = Static<typeof Bill>;

export const Amendment = Type.Object({
  id: Type.String(),
  reason: Type.String(),
  amendedAt: Type.String(),
  userId: Nullable(Type.String()),
  added: Type.Object({
    observations: Type.Array(Type.String()),
    diagnoses: Type.Array(Type.String()),
    prescriptions: Type.Array(Type.String()),
    services: Type.Array(Type.String()),
  }),
  retracted: Type.Object({
    observations: Type.Array(Type.String()),
    diagnoses: Type.Array(Type.String()),
    prescriptions: Type.Array(Type.String()),
    services: Type.Array(Type.String()),
  }),
});
export type Amendment = Static<typeof Amendment>;

// ---------------------------------------------------------------- the encounter

const EncounterCore = {
  id: Type.String(),
  residentId: Type.String(),
  facility: FacilityBrief,
  workerId: Nullable(Type.String()),
  kind: EncounterKind,
  status: EncounterStatus,
  date: Type.String({ description: "The visit's date in the country's time zone" }),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  reason: Nullable(Type.String()),
};

/**
 * A visit, its current view: the records in force (original and amendments' additions, less what
 * amendments retracted, which stay in `retracted`), the latest bill, and the amendments in order.
 */
export const Encounter = Type.Object({
  ...EncounterCore,
  insuranceCard: Nullable(Type.String({ description: 'The card number or citizen id shown at opening' })),
  eligibility: Nullable(EligibilityAnswer),
  observations: Type.Array(Observation),
  diagnoses: Type.Array(Diagnosis),
  prescriptions: Type.Array(Prescription),
  services: Type.Array(ServiceLine),
  retracted: Type.Object(
    {
      observations: Type.Array(Observation),
      diagnoses: Type.Array(Diagnosis),
      prescriptions: Type.Array(Prescription),
      services: Type.Array(ServiceLine),
    },
    { description: 'Records amendments took back (kept: nothing clinical is deleted)' },
  ),
  flags: Type.Array(Flag),
  bill: Nullable(Bill),
  bills: Type.Array(Bill, { description: 'Every bill in order (closing, then one per amendment)' }),
  amendments: Type.Array(Amendment),
  createdAt: Type.String(),
});
export type Encounter = Static<typeof Encounter>;

/** A visit in a list: no records, the main diagnosis and the flags' count. */
export const EncounterSummary = Type.Object({
  ...EncounterCore,
  mainDiagnosis: Nullable(Type.Object({ code: Type.String(), names: Names })),
  flagCount: Type.Integer(),
  residentPays: Nullable(Money('From the latest bill; null while open')),
});
export type EncounterSummary = Static<typeof EncounterSummary>;
export const EncounterPage = Page(EncounterSummary);

export const EncounterListQuery = Type.Object(
  {
    resident: Type.Optional(Uuid('Visits of this resident')),
    facility: Type.Optional(Uuid('Visits recorded at this facility')),
    from: Type.Optional(IsoDate('Visits on or after this date')),
    to: Type.Optional(IsoDate('Visits on or before this date')),
    status: Type.Optional(EncounterStatus),
    kind: Type.Optional(EncounterKind),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type EncounterListQuery = Static<typeof EncounterListQuery>;

// ---------------------------------------------------------------- the timeline

export const Problem = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  code: Type.String(),
  names: Names,
  status: ProblemStatus,
  onset: Type.String(),
  resolvedOn: Nullable(Type.String()),
  firstEncounterId: Nullable(Type.String()),
  lastSeenOn: Type.String({ description: 'The last visit that diagnosed it' }),
  note: Nullable(Type.String()),
});
export type Problem = Static<typeof Problem>;

export const BloodPressurePoint = Type.Object({
  encounterId: Type.String(),
  date: Type.String(),
  systolic: Nullable(Type.Number()),
  diastolic: Nullable(Type.Number()),
  flag: Nullable(ObservationFlag),
});
export const ValuePoint = Type.Object({
  encounterId: Type.String(),
  date: Type.String(),
  code: Type.String(),
  value: Type.Number(),
  flag: Nullable(ObservationFlag),
});

/** A medicine the resident takes now: the latest prescription of it whose course has not ended. */
export const CurrentMedicine = Type.Object({
  prescriptionId: Type.String(),
  encounterId: Type.String(),
  prescribedOn: Type.String(),
  endsOn: Type.String({ description: 'prescribedOn + durationDays - 1' }),
  medicine: MedicineBrief,
  dose: Type.Number(),
  frequency: DoseFrequency,
  durationDays: Type.Integer(),
  quantity: Type.Integer(),
  longTerm: Type.Boolean(),
});
export type CurrentMedicine = Static<typeof CurrentMedicine>;

/** A prescription of the last visit as a template for "same as last time": give each line a new id. */
export const PrescriptionTemplate = Type.Object({
  medicineId: Type.String(),
  medicine: MedicineBrief,
  dose: Type.Number(),
  frequency: DoseFrequency,
  durationDays: Type.Integer(),
  quantity: Type.Integer(),
  longTerm: Type.Boolean(),
  instructions: Nullable(Type.String()),
});
export type PrescriptionTemplate = Static<typeof PrescriptionTemplate>;

export const Timeline = Type.Object({
  residentId: Type.String(),
  visits: Type.Array(EncounterSummary, { description: 'Newest first, at most `limit`' }),
  visitCount: Type.Integer({ description: 'All visits of the resident in scope' }),
  series: Type.Object({
    bloodPressure: Type.Array(BloodPressurePoint),
    glucose: Type.Array(ValuePoint, {
      description: 'Fasting (1558-6), random (2339-0) and HbA1c (4548-4), in their kinds’ units',
    }),
    weight: Type.Array(ValuePoint),
  }),
  units: Type.Object({
    bloodPressure: Type.String(),
    glucose: Type.String(),
    hba1c: Type.String(),
    weight: Type.String(),
  }),
  lastObservations: Type.Array(Observation, { description: 'The latest value of each kind' }),
  problems: Type.Array(Problem),
  currentMedicines: Type.Array(CurrentMedicine),
  lastPrescriptions: Type.Object({
    encounterId: Nullable(Type.String()),
    date: Nullable(Type.String()),
    items: Type.Array(PrescriptionTemplate),
  }),
  flags: Type.Array(Flag, { description: 'Newest first' }),
});
export type Timeline = Static<typeof Timeline>;

export const TimelineQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 500,
        default: 50,
        description: 'Visits listed (the series cover all)',
      }),
    ),
    from: Type.Optional(IsoDate('Series and visits from this date')),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

export const ProblemList = Type.Array(Problem);

/**
 * "Same as last time": the last visit's prescriptions copied onto this open visit, one new
 * client-supplied id per line in the order of the timeline's `lastPrescriptions.items`.
 */
export const SameAsLastTimeBody = Type.Object(
  { ids: Type.Array(Uuid(), { minItems: 1, maxItems: 30, uniqueItems: true }) },
  { additionalProperties: false },
);
export type SameAsLastTimeBody = Static<typeof SameAsLastTimeBody>;
