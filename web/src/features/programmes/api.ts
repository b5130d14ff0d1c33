import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { GrowthSex } from '../../../../src/modules/growth/growth.enums.ts';
import type {
  GrowthChart as GrowthChartAnswer,
  GrowthReference,
} from '../../../../src/modules/growth/growth.schema.ts';
import type {
  DoseInput,
  Immunization,
  ImmunizationList,
} from '../../../../src/modules/immunizations/immunizations.schema.ts';
import type {
  Figure as ProgrammeFigure,
  ProgrammeFigures,
} from '../../../../src/modules/programmes/figures.schema.ts';
import type {
  DueItem,
  OutcomeBody,
  OutreachAttempt,
  ProgrammeBrief,
  ProgrammeList,
  ResidentDue,
  Worklist,
  WorklistQuery,
  WorklistRow,
} from '../../../../src/modules/programmes/programmes.schema.ts';
import { newId } from '../../../../src/platform/ids.ts';
import { api } from '../../api/client.ts';

export { INVALID_DOSE_REASONS, type InvalidDoseReason } from '../../../../src/modules/programmes/facts.ts';
/**
 * Typed hooks over /api/programmes, /api/worklists, /api/residents/:id/due and the resident's doses.
 * The shapes are the server's own schemas (type-only imports); the closed lists come from its pure
 * enum files.
 */
export {
  COME_ON_DEFAULT_DAYS,
  COME_ON_MAX_DAYS,
  OUTREACH_OUTCOMES,
  type OutreachOutcome,
  PROGRAMME_KINDS,
  type ProgrammeKind,
  WORKLIST_STATES,
  type WorklistState,
} from '../../../../src/modules/programmes/programmes.enums.ts';
export type {
  DoseInput,
  DueItem,
  GrowthChartAnswer,
  GrowthReference,
  Immunization,
  ImmunizationList,
  OutcomeBody,
  ProgrammeBrief,
  ProgrammeFigure,
  ProgrammeFigures,
  ProgrammeList,
  ResidentDue,
  Worklist,
  WorklistQuery,
  WorklistRow,
};

const KEY = 'programmes';
const residentPath = (id: string, what: string) => `/residents/${encodeURIComponent(id)}/${what}`;

/** The profile's programmes with their items: names for rows and filters; they change with a restart. */
export function useProgrammes() {
  return useQuery({
    queryKey: [KEY, 'list'],
    queryFn: ({ signal }) => api.get<ProgrammeList>('/programmes', undefined, { signal }),
    staleTime: 60 * 60_000,
  });
}

export type WorklistFilters = Pick<WorklistQuery, 'programme' | 'kind' | 'area' | 'state'>;

/** Today's list under the filters, page by page (the server's order: priority, then days overdue). */
export function useWorklist(filters: WorklistFilters, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? 30;
  return useInfiniteQuery({
    queryKey: [KEY, 'worklist', filters, limit],
    queryFn: ({ signal, pageParam }) =>
      api.get<Worklist>('/worklists', { ...filters, limit, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useResidentDue(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'due', id],
    queryFn: ({ signal }) => api.get<ResidentDue>(residentPath(id ?? '', 'due'), undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function useImmunizations(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'immunizations', id],
    queryFn: ({ signal }) =>
      api.get<ImmunizationList>(residentPath(id ?? '', 'immunizations'), undefined, { signal }),
    enabled: Boolean(id),
  });
}

/**
 * Records the outcome of a call or visit. The form makes the attempt's id once (a resend after a lost
 * answer is the same attempt) and passes it in the body.
 */
export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OutcomeBody) => api.post<OutreachAttempt>('/worklists/outcomes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Records a dose (its id made once by the form); what is due is recomputed in the same write. */
export function useRecordDose(residentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DoseInput) => api.post<Immunization>(residentPath(residentId, 'immunizations'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export { newId };

/** A child's weighings and measurements with their z-scores (children under six; 409 otherwise). */
export function useGrowth(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'growth', id],
    queryFn: ({ signal }) =>
      api.get<GrowthChartAnswer>(residentPath(id ?? '', 'growth'), undefined, { signal }),
    enabled: Boolean(id) && enabled,
  });
}

/** The WHO curves of weight for age for a sex: the same for every child, fetched once. */
export function useWeightForAgeCurves(sex: GrowthSex | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'growth-reference', 'weight-for-age', sex],
    queryFn: ({ signal }) =>
      api.get<GrowthReference>('/growth/reference', { indicator: 'weight-for-age', sex }, { signal }),
    enabled: Boolean(sex),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** An area's programme figures for a quarter or a year (managers: aggregates, no personal data). */
export function useProgrammeFigures(area: string | undefined, period: string) {
  return useQuery({
    queryKey: [KEY, 'figures', area, period],
    queryFn: ({ signal }) => api.get<ProgrammeFigures>('/programmes/figures', { area, period }, { signal }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}
