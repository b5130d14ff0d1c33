import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { GrowthSection } from '../programmes/GrowthSection.tsx';
import { ProgrammeCards } from '../programmes/ProgrammeCards.tsx';
import { type ResidentDetail, useFacility, useResident } from './api.ts';
import { languageName } from './display.ts';
import { Fact } from './Fact.tsx';
import { HouseholdSection } from './HouseholdSection.tsx';
import { InsuranceSection } from './InsuranceSection.tsx';
import { birthLabel, relationshipLabel, sexLabel, statusLabel } from './labels.ts';

/** One resident: identity, status and its history, household, registered facility, insurance cards. */
export function ResidentPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const session = useSignedIn();
  const resident = useResident(id);
  // Eligibility is checked at the user's own facility (a station's staff, a family doctor).
  const facilityId = session.roles.find((r) => r.facility)?.facility?.id;

  if (resident.isPending)
    return (
      <Text role="status" aria-live="polite">
        {t('common.loading')}
      </Text>
    );
  if (resident.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(resident.error, i18n)}
      </Alert>
    );
  const r = resident.data;
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/residents" size="sm">
        {t('residents.backToSearch')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} size="h2" data-testid="resident-name">
          {r.fullName}
        </Title>
        <Badge color={r.status === 'active' ? 'green' : 'gray'} size="lg" data-testid="resident-status">
          {statusLabel(r.status, i18n)}
        </Badge>
      </Group>
      {(can(session, 'care.write') || can(session, 'care.read')) && (
        // The care screens (features/care) start from here: a visit for this resident, their timeline.
        <Group gap="sm">
          {can(session, 'care.write') && r.status === 'active' && (
            <Button component={Link} to={`/residents/${r.id}/visit`} size="md" data-testid="new-visit">
              {t('care.resident.newVisit')}
            </Button>
          )}
          {can(session, 'care.read') && (
            <Button
              component={Link}
              to={`/residents/${r.id}/timeline`}
              size="md"
              variant="light"
              data-testid="open-timeline"
            >
              {t('care.resident.timeline')}
            </Button>
          )}
          {can(session, 'appointments.read') && (
            <Button
              component={Link}
              to={`/residents/${r.id}/appointments`}
              size="md"
              variant="light"
              data-testid="open-appointments"
            >
              {t('appointments.open')}
            </Button>
          )}
          {can(session, 'care.read') && (
            <Button
              component={Link}
              to={`/residents/${r.id}/vaccinations`}
              size="md"
              variant="light"
              data-testid="open-vaccinations"
            >
              {t('programmes.vacc.open')}
            </Button>
          )}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <IdentityCard resident={r} />
        <HouseholdSection household={r.household} residentId={r.id} />
        {can(session, 'insurance.read') && <InsuranceSection resident={r} facilityId={facilityId} />}
        {can(session, 'care.read') && <ProgrammeCards residentId={r.id} />}
        {can(session, 'care.read') && <GrowthSection residentId={r.id} birthDate={r.birthDate} />}
        <StatusHistory resident={r} />
      </SimpleGrid>
    </Stack>
  );
}

function IdentityCard({ resident: r }: { resident: ResidentDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const facility = useFacility(r.registeredFacilityId);
  return (
    <Card withBorder component="section" aria-labelledby="identity-title" data-testid="identity">
      <Title order={2} size="h4" id="identity-title" mb="xs">
        {t('residents.identity.title')}
      </Title>
      <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
        <Fact label={t('residents.field.sex')}>{sexLabel(r.sex, i18n) || '—'}</Fact>
        <Fact
          label={
            r.birthDatePrecision === 'year' ? t('residents.field.birthYear') : t('residents.field.birthDate')
          }
        >
          {birthLabel(r, i18n) || '—'}
        </Fact>
        <Fact label={t('residents.field.citizenId')} testId="citizen-id">
          {r.citizenId ?? '—'}
        </Fact>
        <Fact label={t('residents.field.phone')}>{r.phone ?? '—'}</Fact>
        <Fact label={t('residents.field.language')} testId="resident-language">
          {r.language ? languageName(r.language, i18n.locale) : t('residents.language.profile')}
        </Fact>
        <Fact label={t('residents.field.ethnicity')}>{r.ethnicity ?? '—'}</Fact>
        <Fact label={t('residents.field.occupation')}>{r.occupation ?? '—'}</Fact>
        <Fact label={t('residents.field.village')}>{r.area.name}</Fact>
        <Fact label={t('residents.field.relationship')}>
          {relationshipLabel(r.relationshipToHead, i18n) || '—'}
        </Fact>
        <Fact label={t('residents.field.facility')} testId="registered-facility">
          {r.registeredFacilityId ? (facility.data?.name ?? '…') : t('residents.identity.noFacility')}
        </Fact>
        {r.code && <Fact label={t('residents.field.code')}>{r.code}</Fact>}
      </SimpleGrid>
    </Card>
  );
}

function StatusHistory({ resident: r }: { resident: ResidentDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const kindLabel = {
    registered: t('residents.history.registered'),
    status: t('residents.history.status'),
    move: t('residents.history.move'),
  };
  return (
    <Card withBorder component="section" aria-labelledby="history-title" data-testid="status-history">
      <Title order={2} size="h4" id="history-title" mb="xs">
        {t('residents.history.title')}
      </Title>
      {r.statusHistory.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <Stack component="ol" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...r.statusHistory].reverse().map((s) => (
            <Group
              component="li"
              key={`${s.effectiveOn}-${s.kind}-${s.status}-${s.reason ?? ''}`}
              gap="xs"
              wrap="wrap"
            >
              <Text size="sm" fw={600} miw={96}>
                {i18n.date(s.effectiveOn)}
              </Text>
              <Text size="sm">
                {kindLabel[s.kind] ?? s.kind} · {statusLabel(s.status, i18n)}
              </Text>
              {s.reason && s.kind !== 'registered' && (
                <Text size="sm" c="dimmed">
                  {s.reason}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
