import Type, { type Static } from 'typebox';
import { Nullable, Page, PageQuery, Uuid } from '../../platform/schema.ts';
import {
  CLAIM_CHECK_OUTCOMES,
  CLAIM_CHECK_SIDES,
  CLAIM_FAILURE_CODES,
  CLAIM_LINE_KINDS,
  CLAIM_LINE_STATUSES,
  CLAIM_STATUSES,
} from './claims.enums.ts';

/**
 * Every request and answer of /api/claims, declared once: the routes validate with them, the OpenAPI
 * document shows them, the web app takes its types from them.
 */

export const ClaimStatus = Type.Enum(CLAIM_STATUSES, {
  description: 'draft, checked, submitted, accepted, partly-accepted, rejected, paid',
});
export const ClaimFailureCode = Type.Enum(CLAIM_FAILURE_CODES, {
  description: 'Why a check failed (openIMIS-style): one code per failure',
});
const Money = (description?: string) => Type.Number(description ? { description } : {});
const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const Quarter = Type.String({
  pattern: '^[0-9]{4}-Q[1-4]$',
  maxLength: 7,
  description: "A quarter: '2026-Q4'",
});
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const AreaOrFacility = (what: string) =>
  Type.String({ minLength: 1, maxLength: 64, description: `${what} id or code` });

export const ClaimParams = Type.Object({ id: Uuid('The claim id') });
export type ClaimParams = Static<typeof ClaimParams>;

export const ClaimFailure = Type.Object({
  code: ClaimFailureCode,
  lineNo: Nullable(Type.Integer()),
  field: Nullable(Type.String()),
  message: Type.String(),
});

export const ClaimCheck = Type.Object({
  id: Type.String(),
  billSeq: Type.Integer(),
  side: Type.Enum(CLAIM_CHECK_SIDES),
  outcome: Type.Enum(CLAIM_CHECK_OUTCOMES),
  failures: Type.Array(ClaimFailure),
  checkedAt: DateTime(),
  userId: Nullable(Type.String()),
});

export const ClaimEvent = Type.Object({
  id: Type.String(),
  fromStatus: Nullable(ClaimStatus),
  toStatus: ClaimStatus,
  reason: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  at: DateTime(),
});

export const ClaimLine = Type.Object({
  id: Type.String(),
  lineNo: Type.Integer(),
  billSeq: Type.Integer(),
  kind: Type.Enum(CLAIM_LINE_KINDS),
  billLineId: Type.String(),
  itemId: Type.String(),
  code: Type.String(),
  insuranceCode: Nullable(Type.String()),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  unitPrice: Money(),
  coverage: Type.String(),
  hospitalAmount: Money(),
  insuredAmount: Money(),
  insurancePays: Money(),
  coPayment: Money(),
  patientPays: Money(),
  status: Type.Enum(CLAIM_LINE_STATUSES),
  failure: Nullable(ClaimFailureCode),
});

const ClaimFields = {
  id: Type.String(),
  encounterId: Type.String(),
  residentId: Type.String(),
  facilityId: Type.String(),
  billId: Type.String(),
  billSeq: Type.Integer({
    description: 'The bill in force the claim was built from (0 at closing, then one per amendment)',
  }),
  visitDate: Type.String(),
  startedAt: DateTime(),
  endedAt: Nullable(DateTime()),
  quarter: Type.String(),
  cardNumber: Nullable(Type.String()),
  cardValidFrom: Nullable(Type.String()),
  cardValidTo: Nullable(Type.String()),
  registeredFacilityCode: Nullable(Type.String()),
  scheme: Nullable(Type.String({ description: "CN: the enrolment's scheme" })),
  benefitPercent: Type.Number(),
  onRoute: Nullable(Type.Boolean()),
  routeRule: Nullable(Type.String()),
  referralPaper: Nullable(Type.String()),
  visitKind: Type.String({
    description:
      'MA_DOITUONG_KCB: 1.1 registered facility, 1.2 same-province primary, 1.3 referred, 1.5 re-examination, 2 emergency, 3.x self-referred',
  }),
  careKind: Type.String({ description: 'MA_LOAI_KCB: 01 outpatient exam' }),
  mainDiagnosis: Nullable(Type.String()),
  otherDiagnoses: Type.Array(Type.String()),
  currency: Type.String(),
  hospitalAmount: Money(),
  insuredAmount: Money(),
  insurancePays: Money('What the claim asks of insurance'),
  coPayment: Money(),
  patientPays: Money(),
  status: ClaimStatus,
  failureCodes: Type.Array(ClaimFailureCode, { description: "The last check's failure codes" }),
  acceptedAmount: Nullable(Money('Of insurancePays, after review')),
  rejectedAmount: Nullable(Money()),
  checkedAt: Nullable(DateTime()),
  submittedAt: Nullable(DateTime()),
  reviewedAt: Nullable(DateTime()),
  paidAt: Nullable(DateTime()),
  settlementId: Nullable(Type.String()),
};

export const ClaimSummary = Type.Object({
  ...ClaimFields,
  lastCheck: Nullable(ClaimCheck),
});
export type ClaimSummary = Static<typeof ClaimSummary>;

export const Claim = Type.Object({
  ...ClaimFields,
  lines: Type.Array(ClaimLine, { description: 'The lines in force (of billSeq)' }),
  lastCheck: Nullable(ClaimCheck),
  checks: Type.Array(ClaimCheck, { description: 'Newest first' }),
  history: Type.Array(ClaimEvent, { description: 'Every status change, oldest first' }),
});
export type Claim = Static<typeof Claim>;

export const ClaimListQuery = Type.Object(
  {
    area: Type.Optional(AreaOrFacility('Area')),
    facility: Type.Optional(AreaOrFacility('Facility')),
    quarter: Type.Optional(Quarter),
    status: Type.Optional(ClaimStatus),
    failure: Type.Optional(ClaimFailureCode),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ClaimListQuery = Static<typeof ClaimListQuery>;
export const ClaimPage = Page(ClaimSummary);
export type ClaimPage = Static<typeof ClaimPage>;

export const CheckBody = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });
export type CheckBody = Static<typeof CheckBody>;

export const ReviewBody = Type.Object(
  {
    rejections: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineNo: Type.Integer({ minimum: 0, maximum: 100000 }),
            code: ClaimFailureCode,
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        { maxItems: 500, description: "The agency's own line rejections, each with its code and reason" },
      ),
    ),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const BatchCheckBody = Type.Object(
  {
    facility: Type.Optional(AreaOrFacility('Facility')),
    area: Type.Optional(AreaOrFacility('Area')),
    quarter: Quarter,
    submit: Type.Optional(
      Type.Boolean({ default: true, description: 'Submit the claims that pass (default true)' }),
    ),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type BatchCheckBody = Static<typeof BatchCheckBody>;

export const SummaryQuery = Type.Object(
  {
    area: Type.Optional(AreaOrFacility('Area')),
    facility: Type.Optional(AreaOrFacility('Facility')),
    quarter: Type.Optional(Quarter),
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

const Amounts = Type.Object({ count: Type.Integer(), amount: Money() });
export const ClaimsSummary = Type.Object({
  quarter: Nullable(Type.String()),
  currency: Type.String(),
  byStatus: Type.Array(
    Type.Object({ status: ClaimStatus, count: Type.Integer(), amount: Money('insurancePays') }),
  ),
  claimed: Amounts,
  accepted: Amounts,
  rejected: Amounts,
  rejectionsByCode: Type.Array(
    Type.Object({
      code: ClaimFailureCode,
      count: Type.Integer(),
      amount: Money('insurancePays of those claims'),
    }),
  ),
});
export type ClaimsSummary = Static<typeof ClaimsSummary>;
