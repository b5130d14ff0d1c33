import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { Job } from '../jobs/jobs.schema.ts';
import { startBatchCheck } from './claims.jobs.ts';
import {
  BatchCheckBody,
  CheckBody,
  Claim,
  ClaimListQuery,
  ClaimPage,
  ClaimParams,
  ClaimsSummary,
  ReviewBody,
  SummaryQuery,
} from './claims.schema.ts';
import {
  type ClaimCaller,
  checkOne,
  claimsSummary,
  getClaim,
  listClaims,
  reviewOne,
  submitOne,
} from './claims.service.ts';

const doc = routeDoc(['claims']);
const read = { permission: 'claims.read' } as const;
const write = { permission: 'claims.write' } as const;
const review = { permission: 'claims.review' } as const;

const callerOf = (req: FastifyRequest): ClaimCaller => ({ userId: req.principal?.userId ?? null });

/** Insurance claims: /api/claims (list, summary, one, check, submit, review, batch checks). */
export function claimRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/claims',
    doc(read, "List claims by area, facility, quarter, status or failure code, with each one's last check", {
      querystring: ClaimListQuery,
      response: { 200: ClaimPage },
    }),
    (req) => listClaims(req.ctx, req.query),
  );

  app.get(
    '/claims/summary',
    doc(read, 'Claimed, accepted and rejected totals and counts, and rejections by failure code', {
      querystring: SummaryQuery,
      response: { 200: ClaimsSummary },
    }),
    (req) => claimsSummary(req.ctx, req.query),
  );

  app.post(
    '/claims/checks',
    doc(
      write,
      "A job that checks a facility's (or area's) quarter of draft claims and submits those that pass",
      {
        body: BatchCheckBody,
        response: { 200: Job, 201: Job },
      },
    ),
    async (req, reply) => {
      const r = await startBatchCheck(req.ctx, req.body, req.scope!, req.principal?.userId ?? null);
      return r.created ? created(reply, r.job) : r.job;
    },
  );

  app.get(
    '/claims/:id',
    doc(read, 'One claim: its lines in force, last check, checks and history', {
      params: ClaimParams,
      response: { 200: Claim },
    }),
    (req) => getClaim(req.ctx, req.params.id),
  );

  app.post(
    '/claims/:id/check',
    doc(
      write,
      "The facility's check: checked, or rejected with the failures (409 claim_status from another status)",
      {
        params: ClaimParams,
        body: CheckBody,
        response: { 200: Claim },
      },
    ),
    (req) => checkOne(req.ctx, req.params.id, req.body ?? {}, callerOf(req)),
  );

  app.post(
    '/claims/:id/submit',
    doc(write, 'Submit a checked claim to the agency (409 claim_status otherwise)', {
      params: ClaimParams,
      body: CheckBody,
      response: { 200: Claim },
    }),
    (req) => submitOne(req.ctx, req.params.id, req.body ?? {}, callerOf(req)),
  );

  app.post(
    '/claims/:id/review',
    doc(
      review,
      "The agency's review of a submitted claim: its checks again with optional line rejections: accepted, partly accepted or rejected",
      { params: ClaimParams, body: ReviewBody, response: { 200: Claim } },
    ),
    (req) => reviewOne(req.ctx, req.params.id, req.body ?? {}, callerOf(req)),
  );
}
