import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { growthReadingsOf } from '../encounters/index.ts';
import { findResidentRef, residentCareRefsByIds } from '../residents/index.ts';
import type { GrowthSex } from './growth.enums.ts';
import {
  ageOn,
  assess,
  CHILD_UNDER_YEARS,
  curveByLength,
  DAYS_PER_MONTH,
  isChildOn,
  LAST_TABLE_DAY,
  lengthForTables,
  referenceCurves,
} from './growth.rules.ts';
import type {
  GrowthChart,
  GrowthReadingView,
  GrowthReference,
  GrowthReferenceQuery,
} from './growth.schema.ts';
import { growthTables } from './growth.tables.ts';

/**
 * A child's growth: the weight and length/height of every visit (encounters' readings in force), each
 * scored against the WHO Child Growth Standards (growth.rules.ts). Load, then decide: the readings and
 * the resident are read, the rules score them.
 */

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * GET /api/residents/:id/growth. 404 for a resident unknown or out of the caller's scope; 409
 * resident_not_child without a birth date or from six years old. Readings from 60 months to six years
 * are listed without z-scores (the standards end at 60 months; WHO's 2007 reference for 5-19 years is
 * not shipped), as are all of a child whose sex is not recorded.
 */
export async function growthOf(ctx: AppContext, residentId: string): Promise<GrowthChart> {
  const ref = await findResidentRef(ctx.db, residentId);
  if (!ref) throw notFound('Resident', residentId);
  const care = (await residentCareRefsByIds(ctx.db, [ref.id])).get(ref.id);
  const today = todayOf(ctx);
  const birthDate = care?.birthDate ?? null;
  if (!birthDate)
    throw new AppError(
      'resident_not_child',
      `resident ${ref.id} has no birth date recorded: a growth chart needs the child's age`,
    );
  if (!isChildOn(birthDate, today))
    throw new AppError(
      'resident_not_child',
      `resident ${ref.id} is not a child under ${CHILD_UNDER_YEARS} (born ${birthDate}): growth charts are for children`,
    );
  const sex: GrowthSex | null = care?.sex === 'male' || care?.sex === 'female' ? care.sex : null;
  const tables = growthTables();
  const readings: GrowthReadingView[] = [];
  for (const r of await growthReadingsOf(ctx.db, ref.id)) {
    if (r.date < birthDate) continue; // a visit before the recorded birth: the birth date is wrong, not the child
    const m = { date: r.date, weightKg: r.weightKg, heightCm: r.heightCm, position: null };
    const age = ageOn(birthDate, r.date);
    const base = {
      encounterId: r.encounterId,
      date: r.date,
      age,
      ageMonths: round2(age.days / DAYS_PER_MONTH),
      weightKg: r.weightKg,
      heightCm: r.heightCm,
    };
    if (sex) {
      const a = assess(tables, sex, birthDate, m);
      readings.push({
        ...base,
        lengthForTables: a.length,
        weightForAge: a.weightForAge,
        lengthHeightForAge: a.lengthHeightForAge,
        weightForLengthHeight: a.weightForLengthHeight,
        unscored: age.days > LAST_TABLE_DAY ? 'over-60-months' : null,
      });
    } else {
      readings.push({
        ...base,
        lengthForTables: r.heightCm === null ? null : lengthForTables(age.days, r.heightCm, null),
        weightForAge: null,
        lengthHeightForAge: null,
        weightForLengthHeight: null,
        unscored: 'sex-not-recorded',
      });
    }
  }
  return { residentId: ref.id, sex, birthDate, today, age: ageOn(birthDate, today), readings };
}

const byMonth = (points: ReturnType<typeof referenceCurves>['weightForAge']) =>
  points.map(({ month, ...sd }) => ({ x: month, ...sd }));
const byCm = (points: ReturnType<typeof curveByLength>) => points.map(({ cm, ...sd }) => ({ x: cm, ...sd }));

/** GET /api/growth/reference: the −3, −2, 0, +2, +3 SD curves of an indicator for a sex, for the chart. */
export function growthReference(q: GrowthReferenceQuery): GrowthReference {
  const tables = growthTables();
  if (q.indicator === 'weight-for-length-height')
    return {
      ...q,
      unit: 'kg',
      curves: [
        { x: 'length-cm', points: byCm(curveByLength(tables.weightForLength, q.sex)) },
        { x: 'height-cm', points: byCm(curveByLength(tables.weightForHeight, q.sex)) },
      ],
    };
  const curves = referenceCurves(tables, q.sex);
  return q.indicator === 'weight-for-age'
    ? { ...q, unit: 'kg', curves: [{ x: 'age-months', points: byMonth(curves.weightForAge) }] }
    : { ...q, unit: 'cm', curves: [{ x: 'age-months', points: byMonth(curves.lengthHeightForAge) }] };
}
