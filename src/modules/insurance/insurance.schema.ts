import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, Total } from '../../platform/schema.ts';
import { CARD_STATUSES, CARE_TYPES, VISIT_KINDS } from './insurance.enums.ts';

const CardStatus = Type.Enum(CARD_STATUSES);
const VisitKind = Type.Enum(VISIT_KINDS, {
  description: 'registered facility, referred, emergency, re-examination appointment, self-referred',
});

export { ResidentParams } from '../../platform/schema.ts';

/**
 * A card (VN: the number and its parts) or an enrolment in a scheme (CN: scheme and insured area,
 * a member number only when the profile has one); the profile decides which. The other format's
 * fields are null.
 */
export const InsuranceCard = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  cardNumber: Nullable(
    Type.String({ description: 'Card number; null for an enrolment keyed by citizen id' }),
  ),
  beneficiaryGroup: Nullable(Type.String()),
  benefitLevel: Nullable(Type.Integer()),
  provinceCode: Nullable(Type.String()),
  socialInsuranceNumber: Nullable(Type.String()),
  scheme: Nullable(Type.String({ description: "An enrolment's scheme (profile reimbursement schemes)" })),
  insuredAreaCode: Nullable(Type.String({ description: 'The area running the scheme of an enrolment' })),
  validFrom: Type.String(),
  validTo: Type.String(),
  registeredFacilityCode: Nullable(Type.String()),
  fiveYearsOn: Nullable(Type.String()),
  copayExemptFrom: Nullable(Type.String()),
  status: CardStatus,
});
export type InsuranceCard = Static<typeof InsuranceCard>;

export const CardList = Type.Object({ items: Type.Array(InsuranceCard) });

/**
 * The card in an eligibility answer: what the agency's lookup tells the counter, and nothing that opens
 * the holder's record (no resident id, no card row id): a check may cross the caller's scope.
 */
export const EligibilityCard = Type.Object({
  cardNumber: InsuranceCard.properties.cardNumber,
  beneficiaryGroup: InsuranceCard.properties.beneficiaryGroup,
  benefitLevel: InsuranceCard.properties.benefitLevel,
  provinceCode: InsuranceCard.properties.provinceCode,
  scheme: InsuranceCard.properties.scheme,
  insuredAreaCode: InsuranceCard.properties.insuredAreaCode,
  validFrom: Type.String(),
  validTo: Type.String(),
  registeredFacilityCode: InsuranceCard.properties.registeredFacilityCode,
  fiveYearsOn: InsuranceCard.properties.fiveYearsOn,
  copayExemptFrom: InsuranceCard.properties.copayExemptFrom,
  status: CardStatus,
  nameMatches: Nullable(
    Type.Boolean({ description: "Whether the name given is the holder's; null: none given" }),
  ),
  birthDateMatches: Nullable(
    Type.Boolean({ description: "Whether the birth date given is the holder's; null: none given" }),
  ),
});
export type EligibilityCard = Static<typeof EligibilityCard>;

export const CreateCardBody = Type.Object(
  {
    cardNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          "A card's number (VN: 15 characters, spaces allowed); an enrolment's member number only when the profile has one",
      }),
    ),
    scheme: Type.Optional(
      Type.String({ minLength: 1, description: "An enrolment's scheme (CN: employee, resident)" }),
    ),
    insuredArea: Type.Optional(
      Type.String({ minLength: 1, description: 'Id or code of the area running the scheme (an enrolment)' }),
    ),
    validFrom: IsoDate('First day of validity'),
    validTo: IsoDate('Last day of validity'),
    registeredFacilityCode: Type.Optional(
      Type.String({ minLength: 1, description: 'First-point facility code' }),
    ),
    fiveYearsOn: Type.Optional(IsoDate('The date five consecutive years of coverage are reached')),
    copayExemptFrom: Type.Optional(IsoDate('The date the co-payment exemption takes effect')),
    status: Type.Optional(CardStatus),
  },
  { additionalProperties: false },
);
export type CreateCardBody = Static<typeof CreateCardBody>;

export const FindCardsQuery = Type.Object(
  {
    number: Type.Optional(
      Type.String({ minLength: 1, description: 'Card number, or the 10-digit social insurance number' }),
    ),
    citizenId: Type.Optional(Type.String({ minLength: 1, description: 'Citizen identity number' })),
  },
  { additionalProperties: false },
);
export type FindCardsQuery = Static<typeof FindCardsQuery>;

export const EligibilityQuery = Type.Object(
  {
    card: Type.Optional(Type.String({ minLength: 1, description: 'Card number (or the 10-digit number)' })),
    citizenId: Type.Optional(Type.String({ minLength: 1, description: 'Citizen identity number' })),
    facility: Type.String({ minLength: 1, description: 'Facility id or code where the visit takes place' }),
    date: Type.Optional(IsoDate('The visit date (today by default)')),
    visitKind: Type.Optional(VisitKind),
    careType: Type.Optional(Type.Enum(CARE_TYPES)),
    cost: Type.Optional(
      // A visit's cost in the currency's units: far past any visit, short of where sums lose precision.
      Type.Number({ minimum: 0, maximum: 1e12, description: 'Cost of the visit covered by insurance' }),
    ),
    fullName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "The name as the person gives it; checked against the holder's (agency answer 060)",
      }),
    ),
    birthDate: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$',
        description: "YYYY-MM-DD or YYYY; checked against the holder's (agency answer 070)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type EligibilityQuery = Static<typeof EligibilityQuery>;

export const EligibilityAnswer = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Object({
    code: Type.String(),
    agencyCode: Type.Optional(
      Type.String({
        description:
          "The agency's lookup answer: 000 valid, 001/002 kept by the defence/police social security, 003/004 replaced card, 010 expired, 050 no card data, 051 wrong number, 052 wrong province code, 053 wrong benefit code, 060 wrong name, 070 wrong birth date, 110 withdrawn, 130 child under 6 without a card",
      }),
    ),
    message: Type.String({
      description:
        "An English sentence for logs and API clients. A reader's words come from the codes (reason.code, rule, routeRule, areaRule) and the figures (benefitPercent, deductible, ratioPercent, reimbursement), as the web app words them in each language",
    }),
  }),
  benefitPercent: Type.Number(),
  onRoute: Nullable(Type.Boolean()),
  rule: Type.String({
    description:
      'The rule that decided the answer and the benefit. A card: commune-station, off-route-rate, copay-exemption, low-cost, benefit-level (valid), card-number, card-withdrawn, card-not-yet-valid, card-expired, card-holder, card-on-file (refused). An enrolment: facility-level (valid, or no rate at the level), enrolment-on-file, enrolment-withdrawn, enrolment-not-yet-valid, enrolment-expired, insured-area',
  }),
  routeRule: Nullable(
    Type.String({
      description:
        'The rule that decided the route (cards): registered-facility, referral, emergency, re-examination, same-province-primary, self-referred',
    }),
  ),
  date: Type.String(),
  facility: Type.Object({
    code: Type.String(),
    kind: Type.String(),
    tier: Type.String(),
    careLevel: Type.Optional(
      Nullable(Type.String({ description: 'Its level of care, where the profile grades them' })),
    ),
  }),
  card: Nullable(EligibilityCard),
  scheme: Type.Optional(Nullable(Type.String({ description: "An enrolment's scheme" }))),
  areaRule: Type.Optional(
    Nullable(
      Type.String({
        description:
          'Why the place of the visit was accepted or not (enrolments): inside-insured-area, outside-covered, excepted-visit, outside-insured-area',
      }),
    ),
  ),
  deductible: Type.Optional(
    Nullable(Type.Number({ description: "The scheme's deductible at the facility's level (enrolments)" })),
  ),
  ratioPercent: Type.Optional(
    Type.Number({ description: 'Reimbursement ratio above the deductible at the level (enrolments)' }),
  ),
  reimbursement: Type.Optional(
    Nullable(
      Type.Object(
        {
          cost: Type.Number(),
          deductibleApplied: Type.Number(),
          reimbursed: Type.Number(),
          selfPaid: Type.Number(),
        },
        { description: 'The split of the visit cost, when given (deductible taken as unpaid this year)' },
      ),
    ),
  ),
});
export type EligibilityAnswerType = Static<typeof EligibilityAnswer>;

export const CoverageQuery = Type.Object(
  {
    area: Type.String({ minLength: 1, description: 'Area id or code' }),
    date: Type.Optional(IsoDate('Counted on this date (today by default)')),
    group: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,40}$',
        description: "Beneficiary group of the card (VN), or an enrolment's scheme (CN)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CoverageQuery = Static<typeof CoverageQuery>;

export const CoverageReport = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
  date: Type.String(),
  group: Nullable(Type.String()),
  insuredResidents: Type.Integer({ description: 'Active residents with an active card valid on the date' }),
  activeResidents: Type.Integer({
    description: 'Residents who lived in the area and were active on the date (by their status history)',
  }),
  coveragePercent: Nullable(Type.Number({ description: 'insured / active residents' })),
  byGroup: Type.Array(
    Type.Object({
      group: Type.String(),
      insuredResidents: Type.Integer(),
      coveragePercent: Nullable(Type.Number({ description: 'insured of the group / active residents' })),
    }),
    { description: 'The insured by the beneficiary group (or scheme) of the record valid on the date' },
  ),
  population: Type.Integer({ description: "The area's population figure for the year of the date" }),
  populationCoveragePercent: Nullable(Type.Number()),
  target: Nullable(
    Type.Object({ year: Type.Integer(), percent: Type.Number(), met: Nullable(Type.Boolean()) }),
  ),
  targets: Type.Array(Type.Object({ year: Type.Integer(), percent: Type.Number() })),
});
export type CoverageReportType = Static<typeof CoverageReport>;

const ExpiringWindow = {
  area: Type.String({ minLength: 1 }),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
  date: Type.Optional(IsoDate('Counted from this date (today by default)')),
};

export const ExpiringQuery = Type.Object(
  { ...ExpiringWindow, ...PageQuery },
  { additionalProperties: false },
);
export type ExpiringQuery = Static<typeof ExpiringQuery>;

/** The expiring list's count alone (a home page's figure): the same window, no page. */
export const ExpiringCountQuery = Type.Object(ExpiringWindow, { additionalProperties: false });
export type ExpiringCountQuery = Static<typeof ExpiringCountQuery>;

export const ExpiringCount = Type.Object({ from: Type.String(), to: Type.String(), total: Total });
export type ExpiringCountType = Static<typeof ExpiringCount>;

export const ExpiringItem = Type.Object({
  residentId: Type.String(),
  resident: Type.Object(
    {
      fullName: Type.String(),
      phone: Nullable(Type.String()),
      address: Nullable(Type.String({ description: "The household's address" })),
    },
    { description: 'Whom to remind, and how to reach them' },
  ),
  card: InsuranceCard,
  daysLeft: Type.Integer(),
});

/** One page of the expiring list, soonest first, with the window it covers. */
export const ExpiringList = Type.Object({
  from: Type.String(),
  to: Type.String(),
  ...Page(ExpiringItem).properties,
});
export type ExpiringListType = Static<typeof ExpiringList>;
