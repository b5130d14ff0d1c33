import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

/**
 * Typed hooks over /api/encounters and /api/residents/:id/timeline. The shapes are the server's own
 * schemas (type-only imports: nothing of the server is bundled); the closed lists come from its pure
 * enum file, and the quantity and flag rules from its pure rules files (one copy of each rule).
 */

import type {
  AddRecordsBody,
  AmendEncounterBody,
  CloseEncounterBody,
  CreateEncounterBody,
  Encounter,
  EncounterSummary,
  ObservationKind,
  Timeline,
} from '../../../../src/modules/encounters/encounters.schema.ts';

export {
  BILL_LINE_COVERAGE,
  type BillLineCoverage,
  DOSE_FREQUENCIES,
  type DoseFrequency,
  ENCOUNTER_KINDS,
  type EncounterKind,
  type EncounterStatus,
  type ObservationFlag,
} from '../../../../src/modules/encounters/encounters.enums.ts';
export type {
  AddRecordsBody,
  AmendEncounterBody,
  Bill,
  BillLine,
  CreateEncounterBody,
  CurrentMedicine,
  Diagnosis,
  DiagnosisInput,
  Encounter,
  EncounterSummary,
  Flag,
  Observation,
  ObservationInput,
  ObservationKind,
  Prescription,
  PrescriptionInput,
  PrescriptionTemplate,
  Problem,
  ServiceInput,
  ServiceLine,
  Timeline,
} from '../../../../src/modules/encounters/encounters.schema.ts';
export { flagOf } from '../../../../src/modules/encounters/observations.rules.ts';
export {
  MAX_LONG_TERM_DAYS,
  MAX_SHORT_TERM_DAYS,
  quantityOf,
} from '../../../../src/modules/encounters/prescriptions.rules.ts';

import type { OnHand } from '../../../../src/modules/stock/stock.schema.ts';

export type { OnHand };

const KEY = 'care';

/** The observation kinds with units, plausible ranges and alarming thresholds (data, fetched once). */
export function useObservationKinds() {
  return useQuery({
    queryKey: [KEY, 'observation-kinds'],
    queryFn: ({ signal }) =>
      api.get<ObservationKind[]>('/encounters/observation-kinds', undefined, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useEncounter(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'encounter', id],
    queryFn: ({ signal }) => api.get<Encounter>(`/encounters/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function useTimeline(residentId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'timeline', residentId],
    queryFn: ({ signal }) => api.get<Timeline>(`/residents/${residentId}/timeline`, undefined, { signal }),
    enabled: Boolean(residentId),
  });
}

/** The resident's open visits here, to resume one instead of opening a second. */
export function useOpenVisits(residentId: string | undefined, facilityId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'open', residentId, facilityId],
    queryFn: ({ signal }) =>
      api.get<Page<EncounterSummary>>(
        '/encounters',
        { resident: residentId, facility: facilityId, status: 'open', limit: 5 },
        { signal },
      ),
    enabled: Boolean(residentId && facilityId),
  });
}

/** What the facility's shelf holds now (usable units by medicine), to show beside each line. */
export function useOnHand(facilityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'on-hand', facilityId],
    queryFn: ({ signal }) => api.get<OnHand>('/stock/on-hand', { facility: facilityId }, { signal }),
    enabled: Boolean(facilityId) && enabled,
    staleTime: 30_000,
  });
}

/** After a write: the visit's new state is the answer; the timeline and lists change with it. */
function useStore() {
  const queryClient = useQueryClient();
  return (encounter: Encounter) => {
    queryClient.setQueryData([KEY, 'encounter', encounter.id], encounter);
    return queryClient.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === KEY &&
        (q.queryKey[1] === 'timeline' || q.queryKey[1] === 'open' || q.queryKey[1] === 'on-hand'),
    });
  };
}

export function useOpenEncounter() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CreateEncounterBody) => api.post<Encounter>('/encounters', body),
    onSuccess: store,
  });
}

export function useAddRecords(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: AddRecordsBody) => api.post<Encounter>(`/encounters/${id}/records`, body),
    onSuccess: store,
  });
}

export function useCloseEncounter(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CloseEncounterBody) => api.post<Encounter>(`/encounters/${id}/close`, body),
    onSuccess: store,
  });
}

export function useAmendEncounter(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: AmendEncounterBody) => api.post<Encounter>(`/encounters/${id}/amendments`, body),
    onSuccess: store,
  });
}
