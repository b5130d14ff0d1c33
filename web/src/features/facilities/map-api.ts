import { useQuery } from '@tanstack/react-query';
import type {
  AreaBoundaryCollection,
  AreaBoundaryFeature,
} from '../../../../src/modules/areas/boundaries.schema.ts';
import { api } from '../../api/client.ts';

export type { AreaBoundaryCollection, AreaBoundaryFeature };

/** The boundaries of an area's children (and its own) for the map: GET /api/areas/boundaries. */
export function useAreaBoundaries(parent: string | undefined) {
  return useQuery({
    queryKey: ['areas', 'boundaries', parent ?? null],
    queryFn: () => api.get<AreaBoundaryCollection>('/areas/boundaries', { parent }),
    enabled: Boolean(parent),
    // Boundaries change about once a reorganisation: no need to fetch them again on every visit.
    staleTime: 10 * 60_000,
  });
}
