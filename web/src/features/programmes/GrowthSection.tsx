import { Card, Stack, Text, Title } from '@mantine/core';
import { useToday } from '../../api/profile.ts';
import { daysBetween } from '../../calendar.ts';
import { QueryState } from '../../components/QueryState.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useGrowth, useWeightForAgeCurves } from './api.ts';
import { GrowthChart } from './GrowthChart.tsx';

/** The WHO growth chart is for children under six (z-scores to 60 months); the route answers 409 after. */
const CHART_UNDER_DAYS = 6 * 365;

/** What a weight-for-age z-score says; a class of another indicator shows as its id. */
const CLASS: Record<string, MessageKey> = {
  severely_underweight: 'programmes.growth.class.severely_underweight',
  underweight: 'programmes.growth.class.underweight',
  normal: 'programmes.growth.class.normal',
  implausible: 'programmes.growth.class.implausible',
};

/**
 * A child's weight for age on their page: the WHO median and ±2 SD lines for the child's sex, each
 * weighing as a point, and the last one in words (kg, age, z-score and what it says).
 */
export function GrowthSection({ residentId, birthDate }: { residentId: string; birthDate: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const child = birthDate !== null && daysBetween(birthDate, today) < CHART_UNDER_DAYS;
  const growth = useGrowth(residentId, child);
  const curves = useWeightForAgeCurves(growth.data?.sex);
  if (!child) return null;
  const weighings = (growth.data?.readings ?? []).flatMap((r) =>
    r.weightKg === null ? [] : [{ months: r.ageMonths, kg: r.weightKg, score: r.weightForAge }],
  );
  const last = weighings.at(-1);
  const ageCurve = curves.data?.curves.find((c) => c.x === 'age-months')?.points ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="growth-title" data-testid="growth">
      <Title order={2} size="h4" id="growth-title" mb="xs">
        {t('programmes.growth.title')}
      </Title>
      <QueryState query={growth}>
        {(data) =>
          weighings.length === 0 ? (
            <Text size="sm">{t('programmes.growth.none')}</Text>
          ) : (
            <Stack gap="xs">
              {ageCurve.length > 0 && (
                <GrowthChart curves={ageCurve} weighings={weighings} ageMonths={data.age.days / 30.4375} />
              )}
              {last && (
                <Text size="sm" data-testid="growth-last">
                  {last.score
                    ? t('programmes.growth.last', {
                        weight: i18n.number(last.kg, 1),
                        months: i18n.number(Math.floor(last.months), 0),
                        z: i18n.number(last.score.z, 1),
                        class: CLASS[last.score.class] ? t(CLASS[last.score.class]!) : last.score.class,
                      })
                    : t('programmes.growth.lastUnscored', {
                        weight: i18n.number(last.kg, 1),
                        months: i18n.number(Math.floor(last.months), 0),
                      })}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
