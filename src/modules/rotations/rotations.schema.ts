import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, SortOrder, Uuid } from '../../platform/schema.ts';
import { CALENDAR_ROLES, ROTATION_SESSIONS } from './rotations.enums.ts';

export const Session = Type.Enum(ROTATION_SESSIONS, {
  description: 'morning and afternoon do not overlap; day overlaps both',
});

export const RotationParams = Type.Object({ id: Uuid('The rotation id') });
export const FacilityCalendarParams = Type.Object({
  id: Type.String({ minLength: 1, description: 'Facility id or code' }),
});

const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Rotation = Type.Object({
  id: Type.String(),
  workerId: Type.String(),
  workerCode: Type.String(),
  workerName: Type.String(),
  homeFacility: FacilityBrief,
  hostFacility: FacilityBrief,
  startDate: Type.String(),
  endDate: Type.String(),
  weekdays: Type.Array(Type.Integer(), { description: 'ISO weekdays, 1 = Monday ... 7 = Sunday' }),
  dates: Type.Array(Type.String()),
  session: Session,
  note: Nullable(Type.String()),
  active: Type.Boolean(),
});
export type Rotation = Static<typeof Rotation>;

export const RotationPage = Page(Rotation);

export const RotationListQuery = Type.Object(
  {
    worker: Type.Optional(Uuid('Worker id')),
    facility: Type.Optional(
      Type.String({ minLength: 1, description: 'Facility id or code, as host or home' }),
    ),
    area: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code: host facility in its subtree' }),
    ),
    from: Type.Optional(IsoDate('Rotations whose period ends on or after this date')),
    to: Type.Optional(IsoDate('Rotations whose period starts on or before this date')),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RotationListQuery = Static<typeof RotationListQuery>;

const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
  maxItems: 7,
  uniqueItems: true,
  description: 'ISO weekdays, 1 = Monday ... 7 = Sunday',
});
const Dates = Type.Array(IsoDate(), {
  maxItems: 366,
  uniqueItems: true,
  description: 'Listed dates within the period',
});

export const CreateRotationBody = Type.Object(
  {
    workerId: Uuid('The rotating worker'),
    hostFacilityId: Type.Optional(Uuid('Where the sessions take place (or give hostFacilityCode)')),
    hostFacilityCode: Type.Optional(Type.String({ minLength: 1 })),
    homeFacilityId: Type.Optional(Uuid('Default: the facility of the worker assignment on startDate')),
    homeFacilityCode: Type.Optional(Type.String({ minLength: 1 })),
    startDate: IsoDate('First day of the period'),
    endDate: IsoDate('Last day of the period (at most one year)'),
    weekdays: Type.Optional(Weekdays),
    dates: Type.Optional(Dates),
    session: Type.Optional(Session),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateRotationBody = Static<typeof CreateRotationBody>;

export const UpdateRotationBody = Type.Object(
  {
    hostFacilityId: Type.Optional(Uuid()),
    hostFacilityCode: Type.Optional(Type.String({ minLength: 1 })),
    homeFacilityId: Type.Optional(Uuid()),
    homeFacilityCode: Type.Optional(Type.String({ minLength: 1 })),
    startDate: Type.Optional(IsoDate()),
    endDate: Type.Optional(IsoDate()),
    weekdays: Type.Optional(Weekdays),
    dates: Type.Optional(Dates),
    session: Type.Optional(Session),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRotationBody = Static<typeof UpdateRotationBody>;

export const CalendarQuery = Type.Object(
  {
    from: IsoDate('First day (inclusive)'),
    to: IsoDate('Last day (inclusive), at most 62 days after from'),
  },
  { additionalProperties: false },
);
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarDay = Type.Object({
  date: Type.String(),
  session: Session,
  workerId: Type.String(),
  workerName: Type.String(),
  role: Type.Enum(CALENDAR_ROLES, {
    description: 'host: the worker comes here; home: the worker is away at otherFacility',
  }),
  otherFacility: FacilityBrief,
  rotationId: Type.String(),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const FacilityCalendar = Type.Object({
  facility: FacilityBrief,
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(CalendarDay),
});
export type FacilityCalendar = Static<typeof FacilityCalendar>;
