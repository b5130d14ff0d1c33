import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static, type TSchema } from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { DistrictQuery, DistrictStock, FacilityStock } from './figures.schema.ts';
import { districtStock, facilityStock } from './figures.service.ts';
import {
  AdjustmentBody,
  CountBody,
  FacilityQuery,
  IdParams,
  Movement,
  MovementsQuery,
  OnHand,
  ReceiptBody,
  ReceiveTransferBody,
  StockOperation,
  Transfer,
  TransferBody,
  TransfersQuery,
} from './stock.schema.ts';
import {
  type Actor,
  adjustStock,
  countStock,
  getOperation,
  getTransfer,
  listMovements,
  listTransfers,
  onHandAt,
  receiveStock,
  receiveTransfer,
  type Stored,
  sendTransfer,
} from './stock.service.ts';

const doc = routeDoc(['stock']);
const read = { permission: 'stock.read' } as const;
const write = { permission: 'stock.write' } as const;

/** Who records: the signed-in user, at the server's clock. */
export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.principal?.userId ?? null, at: req.ctx.clock.now() };
}

/** 201 for a record made now, 200 for the stored one a repeat (same id, same body) finds. */
export function storedReply<T>(reply: FastifyReply, stored: Stored<T>): T {
  reply.code(stored.created ? 201 : 200);
  return stored.value;
}

/** The medicines shelf: /api/stock (on hand, movements, receipts, adjustments, counts, transfers). */
export function stockRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/stock/on-hand',
    doc(read, "A facility's shelf today: per medicine, usable and expired units and the batches", {
      querystring: FacilityQuery,
      response: { 200: OnHand },
    }),
    (req) => onHandAt(req.db, req.query.facility, todayOf(req.ctx)),
  );

  app.get(
    '/stock/alerts',
    doc(
      read,
      "A facility's figures today: AMC, months of stock, stock-out days, near expiry, max-min order",
      {
        querystring: FacilityQuery,
        response: { 200: FacilityStock },
      },
    ),
    (req) => facilityStock(req.ctx, req.query.facility, todayOf(req.ctx)),
  );

  app.get(
    '/stock/district',
    doc(read, "An area's roll-up: every facility's stock-outs, below-min and near-expiry counts and alerts", {
      querystring: DistrictQuery,
      response: { 200: DistrictStock },
    }),
    (req) => districtStock(req.ctx, req.query.area, todayOf(req.ctx)),
  );

  app.get(
    '/stock/movements',
    doc(read, "A facility's stock movements, newest first (at most 500)", {
      querystring: MovementsQuery,
      response: { 200: Type.Array(Movement) },
    }),
    (req) => listMovements(req.db, req.query),
  );

  app.get(
    '/stock/operations/:id',
    doc(read, 'One receipt, adjustment or count with its movements', {
      params: IdParams,
      response: { 200: StockOperation },
    }),
    (req) => getOperation(req.db, req.params.id),
  );

  /** `POST url`: a record made from the body, idempotent by its id (201 made now, 200 the stored one). */
  const recorded = <B extends TSchema, A extends TSchema>(
    url: string,
    summary: string,
    body: B,
    answer: A,
    record: (db: Db, body: Static<B>, actor: Actor) => Promise<Stored<Static<A>>>,
  ) =>
    app.post(
      url,
      doc(write, summary, { body, response: { 200: answer, 201: answer } }),
      (req, reply) =>
        record(req.db, req.body as Static<B>, actorOf(req)).then((stored) =>
          storedReply(reply, stored),
        ) as never,
    );

  recorded(
    '/stock/receipts',
    'Receive a delivery onto a facility’s shelf (batch number, expiry, supplier); idempotent by id',
    ReceiptBody,
    StockOperation,
    receiveStock,
  );
  recorded(
    '/stock/adjustments',
    'Adjust batches with a reason (damaged, expired, lost, count correction); never below zero',
    AdjustmentBody,
    StockOperation,
    adjustStock,
  );
  recorded(
    '/stock/counts',
    'Record a physical count: each counted batch is corrected to what was counted',
    CountBody,
    StockOperation,
    countStock,
  );

  app.get(
    '/stock/transfers',
    doc(read, 'Transfers a facility sent or received (the latest 200)', {
      querystring: TransfersQuery,
      response: { 200: Type.Array(Transfer) },
    }),
    (req) => listTransfers(req.db, req.query),
  );

  app.get(
    '/stock/transfers/:id',
    doc(read, 'One transfer with its lines', { params: IdParams, response: { 200: Transfer } }),
    (req) => getTransfer(req.db, req.params.id),
  );

  recorded(
    '/stock/transfers',
    'Send stock to another facility (first expiry first out); in transit until received',
    TransferBody,
    Transfer,
    sendTransfer,
  );

  app.post(
    '/stock/transfers/:id/receive',
    doc(write, 'Receive a transfer at its destination (all of it, or what arrived per line)', {
      params: IdParams,
      body: ReceiveTransferBody,
      response: { 200: Transfer, 201: Transfer },
    }),
    async (req, reply) =>
      storedReply(reply, await receiveTransfer(req.db, req.params.id, req.body, actorOf(req))),
  );
}
