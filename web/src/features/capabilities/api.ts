import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CapabilitiesReport,
  EquipmentRecord,
  FacilityEquipment,
  FacilityServices,
  RecordEquipmentBody,
  RecordServiceBody,
  ServiceRecord,
} from '../../../../src/modules/capabilities/capabilities.schema.ts';
import { api } from '../../api/client.ts';

export type { EquipmentStatus } from '../../../../src/modules/capabilities/capabilities.enums.ts';
/**
 * Typed hooks over /api/facilities/:id/services and /equipment and /api/capabilities. The shapes are
 * the server's own schemas (type-only imports).
 */
export type { CapabilitiesReport, FacilityEquipment, FacilityServices };

const KEY = 'capabilities';
const path = (id: string, what: 'services' | 'equipment') => `/facilities/${encodeURIComponent(id)}/${what}`;

export function useFacilityServices(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'services', id],
    queryFn: () => api.get<FacilityServices>(path(id ?? '', 'services')),
    enabled: Boolean(id),
  });
}

export function useFacilityEquipment(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'equipment', id],
    queryFn: () => api.get<FacilityEquipment>(path(id ?? '', 'equipment')),
    enabled: Boolean(id),
  });
}

export function useCapabilities(area: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'gaps', area],
    queryFn: () => api.get<CapabilitiesReport>('/capabilities', { area }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}

/** Records a declaration (a new row: the history keeps the old one) with a fresh client id. */
export function useRecordService(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<RecordServiceBody, 'id'>) =>
      api.post<ServiceRecord>(path(id, 'services'), { id: uuidV7(), ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useRecordEquipment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<RecordEquipmentBody, 'id'>) =>
      api.post<EquipmentRecord>(path(id, 'equipment'), { id: uuidV7(), ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/**
 * A UUID v7 made here, so a resend after a lost answer is the same record, not a second one: 48 bits
 * of milliseconds, the version and variant bits, and random bits.
 */
export function uuidV7(now = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
