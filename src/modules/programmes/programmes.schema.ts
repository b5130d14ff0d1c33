import Type, { type Static } from 'typebox';
import { Count, IsoDate, Nullable, PageQuery, Total, Uuid } from '../../platform/schema.ts';
import { DUE_STATES, INVALID_DOSE_REASONS } from './facts.ts';
import { OUTREACH_OUTCOMES, PROGRAMME_KINDS, WORKLIST_STATES } from './programmes.enums.ts';

/**
 * Every request and answer of /api/programmes, /api/worklists and /api/residents/:id/due, declared
 * once: the routes validate with them, the OpenAPI document shows them, and the web app takes its
 * types from them. A worklist is read from the stored due windows (programme_due), so any day's list
 * needs no recompute: the state of a window on `asOf` is read from its dates.
 */

export const ProgrammeKind = Type.Enum(PROGRAMME_KINDS);
export const DueState = Type.Enum(DUE_STATES, {
  description:
    'upcoming before dueFrom; due from it; overdue after overdueAfter; expired from expiresOn; done',
});
export const OutreachOutcome = Type.Enum(OUTREACH_OUTCOMES, {
  description:
    'will-come: rescheduled to comeOn; refused: the item is closed; not-reachable, wrong-number: it stays (the attempt shows on the row); moved-away, died: the registry records it and nothing is due',
});

const Names = Type.Object({ en: Type.String(), vi: Type.String(), zh: Type.String() });
const ProgrammeId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "A programme id of the profile's protocols",
});
const ItemId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "An item id of the programme's schedule",
});

/** GET /api/programmes: the profile's programmes with their items, for the web app's names and filters. */
export const ProgrammeItemBrief = Type.Object({
  id: Type.String(),
  names: Names,
  vaccines: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'A vaccination item: the vaccine codes (protocols/vaccines.json) a dose of which counts for it',
    }),
  ),
});
export const ProgrammeBrief = Type.Object({
  id: Type.String(),
  kind: ProgrammeKind,
  names: Names,
  source: Type.String({ description: 'Where the schedule comes from (circular, guideline)' }),
  items: Type.Array(ProgrammeItemBrief),
});
export type ProgrammeBrief = Static<typeof ProgrammeBrief>;
export const ProgrammeList = Type.Object({ programmes: Type.Array(ProgrammeBrief) });
export type ProgrammeList = Static<typeof ProgrammeList>;

export { WORKLIST_STATES, type WorklistState } from './programmes.enums.ts';

export const WorklistQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate("The day the list is for (today in the profile's time zone if absent)")),
    programme: Type.Optional(ProgrammeId),
    kind: Type.Optional(ProgrammeKind),
    area: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "Area id or code: a village (or commune) inside the caller's scope",
      }),
    ),
    state: Type.Optional(Type.Enum(WORKLIST_STATES, { description: 'due or overdue (both if absent)' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type WorklistQuery = Static<typeof WorklistQuery>;

export const LastBp = Type.Object({
  systolic: Type.Number(),
  diastolic: Type.Number(),
  on: Type.String({ description: 'The visit date of the reading' }),
});

export const LastAttempt = Type.Object({
  outcome: OutreachOutcome,
  at: Type.String({ description: 'When it was recorded (ISO instant)' }),
  note: Nullable(Type.String()),
});

export const WorklistRow = Type.Object({
  /** The row's key for the page cursor: the due window's id. */
  id: Type.String(),
  residentId: Type.String(),
  fullName: Type.String(),
  phone: Nullable(
    Type.String({
      description:
        "The number to call: a child's guardian's (under 16), else the resident's, else the guardian's",
    }),
  ),
  phoneOf: Nullable(
    Type.Object(
      { residentId: Type.String(), fullName: Type.String() },
      {
        description:
          "Whose number phone is when not the resident's: the household's head, else its oldest adult with a phone",
      },
    ),
  ),
  village: Nullable(Type.String({ description: "The name of the resident's area" })),
  age: Nullable(Type.Integer({ minimum: 0, description: 'Whole years on asOf' })),
  ageMonths: Nullable(Type.Integer({ minimum: 0, description: 'Whole months on asOf (for children)' })),
  programmeId: Type.String(),
  kind: ProgrammeKind,
  itemId: Type.String(),
  episodeId: Nullable(Type.String()),
  dueFrom: Type.String(),
  overdueAfter: Nullable(Type.String()),
  state: Type.Enum(WORKLIST_STATES),
  daysOverdue: Type.Integer({ minimum: 0, description: 'Days past overdueAfter on asOf (0 when due)' }),
  priority: Type.Integer({ minimum: 1, maximum: 4, description: '1 = call first ... 4 = last' }),
  lastBp: Nullable(LastBp),
  lastAttempt: Nullable(LastAttempt),
});
export type WorklistRow = Static<typeof WorklistRow>;

const DueOverdue = Type.Object({ due: Count(), overdue: Count() });
export const WorklistCounts = Type.Object({
  byKind: Type.Record(ProgrammeKind, DueOverdue, { description: 'Due and overdue items per programme kind' }),
  total: Count({ description: 'Every listed item (due and overdue) under the filters but the kind' }),
});

export const Worklist = Type.Object({
  asOf: Type.String(),
  items: Type.Array(WorklistRow),
  nextCursor: Nullable(Type.String(), {
    description: 'Pass as cursor for the next page; null on the last page',
  }),
  total: Total,
  counts: WorklistCounts,
});
export type Worklist = Static<typeof Worklist>;

/** GET /api/residents/:id/due */
export const ResidentDueParams = Type.Object({ id: Uuid('The resident id') });
export type ResidentDueParams = Static<typeof ResidentDueParams>;
/**
 * How far ahead /due lists upcoming items by default: about a year after asOf. Every resident holds
 * windows decades ahead (the check-ups from 65), which say nothing about a child's next year.
 */
export const UPCOMING_HORIZON_DAYS = 366;
/** The longest horizon a caller may ask for (five years and a leap day). */
export const MAX_UPCOMING_HORIZON_DAYS = 1827;
export const ResidentDueQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate("The day (today in the profile's time zone if absent)")),
    horizonDays: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_UPCOMING_HORIZON_DAYS,
        description: `Upcoming items are those due from asOf + 1 to asOf + horizonDays (default ${UPCOMING_HORIZON_DAYS}); later ones are left out`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type ResidentDueQuery = Static<typeof ResidentDueQuery>;

export const DueItem = Type.Object({
  programmeId: Type.String(),
  kind: ProgrammeKind,
  itemId: Type.String(),
  episodeId: Nullable(Type.String()),
  dueFrom: Type.String(),
  earliestOn: Type.String(),
  overdueAfter: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
  doneBy: Nullable(Type.String({ description: 'The dose or visit that fulfilled it' })),
  /** Rescheduled by a will-come outcome. */
  comeOn: Nullable(Type.String({ description: 'The day the resident said they would come' })),
  lastAttempt: Nullable(LastAttempt),
});
export type DueItem = Static<typeof DueItem>;

export const InvalidDoseItem = Type.Object({
  doseId: Type.String(),
  programmeId: Type.String(),
  itemId: Nullable(Type.String()),
  reason: Type.Enum(INVALID_DOSE_REASONS),
  validFrom: Nullable(Type.String()),
});

export const ResidentDue = Type.Object({
  asOf: Type.String(),
  due: Type.Array(DueItem),
  overdue: Type.Array(DueItem),
  upcoming: Type.Array(DueItem, {
    description: 'Items due from a day after asOf up to upcomingUntil (the horizon); none later',
  }),
  upcomingUntil: Type.String({ description: 'The last day of the upcoming horizon (asOf + horizonDays)' }),
  done: Type.Array(DueItem),
  expired: Type.Array(DueItem),
  /** Closed by an outreach outcome (refused): not listed again until recomputed into a new window. */
  closed: Type.Array(DueItem),
  invalidDoses: Type.Array(InvalidDoseItem),
});
export type ResidentDue = Static<typeof ResidentDue>;

/** POST /api/worklists/outcomes */
export const OutcomeBody = Type.Object(
  {
    id: Uuid("The attempt's UUID v7, made by the client: a resend with the same body is the same attempt"),
    residentId: Uuid('The resident called or visited'),
    programmeId: ProgrammeId,
    itemId: ItemId,
    episodeId: Type.Optional(Nullable(Uuid('The pregnancy of a maternal item'))),
    dueFrom: IsoDate('The due window (its dueFrom) the call was about'),
    outcome: OutreachOutcome,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'A note' })),
    comeOn: Type.Optional(
      IsoDate('will-come: the day they will come (in 7 days if absent); not before today, within a year'),
    ),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

export const OutreachAttempt = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  programmeId: Type.String(),
  itemId: Type.String(),
  episodeId: Nullable(Type.String()),
  dueFrom: Type.String(),
  outcome: OutreachOutcome,
  note: Nullable(Type.String()),
  comeOn: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  at: Type.String({ description: 'When it was recorded (ISO instant)' }),
});
export type OutreachAttempt = Static<typeof OutreachAttempt>;

/** Bounds the service checks (in programmes.enums.ts, so the web app's date picker shows the same). */
export { COME_ON_DEFAULT_DAYS, COME_ON_MAX_DAYS } from './programmes.enums.ts';
