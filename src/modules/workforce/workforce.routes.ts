import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { invalidFields } from '../../platform/http/errors.ts';
import { created } from '../../platform/http/replies.ts';
import { resourceRoutes } from '../../platform/http/resource-routes.ts';
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

/** Health workers, their assignments and training: /api/workers. */
export function workforceRoutes(app: App, _ctx: AppContext): void {
  const worker = resourceRoutes(app, '/workers', {
    tags: ['workforce'],
    permissions: 'workers',
    params: WorkerParams,
    detail: WorkerDetail,
  });
  worker.list(
    'List health workers: by facility or area on a date, cadre, qualification, name or code',
    WorkerListQuery,
    WorkerPage,
    (req) => listWorkers(req.ctx, req.query),
  );
  worker.one('One health worker with assignment history and training records', (req) =>
    getWorker(req.db, req.params.id, todayOf(req.ctx)),
  );
  worker.create('Register a health worker, optionally with a first assignment', CreateWorkerBody, (req) => {
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
    return createWorker(req.ctx, req.body);
  });
  worker.update("Update a worker's details", UpdateWorkerBody, (req) =>
    updateWorker(req.ctx, req.params.id, req.body),
  );
  // The body is optional: a bare POST deactivates as of today.
  worker.action(
    'deactivate',
    'Deactivate a worker, ending the open assignment on endDate (default today)',
    DeactivateWorkerBody,
    (req) => deactivateWorker(req.ctx, req.params.id, req.body),
    { bodyOptional: true },
  );

  app.post(
    '/workers/:id/assignments',
    worker.doc(
      worker.write,
      'Transfer: end the open assignment the day before the new start and add the new one',
      {
        params: WorkerParams,
        body: AssignmentBody,
        response: { 201: WorkerDetail },
      },
    ),
    async (req, reply) => created(reply, await transferWorker(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/workers/:id/training',
    worker.doc(worker.read, "A worker's training and continuing-education records", {
      params: WorkerParams,
      response: { 200: TrainingList },
    }),
    (req) => listTraining(req.db, req.params.id),
  );

  app.post(
    '/workers/:id/training',
    worker.doc(worker.write, 'Record a completed training course (hours or credits)', {
      params: WorkerParams,
      body: TrainingBody,
      response: { 201: TrainingRecord },
    }),
    async (req, reply) => created(reply, await addTraining(req.ctx, req.params.id, req.body)),
  );
}
