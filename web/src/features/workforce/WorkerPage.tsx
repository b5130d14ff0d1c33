import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AddTrainingForm } from './AddTrainingForm.tsx';
import { useProfile, useWorker } from './api.ts';
import { profileLabel, sexLabel } from './labels.ts';
import { TrainingRecords } from './TrainingRecords.tsx';
import { WorkerAssignments } from './WorkerAssignments.tsx';
import { WorkerRotations } from './WorkerRotations.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** One health worker: identity, cadre and qualification, assignments, rotations, training records. */
export function WorkerPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const session = useSignedIn();
  const profile = useProfile();
  const worker = useWorker(id);

  const back = (
    <Anchor component={Link} to="/workforce/workers" size="sm">
      {t('workforce.worker.backToList')}
    </Anchor>
  );
  if (worker.isPending) return <Loading />;
  if (worker.isError)
    return (
      <Stack align="flex-start">
        <Alert color={worker.error instanceof ApiError && worker.error.status === 404 ? 'yellow' : 'red'}>
          {worker.error instanceof ApiError && worker.error.status === 404
            ? t('common.notFound')
            : errorText(worker.error, i18n)}
        </Alert>
        {back}
      </Stack>
    );

  const w = worker.data;
  const notGiven = t('workforce.worker.notGiven');
  return (
    <Stack>
      {back}
      <div>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            {w.fullName}
          </Title>
          <Badge variant="light" color={w.active ? 'teal' : 'gray'} tt="none">
            {w.active ? t('workforce.worker.active') : t('workforce.staff.inactive')}
          </Badge>
        </Group>
        <Text c="dimmed" data-testid="worker-profile">
          {profileLabel(t, 'cadre', w.cadre, profile.data)} ·{' '}
          {profileLabel(t, 'qualification', w.qualification, profile.data)}
        </Text>
      </div>
      <Card withBorder component="section" aria-labelledby="worker-identity">
        <Title order={2} size="h4" mb="sm" id="worker-identity">
          {t('workforce.worker.identity')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
          <Fact label={t('workforce.staff.code')} value={w.code} />
          <Fact label={t('workforce.worker.sex')} value={w.sex ? sexLabel(t, w.sex) : notGiven} />
          <Fact
            label={t('workforce.worker.birthDate')}
            value={w.birthDate ? i18n.date(w.birthDate) : notGiven}
          />
          <Fact label={t('workforce.worker.licence')} value={w.licenceNumber ?? notGiven} />
          <Fact label={t('workforce.worker.phone')} value={w.phone ?? notGiven} />
          <Fact
            label={t('workforce.worker.currentAssignment')}
            value={w.currentAssignment?.facilityName ?? t('workforce.staff.noAssignment')}
          />
        </SimpleGrid>
      </Card>
      <WorkerAssignments assignments={w.assignments} />
      {can(session, 'rotations.read') && <WorkerRotations workerId={w.id} />}
      <TrainingRecords workerId={w.id} />
      {can(session, 'workers.write') && <AddTrainingForm workerId={w.id} />}
    </Stack>
  );
}
