import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { invalidFields } from '../../platform/http/errors.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { transferWorker } from './assignments.service.ts';
import { addTraining, listTraining } from './training.service.ts';
import { createWorker, deactivateWorker, getWorker, listWorkers, updateWorker } from './workers.service.ts';
import {
  AssignmentBody,
  CreateWorkerBody,
  DeactivateWorkerBody,
  TrainingBody,
  TrainingList,
  TrainingRecord,
  UpdateWorkerBody,
  WorkerDetail,
  WorkerListQuery,
  WorkerPage,
  WorkerParams,
} from './workforce.schema.ts';

const doc = routeDoc(['workforce']);
const read = { permission: 'workers.read' } as const;
const write = { permission: 'workers.write' } as const;

/** Health workers, their assignments and training: /api/workers. */
export function workforceRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/workers',
    doc(read, 'List health workers: by facility or area on a date, cadre, qualification, name or code', {
      querystring: WorkerListQuery,
      response: { 200: WorkerPage },
    }),
    (req) => listWorkers(req.ctx, req.query),
  );

  app.get(
    '/workers/:id',
    doc(read, 'One health worker with assignment history and training records', {
      params: WorkerParams,
      response: { 200: WorkerDetail },
    }),
    (req) => getWorker(req.db, req.params.id, todayOf(req.ctx)),
  );

  app.post(
    '/workers',
    doc(write, 'Register a health worker, optionally with a first assignment', {
      body: CreateWorkerBody,
      response: { 201: WorkerDetail },
    }),
    async (req, reply) => {
      // Row-level security places a worker by their assignment: without one, only a caller whose
      // scope is everywhere could ever see the new record again.
      if (!req.body.assignment && !req.scope?.all) {
        throw invalidFields([
          {
            field: 'body.assignment',
            message: 'is required: a new worker is placed by an assignment in your area',
          },
        ]);
      }
      return created(reply, await createWorker(req.ctx, req.body));
    },
  );

  app.patch(
    '/workers/:id',
    doc(write, "Update a worker's details", {
      params: WorkerParams,
      body: UpdateWorkerBody,
      response: { 200: WorkerDetail },
    }),
    (req) => updateWorker(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/workers/:id/deactivate',
    {
      ...doc(write, 'Deactivate a worker, ending the open assignment on endDate (default today)', {
        params: WorkerParams,
        body: DeactivateWorkerBody,
        response: { 200: WorkerDetail },
      }),
      // The body is optional: a bare POST deactivates as of today.
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    (req) => deactivateWorker(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/workers/:id/assignments',
    doc(write, 'Transfer: end the open assignment the day before the new start and add the new one', {
      params: WorkerParams,
      body: AssignmentBody,
      response: { 201: WorkerDetail },
    }),
    async (req, reply) => created(reply, await transferWorker(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/workers/:id/training',
    doc(read, "A worker's training and continuing-education records", {
      params: WorkerParams,
      response: { 200: TrainingList },
    }),
    (req) => listTraining(req.db, req.params.id),
  );

  app.post(
    '/workers/:id/training',
    doc(write, 'Record a completed training course (hours or credits)', {
      params: WorkerParams,
      body: TrainingBody,
      response: { 201: TrainingRecord },
    }),
    async (req, reply) => created(reply, await addTraining(req.ctx, req.params.id, req.body)),
  );
}
