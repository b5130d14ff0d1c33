import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Diagnosis as CatalogDiagnosis,
  Medicine as CatalogMedicine,
  Service as CatalogService,
  DiagnosisPage,
  MedicinePage,
  ServicePage,
} from '../../../../src/modules/catalog/catalog.schema.ts';
import { api } from '../../api/client.ts';

/**
 * Typed hooks over /api/catalog/...: the shapes are the server's own schemas (type-only imports).
 * The server folds accents and case, so what is typed is sent as it is.
 */
export type { CatalogDiagnosis, CatalogMedicine, CatalogService };

export type CatalogKind = 'diagnoses' | 'medicines' | 'services';

type PageOf = { diagnoses: DiagnosisPage; medicines: MedicinePage; services: ServicePage };

/** A search of one catalogue (an empty text lists it from the start, by code). */
export function useCatalogSearch<K extends CatalogKind>(
  kind: K,
  q: string,
  options: { limit?: number; date?: string; enabled?: boolean; kindFilter?: string; insured?: boolean } = {},
) {
  const term = q.trim();
  return useQuery({
    queryKey: ['catalog', kind, term, options.limit, options.date, options.kindFilter, options.insured],
    queryFn: ({ signal }) =>
      api.get<PageOf[K]>(
        `/catalog/${kind}`,
        {
          q: term || undefined,
          limit: options.limit ?? 20,
          date: kind === 'diagnoses' ? undefined : options.date,
          kind: kind === 'services' ? options.kindFilter : undefined,
          insured: options.insured,
        },
        { signal },
      ),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One diagnosis by code (a picker's chosen value that the current results do not hold). */
export function useDiagnosis(code: string | null) {
  return useQuery({
    queryKey: ['catalog', 'diagnosis', code],
    queryFn: ({ signal }) =>
      api.get<CatalogDiagnosis>(`/catalog/diagnoses/${encodeURIComponent(code ?? '')}`, undefined, {
        signal,
      }),
    enabled: Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
