import Type from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  createHousehold,
  deactivateHousehold,
  getHousehold,
  listHouseholds,
  updateHousehold,
} from './households.service.ts';
import { findDuplicates, mergeResidents, undoMerge } from './residents.merge.service.ts';
import {
  CreateHouseholdBody,
  CreateResidentBody,
  DuplicatePair,
  DuplicatesQuery,
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdPage,
  IdParams,
  MergeBody,
  MergeResult,
  MoveBody,
  ResidentDetail,
  ResidentListQuery,
  ResidentPage,
  StatusBody,
  UpdateHouseholdBody,
  UpdateResidentBody,
} from './residents.schema.ts';
import { listResidents } from './residents.search.service.ts';
import {
  changeResidentStatus,
  createResident,
  deactivateResident,
  getResident,
  moveResident,
  updateResident,
} from './residents.service.ts';

const read = { permission: 'residents.read' } as const;
const write = { permission: 'residents.write' } as const;
const merge = { permission: 'residents.merge' } as const;

/** The population registry: /api/households and /api/residents. */
export function residentRoutes(app: App, _ctx: AppContext): void {
  const doc = routeDoc(['households']);
  app.get(
    '/households',
    doc(read, 'List households: area subtree, address', {
      querystring: HouseholdListQuery,
      response: { 200: HouseholdPage },
    }),
    (req) => listHouseholds(req.ctx, req.query),
  );
  app.get(
    '/households/:id',
    doc(read, 'One household with its members', {
      params: IdParams,
      response: { 200: HouseholdDetail },
    }),
    (req) => getHousehold(req.db, req.params.id),
  );
  app.post(
    '/households',
    doc(write, 'Register a household', {
      body: CreateHouseholdBody,
      response: { 201: HouseholdDetail },
    }),
    async (req, reply) => created(reply, await createHousehold(req.ctx, req.body)),
  );
  app.patch(
    '/households/:id',
    doc(write, 'Update a household (address, book number, coordinates, head)', {
      params: IdParams,
      body: UpdateHouseholdBody,
      response: { 200: HouseholdDetail },
    }),
    (req) => updateHousehold(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/households/:id/deactivate',
    doc(write, 'Deactivate a household', {
      params: IdParams,
      response: { 200: HouseholdDetail },
    }),
    (req) => deactivateHousehold(req.ctx, req.params.id),
  );

  const residentDoc = routeDoc(['residents']);
  app.get(
    '/residents',
    residentDoc(read, 'List residents by name (cursor), or search with q (ranked)', {
      querystring: ResidentListQuery,
      response: { 200: ResidentPage },
    }),
    (req) =>
      listResidents(req.ctx, req.query, {
        homes: req.principal?.grants.flatMap((g) => (g.scopePath ? [g.scopePath] : [])) ?? [],
      }),
  );
  app.get(
    '/residents/duplicates',
    residentDoc(read, 'Likely duplicates in an area, with the reason', {
      querystring: DuplicatesQuery,
      response: { 200: Type.Object({ items: Type.Array(DuplicatePair) }) },
    }),
    async (req) => ({
      items: await findDuplicates(req.ctx, req.query.area, req.query.limit ?? 100),
    }),
  );
  app.get(
    '/residents/:id',
    residentDoc(read, 'One resident with household, status history and merges', {
      params: IdParams,
      response: { 200: ResidentDetail },
    }),
    (req) => getResident(req.db, req.params.id),
  );
  app.post(
    '/residents',
    residentDoc(write, 'Register a resident (household member with relationship, or on an area)', {
      body: CreateResidentBody,
      response: { 201: ResidentDetail },
    }),
    async (req, reply) => created(reply, await createResident(req.ctx, req.body)),
  );
  app.patch(
    '/residents/:id',
    residentDoc(write, 'Update identity and contact fields', {
      params: IdParams,
      body: UpdateResidentBody,
      response: { 200: ResidentDetail },
    }),
    (req) => updateResident(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/residents/:id/deactivate',
    residentDoc(write, 'Deactivate a resident record', {
      params: IdParams,
      response: { 200: ResidentDetail },
    }),
    (req) => deactivateResident(req.ctx, req.params.id),
  );
  app.post(
    '/residents/:id/status',
    residentDoc(write, 'Record moved away, deceased or active again, with date and reason', {
      params: IdParams,
      body: StatusBody,
      response: { 200: ResidentDetail },
    }),
    (req) => changeResidentStatus(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/residents/:id/move',
    residentDoc(write, 'Move to another household (or a new one), keeping record and history', {
      params: IdParams,
      body: MoveBody,
      response: { 200: ResidentDetail },
    }),
    (req) => moveResident(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/residents/merge',
    residentDoc(merge, 'Merge a duplicate into a survivor (logged, reversible)', {
      body: MergeBody,
      response: { 200: MergeResult },
    }),
    (req) => mergeResidents(req.ctx, req.body, req.principal?.userId ?? null),
  );
  app.post(
    '/residents/merges/:id/undo',
    residentDoc(merge, 'Undo a merge', { params: IdParams, response: { 200: MergeResult } }),
    (req) => undoMerge(req.ctx, req.params.id, req.principal?.userId ?? null),
  );
}
