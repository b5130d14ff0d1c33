import { type DemoRotation, type DemoTraining, planRotations, planTraining } from './generate-activities.ts';
import { type DemoAreas, generateAreas } from './generate-areas.ts';
import { type DemoFacility, generateFacilities } from './generate-facilities.ts';
import { type DemoWorker, generateWorkers } from './generate-workers.ts';
import { Rng } from './random.ts';

/** The seed the shipped demo uses; any other seed gives another, equally plausible province. */
export const DEMO_SEED = 'grassroots-khanh-hoa-2023';

export interface DemoOptions {
  seed?: number | string;
  /** The load date 'YYYY-MM-DD': ages, start dates and rotations are relative to it. */
  today: string;
}

/** The whole demo province, generated in memory. */
export interface DemoProvince {
  areas: DemoAreas;
  facilities: DemoFacility[];
  workers: DemoWorker[];
  rotations: DemoRotation[];
  training: DemoTraining[];
}

/**
 * Generates the demo province shaped like Khánh Hòa in seed 004. Pure and deterministic: the same
 * seed and date give the same province, byte for byte. Each part draws from its own forked stream,
 * so changing how workers are drawn does not move a single commune.
 *
 * @example
 * const demo = generateDemoProvince({ today: '2026-11-25' });
 * demo.facilities.filter((f) => f.kind === 'commune_health_station').length; // 136
 */
export function generateDemoProvince(options: DemoOptions): DemoProvince {
  const root = new Rng(options.seed ?? DEMO_SEED);
  const areas = generateAreas(root.fork('areas'));
  const facilities = generateFacilities(root.fork('facilities'), areas);
  const workers = generateWorkers(root.fork('workers'), areas, facilities, options.today);
  const rotations = planRotations(root.fork('rotations'), facilities, workers, options.today);
  const training = planTraining(root.fork('training'), workers, options.today);
  return { areas, facilities, workers, rotations, training };
}
