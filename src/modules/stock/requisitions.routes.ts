import type { FastifyRequest } from 'fastify';
import Type, { type Static, type TSchema } from 'typebox';
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

  /** `POST /requisitions/:id/<action>`: a change of state, by the permission its transition names. */
  const transition = <B extends TSchema>(
    action: keyof typeof TRANSITIONS,
    summary: string,
    body: B,
    handler: (
      req: FastifyRequest<{ Params: Static<typeof RequisitionParams>; Body: Static<B> }>,
    ) => Promise<Requisition>,
  ) =>
    app.post(
      `/requisitions/:id/${action}`,
      doc(by(action), summary, { params: RequisitionParams, body, response: { 200: Requisition } }),
      handler as never,
    );

  transition('send', 'The station sends its draft to the supplier', SendBody, (req) =>
    sendRequisition(req.db, req.params.id, actorOf(req), req.body.note),
  );
  transition('approve', 'The supplier approves, line by line', ApproveBody, (req) =>
    approveRequisition(req.db, req.params.id, req.body, actorOf(req)),
  );
  transition('ship', 'The supplier ships what was approved: a transfer out of its stock', ShipBody, (req) =>
    shipRequisition(req.db, req.params.id, req.body, actorOf(req), todayOf(req.ctx)),
  );
  transition('receive', 'The station books in the shipment', ReceiveBody, (req) =>
    receiveRequisition(req.db, req.params.id, req.body, actorOf(req), todayOf(req.ctx)),
  );
}
