import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MedicinePage } from '../../../../src/modules/catalog/catalog.schema.ts';
import type { DistrictStock, FacilityStock } from '../../../../src/modules/stock/figures.schema.ts';
import type { Requisition, Suggestion } from '../../../../src/modules/stock/requisitions.schema.ts';
import type {
  AdjustmentBody,
  CountBody,
  OnHand,
  ReceiptBody,
  ReceiveTransferBody,
  StockOperation,
  Transfer,
  TransferBody,
} from '../../../../src/modules/stock/stock.schema.ts';
import { api } from '../../api/client.ts';
import { uuidV7 } from '../capabilities/api.ts';

export type { StockStatus } from '../../../../src/modules/stock/figures.rules.ts';
export type { AdjustmentReason } from '../../../../src/modules/stock/stock.enums.ts';
export { ADJUSTMENT_REASONS } from '../../../../src/modules/stock/stock.enums.ts';
export type { DistrictStock, FacilityStock, OnHand, Requisition, Suggestion, Transfer };

/** Typed hooks over /api/stock and /api/requisitions; the shapes are the server's schemas (type-only). */
const KEY = 'stock';

export function useOnHand(facility: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'on-hand', facility],
    queryFn: () => api.get<OnHand>('/stock/on-hand', { facility }),
    enabled: Boolean(facility),
  });
}

export function useAlerts(facility: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'alerts', facility],
    queryFn: () => api.get<FacilityStock>('/stock/alerts', { facility }),
    enabled: Boolean(facility),
  });
}

export function useDistrictStock(area: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'district', area],
    queryFn: () => api.get<DistrictStock>('/stock/district', { area }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}

export function useMedicineSearch(q: string) {
  return useQuery({
    queryKey: [KEY, 'medicines', q],
    queryFn: () => api.get<MedicinePage>('/catalog/medicines', { q: q || undefined, limit: 30 }),
    placeholderData: keepPreviousData,
  });
}

export function useSuggestion(facility: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'suggestion', facility],
    queryFn: () => api.get<Suggestion>('/requisitions/suggestion', { facility }),
    enabled: Boolean(facility),
  });
}

export function useRequisitions(filter: { facility?: string; area?: string }) {
  return useQuery({
    queryKey: [KEY, 'requisitions', filter.facility, filter.area],
    queryFn: () => api.get<Requisition[]>('/requisitions', filter),
    enabled: Boolean(filter.facility || filter.area),
  });
}

/** The transfers a facility sent or received, newest first (in transit until the destination receives). */
export function useTransfers(facility: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'transfers', facility],
    queryFn: () => api.get<Transfer[]>('/stock/transfers', { facility }),
    enabled: Boolean(facility),
  });
}

function useStockMutation<B, R>(send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Receipts, adjustments and counts carry a UUID v7 made here: a resend is the same record. */
export const useReceive = () =>
  useStockMutation((b: Omit<ReceiptBody, 'id'>) =>
    api.post<StockOperation>('/stock/receipts', { id: uuidV7(), ...b }),
  );
export const useAdjust = () =>
  useStockMutation((b: Omit<AdjustmentBody, 'id'>) =>
    api.post<StockOperation>('/stock/adjustments', { id: uuidV7(), ...b }),
  );
export const useCount = () =>
  useStockMutation((b: Omit<CountBody, 'id'>) =>
    api.post<StockOperation>('/stock/counts', { id: uuidV7(), ...b }),
  );
export const useCreateRequisition = () =>
  useStockMutation((b: { facilityId: string }) =>
    api.post<Requisition>('/requisitions', { id: uuidV7(), ...b }),
  );
export const useRequisitionStep = () =>
  useStockMutation(
    ({
      id,
      action,
      lines,
    }: {
      id: string;
      action: 'send' | 'approve' | 'ship' | 'receive';
      /** Approve: the units granted per medicine, when less than asked. */
      lines?: { medicineId: string; approved: number }[];
    }) => api.post<Requisition>(`/requisitions/${encodeURIComponent(id)}/${action}`, lines ? { lines } : {}),
  );
/** A transfer outside a requisition, and its receiving (all of it, or what arrived per line). */
export const useSendTransfer = () =>
  useStockMutation((b: Omit<TransferBody, 'id'>) =>
    api.post<Transfer>('/stock/transfers', { id: uuidV7(), ...b }),
  );
export const useReceiveTransfer = () =>
  useStockMutation(({ transferId, ...b }: Omit<ReceiveTransferBody, 'id'> & { transferId: string }) =>
    api.post<Transfer>(`/stock/transfers/${encodeURIComponent(transferId)}/receive`, { id: uuidV7(), ...b }),
  );
