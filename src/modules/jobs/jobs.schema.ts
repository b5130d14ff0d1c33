import Type, { type Static } from 'typebox';
import { Count, Nullable, Page, PageQuery, Uuid } from '../../platform/schema.ts';
import { JOB_STATES } from './jobs.enums.ts';

const Kind = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[a-z][a-z0-9_.-]*$',
  description: 'A registered job kind',
});

export const Job = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  payload: Type.Unknown(),
  state: Type.Enum(JOB_STATES),
  progress: Type.Object({ done: Count(), total: Nullable(Count()) }),
  attempts: Count(),
  maxAttempts: Count(),
  runAfter: Type.String({ description: 'An instant (ISO 8601)' }),
  leaseUntil: Nullable(Type.String()),
  error: Nullable(Type.String()),
  areaPath: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
export type Job = Static<typeof Job>;

export const JobList = Page(Job);
export type JobList = Static<typeof JobList>;

export const JobListQuery = Type.Object(
  { kind: Type.Optional(Kind), state: Type.Optional(Type.Enum(JOB_STATES)), ...PageQuery },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobParams = Type.Object({ id: Uuid('Job id') });
export type JobParams = Static<typeof JobParams>;

export const StartJobBody = Type.Object(
  {
    kind: Kind,
    payload: Type.Optional(
      Type.Object(
        {
          area: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 100,
              description: 'Area id or code the job works on (default: the whole scope)',
            }),
          ),
          asOf: Type.Optional(
            Type.String({ format: 'date', description: 'A date the job works on, YYYY-MM-DD' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type StartJobBody = Static<typeof StartJobBody>;

export const JobScheduleList = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      at: Type.String({ description: "The local time it runs at every day ('HH:MM')" }),
      timeZone: Type.String({ description: "The profile's time zone" }),
      next: Nullable(Job, {
        description: 'Its earliest run not yet ended (queued or running), if one is in your scope',
      }),
    }),
  ),
});
export type JobScheduleList = Static<typeof JobScheduleList>;
