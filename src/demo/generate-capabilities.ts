import { addDays } from '../platform/dates.ts';
import type { CapabilityStandard } from '../platform/profile.schema.ts';
import type { Rng } from './random.ts';

/** A demo station's service declaration, in the capabilities module's load columns. */
export interface DemoServiceDeclaration {
  facilityCode: string;
  serviceCode: string;
  offered: boolean;
  since: string;
  reason: string | null;
}

/** A demo station's equipment count. */
export interface DemoEquipmentCount {
  facilityCode: string;
  itemCode: string;
  asOf: string;
  working: number;
  needsRepair: number;
  broken: number;
}

export interface DemoCapabilities {
  services: DemoServiceDeclaration[];
  equipment: DemoEquipmentCount[];
}

/** The country's words the plan needs: why a station does not offer a service (in its language). */
export interface CapabilityWords {
  notOfferedReasons: readonly string[];
  /** Why a service offered before stopped (the midwife left, the machine broke). */
  stoppedReasons: readonly string[];
}

/**
 * What each demo station offers and has. Pure and seeded. Each station draws a strength (0.3-0.7):
 * a recommended service is offered with strength - 0.3, a core one with strength + a boost chosen
 * from the standard's share of core services, so that a district reads about 52% of the standard's
 * services offered (seed 000: 52.2%) whatever the standard. Of the services not
 * offered, most are declared with a reason and the rest left undeclared; one station in five stopped
 * a service in the past year (two rows: offered, then not). Equipment: items present with
 * strength + 0.3 (core) or strength - 0.2, a unit needing repair or broken now and then, and some
 * items broken earlier in the year and counted again since.
 */
export function planCapabilities(
  rng: Rng,
  stations: readonly { code: string; standard: CapabilityStandard }[],
  today: string,
  words: CapabilityWords,
): DemoCapabilities {
  const services: DemoServiceDeclaration[] = [];
  const equipment: DemoEquipmentCount[] = [];
  for (const station of stations) {
    const r = rng.fork(station.code);
    const strength = r.float(0.3, 0.7);
    const coreBoost = coreBoostOf(station.standard);
    const declaredOn = addDays(today, -r.int(200, 1500));
    let stopped = false;
    for (const s of station.standard.services) {
      const offered = r.chance(s.core ? strength + coreBoost : strength - 0.3);
      const row = { facilityCode: station.code, serviceCode: s.code };
      if (offered) {
        services.push({ ...row, offered: true, since: declaredOn, reason: null });
      } else if (!stopped && r.chance(0.2)) {
        // Offered until lately, then stopped: the history keeps both.
        stopped = true;
        services.push({ ...row, offered: true, since: declaredOn, reason: null });
        services.push({
          ...row,
          offered: false,
          since: addDays(today, -r.int(10, 300)),
          reason: r.pick(words.stoppedReasons),
        });
      } else if (r.chance(0.75)) {
        services.push({ ...row, offered: false, since: declaredOn, reason: r.pick(words.notOfferedReasons) });
      }
    }
    const countedOn = addDays(today, -r.int(5, 120));
    for (const item of station.standard.equipment) {
      if (!r.chance(item.core ? strength + 0.3 : strength - 0.2)) continue;
      const units = (item.minCount ?? 1) + (r.chance(0.3) ? 1 : 0);
      const broken = r.chance(0.12) ? 1 : 0;
      const needsRepair = r.chance(0.12) ? 1 : 0;
      const working = Math.max(0, units - broken - needsRepair);
      const row = { facilityCode: station.code, itemCode: item.code };
      if (r.chance(0.1)) {
        // Out of order earlier in the year, repaired since.
        equipment.push({
          ...row,
          asOf: addDays(countedOn, -r.int(60, 200)),
          working: 0,
          needsRepair: units,
          broken: 0,
        });
      }
      equipment.push({ ...row, asOf: countedOn, working, needsRepair, broken });
    }
  }
  return { services, equipment };
}

/** The share of the standard's services a demo district offers, on average (seed 000: 52.2%). */
const TARGET_SHARE = 0.52;

/**
 * The core boost that makes the expected share TARGET_SHARE at the mean strength 0.5: with a share c
 * of core services, c (0.5 + boost) + (1 - c) 0.2 = TARGET_SHARE.
 */
function coreBoostOf(standard: CapabilityStandard): number {
  const c = standard.services.filter((s) => s.core).length / standard.services.length;
  if (c === 0) return 0;
  return Math.min(0.35, Math.max(0, (TARGET_SHARE - (1 - c) * 0.2) / c - 0.5));
}
