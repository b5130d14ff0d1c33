import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type CapacityReport,
  useCapacity,
  useChildAreas,
  useChildCapacities,
  useHomeArea,
  useProfile,
} from './api.ts';
import { CapacityFigures } from './CapacityFigures.tsx';
import { capacityYears, hasComparableChildren } from './capacity-areas.ts';
import { type RateBar, RateChart } from './RateChart.tsx';

/**
 * The capacity of the user's area against the plan: beds and doctors per 10,000 people as bar charts
 * (the area, then each district or commune in it) with the target as a line, and the headline figures.
 */
export function CapacityPage() {
  const today = useToday();
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const { data: profile } = useProfile();
  const home = useHomeArea();
  const years = capacityYears(today);
  const year = Number(params.get('year')) || years[0] || Number(today.slice(0, 4));
  const areaCode = params.get('area') || home.area?.code;
  const pickable = profile && home.area && hasComparableChildren(profile, home.area.level);
  const homeChildren = useChildAreas(pickable ? home.area?.id : undefined, undefined);
  const report = useCapacity(areaCode, year);
  const set = (key: 'area' | 'year', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('facilities.capacity.title')}
      </Title>
      <Group gap="sm" align="flex-end">
        {pickable && (homeChildren.data?.length ?? 0) > 0 && (
          <NativeSelect
            label={t('facilities.field.area')}
            value={areaCode ?? ''}
            onChange={(e) =>
              set('area', e.currentTarget.value === home.area?.code ? '' : e.currentTarget.value)
            }
            data={[
              { value: home.area?.code ?? '', label: home.area?.name ?? '' },
              ...(homeChildren.data ?? []).map((a) => ({ value: a.code, label: a.name })),
            ]}
            w={{ base: '100%', xs: 280 }}
          />
        )}
        <NativeSelect
          label={t('facilities.capacity.year')}
          value={String(year)}
          onChange={(e) => set('year', e.currentTarget.value)}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          w={{ base: '100%', xs: 120 }}
        />
      </Group>
      {home.isPending || report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText(report.error, i18n)}</Text>
            <Button size="xs" variant="light" onClick={() => report.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : !report.data ? (
        <Text c="gray.7">{t('facilities.capacity.noArea')}</Text>
      ) : (
        <CapacityView report={report.data} />
      )}
    </Stack>
  );
}

function CapacityView({ report }: { report: CapacityReport }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const { data: profile } = useProfile();
  const comparable = profile ? hasComparableChildren(profile, report.area.level) : false;
  const children = useChildAreas(comparable ? report.area.id : undefined, undefined);
  const childReports = useChildCapacities(comparable ? (children.data ?? []) : [], report.year);
  const loadingChildren = comparable && (children.isPending || childReports.some((r) => r.isPending));
  const failedChildren = childReports.find((r) => r.isError)?.error;

  const bars = (pick: (r: CapacityReport) => number | null): RateBar[] => [
    { name: report.area.name, value: pick(report), whole: true },
    ...childReports.flatMap((r) => (r.data ? [{ name: r.data.area.name, value: pick(r.data) }] : [])),
  ];
  const format = (v: number) => number(v, 1);
  const target = report.target;
  const targetLabel = (value: number) =>
    t('facilities.capacity.targetLine', { value: number(value, 1), year: target?.year ?? '' });

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {t('facilities.capacity.counted', {
          area: report.area.name,
          population: number(report.population, 0),
          year: report.year,
          date: i18n.date(report.staffCountedOn),
        })}
      </Text>
      <CapacityFigures report={report} />
      {loadingChildren && (
        <Text size="sm" c="gray.7" role="status">
          {t('facilities.capacity.loadingParts')}
        </Text>
      )}
      {failedChildren && (
        <Alert color="yellow" role="alert">
          {errorText(failedChildren, i18n)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">
            {t('facilities.capacity.bedsChart')}
          </Title>
          <RateChart
            testId="beds-chart"
            bars={bars((r) => r.bedsPer10k)}
            target={target?.bedsPer10k ?? null}
            targetLabel={target ? targetLabel(target.bedsPer10k) : ''}
            format={format}
            label={t('facilities.capacity.bedsChart')}
          />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">
            {t('facilities.capacity.doctorsChart')}
          </Title>
          <RateChart
            testId="doctors-chart"
            bars={bars((r) => r.doctorsPer10k)}
            target={target?.doctorsPer10k ?? null}
            targetLabel={target ? targetLabel(target.doctorsPer10k) : ''}
            format={format}
            label={t('facilities.capacity.doctorsChart')}
          />
        </Card>
      </SimpleGrid>
      {(profile?.capacityTargets.length ?? 0) > 0 && (
        <Text size="sm" c="gray.7" data-testid="capacity-targets">
          {t('facilities.capacity.targetsNote', {
            targets: (profile?.capacityTargets ?? [])
              .map((x) =>
                t('facilities.capacity.targetItem', {
                  beds: number(x.bedsPer10k, 1),
                  doctors: number(x.doctorsPer10k, 1),
                  year: x.year,
                }),
              )
              .join('; '),
          })}
        </Text>
      )}
    </Stack>
  );
}
