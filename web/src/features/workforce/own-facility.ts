import type { Session } from '../../api/session.ts';

/** The facility of the user's own station (station staff, doctors), if one of their roles names one. */
export function ownFacility(session: Session): string | undefined {
  return session.roles.find((r) => r.facility)?.facility?.id;
}

/** Managers (roles over an area, or everywhere) choose a station; station staff see their own. */
export function picksStations(session: Session): boolean {
  return session.roles.some((r) => !r.facility);
}
