/**
 * The shape of a country profile (protocols/profiles/*.json), apart from its loading: pure, so the web
 * app takes its `CountryProfile` type from here (GET /api/profile answers exactly this).
 */
import Type, { type Static } from 'typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Percent = Type.Number({ minimum: 0, maximum: 100 });

/**
 * How citizen identity numbers are written and checked. `format` picks the checker in
 * residents/identity.rules.ts; `regionCodes` are the leading codes a real number can start with
 * (VN: the 3-digit province-of-birth code; CN: the 2-digit province of the 6-digit area code).
 */
export const CitizenIdSchema = Type.Object({
  format: Type.Union([Type.Literal('vn-cccd'), Type.Literal('cn-resident-id')]),
  label: Type.String(),
  regionCodes: Type.Array(Type.String({ pattern: '^\\d{2,3}$' }), { minItems: 1 }),
});

/** A card-number scheme: beneficiary groups and the benefit digit each one carries (VN BHYT). */
const InsuranceCardSchema = Type.Object({
  pattern: Type.String(),
  label: Type.String(),
  provinceCodes: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^\\d{2}$' }),
      label: Type.String(),
      keptElsewhere: Type.Optional(
        Type.Object(
          { agencyCode: Type.String({ pattern: '^\\d{3}$' }), note: Type.Optional(Type.String()) },
          {
            description:
              "Cards of this code are kept by another social security body (VN 97 defence, 98 police): the agency's answer for them",
          },
        ),
      ),
    }),
    { minItems: 1 },
  ),
  groups: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^[A-Z]{2}$' }),
      benefitLevel: Type.Integer(),
      label: Type.String(),
    }),
    { minItems: 1 },
  ),
  /**
   * A child under this age with no card is covered on birth papers or a citizen id, as the named group
   * (VN: under 6, group TE); the agency answers with its own code (130).
   */
  childWithoutCard: Type.Optional(
    Type.Object({
      underAgeYears: Type.Integer({ minimum: 1, maximum: 18 }),
      beneficiaryGroup: Type.String({ pattern: '^[A-Z]{2}$' }),
      agencyCode: Type.String({ pattern: '^\\d{3}$' }),
    }),
  ),
});

/**
 * Off-route rates (percent of the card's rate), in force from a date. A rate names a facility tier
 * (the old law's tuyến), a level of care (the amended law's cấp), or both (a level for facilities that
 * were of that tier before): the rate naming the most that the facility matches applies.
 */
const OffRouteScheduleSchema = Type.Object({
  from: IsoDate,
  note: Type.Optional(Type.String()),
  rates: Type.Array(
    Type.Object({
      tier: Type.Optional(Type.String()),
      careLevel: Type.Optional(Type.String()),
      outpatient: Percent,
      inpatient: Percent,
    }),
    { minItems: 1 },
  ),
});

/** Benefit rules at the point of care (VN): every figure an administrator may have to correct. */
const InsuranceBenefitSchema = Type.Object({
  /** The insurer's share by benefit level; a level may change on a date (`from`), the latest step applies. */
  levels: Type.Array(
    Type.Object({
      level: Type.Integer(),
      percent: Percent,
      from: Type.Optional(IsoDate),
      note: Type.Optional(Type.String()),
    }),
    { minItems: 1 },
  ),
  baseSalary: Type.Array(Type.Object({ from: IsoDate, amount: Type.Number({ exclusiveMinimum: 0 }) }), {
    minItems: 1,
  }),
  lowCostPercentOfBaseSalary: Percent,
  fullBenefitFacilityKinds: Type.Array(Type.String()),
  sameProvinceOnRouteTiers: Type.Array(Type.String()),
  /** The date those tiers opened within the province (VN: 2016-01-01, thông tuyến huyện); always, if absent. */
  sameProvinceOnRouteFrom: Type.Optional(IsoDate),
  offRouteRates: Type.Array(OffRouteScheduleSchema, { minItems: 1 }),
});

/** A basic medical insurance scheme (CN): deductible and reimbursement ratio by facility tier. */
const ReimbursementSchemeSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  levels: Type.Array(
    Type.Object({ tier: Type.String(), deductible: Type.Number({ minimum: 0 }), ratioPercent: Percent }),
    { minItems: 1 },
  ),
});

/**
 * An enrolment in a scheme (CN basic medical insurance): the scheme (one of `reimbursement.schemes`)
 * and the insured area that runs it (an area at one of `insuredAreaLevels`). `number` is given when
 * the scheme has its own member number; without it the citizen id is the key. A visit outside the
 * insured area is refused unless `outsideInsuredArea.covered` or the visit is of an excepted kind.
 */
const InsuranceEnrolmentSchema = Type.Object({
  label: Type.String(),
  insuredAreaLevels: Type.Array(Type.String(), { minItems: 1 }),
  number: Type.Optional(Type.Object({ pattern: Type.String(), label: Type.String() })),
  outsideInsuredArea: Type.Object({
    covered: Type.Boolean(),
    exceptVisitKinds: Type.Array(Type.String()),
    note: Type.Optional(Type.String()),
  }),
});

/**
 * The quarterly settlement with the insurer (module settlements): the amounts paid are rounded to
 * `decimals` (VN 0: whole đồng; CN 2: fen), and each quarter's advance is `percent` of the quarter
 * before's accepted amount (of its claimed amount while nothing is accepted yet, a first quarter, when
 * `whenNoneAccepted` says so), by the rule in force on the advance quarter's first day.
 */
const SettlementProfileSchema = Type.Object({
  decimals: Type.Integer({ minimum: 0, maximum: 2 }),
  advances: Type.Array(
    Type.Object({
      from: IsoDate,
      /** Two decimals at most (33.33 for a month of a quarter). */
      percent: Percent,
      whenNoneAccepted: Type.Union([Type.Literal('claimed'), Type.Literal('none')]),
      note: Type.Optional(Type.String()),
    }),
    { minItems: 1 },
  ),
});
export type SettlementProfile = Static<typeof SettlementProfileSchema>;

/**
 * The claims file the agency takes (claim-files module): the Decision 130 XML (VN) or the settlement
 * lines CSV (CN). A server exports and imports only its profile's format.
 */
export const CLAIM_FORMATS = ['decision-130-xml', 'cn-settlement-csv'] as const;
export type ClaimFormat = (typeof CLAIM_FORMATS)[number];

/**
 * The claims' checks (issue 23, claims/claims.checks.rules.ts): how long an outpatient visit may last,
 * and per catalogue item code the most a visit may claim and how often a resident may be claimed for it
 * (`count` within `days` days ending on the visit's date). Illustrative defaults an administrator
 * corrects.
 */
export const ClaimChecksProfileSchema = Type.Object({
  outpatientMaxHours: Type.Number({ exclusiveMinimum: 0, maximum: 72 }),
  items: Type.Array(
    Type.Object({
      code: Type.String({ minLength: 1 }),
      maxQuantity: Type.Optional(Type.Integer({ minimum: 1 })),
      frequency: Type.Optional(
        Type.Object({
          count: Type.Integer({ minimum: 1 }),
          days: Type.Integer({ minimum: 1, maximum: 366 }),
        }),
      ),
    }),
  ),
});

export const InsuranceProfileSchema = Type.Object({
  claimChecks: Type.Optional(ClaimChecksProfileSchema),
  coverageTargets: Type.Array(Type.Object({ year: Type.Integer(), percent: Percent })),
  claimFormat: Type.Optional(Type.Enum(CLAIM_FORMATS)),
  card: Type.Optional(InsuranceCardSchema),
  enrolment: Type.Optional(InsuranceEnrolmentSchema),
  benefit: Type.Optional(InsuranceBenefitSchema),
  reimbursement: Type.Optional(
    Type.Object({
      note: Type.Optional(Type.String()),
      schemes: Type.Array(ReimbursementSchemeSchema, { minItems: 1 }),
    }),
  ),
  settlement: Type.Optional(SettlementProfileSchema),
});

export type InsuranceProfile = Static<typeof InsuranceProfileSchema>;

/**
 * The medicines shelf (module stock): the average monthly consumption is taken over `amcMonths`
 * calendar months; a station orders when its months of stock falls below `minMonths`, up to
 * `maxMonths` (max-min); a batch expiring within `nearExpiryDays` is near expiry. A station's
 * supplier is its managing facility, else the nearest facility above it of one of `supplierKinds`.
 */
export const StockProfileSchema = Type.Object({
  amcMonths: Type.Integer({ minimum: 1, maximum: 24 }),
  minMonths: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
  maxMonths: Type.Number({ exclusiveMinimum: 0, maximum: 36 }),
  nearExpiryDays: Type.Integer({ minimum: 1, maximum: 730 }),
  supplierKinds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
});

/**
 * The catalogues in force (module catalog): ids of shipped files in protocols/catalogs/ or of
 * catalogues imported under that id. One database holds every shipped catalogue; a server reads and
 * imports into the ones its profile names. `levels` says which list of the profile the catalogue's
 * levels name (where insurance pays a medicine from, the lowest level allowed to perform a service):
 * `careLevels` (VN, Law 15/2023 levels of care) or `tiers` (CN, by facility level).
 */
export const CatalogsProfileSchema = Type.Object({
  diagnoses: Type.String({ minLength: 1 }),
  medicines: Type.String({ minLength: 1 }),
  services: Type.String({ minLength: 1 }),
  levels: Type.Union([Type.Literal('careLevels'), Type.Literal('tiers')]),
});

/**
 * The groups a standard's services and equipment are sorted in (what a district reads the gaps by).
 * One list for every country; a standard file uses the ones it needs.
 */
export const CAPABILITY_GROUPS = [
  'examination',
  'first_aid',
  'surgery',
  'maternal',
  'child',
  'immunization',
  'chronic_disease',
  'communicable_disease',
  'mental_health',
  'traditional_medicine',
  'rehabilitation',
  'lab',
  'imaging',
  'pharmacy',
  'public_health',
  'sterilisation',
  'transport',
  'information',
] as const;
export type CapabilityGroup = (typeof CAPABILITY_GROUPS)[number];

/** A code of a standard's service or equipment item: a group prefix and a number, e.g. `MAT-02`. */
export const CAPABILITY_CODE_PATTERN = '^[A-Z]{2,5}-[0-9]{2,3}$';

const CapabilityItemFields = {
  code: Type.String({ pattern: CAPABILITY_CODE_PATTERN }),
  /** The name in the profile's language (Vietnamese, Chinese). */
  name: Type.String({ minLength: 1 }),
  nameEn: Type.String({ minLength: 1 }),
  group: Type.Enum(CAPABILITY_GROUPS),
  /** Part of the basic (core) standard every facility of the kinds must meet; false: recommended. */
  core: Type.Boolean(),
};

/**
 * What the standard expects a facility of some kinds to offer and to have (protocols/capabilities/<id>.json,
 * named by the profile's `capabilityStandards`): VN the commune health station's services and
 * equipment under the national commune health criteria; CN the township health centre's and the
 * community health service centre's service capacity standard (2018), basic and recommended items.
 */
export const CapabilityStandardSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: Type.String({ minLength: 1 }),
  titleEn: Type.String({ minLength: 1 }),
  /** Where the list comes from (the documents it was written from), for whoever corrects it. */
  source: Type.String({ minLength: 1 }),
  facilityKinds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
  services: Type.Array(
    Type.Object({
      ...CapabilityItemFields,
      /**
       * The catalogue's service codes (catalog `service_item.code`) whose performance is this service:
       * a visit that performed one at a facility that does not offer this service is counted.
       */
      catalogServiceCodes: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    }),
    { minItems: 1 },
  ),
  equipment: Type.Array(
    Type.Object({
      ...CapabilityItemFields,
      /** How many working units the standard expects (1 unless said). */
      minCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    }),
    { minItems: 1 },
  ),
});
export type CapabilityStandard = Static<typeof CapabilityStandardSchema>;

/** The ways a reminder can leave (module reminders): each an adapter; sms, zalo and wechat are gateways. */
export const REMINDER_CHANNELS = ['webhook', 'file', 'sms', 'zalo', 'wechat'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/**
 * A country profile: what differs between countries is data (area levels, tiers, facility kinds,
 * cadres, qualifications, targets), never `if (country === 'VN')` branches.
 */
export const CountryProfileSchema = Type.Object({
  id: Type.String(),
  country: Type.String({ minLength: 2, maxLength: 2 }),
  name: Type.String(),
  locale: Type.String(),
  /**
   * The languages a resident may be written to in (reminders), as locale tags; the locale first.
   * Without it, only the locale.
   */
  languages: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$' }), {
      minItems: 1,
      uniqueItems: true,
    }),
  ),
  /**
   * The IANA time zone the country keeps (Asia/Ho_Chi_Minh, Asia/Shanghai): "today", day boundaries,
   * weeks and quarters are the country's, never UTC's (at 06:30 in Hanoi it is already today).
   */
  timeZone: Type.String({ minLength: 1 }),
  /**
   * The demo this profile loads into an empty database on a first start (a key of src/demo/demos.ts:
   * `khanh-hoa`, `xishui`); without one, or naming no known demo, the server says so and starts empty.
   */
  demo: Type.Optional(Type.String({ minLength: 1 })),
  /**
   * How the country's names may be typed at a counter search: `phonetic` names a romanisation of
   * their characters (`pinyin`: 李明 found by "li ming" or "liming"); `familyVariants` groups family
   * names written differently by region, as name keys (Vietnamese Vũ and Võ, Hoàng and Huỳnh).
   */
  names: Type.Optional(
    Type.Object({
      phonetic: Type.Optional(Type.Literal('pinyin')),
      familyVariants: Type.Optional(
        Type.Array(Type.Array(Type.String({ pattern: '^[a-z]+$' }), { minItems: 2 })),
      ),
    }),
  ),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  areaLevels: Type.Array(
    Type.Object({ id: Type.String(), codePattern: Type.String(), label: Type.String() }),
    {
      minItems: 1,
    },
  ),
  communeLevel: Type.String(),
  facilityCodePattern: Type.String(),
  facilityCodeHint: Type.String(),
  tiers: Type.Array(Type.Object({ id: Type.String(), rank: Type.Integer(), label: Type.String() }), {
    minItems: 1,
  }),
  /**
   * Levels of care (VN from 2025-07-01: primary, basic, specialised), where the country grades
   * facilities by level as well as by tier. A facility is classified on its own; its kind gives the
   * usual level.
   */
  careLevels: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), rank: Type.Integer(), label: Type.String() }), {
      minItems: 1,
    }),
  ),
  facilityKinds: Type.Array(
    Type.Object({
      id: Type.String(),
      tier: Type.String(),
      label: Type.String(),
      careLevel: Type.Optional(
        Type.String({ description: 'The level of care a facility of this kind usually has' }),
      ),
    }),
    { minItems: 1 },
  ),
  /**
   * The kinds of the grassroots facility that serves a commune-level area (`communeLevel`): VN the
   * commune health station; CN the township health centre in a town or township and the community
   * health service centre in a subdistrict (街道). Capacity counts a commune as served by one of these.
   */
  communeStationKinds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
  cadres: Type.Array(
    Type.Object({ id: Type.String(), label: Type.String(), isDoctor: Type.Optional(Type.Boolean()) }),
    { minItems: 1 },
  ),
  qualifications: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Integer(),
      label: Type.String(),
      bachelorOrAbove: Type.Boolean(),
    }),
    { minItems: 1 },
  ),
  capacityTargets: Type.Array(
    Type.Object({ year: Type.Integer(), bedsPer10k: Type.Number(), doctorsPer10k: Type.Number() }),
  ),
  citizenId: CitizenIdSchema,
  insurance: InsuranceProfileSchema,
  catalogs: Type.Optional(CatalogsProfileSchema),
  stock: Type.Optional(StockProfileSchema),
  /**
   * The standards of what a facility must offer and have, by facility kind: ids of the files in
   * protocols/capabilities/ (capabilities module). A kind no standard names has no expected list.
   */
  capabilityStandards: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { uniqueItems: true }),
  ),
  /**
   * Care records (module encounters): the unit an observation is entered and shown in where the
   * country writes it in another unit than protocols/observations.json stores (by LOINC code, e.g.
   * { "1558-6": "mg/dL" }); the unit must be one the kind accepts.
   */
  observationUnits: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,7}-[0-9]$' }), Type.String())),
  /**
   * Care programmes (module programmes): the ids of the files in protocols/programmes/ the profile
   * runs (its immunization schedule, antenatal and postnatal care, child health, hypertension,
   * diabetes, elderly care). Each file names the profiles that may list it; the start checks both.
   */
  programmes: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' }), { uniqueItems: true }),
  ),
  /**
   * Reminders to residents (module reminders): the quiet hours in the profile's time zone ('HH:MM';
   * `from` after `to` spans midnight) when nothing is sent, and the channels reminders go out on, in
   * order (each an adapter: webhook, file, or a gateway: sms, zalo, wechat).
   */
  reminders: Type.Optional(
    Type.Object({
      quietHours: Type.Optional(
        Type.Object({
          from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
          to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
        }),
      ),
      channels: Type.Array(Type.Enum(REMINDER_CHANNELS), { minItems: 1, uniqueItems: true }),
      /** The local time ('HH:MM') the daily plan of reminders runs at (default 07:00). */
      planAt: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
      /** An appointment is reminded of from this many days before its day (default 1: the day before). */
      appointmentDaysAhead: Type.Optional(Type.Integer({ minimum: 0, maximum: 14 })),
    }),
  ),
  /**
   * Programme figures (module programmes, figures.*): what "fully immunized by age 1" counts here, as
   * the doses of each antigen (an antigen of protocols/vaccines.json: a combination vaccine counts for
   * each of its antigens) a child has had before the first birthday.
   */
  programmeFigures: Type.Optional(
    Type.Object({
      fullyImmunizedByAge1: Type.Array(
        Type.Object({
          antigen: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
          doses: Type.Integer({ minimum: 1, maximum: 10 }),
        }),
        { minItems: 1 },
      ),
    }),
  ),
});

export type CountryProfile = Static<typeof CountryProfileSchema>;
