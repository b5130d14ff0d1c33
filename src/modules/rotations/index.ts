/**
 * The rotations module's public surface: rotation schedules of district staff at commune stations
 * (routes, including GET /api/facilities/:id/calendar) and the figure capacity needs. Other modules
 * import only this file.
 */
export { MAX_CALENDAR_DAYS, stationsWithRotationBetween } from './rotations.calendar.service.ts';
export { rotationRoutes } from './rotations.routes.ts';
export type { CalendarDay, CreateRotationBody, Rotation } from './rotations.schema.ts';
export { createRotation } from './rotations.service.ts';
