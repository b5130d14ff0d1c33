import Type from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { resourceRoutes } from '../../platform/http/resource-routes.ts';
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

const merge = { permission: 'residents.merge' } as const;

/** The population registry: /api/households and /api/residents. */
export function residentRoutes(app: App, _ctx: AppContext): void {
  const household = resourceRoutes(app, '/households', {
    tags: ['households'],
    permissions: 'residents',
    params: IdParams,
    detail: HouseholdDetail,
  });
  household.list('List households: area subtree, address', HouseholdListQuery, HouseholdPage, (req) =>
    listHouseholds(req.ctx, req.query),
  );
  household.one('One household with its members', (req) => getHousehold(req.db, req.params.id));
  household.create('Register a household', CreateHouseholdBody, (req) => createHousehold(req.ctx, req.body));
  household.update(
    'Update a household (address, book number, coordinates, head)',
    UpdateHouseholdBody,
    (req) => updateHousehold(req.ctx, req.params.id, req.body),
  );
  household.action('deactivate', 'Deactivate a household', null, (req) =>
    deactivateHousehold(req.ctx, req.params.id),
  );

  const resident = resourceRoutes(app, '/residents', {
    tags: ['residents'],
    permissions: 'residents',
    params: IdParams,
    detail: ResidentDetail,
  });
  resident.list(
    'List residents by name (cursor), or search with q (ranked)',
    ResidentListQuery,
    ResidentPage,
    (req) =>
      listResidents(req.ctx, req.query, {
        homes: req.principal?.grants.flatMap((g) => (g.scopePath ? [g.scopePath] : [])) ?? [],
      }),
  );
  app.get(
    '/residents/duplicates',
    resident.doc(resident.read, 'Likely duplicates in an area, with the reason', {
      querystring: DuplicatesQuery,
      response: { 200: Type.Object({ items: Type.Array(DuplicatePair) }) },
    }),
    async (req) => ({
      items: await findDuplicates(req.ctx, req.query.area, req.query.limit ?? 100),
    }),
  );
  resident.one('One resident with household, status history and merges', (req) =>
    getResident(req.db, req.params.id),
  );
  resident.create(
    'Register a resident (household member with relationship, or on an area)',
    CreateResidentBody,
    (req) => createResident(req.ctx, req.body),
  );
  resident.update('Update identity and contact fields', UpdateResidentBody, (req) =>
    updateResident(req.ctx, req.params.id, req.body),
  );
  resident.action('deactivate', 'Deactivate a resident record', null, (req) =>
    deactivateResident(req.ctx, req.params.id),
  );
  resident.action(
    'status',
    'Record moved away, deceased or active again, with date and reason',
    StatusBody,
    (req) => changeResidentStatus(req.ctx, req.params.id, req.body),
  );
  resident.action(
    'move',
    'Move to another household (or a new one), keeping record and history',
    MoveBody,
    (req) => moveResident(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/residents/merge',
    resident.doc(merge, 'Merge a duplicate into a survivor (logged, reversible)', {
      body: MergeBody,
      response: { 200: MergeResult },
    }),
    (req) => mergeResidents(req.ctx, req.body, req.principal?.userId ?? null),
  );
  app.post(
    '/residents/merges/:id/undo',
    resident.doc(merge, 'Undo a merge', { params: IdParams, response: { 200: MergeResult } }),
    (req) => undoMerge(req.ctx, req.params.id, req.principal?.userId ?? null),
  );
}
