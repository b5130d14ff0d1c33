import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useProfile } from '../../api/profile.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResident } from '../residents/api.ts';
import { type Flag, type Timeline, useTimeline } from './api.ts';
import { type ChartLine, hasPoints, sortedPoints } from './chart-series.ts';
import { LastTimePanel } from './LastTimePanel.tsx';
import { flagLabel, kindLabel, nameIn, observationLabel, statusLabel, unitLabel } from './labels.ts';
import { ObservationChart } from './ObservationChart.tsx';
import { timelineCharts } from './timeline-charts.ts';

/**
 * A resident's health over time: blood pressure, glucose and weight as charts (ECharts, SVG), the
 * problem list, the current medicines, the flags, and every visit (newest first) leading to its page.
 */
export function TimelinePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const session = useSignedIn();
  const resident = useResident(id);
  const timeline = useTimeline(id);

  if (timeline.isPending) return <Loading />;
  if (timeline.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(timeline.error, i18n)}
      </Alert>
    );
  const tl = timeline.data;
  return (
    <Stack maw={1200}>
      <Group gap="md">
        <Anchor component={Link} to={`/residents/${id}`} size="sm">
          {t('care.visit.backToResident')}
        </Anchor>
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h3" data-testid="timeline-title">
          {t('care.timeline.title', { name: resident.data?.fullName ?? '…' })}
        </Title>
        {can(session, 'care.write') && (
          <Anchor component={Link} to={`/residents/${id}/visit`} fw={600}>
            {t('care.resident.newVisit')}
          </Anchor>
        )}
      </Group>
      <Charts timeline={tl} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LastTimePanel timeline={tl} />
        <Flags flags={tl.flags} />
      </SimpleGrid>
      <Visits timeline={tl} />
    </Stack>
  );
}

function Charts({ timeline }: { timeline: Timeline }) {
  const i18n = useI18n();
  const { t } = i18n;
  const charts = useMemo(() => timelineCharts(timeline, i18n), [timeline, i18n]);
  const { units } = timeline;
  const date = useMemo(() => (at: string) => i18n.date(at), [i18n]);
  const format = useMemo(() => (v: number) => i18n.number(v, 1), [i18n]);
  const panels: { id: string; title: string; unit: string; lines: ChartLine[] }[] = [
    { id: 'bp', title: t('care.timeline.bp'), unit: units.bloodPressure, lines: charts.bp },
    { id: 'glucose', title: t('care.timeline.glucose'), unit: units.glucose, lines: charts.glucose },
    { id: 'hba1c', title: observationLabel('hba1c', i18n), unit: units.hba1c, lines: charts.hba1c },
    { id: 'weight', title: t('care.timeline.weight'), unit: units.weight, lines: charts.weight },
  ].filter((p) => p.id === 'bp' || p.id === 'weight' || hasPoints(p.lines));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {panels.map((p) => {
        const unit = unitLabel(p.unit, i18n);
        // Values counted as readings: blood pressure's two lines are one reading each visit.
        const count = Math.max(0, ...p.lines.map((l) => l.points.length));
        const latest = p.lines
          .map((l) => sortedPoints(l.points).at(-1))
          .filter((x) => x !== undefined)
          .map((x) => format(x.value))
          .join('/');
        return (
          <Card key={p.id} withBorder component="section" aria-labelledby={`chart-${p.id}`}>
            <Title order={2} size="h4" id={`chart-${p.id}`} mb="xs">
              {p.title} ({unit})
            </Title>
            {hasPoints(p.lines) ? (
              <>
                <ObservationChart
                  lines={p.lines}
                  date={date}
                  format={format}
                  label={t('care.timeline.chart', { what: p.title, count, latest })}
                  testId={`chart-${p.id}`}
                />
                <Text size="sm" c="dimmed" data-testid={`chart-${p.id}-latest`}>
                  {t('care.timeline.chart', {
                    what: p.title,
                    count,
                    latest: `${latest} ${unit}`,
                  })}
                </Text>
              </>
            ) : (
              <Text c="dimmed">{t('care.timeline.noValues')}</Text>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function Flags({ flags }: { flags: readonly Flag[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card withBorder component="section" aria-labelledby="flags-title" data-testid="flags">
      <Title order={2} size="h4" id="flags-title" mb="xs">
        {t('care.flags.title')}
      </Title>
      {flags.length === 0 ? (
        <Text c="dimmed">{t('care.flags.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {flags.slice(0, 20).map((f) => (
            <Group component="li" key={`${f.encounterId}-${f.code}-${f.key ?? ''}`} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/visits/${f.encounterId}`} size="sm">
                {i18n.date(f.date)}
              </Anchor>
              {f.kind === 'alarming-observation' ? (
                <Text size="sm">
                  {observationLabel(f.key ?? f.code, i18n)} {f.value === null ? '' : i18n.number(f.value, 1)}{' '}
                  {f.unit ? unitLabel(f.unit, i18n) : ''}
                </Text>
              ) : (
                <Text size="sm">{t('care.flags.diagnosis', { date: i18n.date(f.date), code: f.code })}</Text>
              )}
              {f.flag && <Badge color="red">{flagLabel(f.flag, i18n)}</Badge>}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Visits({ timeline }: { timeline: Timeline }) {
  const i18n = useI18n();
  const { t } = i18n;
  const currency = useProfile().data?.currency;
  return (
    <Card withBorder component="section" aria-labelledby="visits-title" data-testid="visits">
      <Title order={2} size="h4" id="visits-title" mb="xs">
        {t('care.timeline.visits', { count: timeline.visitCount })}
      </Title>
      {timeline.visits.length === 0 ? (
        <Text c="dimmed">{t('care.timeline.noVisits')}</Text>
      ) : (
        <Stack gap={6} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {timeline.visits.map((v) => (
            <Group component="li" key={v.id} gap="xs" wrap="wrap" data-testid="timeline-visit">
              <Anchor component={Link} to={`/visits/${v.id}`} fw={600} miw={110}>
                {i18n.date(v.date)}
              </Anchor>
              <Text size="sm">{kindLabel(v.kind, i18n)}</Text>
              {v.mainDiagnosis && (
                <Text size="sm">
                  {v.mainDiagnosis.code} {nameIn(v.mainDiagnosis.names, i18n)}
                </Text>
              )}
              {v.status === 'open' && <Badge color="blue">{statusLabel(v.status, i18n)}</Badge>}
              {v.flagCount > 0 && (
                <Badge color="red">{t('care.timeline.flagCount', { count: v.flagCount })}</Badge>
              )}
              {currency && v.residentPays !== null && (
                <Text size="sm" c="dimmed">
                  {t('care.timeline.residentPays', { amount: i18n.money(v.residentPays, currency) })}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
