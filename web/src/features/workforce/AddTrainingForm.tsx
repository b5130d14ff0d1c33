import {
  Alert,
  Button,
  Card,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAddTraining } from './api.ts';
import { TRAINING_KINDS, trainingKindLabel } from './labels.ts';
import { TRAINING_FIELDS, type TrainingValues, trainingBody, trainingProblems } from './training-form.ts';

const EMPTY: TrainingValues = {
  course: '',
  provider: '',
  kind: 'continuing_education',
  hours: '',
  credits: '',
  completedOn: '',
  certificateNumber: '',
};

/** Records a completed course for a worker (POST /api/workers/:id/training), for users with workers.write. */
export function AddTrainingForm({ workerId }: { workerId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const add = useAddTraining(workerId);
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const today = useToday();
  const form = useForm<TrainingValues>({
    initialValues: EMPTY,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(trainingProblems(values, today)).map(([field, p]) => [field, t(p.key, p.params)]),
      ),
  });

  const submit = form.onSubmit((values) => {
    setBanner(null);
    setDone(false);
    add.mutate(trainingBody(values), {
      onSuccess: () => {
        setDone(true);
        form.reset();
      },
      onError: (error) => setBanner(applyApiErrors(error, form.setFieldError, TRAINING_FIELDS, i18n)),
    });
  });

  return (
    <Card withBorder component="section" aria-labelledby="add-training">
      <Title order={2} size="h4" mb="sm" id="add-training">
        {t('workforce.training.add')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="add-training-form">
        <Stack>
          {done && (
            <Alert color="green" role="status">
              {t('workforce.training.added')}
            </Alert>
          )}
          {banner && (
            <Alert color="red" role="alert" data-testid="form-error">
              {banner}
            </Alert>
          )}
          <TextInput
            label={t('workforce.training.course')}
            required
            maxLength={300}
            {...form.getInputProps('course')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('workforce.training.provider')}
              maxLength={300}
              {...form.getInputProps('provider')}
            />
            <NativeSelect
              label={t('workforce.training.kind')}
              data={TRAINING_KINDS.map((k) => ({ value: k, label: trainingKindLabel(t, k) }))}
              {...form.getInputProps('kind')}
            />
            <NumberInput
              label={t('workforce.training.hours')}
              min={0}
              decimalScale={1}
              allowNegative={false}
              description={t('workforce.training.hoursOrCredits')}
              {...form.getInputProps('hours')}
            />
            <NumberInput
              label={t('workforce.training.credits')}
              min={0}
              decimalScale={1}
              allowNegative={false}
              {...form.getInputProps('credits')}
            />
            <TextInput
              type="date"
              label={t('workforce.training.completedOn')}
              required
              max={today}
              {...form.getInputProps('completedOn')}
            />
            <TextInput
              label={t('workforce.training.certificate')}
              maxLength={100}
              {...form.getInputProps('certificateNumber')}
            />
          </SimpleGrid>
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('workforce.training.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
