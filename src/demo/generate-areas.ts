import {
  COMMUNE_PREFIX,
  type CommuneType,
  DISTRICTS,
  type DistrictSpec,
  MOUNTAIN_VILLAGE_NAMES,
  PROVINCE,
  VILLAGE_NAMES,
} from './khanh-hoa.ts';
import type { Rng } from './random.ts';

/** Population of one area in one year. */
export interface DemoPopulation {
  year: number;
  population: number;
  households: number;
}

/** One generated area: province, district, commune or village. */
export interface DemoArea {
  code: string;
  name: string;
  /** One of the profile's area levels (VN: province, district, commune, village; CN adds prefecture, county, township). */
  level: string;
  parentCode: string | null;
  latitude: number;
  longitude: number;
  /** Only communes carry population, so that summing over any subtree counts each person once. */
  population: DemoPopulation[];
}

/** A commune with what the facility and workforce generators need to know about it. */
export interface DemoCommune extends DemoArea {
  type: CommuneType;
  /** The commune's own name without its prefix ("Vĩnh Hải"). */
  shortName: string;
  district: DistrictSpec;
  villages: DemoArea[];
}

export interface DemoAreas {
  /** Parents before children: province, districts, then each commune followed by its villages. */
  all: DemoArea[];
  communes: DemoCommune[];
}

export const POPULATION_YEARS = [2023, 2024, 2025, 2026];
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * Splits a total into integer parts proportional to the weights (largest remainder), so the parts
 * add up exactly to the total.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

/** Commune population weights: wards and towns are denser than rural communes. */
function communeWeight(rng: Rng, type: CommuneType, mountainous: boolean): number {
  const base = type === 'ward' ? 2.3 : type === 'town' ? 2.0 : mountainous ? 0.8 : 1;
  return base * Math.exp(rng.normal(0, 0.35));
}

function populationSeries(
  rng: Rng,
  base2023: number,
  type: CommuneType,
  mountainous: boolean,
): DemoPopulation[] {
  // About 1% a year: a little faster in the city, a little slower in the countryside.
  const growth = (type === 'ward' ? 0.012 : 0.009) + rng.normal(0, 0.002);
  const householdSize = (mountainous ? 4.3 : 3.85) + rng.normal(0, 0.12);
  return POPULATION_YEARS.map((year) => {
    const population = Math.round(base2023 * (1 + growth) ** (year - 2023));
    return { year, population, households: Math.round(population / householdSize) };
  });
}

function villageNames(rng: Rng, type: CommuneType, mountainous: boolean, count: number): string[] {
  if (type !== 'commune') return Array.from({ length: count }, (_, i) => `Tổ dân phố ${i + 1}`);
  const named = mountainous ? MOUNTAIN_VILLAGE_NAMES : VILLAGE_NAMES;
  // Some communes number their villages, others name them.
  if (!mountainous && rng.chance(0.4)) return Array.from({ length: count }, (_, i) => `Thôn ${i + 1}`);
  return rng
    .shuffle([...named])
    .slice(0, count)
    .map((n) => `Thôn ${n}`);
}

function generateDistrict(rng: Rng, spec: DistrictSpec, out: DemoAreas): void {
  out.all.push({
    code: spec.code,
    name: spec.name,
    level: 'district',
    parentCode: PROVINCE.code,
    latitude: spec.centre[0],
    longitude: spec.centre[1],
    population: [],
  });
  const parsed = spec.communes.map((entry) => {
    const [tag, name] = entry.split(':') as [string, string];
    const type: CommuneType = tag === 'w' ? 'ward' : tag === 't' ? 'town' : 'commune';
    return { type, name };
  });
  const weights = parsed.map((p) => communeWeight(rng, p.type, spec.mountainous));
  const base = apportion(spec.population2023, weights);
  const phase = rng.float(0, 2 * Math.PI);
  parsed.forEach((p, i) => {
    // Sunflower spread: the first (urban) communes near the centre, the rural ones further out.
    const r = Math.sqrt((i + 0.5) / parsed.length);
    const angle = phase + i * GOLDEN_ANGLE;
    const code = String(spec.firstCommuneCode + 3 * i);
    const commune: DemoCommune = {
      code,
      name: `${COMMUNE_PREFIX[p.type]} ${p.name}`,
      level: 'commune',
      parentCode: spec.code,
      latitude: round5(spec.centre[0] + spec.spread[0] * r * Math.sin(angle) + rng.normal(0, 0.003)),
      longitude: round5(spec.centre[1] + spec.spread[1] * r * Math.cos(angle) + rng.normal(0, 0.003)),
      population: populationSeries(rng, base[i]!, p.type, spec.mountainous),
      type: p.type,
      shortName: p.name,
      district: spec,
      villages: [],
    };
    const count = spec.mountainous ? rng.int(4, 8) : p.type === 'commune' ? rng.int(5, 10) : rng.int(6, 10);
    const villageRadius = spec.mountainous ? 0.025 : p.type === 'ward' ? 0.006 : 0.015;
    commune.villages = villageNames(rng, p.type, spec.mountainous, count).map((name, n) => ({
      code: `${code}_${n + 1}`,
      name,
      level: 'village',
      parentCode: code,
      latitude: round5(commune.latitude + rng.float(-villageRadius, villageRadius)),
      longitude: round5(commune.longitude + rng.float(-villageRadius, villageRadius)),
      population: [],
    }));
    out.communes.push(commune);
    out.all.push(commune, ...commune.villages);
  });
}

/** The area tree of the demo province: 1 province, 8 districts, 136 communes, their villages. */
export function generateAreas(rng: Rng): DemoAreas {
  const out: DemoAreas = { all: [], communes: [] };
  out.all.push({
    code: PROVINCE.code,
    name: PROVINCE.name,
    level: 'province',
    parentCode: null,
    latitude: PROVINCE.centre[0],
    longitude: PROVINCE.centre[1],
    population: [],
  });
  for (const spec of DISTRICTS) generateDistrict(rng.fork(spec.code), spec, out);
  return out;
}
