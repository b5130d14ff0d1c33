import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { toJob } from './jobs.mapping.ts';
import { listSchedules } from './jobs.schedules.ts';
import { Job, JobList, JobListQuery, JobParams, JobScheduleList, StartJobBody } from './jobs.schema.ts';
import { getJob } from './jobs.service.ts';
import { listJobs, startJob } from './jobs.start.service.ts';

const doc = routeDoc(['jobs']);
const read = { permission: 'jobs.read' } as const;
const run = { permission: 'jobs.run' } as const;

/** Background jobs: the list with progress, one job, and starting one (an area's recompute, a reminder run). */
export function jobRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/jobs',
    doc(read, 'Background jobs in your scope with their state and progress, newest first', {
      querystring: JobListQuery,
      response: { 200: JobList },
    }),
    (req) => listJobs(req.ctx, req.query),
  );

  app.get(
    '/jobs/schedules',
    doc(read, 'The daily schedules (a kind run every day at a local hour), each with its next run', {
      response: { 200: JobScheduleList },
    }),
    (req) => listSchedules(req.ctx),
  );

  app.get(
    '/jobs/:id',
    doc(read, 'One background job with its state and progress', {
      params: JobParams,
      response: { 200: Job },
    }),
    async (req) => toJob(await getJob(req.ctx, req.params.id)),
  );

  app.post(
    '/jobs',
    doc(run, 'Start a background job of a registered kind on an area; idempotent by idempotencyKey', {
      body: StartJobBody,
      response: { 200: Job, 201: Job },
    }),
    async (req, reply) => {
      const r = await startJob(req.ctx, req.body, req.scope!, req.principal?.userId ?? null);
      return r.created ? created(reply, r.job) : r.job;
    },
  );
}
