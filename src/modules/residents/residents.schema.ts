import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, Uuid } from '../../platform/schema.ts';
import { SEXES } from '../../platform/sex.enums.ts';
import {
  BIRTH_PRECISIONS,
  RELATIONSHIPS,
  RESIDENT_STATUSES,
  STATUS_CHANGE_KINDS,
} from './residents.enums.ts';

export const SexSchema = Type.Enum(SEXES);
export const RelationshipSchema = Type.Enum(RELATIONSHIPS, {
  description: 'Relationship to the head of the household',
});
export const ResidentStatusSchema = Type.Enum(RESIDENT_STATUSES, {
  description: 'active, moved_away or deceased',
});
const AreaRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Household = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  address: Type.String(),
  area: AreaRef,
  areaPath: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  headResidentId: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const Resident = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  citizenId: Nullable(Type.String()),
  fullName: Type.String(),
  sex: Nullable(SexSchema),
  birthDate: Nullable(Type.String({ description: 'YYYY-MM-DD; null when only the year is known' })),
  birthYear: Nullable(Type.Integer()),
  birthDatePrecision: Type.Enum(BIRTH_PRECISIONS),
  ethnicity: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  language: Nullable(
    Type.String({
      description:
        "The language reminders are written in (of the profile's languages); null: the profile's locale",
    }),
  ),
  occupation: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  householdAddress: Nullable(
    Type.String({ description: "The household's address, to tell namesakes apart" }),
  ),
  relationshipToHead: Nullable(RelationshipSchema),
  registeredFacilityId: Nullable(Type.String()),
  area: AreaRef,
  areaPath: Type.String(),
  status: ResidentStatusSchema,
  statusDate: Nullable(Type.String()),
  mergedIntoId: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const HouseholdDetail = Type.Object({ ...Household.properties, members: Type.Array(Resident) });

export const StatusChange = Type.Object({
  kind: Type.Enum(STATUS_CHANGE_KINDS),
  status: ResidentStatusSchema,
  effectiveOn: Type.String(),
  reason: Nullable(Type.String()),
  fromAreaId: Nullable(Type.String()),
  toAreaId: Nullable(Type.String()),
  fromHouseholdId: Nullable(Type.String()),
  toHouseholdId: Nullable(Type.String()),
});

export const MergeInfo = Type.Object({
  id: Type.String(),
  survivorId: Type.String(),
  mergedId: Type.String(),
  reason: Nullable(Type.String()),
  mergedAt: Type.String(),
  undoneAt: Nullable(Type.String()),
});

export const ResidentDetail = Type.Object({
  ...Resident.properties,
  household: Nullable(Household),
  statusHistory: Type.Array(StatusChange, { description: 'Oldest first, moves included' }),
  merges: Type.Array(MergeInfo, { description: 'Merges this resident took part in' }),
});

export const IdParams = Type.Object({ id: Uuid() });

export const HouseholdListQuery = Type.Object(
  {
    area: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code: households in its subtree' }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Address or book number' })),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateHouseholdBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Household book number' })),
    address: Type.String({ minLength: 1, maxLength: 500 }),
    areaId: Type.Optional(Uuid()),
    areaCode: Type.Optional(Type.String({ minLength: 1 })),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  },
  { additionalProperties: false },
);

export const UpdateHouseholdBody = Type.Object(
  {
    code: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    headResidentId: Type.Optional(Nullable(Uuid())),
  },
  { additionalProperties: false },
);

export const ResidentListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Name (accents optional, misspellings ranked by similarity, a trailing year is the birth year), identity number, phone or code. Ranked, no cursor.',
      }),
    ),
    area: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code (a village, a commune ...): its subtree' }),
    ),
    birthYear: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2200 })),
    householdId: Type.Optional(Uuid()),
    status: Type.Optional(ResidentStatusSchema),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const residentFields = {
  code: Type.String({ minLength: 1, maxLength: 60, description: 'External id from the source register' }),
  citizenId: Type.String({ minLength: 1, maxLength: 40, description: 'Citizen identity number' }),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  sex: SexSchema,
  birthDate: Type.String({
    pattern: '^\\d{4}(-\\d{2}-\\d{2})?$',
    description: 'YYYY-MM-DD, or YYYY when only the year is known',
  }),
  ethnicity: Type.String({ maxLength: 100 }),
  phone: Type.String({ minLength: 3, maxLength: 30 }),
  language: Type.String({
    pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
    maxLength: 35,
    description:
      "A locale tag of the profile's languages (GET /api/profile: languages), e.g. vi-VN, en, zh-CN",
  }),
  occupation: Type.String({ maxLength: 200 }),
  registeredFacilityId: Uuid(),
  registeredFacilityCode: Type.String({ minLength: 1 }),
};

export const CreateResidentBody = Type.Object(
  {
    code: Type.Optional(residentFields.code),
    citizenId: Type.Optional(residentFields.citizenId),
    fullName: residentFields.fullName,
    sex: Type.Optional(residentFields.sex),
    birthDate: Type.Optional(residentFields.birthDate),
    ethnicity: Type.Optional(residentFields.ethnicity),
    phone: Type.Optional(residentFields.phone),
    language: Type.Optional(Nullable(residentFields.language)),
    occupation: Type.Optional(residentFields.occupation),
    householdId: Type.Optional(Uuid()),
    // A household registered with the person, in the same transaction; they head it unless
    // relationshipToHead says otherwise.
    newHousehold: Type.Optional(CreateHouseholdBody),
    relationshipToHead: Type.Optional(RelationshipSchema),
    areaId: Type.Optional(Uuid()),
    areaCode: Type.Optional(Type.String({ minLength: 1, description: 'Needed when not in a household' })),
    registeredFacilityId: Type.Optional(residentFields.registeredFacilityId),
    registeredFacilityCode: Type.Optional(residentFields.registeredFacilityCode),
  },
  { additionalProperties: false },
);

export const UpdateResidentBody = Type.Object(
  {
    code: Type.Optional(Nullable(residentFields.code)),
    citizenId: Type.Optional(Nullable(residentFields.citizenId)),
    fullName: Type.Optional(residentFields.fullName),
    sex: Type.Optional(Nullable(residentFields.sex)),
    birthDate: Type.Optional(Nullable(residentFields.birthDate)),
    ethnicity: Type.Optional(Nullable(residentFields.ethnicity)),
    phone: Type.Optional(Nullable(residentFields.phone)),
    language: Type.Optional(Nullable(residentFields.language)),
    occupation: Type.Optional(Nullable(residentFields.occupation)),
    relationshipToHead: Type.Optional(Nullable(RelationshipSchema)),
    registeredFacilityId: Type.Optional(Nullable(residentFields.registeredFacilityId)),
    householdId: Type.Optional(Type.Unknown({ description: 'Use POST /residents/:id/move' })),
    status: Type.Optional(Type.Unknown({ description: 'Use POST /residents/:id/status' })),
  },
  { additionalProperties: false },
);

export const StatusBody = Type.Object(
  {
    status: ResidentStatusSchema,
    effectiveOn: IsoDate(),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const MoveBody = Type.Object(
  {
    householdId: Type.Optional(Uuid()),
    newHousehold: Type.Optional(CreateHouseholdBody),
    relationshipToHead: Type.Optional(RelationshipSchema),
    effectiveOn: IsoDate(),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const DuplicatesQuery = Type.Object(
  {
    area: Type.String({ minLength: 1, description: 'Area id or code to look in (a commune or a district)' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const DuplicatePair = Type.Object({
  a: Resident,
  b: Resident,
  reason: Type.String(),
  nameSimilarity: Type.Number(),
});

export const MergeBody = Type.Object(
  { survivorId: Uuid(), duplicateId: Uuid(), reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const MergeResult = Type.Object({
  merge: MergeInfo,
  survivor: ResidentDetail,
  moved: Type.Record(Type.String(), Type.Integer(), { description: 'Records moved, by kind' }),
});

export const HouseholdPage = Page(Household);
export const ResidentPage = Page(Resident);

export type Household = Static<typeof Household>;
export type HouseholdDetail = Static<typeof HouseholdDetail>;
export type Resident = Static<typeof Resident>;
export type ResidentDetail = Static<typeof ResidentDetail>;
export type HouseholdListQuery = Static<typeof HouseholdListQuery>;
export type CreateHouseholdBody = Static<typeof CreateHouseholdBody>;
export type UpdateHouseholdBody = Static<typeof UpdateHouseholdBody>;
export type ResidentListQuery = Static<typeof ResidentListQuery>;
export type CreateResidentBody = Static<typeof CreateResidentBody>;
export type UpdateResidentBody = Static<typeof UpdateResidentBody>;
export type StatusBody = Static<typeof StatusBody>;
export type MoveBody = Static<typeof MoveBody>;
export type DuplicatePair = Static<typeof DuplicatePair>;
export type MergeBody = Static<typeof MergeBody>;
export type MergeResult = Static<typeof MergeResult>;
export type MergeInfo = Static<typeof MergeInfo>;
