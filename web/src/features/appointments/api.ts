import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendAppointmentBody,
  AmendmentAnswer,
  Appointment,
  AppointmentList,
  BookAppointmentBody,
  FacilityAppointmentsQuery,
} from '../../../../src/modules/appointments/appointments.schema.ts';
import { newId } from '../../../../src/platform/ids.ts';
import { api } from '../../api/client.ts';

/**
 * Typed hooks over /api/residents/:id/appointments, /api/facilities/:id/appointments and
 * /api/appointments/:id/amendments. The shapes are the server's own schemas (type-only imports); the
 * states come from its pure enum file.
 */
export {
  APPOINTMENT_STATES,
  type AppointmentState,
} from '../../../../src/modules/appointments/appointments.enums.ts';
export type { AmendAppointmentBody, Appointment, AppointmentList, BookAppointmentBody };
export { newId };

const KEY = 'appointments';

/** A resident's appointments, each with its state today. */
export function useResidentAppointments(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'resident', id],
    queryFn: ({ signal }) =>
      api.get<AppointmentList>(`/residents/${encodeURIComponent(id ?? '')}/appointments`, undefined, {
        signal,
      }),
    enabled: Boolean(id),
  });
}

/** A facility's appointments on a day or days (state=missed: those not kept). */
export function useFacilityAppointments(facilityId: string | undefined, query: FacilityAppointmentsQuery) {
  return useQuery({
    queryKey: [KEY, 'facility', facilityId, query],
    queryFn: ({ signal }) =>
      api.get<AppointmentList>(`/facilities/${encodeURIComponent(facilityId ?? '')}/appointments`, query, {
        signal,
      }),
    enabled: Boolean(facilityId),
  });
}

/** Books an appointment (its id made once by the form: a resend is the same booking). */
export function useBookAppointment(residentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookAppointmentBody) =>
      api.post<Appointment>(`/residents/${encodeURIComponent(residentId)}/appointments`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Cancels or reschedules an appointment (the amendment's id made once by the form). */
export function useAmendAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AmendAppointmentBody }) =>
      api.post<AmendmentAnswer>(`/appointments/${encodeURIComponent(id)}/amendments`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
