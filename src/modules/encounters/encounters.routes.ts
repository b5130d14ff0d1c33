import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { inScope, scopeFor } from '../access/index.ts';
import {
  AddRecordsBody,
  AmendEncounterBody,
  CloseEncounterBody,
  CreateEncounterBody,
  DiagnosesBody,
  Encounter,
  EncounterListQuery,
  EncounterPage,
  EncounterParams,
  ObservationKinds,
  ObservationsBody,
  PrescriptionsBody,
  Problem,
  ProblemList,
  ProblemParams,
  ResidentParams,
  SameAsLastTimeBody,
  ServicesBody,
  Timeline,
  TimelineQuery,
  UpdateProblemBody,
} from './encounters.schema.ts';
import {
  addToEncounter,
  amendEncounter,
  type Caller,
  closeEncounter,
  createEncounter,
  getEncounter,
} from './encounters.service.ts';
import { observationKinds } from './observation-kinds.ts';
import { listProblems, sameAsLastTime, updateProblem } from './problems.service.ts';
import { listEncounters, residentTimeline } from './timeline.service.ts';

const doc = routeDoc(['encounters']);
const read = { permission: 'care.read' } as const;
const write = { permission: 'care.write' } as const;
const prescribe = { permission: 'care.prescribe' } as const;

/** What the caller may do where a visit is: prescribe, dispense (their roles' scopes). */
function callerOf(req: FastifyRequest): Caller {
  const grants = req.principal?.grants ?? [];
  const may = (permission: string) => {
    const scope = scopeFor(permission, grants);
    return (areaPath: string) => inScope(areaPath, scope);
  };
  return {
    userId: req.principal?.userId ?? null,
    workerId: req.principal?.workerId ?? null,
    canPrescribe: may('care.prescribe'),
    canDispense: may('stock.dispense'),
  };
}

/**
 * Visits and the resident's timeline: /api/encounters (open, read, list, add records, close with the
 * bill and dispensing, amend), /api/residents/:id/timeline and problems.
 */
export function encounterRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/encounters/observation-kinds',
    doc(
      read,
      'The observations a visit records (LOINC), with units, plausible ranges and alarming thresholds',
      {
        response: { 200: ObservationKinds },
      },
    ),
    (req) => observationKinds(req.ctx.profile.observationUnits),
  );

  app.get(
    '/encounters',
    doc(read, 'List visits by resident, facility, dates, state or kind: newest first, cursor-paginated', {
      querystring: EncounterListQuery,
      response: { 200: EncounterPage },
    }),
    (req) => listEncounters(req.ctx, req.query),
  );

  app.post(
    '/encounters',
    doc(
      write,
      'Open a visit with its records (client-supplied UUID v7 ids: the same create again answers 200 with the stored visit, another body 409); the card shown is checked and its answer stored',
      { body: CreateEncounterBody, response: { 200: Encounter, 201: Encounter } },
    ),
    async (req, reply) => {
      const { created: isNew, encounter } = await createEncounter(req.ctx, req.body, callerOf(req));
      return isNew ? created(reply, encounter) : encounter;
    },
  );

  app.get(
    '/encounters/:id',
    doc(read, 'One visit: its records in force, the retracted ones, flags, bills and amendments', {
      params: EncounterParams,
      response: { 200: Encounter },
    }),
    (req) => getEncounter(req.ctx, req.params.id),
  );

  app.post(
    '/encounters/:id/records',
    doc(write, 'Add records to an open visit (prescriptions and services need care.prescribe)', {
      params: EncounterParams,
      body: AddRecordsBody,
      response: { 200: Encounter },
    }),
    (req) => addToEncounter(req.ctx, req.params.id, req.body, callerOf(req)),
  );

  /** `POST /encounters/:id/<kind>`: records of one kind, `{ items }`, added to an open visit. */
  const addRecords = <
    K extends 'observations' | 'diagnoses' | 'prescriptions' | 'services',
    B extends TSchema,
  >(
    kind: K,
    access: typeof write | typeof prescribe,
    summary: string,
    body: B,
  ) =>
    app.post(
      `/encounters/:id/${kind}`,
      doc(access, summary, { params: EncounterParams, body, response: { 200: Encounter } }),
      (req) => {
        const { items } = req.body as { items: NonNullable<AddRecordsBody[K]> };
        return addToEncounter(req.ctx, req.params.id, { [kind]: items }, callerOf(req)) as never;
      },
    );

  addRecords(
    'observations',
    write,
    'Add observations to an open visit; an impossible value is refused naming its range, an alarming one flagged',
    ObservationsBody,
  );
  addRecords(
    'diagnoses',
    write,
    'Add ICD-10 diagnoses to an open visit (one main); chronic ones go on the problem list',
    DiagnosesBody,
  );

  addRecords(
    'prescriptions',
    prescribe,
    'Prescribe from the catalogue on an open visit (quantity computed when not given)',
    PrescriptionsBody,
  );

  app.post(
    '/encounters/:id/prescriptions/same-as-last-time',
    doc(prescribe, "Copy the resident's last prescriptions onto this open visit, under the ids given", {
      params: EncounterParams,
      body: SameAsLastTimeBody,
      response: { 200: Encounter },
    }),
    (req) => sameAsLastTime(req.ctx, req.params.id, req.body, callerOf(req)),
  );

  addRecords(
    'services',
    prescribe,
    'Record services performed from the catalogue on an open visit',
    ServicesBody,
  );

  app.post(
    '/encounters/:id/close',
    doc(
      write,
      "Close a visit: price every line on the visit's date, split it (insurance, co-payment, outside the list) and dispense from the shelf, in one transaction (a visit with prescriptions or services needs care.prescribe, its dispensing stock.dispense)",
      { params: EncounterParams, body: CloseEncounterBody, response: { 200: Encounter } },
    ),
    (req) => closeEncounter(req.ctx, req.params.id, req.body ?? {}, callerOf(req)),
  );

  app.post(
    '/encounters/:id/amendments',
    doc(
      write,
      'Correct a visit with a reason: records added and retracted (kept), dispensing returned, the bill priced again',
      { params: EncounterParams, body: AmendEncounterBody, response: { 200: Encounter } },
    ),
    (req) => amendEncounter(req.ctx, req.params.id, req.body, callerOf(req)),
  );

  app.get(
    '/residents/:id/timeline',
    doc(read, "A resident's timeline: visits, series for the charts, problems, current medicines, flags", {
      params: ResidentParams,
      querystring: TimelineQuery,
      response: { 200: Timeline },
    }),
    (req) => residentTimeline(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/residents/:id/problems',
    doc(read, "A resident's problem list (chronic diagnoses)", {
      params: ResidentParams,
      response: { 200: ProblemList },
    }),
    (req) => listProblems(req.ctx, req.params.id),
  );

  app.patch(
    '/residents/:id/problems/:problemId',
    doc(write, 'Mark a problem resolved or active again', {
      params: ProblemParams,
      body: UpdateProblemBody,
      response: { 200: Problem },
    }),
    (req) => updateProblem(req.ctx, req.params.id, req.params.problemId, req.body),
  );
}
