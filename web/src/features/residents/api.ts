import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

export { type CountryProfile as Profile, useProfile } from '../../api/profile.ts';

/** Typed hooks over /api/residents, /api/households, the insurance cards and the country profile. */

export type Sex = 'male' | 'female' | 'other';
export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'other';
export type ResidentStatus = 'active' | 'moved_away' | 'deceased';
export const SEXES: readonly Sex[] = ['male', 'female', 'other'];
export const RELATIONSHIPS: readonly Relationship[] = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
];

export interface AreaRef {
  id: string;
  code: string;
  name: string;
}

export interface Household {
  id: string;
  code: string | null;
  address: string;
  area: AreaRef;
  areaPath: string;
  headResidentId: string | null;
  active: boolean;
}

export interface Resident {
  id: string;
  code: string | null;
  citizenId: string | null;
  fullName: string;
  sex: Sex | null;
  birthDate: string | null;
  birthYear: number | null;
  birthDatePrecision: 'day' | 'year';
  ethnicity: string | null;
  phone: string | null;
  occupation: string | null;
  householdId: string | null;
  /** The household's address, to tell namesakes apart. */
  householdAddress: string | null;
  relationshipToHead: Relationship | null;
  registeredFacilityId: string | null;
  area: AreaRef;
  areaPath: string;
  status: ResidentStatus;
  statusDate: string | null;
  mergedIntoId: string | null;
  active: boolean;
}

export interface StatusChange {
  kind: 'registered' | 'status' | 'move';
  status: ResidentStatus;
  effectiveOn: string;
  reason: string | null;
}

export interface ResidentDetail extends Resident {
  household: Household | null;
  statusHistory: StatusChange[];
}

export interface HouseholdDetail extends Household {
  members: Resident[];
}

export interface InsuranceCard {
  id: string;
  residentId: string;
  cardNumber: string;
  beneficiaryGroup: string;
  benefitLevel: number;
  provinceCode: string;
  socialInsuranceNumber: string;
  validFrom: string;
  validTo: string;
  registeredFacilityCode: string | null;
  fiveYearsOn: string | null;
  copayExemptFrom: string | null;
  status: 'active' | 'withdrawn';
}

export interface Eligibility {
  valid: boolean;
  /** `agencyCode`: the insurance agency's lookup answer (000 valid, 010 expired, 050 no card data ...). */
  reason: { code: string; agencyCode?: string; message: string };
  benefitPercent: number;
  onRoute: boolean | null;
  rule: string;
  routeRule: string | null;
  date: string;
  facility: { code: string; kind: string; tier: string };
  /** The card the answer speaks for (the new one when the number shown was replaced); null if none. */
  card: InsuranceCard | null;
}

export interface ExpiringCards {
  from: string;
  to: string;
  items: {
    residentId: string;
    resident: { fullName: string; phone: string | null; address: string | null };
    card: InsuranceCard;
    daysLeft: number;
  }[];
}

export interface Area {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
}

export interface FacilitySummary {
  id: string;
  code: string;
  name: string;
  kind: string;
  areaName: string;
}

/** The parts of GET /api/profile these screens use. */
export interface ImportReport {
  kind: string;
  read: number;
  created: number;
  updated: number;
  rejected: { line: number; reason: string }[];
}

const KEY = 'residents';

/** The shortest text worth a ranked search (one letter matches half the commune). */
export const MIN_SEARCH_LENGTH = 2;

/** A ranked search; each keystroke's request is cancelled when the next one supersedes it. */
/** A counter search (ranked), or with a village and no text the village's residents by name. */
export function useResidentSearch(q: string, area?: string) {
  const term = q.trim();
  const searching = term.length >= MIN_SEARCH_LENGTH;
  return useQuery({
    queryKey: [KEY, 'search', term, area ?? null],
    queryFn: ({ signal }) =>
      api.get<Page<Resident>>(
        '/residents',
        { q: searching ? term : undefined, area, limit: searching ? 20 : 50 },
        { signal },
      ),
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

/** GET /api/eligibility's query: a card number or a citizen id, the facility, the visit. */
export interface EligibilityQuery {
  card?: string;
  citizenId?: string;
  facility: string;
  date: string;
  visitKind?: VisitKind;
  cost?: number;
  fullName?: string;
  birthDate?: string;
}

export const VISIT_KINDS = [
  'registered',
  'referred',
  'emergency',
  're-examination',
  'self-referred',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export function useEligibility() {
  return useMutation({
    mutationFn: (query: EligibilityQuery) => api.get<Eligibility>('/eligibility', { ...query }),
  });
}

export function useExpiringCards(area: string | undefined, days = 30) {
  return useQuery({
    queryKey: [KEY, 'expiring', area, days],
    queryFn: ({ signal }) => api.get<ExpiringCards>('/insurance-cards/expiring', { area, days }, { signal }),
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

export interface CreateHouseholdBody {
  code?: string;
  address: string;
  areaId: string;
}

export interface CreateResidentBody {
  fullName: string;
  sex?: Sex;
  birthDate?: string;
  citizenId?: string;
  phone?: string;
  ethnicity?: string;
  occupation?: string;
  householdId?: string;
  /** A household registered with the person in the same request; they head it. */
  newHousehold?: CreateHouseholdBody;
  relationshipToHead?: Relationship;
  areaId?: string;
  registeredFacilityId?: string;
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
