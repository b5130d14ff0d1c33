import type { App, AppContext } from '../../platform/app-context.ts';
import { resourceRoutes } from '../../platform/http/resource-routes.ts';
import { facilityCalendar } from './rotations.calendar.service.ts';
import {
  CalendarQuery,
  CreateRotationBody,
  FacilityCalendar,
  FacilityCalendarParams,
  Rotation,
  RotationListQuery,
  RotationPage,
  RotationParams,
  UpdateRotationBody,
} from './rotations.schema.ts';
import {
  cancelRotation,
  createRotation,
  getRotation,
  listRotations,
  updateRotation,
} from './rotations.service.ts';

/** Rotation schedules of district staff at commune stations: /api/rotations and facility calendars. */
export function rotationRoutes(app: App, _ctx: AppContext): void {
  const rotation = resourceRoutes(app, '/rotations', {
    tags: ['rotations'],
    permissions: 'rotations',
    params: RotationParams,
    detail: Rotation,
  });
  rotation.list(
    'List rotations: by worker, facility (host or home), host area, period; cursor-paginated',
    RotationListQuery,
    RotationPage,
    (req) => listRotations(req.ctx, req.query),
  );
  rotation.one('One rotation', (req) => getRotation(req.db, req.params.id));
  rotation.create(
    'Plan a rotation; one that puts the worker at two places at once is refused with 409',
    CreateRotationBody,
    (req) => createRotation(req.ctx, req.body),
  );
  rotation.update('Change a rotation; clashes are checked again', UpdateRotationBody, (req) =>
    updateRotation(req.ctx, req.params.id, req.body),
  );
  rotation.action('cancel', 'Cancel a rotation (kept, inactive)', null, (req) =>
    cancelRotation(req.ctx, req.params.id),
  );

  app.get(
    '/facilities/:id/calendar',
    rotation.doc(rotation.read, "A facility's rotation calendar (as host and as home), at most 62 days", {
      params: FacilityCalendarParams,
      querystring: CalendarQuery,
      response: { 200: FacilityCalendar },
    }),
    (req) => facilityCalendar(req.ctx, req.params.id, req.query),
  );
}
