import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  CreateFacilityBody,
  FacilityDetail,
  FacilityIdParams,
  FacilityListQuery,
  FacilityPage,
  StatusChangeBody,
  UpdateFacilityBody,
} from './facilities.schema.ts';
import { createFacility, deactivateFacility, getFacility, listFacilities } from './facilities.service.ts';
import { changeFacilityStatus, updateFacility } from './facilities.update.service.ts';

const doc = routeDoc(['facilities']);
const read = { permission: 'facilities.read' } as const;
const write = { permission: 'facilities.write' } as const;

/** The facility network: /api/facilities. */
export function facilityRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/facilities',
    doc(
      read,
      'List facilities: by kind, tier, level of care, ownership, status, area subtree, manager, name or code',
      {
        querystring: FacilityListQuery,
        response: { 200: FacilityPage },
      },
    ),
    (req) => listFacilities(req.ctx, req.query),
  );

  app.get(
    '/facilities/:id',
    doc(read, 'One facility with its status history and the facilities it manages', {
      params: FacilityIdParams,
      response: { 200: FacilityDetail },
    }),
    (req) => getFacility(req.ctx, req.params.id),
  );

  app.post(
    '/facilities',
    doc(write, 'Register a facility', {
      body: CreateFacilityBody,
      response: { 201: FacilityDetail },
    }),
    async (req, reply) => created(reply, await createFacility(req.ctx, req.body)),
  );

  app.patch(
    '/facilities/:id',
    doc(write, 'Update a facility (anything but its code; status through /status)', {
      params: FacilityIdParams,
      body: UpdateFacilityBody,
      response: { 200: FacilityDetail },
    }),
    (req) => updateFacility(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/facilities/:id/status',
    doc(write, 'Record a status change (open, temporarily closed, closed) with its date and reason', {
      params: FacilityIdParams,
      body: StatusChangeBody,
      response: { 200: FacilityDetail },
    }),
    (req) => changeFacilityStatus(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/facilities/:id/deactivate',
    doc(write, 'Deactivate a facility (kept, but gone from lists)', {
      params: FacilityIdParams,
      response: { 200: FacilityDetail },
    }),
    (req) => deactivateFacility(req.ctx, req.params.id),
  );
}
