import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import type { Area } from '../../../../src/modules/areas/areas.schema.ts';
import type { CapacityReportType as CapacityReport } from '../../../../src/modules/capacity/capacity.schema.ts';
import type {
  Facility,
  FacilityDetail,
  FacilityRef,
} from '../../../../src/modules/facilities/facilities.schema.ts';
import type { Worker } from '../../../../src/modules/workforce/workforce.schema.ts';
import { api, type Page } from '../../api/client.ts';
import { type CountryProfile, useProfile } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';

export { type CountryProfile, useProfile };

/**
 * Typed hooks over /api/facilities, /api/capacity, /api/areas, /api/workers and /api/profile. The
 * shapes are the server's own schemas (type-only imports: nothing of the server is bundled).
 */

export {
  FACILITY_STATUSES,
  type FacilityStatus,
  type Ownership,
} from '../../../../src/modules/facilities/facilities.enums.ts';
export type { Area, CapacityReport, Facility, FacilityDetail, FacilityRef, Worker };

/**
 * The list filters (GET /api/facilities) as the address holds them: text, checked by the API;
 * empty values are left out of the query.
 */
export type FacilityFilters = { [K in 'kind' | 'tier' | 'status' | 'q' | 'area']?: string };

const PAGE_SIZE = 50;

/** The facility list, one page of 50 at a time (cursor pagination). */
export function useFacilityList(filters: FacilityFilters) {
  return useInfiniteQuery({
    queryKey: ['facilities', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Facility>>('/facilities', { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every facility of the area (the map needs all of them): pages of 500 until the last one. */
export function useAllFacilities(area?: string) {
  return useQuery({
    queryKey: ['facilities', 'all', area ?? null],
    queryFn: async () => {
      const all: Facility[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<Facility>>('/facilities', { area, limit: 500, cursor });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

export function useFacility(id: string | undefined) {
  return useQuery({
    queryKey: ['facilities', 'detail', id],
    queryFn: () => api.get<FacilityDetail>(`/facilities/${id}`),
    enabled: Boolean(id),
  });
}

/** The staff assigned to a facility on a day (the workforce route's `facility` and `on`). */
export function useStaffAt(facilityId: string | undefined, on: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['facilities', 'staff', facilityId, on],
    queryFn: ({ pageParam }) =>
      api.get<Page<Worker>>('/workers', { facility: facilityId, on, limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && Boolean(facilityId),
  });
}

export function useChildAreas(parentId: string | undefined, topLevel: string | undefined) {
  return useQuery({
    queryKey: ['facilities', 'areas', parentId ?? `level:${topLevel}`],
    queryFn: () =>
      api
        .get<Page<Area>>(
          '/areas',
          parentId ? { parent: parentId, limit: 500 } : { level: topLevel, limit: 500 },
        )
        .then((p) => p.items),
    enabled: Boolean(parentId || topLevel),
  });
}

/**
 * The area the signed-in user looks after: the area (or facility's area) of their first role that has
 * one; an administrator, whose role has no place, gets the first top-level area.
 */
export function useHomeArea() {
  const session = useSignedIn();
  const profile = useProfile();
  const own = session.roles.find((r) => r.area)?.area ?? null;
  const top = useChildAreas(undefined, own ? undefined : profile.data?.areaLevels[0]?.id);
  const area = own ?? (top.data?.[0] ? { ...top.data[0] } : null);
  return {
    area: area ? { id: area.id, code: area.code, name: area.name, level: area.level } : null,
    isPending: !own && (profile.isPending || top.isPending),
    error: profile.error ?? top.error,
  };
}

export function useCapacity(area: string | undefined, year: number) {
  return useQuery({
    queryKey: ['facilities', 'capacity', area, year],
    queryFn: () => api.get<CapacityReport>('/capacity', { area, year }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}

/** One capacity report per child area, fetched side by side (the report itself has no breakdown). */
export function useChildCapacities(areas: Area[], year: number) {
  return useQueries({
    queries: areas.map((a) => ({
      queryKey: ['facilities', 'capacity', a.code, year],
      queryFn: () => api.get<CapacityReport>('/capacity', { area: a.code, year }),
    })),
  });
}
