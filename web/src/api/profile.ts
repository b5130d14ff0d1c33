import { useQuery } from '@tanstack/react-query';
import type { CountryProfile } from '../../../src/platform/profile.schema.ts';
import { todayIn } from '../calendar.ts';
import { api } from './client.ts';

/** The country profile in force (GET /api/profile): the server's own type, rule data fetched once. */
export type { CountryProfile };

/** The profile in force; it changes only with a server restart, so it is never refetched. */
export function useProfile() {
  return useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) => api.get<CountryProfile>('/profile', undefined, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The device's own time zone: the fallback until the profile has loaded. */
const DEVICE_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Today on the country's calendar ('YYYY-MM-DD'), as the server counts it: a phone set to another
 * zone, or a desktop on UTC, still shows the station's day.
 */
export function useToday(now: Date = new Date()): string {
  const { data: profile } = useProfile();
  return todayIn(profile?.timeZone ?? DEVICE_ZONE, now);
}
