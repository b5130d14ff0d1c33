import Type, { type Static } from 'typebox';
import {
  Decimal,
  IsoDate,
  Nullable,
  Page,
  PageQuery,
  SortBy,
  SortOrder,
  Uuid,
} from '../../platform/schema.ts';
import { SEXES } from '../../platform/sex.enums.ts';

export const Sex = Type.Enum(SEXES);

export const WorkerParams = Type.Object({ id: Uuid('The worker id') });

export const AssignmentSummary = Type.Object({
  facilityId: Type.String(),
  facilityCode: Type.String(),
  facilityName: Type.String(),
  position: Nullable(Type.String()),
  startDate: Type.String(),
});

export const Worker = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Staff number, unique' }),
  fullName: Type.String(),
  sex: Nullable(Sex),
  birthDate: Nullable(Type.String()),
  cadre: Type.String(),
  qualification: Type.String(),
  licenceNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  currentAssignment: Nullable(AssignmentSummary),
});
export type Worker = Static<typeof Worker>;

export const Assignment = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  facilityCode: Type.String(),
  facilityName: Type.String(),
  position: Nullable(Type.String()),
  startDate: Type.String(),
  endDate: Nullable(Type.String({ description: 'null: until further notice' })),
});
export type Assignment = Static<typeof Assignment>;

export const TrainingRecord = Type.Object({
  id: Type.String(),
  course: Type.String(),
  provider: Nullable(Type.String()),
  kind: Type.String(),
  hours: Nullable(Type.Number()),
  credits: Nullable(Type.Number()),
  completedOn: Type.String(),
  certificateNumber: Nullable(Type.String()),
});
export type TrainingRecord = Static<typeof TrainingRecord>;

export const WorkerDetail = Type.Intersect([
  Worker,
  Type.Object({ assignments: Type.Array(Assignment), training: Type.Array(TrainingRecord) }),
]);
export type WorkerDetail = Static<typeof WorkerDetail>;

export const WorkerPage = Page(Worker);

export const WorkerListQuery = Type.Object(
  {
    facility: Type.Optional(
      Type.String({ minLength: 1, description: 'Facility id or code: workers assigned there on `on`' }),
    ),
    area: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code: workers assigned in its subtree on `on`' }),
    ),
    on: Type.Optional(
      IsoDate('The date the assignment filters and currentAssignment refer to; default today'),
    ),
    cadre: Type.Optional(Type.String({ minLength: 1 })),
    qualification: Type.Optional(Type.String({ minLength: 1 })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Part of the name (accents ignored) or start of the code',
      }),
    ),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    sort: SortBy(['code', 'name']),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type WorkerListQuery = Static<typeof WorkerListQuery>;

const FacilityRef = {
  facilityId: Type.Optional(Uuid('The facility id (or give facilityCode)')),
  facilityCode: Type.Optional(
    Type.String({ minLength: 1, description: 'The facility code (or give facilityId)' }),
  ),
};

export const FirstAssignmentBody = Type.Object(
  {
    ...FacilityRef,
    position: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    startDate: IsoDate('First day at the facility'),
  },
  { additionalProperties: false },
);

export const AssignmentBody = Type.Object(
  {
    ...FacilityRef,
    position: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    startDate: IsoDate('First day at the facility'),
    endDate: Type.Optional(IsoDate('Last day; omit for until further notice')),
  },
  { additionalProperties: false },
);
export type AssignmentBody = Static<typeof AssignmentBody>;

const WorkerFields = {
  code: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  fullName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  sex: Nullable(Sex),
  birthDate: Nullable(IsoDate()),
  cadre: Type.String({ minLength: 1 }),
  qualification: Type.String({ minLength: 1 }),
  licenceNumber: Nullable(Type.String({ maxLength: 100 })),
  phone: Nullable(Type.String({ maxLength: 30, pattern: '^[0-9+() .-]*$' })),
};

export const CreateWorkerBody = Type.Object(
  {
    code: WorkerFields.code,
    fullName: WorkerFields.fullName,
    sex: Type.Optional(WorkerFields.sex),
    birthDate: Type.Optional(WorkerFields.birthDate),
    cadre: WorkerFields.cadre,
    qualification: WorkerFields.qualification,
    licenceNumber: Type.Optional(WorkerFields.licenceNumber),
    phone: Type.Optional(WorkerFields.phone),
    assignment: Type.Optional(FirstAssignmentBody),
  },
  { additionalProperties: false },
);
export type CreateWorkerBody = Static<typeof CreateWorkerBody>;

export const UpdateWorkerBody = Type.Object(
  {
    code: Type.Optional(WorkerFields.code),
    fullName: Type.Optional(WorkerFields.fullName),
    sex: Type.Optional(WorkerFields.sex),
    birthDate: Type.Optional(WorkerFields.birthDate),
    cadre: Type.Optional(WorkerFields.cadre),
    qualification: Type.Optional(WorkerFields.qualification),
    licenceNumber: Type.Optional(WorkerFields.licenceNumber),
    phone: Type.Optional(WorkerFields.phone),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWorkerBody = Static<typeof UpdateWorkerBody>;

export const DeactivateWorkerBody = Type.Object(
  { endDate: Type.Optional(IsoDate('Last working day; default today')) },
  { additionalProperties: false },
);
export type DeactivateWorkerBody = Static<typeof DeactivateWorkerBody>;

export const TrainingBody = Type.Object(
  {
    course: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    provider: Type.Optional(Type.String({ maxLength: 300 })),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 50, default: 'continuing_education' })),
    hours: Type.Optional(Decimal(7, 1, { description: 'Hours of training; hours or credits is required' })),
    credits: Type.Optional(Decimal(7, 1, { description: 'Credits earned; hours or credits is required' })),
    completedOn: IsoDate('Completion date, not in the future'),
    certificateNumber: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type TrainingBody = Static<typeof TrainingBody>;

export const TrainingList = Type.Object({ items: Type.Array(TrainingRecord) });
