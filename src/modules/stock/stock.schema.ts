import Type, { type Static } from 'typebox';
import { Count, IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { ADJUSTMENT_REASONS, MOVEMENT_KINDS, OPERATION_KINDS, TRANSFER_STATUSES } from './stock.enums.ts';

/** One line's quantity: whole units, 1 to 1,000,000 (MAX_LINE_QUANTITY in stock.rules.ts). */
const Quantity = (description: string) => Type.Integer({ minimum: 1, maximum: 1_000_000, description });
const MAX_LINES = 200;

export const MovementKind = Type.Enum(MOVEMENT_KINDS);
export const AdjustmentReason = Type.Enum(ADJUSTMENT_REASONS, {
  description: 'damaged, expired and lost take units off the shelf; a count correction goes either way',
});
export const OperationKind = Type.Enum(OPERATION_KINDS);
export const TransferStatus = Type.Enum(TRANSFER_STATUSES);

const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const MedicineBrief = {
  medicineId: Type.String(),
  medicineCode: Type.String(),
  medicineName: Type.String(),
  unit: Type.String(),
};

export const Batch = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  ...MedicineBrief,
  batchNumber: Type.String(),
  expiryDate: Type.String(),
  supplier: Nullable(Type.String()),
  onHand: Type.Integer(),
  receivedOn: Type.String(),
  expired: Type.Boolean({ description: 'On or past its expiry date today: never dispensed' }),
});
export type Batch = Static<typeof Batch>;

export const Movement = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  batchId: Type.String(),
  ...MedicineBrief,
  batchNumber: Type.String(),
  expiryDate: Type.String(),
  kind: MovementKind,
  quantity: Type.Integer({ description: 'Signed: units onto the shelf are positive, units off it negative' }),
  balanceAfter: Type.Integer({ description: "The batch's balance after this movement" }),
  reason: Nullable(Type.String()),
  occurredOn: Type.String(),
  recordedAt: Type.String(),
  operationId: Nullable(Type.String()),
  transferId: Nullable(Type.String()),
  prescriptionId: Nullable(Type.String()),
  encounterId: Nullable(Type.String()),
});
export type Movement = Static<typeof Movement>;

/** A receipt, an adjustment, a count or a transfer's sending or receiving, with the movements it made. */
export const StockOperation = Type.Object({
  id: Type.String(),
  kind: OperationKind,
  facilityId: Type.String(),
  occurredOn: Type.String(),
  movements: Type.Array(Movement),
});
export type StockOperation = Static<typeof StockOperation>;

export const ReceiptBody = Type.Object(
  {
    id: Uuid(
      'Client-supplied UUID v7 of the receipt: a repeat with the same body answers the stored receipt',
    ),
    facilityId: Uuid('The facility whose shelf receives'),
    receivedOn: IsoDate('The day the goods arrived'),
    supplier: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    lines: Type.Array(
      Type.Object(
        {
          medicineId: Uuid('A medicine of the catalog'),
          batchNumber: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
          expiryDate: IsoDate('The expiry date printed on the batch'),
          quantity: Quantity('Units received'),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_LINES },
    ),
  },
  { additionalProperties: false },
);
export type ReceiptBody = Static<typeof ReceiptBody>;

export const AdjustmentBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the adjustment'),
    facilityId: Uuid(),
    on: IsoDate('The day of the adjustment'),
    reason: AdjustmentReason,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Array(
      Type.Object(
        {
          batchId: Uuid('A batch on this facility’s shelf'),
          quantity: Type.Integer({
            minimum: -1_000_000,
            maximum: 1_000_000,
            not: { const: 0 },
            description: 'Signed units: negative takes off the shelf (damaged, expired, lost)',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_LINES },
    ),
  },
  { additionalProperties: false },
);
export type AdjustmentBody = Static<typeof AdjustmentBody>;

export const CountBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the count'),
    facilityId: Uuid(),
    countedOn: IsoDate('The day of the physical count'),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Array(
      Type.Object(
        { batchId: Uuid('A batch on this facility’s shelf'), counted: Count({ maximum: 1_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_LINES },
    ),
  },
  { additionalProperties: false },
);
export type CountBody = Static<typeof CountBody>;

export const TransferBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the transfer'),
    fromFacilityId: Uuid('The sending facility (a district centre supplying its stations)'),
    toFacilityId: Uuid('The receiving facility'),
    sentOn: IsoDate(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Array(
      Type.Object(
        { medicineId: Uuid(), quantity: Quantity('Units sent, first expiry first out') },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_LINES },
    ),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const ReceiveTransferBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the receiving'),
    receivedOn: IsoDate(),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            line: Type.Integer({ minimum: 0, maximum: 10_000 }),
            quantityReceived: Count({ maximum: 1_000_000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000, description: 'What arrived per line, when less than was sent; omitted: all of it' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReceiveTransferBody = Static<typeof ReceiveTransferBody>;

export const Transfer = Type.Object({
  id: Type.String(),
  fromFacility: FacilityBrief,
  toFacility: FacilityBrief,
  status: TransferStatus,
  sentOn: Type.String(),
  receivedOn: Nullable(Type.String()),
  requisitionId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      ...MedicineBrief,
      batchNumber: Type.String(),
      expiryDate: Type.String(),
      quantitySent: Type.Integer(),
      quantityReceived: Nullable(Type.Integer()),
    }),
  ),
});
export type Transfer = Static<typeof Transfer>;

export const IdParams = Type.Object({ id: Uuid() });

export const FacilityQuery = Type.Object({ facility: Uuid('The facility') }, { additionalProperties: false });

export const MovementsQuery = Type.Object(
  {
    facility: Uuid('The facility'),
    medicine: Type.Optional(Uuid('Only this medicine')),
    from: Type.Optional(IsoDate()),
    to: Type.Optional(IsoDate()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type MovementsQuery = Static<typeof MovementsQuery>;

export const TransfersQuery = Type.Object(
  {
    facility: Uuid('Transfers sent or received by this facility'),
    status: Type.Optional(TransferStatus),
  },
  { additionalProperties: false },
);
export type TransfersQuery = Static<typeof TransfersQuery>;

export const OnHandLine = Type.Object({
  ...MedicineBrief,
  onHand: Type.Integer({ description: 'Usable units: batches not expired today' }),
  expired: Type.Integer({ description: 'Units in expired batches, awaiting an adjustment' }),
  batches: Type.Array(Batch),
});
export const OnHand = Type.Object({
  facilityId: Type.String(),
  on: Type.String(),
  lines: Type.Array(OnHandLine),
});
export type OnHand = Static<typeof OnHand>;
