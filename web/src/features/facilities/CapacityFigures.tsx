import { SimpleGrid, Stack, Text } from '@mantine/core';
import { FigureCard } from '../../components/FigureCard.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CapacityReport } from './api.ts';
import { useLabels } from './labels.ts';

/** The headline figures of a capacity report, every number in the reader's format. */
export function CapacityFigures({ report: r }: { report: CapacityReport }) {
  const { t, number, percent, date } = useI18n();
  const labels = useLabels();
  const rate = (v: number | null) => (v === null ? t('facilities.capacity.noPopulation') : number(v, 1));
  const share = (v: number | null) => (v === null ? '–' : percent(v, 1));
  const againstTarget = (value: number | null, target: number | undefined) => {
    if (target === undefined || value === null) return undefined;
    const reached = value >= target;
    return (
      <Text size="sm" c={reached ? 'teal.9' : 'red.9'} fw={500}>
        {t(reached ? 'facilities.capacity.targetReached' : 'facilities.capacity.targetShort', {
          target: number(target, 1),
          year: r.target?.year ?? '',
          gap: number(Math.abs(value - target), 1),
        })}
      </Text>
    );
  };
  const kinds = Object.entries(r.facilities.byKind).sort((a, b) => b[1] - a[1]);

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" data-testid="capacity-figures">
      <FigureCard
        testId="figure-beds-rate"
        label={t('facilities.capacity.bedsPer10k')}
        value={rate(r.bedsPer10k)}
        detail={againstTarget(r.bedsPer10k, r.target?.bedsPer10k)}
      />
      <FigureCard
        testId="figure-doctors-rate"
        label={t('facilities.capacity.doctorsPer10k')}
        value={rate(r.doctorsPer10k)}
        detail={againstTarget(r.doctorsPer10k, r.target?.doctorsPer10k)}
      />
      <FigureCard
        label={t('facilities.capacity.population')}
        value={number(r.population, 0)}
        detail={t('facilities.capacity.households', { count: r.households })}
      />
      <FigureCard
        testId="figure-facilities"
        label={t('facilities.capacity.facilities')}
        value={number(r.facilities.total, 0)}
        detail={
          <Stack gap={0} component="ul" p={0} m={0}>
            {kinds.map(([kind, count]) => (
              <Text key={kind} size="sm" component="li" style={{ listStyle: 'none' }}>
                {t('facilities.capacity.kindCount', { kind: labels.kind(kind), count: number(count, 0) })}
              </Text>
            ))}
          </Stack>
        }
      />
      <FigureCard label={t('facilities.capacity.beds')} value={number(r.facilities.beds, 0)} />
      <FigureCard
        label={t('facilities.capacity.staff')}
        value={number(r.staff, 0)}
        detail={t('facilities.capacity.bachelorShare', { share: share(r.bachelorOrAboveShare) })}
      />
      <FigureCard
        testId="figure-doctors"
        label={t('facilities.capacity.doctors')}
        value={number(r.doctors, 0)}
        detail={t('facilities.capacity.postgraduateShare', { share: share(r.doctorsPostgraduateShare) })}
      />
      <FigureCard
        testId="figure-station-doctor"
        label={t('facilities.capacity.stationsWithDoctor')}
        value={t('facilities.capacity.xOfY', {
          x: number(r.communes.stationHasDoctor, 0),
          y: number(r.communes.total, 0),
        })}
        detail={t('facilities.capacity.stationsShare', {
          share: share(r.communes.stationHasDoctorShare),
          stations: number(r.communes.withStation, 0),
        })}
      />
      <FigureCard
        testId="figure-rotation"
        label={t('facilities.capacity.rotatingThisWeek')}
        value={t('facilities.capacity.xOfY', {
          x: number(r.rotation.withRotatingDoctor, 0),
          y: number(r.rotation.communeStations, 0),
        })}
        detail={t('facilities.capacity.week', {
          start: date(r.rotation.weekStart),
          end: date(r.rotation.weekEnd),
        })}
      />
    </SimpleGrid>
  );
}
