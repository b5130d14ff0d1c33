import { isoWeek } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { inScope, type Scope } from '../access/index.ts';
import { listAreasAtLevel, populationOf, requireArea } from '../areas/index.ts';
import { countFacilitiesByKind, listFacilitiesIn, sumBedsIn } from '../facilities/index.ts';
import { stationsWithRotationBetween } from '../rotations/index.ts';
import { doctorCountsByFacility, staffCountsByTier } from '../workforce/index.ts';
import { per10k, share, staffingDate, summariseStaff, targetFor } from './capacity.rules.ts';
import type { CapacityReportType } from './capacity.schema.ts';

/**
 * Capacity figures of an area for a year, as the plan counts them: beds and doctors per 10,000
 * people against the target, the share of staff with a bachelor's degree or more by facility tier
 * (seed 002), communes whose station has a doctor, and commune stations with a rotating district
 * doctor in the week of `date`. Staff are those assigned on 31 December of a past year, or today.
 */
export async function capacityOf(
  db: Db,
  profile: CountryProfile,
  q: { area: string; year: number; date?: string },
  today: string,
  scope: Scope = { all: true, paths: [] },
): Promise<CapacityReportType> {
  const area = await requireArea(db, q.area, 'query.area');
  // Figures of an area are only whole inside one's scope: row-level security would silently count
  // part of it (the population is public, the staff are not).
  if (!inScope(area.path, scope)) {
    throw new AppError(
      'forbidden',
      `The area ${area.code} (${area.name}) is outside your scope: ask for an area you work in`,
    );
  }
  const onDate = staffingDate(q.year, today);
  const week = isoWeek(q.date ?? today);
  const doctorCadres = profile.cadres.filter((c) => c.isDoctor).map((c) => c.id);

  const [people, byKind, beds, staffCells, communes, stations, doctorsAt, rotating] = await Promise.all([
    populationOf(db, area.path, q.year),
    countFacilitiesByKind(db, area.path),
    sumBedsIn(db, area.path),
    staffCountsByTier(db, area.path, onDate),
    listAreasAtLevel(db, area.path, profile.communeLevel),
    listFacilitiesIn(db, area.path, { kinds: profile.communeStationKinds, activeOnly: true }),
    doctorCountsByFacility(db, area.path, onDate, doctorCadres),
    stationsWithRotationBetween(db, area.path, week.start, week.end),
  ]);

  const staff = summariseStaff(staffCells, profile);
  const stationsWithDoctor = new Set(doctorsAt.filter((d) => d.doctors > 0).map((d) => d.facilityId));
  const communePaths = new Set(communes.map((c) => c.path));
  // A commune counts as having a station (with a doctor) when a station sits in it or in one of its villages.
  const communeOf = (path: string) => [...communePaths].find((c) => path === c || path.startsWith(`${c}.`));
  const withStation = new Set<string>();
  const withDoctor = new Set<string>();
  for (const s of stations) {
    const commune = communeOf(s.areaPath);
    if (!commune) continue;
    withStation.add(commune);
    if (stationsWithDoctor.has(s.id)) withDoctor.add(commune);
  }
  const rotatingSet = new Set(rotating);
  const bedsPer10k = per10k(beds, people.population);
  const doctorsPer10k = per10k(staff.doctors, people.population);
  const target = targetFor(profile, q.year);

  return {
    area: { id: area.id, code: area.code, name: area.name, level: area.level },
    year: q.year,
    staffCountedOn: onDate,
    population: people.population,
    households: people.households,
    facilities: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, beds },
    bedsPer10k,
    staff: staff.staff,
    doctors: staff.doctors,
    doctorsPer10k,
    doctorsPostgraduateShare: share(staff.doctorsPostgraduate, staff.doctors),
    bachelorOrAboveShare: share(staff.bachelorOrAbove, staff.staff),
    bachelorOrAboveByTier: staff.byTier,
    communes: {
      total: communes.length,
      withStation: withStation.size,
      stationHasDoctor: withDoctor.size,
      stationHasDoctorShare: share(withDoctor.size, communes.length),
    },
    rotation: {
      weekStart: week.start,
      weekEnd: week.end,
      communeStations: stations.length,
      withRotatingDoctor: stations.filter((s) => rotatingSet.has(s.id)).length,
    },
    target: target && {
      ...target,
      bedsGap: bedsPer10k === null ? null : Math.round((bedsPer10k - target.bedsPer10k) * 10) / 10,
      doctorsGap:
        doctorsPer10k === null ? null : Math.round((doctorsPer10k - target.doctorsPer10k) * 10) / 10,
    },
  };
}
