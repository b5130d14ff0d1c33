import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import {
  type RotationSession,
  useCreateRotation,
  useDoctors,
  useFacilityOptions,
  useProfile,
} from './api.ts';
import { sessionLabel } from './labels.ts';
import {
  parseClash,
  ROTATION_FIELDS,
  type RotationValues,
  rotationBody,
  rotationProblems,
} from './rotation-form.ts';
import { addDays, weekDates, weekdayName } from './week.ts';

const SESSIONS: RotationSession[] = ['day', 'morning', 'afternoon'];

/** The API's 409 answer in the reader's language when it has the usual shape, as it came otherwise. */
function clashText(error: ApiError, i18n: I18n): string {
  const clash = parseClash(error.message);
  if (!clash) return error.message;
  return i18n.t('workforce.rotations.clash', {
    worker: clash.worker,
    host: clash.host,
    date: i18n.date(clash.date),
    session: sessionLabel(i18n.t, clash.session),
  });
}

interface Props {
  /** The station on screen, proposed as host. */
  hostFacilityId: string | undefined;
  /** The week on screen, proposed as the period. */
  monday: string;
}

/** Plans a district doctor's sessions at a commune station (POST /api/rotations), for rotations.write. */
export function ScheduleRotationForm({ hostFacilityId, monday }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const profile = useProfile();
  const doctorCadre = profile.data?.cadres.find((c) => c.isDoctor)?.id;
  const doctors = useDoctors(doctorCadre);
  const stations = useFacilityOptions(profile.data?.communeStationKinds, Boolean(profile.data));
  const create = useCreateRotation();
  const [banner, setBanner] = useState<string | null>(null);
  const [clash, setClash] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<RotationValues>({
    initialValues: {
      workerId: '',
      hostFacilityId: hostFacilityId ?? '',
      startDate: monday,
      endDate: addDays(monday, 6),
      weekdays: [],
      session: 'day',
      note: '',
    },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(rotationProblems(values)).map(([field, p]) => [field, t(p.key, p.params)]),
      ),
  });

  const submit = form.onSubmit((values) => {
    setBanner(null);
    setClash(null);
    setDone(false);
    create.mutate(rotationBody(values), {
      onSuccess: () => setDone(true),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) setClash(clashText(error, i18n));
        else setBanner(applyApiErrors(error, form.setFieldError, ROTATION_FIELDS, i18n));
      },
    });
  });

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate data-testid="schedule-rotation-form">
        <Stack>
          {done && (
            <Alert color="green" role="status">
              {t('workforce.rotations.scheduled')}
            </Alert>
          )}
          {clash && (
            <Alert
              color="orange"
              role="alert"
              title={t('workforce.rotations.clashTitle')}
              data-testid="rotation-clash"
            >
              {clash}
            </Alert>
          )}
          {banner && (
            <Alert color="red" role="alert" data-testid="form-error">
              {banner}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('workforce.rotations.doctor')}
              required
              searchable
              data={(doctors.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.fullName} (${w.code})${w.currentAssignment ? ` · ${w.currentAssignment.facilityName}` : ''}`,
              }))}
              nothingFoundMessage={t('common.none')}
              {...form.getInputProps('workerId')}
              value={form.values.workerId || null}
              onChange={(v) => form.setFieldValue('workerId', v ?? '')}
            />
            <Select
              label={t('workforce.rotations.host')}
              required
              searchable
              data={(stations.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }))}
              nothingFoundMessage={t('common.none')}
              {...form.getInputProps('hostFacilityId')}
              value={form.values.hostFacilityId || null}
              onChange={(v) => form.setFieldValue('hostFacilityId', v ?? '')}
            />
            <TextInput
              type="date"
              label={t('workforce.rotations.firstDay')}
              required
              {...form.getInputProps('startDate')}
            />
            <TextInput
              type="date"
              label={t('workforce.rotations.lastDay')}
              required
              {...form.getInputProps('endDate')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('workforce.rotations.weekdays')}
            required
            {...form.getInputProps('weekdays')}
          >
            <Group gap="sm" mt={4}>
              {weekDates(monday).map((date, i) => (
                <Checkbox key={date} value={String(i + 1)} label={weekdayName(locale, date)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NativeSelect
            label={t('workforce.rotations.session')}
            data={SESSIONS.map((s) => ({ value: s, label: sessionLabel(t, s) }))}
            maw={240}
            {...form.getInputProps('session')}
          />
          <Textarea
            label={t('workforce.rotations.note')}
            maxLength={1000}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('workforce.rotations.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
