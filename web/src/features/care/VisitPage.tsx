import './care.css';
import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResident } from '../residents/api.ts';
import { EligibilityAnswerPanel } from '../residents/EligibilityAnswer.tsx';
import { useEncounter, useObservationKinds, useTimeline } from './api.ts';
import { ClosedVisit } from './ClosedVisit.tsx';
import { LastTimePanel } from './LastTimePanel.tsx';
import { kindLabel, statusLabel } from './labels.ts';
import { VisitForm } from './VisitForm.tsx';

/**
 * The visit screen, the station's main tool: the resident and the insurance answer given at the
 * opening, last time's values and the current medicines in view, then the visit being recorded (or,
 * once closed, its bill, dispensing and history). On a phone one column, the record first; on a
 * desktop the record beside what is known already.
 */
export function VisitPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const encounter = useEncounter(id);
  const residentId = encounter.data?.residentId;
  const resident = useResident(residentId);
  const timeline = useTimeline(residentId);
  const kinds = useObservationKinds();

  if (encounter.isPending) return <Loading />;
  if (encounter.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(encounter.error, i18n)}
      </Alert>
    );
  const e = encounter.data;
  const name = resident.data?.fullName ?? '…';
  return (
    <Stack maw={1200}>
      <Group gap="md">
        <Anchor component={Link} to={`/residents/${e.residentId}`} size="sm">
          {t('care.visit.backToResident')}
        </Anchor>
        <Anchor component={Link} to={`/residents/${e.residentId}/timeline`} size="sm">
          {t('care.resident.timeline')}
        </Anchor>
      </Group>
      <Group gap="sm" align="center">
        <Title order={1} size="h3" data-testid="visit-title">
          {t('care.visit.title', { name })}
        </Title>
        <Badge size="lg" color={e.status === 'open' ? 'blue' : 'green'} data-testid="visit-status">
          {statusLabel(e.status, i18n)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {[kindLabel(e.kind, i18n), i18n.date(e.date), e.facility.name].join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Stack gap="md" style={{ gridColumn: 'span 1' }}>
          <section aria-label={t('care.visit.eligibility')} data-testid="visit-eligibility">
            {e.eligibility ? (
              <EligibilityAnswerPanel answer={e.eligibility} />
            ) : (
              <Alert color="yellow">{t('care.visit.noEligibility')}</Alert>
            )}
          </section>
          {timeline.data && <LastTimePanel timeline={timeline.data} encounterId={e.id} />}
          {timeline.isError && <Alert color="red">{errorText(timeline.error, i18n)}</Alert>}
        </Stack>
        <div className="care-record">
          {e.status === 'open' ? (
            kinds.data ? (
              <VisitForm encounter={e} timeline={timeline.data} kinds={kinds.data} />
            ) : kinds.isError ? (
              <Alert color="red">{errorText(kinds.error, i18n)}</Alert>
            ) : (
              <Loading />
            )
          ) : (
            <ClosedVisit encounter={e} />
          )}
        </div>
      </SimpleGrid>
    </Stack>
  );
}
