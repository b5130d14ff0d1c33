import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
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

const doc = routeDoc(['rotations']);
const read = { permission: 'rotations.read' } as const;
const write = { permission: 'rotations.write' } as const;

/** Rotation schedules of district staff at commune stations: /api/rotations and facility calendars. */
export function rotationRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/rotations',
    doc(read, 'List rotations: by worker, facility (host or home), host area, period; cursor-paginated', {
      querystring: RotationListQuery,
      response: { 200: RotationPage },
    }),
    (req) => listRotations(req.ctx, req.query),
  );

  app.get(
    '/rotations/:id',
    doc(read, 'One rotation', { params: RotationParams, response: { 200: Rotation } }),
    (req) => getRotation(req.db, req.params.id),
  );

  app.post(
    '/rotations',
    doc(write, 'Plan a rotation; one that puts the worker at two places at once is refused with 409', {
      body: CreateRotationBody,
      response: { 201: Rotation },
    }),
    async (req, reply) => created(reply, await createRotation(req.ctx, req.body)),
  );

  app.patch(
    '/rotations/:id',
    doc(write, 'Change a rotation; clashes are checked again', {
      params: RotationParams,
      body: UpdateRotationBody,
      response: { 200: Rotation },
    }),
    (req) => updateRotation(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/rotations/:id/cancel',
    doc(write, 'Cancel a rotation (kept, inactive)', {
      params: RotationParams,
      response: { 200: Rotation },
    }),
    (req) => cancelRotation(req.ctx, req.params.id),
  );

  app.get(
    '/facilities/:id/calendar',
    doc(read, "A facility's rotation calendar (as host and as home), at most 62 days", {
      params: FacilityCalendarParams,
      querystring: CalendarQuery,
      response: { 200: FacilityCalendar },
    }),
    (req) => facilityCalendar(req.ctx, req.params.id, req.query),
  );
}
