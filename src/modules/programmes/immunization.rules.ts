import { vaccines } from '../immunizations/index.ts';

import type { DoseFact, DueWindow, InvalidDose, InvalidDoseReason, ResidentFacts } from './facts.ts';
import {
  acceptedVaccines,
  addDuration,
  checkImmunization,
  immunizationItems,
  shiftDate,
  type VaccineCatalogue,
} from './immunization.check.ts';
import {
  type DurationT,
  type ImmunizationItemT,
  type ImmunizationProgramme,
  ImmunizationProgrammeSchema,
  type ImmunizationVersionT,
} from './immunization.protocol.ts';
import type { ProgrammeFamily } from './protocols.ts';

/**
 * The childhood immunization family: which doses a child is due, from the birth date, the doses
 * recorded and the programme's schedule (protocols/programmes/<id>.json). Pure: the vaccine list is
 * an argument (the family passes protocols/vaccines.json).
 *
 * - Each item is scheduled by the version in force on its due date (birth + its age under that
 *   version; see scheduleOf), and a dose given is judged by the version in force on its day.
 * - A series' doses count for its items in order. An item is due from birth + age or the previous
 *   item's dose + interval, whichever is later; valid from the minimum age and minimum interval.
 * - A dose under the minimum age or interval, a live injectable within the spacing of another (not
 *   the same day), or one after the item's expiry, is not counted: an InvalidDose with the reason and
 *   the date it would have been valid from; the item stays due. A dose counted nowhere is
 *   'not-in-schedule'. A combination dose counted in one series is not reported for another.
 * - An item not given expires at its own age or the version's end of catch-up; one that expired
 *   before the file's first version is not listed, and a resident whose every item did (an adult)
 *   gets nothing, windows or doses judged.
 * - An item whose previous item is not done (or expired unused) has no window: only a series' next
 *   dose is due. An item without one that expired is passed over (OPV0 expired: the dose is OPV1's).
 */

const NO_TIME: DurationT = { days: 0 };
const later = (a: string, b: string | null): string => (b !== null && b > a ? b : a);

interface ResolvedItem extends ImmunizationItemT {
  version: ImmunizationVersionT;
  index: number;
  accepts: ReadonlySet<string>;
  /** Not due before its version's first day (a version chosen for a due date before it). */
  notBefore?: string;
}

/** The version in force on a day: the newest from on or before it (the first before any). */
function versionOn(p: ImmunizationProgramme, date: string): number {
  let k = 0;
  p.versions.forEach((v, j) => {
    if (v.effectiveFrom <= date) k = j;
  });
  return k;
}

/**
 * The child's schedule: for each item id of any version, the version in force on its due date (birth
 * + its age under that version); when none is (a change moved the age across the change's day), the
 * one in force on the later due date, not due before its first day. An item that version lacks is
 * not on the child's schedule.
 * A dose given is judged by the version in force on its day (itemOn).
 */
const schedules = new WeakMap<
  VaccineCatalogue,
  WeakMap<ImmunizationProgramme, Map<string, ResolvedItem[]>>
>();
const MEMO_BIRTHS = 5_000;

/** scheduleOf, remembered per birth date (children born the same day have the same schedule). */
function scheduleFor(p: ImmunizationProgramme, birth: string, catalogue: VaccineCatalogue): ResolvedItem[] {
  let byProgramme = schedules.get(catalogue);
  if (!byProgramme) {
    byProgramme = new WeakMap();
    schedules.set(catalogue, byProgramme);
  }
  let byBirth = byProgramme.get(p);
  if (!byBirth) {
    byBirth = new Map();
    byProgramme.set(p, byBirth);
  }
  let out = byBirth.get(birth);
  if (!out) {
    out = scheduleOf(p, birth, catalogue);
    if (byBirth.size >= MEMO_BIRTHS) byBirth.clear();
    byBirth.set(birth, out);
  }
  return out;
}

const expiryAges = new WeakMap<ImmunizationProgramme, DurationT[] | null>();

/** The distinct ages at which the items expire; null when one never does. */
function expiryAgesOf(p: ImmunizationProgramme): DurationT[] | null {
  if (expiryAges.has(p)) return expiryAges.get(p) ?? null;
  const byText = new Map<string, DurationT>();
  let all = true;
  for (const v of p.versions)
    for (const i of v.items) {
      const end = i.expiresAt ?? v.catchUpUntil;
      if (end) byText.set(JSON.stringify(end), end);
      else all = false;
    }
  const out = all ? [...byText.values()] : null;
  expiryAges.set(p, out);
  return out;
}

export function scheduleOf(
  p: ImmunizationProgramme,
  birth: string,
  catalogue: VaccineCatalogue,
): ResolvedItem[] {
  const ids: string[] = [];
  for (const v of p.versions) for (const i of v.items) if (!ids.includes(i.id)) ids.push(i.id);
  const out: ResolvedItem[] = [];
  for (const id of ids) {
    // The item's age in the version, or (a version without it) in the nearest older one, else newer.
    const ageIn = (k: number): DurationT | undefined => {
      for (let j = k; j >= 0; j--) {
        const it = p.versions[j]?.items.find((i) => i.id === id);
        if (it) return it.age;
      }
      for (let j = k + 1; j < p.versions.length; j++) {
        const it = p.versions[j]?.items.find((i) => i.id === id);
        if (it) return it.age;
      }
      return undefined;
    };
    const dueIn = p.versions.map((_, k) => {
      const age = ageIn(k);
      return age ? addDuration(birth, age) : '';
    });
    let chosen = -1;
    for (let k = p.versions.length - 1; k >= 0 && chosen < 0; k--)
      if (versionOn(p, dueIn[k] as string) === k) chosen = k;
    // No version in force on its own due date: the one in force on the later due date, from its day.
    const gap = chosen < 0;
    if (gap) chosen = versionOn(p, [...dueIn].sort().at(-1) ?? '');
    const v = p.versions[chosen] as ImmunizationVersionT;
    const index = v.items.findIndex((i) => i.id === id);
    const item = v.items[index];
    if (item)
      out.push({
        ...item,
        version: v,
        index,
        accepts: acceptedVaccines(item, catalogue),
        ...(gap ? { notBefore: v.effectiveFrom } : {}),
      });
  }
  return out;
}

const variantsOf = new WeakMap<ResolvedItem, Map<ImmunizationVersionT, ResolvedItem>>();

/** The item as the version in force on `date` has it (a dose is judged by its day's rules). */
function itemOn(p: ImmunizationProgramme, item: ResolvedItem, date: string): ResolvedItem {
  const version = p.versions[versionOn(p, date)] as ImmunizationVersionT;
  if (version === item.version) return item;
  let byVersion = variantsOf.get(item);
  if (!byVersion) {
    byVersion = new Map();
    variantsOf.set(item, byVersion);
  }
  let variant = byVersion.get(version);
  if (!variant) {
    const index = version.items.findIndex((i) => i.id === item.id);
    const there = version.items[index];
    variant = there ? { ...there, version, index, accepts: item.accepts } : item;
    byVersion.set(version, variant);
  }
  return variant;
}

/** Live injectable doses within the spacing of an earlier one (not the same day): the date each would be valid. */
function liveSpacingOf(doses: readonly DoseFact[], spacing: DurationT, catalogue: VaccineCatalogue) {
  const live = doses.filter((d) => catalogue.get(d.vaccine)?.live === 'injectable');
  const validFrom = new Map<string, string>();
  for (const d of live) {
    for (const e of live) {
      if (e.date >= d.date) continue;
      const clear = addDuration(e.date, spacing);
      if (d.date < clear) validFrom.set(d.id, later(clear, validFrom.get(d.id) ?? null));
    }
  }
  return validFrom;
}

/** An item's dates for a child, after its previous dose (`anchor`) when it has one. */
function timesOf(item: ResolvedItem, birth: string, anchor: string | null) {
  const minAgeOn = addDuration(birth, item.minAge ?? item.age);
  const minInterval = item.minInterval ?? NO_TIME;
  const earliestOn = later(
    later(minAgeOn, anchor && addDuration(anchor, minInterval)),
    item.notBefore ?? null,
  );
  const dueFrom = later(
    later(addDuration(birth, item.age), anchor && addDuration(anchor, item.interval ?? minInterval)),
    earliestOn,
  );
  const overdueAfter = later(
    item.overdueFrom
      ? shiftDate(addDuration(birth, item.overdueFrom), 0, -1)
      : addDuration(dueFrom, item.version.overdueAfterDue),
    dueFrom,
  );
  const expiry = item.expiresAt ?? item.version.catchUpUntil;
  return {
    minAgeOn,
    earliestOn,
    dueFrom,
    overdueAfter,
    expiresOn: expiry ? addDuration(birth, expiry) : null,
  };
}

type ItemState = { done: DoseFact } | 'open' | 'skipped' | 'waiting';

interface Flag {
  itemId: string;
  reason: InvalidDoseReason;
  validFrom: string | null;
}

/**
 * The windows and the doses not counted of a child under one immunization programme.
 *
 * @example evaluateImmunization(facts, vnEpi, vaccines()).windows.find((w) => w.itemId === 'penta-1')
 */
export function evaluateImmunization(
  facts: ResidentFacts,
  p: ImmunizationProgramme,
  catalogue: VaccineCatalogue,
): { windows: DueWindow[]; invalidDoses: InvalidDose[] } {
  const birth = facts.birthDate;
  if (facts.status !== 'active' || birth === null) return { windows: [], invalidDoses: [] };
  const firstVersion = p.versions[0]?.effectiveFrom ?? '';
  // Every item expired before the file's first version (an adult): the programme is not about them.
  const ends = expiryAgesOf(p);
  if (ends?.every((end) => addDuration(birth, end) <= firstVersion)) return { windows: [], invalidDoses: [] };
  const schedule = scheduleFor(p, birth, catalogue);
  const doses = [...facts.doses].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const spacedFrom = liveSpacingOf(doses, p.liveSpacing, catalogue);
  const counted = new Set<string>();
  const flags = new Map<string, Flag>();
  const windows: DueWindow[] = [];
  const flag = (doseId: string, f: Flag) => {
    if (!flags.has(doseId)) flags.set(doseId, f);
  };

  const series = [...new Set(schedule.map((i) => i.series))];
  for (const name of series) {
    let items = schedule.filter((i) => i.series === name);
    items.sort(
      (a, b) => addDuration(birth, a.age).localeCompare(addDuration(birth, b.age)) || a.index - b.index,
    );
    const accepted = (list: readonly ResolvedItem[]) =>
      doses.filter((d) => list.some((i) => i.accepts.has(d.vaccine)));
    // Alternative tracks (live or inactivated JE): the first dose's vaccine picks; else the first listed.
    const tracks = [...new Set(items.flatMap((i) => (i.track ? [i.track] : [])))];
    if (tracks.length > 1) {
      const first = accepted(items)[0];
      const track =
        (first && items.find((i) => i.track && i.accepts.has(first.vaccine))?.track) ??
        schedule.find((i) => i.series === name && i.track)?.track;
      items = items.filter((i) => !i.track || i.track === track);
    }
    const byId = new Map(items.map((i) => [i.id, i]));
    const seriesDoses = accepted(items);
    const used = new Set<string>();
    const expiredFor = new Map<string, string>();
    const state = new Map<string, ItemState>();

    for (const item of items) {
      const before = item.after && byId.has(item.after) ? state.get(item.after) : undefined;
      if (before === 'open' || before === 'waiting' || before === 'skipped') {
        state.set(item.id, 'waiting');
        continue;
      }
      const anchor = before && typeof before === 'object' ? before.done.date : null;
      const base = timesOf(item, birth, anchor);
      const variants = new Map([[item, base]]);
      const timesFor = (variant: ResolvedItem) => {
        let t = variants.get(variant);
        if (!t) {
          t = timesOf(variant, birth, anchor);
          variants.set(variant, t);
        }
        return t;
      };
      let times = base;
      let st: ItemState = 'open';
      for (const d of seriesDoses) {
        if (used.has(d.id) || !item.accepts.has(d.vaccine)) continue;
        const { minAgeOn, earliestOn, expiresOn } = timesFor(itemOn(p, item, d.date));
        if (expiresOn !== null && d.date >= expiresOn) {
          // Too late for this item: the dose may be the next item's (OPV0 expired, OPV1 given).
          if (!expiredFor.has(d.id)) expiredFor.set(d.id, item.id);
          st = 'skipped';
          break;
        }
        const spaced = spacedFrom.get(d.id) ?? null;
        const expired = expiredFor.get(d.id);
        if (d.date < earliestOn) {
          used.add(d.id);
          if (expired) flag(d.id, { itemId: expired, reason: 'after-expiry', validFrom: null });
          else
            flag(d.id, {
              itemId: item.id,
              reason: d.date < minAgeOn ? 'below-minimum-age' : 'under-minimum-interval',
              validFrom: later(earliestOn, spaced),
            });
          continue;
        }
        if (spaced !== null) {
          used.add(d.id);
          flag(d.id, { itemId: item.id, reason: 'live-vaccine-spacing', validFrom: spaced });
          continue;
        }
        used.add(d.id);
        counted.add(d.id);
        st = { done: d };
        times = timesFor(itemOn(p, item, d.date));
        break;
      }
      state.set(item.id, st);
      const done = typeof st === 'object' ? st.done : null;
      // Expired before the file's first version (an adult's childhood doses): not judged, not listed.
      if (!done && base.expiresOn !== null && base.expiresOn <= firstVersion) continue;
      windows.push({
        programmeId: p.id,
        itemId: item.id,
        episodeId: null,
        dueFrom: times.dueFrom,
        earliestOn: times.earliestOn,
        overdueAfter: times.overdueAfter,
        expiresOn: times.expiresOn,
        doneOn: done?.date ?? null,
        doneBy: done?.id ?? null,
      });
    }
    for (const d of seriesDoses) {
      const expired = expiredFor.get(d.id);
      if (!used.has(d.id) && expired)
        flag(d.id, { itemId: expired, reason: 'after-expiry', validFrom: null });
    }
  }

  const invalidDoses: InvalidDose[] = [];
  for (const d of doses) {
    if (counted.has(d.id)) continue;
    const f = flags.get(d.id);
    invalidDoses.push({
      doseId: d.id,
      programmeId: p.id,
      itemId: f?.itemId ?? null,
      reason: f?.reason ?? 'not-in-schedule',
      validFrom: f?.validFrom ?? null,
    });
  }
  return { windows, invalidDoses };
}

/** The family the engine runs for programmes of kind 'immunization' (vaccines from protocols/vaccines.json). */
export const immunizationFamily: ProgrammeFamily<ImmunizationProgramme> = {
  kinds: ['immunization'],
  schema: ImmunizationProgrammeSchema,
  check: (p) => checkImmunization(p, vaccines()),
  items: (p) => immunizationItems(p, vaccines()),
  evaluate: (facts, p) => evaluateImmunization(facts, p, vaccines()),
};
