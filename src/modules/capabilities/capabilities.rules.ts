/**
 * What a facility offers and has against its standard, and the roll-up for an area: pure functions of
 * the declarations (a history: the latest on or before the date counts) and the standard. Seed 000:
 * commune stations meet 52.2% of the demand for check-ups and treatment; the roll-up's services share
 * is that figure's kind: of the standard services the stations are expected to offer, the share they
 * actually offer. Seed 002: equipment at primary institutions is backward (missing, or broken).
 */
import type { CapabilityGroup, CapabilityStandard } from '../../platform/profile.schema.ts';
import type { EquipmentStatus } from './capabilities.enums.ts';

export type { EquipmentStatus };

/** One service declaration, as the rules need it. */
export interface ServiceDeclaration {
  id: string;
  serviceCode: string;
  offered: boolean;
  since: string;
  /** When it was recorded (ISO instant): of two declarations on the same date the later one counts. */
  recordedAt: string;
}

/** One equipment count, as the rules need it. */
export interface EquipmentCount {
  id: string;
  itemCode: string;
  asOf: string;
  working: number;
  needsRepair: number;
  broken: number;
  recordedAt: string;
}

/** Orders declarations newest first: the later date, then the later record, then the later id (UUID v7). */
function newerFirst(a: { date: string; recordedAt: string; id: string }, b: typeof a): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function latestByCode<T extends { id: string; recordedAt: string }>(
  records: readonly T[],
  code: (r: T) => string,
  date: (r: T) => string,
  on: string,
): Map<string, T> {
  const sorted = records
    .filter((r) => date(r) <= on)
    .map((r) => ({ r, key: { date: date(r), recordedAt: r.recordedAt, id: r.id } }))
    .sort((a, b) => newerFirst(a.key, b.key));
  const out = new Map<string, T>();
  for (const { r } of sorted) if (!out.has(code(r))) out.set(code(r), r);
  return out;
}

/** The declaration in force on `on` for each service: the newest dated on or before it. */
export function servicesOn<T extends ServiceDeclaration>(records: readonly T[], on: string): Map<string, T> {
  return latestByCode(
    records,
    (r) => r.serviceCode,
    (r) => r.since,
    on,
  );
}

/** The count in force on `on` for each equipment item: the newest dated on or before it. */
export function equipmentOn<T extends EquipmentCount>(records: readonly T[], on: string): Map<string, T> {
  return latestByCode(
    records,
    (r) => r.itemCode,
    (r) => r.asOf,
    on,
  );
}

/**
 * `working`: at least `minCount` units work; `short`: some work, fewer than expected; `not_working`:
 * there are units but none works (all need repair or are broken); `missing`: none, or never counted.
 */
export function equipmentStatus(count: EquipmentCount | undefined, minCount = 1): EquipmentStatus {
  if (!count || count.working + count.needsRepair + count.broken === 0) return 'missing';
  if (count.working >= minCount) return 'working';
  return count.working > 0 ? 'short' : 'not_working';
}

/** A share between 0 and 1 rounded to 4 decimals; null when nothing is expected. */
export function share(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** A facility's gap against its standard on a date. */
export interface StationGap {
  standardId: string;
  services: {
    expected: number;
    offered: number;
    share: number | null;
    coreExpected: number;
    coreOffered: number;
    /** Core services not offered (declared not offered, or never declared), in the standard's order. */
    coreMissing: string[];
    /** Standard services the facility has not declared either way (counted as not offered). */
    undeclared: number;
  };
  equipment: {
    expected: number;
    working: number;
    share: number | null;
    /** Items with no unit (or never counted). */
    missing: string[];
    /** Items with units of which none works. */
    notWorking: string[];
    /** Items with fewer working units than the standard expects. */
    short: string[];
    /** Core items without enough working units (missing, not working or short). */
    coreLacking: string[];
    unitsNeedingRepair: number;
    unitsBroken: number;
  };
  /** Offered services per group, for the roll-up. */
  groups: { group: CapabilityGroup; expected: number; offered: number }[];
  /** Standard services offered (codes). */
  offeredCodes: string[];
}

/** The gap of one facility: its declarations in force on the date against its standard. */
export function stationGap(
  standard: CapabilityStandard,
  services: ReadonlyMap<string, Pick<ServiceDeclaration, 'offered'>>,
  equipment: ReadonlyMap<string, EquipmentCount>,
): StationGap {
  const offeredCodes: string[] = [];
  const coreMissing: string[] = [];
  let undeclared = 0;
  let coreExpected = 0;
  const groups = new Map<CapabilityGroup, { group: CapabilityGroup; expected: number; offered: number }>();
  for (const s of standard.services) {
    const declared = services.get(s.code);
    const offered = declared?.offered === true;
    if (!declared) undeclared++;
    if (offered) offeredCodes.push(s.code);
    if (s.core) {
      coreExpected++;
      if (!offered) coreMissing.push(s.code);
    }
    const g = groups.get(s.group) ?? { group: s.group, expected: 0, offered: 0 };
    g.expected++;
    if (offered) g.offered++;
    groups.set(s.group, g);
  }
  const missing: string[] = [];
  const notWorking: string[] = [];
  const short: string[] = [];
  const coreLacking: string[] = [];
  let working = 0;
  let unitsNeedingRepair = 0;
  let unitsBroken = 0;
  for (const item of standard.equipment) {
    const count = equipment.get(item.code);
    const status = equipmentStatus(count, item.minCount);
    if (status === 'working') working++;
    else if (status === 'missing') missing.push(item.code);
    else if (status === 'not_working') notWorking.push(item.code);
    else short.push(item.code);
    if (item.core && status !== 'working') coreLacking.push(item.code);
    unitsNeedingRepair += count?.needsRepair ?? 0;
    unitsBroken += count?.broken ?? 0;
  }
  const expected = standard.services.length;
  return {
    standardId: standard.id,
    services: {
      expected,
      offered: offeredCodes.length,
      share: share(offeredCodes.length, expected),
      coreExpected,
      coreOffered: coreExpected - coreMissing.length,
      coreMissing,
      undeclared,
    },
    equipment: {
      expected: standard.equipment.length,
      working,
      share: share(working, standard.equipment.length),
      missing,
      notWorking,
      short,
      coreLacking,
      unitsNeedingRepair,
      unitsBroken,
    },
    groups: [...groups.values()],
    offeredCodes,
  };
}

/** The gaps of an area's facilities summed: the share of the standard's demand they meet. */
export interface GapRollUp {
  stations: number;
  services: {
    expected: number;
    offered: number;
    /** Offered / expected over all stations: seed 000's 52.2% is a figure of this kind. */
    share: number | null;
    coreExpected: number;
    coreOffered: number;
    coreShare: number | null;
    /** Stations that offer every core service. */
    stationsMeetingCore: number;
    /** Stations that have not declared every standard service (their gap may be overstated). */
    stationsWithUndeclared: number;
  };
  equipment: {
    expected: number;
    working: number;
    share: number | null;
    /** Stations lacking a working core item. */
    stationsLackingCore: number;
    /** Stations with at least one item of which no unit works. */
    stationsWithNotWorking: number;
    unitsNeedingRepair: number;
    unitsBroken: number;
  };
  byGroup: { group: CapabilityGroup; expected: number; offered: number; share: number | null }[];
  /** Per standard service: how many stations of that standard offer it. */
  byService: { standardId: string; code: string; core: boolean; stations: number; offering: number }[];
}

/** Sums station gaps (each with its standard) into an area's figures. */
export function rollUp(gaps: readonly { gap: StationGap; standard: CapabilityStandard }[]): GapRollUp {
  const sum = (f: (g: StationGap) => number) => gaps.reduce((n, { gap }) => n + f(gap), 0);
  const expected = sum((g) => g.services.expected);
  const offered = sum((g) => g.services.offered);
  const coreExpected = sum((g) => g.services.coreExpected);
  const coreOffered = sum((g) => g.services.coreOffered);
  const eqExpected = sum((g) => g.equipment.expected);
  const eqWorking = sum((g) => g.equipment.working);
  const byGroup = new Map<CapabilityGroup, { group: CapabilityGroup; expected: number; offered: number }>();
  const byService = new Map<string, GapRollUp['byService'][number]>();
  for (const { gap, standard } of gaps) {
    for (const g of gap.groups) {
      const row = byGroup.get(g.group) ?? { group: g.group, expected: 0, offered: 0 };
      row.expected += g.expected;
      row.offered += g.offered;
      byGroup.set(g.group, row);
    }
    const offeredHere = new Set(gap.offeredCodes);
    for (const s of standard.services) {
      const key = `${standard.id}/${s.code}`;
      const row = byService.get(key) ?? {
        standardId: standard.id,
        code: s.code,
        core: s.core,
        stations: 0,
        offering: 0,
      };
      row.stations++;
      if (offeredHere.has(s.code)) row.offering++;
      byService.set(key, row);
    }
  }
  return {
    stations: gaps.length,
    services: {
      expected,
      offered,
      share: share(offered, expected),
      coreExpected,
      coreOffered,
      coreShare: share(coreOffered, coreExpected),
      stationsMeetingCore: gaps.filter(({ gap }) => gap.services.coreMissing.length === 0).length,
      stationsWithUndeclared: gaps.filter(({ gap }) => gap.services.undeclared > 0).length,
    },
    equipment: {
      expected: eqExpected,
      working: eqWorking,
      share: share(eqWorking, eqExpected),
      stationsLackingCore: gaps.filter(({ gap }) => gap.equipment.coreLacking.length > 0).length,
      stationsWithNotWorking: gaps.filter(({ gap }) => gap.equipment.notWorking.length > 0).length,
      unitsNeedingRepair: sum((g) => g.equipment.unitsNeedingRepair),
      unitsBroken: sum((g) => g.equipment.unitsBroken),
    },
    byGroup: [...byGroup.values()].map((g) => ({ ...g, share: share(g.offered, g.expected) })),
    byService: [...byService.values()],
  };
}

/** Why a declaration is refused, by field (empty when it is acceptable). */
export function checkServiceDeclaration(
  d: { offered: boolean; since: string; reason?: string | null },
  today: string,
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (d.since > today) errors.push({ field: 'body.since', message: `must not be after today (${today})` });
  if (!d.offered && !d.reason?.trim())
    errors.push({
      field: 'body.reason',
      message: 'say why the service is not offered (no staff, no equipment, ...)',
    });
  return errors;
}

/** Why an equipment count is refused, by field (empty when it is acceptable). */
export function checkEquipmentCount(
  d: { asOf: string },
  today: string,
): { field: string; message: string }[] {
  return d.asOf > today ? [{ field: 'body.asOf', message: `must not be after today (${today})` }] : [];
}

/** A catalogue service performed at a visit (encounters' `encounter_service`), by catalogue code. */
export interface PerformedService {
  encounterId: string;
  facilityId: string;
  catalogCode: string;
  performedOn: string;
}

/** A station's standard and its whole declaration history, for counting visits against it. */
export interface StationHistory<D extends ServiceDeclaration = ServiceDeclaration> {
  facilityId: string;
  standard: CapabilityStandard;
  declarations: readonly D[];
}

export interface UnofferedCount {
  /** Visits with at least one such service. */
  visits: number;
  /** Services performed that the station had not declared offered. */
  services: number;
  byStation: { facilityId: string; visits: number; services: number }[];
  byService: { standardId: string; code: string; services: number }[];
}

/**
 * Visits to a station for a service it does not offer: a catalogue service performed there that the
 * standard maps (`catalogServiceCodes`) to a standard service which, on the day it was performed, the
 * station had declared not offered or had not declared at all. A catalogue service the standard does
 * not map is not counted (an injection is part of many services, the offer of none).
 */
export function countUnofferedVisits(
  stations: readonly StationHistory[],
  performed: readonly PerformedService[],
): UnofferedCount {
  const byFacility = new Map(stations.map((s) => [s.facilityId, s]));
  const standardCode = new Map<string, Map<string, string>>();
  const mapOf = (standard: CapabilityStandard) => {
    let m = standardCode.get(standard.id);
    if (!m) {
      m = new Map();
      for (const s of standard.services)
        for (const c of s.catalogServiceCodes ?? []) if (!m.has(c)) m.set(c, s.code);
      standardCode.set(standard.id, m);
    }
    return m;
  };
  const onDay = new Map<string, Map<string, ServiceDeclaration>>();
  const visits = new Set<string>();
  const stationVisits = new Map<string, Set<string>>();
  const stationServices = new Map<string, number>();
  const serviceCounts = new Map<string, { standardId: string; code: string; services: number }>();
  let services = 0;
  for (const p of performed) {
    const station = byFacility.get(p.facilityId);
    if (!station) continue;
    const code = mapOf(station.standard).get(p.catalogCode);
    if (!code) continue;
    const key = `${p.facilityId}/${p.performedOn}`;
    let declared = onDay.get(key);
    if (!declared) {
      declared = servicesOn(station.declarations, p.performedOn);
      onDay.set(key, declared);
    }
    if (declared.get(code)?.offered === true) continue;
    services++;
    visits.add(p.encounterId);
    const sv = stationVisits.get(p.facilityId) ?? new Set<string>();
    sv.add(p.encounterId);
    stationVisits.set(p.facilityId, sv);
    stationServices.set(p.facilityId, (stationServices.get(p.facilityId) ?? 0) + 1);
    const sk = `${station.standard.id}/${code}`;
    const row = serviceCounts.get(sk) ?? { standardId: station.standard.id, code, services: 0 };
    row.services++;
    serviceCounts.set(sk, row);
  }
  return {
    visits: visits.size,
    services,
    byStation: [...stationVisits.entries()].map(([facilityId, v]) => ({
      facilityId,
      visits: v.size,
      services: stationServices.get(facilityId) ?? 0,
    })),
    byService: [...serviceCounts.values()],
  };
}
