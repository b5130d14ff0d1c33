import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  exportAreaReconciliation,
  exportFacilityReconciliation,
  reconciliationOf,
} from './reconciliation.service.ts';
import { startRun } from './run.service.ts';
import {
  Advance,
  Reconciliation,
  RecordAdvanceBody,
  RunAnswer,
  SettlementDetail,
  SettlementListQuery,
  SettlementParams,
  SettlementRollUp,
  StartRunBody,
} from './settlements.schema.ts';
import { getSettlement, listSettlements, recordAdvance, signSettlement } from './settlements.service.ts';

const doc = routeDoc(['settlements']);
const read = { permission: 'settlements.read' } as const;
const exportCsv = { permission: 'settlements.read', audit: 'export' } as const;
const run = { permission: 'settlements.run' } as const;
const sign = { permission: 'settlements.sign' } as const;

const userOf = (req: FastifyRequest) => req.principal?.userId ?? null;

/** Quarterly settlements: the roll-up, one settlement, runs (jobs), sign-off, advances, reconciliation reports. */
export function settlementRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/settlements',
    doc(read, "An area's (or a facility's) quarter: each facility's settlement and their sums", {
      querystring: SettlementListQuery,
      response: { 200: SettlementRollUp },
    }),
    (req) => listSettlements(req.ctx, req.query, req.scope!),
  );

  app.get(
    '/settlements/reconciliation.csv',
    doc(exportCsv, "An area's quarter as CSV, a line per facility and the area's total", {
      querystring: SettlementListQuery,
    }),
    async (req, reply) => {
      await sendCsv(reply, `settlements-${req.query.quarter}.csv`, (out) =>
        exportAreaReconciliation(req.ctx, req.query, req.scope!, out),
      );
    },
  );

  app.post(
    '/settlements/runs',
    doc(
      run,
      "Run the quarter's settlement of a facility or of an area's facilities as a job (settlements.run); a signed quarter is frozen (409 settlement_signed)",
      { body: StartRunBody, response: { 200: RunAnswer, 201: RunAnswer } },
    ),
    async (req, reply) => {
      const r = await startRun(req.ctx, req.body, req.scope!, userOf(req));
      return r.created ? created(reply, r.answer) : r.answer;
    },
  );

  app.post(
    '/settlements/advances',
    doc(
      run,
      'Record the advance paid to a facility for a quarter; client-supplied UUID v7: the same again answers 200 with it, another body 409',
      { body: RecordAdvanceBody, response: { 200: Advance, 201: Advance } },
    ),
    async (req, reply) => {
      const r = await recordAdvance(req.ctx, req.body, req.scope!, userOf(req));
      return r.created ? created(reply, r.advance) : r.advance;
    },
  );

  app.get(
    '/settlements/:id',
    doc(read, 'One settlement with its advance and adjustments', {
      params: SettlementParams,
      response: { 200: SettlementDetail },
    }),
    (req) => getSettlement(req.ctx, req.params.id),
  );

  app.post(
    '/settlements/:id/sign-off',
    doc(
      sign,
      "Sign a computed settlement off: frozen from then on, the next quarter's advance recorded by the rule; again answers it as signed",
      { params: SettlementParams, response: { 200: SettlementDetail } },
    ),
    (req) => signSettlement(req.ctx, req.params.id, userOf(req)),
  );

  app.get(
    '/settlements/:id/reconciliation',
    doc(read, "A facility's quarter claim by claim with the totals, for the printable reconciliation page", {
      params: SettlementParams,
      response: { 200: Reconciliation },
    }),
    (req) => reconciliationOf(req.ctx, req.params.id),
  );

  app.get(
    '/settlements/:id/reconciliation.csv',
    doc(
      exportCsv,
      "A facility's quarter as CSV: a line per claim and adjustment, the advance and the total",
      {
        params: SettlementParams,
      },
    ),
    async (req, reply) => {
      await sendCsv(reply, `settlement-${req.params.id}.csv`, (out) =>
        exportFacilityReconciliation(req.ctx, req.params.id, out),
      );
    },
  );
}
