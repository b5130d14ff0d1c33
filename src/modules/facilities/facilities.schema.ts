import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, SortBy, SortOrder, Uuid } from '../../platform/schema.ts';
import { CARE_LEVEL_SOURCES, FACILITY_STATUSES, OWNERSHIPS } from './facilities.enums.ts';

const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const OwnershipSchema = Type.Enum(OWNERSHIPS, { description: 'public, private, military or other' });
export const StatusSchema = Type.Enum(FACILITY_STATUSES, {
  description: 'open, temporarily_closed or closed',
});

export const CareLevelSourceSchema = Type.Enum(CARE_LEVEL_SOURCES, {
  description: "facility: classified on its own; kind: its kind's usual level",
});

export const FacilityRefSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Facility = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  tier: Type.String(),
  careLevel: Nullable(
    Type.String({
      description:
        "Level of care (a profile careLevels id): the facility's own classification, else its kind's usual level, else null",
    }),
  ),
  careLevelSource: Nullable(CareLevelSourceSchema),
  ownership: OwnershipSchema,
  areaId: Type.String(),
  areaCode: Type.String(),
  areaName: Type.String(),
  areaPath: Type.String(),
  managingFacility: Nullable(FacilityRefSchema),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  beds: Type.Integer(),
  services: Type.Array(Type.String()),
  status: StatusSchema,
  active: Type.Boolean(),
});

export const StatusChange = Type.Object({
  status: StatusSchema,
  effectiveOn: Type.String({ format: 'date' }),
  reason: Nullable(Type.String()),
});

export const FacilityDetail = Type.Object({
  ...Facility.properties,
  statusHistory: Type.Array(StatusChange, { description: 'Status changes, oldest first' }),
  manages: Type.Array(
    Type.Object({
      ...FacilityRefSchema.properties,
      kind: Type.String(),
      status: StatusSchema,
      active: Type.Boolean(),
    }),
    { description: 'Facilities this one manages' },
  ),
});

export const FacilityIdParams = Type.Object({ id: Uuid() });

export const FacilityListQuery = Type.Object(
  {
    kind: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { description: 'Facility kinds: repeat, or a comma list' }),
    ),
    tier: Type.Optional(Type.String({ minLength: 1 })),
    careLevel: Type.Optional(
      Type.String({
        minLength: 1,
        description: "Level of care: the facility's own, or its kind's when it has none of its own",
      }),
    ),
    ownership: Type.Optional(OwnershipSchema),
    status: Type.Optional(StatusSchema),
    area: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code: facilities in its subtree' }),
    ),
    managedBy: Type.Optional(Uuid('Managing facility id')),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Name or code, accents ignored' }),
    ),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    sort: SortBy(['code', 'name', 'beds']),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  kind: Type.String({ minLength: 1, description: 'A facility kind of the country profile' }),
  // minLength: with type coercion on, null would otherwise be read as '' by the string branch.
  careLevel: Type.String({
    minLength: 1,
    description:
      "The facility's own level of care (a profile careLevels id); on update, null clears it and the kind's level applies",
  }),
  ownership: OwnershipSchema,
  areaId: Uuid(),
  areaCode: Type.String({ minLength: 1 }),
  latitude: Nullable(Latitude),
  longitude: Nullable(Longitude),
  beds: Type.Integer({ minimum: 0, maximum: 100000 }),
  services: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 }),
};

export const CreateFacilityBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, description: 'Official code (profile pattern)' }),
    name: editable.name,
    kind: editable.kind,
    careLevel: Type.Optional(editable.careLevel),
    ownership: Type.Optional(editable.ownership),
    areaId: Type.Optional(editable.areaId),
    areaCode: Type.Optional(editable.areaCode),
    managingFacilityId: Type.Optional(Uuid()),
    managingFacilityCode: Type.Optional(Type.String({ minLength: 1 })),
    latitude: Type.Optional(editable.latitude),
    longitude: Type.Optional(editable.longitude),
    beds: Type.Optional(editable.beds),
    services: Type.Optional(editable.services),
    status: Type.Optional(StatusSchema),
  },
  { additionalProperties: false },
);

/** Everything but the code; the status changes through POST /:id/status so that history is kept. */
export const UpdateFacilityBody = Type.Object(
  {
    name: Type.Optional(editable.name),
    kind: Type.Optional(editable.kind),
    careLevel: Type.Optional(Nullable(editable.careLevel)),
    ownership: Type.Optional(editable.ownership),
    areaId: Type.Optional(editable.areaId),
    areaCode: Type.Optional(editable.areaCode),
    managingFacilityId: Type.Optional(Nullable(Uuid())),
    managingFacilityCode: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
    latitude: Type.Optional(editable.latitude),
    longitude: Type.Optional(editable.longitude),
    beds: Type.Optional(editable.beds),
    services: Type.Optional(editable.services),
    code: Type.Optional(Type.Unknown({ description: 'Cannot change' })),
    status: Type.Optional(Type.Unknown({ description: 'Use POST /facilities/:id/status' })),
  },
  { additionalProperties: false },
);

export const StatusChangeBody = Type.Object(
  {
    status: StatusSchema,
    effectiveOn: IsoDate(),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const FacilityPage = Page(Facility);

export type Facility = Static<typeof Facility>;
export type FacilityRef = Static<typeof FacilityRefSchema>;
export type FacilityDetail = Static<typeof FacilityDetail>;
export type FacilityListQuery = Static<typeof FacilityListQuery>;
export type CreateFacilityBody = Static<typeof CreateFacilityBody>;
export type UpdateFacilityBody = Static<typeof UpdateFacilityBody>;
export type StatusChangeBody = Static<typeof StatusChangeBody>;
