import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';
import type { RotationSession } from './week.ts';

export { type CountryProfile as Profile, useProfile } from '../../api/profile.ts';

/** Typed hooks over /api/workers, /api/rotations, /api/facilities/:id/calendar (and what they need). */

export interface Brief {
  id: string;
  code: string;
  name: string;
}

export interface AssignmentSummary {
  facilityId: string;
  facilityCode: string;
  facilityName: string;
  position: string | null;
  startDate: string;
}

export interface Worker {
  id: string;
  code: string;
  fullName: string;
  sex: 'male' | 'female' | 'other' | null;
  birthDate: string | null;
  cadre: string;
  qualification: string;
  licenceNumber: string | null;
  phone: string | null;
  active: boolean;
  currentAssignment: AssignmentSummary | null;
}

export interface Assignment extends AssignmentSummary {
  id: string;
  endDate: string | null;
}

export interface TrainingRecord {
  id: string;
  course: string;
  provider: string | null;
  kind: string;
  hours: number | null;
  credits: number | null;
  completedOn: string;
  certificateNumber: string | null;
}

export interface WorkerDetail extends Worker {
  assignments: Assignment[];
  training: TrainingRecord[];
}

/** POST /api/workers/:id/training (workforce.schema.ts TrainingBody). */
export interface TrainingBody {
  course: string;
  provider?: string;
  kind?: string;
  hours?: number;
  credits?: number;
  completedOn: string;
  certificateNumber?: string;
}

export interface Rotation {
  id: string;
  workerId: string;
  workerCode: string;
  workerName: string;
  homeFacility: Brief;
  hostFacility: Brief;
  startDate: string;
  endDate: string;
  weekdays: number[];
  dates: string[];
  session: RotationSession;
  note: string | null;
  active: boolean;
}

/** POST /api/rotations (rotations.schema.ts CreateRotationBody). */
export interface CreateRotationBody {
  workerId: string;
  hostFacilityId: string;
  startDate: string;
  endDate: string;
  weekdays: number[];
  session: RotationSession;
  note?: string;
}

export interface CalendarDay {
  date: string;
  session: RotationSession;
  workerId: string;
  workerName: string;
  role: 'host' | 'home';
  otherFacility: Brief;
  rotationId: string;
}

export interface FacilityCalendar {
  facility: Brief;
  from: string;
  to: string;
  days: CalendarDay[];
}

export interface FacilityOption extends Brief {
  kind: string;
  areaName: string;
}

/** The parts of GET /api/profile these screens use. */
export interface WorkerFilters {
  q?: string;
  cadre?: string;
  qualification?: string;
  facility?: string;
  on?: string;
  includeInactive?: boolean;
  sort?: 'code' | 'name';
}

export interface CapacityRotation {
  rotation: { weekStart: string; weekEnd: string; communeStations: number; withRotatingDoctor: number };
}

export function useWorkers(filters: WorkerFilters) {
  return useInfiniteQuery({
    queryKey: ['workforce', 'workers', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Worker>>('/workers', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Doctors who can rotate (the profile's doctor cadres), by name, for the scheduling form. */
export function useDoctors(cadre: string | undefined) {
  return useQuery({
    queryKey: ['workforce', 'doctors', cadre],
    queryFn: () => api.get<Page<Worker>>('/workers', { cadre, sort: 'name', limit: 500 }),
    enabled: Boolean(cadre),
  });
}

export function useWorker(id: string) {
  return useQuery({
    queryKey: ['workforce', 'worker', id],
    queryFn: () => api.get<WorkerDetail>(`/workers/${encodeURIComponent(id)}`),
  });
}

export function useTraining(id: string) {
  return useQuery({
    queryKey: ['workforce', 'training', id],
    queryFn: () => api.get<{ items: TrainingRecord[] }>(`/workers/${encodeURIComponent(id)}/training`),
  });
}

export function useAddTraining(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingBody) =>
      api.post<TrainingRecord>(`/workers/${encodeURIComponent(id)}/training`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workforce', 'training', id] }),
        queryClient.invalidateQueries({ queryKey: ['workforce', 'worker', id] }),
      ]),
  });
}

/** Rotations overlapping [from, to], in the caller's area or of one worker; every page (a week holds few). */
export function useRotations(query: { from: string; to: string; worker?: string }, enabled = true) {
  return useQuery({
    queryKey: ['workforce', 'rotations', query],
    queryFn: async () => {
      const items: Rotation[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<Rotation>>('/rotations', { ...query, limit: 500, cursor });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    enabled,
  });
}

export function useFacilityCalendar(facility: string | null | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['workforce', 'calendar', facility, from, to],
    queryFn: () =>
      api.get<FacilityCalendar>(`/facilities/${encodeURIComponent(facility ?? '')}/calendar`, { from, to }),
    enabled: Boolean(facility),
  });
}

export function useCreateRotation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRotationBody) => api.post<Rotation>('/rotations', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workforce', 'calendar'] }),
        queryClient.invalidateQueries({ queryKey: ['workforce', 'rotations'] }),
      ]),
  });
}

/** Facilities of the caller's area for pickers (one kind, or all), by name. */
export function useFacilityOptions(kind?: string, enabled = true) {
  return useQuery({
    queryKey: ['workforce', 'facility-options', kind ?? 'all'],
    queryFn: () =>
      api.get<Page<FacilityOption>>('/facilities', { kind, sort: 'name', limit: 500 }).then((p) => p.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** This week's count of commune stations with a rotating doctor, from the area's capacity figures. */
export function useRotationCoverage(area: string | undefined, today: string) {
  return useQuery({
    queryKey: ['workforce', 'coverage', area, today],
    queryFn: () =>
      api.get<CapacityRotation>('/capacity', { area, year: Number(today.slice(0, 4)), date: today }),
    enabled: Boolean(area),
  });
}
