import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { StockFigureLine } from './figures.schema.ts';
import { REQUISITION_STATUSES } from './requisitions.enums.ts';

const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Units = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });

export const RequisitionStatus = Type.Enum(REQUISITION_STATUSES, {
  description: 'draft → sent → approved → shipped → received',
});

export const Requisition = Type.Object({
  id: Type.String(),
  facility: FacilityBrief,
  supplier: FacilityBrief,
  status: RequisitionStatus,
  createdOn: Type.String(),
  note: Nullable(Type.String()),
  transferId: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      medicineId: Type.String(),
      medicineCode: Type.String(),
      medicineName: Type.String(),
      unit: Type.String(),
      suggested: Type.Integer({ description: 'What max-min suggested when it was made' }),
      requested: Type.Integer(),
      approved: Nullable(Type.Integer()),
    }),
  ),
  events: Type.Array(
    Type.Object({
      from: Nullable(RequisitionStatus),
      to: RequisitionStatus,
      userId: Nullable(Type.String()),
      at: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
});
export type Requisition = Static<typeof Requisition>;

export const Suggestion = Type.Object({
  facility: FacilityBrief,
  supplier: Nullable(FacilityBrief),
  on: Type.String(),
  lines: Type.Array(StockFigureLine, { description: 'Every medicine with max-min suggesting an order' }),
});
export type Suggestion = Static<typeof Suggestion>;

export const CreateRequisitionBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7: a repeat with the same body answers the stored requisition'),
    facilityId: Uuid('The ordering station'),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          { medicineId: Uuid(), requested: Units('Units asked for') },
          { additionalProperties: false },
        ),
        { maxItems: 200, description: 'Omitted: every medicine max-min suggests, at the suggested quantity' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateRequisitionBody = Static<typeof CreateRequisitionBody>;

export const ApproveBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          { medicineId: Uuid(), approved: Units('Units granted') },
          { additionalProperties: false },
        ),
        { maxItems: 200, description: 'Omitted lines are approved as requested' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const ShipBody = Type.Object(
  { sentOn: Type.Optional(IsoDate('Default: today')), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ShipBody = Static<typeof ShipBody>;

export const ReceiveBody = Type.Object(
  {
    receivedOn: Type.Optional(IsoDate('Default: today')),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            line: Type.Integer({ minimum: 0, maximum: 10_000 }),
            quantityReceived: Units('What arrived on this transfer line'),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReceiveBody = Static<typeof ReceiveBody>;

export const SendBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type SendBody = Static<typeof SendBody>;

export const RequisitionsQuery = Type.Object(
  {
    facility: Type.Optional(Uuid('Requisitions this facility made or supplies')),
    area: Type.Optional(
      Type.String({ minLength: 1, maxLength: 60, description: 'Area id or code: stations inside it' }),
    ),
    status: Type.Optional(RequisitionStatus),
  },
  { additionalProperties: false },
);
export type RequisitionsQuery = Static<typeof RequisitionsQuery>;

export const RequisitionParams = Type.Object({ id: Uuid() });
