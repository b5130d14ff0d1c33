import Type, { type Static } from 'typebox';
import { CAPABILITY_CODE_PATTERN, CAPABILITY_GROUPS } from '../../platform/profile.schema.ts';
import { Count, IsoDate, Nullable } from '../../platform/schema.ts';
import { EQUIPMENT_STATUSES } from './capabilities.enums.ts';

/** A client-made UUID v7 (records are made to sync: a resend with the same id is not a second record). */
const ClientId = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
  description:
    "The record's UUID v7, made by the client: the same id with the same body returns the stored record (200), with another body 409",
});
const Code = Type.String({
  pattern: CAPABILITY_CODE_PATTERN,
  description: "A code of the facility's standard",
});
const Text = (maxLength: number, description: string) =>
  Type.String({ minLength: 1, maxLength, description });

export const FacilityCapabilityParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'Facility id or code' }),
});
export type FacilityCapabilityParams = Static<typeof FacilityCapabilityParams>;

export const OnDateQuery = Type.Object(
  { date: Type.Optional(IsoDate('The date the declarations are read on (today if absent)')) },
  { additionalProperties: false },
);
export type OnDateQuery = Static<typeof OnDateQuery>;

const FacilityBrief = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});
const StandardBrief = Type.Object({ id: Type.String(), title: Type.String(), titleEn: Type.String() });
const ItemFields = {
  code: Type.String(),
  name: Type.String({ description: "In the profile's language" }),
  nameEn: Type.String(),
  group: Type.Enum(CAPABILITY_GROUPS),
  core: Type.Boolean(),
  expected: Type.Boolean({ description: "Part of the facility's standard (false: declared, outside it)" }),
};

export const RecordServiceBody = Type.Object(
  {
    id: Type.Optional(ClientId),
    serviceCode: Code,
    offered: Type.Boolean(),
    since: IsoDate('Offered (or not offered) since this date; not after today'),
    reason: Type.Optional(Text(500, 'Why the service is not offered (required when offered is false)')),
    note: Type.Optional(Text(1000, 'A note')),
  },
  { additionalProperties: false },
);
export type RecordServiceBody = Static<typeof RecordServiceBody>;

export const ServiceRecord = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  serviceCode: Type.String(),
  offered: Type.Boolean(),
  since: Type.String(),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedAt: Type.String({ description: 'When it was recorded (ISO instant)' }),
});
export type ServiceRecord = Static<typeof ServiceRecord>;

export const FacilityServices = Type.Object({
  facility: FacilityBrief,
  date: Type.String(),
  standard: Nullable(StandardBrief),
  services: Type.Array(Type.Object({ ...ItemFields, current: Nullable(ServiceRecord) })),
  history: Type.Array(ServiceRecord, { description: 'Every declaration, newest first' }),
});
export type FacilityServices = Static<typeof FacilityServices>;

export const RecordEquipmentBody = Type.Object(
  {
    id: Type.Optional(ClientId),
    itemCode: Code,
    asOf: IsoDate('The date of the count; not after today'),
    working: Count({ maximum: 10_000, description: 'Units that work' }),
    needsRepair: Count({ maximum: 10_000, description: 'Units that need repair' }),
    broken: Count({ maximum: 10_000, description: 'Units that are broken (beyond repair)' }),
    note: Type.Optional(Text(1000, 'A note')),
  },
  { additionalProperties: false },
);
export type RecordEquipmentBody = Static<typeof RecordEquipmentBody>;

export const EquipmentRecord = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  itemCode: Type.String(),
  asOf: Type.String(),
  working: Type.Integer(),
  needsRepair: Type.Integer(),
  broken: Type.Integer(),
  note: Nullable(Type.String()),
  recordedAt: Type.String(),
});
export type EquipmentRecord = Static<typeof EquipmentRecord>;

export const FacilityEquipment = Type.Object({
  facility: FacilityBrief,
  date: Type.String(),
  standard: Nullable(StandardBrief),
  equipment: Type.Array(
    Type.Object({
      ...ItemFields,
      minCount: Type.Integer({ description: 'Working units the standard expects' }),
      status: Type.Enum(EQUIPMENT_STATUSES),
      current: Nullable(EquipmentRecord),
    }),
  ),
  history: Type.Array(EquipmentRecord, { description: 'Every count, newest first' }),
});
export type FacilityEquipment = Static<typeof FacilityEquipment>;

const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
  description: 'Between 0 and 1; null when nothing is expected',
});
const Codes = Type.Array(Type.String());

export const StationGapSchema = Type.Object({
  standardId: Type.String(),
  services: Type.Object({
    expected: Type.Integer(),
    offered: Type.Integer(),
    share: Share,
    coreExpected: Type.Integer(),
    coreOffered: Type.Integer(),
    coreMissing: Codes,
    undeclared: Type.Integer(),
  }),
  equipment: Type.Object({
    expected: Type.Integer(),
    working: Type.Integer(),
    share: Share,
    missing: Codes,
    notWorking: Codes,
    short: Codes,
    coreLacking: Codes,
    unitsNeedingRepair: Type.Integer(),
    unitsBroken: Type.Integer(),
  }),
});

export const CapabilitiesQuery = Type.Object(
  {
    area: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Area id or code (a district, a province)',
    }),
    date: Type.Optional(IsoDate('The date (today if absent)')),
  },
  { additionalProperties: false },
);
export type CapabilitiesQuery = Static<typeof CapabilitiesQuery>;

const Count32 = Type.Integer({ minimum: 0 });

export const UnofferedVisits = Type.Object(
  {
    counted: Type.Boolean({
      description:
        'Whether the figure is counted from the visits recorded (the encounters module, services performed)',
    }),
    visits: Count32,
    services: Count32,
    from: Type.String(),
    to: Type.String(),
    meaning: Type.String(),
    byStation: Type.Array(Type.Object({ facilityId: Type.String(), visits: Count32, services: Count32 })),
    byService: Type.Array(Type.Object({ standardId: Type.String(), code: Type.String(), services: Count32 })),
  },
  {
    description:
      'Visits to a station in the 12 months to the date that performed a catalogue service mapped to a standard service the station had, on the day, declared not offered or not declared',
  },
);

const RollUpServices = Type.Object({
  expected: Count32,
  offered: Count32,
  share: Share,
  coreExpected: Count32,
  coreOffered: Count32,
  coreShare: Share,
  stationsMeetingCore: Count32,
  stationsWithUndeclared: Count32,
});

const RollUpEquipment = Type.Object({
  expected: Count32,
  working: Count32,
  share: Share,
  stationsLackingCore: Count32,
  stationsWithNotWorking: Count32,
  unitsNeedingRepair: Count32,
  unitsBroken: Count32,
});

export const CapabilitiesReport = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
  date: Type.String(),
  standards: Type.Array(
    Type.Object({
      ...StandardBrief.properties,
      facilityKinds: Codes,
      services: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          nameEn: Type.String(),
          group: Type.Enum(CAPABILITY_GROUPS),
          core: Type.Boolean(),
        }),
      ),
      equipment: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          nameEn: Type.String(),
          group: Type.Enum(CAPABILITY_GROUPS),
          core: Type.Boolean(),
        }),
      ),
    }),
  ),
  stations: Type.Array(
    Type.Object({
      facility: Type.Object({ ...FacilityBrief.properties, areaId: Type.String() }),
      gap: StationGapSchema,
    }),
  ),
  rollUp: Type.Object({
    stations: Count32,
    services: RollUpServices,
    equipment: RollUpEquipment,
    byGroup: Type.Array(
      Type.Object({ group: Type.Enum(CAPABILITY_GROUPS), expected: Count32, offered: Count32, share: Share }),
    ),
    byService: Type.Array(
      Type.Object({
        standardId: Type.String(),
        code: Type.String(),
        core: Type.Boolean(),
        stations: Count32,
        offering: Count32,
      }),
    ),
  }),
  parts: Type.Array(
    Type.Object({
      area: Type.Object({
        id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
      }),
      stations: Count32,
      services: RollUpServices,
      equipment: RollUpEquipment,
    }),
    {
      description:
        "Each part one level down (a province's districts, a district's communes); none for a commune",
    },
  ),
  unofferedVisits: UnofferedVisits,
});
export type CapabilitiesReport = Static<typeof CapabilitiesReport>;
