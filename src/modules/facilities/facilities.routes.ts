import type { App, AppContext } from '../../platform/app-context.ts';
import { resourceRoutes } from '../../platform/http/resource-routes.ts';
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

/** The facility network: /api/facilities. */
export function facilityRoutes(app: App, _ctx: AppContext): void {
  const facility = resourceRoutes(app, '/facilities', {
    tags: ['facilities'],
    permissions: 'facilities',
    params: FacilityIdParams,
    detail: FacilityDetail,
  });
  facility.list(
    'List facilities: by kind, tier, level of care, ownership, status, area subtree, manager, name or code',
    FacilityListQuery,
    FacilityPage,
    (req) => listFacilities(req.ctx, req.query),
  );
  facility.one('One facility with its status history and the facilities it manages', (req) =>
    getFacility(req.ctx, req.params.id),
  );
  facility.create('Register a facility', CreateFacilityBody, (req) => createFacility(req.ctx, req.body));
  facility.update(
    'Update a facility (anything but its code; status through /status)',
    UpdateFacilityBody,
    (req) => updateFacility(req.ctx, req.params.id, req.body),
  );
  facility.action(
    'status',
    'Record a status change (open, temporarily closed, closed) with its date and reason',
    StatusChangeBody,
    (req) => changeFacilityStatus(req.ctx, req.params.id, req.body),
  );
  facility.action('deactivate', 'Deactivate a facility (kept, but gone from lists)', null, (req) =>
    deactivateFacility(req.ctx, req.params.id),
  );
}
