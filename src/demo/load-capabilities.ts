import { loadCapabilities, standardsOf } from '../modules/capabilities/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { type CapabilityWords, planCapabilities } from './generate-capabilities.ts';
import { Rng } from './random.ts';

/**
 * What each demo station offers and has, against the profile's standard (capabilities module), for
 * either demo: its facilities, the load date, its seed and the words of its notes.
 */
export async function loadDemoCapabilities(
  ctx: AppContext,
  facilities: readonly { code: string; kind: string }[],
  today: string,
  seed: number | string,
  words: CapabilityWords,
): Promise<void> {
  const standards = standardsOf(ctx.profile);
  const stations = facilities.flatMap((f) => {
    const standard = standards.forKind(f.kind);
    return standard ? [{ code: f.code, standard }] : [];
  });
  await loadCapabilities(ctx, planCapabilities(new Rng(seed).fork('capabilities'), stations, today, words));
}
