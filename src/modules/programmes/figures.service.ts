import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.schema.ts';
import { inScope, type Scope } from '../access/index.ts';
import { requireArea } from '../areas/index.ts';
import { vaccines } from '../immunizations/index.ts';
import {
  type AntigenDoses,
  birthWindowOf,
  coverageCounts,
  coverageFigures,
  elderlyBornBy,
  elderlyFigure,
} from './figures.coverage.rules.ts';
import { maternalCounts, maternalFigures } from './figures.maternal.rules.ts';
import { returnCounts, returnFigure } from './figures.outreach.rules.ts';
import {
  birthsWithContacts,
  callsAndVisits,
  childrenWithDoses,
  diabetesPatients,
  elderlyWithChecks,
  hypertensionPatients,
} from './figures.queries.ts';
import { chronicCounts, chronicFigures, parsePeriod, windowsOf } from './figures.rules.ts';
import type { FiguresQuery, ProgrammeFigures } from './figures.schema.ts';
import { programmesOf } from './protocols.ts';

const ALL: Scope = { all: true, paths: [] };

/**
 * GET /api/programmes/figures: the programme figures of an area for a period. Load each programme's
 * members with what they need, then count in the pure rules. The area must be inside the caller's
 * scope: a figure of an area is only whole where every one of its records is seen.
 */
export async function programmeFigures(
  ctx: AppContext,
  q: FiguresQuery,
  scope: Scope = ALL,
): Promise<ProgrammeFigures> {
  const area = await requireArea(ctx.db, q.area, 'query.area');
  if (!inScope(area.path, scope))
    throw new AppError(
      'forbidden',
      `The area ${area.code} (${area.name}) is outside your scope: ask for an area you work in`,
    );
  const today = todayOf(ctx);
  const period = parsePeriod(q.period, today);
  if ('error' in period) throw invalidFields([{ field: 'query.period', message: period.error }]);
  const w = windowsOf(period, today);
  const hypertension = await hypertensionPatients(ctx.db, area.path, w);
  const diabetes = await diabetesPatients(ctx.db, area.path, w);
  const children = await childrenWithDoses(ctx.db, area.path, birthWindowOf(period, w), w.asOf);
  const elders = await elderlyWithChecks(ctx.db, area.path, w.last12Months, elderlyBornBy(w));
  const births = await birthsWithContacts(ctx.db, area.path, { from: period.from, to: w.asOf });
  const fullList = fullyImmunizedOf(ctx.profile);
  const callWindow = { from: period.from, to: w.asOf };
  const htnCalls = await callsAndVisits(ctx.db, area.path, idsOf(ctx.profile, 'hypertension'), callWindow);
  const dmCalls = await callsAndVisits(ctx.db, area.path, idsOf(ctx.profile, 'diabetes'), callWindow);
  const returned = (kind: 'hypertension' | 'diabetes', c: typeof htnCalls) =>
    returnFigure(kind, returnCounts(c.calls, c.visitDays, period, w, ctx.profile.timeZone));
  return {
    area: { id: area.id, code: area.code, name: area.name, level: area.level },
    period,
    asOf: w.asOf,
    windows: { last3Months: w.last3Months, last12Months: w.last12Months },
    figures: [
      ...chronicFigures('hypertension', chronicCounts(hypertension, period, w)),
      returned('hypertension', htnCalls),
      ...chronicFigures('diabetes', chronicCounts(diabetes, period, w)),
      returned('diabetes', dmCalls),
      ...coverageFigures(coverageCounts(children, period, w, antigensOf, fullList), fullList),
      ...maternalFigures(maternalCounts(births, period, w)),
      elderlyFigure(elders, w),
    ],
  };
}

/** The ids of the profile's programmes of a kind (an outreach attempt names its programme). */
const idsOf = (profile: CountryProfile, kind: string) =>
  programmesOf(profile).flatMap((p) => (p.kind === kind ? [p.id] : []));

const antigensOf = (vaccine: string) => vaccines().get(vaccine)?.antigens ?? [];

/**
 * The profile's "fully immunized by age 1" (programmeFigures.fullyImmunizedByAge1), each antigen
 * one of protocols/vaccines.json: checked at start (figureRoutes), so a misspelt antigen never
 * counts every child as not immunized.
 */
export function fullyImmunizedOf(profile: CountryProfile): AntigenDoses[] {
  const list = profile.programmeFigures?.fullyImmunizedByAge1 ?? [];
  const known = new Set([...vaccines().values()].flatMap((v) => v.antigens));
  for (const [i, n] of list.entries())
    if (!known.has(n.antigen))
      throw new Error(
        `profile ${profile.id}: programmeFigures.fullyImmunizedByAge1[${i}].antigen ${n.antigen} is no antigen of protocols/vaccines.json`,
      );
  return list;
}
