import { useQuery } from '@tanstack/react-query';
import { todayIn } from '../calendar.ts';
import { api } from './client.ts';

/** The parts of the country profile (GET /api/profile) the screens use: rule data, fetched once. */
export interface CountryProfile {
  id: string;
  /** The country's time zone: "today" on every screen is the country's date, not the device's or UTC's. */
  timeZone: string;
  currency: string;
  areaLevels: { id: string; label: string }[];
  communeLevel: string;
  tiers: { id: string; rank: number; label: string }[];
  /** Levels of care, where the country grades facilities by them (VN from 2025-07-01). */
  careLevels?: { id: string; rank: number; label: string }[];
  facilityKinds: { id: string; tier: string; label: string; careLevel?: string }[];
  communeStationKind: string;
  cadres: { id: string; label: string; isDoctor?: boolean }[];
  qualifications: { id: string; rank: number; label: string }[];
  capacityTargets: { year: number; bedsPer10k: number; doctorsPer10k: number }[];
  citizenId: { format: string; regionCodes: string[] };
}

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
