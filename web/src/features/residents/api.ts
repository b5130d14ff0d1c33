import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

export { type CountryProfile as Profile, useProfile } from '../../api/profile.ts';

/**
 * Typed hooks over /api/residents, /api/households, the insurance cards and the country profile. The
 * shapes are the server's own schemas (type-only imports: nothing of the server is bundled); the
 * closed lists come from its pure enum files.
 */

import type { Area } from '../../../../src/modules/areas/areas.schema.ts';
import type { Facility as FacilitySummary } from '../../../../src/modules/facilities/facilities.schema.ts';
import type {
  EligibilityAnswerType as Eligibility,
  EligibilityQuery,
  ExpiringListType as ExpiringCards,
  ExpiringCountType,
  InsuranceCard,
} from '../../../../src/modules/insurance/insurance.schema.ts';
import type {
  CreateResidentBody,
  Household,
  HouseholdDetail,
  Resident,
  ResidentDetail,
} from '../../../../src/modules/residents/residents.schema.ts';

export { VISIT_KINDS, type VisitKind } from '../../../../src/modules/insurance/insurance.enums.ts';
export {
  RELATIONSHIPS,
  type Relationship,
  type ResidentStatus,
} from '../../../../src/modules/residents/residents.enums.ts';
export type {
  CreateHouseholdBody,
  StatusChange,
} from '../../../../src/modules/residents/residents.schema.ts';
export type { ImportReport } from '../../../../src/platform/csv/import-report.schema.ts';
export { SEXES, type Sex } from '../../../../src/platform/sex.enums.ts';
export type {
  Area,
  CreateResidentBody,
  Eligibility,
  EligibilityQuery,
  ExpiringCards,
  FacilitySummary,
  Household,
  HouseholdDetail,
  InsuranceCard,
  Resident,
  ResidentDetail,
};

const KEY = 'residents';

/** The shortest text worth a ranked search (one letter matches half the commune). */
export const MIN_SEARCH_LENGTH = 2;

/**
 * A counter search (ranked), or with a village and no text the village's residents by name, a page at
 * a time (the next page goes on in the ranking order); each keystroke's request is cancelled when the
 * next one supersedes it.
 */
export function useResidentSearch(q: string, area?: string) {
  const term = q.trim();
  const searching = term.length >= MIN_SEARCH_LENGTH;
  return useInfiniteQuery({
    queryKey: [KEY, 'search', term, area ?? null],
    queryFn: ({ signal, pageParam }) =>
      api.get<Page<Resident>>(
        '/residents',
        { q: searching ? term : undefined, area, limit: searching ? 20 : 50, cursor: pageParam },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: searching || Boolean(area),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'resident', id],
    queryFn: ({ signal }) => api.get<ResidentDetail>(`/residents/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function useHousehold(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'household', id],
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/households/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function useHouseholdSearch(q: string, area: string | undefined) {
  const term = q.trim();
  return useQuery({
    queryKey: [KEY, 'households', term, area],
    queryFn: ({ signal }) =>
      api.get<Page<Household>>('/households', { q: term, area, limit: 20 }, { signal }),
    enabled: term.length >= 1,
    placeholderData: keepPreviousData,
  });
}

export function useInsuranceCards(residentId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'cards', residentId],
    queryFn: ({ signal }) =>
      api.get<{ items: InsuranceCard[] }>(`/residents/${residentId}/insurance-cards`, undefined, { signal }),
    enabled: Boolean(residentId) && enabled,
  });
}

export function useEligibility() {
  return useMutation({
    mutationFn: (query: EligibilityQuery) => api.get<Eligibility>('/eligibility', { ...query }),
  });
}

/** The residents to remind, soonest first, 100 at a time. */
export function useExpiringCards(area: string | undefined, days = 30) {
  return useInfiniteQuery({
    queryKey: [KEY, 'expiring', area, days],
    queryFn: ({ signal, pageParam }) =>
      api.get<ExpiringCards>(
        '/insurance-cards/expiring',
        { area, days, limit: 100, cursor: pageParam },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(area),
  });
}

/** How many residents the expiring list holds: the figure alone, not the list (a home card's). */
export function useExpiringCount(area: string | undefined, days = 30) {
  return useQuery({
    queryKey: [KEY, 'expiring-count', area, days],
    queryFn: ({ signal }) =>
      api.get<ExpiringCountType>('/insurance-cards/expiring/count', { area, days }, { signal }),
    enabled: Boolean(area),
  });
}

export function useFacility(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'facility', id],
    queryFn: ({ signal }) => api.get<FacilitySummary>(`/facilities/${id}`, undefined, { signal }),
    enabled: Boolean(id),
    staleTime: 10 * 60_000,
  });
}

/** The villages (the lowest area level) inside an area, for the registration form. */
export function useLowestAreas(
  within: string | undefined,
  level: string | undefined,
  q: string,
  limit = 100,
) {
  const term = q.trim();
  return useQuery({
    queryKey: [KEY, 'areas', within, level, term, limit],
    queryFn: ({ signal }) =>
      api.get<Page<Area>>('/areas', { within, level, q: term, sort: 'name', limit }, { signal }),
    enabled: Boolean(level),
    placeholderData: keepPreviousData,
  });
}

export function useCreateResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResidentBody) => api.post<ResidentDetail>('/residents', body),
    onSuccess: (resident) => {
      queryClient.setQueryData([KEY, 'resident', resident.id], resident);
      // Searches and the household's member list now have one more person.
      return queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === KEY && (q.queryKey[1] === 'search' || q.queryKey[1] === 'household'),
      });
    },
  });
}
