import Type, { type Static } from 'typebox';
import { Count, Decimal, IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { CLAIM_STATUSES } from '../claims/claims.enums.ts';
import { ADVANCE_BASES, ADVANCE_SOURCES, SETTLEMENT_STATUSES } from './settlements.enums.ts';

/** A quarter as the claims carry it. */
export const Quarter = (description = "A quarter, e.g. '2026-Q4'") =>
  Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', maxLength: 7, description });

/** An amount in the profile's currency (two decimals at most); negative only where said (a balance). */
const Money = (description?: string) =>
  Type.Number({ minimum: -1e16, maximum: 1e16, ...(description ? { description } : {}) });

const AreaOrFacility = {
  area: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'An area id or code' })),
  facility: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A facility id or code' })),
};

export const SettlementParams = Type.Object({ id: Uuid('The settlement id') });
export type SettlementParams = Static<typeof SettlementParams>;

export const SettlementListQuery = Type.Object({
  quarter: Quarter(),
  ...AreaOrFacility,
});
export type SettlementListQuery = Static<typeof SettlementListQuery>;

const FacilityName = Type.Object({ id: Uuid(), code: Type.String(), name: Type.String() });

const Figures = {
  claimed: Money('Claimed: what insurance pays on the claims submitted'),
  accepted: Money('Accepted by the review'),
  rejected: Money('Rejected by the review'),
  advance: Money('The advance paid at the start of the quarter'),
  adjustments: Money("Corrections of signed quarters' claims landing here"),
  balance: Money('accepted + adjustments − advance, rounded to pay; negative: the facility owes back'),
  nextAdvance: Money("The next quarter's advance by the profile's rule"),
};

export const Settlement = Type.Object({
  id: Uuid(),
  facility: FacilityName,
  quarter: Quarter(),
  status: Type.Enum(SETTLEMENT_STATUSES),
  currency: Type.String(),
  counts: Type.Object({ claims: Count(), accepted: Count(), rejected: Count(), pending: Count() }),
  ...Figures,
  nextAdvanceBasis: Nullable(Type.Enum(ADVANCE_BASES)),
  jobId: Nullable(Uuid()),
  computedAt: Type.String({ format: 'date-time' }),
  signedBy: Nullable(Uuid()),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Settlement = Static<typeof Settlement>;

export const Advance = Type.Object({
  id: Uuid(),
  facilityId: Uuid(),
  quarter: Quarter(),
  amount: Money(),
  paidOn: IsoDate(),
  source: Type.Enum(ADVANCE_SOURCES),
  basis: Nullable(Type.Enum(ADVANCE_BASES)),
  base: Nullable(Money()),
  percent: Nullable(Type.Number()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type Advance = Static<typeof Advance>;

export const Adjustment = Type.Object({
  claimId: Uuid(),
  fromQuarter: Quarter(),
  amount: Money(),
  reason: Type.String(),
});
export type Adjustment = Static<typeof Adjustment>;

export const SettlementDetail = Type.Object({
  ...Settlement.properties,
  advanceDetail: Nullable(Advance),
  adjustmentItems: Type.Array(Adjustment),
});
export type SettlementDetail = Static<typeof SettlementDetail>;

/** An area's (or a facility's) quarter: the sum of its facilities' settlements and each facility's row. */
export const SettlementRollUp = Type.Object({
  quarter: Quarter(),
  area: Nullable(Type.Object({ id: Uuid(), code: Type.String(), name: Type.String() })),
  currency: Type.String(),
  totals: Type.Object({ ...Figures, facilities: Count(), signed: Count() }),
  items: Type.Array(Settlement),
});
export type SettlementRollUp = Static<typeof SettlementRollUp>;

export const StartRunBody = Type.Object({
  quarter: Quarter(),
  ...AreaOrFacility,
  idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type StartRunBody = Static<typeof StartRunBody>;

export const RunAnswer = Type.Object({
  jobId: Uuid('The job: GET /api/jobs/:id for its state and progress'),
  kind: Type.String(),
  state: Type.String(),
  quarter: Quarter(),
  facilityId: Nullable(Uuid()),
  areaPath: Type.String(),
});
export type RunAnswer = Static<typeof RunAnswer>;

export const RecordAdvanceBody = Type.Object({
  id: Uuid('A UUID v7 made by the client: the same advance again answers the stored one'),
  facility: Type.String({ minLength: 1, maxLength: 64, description: 'A facility id or code' }),
  quarter: Quarter(),
  amount: Decimal(14, 2, { description: "In the profile's currency, to its decimals (VN whole đồng)" }),
  paidOn: IsoDate('The day it was paid'),
});
export type RecordAdvanceBody = Static<typeof RecordAdvanceBody>;

/** One claim line of a reconciliation report. */
export const ReconciliationClaim = Type.Object({
  claimId: Uuid(),
  visitDate: IsoDate(),
  cardNumber: Nullable(Type.String()),
  scheme: Nullable(Type.String()),
  status: Type.Enum(CLAIM_STATUSES),
  claimed: Money(),
  accepted: Money(),
  rejected: Money(),
  settled: Money(
    'What this settlement pays for it (a signed one: what it paid); differs from accepted when the claim changed since',
  ),
});

/** A facility's quarter as the printable reconciliation page shows it, for an officer to sign off. */
export const Reconciliation = Type.Object({
  settlement: SettlementDetail,
  claims: Type.Array(ReconciliationClaim),
  /** The claims' sums as they stand now, and what the settlement pays for them (its accepted amount). */
  claimTotals: Type.Object({ claimed: Money(), accepted: Money(), rejected: Money(), settled: Money() }),
});
export type Reconciliation = Static<typeof Reconciliation>;
