import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  AmendAppointmentBody,
  AmendmentAnswer,
  Appointment,
  AppointmentList,
  AppointmentParams,
  BookAppointmentBody,
  FacilityAppointmentsQuery,
  FacilityParams,
  ResidentParams,
} from './appointments.schema.ts';
import {
  amendAppointment,
  bookAppointment,
  type Caller,
  listFacilityAppointments,
  listResidentAppointments,
} from './appointments.service.ts';

const doc = routeDoc(['appointments']);
const read = { permission: 'appointments.read' } as const;
const write = { permission: 'appointments.write' } as const;

const callerOf = (req: FastifyRequest): Caller => ({ userId: req.principal?.userId ?? null });

/** Appointments: book (idempotent by the client's id), list a resident's and a facility's days, amend. */
export function appointmentRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/residents/:id/appointments',
    doc(read, "A resident's appointments by day, each with its state today (booked, attended, missed ...)", {
      params: ResidentParams,
      response: { 200: AppointmentList },
    }),
    (req) => listResidentAppointments(req.ctx, req.params.id),
  );

  app.post(
    '/residents/:id/appointments',
    doc(
      write,
      'Book an appointment at a facility on a day (a "come back on" at a visit, or by staff); client-supplied UUID v7: the same booking again answers 200 with the stored one, another body 409',
      {
        params: ResidentParams,
        body: BookAppointmentBody,
        response: { 200: Appointment, 201: Appointment },
      },
    ),
    async (req, reply) => {
      const r = await bookAppointment(req.ctx, req.params.id, req.body, callerOf(req));
      return r.created ? created(reply, r.appointment) : r.appointment;
    },
  );

  app.get(
    '/facilities/:id/appointments',
    doc(
      read,
      "A facility's appointments on a day or days (today by default); state=missed for those not kept",
      {
        params: FacilityParams,
        querystring: FacilityAppointmentsQuery,
        response: { 200: AppointmentList },
      },
    ),
    (req) => listFacilityAppointments(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/appointments/:id/amendments',
    doc(
      write,
      'Cancel or reschedule an appointment (kept, marked; a reschedule books its replacement); the same amendment again answers as it did',
      { params: AppointmentParams, body: AmendAppointmentBody, response: { 200: AmendmentAnswer } },
    ),
    (req) => amendAppointment(req.ctx, req.params.id, req.body, callerOf(req)),
  );
}
