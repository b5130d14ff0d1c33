import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

export { type CountryProfile as Profile, useProfile } from '../../api/profile.ts';

import type { CapacityReportType } from '../../../../src/modules/capacity/capacity.schema.ts';
import type { Facility } from '../../../../src/modules/facilities/facilities.schema.ts';
import type {
  CalendarDay,
  CreateRotationBody,
  FacilityCalendar,
  Rotation,
} from '../../../../src/modules/rotations/rotations.schema.ts';
import type {
  Assignment,
  AssignmentSummary,
  TrainingBody,
  TrainingRecord,
  Worker,
  WorkerDetail,
  WorkerListQuery,
} from '../../../../src/modules/workforce/workforce.schema.ts';

/**
 * Typed hooks over /api/workers, /api/rotations, /api/facilities/:id/calendar (and what they need).
 * The shapes are the server's own schemas (type-only imports: nothing of the server is bundled).
 */

export {
  ROTATION_SESSIONS,
  type RotationSession,
  SESSION_ORDER,
} from '../../../../src/modules/rotations/rotations.enums.ts';
export { SEXES, type Sex } from '../../../../src/platform/sex.enums.ts';
export type {
  Assignment,
  AssignmentSummary,
  CalendarDay,
  CreateRotationBody,
  FacilityCalendar,
  Rotation,
  TrainingBody,
  TrainingRecord,
  Worker,
  WorkerDetail,
};

/** A facility as a rotation or a calendar names it. */
export type Brief = Rotation['hostFacility'];

/** A facility as the pickers list it. */
export type FacilityOption = Pick<Facility, 'id' | 'code' | 'name' | 'kind' | 'areaName'>;

/** The list filters the staff screens set (GET /api/workers). */
export type WorkerFilters = Pick<
  WorkerListQuery,
  'q' | 'cadre' | 'qualification' | 'facility' | 'on' | 'includeInactive' | 'sort'
>;

/** The rotation figures of the area's capacity report. */
type CapacityRotation = Pick<CapacityReportType, 'rotation'>;

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

/** Facilities of the caller's area for pickers (of some kinds, or all), by name. */
export function useFacilityOptions(kinds?: readonly string[], enabled = true) {
  const kind = kinds?.join(',');
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
