import Type from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { TRANSITIONS } from './requisitions.rules.ts';
import {
  ApproveBody,
  CreateRequisitionBody,
  ReceiveBody,
  Requisition,
  RequisitionParams,
  RequisitionsQuery,
  SendBody,
  ShipBody,
  Suggestion,
} from './requisitions.schema.ts';
import {
  approveRequisition,
  createRequisition,
  getRequisition,
  listRequisitions,
  receiveRequisition,
  sendRequisition,
  shipRequisition,
  suggestion,
} from './requisitions.service.ts';
import { actorOf, storedReply } from './stock.routes.ts';
import { FacilityQuery } from './stock.schema.ts';

const doc = routeDoc(['requisitions']);
const read = { permission: 'stock.read' } as const;
const by = (action: keyof typeof TRANSITIONS) => ({ permission: TRANSITIONS[action].permission });

/** Requisitions: a station's order to its supplier, suggested by max-min, through its states. */
export function requisitionRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/requisitions/suggestion',
    doc(read, 'What max-min suggests a station orders today, and its supplier', {
      querystring: FacilityQuery,
      response: { 200: Suggestion },
    }),
    (req) => suggestion(req.ctx, req.query.facility, todayOf(req.ctx)),
  );

  app.get(
    '/requisitions',
    doc(read, 'Requisitions a facility made or supplies, or of the stations in an area (the latest 200)', {
      querystring: RequisitionsQuery,
      response: { 200: Type.Array(Requisition) },
    }),
    (req) => listRequisitions(req.db, req.query),
  );

  app.get(
    '/requisitions/:id',
    doc(read, 'One requisition with its lines and its history of states', {
      params: RequisitionParams,
      response: { 200: Requisition },
    }),
    (req) => getRequisition(req.db, req.params.id),
  );

  app.post(
    '/requisitions',
    doc(
      by('send'),
      "A station's draft requisition to its supplier (lines default to the max-min suggestion)",
      {
        body: CreateRequisitionBody,
        response: { 200: Requisition, 201: Requisition },
      },
    ),
    async (req, reply) =>
      storedReply(reply, await createRequisition(req.ctx, req.body, actorOf(req), todayOf(req.ctx))),
  );

  app.post(
    '/requisitions/:id/send',
    doc(by('send'), 'The station sends its draft to the supplier', {
      params: RequisitionParams,
      body: SendBody,
      response: { 200: Requisition },
    }),
    (req) => sendRequisition(req.db, req.params.id, actorOf(req), req.body.note),
  );

  app.post(
    '/requisitions/:id/approve',
    doc(by('approve'), 'The supplier approves, line by line', {
      params: RequisitionParams,
      body: ApproveBody,
      response: { 200: Requisition },
    }),
    (req) => approveRequisition(req.db, req.params.id, req.body, actorOf(req)),
  );

  app.post(
    '/requisitions/:id/ship',
    doc(by('ship'), 'The supplier ships what was approved: a transfer out of its stock', {
      params: RequisitionParams,
      body: ShipBody,
      response: { 200: Requisition },
    }),
    (req) => shipRequisition(req.db, req.params.id, req.body, actorOf(req), todayOf(req.ctx)),
  );

  app.post(
    '/requisitions/:id/receive',
    doc(by('receive'), 'The station books in the shipment', {
      params: RequisitionParams,
      body: ReceiveBody,
      response: { 200: Requisition },
    }),
    (req) => receiveRequisition(req.db, req.params.id, req.body, actorOf(req), todayOf(req.ctx)),
  );
}
